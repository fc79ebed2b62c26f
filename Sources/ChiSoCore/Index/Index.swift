/// An index (Bộ chỉ số): the versioned tree of fields, criteria and
/// sub-criteria with their max points and scoring rules, plus bonus and
/// deduction items, caps and classes. Spec §1.
///
/// The tree is stored flat, in file order (pre-order): a parent always
/// comes before its children, so a reverse walk rolls points up and a
/// forward walk renders the tree with ``Criterion/depth``.
public struct Index: Sendable {
    public var id: String
    public var title: String
    public var scale: DecimalNumber
    public var naPolicy: NAPolicy
    /// `nil` caps nothing.
    public var bonusCap: DecimalNumber?
    /// `nil` caps nothing.
    public var deductionCap: DecimalNumber?
    /// Highest first; the last has `min` 0.
    public var classes: [ScoreClass]
    /// Every criterion node, pre-order.
    public var nodes: [Criterion]
    /// Positions in ``nodes`` of the top-level nodes.
    public var roots: [Int]
    public var bonus: [AdjustmentItem]
    public var deductions: [AdjustmentItem]

    public init(
        id: String, title: String, scale: DecimalNumber, naPolicy: NAPolicy,
        bonusCap: DecimalNumber?, deductionCap: DecimalNumber?, classes: [ScoreClass],
        nodes: [Criterion], roots: [Int], bonus: [AdjustmentItem], deductions: [AdjustmentItem]
    ) {
        self.id = id
        self.title = title
        self.scale = scale
        self.naPolicy = naPolicy
        self.bonusCap = bonusCap
        self.deductionCap = deductionCap
        self.classes = classes
        self.nodes = nodes
        self.roots = roots
        self.bonus = bonus
        self.deductions = deductions
    }

    /// Positions of the leaves, in file order.
    public var leafPositions: [Int] { nodes.indices.filter { nodes[$0].isLeaf } }
}

public enum NAPolicy: String, Sendable, CaseIterable {
    /// `normalized = raw × scale / applicableMax`.
    case rescale
    /// `normalized = raw`.
    case none
}

public struct ScoreClass: Sendable, Hashable {
    public var code: String
    public var title: String
    public var min: DecimalNumber
    /// Proposed rating of the agency's head for this class (HTXSNV, HTTNV, HTNV, KHTNV).
    public var leaderRating: String?
    /// Conditions an agency must also meet for this class; all must hold (spec §3.5).
    public var requires: [ClassCondition]
    public var line: Int

    public init(
        code: String, title: String, min: DecimalNumber, leaderRating: String? = nil,
        requires: [ClassCondition] = [], line: Int = 0
    ) {
        self.code = code
        self.title = title
        self.min = min
        self.leaderRating = leaderRating
        self.requires = requires
        self.line = line
    }
}

/// A condition on a class (spec §3.5), such as "no points on the discipline
/// deduction" or "full points on the overdue-task criterion".
public struct ClassCondition: Sendable, Hashable {
    public enum Test: Sendable, Hashable {
        /// `minShare: P` on a criterion node: holds when the node is N/A for
        /// the agency, or its points × 100 ≥ P × its applicable max.
        case minShare(DecimalNumber)
        /// `maxPoints: P` on a bonus or deduction item: holds when the item's
        /// own points (before the caps on the totals; 0 with no input) ≤ P.
        case maxPoints(DecimalNumber)
    }

    /// The code the condition names, as written.
    public var code: String
    /// What the code names: a criterion node for `minShare`, an item for `maxPoints`.
    public var target: ItemReference
    public var test: Test
    public var line: Int

    public init(code: String, target: ItemReference, test: Test, line: Int = 0) {
        self.code = code
        self.target = target
        self.test = test
        self.line = line
    }
}

/// A field, criterion or sub-criterion. A group has children; a leaf has a rule.
public struct Criterion: Sendable {
    public var code: String
    public var title: String
    public var max: DecimalNumber
    public var guidance: String?
    /// Agency tags for which this node (and everything below it) does not count.
    public var notApplicableFor: [String]
    /// The assessed agency may itself declare this leaf not applicable.
    public var allowNA: Bool
    /// Code of the agency that appraises this node (e.g. Sở Tư pháp).
    public var appraiser: String?
    public var depth: Int
    public var parent: Int?
    /// Positions of the children in ``Index/nodes``; empty for a leaf.
    public var children: [Int]
    /// The scoring of a leaf; `nil` for a group.
    public var leaf: LeafSpec?
    /// Line of the node in its YAML file.
    public var line: Int

    public init(
        code: String, title: String, max: DecimalNumber, guidance: String? = nil,
        notApplicableFor: [String] = [], allowNA: Bool = false, appraiser: String? = nil,
        depth: Int = 0, parent: Int? = nil, children: [Int] = [], leaf: LeafSpec? = nil, line: Int = 0
    ) {
        self.code = code
        self.title = title
        self.max = max
        self.guidance = guidance
        self.notApplicableFor = notApplicableFor
        self.allowNA = allowNA
        self.appraiser = appraiser
        self.depth = depth
        self.parent = parent
        self.children = children
        self.leaf = leaf
        self.line = line
    }

    public var isLeaf: Bool { leaf != nil }
}

public struct LeafSpec: Sendable {
    public var rule: Rule
    /// A leaf with required evidence scores 0 when no evidence is attached.
    public var evidenceRequired: Bool
    /// Where the application takes the input from (spec §4).
    public var source: InputSource?

    public init(rule: Rule, evidenceRequired: Bool = false, source: InputSource? = nil) {
        self.rule = rule
        self.evidenceRequired = evidenceRequired
        self.source = source
    }
}

/// How a leaf turns its one input into points (spec §1, "Leaf rules").
public enum Rule: Sendable, Hashable {
    /// The input itself, in [0, max] and a multiple of `step`.
    case manual(step: DecimalNumber)
    /// max or 0.
    case yesno
    /// Points of the first tier whose `min` ≤ input; 0 if none. `min` strictly decreasing.
    case tiers([Tier])
    /// max × min(input / target, 1); input may be `a/b` meaning 100·a/b.
    case ratio(target: DecimalNumber)
    /// min(input × per, cap, max).
    case count(per: DecimalNumber, cap: DecimalNumber?)
    /// max(max − input × per, 0).
    case deduct(per: DecimalNumber)
    /// max × input / 100.
    case percent
    /// The chosen level's points.
    case levels([Level])

    public static let defaultStep = DecimalNumber(significand: 1, scale: 2)
    public static let defaultTarget = DecimalNumber.hundred

    public var typeName: String {
        switch self {
        case .manual: "manual"
        case .yesno: "yesno"
        case .tiers: "tiers"
        case .ratio: "ratio"
        case .count: "count"
        case .deduct: "deduct"
        case .percent: "percent"
        case .levels: "levels"
        }
    }

    public static let typeNames = ["manual", "yesno", "tiers", "ratio", "count", "deduct", "percent", "levels"]
}

public struct Tier: Sendable, Hashable {
    public var min: DecimalNumber
    public var points: DecimalNumber
    public init(min: DecimalNumber, points: DecimalNumber) {
        self.min = min
        self.points = points
    }
}

public struct Level: Sendable, Hashable {
    public var code: String
    public var points: DecimalNumber
    public init(code: String, points: DecimalNumber) {
        self.code = code
        self.points = points
    }
}

/// Where a leaf's input comes from inside the application (spec §4).
public enum InputSource: String, Sendable, CaseIterable {
    case tasksOnTimeRate = "tasks.onTimeRate"
    case tasksDoneLate = "tasks.doneLate"
    case tasksOverdue = "tasks.overdue"
    case survey
    case leaders
    /// 1 when the head's first submission came after the self-assessment
    /// deadline (an exception lets it in, but does not make it on time), else 0.
    case submissionLate = "submission.late"
}

/// A bonus (điểm thưởng) or deduction (điểm trừ) item.
public struct AdjustmentItem: Sendable {
    public enum Kind: String, Sendable { case bonus, deduction }

    public var kind: Kind
    public var code: String
    public var title: String
    public var guidance: String?
    public var rule: AdjustmentRule
    /// Where the application takes the input from (spec §4); `nil`: entered
    /// by the organiser or the council (deductions) or proposed by the agency (bonus).
    public var source: InputSource?
    public var line: Int

    public init(
        kind: Kind, code: String, title: String, guidance: String? = nil, rule: AdjustmentRule,
        source: InputSource? = nil, line: Int = 0
    ) {
        self.kind = kind
        self.code = code
        self.title = title
        self.guidance = guidance
        self.rule = rule
        self.source = source
        self.line = line
    }
}

public enum AdjustmentRule: Sendable, Hashable {
    /// min(input × per, cap).
    case count(per: DecimalNumber, cap: DecimalNumber?)
    /// The input, in [0, max] and a multiple of `step`.
    case manual(max: DecimalNumber, step: DecimalNumber)
}

extension Index {
    /// The title of the criterion node, bonus or deduction item with `code`, if there is one.
    public func title(of code: String) -> String? {
        nodes.first { $0.code == code }?.title ?? (bonus + deductions).first { $0.code == code }?.title
    }
}
