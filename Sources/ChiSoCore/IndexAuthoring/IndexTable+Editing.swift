/// The changes the browser editor makes to a table: add, remove, move, indent and outdent
/// criteria (a node moves with everything below it), add, remove and move classes and items.
/// Each either gives the changed table or says why it cannot be made.
extension IndexTable {
    public enum EditAction: String, Sendable, CaseIterable {
        case insert, delete, up, down, indent, outdent
    }

    /// Why a change cannot be made, in both languages.
    public struct EditRefusal: Error, Sendable, Hashable {
        public var english: String
        public var vietnamese: String

        public func message(_ language: Language) -> String { language == .vietnamese ? vietnamese : english }

        static let noSuchRow = EditRefusal(english: "that row is no longer in the draft", vietnamese: "dòng này không còn trong bản dự thảo")
        static let first = EditRefusal(english: "it is first already: nothing above it to move past",
                                       vietnamese: "đã ở vị trí đầu: không có mục cùng cấp phía trên")
        static let last = EditRefusal(english: "it is last already: nothing below it to move past",
                                      vietnamese: "đã ở vị trí cuối: không có mục cùng cấp phía dưới")
        static let noParent = EditRefusal(english: "only a node with a node of its level above it can go one level down (under that node)",
                                          vietnamese: "chỉ thụt vào được khi phía trên có một mục cùng cấp (để làm mục cha)")
        static let topLevel = EditRefusal(english: "a field (level 1) cannot go further out", vietnamese: "lĩnh vực (cấp 1) không thể lùi ra thêm")
        static let notCriteria = EditRefusal(english: "only criteria have levels", vietnamese: "chỉ tiêu chí mới có cấp")
    }

    /// The level of a criterion row (1 when the cell is not a number).
    func level(_ position: Int) -> Int { max(Int(criteria[position].level.trimmingSpaces) ?? 1, 1) }

    /// The rows from `position` to the end of its subtree (exclusive end).
    public func subtreeEnd(_ position: Int) -> Int {
        let own = level(position)
        var end = position + 1
        while end < criteria.count, level(end) > own { end += 1 }
        return end
    }

    /// Applies an action to a row of a sheet (`position` from 0). `insert` adds an empty row after it
    /// (a criterion: a sibling after its subtree), or at the end when `position` is past the last row.
    public func applying(_ action: EditAction, sheet: Sheet, at position: Int) throws(EditRefusal) -> IndexTable {
        var table = self
        switch sheet {
        case .settings:
            throw .noSuchRow
        case .criteria:
            try table.editCriteria(action, at: position)
        case .classes:
            table.classes = try Self.edit(classes, action, at: position, empty: ClassRow())
        case .bonus:
            table.bonus = try Self.edit(bonus, action, at: position, empty: AdjustmentRow(rule: "Theo số lần"))
        case .deductions:
            table.deductions = try Self.edit(deductions, action, at: position, empty: AdjustmentRow(rule: "Theo số lần"))
        }
        return table
    }

    private mutating func editCriteria(_ action: EditAction, at position: Int) throws(EditRefusal) {
        if action == .insert, position >= criteria.count {
            criteria.append(CriterionRow(level: "1"))
            return
        }
        guard criteria.indices.contains(position) else { throw .noSuchRow }
        let own = level(position)
        let end = subtreeEnd(position)
        switch action {
        case .insert:
            criteria.insert(CriterionRow(level: String(own), rule: "Đạt/Không đạt"), at: end)
        case .delete:
            criteria.removeSubrange(position..<end)
        case .up:
            // The previous sibling: the nearest row above of the same level, with nothing shallower between.
            var previous = position - 1
            while previous >= 0, level(previous) > own { previous -= 1 }
            guard previous >= 0, level(previous) == own else { throw .first }
            let moving = Array(criteria[position..<end])
            criteria.removeSubrange(position..<end)
            criteria.insert(contentsOf: moving, at: previous)
        case .down:
            guard end < criteria.count, level(end) == own else { throw .last }
            let nextEnd = subtreeEnd(end)
            let next = Array(criteria[end..<nextEnd])
            criteria.removeSubrange(end..<nextEnd)
            criteria.insert(contentsOf: next, at: position)
        case .indent:
            guard position > 0, level(position - 1) >= own else { throw .noParent }
            for row in position..<end { criteria[row].level = String(level(row) + 1) }
        case .outdent:
            guard own > 1 else { throw .topLevel }
            for row in position..<end { criteria[row].level = String(level(row) - 1) }
        }
    }

    private static func edit<Row>(_ rows: [Row], _ action: EditAction, at position: Int, empty: Row) throws(EditRefusal) -> [Row] {
        var rows = rows
        if action == .insert {
            rows.insert(empty, at: min(position + 1, rows.count))
            return rows
        }
        guard rows.indices.contains(position) else { throw .noSuchRow }
        switch action {
        case .delete: rows.remove(at: position)
        case .up:
            guard position > 0 else { throw .first }
            rows.swapAt(position, position - 1)
        case .down:
            guard position + 1 < rows.count else { throw .last }
            rows.swapAt(position, position + 1)
        case .indent, .outdent: throw .notCriteria
        case .insert: break
        }
        return rows
    }

    /// The sum of the fields' (level 1) max points, where they are numbers: the running total the
    /// editor shows against ``Settings/scale``.
    public var fieldTotal: DecimalNumber {
        criteria.filter { (Int($0.level.trimmingSpaces) ?? 0) == 1 }
            .compactMap { IndexNotation.number($0.max) }.reduce(.zero, +)
    }
}
