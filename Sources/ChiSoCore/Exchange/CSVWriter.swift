/// Writes RFC 4180 CSV with `\n` line ends: a field is quoted when it holds
/// a comma, a quote, a line break or leading/trailing space; quotes inside
/// are doubled. A field a spreadsheet would run as a formula gets a `'`
/// first (``SpreadsheetFormula``).
public struct CSVWriter: Sendable {
    public private(set) var text = ""

    public init() {}

    public mutating func row(_ fields: [String]) {
        for (offset, field) in fields.enumerated() {
            if offset > 0 { text.append(",") }
            text.append(CSVWriter.escape(field))
        }
        text.append("\n")
    }

    public static func escape(_ cell: String) -> String {
        let field = SpreadsheetFormula.neutralised(cell)
        let needsQuotes = field.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }
            || field.first?.isWhitespace == true || field.last?.isWhitespace == true
        guard needsQuotes else { return field }
        return "\"" + field.replacingAll("\"", with: "\"\"") + "\""
    }
}

extension String {
    /// Every occurrence of `target` replaced (no Foundation needed).
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        result.reserveCapacity(utf8.count)
        for character in self {
            if character == target { result.append(replacement) } else { result.append(character) }
        }
        return result
    }
}
