/// An index as an Excel workbook shaped like the annex a Department issues:
/// sheets "Thông tin chung", "Tiêu chí", "Xếp loại", "Điểm thưởng" and
/// "Điểm trừ", a heading row, then one row per item. Sheets and columns are
/// found by their headings in either language, in any order.
public enum IndexWorkbook {
    /// The workbook of a table (headings in Vietnamese, the annex's language).
    public static func workbook(_ table: IndexTable) -> XLSXWorkbook {
        let language = Language.vietnamese
        func headings(_ sheet: IndexTable.Sheet) -> [XLSXWorkbook.Cell] {
            sheet.columns.map { .header($0.heading(language)) }
        }
        func number(_ text: String, bold: Bool = false) -> XLSXWorkbook.Cell {
            IndexNotation.number(text).map { .number($0, style: bold ? .number2Bold : .number2) } ?? .text(text)
        }
        func sheet(_ kind: IndexTable.Sheet, _ rows: [[XLSXWorkbook.Cell]]) -> XLSXWorkbook.Sheet {
            XLSXWorkbook.Sheet(name: kind.name(language), rows: [headings(kind)] + rows,
                               columnWidths: kind.columns.map(\.width), frozenRows: 1,
                               printTitleRows: 0...0, landscape: kind == .criteria)
        }
        let settings = table.settings
        let values = [settings.id, settings.title, settings.scale, settings.naPolicy, settings.bonusCap, settings.deductionCap]
        let settingRows: [[XLSXWorkbook.Cell]] = zip(IndexTable.settingRows, values).map { row, value in
            [.bold(row.vietnamese), ["scale", "bonusCap", "deductionCap"].contains(row.field) ? number(value) : .text(value, style: .wrapped)]
        }
        let criteria = table.criteria.enumerated().map { position, row -> [XLSXWorkbook.Cell] in
            let isGroup = position + 1 < table.criteria.count
                && (Int(table.criteria[position + 1].level) ?? 0) > (Int(row.level) ?? 0)
            let plain: XLSXWorkbook.Cell.Style = isGroup ? .bold : .plain
            return [
                IndexNotation.number(row.level).map { .number($0, style: .integer) } ?? .text(row.level),
                .text(row.code, style: plain), .text(row.title, style: isGroup ? .bold : .wrapped), number(row.max, bold: isGroup),
                .text(row.rule), .text(row.parameters, style: .wrapped), .text(row.evidence), .text(row.notApplicableFor),
                .text(row.allowNA), .text(row.appraiser), .text(row.source, style: .wrapped), .text(row.guidance, style: .wrapped),
                .text(row.origin),
            ]
        }
        let classes = table.classes.map { row -> [XLSXWorkbook.Cell] in
            [.text(row.code), .text(row.title), number(row.min), .text(row.leaderRating), .text(row.requires, style: .wrapped)]
        }
        func adjustments(_ rows: [IndexTable.AdjustmentRow]) -> [[XLSXWorkbook.Cell]] {
            rows.map { [.text($0.code), .text($0.title, style: .wrapped), .text($0.rule), .text($0.parameters, style: .wrapped),
                        .text($0.source, style: .wrapped), .text($0.guidance, style: .wrapped)] }
        }
        return XLSXWorkbook(sheets: [
            sheet(.settings, settingRows), sheet(.criteria, criteria), sheet(.classes, classes),
            sheet(.bonus, adjustments(table.bonus)), sheet(.deductions, adjustments(table.deductions)),
        ])
    }

    public static func bytes(_ table: IndexTable) throws -> [UInt8] {
        try workbook(table).bytes()
    }

    /// A workbook read as a table, with the spreadsheet row of every table row.
    public struct Reading: Sendable {
        public var table: IndexTable
        public var rows: IndexTable.RowNumbers
    }

    /// Reads a workbook; every problem of its layout (a sheet or a column
    /// missing, an unknown heading or setting) by its cell. The cells' meaning
    /// is checked by ``IndexTable/validate(rows:)``.
    public static func read(_ bytes: [UInt8]) throws(IndexTableProblems) -> Reading {
        let sheets: [(name: String, rows: [(line: Int, fields: [String])])]
        do {
            sheets = try XLSXReader.sheets(of: bytes)
        } catch {
            throw IndexTableProblems(error.problems.map {
                IndexTableProblem(sheet: nil, row: $0.line > 0 ? $0.line : nil, column: nil, code: "not-a-workbook",
                                  english: $0.english, vietnamese: $0.vietnamese)
            })
        }
        var reader = SheetReader()
        var table = IndexTable()
        var rows = IndexTable.RowNumbers()
        func find(_ kind: IndexTable.Sheet) -> [(line: Int, fields: [String])]? {
            let names = Language.allCases.map { IndexNotation.fold(kind.name($0)) }
            return sheets.first { names.contains(IndexNotation.fold($0.name)) }?.rows
        }
        for kind in IndexTable.Sheet.allCases {
            guard let sheetRows = find(kind) else {
                if kind == .bonus || kind == .deductions { continue }
                reader.problem(kind, nil, nil, "missing-sheet",
                               "the workbook has no sheet \"\(kind.name(.english))\" (or \"\(kind.name(.vietnamese))\")",
                               "bảng tính không có trang \"\(kind.name(.vietnamese))\"")
                continue
            }
            guard let (records, columns) = reader.records(kind, sheetRows) else { continue }
            rows.bySheet[kind] = records.map(\.line)
            rows.columns[kind] = kind.columns.map { column in columns.first { $0.value == column.field }?.key ?? -1 }
            switch kind {
            case .settings:
                var numbers: [Int] = []
                for field in IndexTable.settingRows.map(\.field) {
                    let record = records.first { IndexTable.settingField($0.values["item"] ?? "") == field }
                    var value = record?.values["value"] ?? ""
                    if ["scale", "bonusCap", "deductionCap"].contains(field), let number = IndexNotation.number(value) {
                        value = IndexNotation.text(number)
                    }
                    numbers.append(record?.line ?? 0)
                    switch field {
                    case "id": table.settings.id = value
                    case "title": table.settings.title = value
                    case "scale": table.settings.scale = value
                    case "naPolicy": table.settings.naPolicy = value
                    case "bonusCap": table.settings.bonusCap = value
                    default: table.settings.deductionCap = value
                    }
                }
                for record in records where IndexTable.settingField(record.values["item"] ?? "") == nil {
                    let labels = IndexTable.settingRows.map(\.vietnamese).joined(separator: ", ")
                    let english = IndexTable.settingRows.map(\.english).joined(separator: ", ")
                    reader.problem(.settings, record.line, 0, "unknown-setting",
                                   "unknown item \"\(record.values["item"] ?? "")\"; the items are: \(english)",
                                   "không có mục \"\(record.values["item"] ?? "")\"; các mục là: \(labels)")
                }
                rows.bySheet[.settings] = numbers
            case .criteria:
                table.criteria = records.map { record in
                    let v = record.values
                    return IndexTable.CriterionRow(
                        level: v["level"] ?? "", code: v["code"] ?? "", title: v["title"] ?? "", max: v["max"] ?? "",
                        rule: v["rule"] ?? "", parameters: v["parameters"] ?? "", evidence: v["evidence"] ?? "",
                        notApplicableFor: v["notApplicableFor"] ?? "", allowNA: v["allowNA"] ?? "",
                        appraiser: v["appraiser"] ?? "", source: v["source"] ?? "", guidance: v["guidance"] ?? "",
                        origin: v["origin"] ?? "")
                }
            case .classes:
                table.classes = records.map { record in
                    let v = record.values
                    return IndexTable.ClassRow(code: v["code"] ?? "", title: v["title"] ?? "", min: v["min"] ?? "",
                                               leaderRating: v["leaderRating"] ?? "", requires: v["requires"] ?? "")
                }
            case .bonus, .deductions:
                let items = records.map { record in
                    let v = record.values
                    return IndexTable.AdjustmentRow(code: v["code"] ?? "", title: v["title"] ?? "", rule: v["rule"] ?? "",
                                                    parameters: v["parameters"] ?? "", source: v["source"] ?? "",
                                                    guidance: v["guidance"] ?? "")
                }
                if kind == .bonus { table.bonus = items } else { table.deductions = items }
            }
        }
        guard reader.problems.isEmpty else { throw IndexTableProblems(reader.problems) }
        return Reading(table: table, rows: rows)
    }

    /// Reads a sheet's heading row and its records by column.
    private struct SheetReader {
        var problems: [IndexTableProblem] = []

        mutating func problem(_ sheet: IndexTable.Sheet, _ row: Int?, _ column: Int?, _ code: String, _ english: String, _ vietnamese: String) {
            problems.append(IndexTableProblem(sheet: sheet, row: row, column: column, code: code, english: english, vietnamese: vietnamese))
        }

        /// Each row under the heading row: its line and its cells by field. `nil` when the headings are wrong.
        mutating func records(
            _ kind: IndexTable.Sheet, _ rows: [(line: Int, fields: [String])]
        ) -> (records: [(line: Int, values: [String: String])], columns: [Int: String])? {
            guard let heading = rows.first else {
                problem(kind, nil, nil, "empty-sheet", "the sheet is empty: its first row must hold the headings",
                        "trang tính trống: dòng đầu phải là tên các cột")
                return nil
            }
            var fields: [Int: String] = [:]
            var fine = true
            for (column, text) in heading.fields.enumerated() where !IndexNotation.fold(text).isEmpty {
                let key = IndexNotation.fold(text)
                guard let known = kind.columns.first(where: { column in
                    Language.allCases.contains { IndexNotation.fold(column.heading($0)) == key } || IndexNotation.fold(column.field) == key
                }) else {
                    let names = kind.columns.map(\.vietnamese).joined(separator: ", ")
                    let english = kind.columns.map(\.english).joined(separator: ", ")
                    problem(kind, heading.line, column, "unknown-column",
                            "unknown column \"\(text)\"; the columns are: \(english)",
                            "không có cột \"\(text)\"; các cột là: \(names)")
                    fine = false
                    continue
                }
                if fields.values.contains(known.field) {
                    problem(kind, heading.line, column, "duplicate-column", "the column \"\(text)\" appears twice",
                            "cột \"\(text)\" xuất hiện hai lần")
                    fine = false
                }
                fields[column] = known.field
            }
            let required: [String] = switch kind {
            case .settings: ["item", "value"]
            case .criteria: ["level", "code", "title", "max", "rule", "parameters"]
            case .classes: ["code", "title", "min"]
            case .bonus, .deductions: ["code", "title", "rule", "parameters"]
            }
            for field in required where !fields.values.contains(field) {
                let column = kind.columns.first { $0.field == field }!
                problem(kind, heading.line, nil, "missing-column",
                        "the column \"\(column.english)\" is missing from the heading row",
                        "thiếu cột \"\(column.vietnamese)\" ở dòng tiêu đề")
                fine = false
            }
            guard fine else { return nil }
            let records: [(line: Int, values: [String: String])] = rows.dropFirst().compactMap { row in
                var values: [String: String] = [:]
                for (column, text) in row.fields.enumerated() {
                    guard let field = fields[column] else {
                        if !text.trimmingSpaces.isEmpty {
                            problem(kind, row.line, column, "cell-outside-table", "a value in a column without a heading",
                                    "có giá trị ở cột không có tên cột")
                        }
                        continue
                    }
                    // Numbers as the notation writes them (`1,5`), so a workbook reads to the table it was made from.
                    let number = ["max", "min"].contains(field)
                    values[field] = number ? IndexNotation.number(text).map(IndexNotation.text) ?? text.trimmingSpaces : text.trimmingSpaces
                }
                return values.values.allSatisfy(\.isEmpty) ? nil : (row.line, values)
            }
            return (records, fields)
        }
    }
}

/// Every problem of an index workbook's layout.
public struct IndexTableProblems: Error, Sendable {
    public var problems: [IndexTableProblem]
    public init(_ problems: [IndexTableProblem]) { self.problems = problems }
}

extension IndexTable {
    /// The setting a label of the settings sheet names (either language, or the YAML key).
    static func settingField(_ label: String) -> String? {
        let key = IndexNotation.fold(label)
        return settingRows.first { IndexNotation.fold($0.vietnamese) == key || IndexNotation.fold($0.english) == key
            || IndexNotation.fold($0.field) == key }?.field
    }
}
