/// Puts a ``ScoreReason`` into words: "thiếu tài liệu kiểm chứng → 0",
/// "95 ≥ 90 → 6 điểm", "không áp dụng". Vietnamese numbers use a decimal
/// comma (`0,5 điểm`), English ones a point.
public struct ScoreExplanation: Sendable {
    public let index: Index
    public let language: Language

    public init(index: Index, language: Language) {
        self.index = index
        self.language = language
    }

    private var vi: Bool { language == .vietnamese }

    private func num(_ value: DecimalNumber) -> String {
        vi ? value.vietnamese() : value.description
    }

    private func pts(_ value: DecimalNumber) -> String {
        vi ? "\(value.vietnamese()) điểm" : "\(value) \(value == 1 ? "point" : "points")"
    }

    /// The input as a user would have typed it.
    public func inputText(_ value: InputValue, rule: Rule?) -> String {
        switch value {
        case .notApplicable: "NA"
        case let .answer(yes): vi ? (yes ? "có" : "không") : (yes ? "yes" : "no")
        case let .number(number): num(number)
        case let .fraction(a, b): "\(num(a))/\(num(b))"
        case let .count(count): String(count)
        case let .level(position):
            if case let .levels(levels) = rule { levels[position].code } else { String(position) }
        }
    }

    /// Why the node at `position` got its points.
    public func explain(node position: Int, in score: AgencyScore) -> String {
        let node = index.nodes[position]
        let result = score.nodes[position]
        switch result.reason {
        case let .notApplicableByTag(tag, declaredAt):
            if declaredAt == position {
                return vi ? "không áp dụng (đơn vị có nhãn \(tag))" : "not applicable (agency tag \(tag))"
            }
            let code = index.nodes[declaredAt].code
            return vi ? "không áp dụng (theo tiêu chí \(code), nhãn \(tag))" : "not applicable (through \(code), tag \(tag))"
        case .noApplicableChild:
            return vi ? "không áp dụng (không có tiêu chí con nào áp dụng)" : "not applicable (no sub-criterion applies)"
        case let .sum(capped):
            if capped {
                let sum = node.children.filter { score.nodes[$0].applicable }.reduce(DecimalNumber.zero) { $0 + score.nodes[$1].points }
                return vi ? "tổng tiêu chí con \(num(sum)) vượt tối đa \(num(node.max)) → \(pts(result.points))"
                    : "children total \(num(sum)) exceeds the max \(num(node.max)) → \(pts(result.points))"
            }
            return vi ? "tổng các tiêu chí con → \(pts(result.points))" : "sum of sub-criteria → \(pts(result.points))"
        default:
            return explainLeaf(result.reason, input: result.input, points: result.points, max: node.max, rule: node.leaf?.rule)
        }
    }

    /// Why a bonus or deduction item got its points.
    public func explain(item: AdjustmentItem, _ result: ItemScore) -> String {
        switch (item.rule, result.reason, result.input) {
        case (_, .missing, _):
            return vi ? "không có → 0 điểm" : "none → 0"
        case let (.count(per, cap), .count(capped), .count(n)?):
            if capped, let cap {
                return vi ? "\(n) × \(num(per)), tối đa \(num(cap)) → \(pts(result.points))"
                    : "\(n) × \(num(per)), capped at \(num(cap)) → \(pts(result.points))"
            }
            return "\(n) × \(num(per)) = \(pts(result.points))"
        default:
            return vi ? "nhập \(pts(result.points))" : "\(pts(result.points)) as entered"
        }
    }

    private func explainLeaf(_ reason: ScoreReason, input: InputValue?, points: DecimalNumber, max: DecimalNumber, rule: Rule?) -> String {
        switch (reason, rule, input) {
        case (.missing, _, _):
            return vi ? "chưa nhập → 0 điểm" : "no input → 0"
        case (.notApplicableDeclared, _, _):
            return vi ? "không áp dụng (đơn vị xác định)" : "not applicable (declared by the agency)"
        case (.evidenceMissing, _, _):
            return vi ? "thiếu tài liệu kiểm chứng → 0" : "no evidence attached → 0"
        case let (.answer(yes), _, _):
            return vi ? "\(yes ? "có" : "không") → \(pts(points))" : "\(yes ? "yes" : "no") → \(pts(points))"
        case let (.tier(matched), .tiers(tiers)?, .number(value)?):
            if let matched {
                return "\(num(value)) ≥ \(num(tiers[matched].min)) → \(pts(points))"
            }
            let lowest = tiers[tiers.count - 1].min
            return vi ? "\(num(value)) < \(num(lowest)) (dưới mức thấp nhất) → 0 điểm" : "\(num(value)) < \(num(lowest)) (below every tier) → 0"
        case let (.ratio(capped), .ratio(target)?, input?):
            let shown: String
            if case let .fraction(a, b) = input {
                shown = "\(num(a))/\(num(b)) = \(num(DecimalNumber.quotient(a * DecimalNumber.hundred, b, places: 2)))%"
            } else if case let .number(value) = input {
                shown = "\(num(value))%"
            } else {
                shown = ""
            }
            if capped {
                return vi ? "\(shown) ≥ mục tiêu \(num(target))% → \(pts(points)) (tối đa)"
                    : "\(shown) ≥ target \(num(target))% → \(pts(points)) (full)"
            }
            return vi ? "\(shown) so với mục tiêu \(num(target))% → \(num(max)) × tỷ lệ = \(pts(points))"
                : "\(shown) of target \(num(target))% → \(num(max)) × ratio = \(pts(points))"
        case let (.count(capped), .count(per, _)?, .count(n)?):
            if capped {
                return vi ? "\(n) × \(num(per)), tối đa \(num(points)) → \(pts(points))"
                    : "\(n) × \(num(per)), capped → \(pts(points))"
            }
            return "\(n) × \(num(per)) = \(pts(points))"
        case let (.deduct(floored), .deduct(per)?, .count(n)?):
            if floored {
                return vi ? "\(num(max)) − \(n) × \(num(per)) < 0 → 0 điểm" : "\(num(max)) − \(n) × \(num(per)) < 0 → 0"
            }
            return "\(num(max)) − \(n) × \(num(per)) = \(pts(points))"
        case let (.percent, _, .number(value)?):
            return "\(num(value))% × \(num(max)) = \(pts(points))"
        case let (.level(position), .levels(levels)?, _):
            return vi ? "mức \(levels[position].code) → \(pts(points))" : "level \(levels[position].code) → \(pts(points))"
        case (.manual, _, _):
            return vi ? "tự chấm \(pts(points))" : "\(pts(points)) as entered"
        default:
            return pts(points)
        }
    }
}
