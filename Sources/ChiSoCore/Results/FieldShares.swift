/// How much of each top-level field's points an agency earned, for the dashboards: the share per
/// field (percent of its applicable maximum, one decimal), and a group's average share per field.
public enum FieldShares {
    /// Per top-level field, in index order: `100 × points / applicable max`, one decimal; nil when the
    /// field does not apply to the agency (or can give no points).
    public static func of(_ index: Index, _ score: AgencyScore) -> [DecimalNumber?] {
        index.nodes.indices.filter { index.nodes[$0].depth == 0 }.map { position in
            let node = score.nodes[position]
            guard node.applicable, !node.applicableMax.isZero else { return nil }
            return DecimalNumber.quotient(node.points * DecimalNumber(100), node.applicableMax, places: 1)
        }
    }

    /// Per field, the average of the agencies' shares where the field applies (one decimal); nil where it applies to none.
    public static func averages(_ shares: [[DecimalNumber?]], fields: Int) -> [DecimalNumber?] {
        (0..<fields).map { column in
            let values = shares.compactMap { column < $0.count ? $0[column] : nil }
            guard !values.isEmpty else { return nil }
            return DecimalNumber.quotient(values.reduce(DecimalNumber.zero, +), DecimalNumber(values.count), places: 1)
        }
    }
}
