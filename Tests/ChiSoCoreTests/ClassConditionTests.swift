import Testing
@testable import ChiSoCore

/// Class conditions (`requires`, spec §1 and §3.5) and the `submission.late` source (§4).
@Suite("Class conditions")
struct ClassConditionTests {
    /// An index whose top class requires full points on group G (leaves A, B) and no points on deduction D2.
    static let yaml = """
        id: t
        title: t
        scale: 10
        deductionCap: 5
        classes:
          - code: XS
            title: Xuất sắc
            min: 9
            requires:
              - {code: G, minShare: 100}
              - {code: D2, maxPoints: 0}
          - {code: T, title: Tốt, min: 8, requires: [{code: A, minShare: "87,5"}]}
          - {code: K, title: Khá, min: 0}
        criteria:
          - code: G
            title: g
            max: 8
            children:
              - {code: A, title: a, max: 4, rule: {type: manual}, allowNA: true}
              - {code: B, title: b, max: 4, rule: {type: manual}}
          - {code: C, title: c, max: 2, rule: {type: yesno}}
        bonus:
          - {code: B1, title: b1, rule: {type: count, per: 1, cap: 2}}
        deductions:
          - {code: D1, title: d1, rule: {type: count, per: 0.5}, source: submission.late}
          - {code: D2, title: d2, rule: {type: count, per: 1}}
        """

    func score(_ inputs: [String: String]) throws -> (Index, AgencyScore) {
        let index = try IndexReader.read(yaml: Self.yaml)
        var sheet = ScoreSheet(for: index)
        let items = index.itemsByCode()
        for (code, text) in inputs {
            sheet[items[code]!] = Entry(value: try InputReading.read(text, for: items[code]!, in: index).get(), evidence: 0)
        }
        return (index, Scorer(index: index).score(tags: [], sheet: sheet))
    }

    @Test("The first class whose min and conditions hold; the class by score and the failed conditions are kept")
    func classification() throws {
        // Full marks, no deduction: XS.
        var (index, result) = try score(["A": "4", "B": "4", "C": "có"])
        #expect(index.classes[result.classPosition].code == "XS" && result.failedConditions.isEmpty)
        // 10 − 2 (D2) = 8: the score reaches T only, and T's condition holds; no condition moved it down.
        (index, result) = try score(["A": "4", "B": "4", "C": "có", "D2": "2"])
        #expect(result.final == 8 && index.classes[result.classPosition].code == "T" && result.classByScore == 1)
        #expect(result.failedConditions.isEmpty)
        // 10 + 1 − 1 (D2) = 10 ≥ 9, but D2 has points: moved down to T.
        (index, result) = try score(["A": "4", "B": "4", "C": "có", "B1": "1", "D2": "1"])
        #expect(result.final == 10 && result.classByScore == 0 && index.classes[result.classPosition].code == "T")
        #expect(result.failedConditions == [FailedCondition(classPosition: 0, condition: 1)])
        // A = 3 of 4 (75 % < 87.5 %) and G short: fails XS on G, then T on A: Khá despite 9.
        (index, result) = try score(["A": "3", "B": "4", "C": "có"])
        #expect(result.final == 9 && index.classes[result.classPosition].code == "K")
        #expect(result.failedConditions == [FailedCondition(classPosition: 0, condition: 0), FailedCondition(classPosition: 1, condition: 0)])
        let why = ScoreExplanation(index: index, language: .vietnamese).explainClass(in: result)
        #expect(why == "điểm 9 đạt mức Xuất sắc (từ 9 điểm) nhưng chưa đáp ứng điều kiện: tiêu chí G đạt 7/8 điểm, cần ít nhất 100%; tiêu chí A đạt 3/4 điểm, cần ít nhất 87,5% → xếp loại Khá")
        let english = ScoreExplanation(index: index, language: .english).explainClass(in: result)
        #expect(english == "a final of 9 reaches Xuất sắc (from 9 points) but a condition is not met: criterion G has 7 of 8 points, at least 100% needed; criterion A has 3 of 4 points, at least 87.5% needed → class Khá")
    }

    @Test("minShare holds on a criterion that is N/A for the agency, and compares with its applicable max")
    func notApplicable() throws {
        // A is N/A: G's applicable max is 4 (B), B has 4 → 100 %; the score is rescaled to 10.
        let (index, result) = try score(["A": "NA", "B": "4", "C": "có"])
        #expect(result.final == 10 && index.classes[result.classPosition].code == "XS")
        #expect(ScoreExplanation(index: index, language: .vietnamese).explainClass(in: result) == nil)
    }

    @Test("maxPoints compares the item's own points, before the cap on the total")
    func beforeCap() throws {
        let index = try IndexReader.read(yaml: Self.yaml.replacingOccurrences(of: "{code: D2, maxPoints: 0}", with: "{code: D2, maxPoints: 4}")
            .replacingOccurrences(of: "deductionCap: 5", with: "deductionCap: 0"))
        var sheet = ScoreSheet(for: index)
        for (code, value) in [("A", InputValue.number(4)), ("B", .number(4)), ("C", .answer(true)), ("D2", .count(5))] {
            sheet[index.itemsByCode()[code]!] = Entry(value: value)
        }
        let result = Scorer(index: index).score(tags: [], sheet: sheet)
        // The cap of 0 leaves the final at 10, but D2's own 5 points exceed 4.
        #expect(result.final == 10 && result.deduction == 0 && index.classes[result.classPosition].code == "T")
    }

    func problems(_ requires: String, onLast: Bool = false) -> [String] {
        var yaml = Self.yaml.replacingOccurrences(of: "[{code: A, minShare: \"87,5\"}]", with: requires)
        if onLast { yaml = yaml.replacingOccurrences(of: "{code: K, title: Khá, min: 0}", with: "{code: K, title: Khá, min: 0, requires: [{code: A, minShare: 50}]}") }
        do {
            _ = try IndexReader.read(yaml: yaml)
            return []
        } catch {
            return error.problems.map { "\($0.line) \($0.subject) \($0.code)" }
        }
    }

    @Test("Every refused condition is reported with its line and class, in both languages")
    func validation() throws {
        #expect(problems("[{code: ZZ, minShare: 50}]") == ["12 class T, condition ZZ unknown-condition-code"])
        #expect(problems("[{code: D2, minShare: 50}]") == ["12 class T, condition D2 condition-kind"])
        #expect(problems("[{code: A, maxPoints: 1}]") == ["12 class T, condition A condition-kind"])
        #expect(problems("[{code: A, minShare: 50, maxPoints: 1}]") == ["12 class T, condition A condition-test"])
        #expect(problems("[{code: A}]") == ["12 class T, condition A condition-test"])
        #expect(problems("[{minShare: 50}]") == ["12 class T missing-field"])
        #expect(problems("[{code: A, minShare: 0}]") == ["12 class T, condition A zero"])
        #expect(problems("[{code: A, minShare: 101}]") == ["12 class T, condition A condition-share"])
        #expect(problems("[{code: D2, maxPoints: -1}]") == ["12 class T, condition D2 negative-number"])
        #expect(problems("[{code: A, minShar: 50}]") == ["12 class T, condition A unknown-field", "12 class T, condition A condition-test"])
        #expect(problems("A") == ["12 class T not-a-list"])
        #expect(problems("[{code: A, minShare: 50}]", onLast: true) == ["13 class K requires-on-last-class"])
        // Both languages name the condition's code.
        let yaml = Self.yaml.replacingOccurrences(of: "[{code: A, minShare: \"87,5\"}]", with: "[{code: ZZ, minShare: 50}]")
        #expect(throws: IndexProblems.self) { try IndexReader.read(yaml: yaml) }
        do { _ = try IndexReader.read(yaml: yaml) } catch {
            #expect(error.problems[0].formatted(file: "i.yaml") == "i.yaml:12: class T, condition ZZ: the condition names ZZ, which is no criterion, bonus or deduction item of this index")
            #expect(error.problems[0].message(.vietnamese).contains("ZZ"))
        }
    }

    @Test("submission.late: 1 for a first submission after the deadline, 0 before, nothing before any submission")
    func submissionLate() throws {
        let index = try IndexReader.read(yaml: Self.yaml)
        let late = index.deductions[0]
        #expect(late.source == .submissionLate)
        #expect(SourceFigures(tasks: nil).input(for: late) == nil)
        #expect(SourceFigures(tasks: nil, submittedLate: true).input(for: late) == .count(1))
        #expect(SourceFigures(tasks: nil, submittedLate: false).input(for: late) == .count(0))
        let deadlines = WorkflowDeadlines(selfAssessment: .init(timeIntervalSince1970: 1000), explanation: .init(timeIntervalSince1970: 5000),
                                          exceptionUntil: .init(timeIntervalSince1970: 3000))
        #expect(!deadlines.isLate(firstSubmission: .init(timeIntervalSince1970: 1000)))
        #expect(deadlines.isLate(firstSubmission: .init(timeIntervalSince1970: 1001)))  // an exception lets it in, late all the same
        // In a stored sheet, a sourced item takes the figure (not anything typed), until appraised; the final takes only the decision.
        let typed = [StoredInput(code: "D1", selfInput: "0", appraisedInput: nil, appraised: false)]
        let sources = SourceFigures(tasks: nil, submittedLate: true)
        let own = ScoreSheet.stored(.selfAssessed, index: index, inputs: typed, evidenceCounts: [:], sources: sources)
        #expect(own[.deduction(0)].value == .count(1))
        let final = ScoreSheet.stored(.final, index: index, inputs: typed, evidenceCounts: [:], sources: sources)
        #expect(final[.deduction(0)].value == nil)
        let decided = [StoredInput(code: "D1", selfInput: nil, appraisedInput: "1", appraised: true)]
        #expect(ScoreSheet.stored(.final, index: index, inputs: decided, evidenceCounts: [:], sources: sources)[.deduction(0)].value == .count(1))
    }

    @Test("Adding conditions never raises a class (random indexes, inputs and conditions)")
    func conditionsNeverRaise() throws {
        var checked = 0, movedDown = 0
        for seed in 0..<200 {
            let world = RandomWorld(seed: seed)
            guard let original = try? IndexReader.read(yaml: world.yaml),
                  let sheets = try? InputsReader.read(Array(world.inputCSV(world.rows).utf8), index: original, agencies: world.agencies) else {
                Issue.record("seed \(seed): the random world does not read")
                continue
            }
            // Class minimums spread evenly over the scale, so that agencies reach every class.
            var base = original
            let count = base.classes.count
            for position in base.classes.indices {
                base.classes[position].min = DecimalNumber.quotient(base.scale * DecimalNumber(count - 1 - position), DecimalNumber(count), places: 2)
            }
            let report = ScoreReport(index: base, agencies: world.agencies, sheets: sheets)
            var rng = SplitMix(seed: seed + 77)
            var index = base
            let targets: [ItemReference] = index.nodes.indices.map { .criterion($0) } + index.bonus.indices.map { .bonus($0) }
                + index.deductions.indices.map { .deduction($0) }
            for position in index.classes.indices.dropLast() {
                for _ in 0..<Int.random(in: 1...3, using: &rng) {
                    let target = targets.randomElement(using: &rng)!
                    let test: ClassCondition.Test = if case .criterion = target {
                        .minShare([DecimalNumber(100), DecimalNumber(100), DecimalNumber(50), .of("87.5")].randomElement(using: &rng)!)
                    } else {
                        .maxPoints([DecimalNumber.zero, DecimalNumber(1), .of("0.5")].randomElement(using: &rng)!)
                    }
                    index.classes[position].requires.append(ClassCondition(code: "?", target: target, test: test))
                }
            }
            let conditioned = ScoreReport(index: index, agencies: world.agencies, sheets: sheets)
            for (before, after) in zip(report.scores, conditioned.scores) {
                checked += 1
                #expect(after.final == before.final, "seed \(seed)")
                #expect(after.classByScore == before.classPosition, "seed \(seed)")
                #expect(after.classPosition >= before.classPosition, "seed \(seed): a condition raised a class")
                #expect(index.classes[after.classPosition].min <= after.final, "seed \(seed)")
                let holdsAll = index.classes[after.classPosition].requires.allSatisfy {
                    Scorer.holds($0, after.nodes, after.bonusItems, after.deductionItems)
                }
                #expect(holdsAll, "seed \(seed): the class given has a failed condition")
                if after.classPosition > before.classPosition {
                    movedDown += 1
                    #expect(!after.failedConditions.isEmpty, "seed \(seed)")
                }
            }
        }
        #expect(checked > 500)
        #expect(movedDown * 10 > checked, "conditions moved too few agencies down (\(movedDown) of \(checked)) for the test to mean anything")
    }
}
