import Foundation
import Testing
@testable import ChiSoCore

/// `XLSXReader`: workbooks saved by LibreOffice (Fixtures/xlsx, remade by its
/// make-fixtures.sh), and small workbooks written here part by part for what
/// LibreOffice never writes.
@Suite("Reading Excel workbooks")
struct XLSXReaderTests {
    func fixture(_ name: String) throws -> [UInt8] {
        try Paths.bytes(Paths.fixtures.appendingPathComponent("xlsx").appendingPathComponent(name))
    }

    /// The problems reading `bytes` yields (empty when it reads).
    func problems(_ bytes: [UInt8], limits: XLSXReader.Limits = .init()) -> [LineProblem] {
        do {
            _ = try XLSXReader.rows(of: bytes, limits: limits)
            return []
        } catch {
            return error.problems
        }
    }

    // MARK: - Workbooks saved by LibreOffice

    @Test("A task export: Vietnamese text, dates, numbers, an empty row, a missing cell")
    func taskExport() throws {
        let rows = try XLSXReader.rows(of: try fixture("tasks.xlsx"))
        #expect(rows.map(\.line) == [1, 2, 3, 5, 6, 7])
        #expect(rows.map(\.fields) == [
            ["Mã", "Nhiệm vụ", "Hạn chót", "Điểm", "Tỷ lệ", "Ghi chú"],
            ["007", "Rà soát thủ tục hành chính", "2024-03-15", "85.5", "0.1", "Đúng hạn"],
            ["NV-02", "Cải cách hành chính cấp xã", "2024-12-31", "3", "", "Chậm 2 ngày"],
            ["NV-04", "  Khảo sát mức độ hài lòng ", "2024-01-02", "-12", "1234567.25", "TRUE"],
            ["NV-05", "Dòng 1\nDòng 2", "2025-06-30", "#DIV/0!", "0.3", "Ưu tiên cao"],
            ["NV-06", "Báo cáo", "1900-03-01", "100"],
        ])
    }

    @Test("The first sheet in workbook order is read, whatever its part is called")
    func firstSheetInWorkbookOrder() throws {
        // The sheets were swapped in xl/workbook.xml: the first is sheet2.xml.
        let rows = try XLSXReader.rows(of: try fixture("two-sheets.xlsx"))
        #expect(rows.map(\.line) == [1, 2])
        #expect(rows.map(\.fields) == [["Đơn vị", "Hài lòng"], ["UBND xã An Phú", "92.5"]])
    }

    @Test("Files that are no .xlsx workbook are refused", arguments: ["memo.docx", "make-fixtures.sh", "tasks.fods"])
    func notAWorkbook(name: String) throws {
        let found = problems(try fixture(name))
        #expect(found.map(\.line) == [0])
        #expect(found.map(\.vietnamese) == ["tệp không phải bảng tính Excel (.xlsx)"])
        #expect(found.map(\.english) == ["the file is not an Excel workbook (.xlsx)"])
    }

    @Test("Empty and truncated files are no workbook")
    func emptyAndTruncated() throws {
        #expect(problems([]).map(\.english) == ["the file is not an Excel workbook (.xlsx)"])
        #expect(problems(Array(try fixture("tasks.xlsx").prefix(200))).map(\.english)
                == ["the file is not an Excel workbook (.xlsx)"])
    }

    @Test("An old .xls file, or a workbook protected by a password, is told apart")
    func oldOrProtected() throws {
        let found = problems(try fixture("old-format.xls"))
        #expect(found.map(\.line) == [0])
        #expect(found.first?.english.contains("old Excel workbook (.xls) or is protected by a password") == true)
        #expect(found.first?.vietnamese.contains("lưu lại dưới dạng .xlsx") == true)
    }

    @Test("A ZIP bomb is stopped while unzipping, whatever its headers claim")
    func zipBomb() throws {
        // 3 MB of XML unzipped, but the ZIP headers say 1000 bytes.
        let bomb = try fixture("bomb.xlsx")
        let found = problems(bomb, limits: XLSXReader.Limits(rows: 200_000, unzippedBytes: 1_000_000))
        #expect(found.map(\.english) == ["the workbook is too large: over 1 MB of data once unzipped"])
        #expect(found.map(\.vietnamese) == ["bảng tính quá lớn: hơn 1 MB dữ liệu khi giải nén"])
        // Within the usual 100 MB, it is only a sheet with much white space.
        #expect(try XLSXReader.rows(of: bomb).map(\.fields) == [["x"]])
    }

    // MARK: - Workbooks written part by part

    @Test("Cells of every type, and cells without a reference")
    func cellTypes() throws {
        let bytes = Self.workbook(
            """
            <row r="2">
              <c r="A2" t="inlineStr"><is><r><t xml:space="preserve">Hồ sơ </t></r><r><rPr><b/></rPr><t>đạt</t></r></is></c>
              <c r="B2" t="str"><f>A2</f><v>Dòng 1_x000D_Dòng 2</v></c>
              <c r="C2" t="b"><v>0</v></c>
              <c r="D2" t="e"><f>NA()</f><v>#N/A</v></c>
              <c r="E2" t="s"><v>0</v></c>
              <c r="F2" t="s"><v>1</v></c>
              <c r="H2"><v>2.9999999999999996</v></c>
              <c r="I2" s="0"/>
            </row>
            <row><c><v>0.30000000000000004</v></c><c/><c t="n"><v>7</v></c></row>
            <row r="9"><c r="B9" s="0"/></row>
            """,
            sharedStrings: """
            <si><t>  trimmed\t</t></si>
            <si><r><t>東京</t></r><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/></si>
            """)
        let rows = try XLSXReader.rows(of: bytes)
        #expect(rows.map(\.line) == [2, 3])
        #expect(rows.map(\.fields) == [
            ["Hồ sơ đạt", "Dòng 1\rDòng 2", "FALSE", "#N/A", "trimmed", "東京", "", "3"],
            ["0.3", "", "7"],
        ])
    }

    @Test("Numbers shown as dates come out as YYYY-MM-DD")
    func dates() throws {
        let styles = """
            <numFmts count="3">
              <numFmt numFmtId="164" formatCode="[$-409]d\\-mmm\\-yy;@"/>
              <numFmt numFmtId="165" formatCode="h:mm"/>
              <numFmt numFmtId="166" formatCode="0.0 &quot;ngày&quot;"/>
            </numFmts>
            <cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>
            <cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="166"/></cellXfs>
            """
        let sheet = """
            <row r="1">
              <c s="1"><v>45366</v></c><c s="2"><v>45657.75</v></c><c s="3"><v>0.5</v></c><c s="4"><v>12.5</v></c>
              <c s="0"><v>45366</v></c><c s="1"><v>60</v></c><c s="1"><v>59</v></c><c s="1"><v>61</v></c><c s="1"><v>1</v></c>
            </row>
            """
        #expect(try XLSXReader.rows(of: Self.workbook(sheet, styles: styles)).map(\.fields) == [
            ["2024-03-15", "2024-12-31", "0.5", "12.5", "45366", "1900-02-29", "1900-02-28", "1900-03-01", "1900-01-01"],
        ])
        let mac = Self.workbook("<row r=\"1\"><c s=\"1\"><v>0</v></c><c s=\"1\"><v>43904</v></c></row>",
                                styles: styles, workbookProperties: "<workbookPr date1904=\"1\"/>")
        #expect(try XLSXReader.rows(of: mac).map(\.fields) == [["1904-01-01", "2024-03-15"]])
    }

    @Test("Element names may carry a namespace prefix")
    func prefixedElements() throws {
        let bytes = StoredZIP.archive(texts: Self.package(sheets: [("worksheet", "worksheets/sheet1.xml")]) + [
            ("xl/worksheets/sheet1.xml", """
             <x:worksheet xmlns:x="\(Self.spreadsheetML)"><x:sheetData><x:row r="4">\
             <x:c r="B4" t="inlineStr"><x:is><x:t>ok</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>
             """),
        ])
        let rows = try XLSXReader.rows(of: bytes)
        #expect(rows.map(\.line) == [4])
        #expect(rows.map(\.fields) == [["", "ok"]])
    }

    @Test("Namespace slips are forgiven: an undeclared prefix, a relative namespace")
    func namespaceSlips() throws {
        let bytes = StoredZIP.archive(texts: Self.package(sheets: [("worksheet", "worksheets/sheet1.xml")]) + [
            ("xl/worksheets/sheet1.xml", """
             <worksheet xmlns="main"><sheetData><row r="1"><c r="A1" t="inlineStr" x14ac:dyDescent="0.25">\
             <is><t>ok</t></is></c></row></sheetData></worksheet>
             """),
        ])
        #expect(try XLSXReader.rows(of: bytes).map(\.fields) == [["ok"]])
    }

    @Test("A chart sheet before the first worksheet is passed over; absolute targets are followed")
    func chartSheetFirst() throws {
        let bytes = StoredZIP.archive(texts: Self.package(sheets: [
            ("chartsheet", "chartsheets/sheet1.xml"), ("worksheet", "/xl/worksheets/data.xml"),
        ]) + [
            ("xl/chartsheets/sheet1.xml", "<chartsheet xmlns=\"\(Self.spreadsheetML)\"/>"),
            ("xl/worksheets/data.xml", Self.worksheet("<row r=\"1\"><c t=\"inlineStr\"><is><t>dữ liệu</t></is></c></row>")),
        ])
        #expect(try XLSXReader.rows(of: bytes).map(\.fields) == [["dữ liệu"]])
    }

    @Test("The last column, XFD, is read; a cell beyond it is refused with its row")
    func columnLimit() throws {
        let last = try XLSXReader.rows(of: Self.workbook("<row r=\"2\"><c r=\"XFD2\"><v>1</v></c></row>"))
        #expect(last.map(\.fields.count) == [16_384])
        #expect(last.first?.fields.last == "1")
        let found = problems(Self.workbook("<row r=\"2\"><c r=\"XFE2\"><v>1</v></c></row>"))
        #expect(found.map(\.line) == [2])
        #expect(found.map(\.english) == ["a cell lies beyond column XFD, the last of 16384"])
    }

    @Test("An import refuses a cell beyond its 200 columns while reading, before the row is padded out to it")
    func importWidth() throws {
        // 20,000 rows each reaching column XFD: padded, they would be 20,000 × 16,384 strings (gigabytes).
        let far = (1...20_000).map { "<row r=\"\($0)\"><c r=\"XFD\($0)\" t=\"inlineStr\"><is><t>x</t></is></c></row>" }.joined()
        let found = problems(Self.workbook(far), limits: XLSXReader.Limits(columns: SpreadsheetRows.maxColumns))
        #expect(found.map(\.line) == [1])
        #expect(found.map(\.english) == ["a row has cells beyond column 200: an import table is narrower"])
        #expect(throws: LineProblems.self) { try SpreadsheetRows.read(Self.workbook(far)) }
        // Column 200 (GR) is the last one an import reads; empty cells further right cost nothing and are ignored.
        let widest = try SpreadsheetRows.read(Self.workbook("<row r=\"1\"><c r=\"GR1\"><v>7</v></c><c r=\"XFD1\" s=\"0\"/></row>"))
        #expect(widest.map(\.fields.count) == [200])
        #expect(problems(Self.workbook("<row r=\"3\"><c r=\"GS3\"><v>7</v></c></row>"), limits: XLSXReader.Limits(columns: 200)).map(\.line) == [3])
    }

    @Test("A sheet with too many rows is refused at the first row too many")
    func rowLimit() {
        let sheet = (1...4).map { $0 == 2 ? "<row r=\"2\"/>" : "<row r=\"\($0)\"><c><v>\($0)</v></c></row>" }.joined()
        let limits = XLSXReader.Limits(rows: 2, unzippedBytes: 1_000_000)
        let found = problems(Self.workbook(sheet), limits: limits)
        #expect(found.map(\.line) == [4])
        #expect(found.map(\.english) == ["the sheet has more than 2 rows"])
        #expect(problems(Self.workbook(sheet), limits: XLSXReader.Limits(rows: 3, unzippedBytes: 1_000_000)).isEmpty)
    }

    @Test("A part larger than the limit is refused before it is unzipped")
    func declaredSizeLimit() {
        let sheet = "<row r=\"1\"><c><v>1</v></c></row>" + String(repeating: " ", count: 1_200_000)
        let found = problems(Self.workbook(sheet), limits: XLSXReader.Limits(rows: 10, unzippedBytes: 1_000_000))
        #expect(found.map(\.english) == ["the workbook is too large: over 1 MB of data once unzipped"])
    }

    @Test("Damaged workbooks are refused, with the row where it shows")
    func damaged() {
        let noSheet = StoredZIP.archive(texts: Self.package(sheets: []))
        #expect(problems(noSheet).map(\.english) == ["the workbook has no worksheet"])
        #expect(problems(noSheet).map(\.vietnamese) == ["bảng tính không có trang tính nào"])

        let missingPart = StoredZIP.archive(texts: Self.package(sheets: [("worksheet", "worksheets/sheet1.xml")]))
        #expect(problems(missingPart).map(\.english)
                == ["the workbook is damaged: its part xl/worksheets/sheet1.xml is missing or cannot be unzipped"])

        let badXML = problems(Self.workbook("<row r=\"3\"><c><v>1</v></c></row>\n<row r=\"4\"><c><v>2</v></row>"))
        #expect(badXML.map(\.line) == [4])
        #expect(badXML.first?.english.hasPrefix("the workbook is damaged: its part xl/worksheets/sheet1.xml is not valid XML") == true)

        let truncated = StoredZIP.archive(texts: Self.package(sheets: [("worksheet", "worksheets/sheet1.xml")]) + [
            ("xl/worksheets/sheet1.xml", "<worksheet xmlns=\"\(Self.spreadsheetML)\"><sheetData><row r=\"1\"><c><v>1</v></c></row>"),
        ])
        #expect(problems(truncated).first?.english.hasPrefix("the workbook is damaged: its part xl/worksheets/sheet1.xml is not valid XML") == true)

        let badIndex = problems(Self.workbook("<row r=\"5\"><c t=\"s\"><v>1</v></c></row>", sharedStrings: "<si><t>a</t></si>"))
        #expect(badIndex.map(\.line) == [5])
        #expect(badIndex.map(\.english) == ["the workbook is damaged: a cell refers to shared text 1, which does not exist"])
    }

    // MARK: - Cell values

    @Test("Numbers keep their text, less binary float noise", arguments: [
        ("85.5", "85.5"), ("0.1", "0.1"), ("2.9999999999999996", "3"), ("0.30000000000000004", "0.3"),
        ("-12", "-12"), ("100", "100"), ("1234567.25", "1234567.25"), ("-0", "0"), ("1E-3", "0.001"),
        ("123456789012345678", "123456789012346000"), ("1E+21", "1E+21"), ("1.5E-10", "1.5E-10"),
        ("9.9999999999999995E-8", "0.0000001"), ("abc", "abc"),
    ])
    func numbers(stored: String, shown: String) {
        #expect(XLSXReader.CellText.number(stored) == shown)
    }

    @Test("Date serial numbers, in both date systems")
    func dateSerials() {
        let date = { (serial: String) in XLSXReader.CellText.date(serial: serial, uses1904Dates: false) }
        #expect(date("1") == "1900-01-01")
        #expect(date("59") == "1900-02-28")
        #expect(date("60") == "1900-02-29")
        #expect(date("61") == "1900-03-01")
        #expect(date("45366.99999999999") == "2024-03-16")
        #expect(date("2958465") == "9999-12-31")
        #expect(date("2958466") == nil)
        #expect(date("abc") == nil)
        #expect(XLSXReader.CellText.date(serial: "1462", uses1904Dates: true) == "1908-01-02")
    }

    @Test("Which number formats show dates", arguments: [
        ("dd/mm/yyyy", true), ("yyyy\\-mm\\-dd", true), ("[$-42A]d mmmm yyyy", true), ("mmm", true),
        ("dd/mm/yyyy\\ hh:mm", true), ("h:mm", false), ("[h]:mm:ss", false), ("mm:ss", false), ("[mm]", false),
        ("General", false), ("0.00", false), ("#,##0 \"ngày\"", false), ("\"TRUE\";\"TRUE\";\"FALSE\"", false),
        ("[Red]0.0", false), ("0_)", false),
    ])
    func dateFormats(code: String, isDate: Bool) {
        #expect(XLSXReader.Styles.isDateFormat(code) == isDate)
    }

    @Test("Column letters")
    func columns() {
        #expect(XLSXReader.CellText.column(of: "A1") == 1)
        #expect(XLSXReader.CellText.column(of: "AB12") == 28)
        #expect(XLSXReader.CellText.column(of: "XFD1") == 16_384)
        #expect(XLSXReader.CellText.column(of: "ZZZZZZZZZZZZZZ1") == 16_385)
        #expect(XLSXReader.CellText.column(of: "12") == nil)
    }

    @Test("_xHHHH_ escapes")
    func escapes() {
        #expect(XLSXReader.CellText.unescaped("a_x000D_b") == "a\rb")
        #expect(XLSXReader.CellText.unescaped("_x005F_x000D_") == "_x000D_")
        #expect(XLSXReader.CellText.unescaped("_x12_ and _xZZZZ_") == "_x12_ and _xZZZZ_")
    }

    // MARK: - Writing workbooks

    static let spreadsheetML = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

    /// A one-sheet workbook: `rows` is the inside of `<sheetData>`, the other
    /// texts the insides of the shared strings and styles parts.
    static func workbook(_ rows: String, sharedStrings: String? = nil, styles: String? = nil,
                         workbookProperties: String = "") -> [UInt8] {
        var related: [(type: String, target: String, text: String)] = []
        if let sharedStrings {
            related.append(("sharedStrings", "sharedStrings.xml", "<sst xmlns=\"\(spreadsheetML)\">\(sharedStrings)</sst>"))
        }
        if let styles {
            related.append(("styles", "styles.xml", "<styleSheet xmlns=\"\(spreadsheetML)\">\(styles)</styleSheet>"))
        }
        let parts = package(sheets: [("worksheet", "worksheets/sheet1.xml")],
                            related: related.map { ($0.type, $0.target) }, workbookProperties: workbookProperties)
        return StoredZIP.archive(texts: parts + [("xl/worksheets/sheet1.xml", worksheet(rows))]
                                 + related.map { ("xl/\($0.target)", $0.text) })
    }

    static func worksheet(_ rows: String) -> String {
        "<worksheet xmlns=\"\(spreadsheetML)\"><sheetData>\(rows)</sheetData></worksheet>"
    }

    /// The package relationships, `xl/workbook.xml` listing `sheets` (a
    /// relationship type and target each) in order, and its relationships.
    static func package(sheets: [(type: String, target: String)], related: [(type: String, target: String)] = [],
                        workbookProperties: String = "") -> [(String, String)] {
        let sheetList = sheets.indices.map { "<sheet name=\"S\($0)\" sheetId=\"\($0 + 1)\" r:id=\"rId\($0 + 1)\"/>" }.joined()
        return [
            ("_rels/.rels", relationships([("officeDocument", "xl/workbook.xml")])),
            ("xl/workbook.xml", """
             <workbook xmlns="\(spreadsheetML)" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
             \(workbookProperties)<sheets>\(sheetList)</sheets></workbook>
             """),
            ("xl/_rels/workbook.xml.rels", relationships(sheets + related)),
        ]
    }

    static func relationships(_ targets: [(type: String, target: String)]) -> String {
        let list = targets.enumerated().map { index, relationship in
            "<Relationship Id=\"rId\(index + 1)\" Target=\"\(relationship.target)\" "
                + "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/\(relationship.type)\"/>"
        }
        return "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\(list.joined())</Relationships>"
    }
}

