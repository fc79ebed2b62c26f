import Foundation
import ZIPFoundation

extension XLSXWorkbook {
    /// The .xlsx file's bytes: the workbook's parts as XML, deflated into a
    /// ZIP package with a fixed date, so the same workbook always gives the
    /// same bytes on a platform (the deflate of macOS and of zlib on Linux
    /// may differ; the unzipped parts do not).
    public func bytes() throws -> [UInt8] {
        try XLSXWriter.package(XLSXWriter.parts(of: self))
    }
}

/// Writes the parts of an .xlsx package for `XLSXWorkbook`: the workbook,
/// one worksheet per sheet, the shared strings, the styles, the
/// relationships and content types that tie them together, and the
/// document properties.
enum XLSXWriter {
    typealias Cell = XLSXWorkbook.Cell
    typealias Problem = XLSXWorkbook.Problem

    /// Rows and columns a sheet may have, as in Excel.
    static let maxRows = 1_048_576
    static let maxColumns = XLSXReader.maxColumns
    /// Characters (UTF-16 code units) a cell's text may have, as in Excel.
    static let maxTextLength = 32_767

    /// The date of every entry in the ZIP package: the first one a ZIP file
    /// can hold, 1980-01-01 00:00 UTC.
    static let entryDate = Date(timeIntervalSince1970: 315_532_800)

    /// The package's parts, by path, in the order they are zipped.
    static func parts(of workbook: XLSXWorkbook) throws(Problem) -> [(path: String, xml: String)] {
        guard !workbook.sheets.isEmpty else { throw Problem.noSheets }
        let names = SheetNames.unique(workbook.sheets.map(\.name))
        var strings = SharedStrings()
        var worksheets: [String] = []
        for (index, sheet) in workbook.sheets.enumerated() {
            try check(sheet)
            worksheets.append(worksheet(sheet, selected: index == 0, strings: &strings))
        }
        let sheetPaths = worksheets.indices.map { "xl/worksheets/sheet\($0 + 1).xml" }
        return [
            ("[Content_Types].xml", contentTypes(sheetPaths: sheetPaths)),
            ("_rels/.rels", relationships([
                ("\(relationshipType)/officeDocument", "xl/workbook.xml"),
                ("http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
                 "docProps/core.xml"),
                ("\(relationshipType)/extended-properties", "docProps/app.xml"),
            ])),
            ("docProps/core.xml", coreProperties),
            ("docProps/app.xml", appProperties),
            ("xl/workbook.xml", workbookPart(workbook.sheets, names: names)),
            // Worksheets first, so that sheet n is rId<n>, as the workbook part says.
            ("xl/_rels/workbook.xml.rels", relationships(
                sheetPaths.map { ("\(relationshipType)/worksheet", String($0.dropFirst("xl/".count))) }
                    + [("\(relationshipType)/styles", "styles.xml"),
                       ("\(relationshipType)/sharedStrings", "sharedStrings.xml")])),
            ("xl/styles.xml", Styles.xml),
            ("xl/sharedStrings.xml", strings.xml),
        ] + Swift.zip(sheetPaths, worksheets).map { ($0, $1) }
    }

    /// The parts deflated into a ZIP package, in memory.
    static func package(_ parts: [(path: String, xml: String)]) throws -> [UInt8] {
        let archive = try Archive(accessMode: .create)
        for part in parts {
            let data = Data(part.xml.utf8)
            try archive.addEntry(with: part.path, type: .file, uncompressedSize: Int64(data.count),
                                 modificationDate: entryDate, compressionMethod: .deflate) { position, size in
                let start = Int(position)
                return data.subdata(in: start ..< min(start + size, data.count))
            }
        }
        return [UInt8](archive.data ?? Data())
    }

    // MARK: - Checks

    /// Fails on what Excel cannot open: a sheet too large, overlong text, a
    /// merge or pane out of bounds, merges sharing cells.
    static func check(_ sheet: XLSXWorkbook.Sheet) throws(Problem) {
        let rows = 0 ..< maxRows
        let columns = 0 ..< maxColumns
        let outOfBounds = Problem.outOfBounds(sheet: sheet.name)
        guard sheet.rows.count <= maxRows, sheet.rows.allSatisfy({ $0.count <= maxColumns }),
              rows.contains(sheet.frozenRows), columns.contains(sheet.frozenColumns),
              sheet.printTitleRows.map({ rows.contains($0.lowerBound) && rows.contains($0.upperBound) }) ?? true
        else { throw outOfBounds }
        for (row, cells) in sheet.rows.enumerated() {
            for (column, cell) in cells.enumerated() {
                if case .text(let text) = cell.value, text.utf16.count > maxTextLength,
                   XMLText.legal(text).utf16.count > maxTextLength {
                    throw Problem.textTooLong(sheet: sheet.name, row: row, column: column)
                }
            }
        }
        for (index, merge) in sheet.merges.enumerated() {
            guard rows.contains(merge.rows.lowerBound), rows.contains(merge.rows.upperBound),
                  columns.contains(merge.columns.lowerBound), columns.contains(merge.columns.upperBound)
            else { throw outOfBounds }
            if let other = sheet.merges[..<index].first(where: {
                $0.rows.overlaps(merge.rows) && $0.columns.overlaps(merge.columns)
            }) {
                throw Problem.overlappingMerges(sheet: sheet.name, other, merge)
            }
        }
    }

    // MARK: - Worksheets

    /// A worksheet part; its texts are added to `strings`.
    static func worksheet(_ sheet: XLSXWorkbook.Sheet, selected: Bool, strings: inout SharedStrings) -> String {
        let width = sheet.rows.map(\.count).max() ?? 0
        let columnNames = (0 ..< max(width, sheet.frozenColumns + 1)).map(columnName)
        var xml = header + #"<worksheet xmlns="\#(mainNamespace)" xmlns:r="\#(relationshipType)">"#
        xml += #"<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>"#
        xml += #"<dimension ref="A1\#(width == 0 ? "" : ":\(columnNames[width - 1])\(sheet.rows.count)")"/>"#
        xml += #"<sheetViews><sheetView\#(selected ? #" tabSelected="1""# : "") workbookViewId="0">"#
        if sheet.frozenRows > 0 || sheet.frozenColumns > 0 {
            let pane = switch (sheet.frozenRows > 0, sheet.frozenColumns > 0) {
            case (true, true): "bottomRight"
            case (true, false): "bottomLeft"
            default: "topRight"
            }
            xml += "<pane"
            if sheet.frozenColumns > 0 { xml += #" xSplit="\#(sheet.frozenColumns)""# }
            if sheet.frozenRows > 0 { xml += #" ySplit="\#(sheet.frozenRows)""# }
            let topLeft = "\(columnNames[sheet.frozenColumns])\(sheet.frozenRows + 1)"
            xml += #" topLeftCell="\#(topLeft)" activePane="\#(pane)" state="frozen"/>"#
            xml += #"<selection pane="\#(pane)" activeCell="\#(topLeft)" sqref="\#(topLeft)"/>"#
        }
        xml += "</sheetView></sheetViews>"
        // Excel's height of a 12 pt Times New Roman row. Without it LibreOffice
        // (7.4) freezes one row more than `ySplit` says.
        xml += #"<sheetFormatPr defaultRowHeight="15.75"/>"#
        let widths = sheet.columnWidths.prefix(maxColumns).enumerated().filter { $0.element.isFinite && $0.element > 0 }
        if !widths.isEmpty {
            xml += "<cols>"
            for (column, width) in widths {
                xml += #"<col min="\#(column + 1)" max="\#(column + 1)" width="\#(decimal(min(width, 255)))" customWidth="1"/>"#
            }
            xml += "</cols>"
        }
        xml += "<sheetData>"
        let heights = sheet.rowHeights.prefix(maxRows)
        for row in 0 ..< max(sheet.rows.count, heights.count) {
            var cellsXML = ""
            for (column, cell) in (row < sheet.rows.count ? sheet.rows[row] : []).enumerated() {
                cellsXML += cellXML(cell, at: "\(columnNames[column])\(row + 1)", strings: &strings)
            }
            let height = row < heights.count && heights[row].isFinite && heights[row] > 0 ? heights[row] : nil
            guard !cellsXML.isEmpty || height != nil else { continue }
            xml += #"<row r="\#(row + 1)""#
            if let height { xml += #" ht="\#(decimal(min(height, 409)))" customHeight="1""# }
            xml += ">" + cellsXML + "</row>"
        }
        xml += "</sheetData>"
        let merges = sheet.merges.filter { $0.rows.count > 1 || $0.columns.count > 1 }
        if !merges.isEmpty {
            xml += #"<mergeCells count="\#(merges.count)">"#
            for merge in merges {
                xml += #"<mergeCell ref="\#(reference(merge))"/>"#
            }
            xml += "</mergeCells>"
        }
        xml += #"<pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>"#
        xml += #"<pageSetup paperSize="9" orientation="\#(sheet.landscape ? "landscape" : "portrait")""#
        xml += #" fitToWidth="1" fitToHeight="0"/>"#
        // Header and footer codes: &C centre, &"-,Bold" bold, &P page, &N pages; a literal & is &&.
        xml += "<headerFooter>"
        if let mark = sheet.pageMark {
            xml += "<oddHeader>" + XMLText.escaped(#"&C&"-,Bold"&14"# + mark.replacingOccurrences(of: "&", with: "&&")) + "</oddHeader>"
        }
        xml += "<oddFooter>" + XMLText.escaped("&CTrang &P/&N") + "</oddFooter></headerFooter>"
        return xml + "</worksheet>"
    }

    /// A cell's `<c>`, or nothing for an empty cell without style.
    static func cellXML(_ cell: Cell, at reference: String, strings: inout SharedStrings) -> String {
        let style = cell.style == .plain ? "" : #" s="\#(Styles.index[cell.style] ?? 0)""#
        switch cell.value {
        case .number(let number):
            return #"<c r="\#(reference)"\#(style)><v>\#(number)</v></c>"#
        case .text(let text) where !text.isEmpty:
            return #"<c r="\#(reference)"\#(style) t="s"><v>\#(strings.index(of: text))</v></c>"#
        case .text, .empty:
            return style.isEmpty ? "" : #"<c r="\#(reference)"\#(style)/>"#
        }
    }

    /// The letters of a 0-based column: A … Z, AA … AZ, BA …, XFD for the last.
    static func columnName(_ column: Int) -> String {
        var name: [Character] = []
        var rest = column + 1
        while rest > 0 {
            let digit = (rest - 1) % 26
            name.append(Character(Unicode.Scalar(UInt8(65 + digit))))
            rest = (rest - 1) / 26
        }
        return String(name.reversed())
    }

    /// A range's reference, such as `A1:F2`.
    static func reference(_ range: XLSXWorkbook.CellRange) -> String {
        "\(columnName(range.columns.lowerBound))\(range.rows.lowerBound + 1)"
            + ":\(columnName(range.columns.upperBound))\(range.rows.upperBound + 1)"
    }

    /// A width or height with at most two decimals and no trailing zeros: `12`, `8.43`.
    static func decimal(_ value: Double) -> String {
        DecimalNumber(significand: Int128((value * 100).rounded()), scale: 2).description
    }

    // MARK: - Shared strings

    /// `xl/sharedStrings.xml`: each distinct text once, in the order first used.
    struct SharedStrings {
        /// Texts by their UTF-8, so that texts Swift deems equal but written
        /// differently (composed and decomposed accents) stay as written.
        private var indexes: [[UInt8]: Int] = [:]
        private var items = ""
        /// Cells that refer to a text.
        private var uses = 0

        /// The position of a text, added when new.
        mutating func index(of text: String) -> Int {
            uses += 1
            let key = Array(text.utf8)
            if let index = indexes[key] { return index }
            let index = indexes.count
            indexes[key] = index
            items += "<si>" + XMLText.run(text) + "</si>"
            return index
        }

        var xml: String {
            header + #"<sst xmlns="\#(mainNamespace)" count="\#(uses)" uniqueCount="\#(indexes.count)">"#
                + items + "</sst>"
        }
    }

    // MARK: - Workbook, relationships, properties

    static func workbookPart(_ sheets: [XLSXWorkbook.Sheet], names: [String]) -> String {
        var xml = header + #"<workbook xmlns="\#(mainNamespace)" xmlns:r="\#(relationshipType)">"#
        xml += #"<bookViews><workbookView activeTab="0"/></bookViews><sheets>"#
        for (index, name) in names.enumerated() {
            xml += #"<sheet name="\#(XMLText.escaped(name))" sheetId="\#(index + 1)" r:id="rId\#(index + 1)"/>"#
        }
        xml += "</sheets>"
        let printTitles = sheets.indices.compactMap { index in sheets[index].printTitleRows.map { (index, $0) } }
        if !printTitles.isEmpty {
            xml += "<definedNames>"
            for (index, rows) in printTitles {
                let quoted = "'" + names[index].replacingAll("'", with: "''") + "'"
                xml += #"<definedName name="_xlnm.Print_Titles" localSheetId="\#(index)">"#
                xml += XMLText.escaped("\(quoted)!$\(rows.lowerBound + 1):$\(rows.upperBound + 1)") + "</definedName>"
            }
            xml += "</definedNames>"
        }
        return xml + "</workbook>"
    }

    /// A relationships part, its relationships numbered from `rId1`.
    static func relationships(_ targets: [(type: String, target: String)]) -> String {
        var xml = header + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        for (index, target) in targets.enumerated() {
            xml += #"<Relationship Id="rId\#(index + 1)" Type="\#(target.type)" Target="\#(target.target)"/>"#
        }
        return xml + "</Relationships>"
    }

    static func contentTypes(sheetPaths: [String]) -> String {
        let spreadsheet = "application/vnd.openxmlformats-officedocument.spreadsheetml"
        let overrides = [
            ("xl/workbook.xml", "\(spreadsheet).sheet.main+xml"),
            ("xl/styles.xml", "\(spreadsheet).styles+xml"),
            ("xl/sharedStrings.xml", "\(spreadsheet).sharedStrings+xml"),
            ("docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
            ("docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml"),
        ] + sheetPaths.map { ($0, "\(spreadsheet).worksheet+xml") }
        var xml = header + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
        xml += #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
        xml += #"<Default Extension="xml" ContentType="application/xml"/>"#
        for (part, type) in overrides {
            xml += #"<Override PartName="/\#(part)" ContentType="\#(type)"/>"#
        }
        return xml + "</Types>"
    }

    static let coreProperties = header
        + #"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties""#
        + #" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>ChiSo</dc:creator></cp:coreProperties>"#

    static let appProperties = header
        + #"<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties""#
        + #" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">"#
        + "<Application>ChiSo</Application></Properties>"

    static let header = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
}

extension XLSXWriter {
    /// `xl/styles.xml`: one cell format (`cellXfs`) per `Cell.Style`, in the
    /// order of `Style.allCases`, over four fonts (regular, bold, title,
    /// italic), three fills (none, gray125 as Excel requires, the header's
    /// light blue) and two borders (none, thin all round).
    enum Styles {
        static let xml: String = {
            func font(_ emphasis: String, size: Int) -> String {
                #"<font>\#(emphasis)<sz val="\#(size)"/><name val="Times New Roman"/><family val="1"/></font>"#
            }
            let thin = #"style="thin"><color auto="1"/"#
            return header + #"<styleSheet xmlns="\#(mainNamespace)">"#
                + #"<fonts count="4">"# + font("", size: 12) + font("<b/>", size: 12) + font("<b/>", size: 14)
                + font("<i/>", size: 12) + "</fonts>"
                + #"<fills count="3"><fill><patternFill patternType="none"/></fill>"#
                + #"<fill><patternFill patternType="gray125"/></fill>"#
                + #"<fill><patternFill patternType="solid"><fgColor rgb="FFD9E1F2"/><bgColor indexed="64"/></patternFill></fill>"#
                + "</fills>"
                + #"<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>"#
                + "<border><left \(thin)></left><right \(thin)></right><top \(thin)></top><bottom \(thin)></bottom>"
                + "<diagonal/></border></borders>"
                + #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
                + #"<cellXfs count="\#(Cell.Style.allCases.count)">"#
                + Cell.Style.allCases.map(format).joined() + "</cellXfs>"
                + #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#
                + "</styleSheet>"
        }()

        /// A cell's `s` attribute for each style: its position in `cellXfs`.
        static let index: [Cell.Style: Int] = Dictionary(
            uniqueKeysWithValues: Cell.Style.allCases.enumerated().map { ($1, $0) })

        /// A style's `<xf>`: its number format (0 General, 1 `0`, 2 `0.00`,
        /// all built in), font, fill and border by position, and alignment.
        static func format(_ style: Cell.Style) -> String {
            let (numberFormat, font, fill, border, alignment): (Int, Int, Int, Int, String?) = switch style {
            case .plain: (0, 0, 0, 0, nil)
            case .bold: (0, 1, 0, 0, nil)
            case .title: (0, 2, 0, 0, nil)
            case .italic: (0, 3, 0, 0, nil)
            case .header: (0, 1, 2, 1, #"<alignment horizontal="center" vertical="center" wrapText="1"/>"#)
            case .number2: (2, 0, 0, 0, nil)
            case .number2Bold: (2, 1, 0, 0, nil)
            case .integer: (1, 0, 0, 0, nil)
            case .wrapped: (0, 0, 0, 0, #"<alignment vertical="top" wrapText="1"/>"#)
            case .centredBold: (0, 1, 0, 0, #"<alignment horizontal="center" vertical="center" wrapText="1"/>"#)
            case .centredItalic: (0, 3, 0, 0, #"<alignment horizontal="center" vertical="center" wrapText="1"/>"#)
            case .centredTitle: (0, 2, 0, 0, #"<alignment horizontal="center" vertical="center" wrapText="1"/>"#)
            }
            var xml = #"<xf numFmtId="\#(numberFormat)" fontId="\#(font)" fillId="\#(fill)" borderId="\#(border)" xfId="0""#
            if numberFormat != 0 { xml += #" applyNumberFormat="1""# }
            if font != 0 { xml += #" applyFont="1""# }
            if fill != 0 { xml += #" applyFill="1""# }
            if border != 0 { xml += #" applyBorder="1""# }
            guard let alignment else { return xml + "/>" }
            return xml + #" applyAlignment="1">"# + alignment + "</xf>"
        }
    }
}

extension XLSXWriter {
    /// Sheet names as Excel accepts them.
    enum SheetNames {
        /// Characters (UTF-16 code units) a sheet name may have.
        static let maxLength = 31
        /// Characters Excel refuses in a name.
        static let forbidden: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]

        /// Each name made acceptable, then numbered when taken by an earlier
        /// one (compared as Excel does, without case): "Kết quả", "Kết quả (2)".
        /// "History" is taken from the start: Excel keeps it for itself.
        static func unique(_ names: [String]) -> [String] {
            var taken: Set<String> = ["history"]
            return names.enumerated().map { index, name in
                let base = acceptable(name, fallback: "Sheet\(index + 1)")
                var candidate = base
                var number = 2
                while taken.contains(candidate.lowercased()) {
                    let suffix = " (\(number))"
                    candidate = shortened(base, to: maxLength - suffix.utf16.count) + suffix
                    number += 1
                }
                taken.insert(candidate.lowercased())
                return candidate
            }
        }

        /// A name with its slashes as hyphens ("Sở-ngành"), without other
        /// forbidden or control characters, without apostrophes or spaces at
        /// either end, at most 31 long; `fallback` when nothing is left.
        static func acceptable(_ name: String, fallback: String) -> String {
            var kept = ""
            for character in XMLText.legal(name) where !character.unicodeScalars.contains(where: { $0.value < 0x20 }) {
                if character == "/" || character == "\\" {
                    kept.append("-")
                } else if !forbidden.contains(character) {
                    kept.append(character)
                }
            }
            kept = shortened(kept, to: maxLength)
            let isEdge: (Character) -> Bool = { $0 == "'" || $0 == " " }
            guard let first = kept.firstIndex(where: { !isEdge($0) }), let last = kept.lastIndex(where: { !isEdge($0) })
            else { return fallback }
            return String(kept[first...last])
        }

        /// A text cut at a character's end so it has at most `length` UTF-16 code units.
        static func shortened(_ text: String, to length: Int) -> String {
            var result = text
            while result.utf16.count > length { result.removeLast() }
            return result
        }
    }

    /// Text as XML holds it.
    enum XMLText {
        /// Whether XML 1.0 can hold a character: tab, line feed, carriage
        /// return, and from space on, less U+FFFE and U+FFFF (Swift strings
        /// hold no lone surrogates).
        static func isLegal(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar.value {
            case 0x9, 0xA, 0xD: true
            case 0x20 ... 0xFFFD: true
            case 0x10000...: true
            default: false
            }
        }

        /// The text without the characters XML 1.0 cannot hold.
        static func legal(_ text: String) -> String {
            guard !text.unicodeScalars.allSatisfy(isLegal) else { return text }
            var result = String.UnicodeScalarView()
            result.append(contentsOf: text.unicodeScalars.lazy.filter(isLegal))
            return String(result)
        }

        /// Text for XML content or a quoted attribute: `&`, `<`, `>` and `"`
        /// as entities, a carriage return as `&#13;` (a bare one reads back as
        /// a line feed), and the characters XML 1.0 cannot hold dropped.
        static func escaped(_ text: String) -> String {
            var result = String.UnicodeScalarView()
            for scalar in text.unicodeScalars where isLegal(scalar) {
                switch scalar {
                case "&": result.append(contentsOf: "&amp;".unicodeScalars)
                case "<": result.append(contentsOf: "&lt;".unicodeScalars)
                case ">": result.append(contentsOf: "&gt;".unicodeScalars)
                case "\"": result.append(contentsOf: "&quot;".unicodeScalars)
                case "\r": result.append(contentsOf: "&#13;".unicodeScalars)
                default: result.append(scalar)
                }
            }
            return String(result)
        }

        /// A cell text's `<t>` run: escaped, with the "_" of anything that
        /// reads as an Office escape (`_x000D_`) written as `_x005F_`, and
        /// spaces at either end kept by `xml:space="preserve"`.
        static func run(_ text: String) -> String {
            let text = legal(text)
            let escapedText = escaped(officeEscaped(text))
            let isSpace: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
            let scalars = text.unicodeScalars
            guard scalars.first.map(isSpace) == true || scalars.last.map(isSpace) == true else {
                return "<t>" + escapedText + "</t>"
            }
            return #"<t xml:space="preserve">"# + escapedText + "</t>"
        }

        /// Text whose `_xHHHH_` sequences, which readers decode as characters,
        /// have their "_" written as `_x005F_`, so they read back as written.
        static func officeEscaped(_ text: String) -> String {
            guard text.contains("_x") else { return text }
            let scalars = Array(text.unicodeScalars)
            var result = String.UnicodeScalarView()
            for (index, scalar) in scalars.enumerated() {
                let code = scalars.dropFirst(index + 1).prefix(6)
                if scalar == "_", code.count == 6, code.first == "x", code.last == "_",
                   code.dropFirst().dropLast().allSatisfy({ $0.properties.isASCIIHexDigit }) {
                    result.append(contentsOf: "_x005F_".unicodeScalars)
                } else {
                    result.append(scalar)
                }
            }
            return String(result)
        }
    }
}
