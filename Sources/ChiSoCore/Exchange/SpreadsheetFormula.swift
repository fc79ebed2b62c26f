/// CSV meant for people is opened in a spreadsheet, which runs a cell that
/// begins with `=`, `+`, `-`, `@`, a tab or a carriage return as a formula
/// (`=HYPERLINK(…)` in an agency's name). Every CSV ChiSo writes
/// (``CSVWriter``) therefore puts a `'` before such a cell, unless it is a
/// plain number (`-2`, `-2.5`), and every CSV it reads (``CSVReader``) takes
/// that `'` away again, so that `chiso score` reads its own exports back.
public enum SpreadsheetFormula {
    static func startsLikeFormula(_ text: some StringProtocol) -> Bool {
        guard let first = text.utf8.first else { return false }
        return first == UInt8(ascii: "=") || first == UInt8(ascii: "+") || first == UInt8(ascii: "-") || first == UInt8(ascii: "@")
            || first == UInt8(ascii: "\t") || first == UInt8(ascii: "\r")
    }

    /// `-?[0-9]+([.,][0-9]+)?` or the same with `+`: left as it is, a number.
    static func isPlainNumber(_ text: some StringProtocol) -> Bool {
        var bytes = Substring(text).utf8[...]
        if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
        let isDigit = { (byte: UInt8) in (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
        let whole = bytes.prefix(while: isDigit)
        guard !whole.isEmpty else { return false }
        bytes = bytes.dropFirst(whole.count)
        guard let mark = bytes.first else { return true }
        guard mark == UInt8(ascii: ".") || mark == UInt8(ascii: ",") else { return false }
        let fraction = bytes.dropFirst()
        return !fraction.isEmpty && fraction.allSatisfy(isDigit)
    }

    /// The cell as written to CSV: `'` before what a spreadsheet would run.
    public static func neutralised(_ cell: String) -> String {
        guard startsLikeFormula(cell), !isPlainNumber(cell) else { return cell }
        return "'" + cell
    }

    /// The cell as read from CSV: a `'` that ``neutralised(_:)`` added is taken away.
    public static func restored(_ cell: String) -> String {
        guard cell.utf8.first == UInt8(ascii: "'"), startsLikeFormula(cell.dropFirst()) else { return cell }
        return String(cell.dropFirst())
    }

    /// True for a name or tag that would be a formula in a spreadsheet: refused where people type them.
    public static func looksLikeFormula(_ text: String) -> Bool {
        startsLikeFormula(text) && !isPlainNumber(text)
    }

    /// The first character of such a text, as a message names it: `"="`, `a tab`.
    public static func describeStart(_ text: String) -> String {
        switch text.unicodeScalars.first {
        case "\t": "TAB"
        case "\r": "CR"
        case let scalar?: "\"\(scalar)\""
        case nil: "\"\""
        }
    }
}
