import Testing
@testable import ChiSoCore

/// Each rule type at its boundaries (spec §1, "Leaf rules").
@Suite("Leaf rules")
struct RuleTests {
    /// Reads `text` for `rule` and scores it, rounded as the scorer does.
    func points(_ rule: Rule, max: String, _ text: String) throws -> DecimalNumber {
        let value = try InputReading.read(text, rule: rule, max: .of(max)).get()
        return Scorer.points(rule: rule, max: .of(max), value: value).0.rounded(places: 4)
    }

    func problem(_ rule: Rule, max: String, _ text: String) -> String? {
        if case let .failure(problem) = InputReading.read(text, rule: rule, max: .of(max)) { return problem.english }
        return nil
    }

    @Test("yes/no words in any case, after normalisation", arguments: [
        ("1", true), ("0", false), ("yes", true), ("No", false), ("có", true), ("CÓ", true), ("không", false),
        ("KHÔNG", false), ("true", true), ("FALSE", false), ("đạt", true), ("Đạt", true), ("không đạt", false),
        ("Không Đạt", false),
        // Decomposed forms (o + combining acute, d-stroke + a + combining dot below).
        ("co\u{301}", true), ("đa\u{323}t", true), ("kho\u{302}ng", false),
    ])
    func yesno(text: String, yes: Bool) throws {
        #expect(try points(.yesno, max: "2", text) == (yes ? 2 : 0))
    }

    @Test func yesnoRejectsOtherWords() {
        #expect(problem(.yesno, max: "2", "có lẽ") != nil)
        #expect(problem(.yesno, max: "2", "2") != nil)
        #expect(problem(.yesno, max: "2", "1.0") != nil)
    }

    let tiers = Rule.tiers([Tier(min: .of("100"), points: .of("8")), Tier(min: .of("90"), points: .of("6")),
                            Tier(min: .of("80"), points: .of("4"))])

    @Test("Tiers: the first tier whose min ≤ input", arguments: [
        ("100", "8"), ("120", "8"), ("99.99", "6"), ("90", "6"), ("89,99", "4"), ("80", "4"), ("79.99", "0"),
        ("0", "0"), ("-5", "0"),
    ])
    func tiers(input: String, expected: String) throws {
        #expect(try points(tiers, max: "8", input) == .of(expected))
    }

    @Test func tiersTakeNumbersOnly() {
        #expect(problem(tiers, max: "8", "khoảng 90") != nil)
        #expect(problem(tiers, max: "8", "9/10") != nil)
    }

    @Test("Ratio: max × min(input / target, 1), a/b meaning 100·a/b", arguments: [
        ("100", "8", "8"), ("87.5", "8", "7"), ("120", "8", "8"), ("0", "8", "0"), ("7/8", "8", "7"),
        ("9/8", "8", "8"), ("1/3", "1", "0.3333"), ("2/3", "1", "0.6667"), ("0/5", "8", "0"), ("5 / 15", "3", "1"),
        ("80", "2", "1.6"), ("33,3", "1", "0.333"),
    ])
    func ratio(input: String, max: String, expected: String) throws {
        #expect(try points(.ratio(target: .hundred), max: max, input) == .of(expected))
    }

    @Test func ratioAgainstTarget() throws {
        // Target 80%: 60% of it is 3/4 of the max; reaching 80% gives full points.
        #expect(try points(.ratio(target: .of("80")), max: "2", "60") == .of("1.5"))
        #expect(try points(.ratio(target: .of("80")), max: "2", "80") == 2)
        #expect(try points(.ratio(target: .of("50")), max: "0.5", "1/19") == .of("0.0526"))
        // One division at the end: 0.15 × (100·1/16) / 30 = 0.03125 → 0.0313 (not 0.0312).
        #expect(try points(.ratio(target: .of("30")), max: "0.15", "1/16") == .of("0.0313"))
    }

    @Test func ratioRefusals() {
        #expect(problem(.ratio(target: .hundred), max: "8", "-1") != nil)
        #expect(problem(.ratio(target: .hundred), max: "8", "1/0") != nil)
        #expect(problem(.ratio(target: .hundred), max: "8", "-1/2") != nil)
        #expect(problem(.ratio(target: .hundred), max: "8", "1/-2") != nil)
        #expect(problem(.ratio(target: .hundred), max: "8", "a/b") != nil)
    }

    @Test("Count: min(input × per, cap, max)", arguments: [
        ("0", "0"), ("1", "0.5"), ("3", "1.5"), ("4", "2"), ("9", "2"), ("2.0", "1"), ("2,0", "1"),
    ])
    func count(input: String, expected: String) throws {
        #expect(try points(.count(per: .of("0.5"), cap: .of("2")), max: "3", input) == .of(expected))
    }

    @Test func countCappedByMaxWithoutCap() throws {
        #expect(try points(.count(per: .of("1"), cap: nil), max: "3", "7") == 3)
    }

    @Test func countRefusals() {
        #expect(problem(.count(per: 1, cap: nil), max: "3", "-1") == "a count cannot be negative (-1)")
        #expect(problem(.count(per: 1, cap: nil), max: "3", "1.5") != nil)
        #expect(problem(.count(per: 1, cap: nil), max: "3", "hai") != nil)
    }

    @Test("Deduct: max(max − input × per, 0)", arguments: [("0", "3"), ("1", "2.5"), ("5", "0.5"), ("6", "0"), ("40", "0")])
    func deduct(input: String, expected: String) throws {
        #expect(try points(.deduct(per: .of("0.5")), max: "3", input) == .of(expected))
    }

    @Test("Percent: max × input / 100", arguments: [("0", "0"), ("100", "3"), ("87.5", "2.625"), ("33.333", "1")])
    func percent(input: String, expected: String) throws {
        // 3 × 33.333 / 100 = 0.99999 → 1.0000 at 4 places.
        #expect(try points(.percent, max: "3", input) == .of(expected))
    }

    @Test func percentOutsideRange() {
        #expect(problem(.percent, max: "3", "100.01") != nil)
        #expect(problem(.percent, max: "3", "-0.5") != nil)
    }

    @Test func levels() throws {
        let rule = Rule.levels([Level(code: "A", points: 4), Level(code: "B", points: .of("3.5")), Level(code: "D", points: 0)])
        #expect(try points(rule, max: "4", "A") == 4)
        #expect(try points(rule, max: "4", "B") == .of("3.5"))
        #expect(try points(rule, max: "4", "D") == 0)
        #expect(problem(rule, max: "4", "a") != nil) // level codes match exactly
        #expect(problem(rule, max: "4", "C") != nil)
    }

    @Test("Manual: in [0, max] and a multiple of step")
    func manual() throws {
        let rule = Rule.manual(step: .of("0.25"))
        #expect(try points(rule, max: "2", "1.75") == .of("1.75"))
        #expect(try points(rule, max: "2", "2") == 2)
        #expect(try points(rule, max: "2", "0") == 0)
        #expect(problem(rule, max: "2", "1.3") == "1.3 is not a multiple of the step 0.25")
        #expect(problem(rule, max: "2", "2.25") != nil)
        #expect(problem(rule, max: "2", "-0.25") != nil)
        // Default step 0.01.
        #expect(try points(.manual(step: Rule.defaultStep), max: "2", "1,23") == .of("1.23"))
        #expect(problem(.manual(step: Rule.defaultStep), max: "2", "1.234") != nil)
    }

    @Test("NA in any letter case reads as not applicable", arguments: ["NA", "na", "Na", "nA"])
    func notApplicable(text: String) throws {
        #expect(try InputReading.read(text, rule: .yesno, max: 1).get() == .notApplicable)
        #expect(try InputReading.read(text, rule: .percent, max: 1).get() == .notApplicable)
    }

    @Test func bonusItemsRefuseNA() {
        guard case .failure = InputReading.read("NA", rule: AdjustmentRule.count(per: 1, cap: nil)) else {
            Issue.record("NA accepted for a bonus item")
            return
        }
    }
}
