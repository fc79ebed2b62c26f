import Testing
@testable import ChiSoCore

/// What every rule, the total, the caps, the classes and the ranking must do
/// for any numbers (spec §3), checked on random ones.
@Suite("Rule and result properties")
struct RulePropertyTests {
    /// A decimal in [0, upTo] with two places.
    static func decimal(_ rng: inout SplitMix, upTo: Int) -> DecimalNumber {
        DecimalNumber(significand: Int128(Int.random(in: 0...upTo * 100, using: &rng)), scale: 2)
    }

    /// Two inputs, the first no larger than the second.
    static func ordered(_ rng: inout SplitMix, upTo: Int) -> (DecimalNumber, DecimalNumber) {
        let a = decimal(&rng, upTo: upTo), b = decimal(&rng, upTo: upTo)
        return a <= b ? (a, b) : (b, a)
    }

    static func points(_ rule: Rule, _ max: DecimalNumber, _ value: InputValue) -> DecimalNumber {
        Scorer.points(rule: rule, max: max, value: value).0
    }

    @Test("More input never gives fewer points, and never more than the leaf's max: ratio, percent, count, tiers")
    func monotone() {
        for seed in 0..<2000 {
            var rng = SplitMix(seed: seed)
            let max = DecimalNumber(Int.random(in: 1...20, using: &rng))
            // ratio, against a target, as a number and as a/b
            let target = DecimalNumber(Int.random(in: 50...150, using: &rng))
            let (a, b) = Self.ordered(&rng, upTo: 200)
            let ratioA = Self.points(.ratio(target: target), max, .number(a)), ratioB = Self.points(.ratio(target: target), max, .number(b))
            #expect(ratioA <= ratioB && ratioB <= max, "ratio seed \(seed)")
            let whole = DecimalNumber(Int.random(in: 1...40, using: &rng))
            let (doneA, doneB) = (DecimalNumber(Int.random(in: 0...40, using: &rng)), DecimalNumber(Int.random(in: 0...40, using: &rng)))
            let (fewer, more) = doneA <= doneB ? (doneA, doneB) : (doneB, doneA)
            #expect(Self.points(.ratio(target: target), max, .fraction(fewer, whole)) <= Self.points(.ratio(target: target), max, .fraction(more, whole)),
                    "fraction seed \(seed)")
            // percent
            let (p, q) = Self.ordered(&rng, upTo: 100)
            let percentP = Self.points(.percent, max, .number(p)), percentQ = Self.points(.percent, max, .number(q))
            #expect(percentP <= percentQ && percentQ <= max, "percent seed \(seed)")
            // count, with and without a cap
            let per = Self.decimal(&rng, upTo: 3)
            let cap: DecimalNumber? = Bool.random(using: &rng) ? Self.decimal(&rng, upTo: 10) : nil
            let (m, n) = (Int.random(in: 0...30, using: &rng), Int.random(in: 0...30, using: &rng))
            let countM = Self.points(.count(per: per, cap: cap), max, .count(Swift.min(m, n)))
            let countN = Self.points(.count(per: per, cap: cap), max, .count(Swift.max(m, n)))
            #expect(countM <= countN && countN <= max && cap.map { countN <= $0 } ?? true, "count seed \(seed)")
            // tiers whose points fall with their min (as a sensible index has them)
            var mins: [DecimalNumber] = [], tierPoints: [DecimalNumber] = []
            var floor = 100, ceiling = max
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                floor -= Int.random(in: 1...30, using: &rng)
                mins.append(DecimalNumber(floor))
                ceiling = Swift.min(ceiling, Self.decimal(&rng, upTo: 20))
                tierPoints.append(ceiling)
            }
            let tiers = Rule.tiers(zip(mins, tierPoints).map { Tier(min: $0, points: $1) })
            let (s, t) = Self.ordered(&rng, upTo: 120)
            #expect(Self.points(tiers, max, .number(s)) <= Self.points(tiers, max, .number(t)), "tiers seed \(seed)")
        }
    }

    @Test("A deduction rule never raises a score: more faults, fewer or equal points, never below 0")
    func deductNeverRaises() {
        for seed in 0..<2000 {
            var rng = SplitMix(seed: seed)
            let max = DecimalNumber(Int.random(in: 1...20, using: &rng))
            let per = Self.decimal(&rng, upTo: 5)
            let (m, n) = (Int.random(in: 0...40, using: &rng), Int.random(in: 0...40, using: &rng))
            let fewer = Self.points(.deduct(per: per), max, .count(Swift.min(m, n)))
            let more = Self.points(.deduct(per: per), max, .count(Swift.max(m, n)))
            #expect(more <= fewer && fewer <= max && more >= .zero, "seed \(seed)")
            #expect(Self.points(.deduct(per: per), max, .count(0)) == max)
        }
    }

    /// A one-leaf index with this rule, evidence required.
    static func oneLeaf(_ rule: String) throws -> Index {
        try IndexReader.read(yaml: """
            id: one
            title: Một tiêu chí
            scale: 10
            classes:
              - {code: A, title: A, min: 0}
            criteria:
              - {code: "1", title: Một, max: 10, rule: \(rule), evidence: required}
            """)
    }

    @Test("Evidence required and none attached: 0 points whatever the input; with evidence, the rule's points")
    func evidenceRequired() throws {
        let cases: [(String, InputValue)] = [
            ("{type: yesno}", .answer(true)), ("{type: ratio}", .number(.hundred)), ("{type: percent}", .number(DecimalNumber(80))),
            ("{type: count, per: 2}", .count(3)), ("{type: deduct, per: 1}", .count(0)), ("{type: manual}", .number(DecimalNumber(7))),
        ]
        for (rule, value) in cases {
            let index = try Self.oneLeaf(rule)
            var sheet = ScoreSheet(for: index)
            sheet[.criterion(0)] = Entry(value: value, evidence: 0)
            let without = Scorer(index: index).score(tags: [], sheet: sheet)
            #expect(without.nodes[0].points == .zero && without.nodes[0].reason == .evidenceMissing && without.final == .zero, "\(rule)")
            sheet[.criterion(0)] = Entry(value: value, evidence: 1)
            let with = Scorer(index: index).score(tags: [], sheet: sheet)
            #expect(with.nodes[0].points == Scorer.points(rule: index.nodes[0].leaf!.rule, max: DecimalNumber(10), value: value).0.rounded(places: 4), "\(rule)")
        }
    }

    @Test("The total and the final, exactly: rescale or not, bonus and deduction capped, the final rounded and never below 0")
    func totals() {
        for seed in 0..<300 {
            let world = RandomWorld(seed: seed)
            guard let report = PropertyTests.report(world, seed) else { continue }
            let index = report.index
            for score in report.scores {
                let expected: DecimalNumber = switch index.naPolicy {
                case .rescale: score.applicableMax.isZero ? .zero : DecimalNumber.quotient(score.raw * index.scale, score.applicableMax, places: 4)
                case .none: score.raw.rounded(places: 4)
                }
                #expect(score.normalized == expected, "seed \(seed)")
                let bonusSum = score.bonusItems.reduce(DecimalNumber.zero) { $0 + $1.points }
                let deductionSum = score.deductionItems.reduce(DecimalNumber.zero) { $0 + $1.points }
                #expect(score.bonus == index.bonusCap.map { Swift.min(bonusSum, $0) } ?? bonusSum, "seed \(seed)")
                #expect(score.deduction == index.deductionCap.map { Swift.min(deductionSum, $0) } ?? deductionSum, "seed \(seed)")
                #expect(score.final == Swift.max(score.normalized + score.bonus - score.deduction, .zero).rounded(places: 2), "seed \(seed)")
            }
        }
    }

    @Test("Classes: the first class (in file order) whose min ≤ final; a higher final never gets a lower class")
    func classification() {
        for seed in 0..<300 {
            let world = RandomWorld(seed: seed)
            guard let report = PropertyTests.report(world, seed) else { continue }
            let classes = report.index.classes
            for score in report.scores {
                let expected = classes.firstIndex { $0.min <= score.final } ?? classes.count - 1
                #expect(score.classPosition == expected, "seed \(seed)")
            }
            // Over the whole range: classes (listed from the highest min down) never go up as the final falls.
            var previous = 0
            for hundredths in stride(from: 10_000, through: 0, by: -37) {
                let final = DecimalNumber(significand: Int128(hundredths), scale: 2)
                let position = classes.firstIndex { $0.min <= final } ?? classes.count - 1
                #expect(position >= previous, "seed \(seed) final \(final)")
                previous = position
            }
        }
    }

    @Test("Tied agencies share a rank, are listed by code, and the next rank skips (1, 2, 2, 4)")
    func ties() {
        for seed in 0..<500 {
            var rng = SplitMix(seed: seed)
            let count = Int.random(in: 1...12, using: &rng)
            let agencies = (0..<count).map { Agency(code: "A\(Int.random(in: 0...99, using: &rng))-\($0)", name: "", group: ["so", "xa"].randomElement(using: &rng)!) }
            // Few distinct finals, so that ties are common.
            let finals = (0..<count).map { _ in DecimalNumber(Int.random(in: 0...3, using: &rng)) }
            let ranking = Ranking.rank(agencies: agencies, finals: finals)
            #expect(ranking.count == count)
            for group in Set(agencies.map(\.group)) {
                let members = ranking.filter { $0.group == group }
                for (offset, entry) in members.enumerated() {
                    let higher = members.filter { finals[$0.position] > finals[entry.position] }.count
                    #expect(entry.rank == higher + 1, "seed \(seed)")
                    if offset > 0 {
                        let before = members[offset - 1]
                        #expect(finals[before.position] > finals[entry.position]
                                || (finals[before.position] == finals[entry.position]
                                    && Ranking.codePointOrder(agencies[before.position].code, agencies[entry.position].code)), "seed \(seed)")
                    }
                }
            }
        }
    }
}
