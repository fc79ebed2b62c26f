/// An agency as scoring sees it (spec §2).
public struct Agency: Sendable, Hashable {
    public var code: String
    public var name: String
    /// The ranking group (khối): agencies are ranked only within their group.
    public var group: String
    /// Matched against the index's `notApplicableFor`.
    public var tags: [String]

    public init(code: String, name: String, group: String, tags: [String] = []) {
        self.code = code
        self.name = name
        self.group = group
        self.tags = tags
    }
}

/// What one input line says for one leaf or item: its value (absent when
/// nothing was entered) and how many evidence files are attached.
public struct Entry: Sendable, Hashable {
    public var value: InputValue?
    public var evidence: Int

    public init(value: InputValue?, evidence: Int = 0) {
        self.value = value
        self.evidence = evidence
    }

    public static let missing = Entry(value: nil, evidence: 0)
}

/// A leaf, bonus item or deduction item of an index, found by its code.
public enum ItemReference: Sendable, Hashable {
    /// A criterion node by its position in ``Index/nodes`` (leaf or group).
    case criterion(Int)
    case bonus(Int)
    case deduction(Int)
}

/// One agency's entries for every leaf and item of an index.
public struct ScoreSheet: Sendable {
    /// Criterion nodes first (by position), then bonus, then deduction items.
    private var entries: [Entry]
    private let nodeCount: Int
    private let bonusCount: Int

    public init(for index: Index) {
        nodeCount = index.nodes.count
        bonusCount = index.bonus.count
        entries = Array(repeating: .missing, count: ScoreSheet.slotCount(for: index))
    }

    private func slot(_ item: ItemReference) -> Int {
        ScoreSheet.slot(item, nodeCount: nodeCount, bonusCount: bonusCount)
    }

    /// Number of slots a sheet of `index` has (criterion nodes, bonus and deduction items).
    public static func slotCount(for index: Index) -> Int {
        index.nodes.count + index.bonus.count + index.deductions.count
    }

    /// The position of an item among a sheet's slots: nodes, then bonus, then deduction items.
    public static func slot(_ item: ItemReference, in index: Index) -> Int {
        slot(item, nodeCount: index.nodes.count, bonusCount: index.bonus.count)
    }

    private static func slot(_ item: ItemReference, nodeCount: Int, bonusCount: Int) -> Int {
        switch item {
        case let .criterion(position): position
        case let .bonus(position): nodeCount + position
        case let .deduction(position): nodeCount + bonusCount + position
        }
    }

    public subscript(item: ItemReference) -> Entry {
        get { entries[slot(item)] }
        set { entries[slot(item)] = newValue }
    }
}

extension Index {
    /// Every leaf, group, bonus and deduction item by code.
    public func itemsByCode() -> [String: ItemReference] {
        Index.itemsByCode(nodes: nodes, bonus: bonus, deductions: deductions)
    }

    /// Every bonus item, then every deduction item.
    public var adjustmentReferences: [ItemReference] {
        bonus.indices.map { .bonus($0) } + deductions.indices.map { .deduction($0) }
    }

    /// A bonus or deduction item; `nil` for a criterion node.
    public func adjustment(_ reference: ItemReference) -> AdjustmentItem? {
        switch reference {
        case let .bonus(position): bonus[position]
        case let .deduction(position): deductions[position]
        case .criterion: nil
        }
    }

    /// A leaf or a bonus item the assessed agency enters itself (spec §4): not a group, not a sourced
    /// leaf or item, not a deduction (the organiser or the council records those).
    public func enteredByAgency(_ code: String) -> ItemReference? {
        guard let item = itemsByCode()[code], source(of: item) == nil else { return nil }
        switch item {
        case let .criterion(position): return nodes[position].isLeaf ? item : nil
        case .bonus: return item
        case .deduction: return nil
        }
    }

    /// A leaf or an item the council appraises: every leaf, every bonus item, and deductions with a
    /// `source` (whose figure the council confirms). Other deductions are recorded, not appraised.
    public func appraisedByCouncil(_ code: String) -> ItemReference? {
        guard let item = itemsByCode()[code] else { return nil }
        switch item {
        case let .criterion(position): return nodes[position].isLeaf ? item : nil
        case .bonus: return item
        case .deduction: return source(of: item) != nil ? item : nil
        }
    }

    /// Where a leaf's or item's input comes from inside the application; `nil` when someone enters it.
    public func source(of item: ItemReference) -> InputSource? {
        switch item {
        case let .criterion(position): nodes[position].leaf?.source
        case let .bonus(position): bonus[position].source
        case let .deduction(position): deductions[position].source
        }
    }

    /// Every leaf, group, bonus and deduction item by code, from the parts of an index being read.
    static func itemsByCode(nodes: [Criterion], bonus: [AdjustmentItem], deductions: [AdjustmentItem]) -> [String: ItemReference] {
        var table: [String: ItemReference] = [:]
        table.reserveCapacity(nodes.count + bonus.count + deductions.count)
        for (position, node) in nodes.enumerated() { table[node.code] = .criterion(position) }
        for (position, item) in bonus.enumerated() { table[item.code] = .bonus(position) }
        for (position, item) in deductions.enumerated() { table[item.code] = .deduction(position) }
        return table
    }

    /// Positions (in ``nodes``) of the nodes that do not apply to an agency
    /// with these tags, each with the tag and the node that declares it.
    public func notApplicableByTags(_ tags: [String]) -> [Int: (tag: String, declaredAt: Int)] {
        var result: [Int: (tag: String, declaredAt: Int)] = [:]
        guard !tags.isEmpty else { return result }
        for (position, node) in nodes.enumerated() {
            if let parent = node.parent, let inherited = result[parent] {
                result[position] = inherited
            } else if let tag = node.notApplicableFor.first(where: tags.contains) {
                result[position] = (tag, position)
            }
        }
        return result
    }
}
