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

    private func num(_ value: DecimalNumber) -> String { value.text(language) }

    private func pts(_ value: DecimalNumber) -> String {
        (value == 1 ? ExplanationText.onePoint : .points).text(language, value.text(language))
    }

    /// The input as a user would have typed it.
    public func inputText(_ value: InputValue, rule: Rule?) -> String {
        switch value {
        case .notApplicable: "NA"
        case let .answer(yes): (yes ? ExplanationText.answerYes : .answerNo).text(language)
        case let .number(number): num(number)
        case let .fraction(a, b): "\(num(a))/\(num(b))"
        case let .count(count): String(count)
        case let .level(position):
            if case let .levels(levels) = rule { levels[position].code } else { String(position) }
        }
    }

    /// An input as a reader sees it on a page: numbers in the language's format, "không áp dụng"
    /// for NA (``inputText(_:rule:)`` keeps `NA`, as typed and exported).
    public func displayText(_ value: InputValue, rule: Rule?) -> String {
        if case .notApplicable = value { return ExplanationText.notApplicableInput.text(language) }
        return inputText(value, rule: rule)
    }

    /// Why the node at `position` got its points.
    public func explain(node position: Int, in score: AgencyScore) -> String {
        let node = index.nodes[position]
        let result = score.nodes[position]
        switch result.reason {
        case let .notApplicableByTag(tag, declaredAt):
            if declaredAt == position {
                return ExplanationText.notApplicableTag.text(language, tag)
            }
            let code = index.nodes[declaredAt].code
            return ExplanationText.notApplicableThrough.text(language, code, tag)
        case .noApplicableChild:
            return ExplanationText.noApplicableChild.text(language)
        case let .sum(capped):
            if capped {
                let sum = node.children.filter { score.nodes[$0].applicable }.reduce(DecimalNumber.zero) { $0 + score.nodes[$1].points }
                return ExplanationText.childrenCapped.text(language, num(sum), num(node.max), pts(result.points))
            }
            return ExplanationText.childrenSum.text(language, pts(result.points))
        // A sourced leaf's N/A or missing input is the data's, never the agency's (spec §4).
        case .notApplicableDeclared where node.leaf?.source?.dataSet == .tasks:
            return ExplanationText.notApplicableNoTaskDue.text(language)
        case .missing where node.leaf?.source != nil:
            return ExplanationText.noData.text(language)
        default:
            return explainLeaf(result.reason, input: result.input, points: result.points, max: node.max, rule: node.leaf?.rule)
        }
    }

    /// Why a bonus or deduction item got its points.
    public func explain(item: AdjustmentItem, _ result: ItemScore) -> String {
        switch (item.rule, result.reason, result.input) {
        case (_, .missing, _):
            return ExplanationText.itemMissing.text(language)
        case let (.count(per, cap), .count(capped), .count(n)?):
            if capped, let cap {
                return ExplanationText.itemCountCapped.text(language, "\(n)", num(per), num(cap), pts(result.points))
            }
            return "\(n) × \(num(per)) = \(pts(result.points))"
        default:
            return ExplanationText.itemEntered.text(language, pts(result.points))
        }
    }

    /// Why an agency got a lower class than its final reaches (spec §3.5):
    /// the class by score and each condition that failed; `nil` when the
    /// agency got the class its score reached.
    public func explainClass(in score: AgencyScore) -> String? {
        guard !score.failedConditions.isEmpty else { return nil }
        let reached = index.classes[score.classByScore], given = index.classes[score.classPosition]
        let unmet = score.failedConditions.map { condition(index.classes[$0.classPosition].requires[$0.condition], score) }
        return ExplanationText.classMovedDown.text(language, num(score.final), reached.title, num(reached.min),
                                                   unmet.joined(separator: "; "), given.title)
    }

    /// One condition and the agency's figure for it.
    public func condition(_ condition: ClassCondition, _ score: AgencyScore) -> String {
        switch (condition.test, condition.target) {
        case let (.minShare(percent), .criterion(position)):
            let node = score.nodes[position]
            return ExplanationText.conditionShare.text(language, condition.code, num(node.points),
                                                       num(node.applicableMax), num(percent))
        case let (.maxPoints(limit), .bonus(position)):
            return ExplanationText.conditionBonus.text(language, condition.code, num(score.bonusItems[position].points), num(limit))
        case let (.maxPoints(limit), .deduction(position)):
            return ExplanationText.conditionDeduction.text(language, condition.code, num(score.deductionItems[position].points), num(limit))
        case (.minShare, _), (.maxPoints, .criterion):
            return condition.code
        }
    }

    private func explainLeaf(_ reason: ScoreReason, input: InputValue?, points: DecimalNumber, max: DecimalNumber, rule: Rule?) -> String {
        switch (reason, rule, input) {
        case (.missing, _, _):
            return ExplanationText.missing.text(language)
        case (.notApplicableDeclared, _, _):
            return ExplanationText.notApplicableDeclared.text(language)
        case (.evidenceMissing, _, _):
            return ExplanationText.evidenceMissing.text(language)
        case let (.answer(yes), _, _):
            return ExplanationText.answer.text(language, (yes ? ExplanationText.answerYes : .answerNo).text(language), pts(points))
        case let (.tier(matched), .tiers(tiers)?, .number(value)?):
            if let matched {
                return "\(num(value)) ≥ \(num(tiers[matched].min)) → \(pts(points))"
            }
            let lowest = tiers[tiers.count - 1].min
            return ExplanationText.belowTiers.text(language, num(value), num(lowest))
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
                return ExplanationText.ratioFull.text(language, shown, num(target), pts(points))
            }
            return ExplanationText.ratio.text(language, shown, num(target), num(max), pts(points))
        case let (.count(capped), .count(per, _)?, .count(n)?):
            if capped {
                return ExplanationText.countCapped.text(language, "\(n)", num(per), num(points), pts(points))
            }
            return "\(n) × \(num(per)) = \(pts(points))"
        case let (.deduct(floored), .deduct(per)?, .count(n)?):
            if floored {
                return ExplanationText.deductFloored.text(language, num(max), "\(n)", num(per))
            }
            return "\(num(max)) − \(n) × \(num(per)) = \(pts(points))"
        case let (.percent, _, .number(value)?):
            return "\(num(value))% × \(num(max)) = \(pts(points))"
        case let (.level(position), .levels(levels)?, _):
            return ExplanationText.level.text(language, levels[position].code, pts(points))
        case (.manual, _, _):
            return ExplanationText.manual.text(language, pts(points))
        default:
            return pts(points)
        }
    }
}
