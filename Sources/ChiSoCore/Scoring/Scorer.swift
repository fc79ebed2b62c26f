/// The one function that computes every score in ChiSo (spec §3).
///
/// Leaf points come from the rule and are rounded to 4 places half away
/// from zero as soon as the rule gives them; groups sum their applicable
/// children and cap at their max; N/A nodes drop out; the total is rescaled
/// (or not), bonus and deductions are capped, and the final is rounded to 2
/// places. Sums are exact.
public struct Scorer: Sendable {
    public let index: Index

    public init(index: Index) {
        self.index = index
    }

    public static let pointPlaces = 4
    public static let finalPlaces = 2

    public func score(tags: [String], sheet: ScoreSheet) -> AgencyScore {
        let nodes = index.nodes
        let byTag = index.notApplicableByTags(tags)
        var results = [NodeScore](repeating: NodeScore(applicable: false, points: .zero, applicableMax: .zero,
                                                       input: nil, evidence: 0, reason: .missing),
                                  count: nodes.count)
        var missing: [Int] = []

        // Children come after their parent, so a reverse walk sees every
        // child before its group.
        for position in nodes.indices.reversed() {
            let node = nodes[position]
            if byTag[position] != nil || node.leaf != nil {
                let entry = sheet[.criterion(position)]
                results[position] = scoreOwn(position, entry, notApplicableBy: byTag[position])
                if byTag[position] == nil, entry.value == nil { missing.append(position) }
            } else {
                results[position] = rollUp(node, results)
            }
        }
        missing.reverse()

        var raw = DecimalNumber.zero
        var applicableMax = DecimalNumber.zero
        for root in index.roots where results[root].applicable {
            raw = raw + results[root].points
            applicableMax = applicableMax + results[root].applicableMax
        }
        let normalized: DecimalNumber = switch index.naPolicy {
        case .rescale:
            applicableMax.isZero ? DecimalNumber.zero.rounded(places: Scorer.pointPlaces) : DecimalNumber.quotient(raw * index.scale, applicableMax, places: Scorer.pointPlaces)
        case .none:
            raw.rounded(places: Scorer.pointPlaces)
        }

        let bonusItems = index.bonus.indices.map { scoreItem(index.bonus[$0].rule, sheet[.bonus($0)]) }
        let deductionItems = index.deductions.indices.map { scoreItem(index.deductions[$0].rule, sheet[.deduction($0)]) }
        let bonus = capped(bonusItems.reduce(.zero) { $0 + $1.points }, index.bonusCap)
        let deduction = capped(deductionItems.reduce(.zero) { $0 + $1.points }, index.deductionCap)
        let final = max(normalized + bonus - deduction, .zero).rounded(places: Scorer.finalPlaces)
        let (classByScore, classPosition, failed) = classify(final, results, bonusItems, deductionItems)

        return AgencyScore(nodes: results, bonusItems: bonusItems, deductionItems: deductionItems, raw: raw,
                           applicableMax: applicableMax, normalized: normalized, bonus: bonus,
                           deduction: deduction, final: final, classByScore: classByScore,
                           classPosition: classPosition, failedConditions: failed, missing: missing)
    }

    // MARK: Classes

    /// Spec §3.5: the first class whose `min` the final reaches and whose
    /// conditions all hold. Also the class reached by score alone, and every
    /// condition that failed on the way down from it.
    private func classify(
        _ final: DecimalNumber, _ nodes: [NodeScore], _ bonus: [ItemScore], _ deductions: [ItemScore]
    ) -> (byScore: Int, position: Int, failed: [FailedCondition]) {
        let classes = index.classes
        let byScore = classes.firstIndex { $0.min <= final } ?? classes.count - 1
        var failed: [FailedCondition] = []
        for position in byScore..<classes.count {
            let unmet = classes[position].requires.indices.filter {
                !Scorer.holds(classes[position].requires[$0], nodes, bonus, deductions)
            }
            if unmet.isEmpty { return (byScore, position, failed) }
            failed += unmet.map { FailedCondition(classPosition: position, condition: $0) }
        }
        // The last class has no conditions (the reader refuses them), so this is not reached.
        return (byScore, classes.count - 1, failed)
    }

    /// Whether one class condition holds for an agency's node and item scores.
    public static func holds(_ condition: ClassCondition, _ nodes: [NodeScore], _ bonus: [ItemScore], _ deductions: [ItemScore]) -> Bool {
        switch (condition.test, condition.target) {
        case let (.minShare(percent), .criterion(position)):
            let node = nodes[position]
            return !node.applicable || node.points * .hundred >= percent * node.applicableMax
        case let (.maxPoints(limit), .bonus(position)):
            return bonus[position].points <= limit
        case let (.maxPoints(limit), .deduction(position)):
            return deductions[position].points <= limit
        case (.minShare, _), (.maxPoints, .criterion):
            preconditionFailure("condition on \(condition.code) was not validated")
        }
    }

    /// One leaf's score, the same as ``score(tags:sheet:)`` gives it: a
    /// leaf's points depend only on its own entry and the agency's tags, so
    /// saving one leaf need not read the others.
    public func leafScore(at position: Int, tags: [String], entry: Entry) -> NodeScore {
        scoreOwn(position, entry, notApplicableBy: index.notApplicableByTags(tags)[position])
    }

    /// A node's score from its own entry: not applicable by a tag, or a leaf scored by its rule.
    private func scoreOwn(_ position: Int, _ entry: Entry, notApplicableBy cause: (tag: String, declaredAt: Int)?) -> NodeScore {
        let node = index.nodes[position]
        if let cause {
            return NodeScore(applicable: false, points: .zero, applicableMax: .zero, input: entry.value, evidence: entry.evidence,
                             reason: .notApplicableByTag(tag: cause.tag, declaredAt: cause.declaredAt))
        }
        guard let leaf = node.leaf else { return NodeScore(applicable: false, points: .zero, applicableMax: .zero, input: nil, evidence: 0, reason: .missing) }
        return scoreLeaf(node, leaf, entry)
    }

    private func capped(_ sum: DecimalNumber, _ cap: DecimalNumber?) -> DecimalNumber {
        cap.map { min(sum, $0) } ?? sum
    }

    // MARK: Groups

    private func rollUp(_ node: Criterion, _ results: [NodeScore]) -> NodeScore {
        var sum = DecimalNumber.zero
        var childMax = DecimalNumber.zero
        var anyApplicable = false
        for child in node.children where results[child].applicable {
            anyApplicable = true
            sum = sum + results[child].points
            childMax = childMax + results[child].applicableMax
        }
        guard anyApplicable else {
            return NodeScore(applicable: false, points: .zero, applicableMax: .zero, input: nil, evidence: 0,
                             reason: .noApplicableChild)
        }
        let points = min(sum, node.max)
        return NodeScore(applicable: true, points: points, applicableMax: min(node.max, childMax), input: nil,
                         evidence: 0, reason: .sum(capped: sum > node.max))
    }

    // MARK: Leaves

    private func scoreLeaf(_ node: Criterion, _ leaf: LeafSpec, _ entry: Entry) -> NodeScore {
        func result(_ points: DecimalNumber, _ reason: ScoreReason) -> NodeScore {
            NodeScore(applicable: true, points: points.rounded(places: Scorer.pointPlaces), applicableMax: node.max,
                      input: entry.value, evidence: entry.evidence, reason: reason)
        }
        guard let value = entry.value else { return result(.zero, .missing) }
        if case .notApplicable = value {
            return NodeScore(applicable: false, points: .zero, applicableMax: .zero, input: value,
                             evidence: entry.evidence, reason: .notApplicableDeclared)
        }
        if leaf.evidenceRequired, entry.evidence == 0 { return result(.zero, .evidenceMissing) }
        let (points, reason) = Scorer.points(rule: leaf.rule, max: node.max, value: value)
        return result(points, reason)
    }

    /// A rule's points for one (already validated) input, before rounding.
    public static func points(rule: Rule, max: DecimalNumber, value: InputValue) -> (DecimalNumber, ScoreReason) {
        switch (rule, value) {
        case let (.yesno, .answer(yes)):
            return (yes ? max : .zero, .answer(yes))
        case let (.tiers(tiers), .number(input)):
            if let matched = tiers.firstIndex(where: { $0.min <= input }) {
                return (tiers[matched].points, .tier(matched))
            }
            return (.zero, .tier(nil))
        case let (.ratio(target), .number(input)):
            if input >= target { return (max, .ratio(capped: true)) }
            return (DecimalNumber.quotient(max * input, target, places: pointPlaces), .ratio(capped: false))
        case let (.ratio(target), .fraction(a, b)):
            // 100·a/b ≥ target ⟺ 100·a ≥ target·b (b > 0); one division, at the end.
            if a * DecimalNumber.hundred >= target * b { return (max, .ratio(capped: true)) }
            return (DecimalNumber.quotient(max * a * DecimalNumber.hundred, target * b, places: pointPlaces),
                    .ratio(capped: false))
        case let (.count(per, cap), .count(n)):
            let earned = per * n
            var points = min(earned, max)
            if let cap { points = min(points, cap) }
            return (points, .count(capped: points < earned))
        case let (.deduct(per), .count(n)):
            let left = max - per * n
            return left.isNegative ? (.zero, .deduct(floored: true)) : (left, .deduct(floored: false))
        case let (.percent, .number(input)):
            return (max * input * DecimalNumber(significand: 1, scale: 2), .percent)
        case let (.levels(levels), .level(position)):
            return (levels[position].points, .level(position))
        case let (.manual, .number(input)):
            return (input, .manual)
        default:
            preconditionFailure("input \(value) was not validated for rule \(rule.typeName)")
        }
    }

    // MARK: Bonus and deduction items

    private func scoreItem(_ rule: AdjustmentRule, _ entry: Entry) -> ItemScore {
        guard let value = entry.value else { return ItemScore(points: .zero, input: nil, reason: .missing) }
        switch (rule, value) {
        case let (.count(per, cap), .count(n)):
            let earned = per * n
            let points = cap.map { min(earned, $0) } ?? earned
            return ItemScore(points: points.rounded(places: Scorer.pointPlaces), input: value,
                             reason: .count(capped: points < earned))
        case let (.manual, .number(input)):
            return ItemScore(points: input.rounded(places: Scorer.pointPlaces), input: value, reason: .manual)
        default:
            preconditionFailure("input \(value) was not validated for a bonus or deduction item")
        }
    }
}
