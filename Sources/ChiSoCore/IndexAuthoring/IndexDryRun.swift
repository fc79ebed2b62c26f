/// A draft index applied to a published period's final inputs ("Chạy thử"):
/// for every agency of a group, its score, class and rank under the index it
/// was assessed with and under the draft, side by side, with the criteria
/// that moved it most. The inputs are carried through the criterion mapping;
/// a draft criterion with no input to carry counts as missing. Nothing is stored.
public struct IndexDryRun: Sendable {
    public struct Row: Sendable {
        public var agency: Agency
        public var before: Outcome
        public var after: Outcome
        /// The criteria whose points changed most (largest first, at most five), old and new codes.
        public var reasons: [Reason]
        /// Draft leaves with no input carried (codes), in the draft's order.
        public var missing: [String]

        /// Places moved up (positive) or down (negative) in the group's ranking.
        public var movement: Int { before.rank - after.rank }
    }

    public struct Outcome: Sendable {
        public var final: DecimalNumber
        public var classTitle: String
        public var rank: Int
    }

    public struct Reason: Sendable {
        /// Codes in the old index (empty: the criterion is new).
        public var oldCodes: [String]
        /// The code in the draft (`nil`: removed).
        public var newCode: String?
        public var title: String
        public var before: DecimalNumber
        public var after: DecimalNumber
    }

    /// One agency's stored final inputs in the period.
    public struct Member: Sendable {
        public var agency: Agency
        public var inputs: [StoredInput]
        public var evidence: [String: Int]

        public init(agency: Agency, inputs: [StoredInput], evidence: [String: Int]) {
            self.agency = agency
            self.inputs = inputs
            self.evidence = evidence
        }
    }

    /// One per member, in the members' order.
    public var rows: [Row]

    public init(old: Index, draft: Index, mapping: CriterionMapping, members: [Member]) {
        func scores(_ index: Index, _ sheets: [ScoreSheet]) -> [AgencyScore] {
            zip(members, sheets).map { member, sheet in Scorer(index: index).score(tags: member.agency.tags, sheet: sheet) }
        }
        let none = SourceFigures(tasks: nil)
        let oldSheets = members.map { ScoreSheet.stored(.final, index: old, inputs: $0.inputs, evidenceCounts: $0.evidence, sources: none) }
        let carried = members.map { mapping.carry($0.inputs, evidence: $0.evidence) }
        let newSheets = carried.map { ScoreSheet.stored(.final, index: draft, inputs: $0.inputs, evidenceCounts: $0.evidence, sources: none) }
        let oldScores = scores(old, oldSheets), newScores = scores(draft, newSheets)
        let agencyList = members.map(\.agency)
        let oldRanks = Self.ranks(Ranking.rank(agencies: agencyList, finals: oldScores.map(\.final)))
        let newRanks = Self.ranks(Ranking.rank(agencies: agencyList, finals: newScores.map(\.final)))
        rows = members.indices.map { position in
            let before = oldScores[position], after = newScores[position]
            var reasons: [Reason] = []
            for (nodePosition, node) in draft.nodes.enumerated() where node.isLeaf {
                let sources = mapping.sources(of: node.code)
                let oldPoints = sources.compactMap { code in old.nodes.firstIndex { $0.code == code }.map { before.nodes[$0].points } }
                    .reduce(DecimalNumber.zero, +)
                let newPoints = after.nodes[nodePosition].points
                if oldPoints != newPoints {
                    reasons.append(Reason(oldCodes: sources, newCode: node.code, title: node.title, before: oldPoints, after: newPoints))
                }
            }
            for (nodePosition, node) in old.nodes.enumerated() where node.isLeaf && mapping.targets(of: node.code).isEmpty
                && !before.nodes[nodePosition].points.isZero {
                reasons.append(Reason(oldCodes: [node.code], newCode: nil, title: node.title, before: before.nodes[nodePosition].points, after: .zero))
            }
            reasons.sort { Self.size($0) > Self.size($1) }
            let carriedCodes = Set(carried[position].inputs.map(\.code))
            let missing = draft.nodes.filter { $0.isLeaf && $0.leaf?.source == nil && !carriedCodes.contains($0.code) }.map(\.code)
            return Row(
                agency: members[position].agency,
                before: Outcome(final: before.final, classTitle: old.classes[before.classPosition].title, rank: oldRanks[position] ?? 0),
                after: Outcome(final: after.final, classTitle: draft.classes[after.classPosition].title, rank: newRanks[position] ?? 0),
                reasons: Array(reasons.prefix(5)), missing: missing)
        }
    }

    private static func ranks(_ entries: [Ranking.Entry]) -> [Int: Int] {
        Dictionary(entries.map { ($0.position, $0.rank) }, uniquingKeysWith: { first, _ in first })
    }

    private static func size(_ reason: Reason) -> DecimalNumber {
        let difference = reason.after - reason.before
        return difference.isNegative ? .zero - difference : difference
    }
}
