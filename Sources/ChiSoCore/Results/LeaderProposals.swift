/// Individual ratings of civil servants (Hoàn thành xuất sắc / tốt / hoàn
/// thành / không hoàn thành nhiệm vụ), best first.
public enum IndividualRating: String, Sendable, CaseIterable, Comparable, Codable {
    case excellent = "HTXSNV"
    case good = "HTTNV"
    case completed = "HTNV"
    case notCompleted = "KHTNV"

    /// Better ratings are smaller: `.excellent < .good`.
    public static func < (lhs: IndividualRating, rhs: IndividualRating) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    public func title(_ language: Language) -> String {
        switch self {
        case .excellent: IndividualRatingText.excellent.text(language)
        case .good: IndividualRatingText.good.text(language)
        case .completed: IndividualRatingText.completed.text(language)
        case .notCompleted: IndividualRatingText.notCompleted.text(language)
        }
    }
}

/// A deputy head (cấp phó) and the fields (node codes) assigned to them.
public struct Deputy: Sendable, Hashable {
    public var name: String
    public var position: String
    public var fields: [String]

    public init(name: String, position: String = "", fields: [String]) {
        self.name = name
        self.position = position
        self.fields = fields
    }
}

/// What the system proposes for one deputy: the share of points achieved
/// on their fields, the rating that share earns, and the proposal after the
/// head's cap.
public struct DeputyProposal: Sendable, Hashable {
    public var deputy: Deputy
    /// Points achieved and applicable max on the assigned fields that apply.
    public var achieved: DecimalNumber
    public var possible: DecimalNumber
    /// 100 × achieved / possible, 2 decimals; nil when none of the fields applies.
    public var share: DecimalNumber?
    /// The rating the share alone earns.
    public var byShare: IndividualRating?
    /// The proposal: the share's rating, never above the head's.
    public var proposed: IndividualRating?
    /// True when the head's rating lowered the share's.
    public var cappedByHead: Bool
    /// Assigned codes that are not nodes of the index.
    public var unknownFields: [String]
}

/// The proposals for an agency's head and deputies (domain: "Heads and
/// deputies"). The head's follows the agency's class (`leaderRating`); a
/// deputy's follows the share achieved on their fields, in bands, and never
/// exceeds the head's. The system proposes; people decide.
public struct LeaderProposal: Sendable, Hashable {
    public var head: IndividualRating?
    public var deputies: [DeputyProposal]

    /// Share bands for deputies, best first: ≥ 90 %, ≥ 80 %, ≥ 50 %, below.
    public static let deputyBands: [(min: DecimalNumber, rating: IndividualRating)] = [
        (DecimalNumber(90), .excellent), (DecimalNumber(80), .good), (DecimalNumber(50), .completed), (.zero, .notCompleted),
    ]

    public init(index: Index, score: AgencyScore, deputies: [Deputy],
                bands: [(min: DecimalNumber, rating: IndividualRating)] = LeaderProposal.deputyBands) {
        let head = index.classes[score.classPosition].leaderRating.flatMap(IndividualRating.init(rawValue:))
        self.head = head
        var positions: [String: Int] = [:]
        for (position, node) in index.nodes.enumerated() { positions[node.code] = position }
        self.deputies = deputies.map { deputy in
            var achieved = DecimalNumber.zero, possible = DecimalNumber.zero
            var unknown: [String] = []
            // A field inside another assigned field is counted once, with its ancestor.
            let assigned = Set(deputy.fields.compactMap { positions[$0] })
            for code in deputy.fields {
                guard let position = positions[code] else { unknown.append(code); continue }
                var ancestor = index.nodes[position].parent
                var covered = false
                while let parent = ancestor {
                    if assigned.contains(parent) { covered = true; break }
                    ancestor = index.nodes[parent].parent
                }
                guard !covered, score.nodes.indices.contains(position), score.nodes[position].applicable else { continue }
                achieved = achieved + score.nodes[position].points
                possible = possible + score.nodes[position].applicableMax
            }
            let share = possible.isZero ? nil : DecimalNumber.quotient(achieved * DecimalNumber(100), possible, places: 2)
            let byShare = share.flatMap { share in bands.first { $0.min <= share }?.rating }
            var proposed = byShare
            var capped = false
            if let rating = byShare, let head, rating < head {
                proposed = head
                capped = true
            }
            return DeputyProposal(deputy: deputy, achieved: achieved, possible: possible, share: share, byShare: byShare,
                                  proposed: proposed, cappedByHead: capped, unknownFields: unknown)
        }
    }
}
