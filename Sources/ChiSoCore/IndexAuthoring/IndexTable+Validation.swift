import Foundation

extension IndexTable {
    /// A table read as an index: the index when nothing is wrong, and every problem by its cell.
    public struct Validation: Sendable {
        public var index: Index?
        /// The table as an index file: what a published version stores, and what
        /// `chiso index convert` writes.
        public var yaml: String
        public var problems: [IndexTableProblem]
    }

    /// Reads the table as ChiSoCore reads an index file, so a table is held to
    /// exactly the rules of `chiso index check`: the table is written out as
    /// YAML, one cell per line, the YAML is read by ``IndexReader``, and each
    /// problem's line is traced back to its cell. Cells written in an officer's
    /// notation that cannot be read are reported first, by the notation.
    public func validate(rows: RowNumbers = RowNumbers()) -> Validation {
        var writer = TableYAMLWriter(rows: rows)
        writer.write(self)
        let yaml = writer.lines.joined(separator: "\n") + "\n"
        var problems = writer.problems
        do {
            let index = try IndexReader.read(yaml: yaml)
            if problems.isEmpty { return Validation(index: index, yaml: yaml, problems: []) }
        } catch {
            let noted = Set(problems.compactMap { problem in
                problem.row.flatMap { row in problem.sheet.map { RowKey(sheet: $0, row: row) } }
            })
            for problem in error.problems {
                let cell = writer.cell(atLine: problem.line)
                if let row = cell.row, noted.contains(RowKey(sheet: cell.sheet, row: row)) { continue }
                var field = cell.column
                if problem.code == "leaf-without-rule" { field = 4 }
                problems.append(IndexTableProblem(
                    sheet: cell.sheet, row: cell.row, column: field.map { rows.column(cell.sheet, $0) }, field: field,
                    code: problem.code,
                    english: writer.locatingLines(problem.english, word: "line", language: .english),
                    vietnamese: writer.locatingLines(problem.vietnamese, word: "dòng", language: .vietnamese)))
            }
        }
        return Validation(index: nil, yaml: yaml, problems: problems.sorted(by: IndexTableProblem.inTableOrder))
    }

    private struct RowKey: Hashable {
        var sheet: Sheet
        var row: Int
    }
}

extension IndexTableProblem {
    /// Sheets in workbook order, then rows, then columns.
    static func inTableOrder(_ a: IndexTableProblem, _ b: IndexTableProblem) -> Bool {
        let sheets = IndexTable.Sheet.allCases
        let (sheetA, sheetB) = (a.sheet.flatMap(sheets.firstIndex) ?? -1, b.sheet.flatMap(sheets.firstIndex) ?? -1)
        if sheetA != sheetB { return sheetA < sheetB }
        if (a.row ?? 0) != (b.row ?? 0) { return (a.row ?? 0) < (b.row ?? 0) }
        return (a.column ?? -1) < (b.column ?? -1)
    }
}

/// Writes a table as an index file, remembering the cell behind every line.
struct TableYAMLWriter {
    typealias Sheet = IndexTable.Sheet
    let rows: IndexTable.RowNumbers
    private(set) var lines: [String] = []
    private var cells: [(sheet: Sheet, row: Int?, column: Int?)] = []
    private(set) var problems: [IndexTableProblem] = []

    init(rows: IndexTable.RowNumbers) { self.rows = rows }

    /// The cell behind a YAML line (lines count from 1).
    func cell(atLine line: Int) -> (sheet: Sheet, row: Int?, column: Int?) {
        line >= 1 && line <= cells.count ? cells[line - 1] : (.settings, nil, nil)
    }

    /// "code 1.1 is already used at line 40" with the line named as its cell: "at Criteria, row 12".
    func locatingLines(_ message: String, word: String, language: Language) -> String {
        var result = ""
        var rest = Substring(message)
        while let range = rest.range(of: word + " ") {
            let digits = rest[range.upperBound...].prefix { $0.isASCII && $0.isNumber }
            result += rest[..<range.lowerBound]
            if let line = Int(digits) {
                let cell = cell(atLine: line)
                result += cell.sheet.name(language) + (cell.row.map { ", \(word) \($0)" } ?? "")
                rest = rest[range.upperBound...].dropFirst(digits.count)
            } else {
                result += rest[range]
                rest = rest[range.upperBound...]
            }
        }
        return result + rest
    }

    mutating func line(_ text: String, _ sheet: Sheet, _ row: Int?, _ column: Int?) {
        lines.append(text)
        cells.append((sheet, row, column))
    }

    /// A problem of a cell; `column` is the field's place in ``IndexTable/Sheet/columns``.
    mutating func problem(_ sheet: Sheet, _ row: Int?, _ column: Int?, _ code: String, _ english: String, _ vietnamese: String) {
        problems.append(IndexTableProblem(sheet: sheet, row: row, column: column.map { rows.column(sheet, $0) }, field: column,
                                          code: code, english: english, vietnamese: vietnamese))
    }

    /// `key: "text"`, always written: an empty required cell is then reported at its own line.
    mutating func text(_ indent: String, _ key: String, _ value: String, _ sheet: Sheet, _ row: Int?, _ column: Int, optional: Bool = false) {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        if optional, trimmed.isEmpty { return }
        line("\(indent)\(key): \(YAMLText.quoted(trimmed))", sheet, row, column)
    }

    /// `key: 1.5` when the cell is a number, else the cell as text (the reader says why it is not a number).
    mutating func number(_ indent: String, _ key: String, _ value: String, _ sheet: Sheet, _ row: Int?, _ column: Int, optional: Bool = false) {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if optional, trimmed.isEmpty { return }
        line("\(indent)\(key): \(IndexNotation.yamlNumber(trimmed) ?? YAMLText.quoted(trimmed))", sheet, row, column)
    }

    mutating func write(_ table: IndexTable) {
        writeSettings(table.settings)
        writeClasses(table.classes)
        writeCriteria(table.criteria)
        writeAdjustments(table.bonus, key: "bonus", sheet: .bonus)
        writeAdjustments(table.deductions, key: "deductions", sheet: .deductions)
    }

    private mutating func writeSettings(_ settings: IndexTable.Settings) {
        let rows = self.rows
        let row = { (field: String) in rows.row(.settings, IndexTable.settingRows.firstIndex { $0.field == field }!) }
        text("", "id", settings.id, .settings, row("id"), 1)
        text("", "title", settings.title, .settings, row("title"), 1)
        number("", "scale", settings.scale, .settings, row("scale"), 1)
        let policy = settings.naPolicy.trimmingCharacters(in: .whitespaces)
        if !policy.isEmpty {
            if let known = IndexNotation.naPolicy(policy) {
                line("naPolicy: \(known.rawValue)", .settings, row("naPolicy"), 1)
            } else {
                let names = IndexNotation.naPolicyNames
                problem(.settings, row("naPolicy"), 1, "bad-na-policy",
                        "write \"\(names[0].names[1])\" or \"\(names[1].names[1])\", not \"\(policy)\"",
                        "ghi \"\(names[0].names[0])\" hoặc \"\(names[1].names[0])\", không phải \"\(policy)\"")
            }
        }
        number("", "bonusCap", settings.bonusCap, .settings, row("bonusCap"), 1, optional: true)
        number("", "deductionCap", settings.deductionCap, .settings, row("deductionCap"), 1, optional: true)
    }

    private mutating func writeClasses(_ classes: [IndexTable.ClassRow]) {
        line("classes:", .classes, nil, nil)
        if classes.isEmpty { lines[lines.count - 1] += " []" }
        for (position, item) in classes.enumerated() {
            let row = rows.row(.classes, position)
            text("  - ", "code", item.code, .classes, row, 0)
            text("    ", "title", item.title, .classes, row, 1)
            number("    ", "min", item.min, .classes, row, 2)
            text("    ", "leaderRating", item.leaderRating, .classes, row, 3, optional: true)
            guard !IndexNotation.parts(item.requires).isEmpty else { continue }
            do {
                let conditions = try IndexNotation.yamlConditions(item.requires)
                line("    requires: [\(conditions.joined(separator: ", "))]", .classes, row, 4)
            } catch {
                problem(.classes, row, 4, "bad-conditions", error.english, error.vietnamese)
            }
        }
    }

    private mutating func writeCriteria(_ criteria: [IndexTable.CriterionRow]) {
        line("criteria:", .criteria, nil, nil)
        if criteria.isEmpty { lines[lines.count - 1] += " []"; return }
        var levels: [Int] = []
        var previous = 0
        for (position, item) in criteria.enumerated() {
            let row = rows.row(.criteria, position)
            let written = item.level.trimmingCharacters(in: .whitespaces)
            var level = Int(written) ?? 0
            if level < 1 {
                problem(.criteria, row, 0, "bad-level",
                        "the level must be a whole number from 1 (a field), not \"\(written)\"",
                        "cấp phải là số nguyên từ 1 (lĩnh vực), không phải \"\(written)\"")
                level = max(previous, 1)
            } else if level > previous + 1 {
                problem(.criteria, row, 0, "level-skipped",
                        previous == 0 ? "the first row must be level 1" : "level \(level) cannot follow level \(previous): a node's children are one level below it",
                        previous == 0 ? "dòng đầu tiên phải là cấp 1" : "cấp \(level) không thể đứng ngay sau cấp \(previous): tiêu chí con chỉ thấp hơn tiêu chí cha một cấp")
                level = previous + 1
            }
            levels.append(level)
            previous = level
        }
        for (position, item) in criteria.enumerated() {
            let row = rows.row(.criteria, position)
            let level = levels[position]
            let isGroup = position + 1 < criteria.count && levels[position + 1] > level
            let dash = String(repeating: "    ", count: level - 1) + "  - "
            let indent = String(repeating: "    ", count: level - 1) + "    "
            text(dash, "code", item.code, .criteria, row, 1)
            text(indent, "title", item.title, .criteria, row, 2)
            number(indent, "max", item.max, .criteria, row, 3)
            let ruleWritten = item.rule.trimmingCharacters(in: .whitespaces)
            if !ruleWritten.isEmpty || !isGroup { rule(item, indent: indent, row: row) }
            if !isGroup || !item.evidence.trimmingCharacters(in: .whitespaces).isEmpty {
                switch IndexNotation.flag(item.evidence) {
                case true?: line("\(indent)evidence: required", .criteria, row, 6)
                case false?: break
                case nil:
                    problem(.criteria, row, 6, "bad-evidence", "write \"required\" or leave the cell empty, not \"\(item.evidence)\"",
                            "ghi \"Bắt buộc\" hoặc để trống, không phải \"\(item.evidence)\"")
                }
            }
            let tags = IndexNotation.tags(item.notApplicableFor)
            if !tags.isEmpty {
                line("\(indent)notApplicableFor: [\(tags.map(YAMLText.quoted).joined(separator: ", "))]", .criteria, row, 7)
            }
            switch IndexNotation.flag(item.allowNA) {
            case true?: line("\(indent)allowNA: true", .criteria, row, 8)
            case false?: break
            case nil:
                problem(.criteria, row, 8, "bad-flag", "write \"yes\" or leave the cell empty, not \"\(item.allowNA)\"",
                        "ghi \"Có\" hoặc để trống, không phải \"\(item.allowNA)\"")
            }
            text(indent, "appraiser", item.appraiser, .criteria, row, 9, optional: true)
            switch IndexNotation.source(item.source) {
            case let .success(source)?: line("\(indent)source: \(source.rawValue)", .criteria, row, 10)
            case let .failure(error)?: problem(.criteria, row, 10, "unknown-source", error.english, error.vietnamese)
            case nil: break
            }
            text(indent, "guidance", item.guidance, .criteria, row, 11, optional: true)
            if isGroup { line("\(indent)children:", .criteria, row, 0) }
        }
    }

    private mutating func rule(_ item: IndexTable.CriterionRow, indent: String, row: Int) {
        let written = item.rule.trimmingCharacters(in: .whitespaces)
        guard let type = IndexNotation.type(written, in: IndexNotation.ruleNames) else {
            let choices = IndexNotation.choices(IndexNotation.ruleNames)
            let english = IndexNotation.ruleNames.map { $0.names[1] }.joined(separator: ", ")
            problem(.criteria, row, 4, written.isEmpty ? "leaf-without-rule" : "unknown-rule",
                    written.isEmpty ? "a sub-criterion needs a scoring rule (\(english)), or children below it"
                        : "no scoring rule \"\(written)\"; write one of: \(english)",
                    written.isEmpty ? "tiêu chí thành phần phải có cách chấm (\(choices)), hoặc có tiêu chí con bên dưới"
                        : "không có cách chấm \"\(written)\"; ghi một trong: \(choices)")
            return
        }
        line("\(indent)rule:", .criteria, row, 4)
        line("\(indent)  type: \(type)", .criteria, row, 4)
        do {
            for field in try IndexNotation.yamlFields(type: type, parameters: item.parameters, adjustment: false) {
                line("\(indent)  \(field.key): \(field.value)", .criteria, row, 5)
            }
        } catch {
            problem(.criteria, row, 5, "bad-parameters", error.english, error.vietnamese)
        }
    }

    private mutating func writeAdjustments(_ items: [IndexTable.AdjustmentRow], key: String, sheet: Sheet) {
        guard !items.isEmpty else { return }
        line("\(key):", sheet, nil, nil)
        for (position, item) in items.enumerated() {
            let row = rows.row(sheet, position)
            text("  - ", "code", item.code, sheet, row, 0)
            text("    ", "title", item.title, sheet, row, 1)
            let written = item.rule.trimmingCharacters(in: .whitespaces)
            if let type = IndexNotation.type(written, in: IndexNotation.adjustmentRuleNames) {
                line("    rule:", sheet, row, 2)
                line("      type: \(type)", sheet, row, 2)
                do {
                    for field in try IndexNotation.yamlFields(type: type, parameters: item.parameters, adjustment: true) {
                        line("      \(field.key): \(field.value)", sheet, row, 3)
                    }
                } catch {
                    problem(sheet, row, 3, "bad-parameters", error.english, error.vietnamese)
                }
            } else {
                let choices = IndexNotation.choices(IndexNotation.adjustmentRuleNames)
                let english = IndexNotation.adjustmentRuleNames.map { $0.names[1] }.joined(separator: ", ")
                problem(sheet, row, 2, "unknown-rule",
                        "no rule \"\(written)\" for a bonus or deduction item; write \(english)",
                        "không có cách tính \"\(written)\" cho mục điểm thưởng/điểm trừ; ghi \(choices)")
            }
            switch IndexNotation.source(item.source) {
            case let .success(source)?: line("    source: \(source.rawValue)", sheet, row, 4)
            case let .failure(error)?: problem(sheet, row, 4, "unknown-source", error.english, error.vietnamese)
            case nil: break
            }
            text("    ", "guidance", item.guidance, sheet, row, 5, optional: true)
        }
    }
}
