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
