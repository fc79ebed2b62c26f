import Foundation
import ZIPFoundation

/// Excel workbooks (.xlsx, Office Open XML SpreadsheetML), as Excel,
/// LibreOffice and online spreadsheets save them: the first worksheet in
/// workbook order, read into rows of text as `CSVReader` gives them.
///
/// The sheet is found as Excel finds it: `_rels/.rels` names the workbook
/// part, the workbook lists its sheets in order, and the workbook's
/// relationships name each sheet's part. Cells come out as their text:
/// shared and inline strings as written, numbers without binary float noise
/// (`2.9999999999999996` is `3`), numbers shown as dates as `YYYY-MM-DD`,
/// booleans as `TRUE`/`FALSE`, errors as their code (`#N/A`).
///
/// A workbook may hold at most `Limits.rows` non-empty rows and
/// `Limits.unzippedBytes` of XML once unzipped, counted while unzipping, so a
/// ZIP bomb is stopped early.
public enum XLSXReader {
    /// Rows of the first worksheet, each with its 1-based spreadsheet row
    /// number (the `r` attribute), cells as text; empty rows skipped; a row's
    /// array is as long as its last non-empty cell (missing cells in between
    /// are "").
    public static func rows(of bytes: [UInt8]) throws(LineProblems) -> [(line: Int, fields: [String])] {
        try rows(of: bytes, limits: Limits())
    }

    /// How much a workbook may hold: a guard against huge sheets and ZIP bombs.
    struct Limits {
        /// Non-empty rows in the sheet.
        var rows = 200_000
        /// Bytes of XML unzipped, all the parts read together.
        var unzippedBytes = 100_000_000
        /// The last column a non-empty cell may be in (an import table is far narrower than a sheet).
        var columns = XLSXReader.maxColumns
    }

    /// Columns a sheet may have, as in Excel: A to XFD.
    static let maxColumns = 16_384

    static func rows(of bytes: [UInt8], limits: Limits) throws(LineProblems) -> [(line: Int, fields: [String])] {
        try read(bytes, limits: limits, allSheets: false).first?.rows ?? []
    }

    /// Every worksheet of a workbook, in workbook order, with its name (as the tab shows it)
    /// and its rows as ``rows(of:)`` gives them; `Limits` count for the whole workbook.
    public static func sheets(of bytes: [UInt8]) throws(LineProblems) -> [(name: String, rows: [(line: Int, fields: [String])])] {
        try read(bytes, limits: Limits(), allSheets: true)
    }

    private static func read(
        _ bytes: [UInt8], limits: Limits, allSheets: Bool
    ) throws(LineProblems) -> [(name: String, rows: [(line: Int, fields: [String])])] {
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) { throw Problem.oldOrProtectedWorkbook }
        var package = try Package(bytes, unzippedBytes: limits.unzippedBytes)
        let workbook = try package.workbook()
        var sharedStrings: [String] = []
        if let part = workbook.sharedStringsPart, let data = try package.read(part) {
            sharedStrings = try XMLParts.parse(data, part: part, with: SharedStrings()).strings
        }
        var dateStyles: Set<Int> = []
        if let part = workbook.stylesPart, let elements = try package.elements(of: part) {
            dateStyles = Styles.dateStyles(elements)
        }
        var sheets: [(name: String, rows: [(line: Int, fields: [String])])] = []
        var rowsLeft = limits.rows
        for worksheet in allSheets ? workbook.worksheets : [workbook.worksheets[0]] {
            guard let sheet = try package.read(worksheet.part) else { throw Problem.damaged(part: worksheet.part) }
            let reader = SheetRows(sharedStrings: sharedStrings, dateStyles: dateStyles,
                                   uses1904Dates: workbook.uses1904Dates, maxRows: rowsLeft, maxColumns: limits.columns)
            let rows = try XMLParts.parse(sheet, part: worksheet.part, with: reader).rows
            rowsLeft -= rows.count
            sheets.append((worksheet.name, rows))
        }
        return sheets
    }
}

extension XLSXReader {
    /// The parts of a workbook that the reader needs, found through its relationships.
    struct Workbook {
        /// The worksheets in workbook order (never empty): the name on each tab and its part.
        var worksheets: [(name: String, part: String)]
        var sharedStringsPart: String?
        var stylesPart: String?
        /// Dates count days from 1904-01-01 (old Mac Excel) rather than from 1900.
        var uses1904Dates: Bool
    }

    /// A workbook's ZIP package, read part by part within a budget of unzipped bytes.
    struct Package {
        private let archive: Archive
        /// Bytes the parts read may unzip to, together, and what is left of them.
        private let unzippedLimit: Int
        private var bytesLeft: Int

        init(_ bytes: [UInt8], unzippedBytes: Int) throws(LineProblems) {
            // Every ZIP file starts with a local file header, "PK\u{3}\u{4}".
            guard bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) else { throw Problem.notAWorkbook }
            // ZIPFoundation traps (crashes the process) on offsets past the end; check them first.
            guard ZIPStructure.isSound(bytes) else { throw Problem.notAWorkbook }
            do {
                archive = try Archive(data: Data(bytes), accessMode: .read)
            } catch {
                throw Problem.notAWorkbook
            }
            unzippedLimit = unzippedBytes
            bytesLeft = unzippedBytes
        }

        /// The workbook part and what it points to; fails when the package holds
        /// no workbook or the workbook no worksheet.
        mutating func workbook() throws(LineProblems) -> Workbook {
            let workbookPart = try relationships(of: "").first { $0.type.hasSuffix("/officeDocument") }?.target
                ?? "xl/workbook.xml"
            guard let elements = try elements(of: workbookPart), elements.first?.name == "workbook" else {
                throw Problem.notAWorkbook
            }
            let relationships = try relationships(of: workbookPart)
            let byID = Dictionary(relationships.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            // Chart sheets are sheets too: only worksheets count.
            let worksheets = elements
                .filter { $0.name == "sheet" }
                .compactMap { sheet in
                    byID[sheet.attributes["id"] ?? ""].map { (name: sheet.attributes["name"] ?? "", relationship: $0) }
                }
                .filter { $0.relationship.type.hasSuffix("/worksheet") }
                .map { (name: $0.name, part: $0.relationship.target) }
            guard !worksheets.isEmpty else { throw Problem.noWorksheet }
            let date1904 = elements.first { $0.name == "workbookPr" }?.attributes["date1904"]
            return Workbook(
                worksheets: worksheets,
                sharedStringsPart: relationships.first { $0.type.hasSuffix("/sharedStrings") }?.target,
                stylesPart: relationships.first { $0.type.hasSuffix("/styles") }?.target,
                uses1904Dates: date1904 == "1" || date1904 == "true")
        }

        /// A part's bytes, nil when the package has no such part. Part names are
        /// compared without case, as the packaging standard (OPC) says.
        mutating func read(_ part: String) throws(LineProblems) -> Data? {
            let name = part.lowercased()
            guard let entry = archive.first(where: { $0.type == .file && $0.path.lowercased() == name }) else { return nil }
            let limit = bytesLeft
            // The declared size may lie: the bytes are counted as they come out too.
            guard entry.uncompressedSize <= UInt64(limit) else { throw Problem.tooLarge(bytes: unzippedLimit) }
            var data = Data()
            do {
                _ = try archive.extract(entry) { chunk in
                    data.append(chunk)
                    if data.count > limit { throw OverBudget() }
                }
            } catch is OverBudget {
                throw Problem.tooLarge(bytes: unzippedLimit)
            } catch {
                throw Problem.damaged(part: part)
            }
            bytesLeft -= data.count
            return data
        }

        /// A part's elements, nil when the package has no such part.
        mutating func elements(of part: String) throws(LineProblems) -> [XMLParts.Element]? {
            guard let data = try read(part) else { return nil }
            return try XMLParts.parse(data, part: part, with: XMLParts.ElementList()).elements
        }

        /// The relationships of a part ("" for the package's own), with their
        /// targets as part names; external targets (web links) left out.
        mutating func relationships(of part: String) throws(LineProblems) -> [Relationship] {
            let slash = part.lastIndex(of: "/")
            let folder = slash.map { String(part[...$0]) } ?? ""
            let file = slash.map { String(part[part.index(after: $0)...]) } ?? part
            guard let elements = try elements(of: "\(folder)_rels/\(file).rels") else { return [] }
            return elements.compactMap { element in
                let attributes = element.attributes
                guard element.name == "Relationship", attributes["TargetMode"] != "External",
                      let id = attributes["Id"], let type = attributes["Type"], let target = attributes["Target"]
                else { return nil }
                return Relationship(id: id, type: type, target: Self.resolve(target, from: folder))
            }
        }

        struct Relationship {
            var id: String
            /// A URI such as `http://…/relationships/worksheet`.
            var type: String
            /// The part name, such as `xl/worksheets/sheet1.xml`.
            var target: String
        }

        /// The part a relationship names: its target read from the folder of the
        /// part that holds it, or from the package's root when it starts with "/".
        static func resolve(_ target: String, from folder: String) -> String {
            var segments = target.hasPrefix("/") ? [] : folder.split(separator: "/")
            for segment in target.split(separator: "/") {
                switch segment {
                case ".": continue
                case "..": _ = segments.popLast()
                default: segments.append(segment)
                }
            }
            return segments.joined(separator: "/")
        }

        /// Stops unzipping a part that outgrows the budget.
        private struct OverBudget: Error {}
    }

    /// The cell styles of `xl/styles.xml` that show numbers as dates.
    enum Styles {
        /// Indexes into `cellXfs` (a cell's `s` attribute) whose number format is a date.
        static func dateStyles(_ elements: [XMLParts.Element]) -> Set<Int> {
            var customFormats: [Int: String] = [:]
            for element in elements where element.name == "numFmt" {
                if let id = element.attributes["numFmtId"].flatMap(Int.init), let code = element.attributes["formatCode"] {
                    customFormats[id] = code
                }
            }
            let cellFormats = elements.filter { $0.name == "xf" && $0.parent == "cellXfs" }
            var dates: Set<Int> = []
            for (style, format) in cellFormats.enumerated() {
                let id = format.attributes["numFmtId"].flatMap(Int.init) ?? 0
                let isDate = customFormats[id].map(isDateFormat) ?? builtInDateFormats.contains(id)
                if isDate { dates.insert(style) }
            }
            return dates
        }

        /// Excel's built-in number formats that show a date, a time or both.
        static let builtInDateFormats: Set<Int> = Set(14...22).union(45...47)

        /// Whether a format code such as `dd/mm/yyyy` or `[$-42A]d mmmm yyyy`
        /// shows a date: it has a day or year token, or a month token in a code
        /// without hours and seconds (`m` is minutes in `h:mm` and `mm:ss`).
        /// Quoted text, escaped characters and bracketed parts (colours, locales)
        /// do not count, but an elapsed time such as `[h]` or `[mm]` is a time.
        static func isDateFormat(_ code: String) -> Bool {
            var tokens = Set<Character>()
            var characters = code.lowercased().makeIterator()
            while let character = characters.next() {
                switch character {
                case "\"":
                    while let quoted = characters.next(), quoted != "\"" {}
                case "[":
                    var bracketed = ""
                    while let inside = characters.next(), inside != "]" { bracketed.append(inside) }
                    if !bracketed.isEmpty, bracketed.allSatisfy({ "hms".contains($0) }) { tokens.insert("h") }
                case "\\", "_", "*":
                    _ = characters.next()
                default:
                    tokens.insert(character)
                }
            }
            return tokens.contains("d") || tokens.contains("y")
                || (tokens.contains("m") && !tokens.contains("h") && !tokens.contains("s"))
        }
    }

    /// The problems of a workbook, each alone: the first one stops the reading.
    enum Problem {
        static let notAWorkbook = one(
            line: 0, english: "the file is not an Excel workbook (.xlsx)",
            vietnamese: "tệp không phải bảng tính Excel (.xlsx)")

        static let oldOrProtectedWorkbook = one(
            line: 0,
            english: "the file is an old Excel workbook (.xls) or is protected by a password: "
                + "open it in Excel and save it as .xlsx without a password",
            vietnamese: "tệp là bảng tính Excel cũ (.xls) hoặc được bảo vệ bằng mật khẩu: "
                + "hãy mở bằng Excel và lưu lại dưới dạng .xlsx, không đặt mật khẩu")

        static let noWorksheet = one(
            line: 0, english: "the workbook has no worksheet", vietnamese: "bảng tính không có trang tính nào")

        static func damaged(part: String) -> LineProblems {
            one(line: 0, english: "the workbook is damaged: its part \(part) is missing or cannot be unzipped",
                vietnamese: "bảng tính bị hỏng: thiếu phần \(part) hoặc không giải nén được")
        }

        static func malformedXML(part: String, line: Int, xmlLine: Int) -> LineProblems {
            one(line: line, english: "the workbook is damaged: its part \(part) is not valid XML (at its line \(xmlLine))",
                vietnamese: "bảng tính bị hỏng: phần \(part) không phải XML hợp lệ (tại dòng \(xmlLine) của phần này)")
        }

        static func tooLarge(bytes: Int) -> LineProblems {
            one(line: 0, english: "the workbook is too large: over \(bytes / 1_000_000) MB of data once unzipped",
                vietnamese: "bảng tính quá lớn: hơn \(bytes / 1_000_000) MB dữ liệu khi giải nén")
        }

        static func tooManyRows(line: Int, limit: Int) -> LineProblems {
            one(line: line, english: "the sheet has more than \(limit) rows",
                vietnamese: "trang tính có hơn \(limit) dòng")
        }

        static func tooManyColumns(line: Int) -> LineProblems {
            one(line: line, english: "a cell lies beyond column XFD, the last of 16384",
                vietnamese: "có ô nằm ngoài cột XFD, cột cuối cùng trong 16384 cột")
        }

        static func badRowNumber(_ text: String) -> LineProblems {
            one(line: 0, english: "the workbook is damaged: a row is numbered \(text.prefix(20)), outside 1–1048576",
                vietnamese: "bảng tính bị hỏng: có dòng mang số \(text.prefix(20)), ngoài khoảng 1–1048576")
        }

        static func tooWide(line: Int, limit: Int) -> LineProblems {
            one(line: line, english: "a row has cells beyond column \(limit): an import table is narrower",
                vietnamese: "có dòng có ô vượt quá cột thứ \(limit): bảng nhập dữ liệu không rộng như vậy")
        }

        static func unknownSharedString(line: Int, index: String) -> LineProblems {
            one(line: line, english: "the workbook is damaged: a cell refers to shared text \(index), which does not exist",
                vietnamese: "bảng tính bị hỏng: một ô tham chiếu tới chuỗi dùng chung số \(index) không tồn tại")
        }

        private static func one(line: Int, english: String, vietnamese: String) -> LineProblems {
            LineProblems([LineProblem(line: line, english: english, vietnamese: vietnamese)])
        }
    }
}
