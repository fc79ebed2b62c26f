/// Where two scorings of one assessment part ways, leaf by leaf: the agency's
/// self-assessment against the appraisal (the council's overview) or against
/// the final result (the dashboards).
public struct LeafDifference: Sendable, Hashable {
    /// The leaf's position in the index.
    public var position: Int
    public var before: DecimalNumber
    public var after: DecimalNumber

    /// How far apart, whichever is larger.
    public var size: DecimalNumber { (before - after).magnitude }

    /// The leaves among `positions` whose points differ from `before` to `after`.
    public static func between(_ before: AgencyScore, _ after: AgencyScore, at positions: [Int]) -> [LeafDifference] {
        positions.map { LeafDifference(position: $0, before: before.nodes[$0].points, after: after.nodes[$0].points) }
            .filter { !$0.size.isZero }
    }

    /// The largest first (equal sizes keep their order), at most `limit`.
    public static func largest<Item>(_ items: [Item], limit: Int, size: (Item) -> DecimalNumber) -> [Item] {
        Array(items.enumerated().sorted { a, b in
            let (x, y) = (size(a.element), size(b.element))
            return x != y ? x > y : a.offset < b.offset
        }.prefix(limit).map(\.element))
    }
}

extension DecimalNumber {
    /// The distance from zero.
    public var magnitude: DecimalNumber { isNegative ? .zero - self : self }
}

/// What the council changed in an agency's self-assessment: each leaf, bonus or deduction item it
/// decided whose points differ from the agency's, in index order (leaves, then bonus, then deduction
/// items). The agency explains these in the explanation round (domain README, giải trình).
public struct CouncilChange: Sendable, Hashable {
    public var code: String
    public var reference: ItemReference
    /// The agency's points and the council's.
    public var before: DecimalNumber
    public var after: DecimalNumber

    public static func between(_ selfScore: AgencyScore, _ appraised: AgencyScore, in index: Index, decided: Set<String>) -> [CouncilChange] {
        let leaves = index.leafPositions.filter { decided.contains(index.nodes[$0].code) }
        var changes = LeafDifference.between(selfScore, appraised, at: leaves).map {
            CouncilChange(code: index.nodes[$0.position].code, reference: .criterion($0.position), before: $0.before, after: $0.after)
        }
        let items = index.bonus.indices.map { (ItemReference.bonus($0), index.bonus[$0].code) }
            + index.deductions.indices.map { (ItemReference.deduction($0), index.deductions[$0].code) }
        for (reference, code) in items where decided.contains(code) {
            guard let before = selfScore.item(reference)?.points, let after = appraised.item(reference)?.points, before != after else { continue }
            changes.append(CouncilChange(code: code, reference: reference, before: before, after: after))
        }
        return changes
    }
}
