// The fuzzing campaign's worker: not part of the package. bench/fuzz/run.py
// builds it in a temporary package with ChiSoCore's sources, in release mode,
// and runs it in batches, one child process at a time, so that a crash ends
// only the batch it happens in.
//
//   fuzz run  --repo ROOT --reader NAME --seed S --from A --to B
//       Reads cases A..<B. Before each case it writes "S <case>", after it
//       "D <case> <microseconds> ok" or "D <case> <microseconds> bad <why>"
//       (read or refused, but not properly: a problem without a message in
//       both languages, a line outside the file); "END" when done.
//   fuzz dump --repo ROOT --reader NAME --seed S --case C --to FILE
//       Writes case C's input to FILE and prints "KNOWN <issue>" when it
//       matches a known issue (see `knownIssue`), or "UNKNOWN".
//   fuzz readers
//       Lists the readers.
//
// Every case is made from (seed, reader, case) alone, so any one of them can
// be made again without the others. The generators are the unit tests' own
// (Tests/HostileInputs/HostileInputs.swift, compiled in beside this file), at
// larger sizes (1 MB lines, 2,000 repeated chunks) and with the row numbers
// that the tests leave out (`Mutator.campaign`).

import ChiSoCore
import Foundation

// MARK: - Randomness

extension Dice {
    /// The dice of one case of one reader.
    static func forCase(seed: UInt64, reader: String, index: Int) -> Dice {
        var mixed = seed ^ 0xA076_1D64_78BD_642F
        for byte in reader.utf8 { mixed = (mixed ^ UInt64(byte)) &* 0x1000_0000_01B3 }
        var dice = Dice(seed: mixed ^ UInt64(index) &* 0xE703_7ED1_A0B4_28DB)
        _ = dice.next()
        return dice
    }
}

// MARK: - Mutations (HostileInputs.swift, at the campaign's sizes)

func mutate(_ input: [UInt8], _ dice: inout Dice, _ dialect: Dialect) -> [UInt8] {
    var log: [String] = []
    return Mutator.campaign.mutate(input, &dice, dialect, log: &log)
}

func randomInput(_ dice: inout Dice, _ dialect: Dialect, words: [String] = []) -> [UInt8] {
    Mutator.campaign.randomInput(&dice, dialect, words: words)
}

/// A seed cut at one of `cuts` evenly spaced positions.
func truncation(_ bytes: [UInt8], _ dice: inout Dice, cuts: Int = 64) -> [UInt8] {
    Array(bytes.prefix(bytes.count * dice.below(cuts + 1) / cuts))
}

// MARK: - Workbooks

enum Workbook {
    static let spreadsheetML = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipsNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    static func relationships(_ targets: [(type: String, target: String)]) -> String {
        let list = targets.enumerated().map { index, relationship in
            "<Relationship Id=\"rId\(index + 1)\" Target=\"\(relationship.target)\" Type=\"\(relationshipsNS)/\(relationship.type)\"/>"
        }
        return "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\(list.joined())</Relationships>"
    }

    static func inline(_ text: String) -> String { "<c t=\"inlineStr\"><is><t>\(text)</t></is></c>" }

    /// The parts of a one-sheet workbook holding `rows` as shared and inline strings and numbers.
    static func parts(rows: [[String]]) -> [(String, String)] {
        var strings: [String] = []
        var sheet = ""
        for (rowIndex, row) in rows.enumerated() {
            sheet += "<row r=\"\(rowIndex + 1)\">"
            for (column, text) in row.enumerated() {
                let reference = String(UnicodeScalar(UInt8(65 + column % 26))) + "\(rowIndex + 1)"
                let escaped = text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                if Double(text) != nil {
                    sheet += "<c r=\"\(reference)\"\(column == 3 ? " s=\"1\"" : "")><v>\(text)</v></c>"
                } else if column % 2 == 0 {
                    sheet += "<c r=\"\(reference)\" t=\"s\"><v>\(strings.count)</v></c>"
                    strings.append(escaped)
                } else {
                    sheet += "<c r=\"\(reference)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(escaped)</t></is></c>"
                }
            }
            sheet += "</row>"
        }
        return [
            ("_rels/.rels", relationships([("officeDocument", "xl/workbook.xml")])),
            ("xl/workbook.xml", "<workbook xmlns=\"\(spreadsheetML)\" xmlns:r=\"\(relationshipsNS)\"><workbookPr date1904=\"0\"/>"
                + "<sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"),
            ("xl/_rels/workbook.xml.rels", relationships([("worksheet", "worksheets/sheet1.xml"),
                                                          ("sharedStrings", "sharedStrings.xml"), ("styles", "styles.xml")])),
            ("xl/worksheets/sheet1.xml", "<worksheet xmlns=\"\(spreadsheetML)\"><sheetData>\(sheet)</sheetData></worksheet>"),
            ("xl/sharedStrings.xml", "<sst xmlns=\"\(spreadsheetML)\">" + strings.map { "<si><t>\($0)</t></si>" }.joined() + "</sst>"),
            ("xl/styles.xml", "<styleSheet xmlns=\"\(spreadsheetML)\"><numFmts><numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy\"/></numFmts>"
                + "<cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"164\"/></cellXfs></styleSheet>"),
        ]
    }

    static func stored(_ parts: [(String, String)]) -> [UInt8] { StoredZIP.archive(parts.map { ($0.0, Array($0.1.utf8)) }) }
}

// MARK: - Known issues

/// The known issue an input runs into, if any (each found by this campaign
/// or the unit tests, and reported): for classifying crashes and hangs.
func knownIssue(_ bytes: [UInt8], reader: String) -> String? {
    if let trap = ZIPTraps.knownTrap(bytes) { return "ZIPFoundation traps: \(trap)" }
    let text = String(decoding: bytes, as: UTF8.self)
    if reader == "index", text.contains("*") { return "YAML aliases expanded under children (IndexReader.readCriterion)" }
    // Row numbers as XML attributes: past Int32 (InputsReader.swift Int32(line)) or Int.max then a row without one.
    var rest = Substring(text)
    while let found = rest.range(of: "<row") {
        rest = rest[found.upperBound...]
        let tag = rest.prefix { $0 != ">" }
        if let r = tag.range(of: "r=\"") {
            let digits = tag[r.upperBound...].prefix { $0 == "-" || $0.isNumber }
            if let value = Int(digits), value > Int(Int32.max) || value < Int(Int32.min) {
                return "a row number past 32 bits (InputsReader Int32(line), or XLSXSheetParser line + 1)"
            }
        }
    }
    return nil
}

// MARK: - Seeds

struct Seeds {
    let indexes: [[UInt8]]
    let agencies: [[UInt8]]
    let inputs: [UInt8]
    let inputsWorkbookParts: [(String, String)]
    let index: Index
    let agencyList: [Agency]
    let workbooks: [[UInt8]]
    /// Both shipped indexes as the annex workbook (sheets of criteria, classes, bonus and deductions).
    let indexWorkbooks: [[UInt8]]
    /// One item of the index per kind of rule (and a bonus and a deduction item), for single input values.
    let valueItems: [ItemReference]
    let tasks: [UInt8]
    let survey: [UInt8]

    init(repo: String) throws {
        func file(_ path: String) -> [UInt8] {
            [UInt8](FileManager.default.contents(atPath: repo + "/" + path) ?? Data())
        }
        let spec = "Tests/ChiSoCoreTests/Fixtures/spec-examples"
        indexes = ["Resources/indexes/so-2026.yaml", "Resources/indexes/xa-2026.yaml", "\(spec)/case-7/index.yaml",
                   "\(spec)/case-8/index.yaml"].map(file)
        agencies = ["Resources/samples/agencies-so.csv", "Resources/samples/agencies-xa.csv", "\(spec)/case-7/agencies.csv"].map(file)
        inputs = file("Resources/samples/inputs-so-2026.csv")
        index = try IndexReader.read(yaml: String(decoding: indexes[0], as: UTF8.self))
        indexWorkbooks = try indexes.prefix(2).map { try IndexWorkbook.bytes(IndexTable(IndexReader.read(yaml: String(decoding: $0, as: UTF8.self)))) }
        agencyList = try AgencyListReader.read(agencies[0])
        var byKind: [String: ItemReference] = [:]
        for (position, node) in index.nodes.enumerated() {
            guard let rule = node.leaf?.rule else { continue }
            let kind = String("\(rule)".prefix { $0 != "(" }) // "tiers", "ratio", ...
            if byKind[kind] == nil { byKind[kind] = .criterion(position) }
        }
        valueItems = byKind.keys.sorted().compactMap { byKind[$0] } + (index.bonus.isEmpty ? [] : [.bonus(0)])
            + (index.deductions.isEmpty ? [] : [.deduction(0)])
        let rows = try SpreadsheetRows.read(inputs).prefix(60).map(\.fields)
        inputsWorkbookParts = Workbook.parts(rows: Array(rows))
        tasks = Array("""
            Mã nhiệm vụ,"Số, ký hiệu văn bản giao",Ngày văn bản,Cơ quan ban hành,Đơn vị chủ trì,Nội dung nhiệm vụ,Hạn xử lý,Văn bản gia hạn,Ngày văn bản gia hạn,Hạn sau gia hạn,Ngày hoàn thành,Ghi chú
            NV-001,123/UBND-KT,05/01/2026,UBND tỉnh,SNV,"Rà soát, cập nhật thủ tục",31/01/2026,,,,28/01/2026,Đúng hạn
            NV-002,45/QĐ-UBND,2026-01-10,Chủ tịch UBND tỉnh,Sở Tài chính,"Báo cáo ""quyết toán""
            năm 2025",2026-02-15,88/UBND-TH,2026-02-10,2026-03-15,2026-03-01T08:30:00,Gia hạn một lần
            NV-003,7/KH-UBND,7/3/2026,UBND tỉnh,VPUB,Kiểm tra công vụ,15.04.2026,,,,,
            NV-004,9/CV,01/02/2026,,STC,Tổng hợp số liệu,28/02/2026,,,,05/03/2026,Chậm 5 ngày

            """.utf8)
        survey = Array("""
            agency,criterion,percentage,survey,sample_size
            SNV,3.1,85.5,SIPAS 2026,400
            STC,3.2,"92,25",SIPAS 2026,350
            STC,3.1,100,Khảo sát hài lòng,1
            VPUB,,0,SIPAS 2026,12

            """.utf8)
        let taskRows = try SpreadsheetRows.read(tasks).map(\.fields)
        workbooks = [file("Tests/ChiSoCoreTests/Fixtures/xlsx/tasks.xlsx"), file("Tests/ChiSoCoreTests/Fixtures/xlsx/two-sheets.xlsx"),
                     try XLSXWorkbook(sheets: [.init(name: "Nhập liệu", rows: rows.map { $0.map { .text($0) } })]).bytes(),
                     try XLSXWorkbook(sheets: [.init(name: "Nhiệm vụ", rows: taskRows.map { $0.map { .text($0) } })]).bytes(),
                     Workbook.stored(inputsWorkbookParts)]
    }
}

// MARK: - Readers

/// What one input gave: nil when it was read or refused properly, else why not.
typealias Verdict = String?

func wellWorded(_ problems: [LineProblem], lines: ClosedRange<Int>?) -> Verdict {
    if problems.isEmpty { return "an error without problems" }
    for problem in problems {
        if isBlank(problem.english) { return "a problem without English" }
        if isBlank(problem.vietnamese) { return "a problem without Vietnamese" }
        if let lines, !lines.contains(problem.line) { return "a problem on line \(problem.line), outside \(lines)" }
    }
    return nil
}

/// Empty or only ASCII white space (cheap: a refusal may hold a million problems).
func isBlank(_ text: String) -> Bool { text.utf8.allSatisfy { $0 == 32 || (9...13).contains($0) } }

func csvLines(_ bytes: [UInt8]) -> ClosedRange<Int>? {
    SpreadsheetRows.isWorkbook(bytes) ? nil : 1...bytes.reduce(1) { $0 + ($1 == 10 || $1 == 13 ? 1 : 0) }
}

func readFile(_ bytes: [UInt8], csv: Bool = true, _ read: ([UInt8]) throws(LineProblems) -> Void) -> Verdict {
    do throws(LineProblems) {
        try read(bytes)
        return nil
    } catch {
        return wellWorded(error.problems, lines: csv ? csvLines(bytes) : nil)
    }
}

let taskMapping = ColumnMapping(columns: Dictionary(uniqueKeysWithValues: TaskField.allCases.enumerated().map { ($1, $0) }))

struct Reader {
    let name: String
    let make: (inout Dice, Seeds) -> [UInt8]
    let run: ([UInt8], Seeds) -> Verdict
}

/// Seed mutations mostly, some random inputs and truncations.
func input(_ dice: inout Dice, seeds: [[UInt8]], dialect: Dialect, words: [String] = []) -> [UInt8] {
    let seed = dice.pick(seeds)
    switch dice.below(20) {
    case 0, 1: return randomInput(&dice, dialect, words: words)
    case 2: return truncation(seed, &dice)
    default: return mutate(seed, &dice, dialect)
    }
}

/// A workbook: a mutated package, or a package whose XML parts were mutated and zipped again.
func workbookInput(_ dice: inout Dice, packages: [[UInt8]], parts: [(String, String)]) -> [UInt8] {
    switch dice.below(10) {
    case 0: return [0x50, 0x4B, 0x03, 0x04] + randomInput(&dice, .xml)
    case 1, 2, 3:
        return dice.chance(20) ? truncation(dice.pick(packages), &dice) : mutate(dice.pick(packages), &dice, .xml)
    default:
        var mutated = parts.map { ($0.0, Array($0.1.utf8)) }
        let part = dice.below(mutated.count)
        mutated[part].1 = mutate(mutated[part].1, &dice, .xml)
        return StoredZIP.archive(mutated)
    }
}

let readers: [Reader] = [
    Reader(name: "index", make: { dice, seeds in
        input(&dice, seeds: seeds.indexes, dialect: .yaml, words: ["id:", "title:", "criteria:", "classes:", "code:", "max: 10"])
    }, run: { bytes, _ in
        let lines = 0...(bytes.reduce(2) { $0 + ($1 == 10 || $1 == 13 ? 1 : 0) })
        do throws(IndexProblems) {
            _ = try IndexReader.read(yaml: String(decoding: bytes, as: UTF8.self))
            return nil
        } catch {
            if error.problems.isEmpty { return "an error without problems" }
            for problem in error.problems {
                if problem.english.isEmpty || problem.vietnamese.isEmpty { return "a problem without a message" }
                if !lines.contains(problem.line) { return "a problem on line \(problem.line), outside \(lines)" }
            }
            return nil
        }
    }),
    Reader(name: "csv", make: { dice, seeds in
        input(&dice, seeds: seeds.agencies + [seeds.inputs, seeds.tasks, seeds.survey], dialect: .csv)
    }, run: { bytes, _ in
        readFile(bytes) { bytes throws(LineProblems) in try CSVReader.forEachRecord(in: bytes) { _, _ throws(LineProblems) in } }
    }),
    Reader(name: "agencies", make: { dice, seeds in
        input(&dice, seeds: seeds.agencies, dialect: .csv, words: ["code", "name", "group", "tags"])
    }, run: { bytes, _ in
        readFile(bytes) { bytes throws(LineProblems) in _ = try AgencyListReader.read(bytes) }
    }),
    Reader(name: "accounts", make: { dice, seeds in
        input(&dice, seeds: [Array("username,full_name,agency,role,email\nxa1.daumoi,Nguyễn Văn An,XA1,editor;head,an@xa1.example.test\n".utf8)],
              dialect: .csv, words: AccountListReader.columns + ["editor", "head", "@", ";"])
    }, run: { bytes, _ in
        readFile(bytes) { bytes throws(LineProblems) in _ = try AccountListReader.read(bytes, knownRoles: ["editor", "head"]) }
    }),
    Reader(name: "inputs", make: { dice, seeds in
        dice.chance(75) ? input(&dice, seeds: [seeds.inputs], dialect: .csv)
            : workbookInput(&dice, packages: [seeds.workbooks[2]], parts: seeds.inputsWorkbookParts)
    }, run: { bytes, seeds in
        readFile(bytes) { bytes throws(LineProblems) in _ = try InputsReader.read(bytes, index: seeds.index, agencies: seeds.agencyList) }
    }),
    Reader(name: "xlsx", make: { dice, seeds in
        workbookInput(&dice, packages: seeds.workbooks, parts: seeds.inputsWorkbookParts)
    }, run: { bytes, _ in
        readFile(bytes, csv: false) { bytes throws(LineProblems) in _ = try XLSXReader.rows(of: bytes) }
    }),
    Reader(name: "index-xlsx", make: { dice, seeds in
        workbookInput(&dice, packages: seeds.indexWorkbooks, parts: seeds.inputsWorkbookParts)
    }, run: { bytes, _ in
        // An index workbook: its sheets, their layout, then every cell's meaning (every problem named by its cell).
        do throws(IndexFile.Problems) {
            _ = try IndexFile.read(bytes, format: .xlsx)
            return nil
        } catch {
            guard case let .table(problems) = error else { return "a workbook refused as YAML" }
            if problems.isEmpty { return "an error without problems" }
            if problems.contains(where: { isBlank($0.english) || isBlank($0.vietnamese) }) { return "a problem without a message" }
            return nil
        }
    }),
    Reader(name: "tasks", make: { dice, seeds in
        dice.chance(70) ? input(&dice, seeds: [seeds.tasks], dialect: .csv) : mutate(dice.pick([seeds.workbooks[0], seeds.workbooks[3]]), &dice, .xml)
    }, run: { bytes, _ in
        let rows: [(line: Int, fields: [String])]
        do throws(LineProblems) {
            rows = try SpreadsheetRows.read(bytes)
        } catch {
            return wellWorded(error.problems, lines: csvLines(bytes))
        }
        guard let header = rows.first else { return nil }
        let guessed = ColumnMapping.guess(header: header.fields)
        if !guessed.columns.values.allSatisfy({ header.fields.indices.contains($0) }) { return "a guessed column outside the header" }
        let lines = Set(rows.map(\.line)).union([0])
        for mapping in [guessed, taskMapping] {
            let (tasks, problems) = TaskRowReader.read(rows: Array(rows.dropFirst()), mapping: mapping, agencyCodes: ["SNV", "STC", "VPUB"],
                                                       agencyNames: ["Sở Tài chính": "STC"])
            if problems.contains(where: { $0.english.isEmpty || $0.vietnamese.isEmpty || !lines.contains($0.line) }) {
                return "a task problem without a message or outside the rows"
            }
            if tasks.contains(where: { !lines.contains($0.line) }) { return "a task outside the rows" }
        }
        return nil
    }),
    Reader(name: "survey", make: { dice, seeds in
        input(&dice, seeds: [seeds.survey], dialect: .csv)
    }, run: { bytes, _ in
        let rows: [(line: Int, fields: [String])]
        do throws(LineProblems) {
            rows = try SpreadsheetRows.read(bytes)
        } catch {
            return wellWorded(error.problems, lines: csvLines(bytes))
        }
        let (results, problems) = SurveyRowReader.read(rows: rows, criteria: ["SNV": ["3.1"], "STC": ["3.1", "3.2"], "VPUB": ["3.1"]])
        if problems.contains(where: { $0.english.isEmpty || $0.vietnamese.isEmpty }) { return "a survey problem without a message" }
        if results.contains(where: { $0.percentage < .zero || $0.percentage > .hundred || $0.sampleSize < 1 }) { return "a bad survey result" }
        return nil
    }),
    Reader(name: "values", make: { dice, _ in
        let seeds = ["27/10/2023", "2023-10-27T08:30:00.123", "29/02/2024", "31/12/9999", "7/3/2024", "0", "-0", "0,5", "12.5",
                     "123456789012345678", "0.0000000001", "44/50", "NA", "có", "không đạt", "B"]
        return dice.chance(15) ? randomInput(&dice, .text) : mutate(Array(dice.pick(seeds).utf8), &dice, .text)
    }, run: { bytes, seeds in
        let text = String(decoding: bytes, as: UTF8.self)
        if let date = CivilDate.parse(text), CivilDate.parse(date.iso) != date { return "a date that does not read back" }
        if let number = try? DecimalNumber.parse(text), (try? DecimalNumber.parse(number.description)) != number {
            return "a number that does not read back"
        }
        for item in seeds.valueItems {
            if case let .failure(problem) = InputReading.read(text, for: item, in: seeds.index),
               problem.english.isEmpty || problem.vietnamese.isEmpty {
                return "an input problem without a message"
            }
        }
        return nil
    }),
]

// MARK: - Main

func argument(_ name: String) -> String? {
    let arguments = CommandLine.arguments
    return arguments.firstIndex(of: name).flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(2)
}

/// A line on standard output, written at once (the parent reads it as it comes).
func emit(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

let command = CommandLine.arguments.dropFirst().first ?? ""
if command == "readers" {
    emit(readers.map(\.name).joined(separator: " "))
    exit(0)
}
guard let repo = argument("--repo"), let name = argument("--reader"), let reader = readers.first(where: { $0.name == name }),
      let seed = argument("--seed").flatMap(UInt64.init) else {
    fail("usage: fuzz run|dump --repo ROOT --reader NAME --seed S (--from A --to B | --case C --to FILE)")
}
let seeds: Seeds
do { seeds = try Seeds(repo: repo) } catch { fail("the seeds do not read: \(error)") }

switch command {
case "run":
    guard let from = argument("--from").flatMap(Int.init), let to = argument("--to").flatMap(Int.init) else { fail("--from, --to") }
    let clock = ContinuousClock()
    for index in from..<to {
        var dice = Dice.forCase(seed: seed, reader: name, index: index)
        let bytes = reader.make(&dice, seeds)
        emit("S \(index)")
        let start = clock.now
        let verdict = reader.run(bytes, seeds)
        let elapsed = clock.now - start
        let micros = elapsed.components.seconds * 1_000_000 + elapsed.components.attoseconds / 1_000_000_000_000
        emit("D \(index) \(micros) " + (verdict.map { "bad \($0)" } ?? "ok"))
    }
    emit("END")
case "dump":
    guard let index = argument("--case").flatMap(Int.init), let path = argument("--to") else { fail("--case, --to") }
    var dice = Dice.forCase(seed: seed, reader: name, index: index)
    let bytes = reader.make(&dice, seeds)
    _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
    emit(knownIssue(bytes, reader: name).map { "KNOWN \($0)" } ?? "UNKNOWN")
default:
    fail("unknown command \(command)")
}
