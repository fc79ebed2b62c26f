/// How far an agency has got with its self-assessment: the leaves that count for it (applicable,
/// or declared not applicable by the agency), how many of them have an input, and those whose
/// required evidence is still missing. The assessment page, its submission summary and the
/// organiser's period page read the same figures.
public struct EntryProgress: Sendable, Hashable {
    public var leaves: Int
    public var entered: Int
    /// Codes of leaves with an input but without the evidence their rule requires, in index order.
    public var evidenceMissing: [String]

    /// The share of leaves entered, 0…100 (100 when nothing is to be entered).
    public var percentEntered: Int { leaves == 0 ? 100 : entered * 100 / leaves }

    public init(index: Index, score: AgencyScore) {
        var leaves = 0, entered = 0
        var missing: [String] = []
        for position in index.leafPositions
        where score.nodes[position].applicable || score.nodes[position].reason == .notApplicableDeclared {
            leaves += 1
            let node = index.nodes[position]
            guard score.nodes[position].input != nil else { continue }
            entered += 1
            if node.leaf?.evidenceRequired == true, score.nodes[position].evidence == 0 { missing.append(node.code) }
        }
        self.leaves = leaves
        self.entered = entered
        self.evidenceMissing = missing
    }
}

extension ScoreStage {
    /// The stage whose score tells where an assessment in `state` stands: what the agency entered
    /// until the council starts, the council's decisions over the agency's entries while it works,
    /// the final result once finalised.
    public static func current(for state: AssessmentState) -> ScoreStage {
        switch state {
        case .draft, .submitted, .returned: .selfAssessed
        // A closed assessment shows what it reached: the council's decisions where there are any.
        case .appraising, .released, .reexamining, .closed: .appraised
        case .finalised, .published: .final
        }
    }
}
