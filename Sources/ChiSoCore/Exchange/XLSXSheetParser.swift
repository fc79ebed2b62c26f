import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

extension XLSXReader {
    /// What a streaming reader of one XML part does with its events. Element
    /// names come without their namespace prefix (`x:row` is `row`); attribute
    /// names come as written.
    protocol PartReader {
        mutating func start(_ name: Substring, _ attributes: [String: String]) throws(LineProblems)
        mutating func characters(_ text: String)
        mutating func end(_ name: Substring) throws(LineProblems)
        /// The row being read, for a problem's line (0 outside a sheet).
        var line: Int { get }
    }

    /// XML parts of a workbook, parsed as a stream with Foundation's `XMLParser`.
    enum XMLParts {
        /// Runs `reader` over a part's XML and returns it, done.
        static func parse<Reader: PartReader>(_ data: Data, part: String, with reader: Reader) throws(LineProblems) -> Reader {
            guard isUTF8Document(data) else { throw Problem.malformedXML(part: part, line: reader.line, xmlLine: 1) }
            let delegate = Delegate(reader)
            // From a stream: on Linux, `XMLParser(data:)` refuses documents over 10 MB,
            // and a province's full input matrix can be larger.
            let parser = XMLParser(stream: InputStream(data: data))
            parser.shouldResolveExternalEntities = false
            parser.delegate = delegate
            let parsed = parser.parse()
            if let problems = delegate.problems { throw problems }
            // XMLParser on Linux recovers from some errors and calls a
            // truncated document parsed: any error, or an element left open, fails.
            guard parsed, delegate.errorLine == nil, delegate.isComplete else {
                throw Problem.malformedXML(part: part, line: delegate.reader.line,
                                           xmlLine: delegate.errorLine ?? parser.lineNumber)
            }
            return delegate.reader
        }

        /// Whether a part is XML in UTF-8, as every spreadsheet program writes it: its first character
        /// (after a UTF-8 byte-order mark and white space) is `<`, and an XML declaration names no other
        /// encoding. Anything else is refused before libxml2 sees it: its guess at UTF-16 or UCS-4 from
        /// the first bytes, or a declared switch, on bytes that are not, crashed it when the reader then
        /// stopped the parse (found by bench/fuzz).
        static func isUTF8Document(_ data: Data) -> Bool {
            var bytes = data.prefix(512)[...]
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
            bytes = bytes.drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
            guard bytes.first == UInt8(ascii: "<") else { return false }
            guard bytes.starts(with: Array("<?xml".utf8)) else { return true }
            let declaration = String(decoding: bytes.prefix { $0 != UInt8(ascii: ">") }, as: UTF8.self).lowercased()
            guard let range = declaration.range(of: "encoding") else { return true }
            let value = declaration[range.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\"" || $0 == "'" }
            return value.hasPrefix("utf-8") || value.hasPrefix("utf8")
        }

        /// Hands `XMLParser`'s callbacks to a reader, and stops at its first problem.
        private final class Delegate<Reader: PartReader>: NSObject, XMLParserDelegate {
            var reader: Reader
            /// The reader's problem, which stopped the parsing.
            var problems: LineProblems?
            /// The line of the XML's first error, if any.
            var errorLine: Int?
            /// Elements started and not yet ended.
            private var openElements = 0
            private var sawRoot = false

            /// Whether the document had a root element and closed it.
            var isComplete: Bool { sawRoot && openElements == 0 }

            init(_ reader: Reader) { self.reader = reader }

            func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                        qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
                sawRoot = true
                openElements += 1
                do throws(LineProblems) {
                    try reader.start(localName(elementName), attributeDict)
                } catch {
                    stop(parser, error)
                }
            }

            func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
                        qualifiedName qName: String?) {
                openElements -= 1
                do throws(LineProblems) {
                    try reader.end(localName(elementName))
                } catch {
                    stop(parser, error)
                }
            }

            func parser(_ parser: XMLParser, foundCharacters string: String) {
                reader.characters(string)
            }

            func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
                reader.characters(String(decoding: CDATABlock, as: UTF8.self))
            }

            func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
                // Namespace slips (libxml2's warnings 100–101 and errors 200–205,
                // such as an undeclared prefix) do not matter to a reader of local names.
                let code = (parseError as NSError).code
                guard problems == nil, !(100...101).contains(code), !(200...205).contains(code) else { return }
                errorLine = errorLine ?? parser.lineNumber
                parser.abortParsing()
            }

            private func stop(_ parser: XMLParser, _ error: LineProblems) {
                problems = problems ?? error
                parser.abortParsing()
            }

            private func localName(_ name: String) -> Substring {
                name.lastIndex(of: ":").map { name[name.index(after: $0)...] } ?? Substring(name)
            }
        }

        /// An element of a small part (relationships, workbook, styles): its
        /// name, its parent's name and its attributes, prefixes dropped from all.
        struct Element {
            var name: Substring
            var parent: Substring
            var attributes: [String: String]
        }

        /// Every element of a part, in document order.
        struct ElementList: PartReader {
            private(set) var elements: [Element] = []
            private var open: [Substring] = []

            mutating func start(_ name: Substring, _ attributes: [String: String]) {
                var local: [String: String] = [:]
                for (key, value) in attributes {
                    local[key.lastIndex(of: ":").map { String(key[key.index(after: $0)...]) } ?? key] = value
                }
                elements.append(Element(name: name, parent: open.last ?? "", attributes: local))
                open.append(name)
            }

            mutating func characters(_ text: String) {}

            mutating func end(_ name: Substring) {
                _ = open.popLast()
            }
        }
    }

    /// The text of a string item (`<si>` in the shared strings, `<is>` in an
    /// inline string cell): its `<t>` runs joined, without the phonetic guides
    /// (`<rPh>`) of East Asian text. A run's spaces at either end are kept only
    /// under `xml:space="preserve"`, as Excel does.
    struct RichText {
        private(set) var text = ""
        /// The text of the `<t>` being read, nil outside one.
        private var run: String?
        private var preservesSpace = false
        private var inPhoneticGuide = false

        mutating func start(_ name: Substring, _ attributes: [String: String]) {
            switch name {
            case "rPh":
                inPhoneticGuide = true
            case "t" where !inPhoneticGuide:
                run = ""
                preservesSpace = attributes["xml:space"] == "preserve"
            default:
                break
            }
        }

        mutating func characters(_ string: String) {
            run?.append(string)
        }

        mutating func end(_ name: Substring) {
            switch name {
            case "rPh":
                inPhoneticGuide = false
            case "t":
                if let run { text += preservesSpace ? run : CellText.trimmingXMLSpace(run) }
                run = nil
            default:
                break
            }
        }
    }

    /// `xl/sharedStrings.xml`: the texts that `t="s"` cells refer to by position.
    struct SharedStrings: PartReader {
        private(set) var strings: [String] = []
        private var item: RichText?

        mutating func start(_ name: Substring, _ attributes: [String: String]) {
            if name == "si" { item = RichText() } else { item?.start(name, attributes) }
        }

        mutating func characters(_ text: String) {
            item?.characters(text)
        }

        mutating func end(_ name: Substring) {
            if name == "si", let item {
                strings.append(CellText.unescaped(item.text))
                self.item = nil
            } else {
                item?.end(name)
            }
        }
    }

    /// A worksheet's `<sheetData>`, row by row: non-empty rows with their
    /// numbers, each cell's text at its column.
    struct SheetRows: PartReader {
        let sharedStrings: [String]
        let dateStyles: Set<Int>
        let uses1904Dates: Bool
        let maxRows: Int
        /// The last column a non-empty cell may be in: a row is padded up to its last cell, so a
        /// cell far to the right must be refused before the row's array is made that wide.
        let maxColumns: Int

        private(set) var rows: [(line: Int, fields: [String])] = []
        /// The number of the row being read (or last read).
        private(set) var line = 0
        private var fields: [String] = []
        /// The 1-based column of the cell being read (or last read).
        private var column = 0
        private var cell: Cell?
        /// The text of the `<v>` being read, nil outside one.
        private var value: String?
        private var inlineString: RichText?

        /// A cell as written: its type (`t`), style (`s`) and value, or its inline string.
        private struct Cell {
            var type: String
            var style: Int
            var value = ""
        }

        init(sharedStrings: [String], dateStyles: Set<Int>, uses1904Dates: Bool, maxRows: Int, maxColumns: Int) {
            self.sharedStrings = sharedStrings
            self.dateStyles = dateStyles
            self.uses1904Dates = uses1904Dates
            self.maxRows = maxRows
            self.maxColumns = maxColumns
        }

        mutating func start(_ name: Substring, _ attributes: [String: String]) throws(LineProblems) {
            switch name {
            case "row":
                // Excel numbers rows 1…1048576; anything else is a damaged (or hostile) file.
                if let text = attributes["r"] {
                    guard let number = Int(text), (1...1_048_576).contains(number) else { throw Problem.badRowNumber(text) }
                    line = number
                } else {
                    line += 1
                }
                fields.removeAll(keepingCapacity: true)
                column = 0
            case "c":
                column = attributes["r"].flatMap(CellText.column(of:)) ?? column + 1
                guard column <= XLSXReader.maxColumns else { throw Problem.tooManyColumns(line: line) }
                cell = Cell(type: attributes["t"] ?? "n", style: attributes["s"].flatMap(Int.init) ?? 0)
            case "v" where cell != nil:
                value = ""
            case "is" where cell != nil:
                inlineString = RichText()
            default:
                inlineString?.start(name, attributes)
            }
        }

        mutating func characters(_ text: String) {
            if value != nil { value?.append(text) } else { inlineString?.characters(text) }
        }

        mutating func end(_ name: Substring) throws(LineProblems) {
            switch name {
            case "v":
                if let value { cell?.value = value }
                value = nil
            case "is":
                if let inlineString { cell?.value = inlineString.text }
                inlineString = nil
            case "c":
                if let cell {
                    let text = try self.text(of: cell)
                    if !text.isEmpty {
                        guard column <= maxColumns else { throw Problem.tooWide(line: line, limit: maxColumns) }
                        if fields.count < column { fields.append(contentsOf: repeatElement("", count: column - fields.count)) }
                        fields[column - 1] = text
                    }
                }
                cell = nil
            case "row":
                guard !fields.isEmpty else { return }
                guard rows.count < maxRows else { throw Problem.tooManyRows(line: line, limit: maxRows) }
                rows.append((line, fields))
            default:
                inlineString?.end(name)
            }
        }

        /// A cell's text, by its type.
        private func text(of cell: Cell) throws(LineProblems) -> String {
            guard !cell.value.isEmpty else { return "" }
            switch cell.type {
            case "s":
                guard let index = Int(cell.value), sharedStrings.indices.contains(index) else {
                    throw Problem.unknownSharedString(line: line, index: cell.value)
                }
                return sharedStrings[index]
            case "inlineStr", "str":
                return CellText.unescaped(cell.value)
            case "b":
                return cell.value == "1" || cell.value == "true" ? "TRUE" : "FALSE"
            case "e":
                return cell.value
            case "d":
                // An ISO 8601 date and time: its date.
                return String(cell.value.prefix { $0 != "T" })
            default:
                if dateStyles.contains(cell.style),
                   let date = CellText.date(serial: cell.value, uses1904Dates: uses1904Dates) {
                    return date
                }
                return CellText.number(cell.value)
            }
        }
    }

    /// Cell values as text.
    enum CellText {
        /// The 1-based column of a cell reference such as `AB12` (28); nil when
        /// it has no column letters. Columns past XFD all come out as 16385.
        static func column(of reference: String) -> Int? {
            var column = 0
            for scalar in reference.unicodeScalars {
                guard ("A"..."Z").contains(scalar) else { break }
                column = min(column * 26 + Int(scalar.value) - 64, XLSXReader.maxColumns + 1)
            }
            return column == 0 ? nil : column
        }

        /// A number as stored (`85.5`, `2.9999999999999996`, `1E+21`), rounded to
        /// 15 significant digits as Excel shows it, without trailing zeros, in
        /// plain notation from 1e-7 up to 1e21 and as `1.5E+21` beyond. Text
        /// that is no number is kept as it is.
        static func number(_ stored: String) -> String {
            guard let value = Double(stored), value.isFinite else { return stored }
            guard value != 0 else { return "0" }
            // "-d.dddddddddddddde±x": 15 significant digits and a power of ten.
            let scientific = String(format: "%.14e", value)
            guard let e = scientific.firstIndex(of: "e"), let exponent = Int(scientific[scientific.index(after: e)...]) else {
                return stored
            }
            var digits = scientific[..<e].filter(\.isNumber)
            while digits.count > 1, digits.last == "0" { digits.removeLast() }
            let sign = value < 0 ? "-" : ""
            switch exponent {
            case -7 ..< 0:
                return sign + "0." + String(repeating: "0", count: -exponent - 1) + digits
            case 0 ..< 21:
                let whole = exponent + 1
                if digits.count <= whole { return sign + digits + String(repeating: "0", count: whole - digits.count) }
                return sign + digits.prefix(whole) + "." + digits.dropFirst(whole)
            default:
                let mantissa = digits.count > 1 ? "\(digits.prefix(1)).\(digits.dropFirst())" : digits
                return "\(sign)\(mantissa)E\(exponent < 0 ? "-" : "+")\(abs(exponent))"
            }
        }

        /// The date (`YYYY-MM-DD`) of a date serial number, its time of day
        /// dropped; nil when the text is no number or the year not in 1…9999.
        ///
        /// In the 1900 system, day 1 is 1900-01-01 and day 60 the 1900-02-29
        /// that never was (Excel keeps Lotus 1-2-3's mistake), so days from 61 on
        /// count from 1899-12-30. In the 1904 system, day 0 is 1904-01-01.
        static func date(serial text: String, uses1904Dates: Bool) -> String? {
            guard let serial = Double(text), serial.isFinite, abs(serial) < 1e7 else { return nil }
            // Rounded to the millisecond first, so 45000.99999999999 is day 45001.
            let day = Int(((serial * 86_400_000).rounded() / 86_400_000).rounded(.down))
            let daysFrom1970: Int
            if uses1904Dates {
                daysFrom1970 = day - 24_107
            } else if day == 60 {
                return "1900-02-29"
            } else if (1..<60).contains(day) {
                daysFrom1970 = day - 25_568
            } else {
                daysFrom1970 = day - 25_569
            }
            let (year, month, dayOfMonth) = civilDate(daysFrom1970: daysFrom1970)
            guard (1...9999).contains(year) else { return nil }
            return String(format: "%04d-%02d-%02d", year, month, dayOfMonth)
        }

        /// The proleptic Gregorian date of a day counted from 1970-01-01
        /// (Howard Hinnant's `civil_from_days`).
        static func civilDate(daysFrom1970: Int) -> (year: Int, month: Int, day: Int) {
            let z = daysFrom1970 + 719_468
            let era = (z >= 0 ? z : z - 146_096) / 146_097
            let dayOfEra = z - era * 146_097
            let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
            let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
            let shiftedMonth = (5 * dayOfYear + 2) / 153
            let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
            let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
            return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
        }

        /// Text with the `_xHHHH_` escapes of Office Open XML decoded: they
        /// stand for characters XML cannot hold, such as `_x000D_` for a carriage
        /// return (and `_x005F_` for the "_" of a literal `_x`).
        static func unescaped(_ text: String) -> String {
            guard text.contains("_x") else { return text }
            // One pass over the scalars (searching the rest again for each escape was quadratic).
            let scalars = Array(text.unicodeScalars)
            var result = String.UnicodeScalarView()
            var index = 0
            while index < scalars.count {
                if scalars[index] == "_", index + 6 < scalars.count, scalars[index + 1] == "x", scalars[index + 6] == "_",
                   scalars[(index + 2)..<(index + 6)].allSatisfy(\.properties.isASCIIHexDigit),
                   let value = UInt32(String(String.UnicodeScalarView(scalars[(index + 2)..<(index + 6)])), radix: 16),
                   let scalar = Unicode.Scalar(value) {
                    result.append(scalar)
                    index += 7
                } else {
                    result.append(scalars[index])
                    index += 1
                }
            }
            return String(result)
        }

        /// Text without XML white space (space, tab, line feed, carriage return) at either end.
        static func trimmingXMLSpace(_ text: String) -> String {
            let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
            guard let first = text.firstIndex(where: { !isSpace($0) }), let last = text.lastIndex(where: { !isSpace($0) }) else {
                return ""
            }
            return String(text[first...last])
        }
    }
}

extension XLSXReader.PartReader {
    var line: Int { 0 }
}
