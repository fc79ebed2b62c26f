import ChiSoCore
import Foundation
import Testing

/// The `chiso` executable as a user runs it: exit statuses, what goes to
/// standard output and what to standard error.
@Suite("The chiso command")
struct ChisoCommandTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let examples = repository.appendingPathComponent("Tests/ChiSoCoreTests/Fixtures/spec-examples")

    /// The binary built next to this test bundle.
    static var binary: URL {
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = runner.deletingLastPathComponent()
        for _ in 0..<3 {
            let candidate = folder.appendingPathComponent("chiso")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return repository.appendingPathComponent(".build/debug/chiso")
    }

    struct Result {
        var status: Int32
        var out: String
        var err: String
    }

    func chiso(_ arguments: [String], in folder: URL = repository, environment: [String: String] = [:]) throws -> Result {
        try Self.run(arguments, in: folder, environment: environment)
    }

    static func run(_ arguments: [String], in folder: URL = repository, environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, out: String(decoding: outData, as: UTF8.self),
                      err: String(decoding: errData, as: UTF8.self))
    }

    @Test("chiso score prints the spec's expected CSV", arguments: ["case-7", "case-8"])
    func score(example: String) throws {
        let folder = Self.examples.appendingPathComponent(example)
        let result = try chiso(["score", "--index", "index.yaml", "--agencies", "agencies.csv", "--inputs", "inputs.csv"], in: folder)
        #expect(result.status == 0)
        #expect(result.out == (try String(contentsOf: folder.appendingPathComponent("expected.csv"), encoding: .utf8)))
        #expect(result.err.contains("inputs.csv: agency "))
    }

    @Test("Invalid inputs: exit 1, nothing on standard output, every error on standard error")
    func invalid() throws {
        let folder = Self.examples.appendingPathComponent("invalid-inputs")
        let result = try chiso(["score", "--index", "index.yaml", "--agencies", "agencies.csv", "--inputs", "inputs.csv"], in: folder)
        #expect(result.status == 1)
        #expect(result.out.isEmpty)
        let lines = result.err.split(separator: "\n").map(String.init)
        for prefix in ["inputs.csv:6:", "inputs.csv:10:", "inputs.csv:125:", "inputs.csv:126:"] {
            #expect(lines.contains { $0.hasPrefix(prefix) }, "\(prefix)")
        }
    }

    @Test("JSON output parses and carries the breakdown")
    func json() throws {
        let folder = Self.examples.appendingPathComponent("case-8")
        let result = try chiso(["score", "--index", "index.yaml", "--agencies", "agencies.csv", "--inputs", "inputs.csv",
                                "--format", "json", "--lang", "vi"], in: folder)
        #expect(result.status == 0)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [[String: Any]])
        // Row for row the figures of the CSV the contract expects.
        let expected = try String(contentsOf: folder.appendingPathComponent("expected.csv"), encoding: .utf8)
            .split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows.count == expected.count)
        for (row, line) in zip(rows, expected) {
            #expect(row["group"] as? String == line[0])
            #expect((row["rank"] as? Int).map(String.init) == line[1])
            #expect(row["agency"] as? String == line[2])
            #expect((row["final"] as? NSNumber).map { String(format: "%.2f", $0.doubleValue) } == line[line.count - 2], "\(line)")
            #expect(row["class"] as? String == line[line.count - 1])
        }
        // The breakdown: SO000's field I, and its criterion 1.1, not applicable by the agency's tag (in Vietnamese).
        let first = try #require(rows.first)
        let field = try #require((first["criteria"] as? [[String: Any]])?.first)
        #expect(field["code"] as? String == "I" && (field["points"] as? NSNumber)?.stringValue == "3.475")
        #expect(field["why"] as? String == "tổng các tiêu chí con → 3,475 điểm")
        let criterion = try #require((field["children"] as? [[String: Any]])?.first)
        #expect(criterion["code"] as? String == "1.1" && criterion["applicable"] as? Bool == false)
        #expect(criterion["why"] as? String == "không áp dụng (đơn vị có nhãn khong-tthc)")
        #expect(result.err.contains("chưa có số liệu"))
    }

    @Test("index check: a summary and exit 0 for the shipped indexes", arguments: ["so-2026.yaml", "xa-2026.yaml"])
    func indexCheck(file: String) throws {
        let result = try chiso(["index", "check", "Resources/indexes/\(file)"])
        #expect(result.status == 0)
        #expect(result.out.contains("total max: 100"))
        #expect(result.out.contains("rule types: "))
        #expect(result.err.isEmpty)
    }

    @Test("index check: every problem as FILE:LINE: node CODE: message, exit 1")
    func indexCheckRefuses() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chiso-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try """
        id: x
        title: x
        scale: 5
        classes: [{code: A, title: a, min: 0}]
        criteria:
          - {code: "1", title: a, max: 2, rule: {type: yesno}}
          - {code: "1", title: b, max: 2, rule: {type: tiers, tiers: [{min: 1, points: 3}]}}
        """.write(to: folder.appendingPathComponent("bad.yaml"), atomically: true, encoding: .utf8)
        let result = try chiso(["index", "check", "bad.yaml"], in: folder)
        #expect(result.status == 1)
        #expect(result.out.isEmpty)
        #expect(result.err == """
        bad.yaml:3: index: the top-level max values add up to 4, not to scale 5
        bad.yaml:7: node 1: code 1 is already used at line 6
        bad.yaml:7: node 1: tier points 3 exceed the leaf's max 2

        """)
    }

    @Test("index convert: YAML → Excel → YAML gives the same YAML again; Excel is checked like YAML", arguments: ["so-2026.yaml", "xa-2026.yaml"])
    func indexConvert(file: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chiso-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = Self.repository.appendingPathComponent("Resources/indexes/\(file)").path
        #expect(try chiso(["index", "convert", source, "a.xlsx"], in: folder).status == 0)
        #expect(try chiso(["index", "convert", "a.xlsx", "a.yaml"], in: folder).status == 0)
        #expect(try chiso(["index", "convert", "a.yaml", "b.xlsx"], in: folder).status == 0)
        let last = try chiso(["index", "convert", "b.xlsx", "b.yml"], in: folder)
        #expect(last.status == 0)
        #expect(last.out.hasPrefix("Wrote b.yml: "))
        let first = try String(contentsOf: folder.appendingPathComponent("a.yaml"), encoding: .utf8)
        #expect(try String(contentsOf: folder.appendingPathComponent("b.yml"), encoding: .utf8) == first)
        let check = try chiso(["index", "check", "b.xlsx"], in: folder)
        #expect(check.status == 0)
        #expect(check.out.contains("total max: 100"))
    }

    @Test("index convert: a refused input gives every problem on standard error, exit 1, and writes nothing")
    func indexConvertRefuses() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chiso-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var table = IndexTable(try IndexReader.read(yaml: String(contentsOf: Self.repository.appendingPathComponent("Resources/indexes/xa-2026.yaml"), encoding: .utf8)))
        table.criteria[2].rule = "bốc thăm"
        table.criteria[3].max = "bốn"
        try Data(IndexWorkbook.bytes(table)).write(to: folder.appendingPathComponent("bad.xlsx"))
        let result = try chiso(["index", "convert", "bad.xlsx", "out.yaml", "--lang", "vi"], in: folder)
        #expect(result.status == 1)
        #expect(result.out.isEmpty)
        #expect(result.err.contains("bad.xlsx: Tiêu chí, dòng 4, cột E (Cách chấm): không có cách chấm \"bốc thăm\""), "\(result.err)")
        #expect(result.err.contains("bad.xlsx: Tiêu chí, dòng 5, cột D (Điểm tối đa): "), "\(result.err)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out.yaml").path))
        let formats = try chiso(["index", "convert", "bad.xlsx", "out.csv"], in: folder)
        #expect(formats.status == 1)
        #expect(formats.err.contains(".yaml, .yml and .xlsx"))
    }

    @Test("A file that cannot be read is named, exit 1")
    func missingFile() throws {
        let result = try chiso(["score", "--index", "nope.yaml", "--agencies", "a.csv", "--inputs", "i.csv"])
        #expect(result.status == 1)
        #expect(result.err.hasPrefix("nope.yaml: cannot read the file"))
        #expect(result.out.isEmpty)
    }

    @Test("The README's sample run works from the repository root")
    func sample() throws {
        let result = try chiso(["score", "--index", "Resources/indexes/so-2026.yaml", "--agencies", "Resources/samples/agencies-so.csv",
                                "--inputs", "Resources/samples/inputs-so-2026.csv"])
        #expect(result.status == 0, "\(result.err)")
        let lines = result.out.split(separator: "\n").map(String.init)
        #expect(lines.first == "group,rank,agency,name,raw,applicable_max,normalized,bonus,deduction,final,class")
        #expect(lines.dropFirst().first == "so,1,SNNMT,Sở Nông nghiệp và Môi trường,83.11,100.00,83.11,1.00,0.00,84.11,T")
        // One row per agency of the list.
        let agencies = try String(contentsOf: Self.repository.appendingPathComponent("Resources/samples/agencies-so.csv"), encoding: .utf8)
        #expect(lines.count - 1 == agencies.split(separator: "\n").count - 1)
        #expect(Set(lines.dropFirst().map { $0.split(separator: ",")[2] }).count == lines.count - 1)
    }
}

@Suite("Server commands", .serialized)
struct ServerCommandTests {
    @Test("migrate, then user add and reset-password print a temporary password")
    func userCommands() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chiso-cmd-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        func run(_ arguments: [String]) throws -> (Int32, String, String) {
            let result = try ChisoCommandTests.run(arguments, environment: ["CHISO_DATA_DIR": folder.path, "DATABASE_URL": ""])
            return (result.status, result.out, result.err)
        }
        let migrate = try run(["migrate"])
        #expect(migrate.0 == 0, "\(migrate.2)")
        let add = try run(["user", "add", "--username", "QuanTri", "--name", "Quản trị", "--agency", "SNV", "--agency-name", "Sở Nội vụ",
                           "--group", "so", "--role", "admin"])
        #expect(add.0 == 0, "\(add.2)")
        #expect(add.1.contains("Đã tạo tài khoản quantri. Mật khẩu tạm"))
        let again = try run(["user", "add", "--username", "quantri", "--name", "X", "--agency", "SNV", "--role", "admin"])
        #expect(again.0 != 0)
        #expect(again.2.contains("Tên đăng nhập quantri đã có."))
        let badRole = try run(["user", "add", "--username", "khac", "--name", "X", "--agency", "SNV", "--role", "boss"])
        #expect(badRole.0 != 0)
        #expect(badRole.2.contains("Vai trò không hợp lệ: boss"))
        let reset = try run(["user", "reset-password", "quantri"])
        #expect(reset.0 == 0, "\(reset.2)")
        #expect(reset.1.contains("Mật khẩu tạm của quantri"))
        // No period is open yet: nothing to snapshot; a date that does not exist is refused.
        let snapshot = try run(["snapshot", "--date", "30/11/2026"])
        #expect(snapshot.0 == 0, "\(snapshot.2)")
        #expect(snapshot.1.contains("Đã lưu 0 ảnh chụp điểm"))
        let badDate = try run(["snapshot", "--date", "31/11/2026"])
        #expect(badDate.0 != 0)
        #expect(badDate.2.contains("Ngày không hợp lệ (invalid date): 31/11/2026"))
    }
}
