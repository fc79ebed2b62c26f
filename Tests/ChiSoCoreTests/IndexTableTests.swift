import Foundation
import Testing
@testable import ChiSoCore

/// The index as a table and as an Excel workbook (issue 18): round trips, the
/// officer's notation, and every kind of bad cell named by sheet, row and column.
@Suite("Index tables and workbooks")
struct IndexTableTests {
    static func shipped(_ name: String) throws -> Index {
        try IndexReader.read(yaml: String(decoding: Paths.bytes(Paths.indexes.appendingPathComponent(name)), as: UTF8.self))
    }

    /// YAML → table → workbook bytes → table → index.
    static func throughWorkbook(_ index: Index) throws -> (table: IndexTable, index: Index) {
        let bytes = try IndexWorkbook.bytes(IndexTable(index))
        let reading = try IndexWorkbook.read(bytes)
        let validation = reading.table.validate(rows: reading.rows)
        #expect(validation.problems.isEmpty, "\(validation.problems.map { $0.formatted(.english) })")
        return (reading.table, try #require(validation.index))
    }

    @Test("Both demo indexes: YAML → Excel → YAML gives the same index, and the same workbook again",
          arguments: ["so-2026.yaml", "xa-2026.yaml"])
    func demoRoundTrip(name: String) throws {
        let index = try Self.shipped(name)
        let (table, again) = try Self.throughWorkbook(index)
        #expect(table == IndexTable(index))
        #expect(IndexTable(again) == IndexTable(index))
        #expect(again.leafPositions.count == index.leafPositions.count)
        #expect(again.classes.map { $0.requires.map { [$0.code, "\($0.test)", "\($0.target)"] } }
            == index.classes.map { $0.requires.map { [$0.code, "\($0.test)", "\($0.target)"] } })
        // The YAML written from the table reads to the same index, and writes the same YAML.
        let yaml = IndexFile.yaml(IndexTable(index))
        let fromYAML = try IndexReader.read(yaml: yaml)
        #expect(IndexTable(fromYAML) == IndexTable(index))
        #expect(IndexFile.yaml(IndexTable(fromYAML)) == yaml)
    }

    @Test("Generated indexes: every rule type and nesting survive the workbook, with the same scores", arguments: 0..<40)
    func generatedRoundTrip(seed: Int) throws {
        let world = RandomWorld(seed: seed)
        let index = try IndexReader.read(yaml: world.yaml)
        let (_, again) = try Self.throughWorkbook(index)
        #expect(IndexTable(again) == IndexTable(index), "seed \(seed)")
        let original = world.run()
        let converted = world.run(yaml: IndexFile.yaml(IndexTable(again)))
        #expect(original.exitCode == 0)
        #expect(converted.standardOutput == original.standardOutput, "seed \(seed)")
    }

    @Test("Excel → YAML → Excel keeps every cell's meaning: an officer's spellings become the canonical ones")
    func officerNotation() throws {
        var table = IndexTable(try Self.shipped("xa-2026.yaml"))
        let position = try #require(table.criteria.firstIndex { $0.code == "1.1.1" })
        table.criteria[position].rule = "tiers"
        table.criteria[position].parameters = ">= 100 : 5 ; >=95%: 4\n≥ 90%: 3; ≥80: 1.5"
        table.criteria[position].evidence = "required"
        table.criteria[position].max = "5,0"
        let ratio = try #require(table.criteria.firstIndex { $0.code == "1.1.2" })
        table.criteria[ratio].rule = "TỶ LỆ"
        table.criteria[ratio].parameters = "95"
        table.classes[0].requires = "D2 <= 0; 1.4.2 >= 100"
        let validation = table.validate()
        let index = try #require(validation.index, "\(validation.problems.map { $0.formatted(.english) })")
        let canonical = IndexTable(index)
        #expect(canonical.criteria[position].parameters == "≥100%: 5; ≥95%: 4; ≥90%: 3; ≥80%: 1,5")
        #expect(canonical.criteria[position].evidence == "Bắt buộc")
        #expect(canonical.criteria[ratio].parameters == "chỉ tiêu 95%")
        #expect(canonical.classes[0].requires == "D2 ≤ 0; 1.4.2 ≥ 100%")
        let reread = try Self.throughWorkbook(index)
        #expect(IndexTable(reread.index) == canonical)
    }

    /// The one problem a changed cell causes, on a table that was valid.
    static func problems(_ change: (inout IndexTable) -> Void) throws -> [IndexTableProblem] {
        var table = IndexTable(try shipped("xa-2026.yaml"))
        change(&table)
        let validation = table.validate()
        #expect(validation.index == nil)
        return validation.problems
    }

    @Test("Each bad cell is named by its sheet, row and column, in both languages")
    func badCells() throws {
        // Row numbers: the heading is row 1, so the criteria sheet's n-th node is row n + 1.
        func at(_ table: IndexTable, _ code: String) -> Int { table.criteria.firstIndex { $0.code == code }! }
        let table = IndexTable(try Self.shipped("xa-2026.yaml"))
        let leaf = at(table, "1.1.1"), row = leaf + 2
        let cases: [(String, (inout IndexTable) -> Void, IndexTable.Sheet, Int?, String)] = [
            ("max not a number", { $0.criteria[leaf].max = "năm" }, .criteria, row, "D"),
            ("max zero", { $0.criteria[leaf].max = "0" }, .criteria, row, "D"),
            ("unknown rule", { $0.criteria[leaf].rule = "bốc thăm" }, .criteria, row, "E"),
            ("no rule on a leaf", { $0.criteria[leaf].rule = "" }, .criteria, row, "E"),
            ("tiers unreadable", { $0.criteria[leaf].parameters = "≥100%: 5; chín mươi: 3" }, .criteria, row, "F"),
            ("tiers not decreasing", { $0.criteria[leaf].parameters = "≥90%: 3; ≥100%: 5" }, .criteria, row, "F"),
            ("evidence word", { $0.criteria[leaf].evidence = "có lẽ" }, .criteria, row, "G"),
            ("allowNA word", { $0.criteria[leaf].allowNA = "tuỳ" }, .criteria, row, "I"),
            ("unknown source", { $0.criteria[leaf].source = "báo cáo tháng" }, .criteria, row, "K"),
            ("level skipped", { $0.criteria[leaf].level = "5" }, .criteria, row, "A"),
            ("empty title", { $0.criteria[leaf].title = " " }, .criteria, row, "C"),
            ("duplicate code", { $0.criteria[leaf].code = "1.1.2" }, .criteria, row + 1, "B"),
            ("scale mismatch", { $0.settings.scale = "90" }, .settings, 4, "B"),
            ("policy word", { $0.settings.naPolicy = "bỏ qua" }, .settings, 5, "B"),
            ("bad id", { $0.settings.id = "Xã 2026" }, .settings, 2, "B"),
            ("class condition unreadable", { $0.classes[0].requires = "D2 nhỏ hơn 1" }, .classes, 2, "E"),
            ("class condition unknown code", { $0.classes[0].requires = "D9 ≤ 0" }, .classes, 2, "E"),
            ("classes not decreasing", { $0.classes[1].min = "95" }, .classes, 3, "C"),
            ("bonus rule", { $0.bonus[0].rule = "tiers" }, .bonus, 2, "C"),
            ("bonus parameters", { $0.bonus[0].parameters = "nhiều" }, .bonus, 2, "D"),
            ("deduction source", { $0.deductions[0].source = "ai đó" }, .deductions, 2, "E"),
        ]
        for (name, change, sheet, row, column) in cases {
            let problems = try Self.problems(change)
            let problem = try #require(problems.first, "\(name): no problem")
            #expect(problem.sheet == sheet, "\(name): \(problem.formatted(.english))")
            #expect(problem.row == row, "\(name): \(problem.formatted(.english))")
            #expect(problem.columnLetter == column, "\(name): \(problem.formatted(.english))")
            #expect(!problem.vietnamese.isEmpty && !problem.english.isEmpty && problem.vietnamese != problem.english, "\(name)")
        }
        let message = try #require(try Self.problems { $0.criteria[leaf].rule = "bốc thăm" }.first)
        #expect(message.formatted(.vietnamese).hasPrefix("Tiêu chí, dòng \(row), cột E (Cách chấm): không có cách chấm \"bốc thăm\""))
        #expect(message.formatted(.english).hasPrefix("Criteria, row \(row), column E (Scoring): no scoring rule \"bốc thăm\""))
        // A line of the YAML named in a message is named as its cell.
        let duplicate = try #require(try Self.problems { $0.criteria[leaf].code = "1.1.2" }.first)
        #expect(duplicate.vietnamese.contains("Tiêu chí, dòng \(row)"), "\(duplicate.vietnamese)")
    }

    @Test("Every problem of a table is reported, not only the first")
    func everyProblem() throws {
        let problems = try Self.problems { table in
            table.criteria[2].max = "x"
            table.criteria[5].rule = "?"
            table.classes[0].title = ""
            table.deductions[0].parameters = "không rõ"
        }
        #expect(Set(problems.map(\.sheet)) == [.criteria, .classes, .deductions])
        #expect(problems.count >= 4)
    }

    /// A workbook built cell by cell, as a person would type it.
    static func workbook(_ sheets: [(String, [[String]])]) throws -> [UInt8] {
        try XLSXWorkbook(sheets: sheets.map { name, rows in
            XLSXWorkbook.Sheet(name: name, rows: rows.map { $0.map { XLSXWorkbook.Cell.text($0) } })
        }).bytes()
    }

    @Test("A workbook typed by hand, English headings and columns in another order, reads; layout problems are named")
    func handTyped() throws {
        let settings = [["Item", "Value"], ["Index code", "hand-2027"], ["Title", "Tay"], ["Scale", "10"]]
        let criteria = [["Code", "Level", "Content", "Max points", "Scoring", "Parameters"],
                        ["I", "1", "Lĩnh vực", "10", "", ""],
                        ["1.1", "2", "Có kế hoạch", "4", "yes or no", ""],
                        ["1.2", "2", "Tỷ lệ", "6", "tiers", "≥100%: 6; ≥50%: 3"]]
        let classes = [["Code", "Class", "From points"], ["T", "Tốt", "8"], ["Y", "Yếu", "0"]]
        let bytes = try Self.workbook([("General", settings), ("Criteria", criteria), ("Classes", classes)])
        let read = try IndexFile.read(bytes, format: .xlsx)
        #expect(read.index.id == "hand-2027")
        #expect(read.index.leafPositions.count == 2)
        #expect(read.index.nodes[2].leaf?.rule == .tiers([Tier(min: 100, points: 6), Tier(min: 50, points: 3)]))

        var typo = criteria
        typo[2][4] = "bốc thăm"
        let typoBytes = try Self.workbook([("General", settings), ("Criteria", typo), ("Classes", classes)])
        do throws(IndexFile.Problems) {
            _ = try IndexFile.read(typoBytes, format: .xlsx)
            Issue.record("an unknown rule was read")
        } catch {
            // "Scoring" is the fifth heading here, in column E; "Level" is B: the real columns are named.
            #expect(error.formatted(file: "x.xlsx", language: .english).first?.contains("Criteria, row 3, column E (Scoring)") == true,
                    "\(error.formatted(file: "x.xlsx", language: .english))")
        }
        var level = criteria
        level[3][1] = "4"
        let levelBytes = try Self.workbook([("General", settings), ("Criteria", level), ("Classes", classes)])
        do throws(IndexFile.Problems) {
            _ = try IndexFile.read(levelBytes, format: .xlsx)
            Issue.record("a skipped level was read")
        } catch {
            #expect(error.formatted(file: "x.xlsx", language: .english).contains { $0.contains("Criteria, row 4, column B (Level)") },
                    "\(error.formatted(file: "x.xlsx", language: .english))")
        }

        let broken = try Self.workbook([("General", settings), ("Criteria", [["Code", "Level", "Content", "Điểm", "Scoring"]])])
        do {
            _ = try IndexFile.read(broken, format: .xlsx)
            Issue.record("a workbook without its columns was read")
        } catch {
            let lines = error.formatted(file: "x.xlsx", language: .vietnamese)
            #expect(lines.contains { $0.contains("Tiêu chí, dòng 1, cột D: không có cột \"Điểm\"") }, "\(lines)")
            #expect(lines.contains { $0.contains("Tiêu chí, dòng 1: thiếu cột \"Điểm tối đa\"") }, "\(lines)")
            #expect(lines.contains { $0.contains("Xếp loại: bảng tính không có trang \"Xếp loại\"") }, "\(lines)")
        }
        do {
            _ = try IndexFile.read(Array("id: x\n".utf8), format: .xlsx)
            Issue.record("text was read as a workbook")
        } catch {
            #expect(error.formatted(file: "x.xlsx", language: .vietnamese).first?.contains("không phải bảng tính Excel") == true)
        }
    }

    @Test("The notation reads numbers with a comma or a point, and writes a comma")
    func numbers() {
        #expect(IndexNotation.number("1,5") == DecimalNumber.of("1.5"))
        #expect(IndexNotation.number(" 2.25 ") == DecimalNumber.of("2.25"))
        #expect(IndexNotation.number("1,5.2") == nil)
        #expect(IndexNotation.text(DecimalNumber.of("1.50")) == "1,5")
        #expect(IndexNotation.numberIn("≥ 90 %") == "90")
        #expect(IndexNotation.numberIn("1 or 2") == nil)
    }
}

@Suite("Editing an index table")
struct IndexTableEditingTests {
    static func table() throws -> IndexTable { IndexTable(try IndexTableTests.shipped("xa-2026.yaml")) }
    static func codes(_ table: IndexTable) -> [String] { table.criteria.map { "\($0.level):\($0.code)" } }

    @Test("Moving a node moves its subtree past its sibling's; the result still validates")
    func move() throws {
        let table = try Self.table()
        let position = table.criteria.firstIndex { $0.code == "1.2" }!
        let moved = try table.applying(.up, sheet: .criteria, at: position)
        let codes = Self.codes(moved)
        #expect(codes.firstIndex(of: "2:1.2")! < codes.firstIndex(of: "2:1.1")!)
        #expect(codes.firstIndex(of: "3:1.2.5")! < codes.firstIndex(of: "2:1.1")!)
        #expect(moved.validate().problems.isEmpty)
        let back = try moved.applying(.down, sheet: .criteria, at: moved.criteria.firstIndex { $0.code == "1.2" }!)
        #expect(back == table)
        #expect(throws: IndexTable.EditRefusal.self) { try table.applying(.up, sheet: .criteria, at: 0) }
        let last = table.criteria.lastIndex { $0.level == "1" }!
        #expect(throws: IndexTable.EditRefusal.self) { try table.applying(.down, sheet: .criteria, at: last) }
    }

    @Test("Indent and outdent take the subtree along; a field cannot go further out")
    func levels() throws {
        let table = try Self.table()
        let position = table.criteria.firstIndex { $0.code == "1.2" }!
        let indented = try table.applying(.indent, sheet: .criteria, at: position)
        #expect(indented.criteria[position].level == "3")
        #expect(indented.criteria[position + 1].level == "4")
        let outdented = try indented.applying(.outdent, sheet: .criteria, at: position)
        #expect(outdented == table)
        #expect(throws: IndexTable.EditRefusal.self) { try table.applying(.outdent, sheet: .criteria, at: 0) }
        #expect(throws: IndexTable.EditRefusal.self) { try table.applying(.indent, sheet: .criteria, at: 0) }
    }

    @Test("Insert adds a sibling after the subtree; delete removes the subtree; the running total follows")
    func insertAndDelete() throws {
        let table = try Self.table()
        #expect(table.fieldTotal == DecimalNumber(100))
        let first = try table.applying(.insert, sheet: .criteria, at: 0)
        let inserted = first.criteria.firstIndex { $0.code.isEmpty }!
        #expect(first.criteria[inserted].level == "1")
        #expect(first.criteria[inserted - 1].code == "1.4.2")
        // The new row is empty: the validation names its cells.
        #expect(first.validate().problems.contains { $0.row == inserted + 2 && $0.sheet == .criteria })
        let removed = try table.applying(.delete, sheet: .criteria, at: table.criteria.firstIndex { $0.code == "II" }!)
        #expect(!removed.criteria.contains { $0.code.hasPrefix("2.") })
        #expect(removed.fieldTotal == DecimalNumber(60))
        #expect(removed.validate().problems.contains { $0.code == "scale-mismatch" })
        let classes = try table.applying(.insert, sheet: .classes, at: 0)
        #expect(classes.classes.count == table.classes.count + 1 && classes.classes[1].code.isEmpty)
        #expect(try table.applying(.down, sheet: .bonus, at: 0).bonus[1].code == table.bonus[0].code)
    }
}

@Suite("A rule's parameters as form fields")
struct RuleFormTests {
    @Test("Each rule of both demo indexes reads into its fields and writes back to the same cell")
    func roundTrip() throws {
        for name in ["so-2026.yaml", "xa-2026.yaml"] {
            let table = IndexTable(try IndexTableTests.shipped(name))
            for row in table.criteria where !row.rule.isEmpty {
                let type = try #require(IndexNotation.type(row.rule, in: IndexNotation.ruleNames))
                let form = try #require(RuleForm(type: type, parameters: row.parameters), "\(row.code): \(row.parameters)")
                #expect(form.parameters == row.parameters, "\(name) \(row.code)")
            }
            for row in table.bonus + table.deductions {
                let type = try #require(IndexNotation.type(row.rule, in: IndexNotation.adjustmentRuleNames))
                let form = try #require(RuleForm(type: type, parameters: row.parameters, adjustment: true), "\(row.code)")
                #expect(form.parameters == row.parameters, "\(name) \(row.code)")
            }
        }
        let manual = try #require(RuleForm(type: "manual", parameters: "tối đa 3; bước 0,5", adjustment: true))
        #expect(manual.values == ["max": "3", "step": "0,5"])
        #expect(manual.parameters == "tối đa 3; bước 0,5")
    }

    @Test("Rows: empty ones are left out; values: an empty cap is no cap; an unreadable cell has no form")
    func fields() {
        var tiers = RuleForm(type: "tiers")
        tiers.rows = [["100", "8"], ["", ""], ["90", "6,5"]]
        #expect(tiers.parameters == "≥100%: 8; ≥90%: 6,5")
        var count = RuleForm(type: "count")
        count.values = ["per", "cap"].reduce(into: [:]) { $0[$1] = $1 == "per" ? "0,5" : " " }
        #expect(count.parameters == "0,5 điểm/lần")
        #expect(RuleForm(type: "tiers", parameters: "≥100%: 8; chín mươi: 3") == nil)
        #expect(RuleForm(type: "ratio", parameters: "chỉ tiêu 95%")?.values["target"] == "95")
        #expect(RuleForm(type: "count", parameters: "1 điểm/lần; tối đa 2")?.values == ["per": "1", "cap": "2"])
    }
}
