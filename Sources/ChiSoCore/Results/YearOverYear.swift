/// An agency's figures in an earlier period, read node by node through the criterion mapping between
/// the two index versions: the points (and share) of a node's counterparts, or that it has none.
public enum YearOverYear {
    public enum Figure: Sendable, Hashable {
        /// No node of the earlier index corresponds.
        case noCounterpart
        /// Its counterparts did not apply to the agency then.
        case notApplicable
        /// The counterparts' points together, and their share of their applicable max (one decimal).
        case points(DecimalNumber, share: DecimalNumber?)

        public var points: DecimalNumber? {
            if case let .points(points, _) = self { return points }
            return nil
        }

        public var share: DecimalNumber? {
            if case let .points(_, share) = self { return share }
            return nil
        }
    }

    /// The earlier figure of the node at `position` of `new`.
    public static func previous(of position: Int, in new: Index, old: Index, oldScore: AgencyScore, mapping: CriterionMapping) -> Figure {
        previous(of: position, in: new, positions: positions(old), oldScore: oldScore, mapping: mapping)
    }

    /// Every node's earlier figure, in `new`'s order.
    public static func previous(in new: Index, old: Index, oldScore: AgencyScore, mapping: CriterionMapping) -> [Figure] {
        let positions = positions(old)
        return new.nodes.indices.map { previous(of: $0, in: new, positions: positions, oldScore: oldScore, mapping: mapping) }
    }

    private static func positions(_ old: Index) -> [String: Int] {
        Dictionary(old.nodes.enumerated().map { ($0.element.code, $0.offset) }, uniquingKeysWith: { first, _ in first })
    }

    private static func previous(of position: Int, in new: Index, positions: [String: Int], oldScore: AgencyScore,
                                 mapping: CriterionMapping) -> Figure {
        let sources = mapping.sources(of: new.nodes[position].code).compactMap { positions[$0] }
        guard !sources.isEmpty else { return .noCounterpart }
        let applicable = sources.filter { oldScore.nodes[$0].applicable }
        guard !applicable.isEmpty else { return .notApplicable }
        let points = applicable.map { oldScore.nodes[$0].points }.reduce(DecimalNumber.zero, +)
        let max = applicable.map { oldScore.nodes[$0].applicableMax }.reduce(DecimalNumber.zero, +)
        return .points(points, share: max.isZero ? nil : DecimalNumber.quotient(points * DecimalNumber(100), max, places: 1))
    }
}
