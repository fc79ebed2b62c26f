import Foundation
import Testing
@testable import ChiSoCore

/// `XLSXWorkbook.bytes()`: workbooks read back by the project's own reader,
/// and the parts of the package as Excel wants them. (openpyxl and
/// LibreOffice were checked by hand on the same kind of workbooks.)
@Suite("Writing Excel workbooks")
struct XLSXWriterTests {
    typealias Cell = XLSXWorkbook.Cell
    typealias Sheet = XLSXWorkbook.Sheet

    static func number(_ text: String) -> DecimalNumber {
        DecimalNumber(text)!
    }

    /// A part of a written workbook, as text.
    static func part(_ path: String, of bytes: [UInt8]) throws -> String {
        var package = try XLSXReader.Package(bytes, unzippedBytes: 10_000_000)
        let data = try #require(try package.read(path), "no part \(path)")
        return String(decoding: data, as: UTF8.self)
    }

    /// The problem writing `workbook` yields, nil when it is written.
    static func problem(_ workbook: XLSXWorkbook) -> XLSXWorkbook.Problem? {
        do {
            _ = try workbook.bytes()
            return nil
        } catch {
            return error as? XLSXWorkbook.Problem
        }
    }

    // MARK: - Read back

    @Test("The first sheet reads back: texts as written, numbers exactly, empty cells and rows")
    func roundTrip() throws {
        let ranking = Sheet(name: "Xếp hạng", rows: [
            [.title("Phụ lục I. Kết quả chỉ số cải cách hành chính năm 2024")],
            [],
            [.header("Mã"), .header("Cơ quan, đơn vị"), .header("Điểm"), .header("Tỷ lệ"), .header("Hạng")],
            [.text("007"), .text("Sở Nội vụ"), .number(Self.number("85.5")), .number(Self.number("0.1")), .integer(1)],
            [.text("012"), .empty, .number(Self.number("100"), style: .plain), .empty, .integer(2)],
            [.empty, .empty, .empty],
            [.text(""), .bold("Tổng cộng"), .number(Self.number("185.60"), style: .number2Bold),
             .number(Self.number("-0.005")), .number(Self.number("1234567890.12345678"), style: .plain)],
        ])
        let other = Sheet(name: "Ghi chú", rows: [[.text("not read: the reader reads the first sheet")]])
        let rows = try XLSXReader.rows(of: try XLSXWorkbook(sheets: [ranking, other]).bytes())
        #expect(rows.map(\.line) == [1, 3, 4, 5, 7])
        #expect(rows.map(\.fields) == [
            ["Phụ lục I. Kết quả chỉ số cải cách hành chính năm 2024"],
            ["Mã", "Cơ quan, đơn vị", "Điểm", "Tỷ lệ", "Hạng"],
            ["007", "Sở Nội vụ", "85.5", "0.1", "1"],
            ["012", "", "100", "", "2"],
            // The reader shows 15 significant digits, as Excel does.
            ["", "Tổng cộng", "185.6", "-0.005", "1234567890.12346"],
        ])
    }

    @Test("Texts keep their spaces, line breaks and XML characters; what XML cannot hold is dropped")
    func texts() throws {
        let texts = [
            "  Sở Tài chính ", "Dòng 1\nDòng 2\r\nDòng 3", "\tthụt lề", "A & B <c> \"q\" 'a'", "a  b",
            "ctl:\u{0}\u{1}\u{B}\u{1F}\u{FFFE}\u{FFFF}x", "_x000D_ is no carriage return", "_x005F_", "😀 U+1F600",
            // The same text with composed and decomposed accents: each kept as written.
            "Hồ sơ", "Ho\u{0302}\u{0300} so\u{031B}",
        ]
        let sheet = Sheet(name: "Văn bản", rows: texts.map { [.text($0)] })
        let rows = try XLSXReader.rows(of: try XLSXWorkbook(sheets: [sheet]).bytes())
        let expected = texts.map { $0.hasPrefix("ctl:") ? "ctl:x" : $0 }
        #expect(rows.map { $0.fields[0].unicodeScalars.map(\.value) } == expected.map { $0.unicodeScalars.map(\.value) })
    }

    @Test("Sheets as wide as AD read back column by column")
    func wideSheet() throws {
        let row = (0 ..< 30).map { Cell.number(DecimalNumber(significand: Int128($0), scale: 1)) }
        let bytes = try XLSXWorkbook(sheets: [Sheet(name: "Ma trận", rows: [row])]).bytes()
        #expect(try XLSXReader.rows(of: bytes).map(\.fields) == [(0 ..< 30).map { DecimalNumber(significand: Int128($0), scale: 1).description }])
        #expect(try Self.part("xl/worksheets/sheet1.xml", of: bytes).contains(#"<dimension ref="A1:AD1"/>"#))
    }

    // MARK: - Bytes

    @Test("The same workbook gives the same bytes, its ZIP entries dated 1980-01-01")
    func deterministic() throws {
        func make() -> XLSXWorkbook {
            XLSXWorkbook(sheets: [
                Sheet(name: "Kết quả", rows: [[.header("Đơn vị"), .header("Điểm")], [.text("Sở Y tế"), .number(Self.number("92.25"))]],
                      columnWidths: [30, 10], merges: [.init(rows: 0...0, columns: 0...1)], frozenRows: 1),
                Sheet(name: "Kết quả", rows: [[.text("Sở Y tế")]]),
            ])
        }
        let first = try make().bytes()
        #expect(try make().bytes() == first)
        // Every local file header's date and time: 1980-01-01 (0x0021) at 00:00.
        var offset = 0
        var headers = 0
        while let start = first[offset...].firstRange(of: [0x50, 0x4B, 0x03, 0x04])?.lowerBound {
            #expect(Array(first[start + 10 ..< start + 14]) == [0x00, 0x00, 0x21, 0x00])
            headers += 1
            offset = start + 4
        }
        #expect(headers == 10)
    }

    @Test("No sheets, merges sharing cells, cells past XFD, overlong texts are refused")
    func problems() {
        #expect(Self.problem(XLSXWorkbook(sheets: [])) == .noSheets)
        let a = XLSXWorkbook.CellRange(rows: 0...1, columns: 0...3)
        let b = XLSXWorkbook.CellRange(rows: 1...1, columns: 3...4)
        #expect(Self.problem(XLSXWorkbook(sheets: [Sheet(name: "S", merges: [a, b])]))
                == .overlappingMerges(sheet: "S", a, b))
        #expect(Self.problem(XLSXWorkbook(sheets: [Sheet(name: "S", merges: [a, .init(rows: 2...2, columns: 0...4)])])) == nil)
        #expect(Self.problem(XLSXWorkbook(sheets: [Sheet(name: "S", merges: [.init(rows: -1...0, columns: 0...1)])]))
                == .outOfBounds(sheet: "S"))
        #expect(Self.problem(XLSXWorkbook(sheets: [Sheet(name: "S", rows: [Array(repeating: .empty, count: 16_385)])]))
                == .outOfBounds(sheet: "S"))
        #expect(Self.problem(XLSXWorkbook(sheets: [Sheet(name: "S", frozenRows: -1)])) == .outOfBounds(sheet: "S"))
        #expect(Self.problem(XLSXWorkbook(sheets: [Sheet(name: "S", printTitleRows: 0...1_048_576)])) == .outOfBounds(sheet: "S"))
        let long = String(repeating: "ệ", count: 32_768)
        #expect(Self.problem(XLSXWorkbook(sheets: [Sheet(name: "S", rows: [[.empty, .text(long)]])]))
                == .textTooLong(sheet: "S", row: 0, column: 1))
        #expect(Self.problem(XLSXWorkbook(sheets: [Sheet(name: "S", rows: [[.text(String(long.dropLast()))]])])) == nil)
    }

    // MARK: - Parts

    @Test("Sheet names are made acceptable to Excel and unique in the workbook")
    func sheetNames() throws {
        let names = XLSXWriter.SheetNames.unique([
            "Xếp hạng: sở/ngành [2024]", "xếp hạng sở-ngành 2024", "Phụ lục II - Ma trận điểm chi tiết các tiêu chí",
            "Phụ lục II - Ma trận điểm chi tiết các tiêu chí", "'Ghi chú'", "history", "*?", "Tab\tvà\ndòng",
        ])
        #expect(names == [
            "Xếp hạng sở-ngành 2024", "xếp hạng sở-ngành 2024 (2)", "Phụ lục II - Ma trận điểm chi t",
            "Phụ lục II - Ma trận điểm c (2)", "Ghi chú", "history (2)", "Sheet7", "Tabvàdòng",
        ])
        #expect(names.allSatisfy { $0.utf16.count <= 31 })
        // Names that differ only in case are one name to Excel.
        #expect(XLSXWriter.SheetNames.unique(["Điểm", "ĐIỂM", "điểm"]) == ["Điểm", "ĐIỂM (2)", "điểm (3)"])

        let bytes = try XLSXWorkbook(sheets: [Sheet(name: "A & B"), Sheet(name: "A & B")]).bytes()
        let workbook = try Self.part("xl/workbook.xml", of: bytes)
        #expect(workbook.contains(#"<sheet name="A &amp; B" sheetId="1" r:id="rId1"/><sheet name="A &amp; B (2)" sheetId="2" r:id="rId2"/>"#))
    }

    @Test("Merges, frozen panes, widths, page setup and print titles are in the sheet and workbook parts")
    func layout() throws {
        let sheet = Sheet(
            name: "Kết quả 'tổng hợp' 2024",
            rows: [[.bold("UBND TỈNH"), .empty, .bold("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")], [],
                   [.header("STT"), .header("Đơn vị"), .header("Điểm")], [.integer(1), .text("Sở Xây dựng"), .number(85)]],
            columnWidths: [6, 0, 12.5, 8.4321], rowHeights: [0, 20, 47.25, .nan, 31.5],
            merges: [.init(rows: 0...0, columns: 0...1), .init(rows: 0...0, columns: 2...5), .init(rows: 1...1, columns: 1...1)],
            frozenRows: 3, frozenColumns: 2, printTitleRows: 2...2, landscape: true)
        let rowsOnly = Sheet(name: "Dòng", rows: [[.text("x")]], frozenRows: 1)
        let columnsOnly = Sheet(name: "Cột", rows: [[.text("x")]], frozenColumns: 1)
        let bytes = try XLSXWorkbook(sheets: [sheet, rowsOnly, columnsOnly]).bytes()
        let xml = try Self.part("xl/worksheets/sheet1.xml", of: bytes)
        #expect(xml.contains(#"<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><dimension ref="A1:C4"/>"#))
        #expect(xml.contains(#"<sheetView tabSelected="1" workbookViewId="0"><pane xSplit="2" ySplit="3" topLeftCell="C4" activePane="bottomRight" state="frozen"/>"#))
        #expect(xml.contains(#"</sheetViews><sheetFormatPr defaultRowHeight="15.75"/><cols><col min="1" max="1" width="6" customWidth="1"/><col min="3" max="3" width="12.5" customWidth="1"/><col min="4" max="4" width="8.43" customWidth="1"/></cols>"#))
        // A merge of one cell is no merge.
        #expect(xml.contains(#"<mergeCells count="2"><mergeCell ref="A1:B1"/><mergeCell ref="C1:F1"/></mergeCells>"#))
        #expect(xml.contains(#"<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>"#))
        // Every printed page numbered; no mark unless asked (a draft's mark: see draftMark()).
        #expect(xml.contains("<headerFooter><oddFooter>&amp;CTrang &amp;P/&amp;N</oddFooter></headerFooter></worksheet>"))
        // Rows with a height are written even without cells.
        #expect(xml.contains(#"<sheetData><row r="1"><c r="A1" s="1" t="s"><v>0</v></c><c r="C1" s="1" t="s"><v>1</v></c></row>"#
                             + #"<row r="2" ht="20" customHeight="1"></row><row r="3" ht="47.25" customHeight="1"><c r="A3" s="4""#))
        #expect(xml.contains(#"<row r="4"><c r="A4" s="7"><v>1</v></c><c r="B4" t="s"><v>5</v></c><c r="C4" s="5"><v>85</v></c></row>"#
                             + #"<row r="5" ht="31.5" customHeight="1"></row></sheetData>"#))

        let rowsPane = try Self.part("xl/worksheets/sheet2.xml", of: bytes)
        #expect(rowsPane.contains(#"<sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#))
        #expect(rowsPane.contains(#"orientation="portrait""#))
        #expect(!rowsPane.contains("<cols>") && !rowsPane.contains("<mergeCells"))
        let columnsPane = try Self.part("xl/worksheets/sheet3.xml", of: bytes)
        #expect(columnsPane.contains(#"<pane xSplit="1" topLeftCell="B1" activePane="topRight" state="frozen"/>"#))

        let workbook = try Self.part("xl/workbook.xml", of: bytes)
        #expect(workbook.contains(
            #"<definedNames><definedName name="_xlnm.Print_Titles" localSheetId="0">'Kết quả ''tổng hợp'' 2024'!$3:$3</definedName></definedNames>"#))
    }

    @Test("A page mark prints at the top of every page, in bold; a literal & is doubled for Excel's header codes")
    func draftMark() throws {
        let bytes = try XLSXWorkbook(sheets: [Sheet(name: "S", rows: [[.text("x")]], pageMark: "DỰ THẢO & bản nháp")]).bytes()
        let xml = try Self.part("xl/worksheets/sheet1.xml", of: bytes)
        #expect(xml.contains(#"<headerFooter><oddHeader>&amp;C&amp;&quot;-,Bold&quot;&amp;14DỰ THẢO &amp;&amp; bản nháp</oddHeader><oddFooter>"#))
    }

    @Test("Each style has its cell format: fonts, the header's fill and border, number formats 0.00 and 0")
    func styles() throws {
        let bytes = try XLSXWorkbook(sheets: [Sheet(name: "S", rows: [Cell.Style.allCases.map { Cell(.number(1), style: $0) }])]).bytes()
        let sheet = try Self.part("xl/worksheets/sheet1.xml", of: bytes)
        #expect(sheet.contains(#"<c r="A1"><v>1</v></c><c r="B1" s="1"><v>1</v></c>"#))
        #expect(sheet.contains(#"<c r="I1" s="8"><v>1</v></c>"#))
        let styles = try Self.part("xl/styles.xml", of: bytes)
        #expect(styles.contains(#"<fill><patternFill patternType="gray125"/></fill>"#))
        #expect(styles.contains(#"<font><b/><sz val="14"/><name val="Times New Roman"/><family val="1"/></font>"#))
        #expect(styles.contains(#"<cellXfs count="12"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#))
        #expect(styles.contains(#"<xf numFmtId="2" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/>"#))
        #expect(styles.contains(
            #"<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>"#))
        // No style shows a number as a date to the reader.
        #expect(try XLSXReader.rows(of: bytes).map(\.fields) == [Array(repeating: "1", count: 12)])
        // The official document's centred lines.
        #expect(styles.contains(#"<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>"#))
    }

    @Test("Texts are shared strings, each once, escaped for XML and Office")
    func sharedStrings() throws {
        let bytes = try XLSXWorkbook(sheets: [
            Sheet(name: "S", rows: [[.text(" Sở "), .text("a\r\nb & <c>")], [.text(" Sở "), .text("_x0041_")]]),
            Sheet(name: "T", rows: [[.text(" Sở ")]]),
        ]).bytes()
        #expect(try Self.part("xl/sharedStrings.xml", of: bytes).hasSuffix(
            #"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="5" uniqueCount="3">"#
                + #"<si><t xml:space="preserve"> Sở </t></si><si><t>a&#13;"# + "\n" + #"b &amp; &lt;c&gt;</t></si>"#
                + "<si><t>_x005F_x0041_</t></si></sst>"))
    }

    @Test("The package's parts are tied together by content types and relationships")
    func package() throws {
        let bytes = try XLSXWorkbook(sheets: [Sheet(name: "Một"), Sheet(name: "Hai")]).bytes()
        let types = try Self.part("[Content_Types].xml", of: bytes)
        for part in ["xl/workbook.xml", "xl/styles.xml", "xl/sharedStrings.xml", "docProps/core.xml", "docProps/app.xml",
                     "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"] {
            #expect(types.contains(#"<Override PartName="/\#(part)""#))
            #expect(try !Self.part(part, of: bytes).isEmpty)
        }
        #expect(try Self.part("_rels/.rels", of: bytes).contains(#"Target="xl/workbook.xml""#))
        let relationships = try Self.part("xl/_rels/workbook.xml.rels", of: bytes)
        #expect(relationships.contains(#"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/>"#))
        #expect(relationships.contains(#"Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles""#))
        // An empty sheet still has a dimension and no rows.
        #expect(try Self.part("xl/worksheets/sheet2.xml", of: bytes).contains(#"<dimension ref="A1"/><sheetViews><sheetView workbookViewId="0"></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15.75"/><sheetData></sheetData>"#))
    }

    @Test("Column letters: A … Z, AA …, XFD", arguments: [(0, "A"), (25, "Z"), (26, "AA"), (51, "AZ"), (52, "BA"),
                                                         (701, "ZZ"), (702, "AAA"), (16_383, "XFD")])
    func columnNames(column: Int, name: String) {
        #expect(XLSXWriter.columnName(column) == name)
        #expect(XLSXReader.CellText.column(of: name + "1") == column + 1)
    }
}
