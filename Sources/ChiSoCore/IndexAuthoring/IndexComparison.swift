/// What changed from one index version to another, through the criterion
/// mapping between them: nodes and items added, removed or renumbered, and
/// those whose max, rule, evidence, applicability or title changed, in the
/// tree's order (a removed node where it stood in the old tree).
public struct IndexComparison: Sendable {
    public enum Kind: String, Sendable { case added, removed, renumbered, changed }

    /// One changed property, in the officer's notation (``IndexNotation``).
    public struct Change: Sendable, Hashable {
        public enum Property: String, Sendable, CaseIterable {
            case title, level, max, rule, evidence, applicability, source, appraiser
        }
        public var property: Property
        public var before: String
        public var after: String
    }

    public struct Row: Sendable {
        public var kind: Kind
        /// The codes in the old version (several when many became one; empty when added).
        public var oldCodes: [String]
        /// The code in the new version (`nil` when removed).
        public var newCode: String?
        public var title: String
        /// 0 for a field; bonus and deduction items are 0 too.
        public var depth: Int
        public var changes: [Change]
    }

    /// Settings that changed (scale, N/A policy, caps, classes), each as a change.
    public var settings: [Change]
    public var rows: [Row]
    /// Nodes and items present in both with nothing changed.
    public var unchanged: Int

    public init(old: Index, new: Index, mapping: CriterionMapping) {
        let oldTable = IndexTable(old), newTable = IndexTable(new)
        let oldRows = Self.rows(oldTable, old), newRows = Self.rows(newTable, new)
        let oldByCode = Dictionary(oldRows.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        // Every node of the new tree in order (unchanged ones too, as places), then each removed node
        // where it stood: after the nearest node before it in the old tree that continues.
        var ordered: [(row: Row, shown: Bool)] = []
        var unchanged = 0
        var matched: Set<String> = []
        for row in newRows {
            let sources = mapping.sources(of: row.code).filter { oldByCode[$0] != nil }
            matched.formUnion(sources)
            guard let first = sources.first, let before = oldByCode[first] else {
                ordered.append((Row(kind: .added, oldCodes: [], newCode: row.code, title: row.title, depth: row.depth, changes: []), true))
                continue
            }
            let changes = Self.changes(before, row)
            let renumbered = sources.count > 1 || first != row.code
            let shown = renumbered || !changes.isEmpty
            if !shown { unchanged += 1 }
            ordered.append((Row(kind: renumbered ? .renumbered : .changed, oldCodes: sources, newCode: row.code, title: row.title,
                                depth: row.depth, changes: changes), shown))
        }
        for (position, row) in oldRows.enumerated() where !matched.contains(row.code) {
            let removed = Row(kind: .removed, oldCodes: [row.code], newCode: nil, title: row.title, depth: row.depth, changes: [])
            let before = oldRows[..<position].reversed().first { matched.contains($0.code) }?.code
            var at = before.flatMap { code in ordered.lastIndex { $0.row.kind != .removed && $0.row.oldCodes.contains(code) } }.map { $0 + 1 }
                ?? 0
            while at < ordered.count, ordered[at].row.kind == .removed { at += 1 }
            ordered.insert((removed, true), at: at)
        }
        self.rows = ordered.filter(\.shown).map(\.row)
        self.unchanged = unchanged
        var settings: [Change] = []
        func compare(_ property: Change.Property, _ before: String, _ after: String) {
            if before != after { settings.append(Change(property: property, before: before, after: after)) }
        }
        compare(.max, oldTable.settings.scale, newTable.settings.scale)
        compare(.applicability, oldTable.settings.naPolicy, newTable.settings.naPolicy)
        compare(.rule, "+\(oldTable.settings.bonusCap) / −\(oldTable.settings.deductionCap)",
                "+\(newTable.settings.bonusCap) / −\(newTable.settings.deductionCap)")
        func classes(_ table: IndexTable) -> String {
            table.classes.map { "\($0.title) ≥ \($0.min)" + ($0.requires.isEmpty ? "" : " (\($0.requires))") }.joined(separator: "; ")
        }
        compare(.level, classes(oldTable), classes(newTable))
        self.settings = settings
    }

    /// A node or item as compared: its cells in the notation.
    struct Compared {
        var code: String
        var title: String
        var depth: Int
        var cells: [Change.Property: String]
    }

    static func rows(_ table: IndexTable, _ index: Index) -> [Compared] {
        let nodes = table.criteria.map { row in
            Compared(code: row.code, title: row.title, depth: (Int(row.level) ?? 1) - 1, cells: [
                .title: row.title, .level: row.level, .max: row.max,
                .rule: [row.rule, row.parameters].filter { !$0.isEmpty }.joined(separator: ": "),
                .evidence: row.evidence,
                .applicability: [row.notApplicableFor.isEmpty ? "" : "không áp dụng cho \(row.notApplicableFor)",
                                 row.allowNA.isEmpty ? "" : "đơn vị được tự khai không áp dụng"].filter { !$0.isEmpty }.joined(separator: "; "),
                .source: row.source, .appraiser: row.appraiser,
            ])
        }
        let items = (table.bonus + table.deductions).map { row in
            Compared(code: row.code, title: row.title, depth: 0, cells: [
                .title: row.title, .rule: [row.rule, row.parameters].filter { !$0.isEmpty }.joined(separator: ": "), .source: row.source,
            ])
        }
        return nodes + items
    }

    static func changes(_ before: Compared, _ after: Compared) -> [Change] {
        Change.Property.allCases.compactMap { property in
            let (old, new) = (before.cells[property] ?? "", after.cells[property] ?? "")
            return old == new ? nil : Change(property: property, before: old, after: new)
        }
    }

    /// The comparison as a workbook: one row per change.
    public func workbook(oldName: String, newName: String) -> XLSXWorkbook {
        let headings = ["Mã cũ", "Mã mới", "Nội dung", "Thay đổi", oldName, newName]
        var cells: [[XLSXWorkbook.Cell]] = [headings.map { .header($0) }]
        for change in settings {
            cells.append([.empty, .empty, .text("Thông tin chung"), .text(Self.name(change.property, setting: true)),
                          .text(change.before, style: .wrapped), .text(change.after, style: .wrapped)])
        }
        for row in rows {
            let old = row.oldCodes.joined(separator: ", "), title = String(repeating: "  ", count: row.depth) + row.title
            switch row.kind {
            case .added, .removed:
                cells.append([.text(old), .text(row.newCode ?? ""), .text(title, style: .wrapped), .text(Self.name(row.kind)), .empty, .empty])
            case .renumbered, .changed:
                if row.kind == .renumbered {
                    cells.append([.text(old), .text(row.newCode ?? ""), .text(title, style: .wrapped), .text(Self.name(row.kind)),
                                  .text(old), .text(row.newCode ?? "")])
                }
                for change in row.changes {
                    cells.append([.text(old), .text(row.newCode ?? ""), .text(title, style: .wrapped), .text(Self.name(change.property, setting: false)),
                                  .text(change.before, style: .wrapped), .text(change.after, style: .wrapped)])
                }
            }
        }
        return XLSXWorkbook(sheets: [XLSXWorkbook.Sheet(name: "So sánh", rows: cells, columnWidths: [10, 10, 50, 18, 30, 30],
                                                        frozenRows: 1, printTitleRows: 0...0, landscape: true)])
    }

    /// A kind of row (Vietnamese is the workbook's language).
    public static func name(_ kind: Kind, _ language: Language = .vietnamese) -> String {
        let english = language == .english
        return switch kind {
        case .added: english ? "Added" : "Thêm mới"
        case .removed: english ? "Removed" : "Bỏ"
        case .renumbered: english ? "Renumbered" : "Đổi mã"
        case .changed: english ? "Changed" : "Sửa"
        }
    }

    /// A property; `setting`: as a row of the general settings.
    public static func name(_ property: Change.Property, setting: Bool, _ language: Language = .vietnamese) -> String {
        let names: (String, String) = switch (property, setting) {
        case (.max, true): ("Thang điểm", "Scale")
        case (.applicability, true): ("Khi tiêu chí không áp dụng", "When a criterion does not apply")
        case (.rule, true): ("Mức tối đa điểm thưởng / điểm trừ", "Bonus / deduction caps")
        case (.level, true): ("Xếp loại", "Classes")
        case (.title, _): ("Nội dung", "Content")
        case (.level, false): ("Cấp", "Level")
        case (.max, false): ("Điểm tối đa", "Max points")
        case (.rule, false): ("Cách chấm", "Scoring")
        case (.evidence, _): ("Minh chứng", "Evidence")
        case (.applicability, false): ("Phạm vi áp dụng", "Applicability")
        case (.source, _): ("Nguồn dữ liệu", "Data source")
        case (.appraiser, _): ("Cơ quan thẩm định", "Appraising agency")
        }
        return language == .english ? names.1 : names.0
    }
}
