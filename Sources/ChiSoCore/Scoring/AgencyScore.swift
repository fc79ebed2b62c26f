/// The score of one agency on one index, with the breakdown that says why
/// every node got its points. Views render it as it is; nothing else in
/// ChiSo computes a score.
public struct AgencyScore: Sendable {
    /// One per criterion node, by position in ``Index/nodes``.
    public var nodes: [NodeScore]
    public var bonusItems: [ItemScore]
    public var deductionItems: [ItemScore]
    /// Sum of the applicable top-level points.
    public var raw: DecimalNumber
    /// Sum of the applicable top-level max.
    public var applicableMax: DecimalNumber
    /// Rescaled (or not) per the index's `naPolicy`, 4 places.
    public var normalized: DecimalNumber
    /// Σ bonus items, capped.
    public var bonus: DecimalNumber
    /// Σ deduction items, capped.
    public var deduction: DecimalNumber
    /// max(normalized + bonus − deduction, 0), 2 places: what classifies and ranks.
    public var final: DecimalNumber
    /// Position in ``Index/classes`` of the first class whose `min` the final
    /// reaches, before conditions.
    public var classByScore: Int
    /// Position in ``Index/classes``: the class reached by score and conditions (spec §3.5).
    public var classPosition: Int
    /// The conditions that moved the agency down from ``classByScore``, in
    /// class order (empty when it got the class its score reached).
    public var failedConditions: [FailedCondition]
    /// Positions of applicable leaves that had no input (scored 0).
    public var missing: [Int]
}

extension AgencyScore {
    /// A bonus or deduction item's result; `nil` for a criterion node.
    public func item(_ reference: ItemReference) -> ItemScore? {
        switch reference {
        case let .bonus(position): bonusItems[position]
        case let .deduction(position): deductionItems[position]
        case .criterion: nil
        }
    }
}

/// A class condition an agency did not meet.
public struct FailedCondition: Sendable, Hashable {
    /// Position of the class in ``Index/classes``.
    public var classPosition: Int
    /// Position of the condition in that class's `requires`.
    public var condition: Int
}

/// One node's result.
public struct NodeScore: Sendable, Hashable {
    /// False when the node does not count for this agency.
    public var applicable: Bool
    /// Points earned (leaves: 4 places; groups: capped sums).
    public var points: DecimalNumber
    /// The max that counts: the node's max, or less when children are N/A.
    public var applicableMax: DecimalNumber
    /// The input behind a leaf's points (`nil` for groups and missing inputs).
    public var input: InputValue?
    public var evidence: Int
    public var reason: ScoreReason
}

/// One bonus or deduction item's result.
public struct ItemScore: Sendable, Hashable {
    public var points: DecimalNumber
    public var input: InputValue?
    public var reason: ScoreReason
}

/// Why a node got its points. ``ScoreExplanation`` turns it into words.
public enum ScoreReason: Sendable, Hashable {
    /// No input: 0 points.
    case missing
    /// One of the agency's tags is in `notApplicableFor` of this node or of
    /// the node at `declaredAt` above it.
    case notApplicableByTag(tag: String, declaredAt: Int)
    /// The agency entered `NA` where the leaf allows it.
    case notApplicableDeclared
    /// A group none of whose children applies.
    case noApplicableChild
    /// Evidence is required and none is attached: 0 points.
    case evidenceMissing
    /// yes/no.
    case answer(Bool)
    /// The tier that matched (position in the rule), or `nil` below every tier.
    case tier(Int?)
    /// A ratio; `capped` when the input reached the target.
    case ratio(capped: Bool)
    /// A count; `capped` when `cap` or the max limited the points.
    case count(capped: Bool)
    /// Deductions per occurrence; `floored` when they exhausted the max.
    case deduct(floored: Bool)
    case percent
    /// The chosen level (position in the rule).
    case level(Int)
    case manual
    /// A group: the sum of its applicable children; `capped` at the group's max.
    case sum(capped: Bool)
}
