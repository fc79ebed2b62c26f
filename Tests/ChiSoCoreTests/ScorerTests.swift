import Testing
@testable import ChiSoCore

/// Roll-up, N/A, caps, rescaling and rounding (spec §3).
@Suite("Scoring an agency")
struct ScorerTests {
    /// Two fields of 5: field A has a capped group; field B has an N/A-able part.
    let yaml = indexYAML(caps: "bonusCap: 2\ndeductionCap: 3", criteria: """
    - code: A
      title: Lĩnh vực A
      max: 5
      children:
      - code: A1
        title: Nhóm A1 (tối đa 3, con cộng 4)
        max: 3
        children:
        - {code: A1a, title: a, max: 2, rule: {type: yesno}}
        - {code: A1b, title: b, max: 2, rule: {type: yesno}, evidence: required}
      - {code: A2, title: c, max: 2, rule: {type: percent}, allowNA: true}
    - code: B
      title: Lĩnh vực B
      max: 5
      children:
      - code: B1
        title: Một cửa
        max: 3
        notApplicableFor: [khong-tthc]
        children:
        - {code: B1a, title: d, max: 3, rule: {type: ratio}}
      - {code: B2, title: e, max: 2, rule: {type: manual, step: 0.01}, allowNA: true}
    """, extra: """
    bonus:
    - {code: T1, title: Cờ, rule: {type: count, per: 1.5}}
    - {code: T2, title: Sáng kiến, rule: {type: manual, max: 2, step: 0.5}}
    deductions:
    - {code: K1, title: Phê bình, rule: {type: count, per: 2}}
    - {code: K2, title: Kỷ luật, rule: {type: count, per: 2, cap: 2}}
    """)

    @Test("Everything full: 10 of 10, rescaled to 10")
    func full() throws {
        let index = try parseIndex(yaml)
        let result = try score(index, ["A1a": "có", "A1b": "có", "A2": "100", "B1a": "100", "B2": "2"])
        #expect(result.points(index, "A1") == 3) // 4 capped at the group's max
        #expect(result.nodes[1].reason == .sum(capped: true))
        #expect(result.raw == 10)
        #expect(result.applicableMax == 10)
        #expect(result.final == 10)
        #expect(result.missing.isEmpty)
    }

    @Test("Field shares for the dashboards: percent of each field's applicable maximum, and a group's average where it applies")
    func fieldShares() throws {
        let index = try parseIndex(yaml)
        let full = try score(index, ["A1a": "có", "A1b": "có", "A2": "100", "B1a": "100", "B2": "2"], evidence: ["A1b": 1])
        #expect(FieldShares.of(index, full) == [DecimalNumber(100), DecimalNumber(100)])
        // Field B does not apply to an agency without one-stop procedures that declares B2 N/A.
        let partial = try score(index, tags: ["khong-tthc"], ["A1a": "có", "A1b": "không", "A2": "NA", "B2": "NA"])
        #expect(FieldShares.of(index, partial) == [DecimalNumber("66.7")!, nil])
        let averages = FieldShares.averages([FieldShares.of(index, full), FieldShares.of(index, partial)], fields: 2)
        #expect(averages == [DecimalNumber("83.4")!, DecimalNumber(100)]) // (100 + 66.7) / 2 = 83.35 → 83.4
        #expect(FieldShares.averages([[nil], [nil]], fields: 1) == [nil])
    }

    @Test("Required evidence missing scores 0 and says why")
    func evidenceRequired() throws {
        let index = try parseIndex(yaml)
        let result = try score(index, ["A1a": "0", "A1b": "có", "A2": "50", "B1a": "50", "B2": "1"], evidence: ["A1b": 0])
        let position = index.nodes.firstIndex { $0.code == "A1b" }!
        #expect(result.nodes[position].points == 0)
        #expect(result.nodes[position].reason == .evidenceMissing)
        #expect(ScoreExplanation(index: index, language: .vietnamese).explain(node: position, in: result)
            == "thiếu tài liệu kiểm chứng → 0")
    }

    @Test("N/A by tag drops a group and its leaves; the rest is rescaled")
    func notApplicableByTag() throws {
        let index = try parseIndex(yaml)
        let result = try score(index, tags: ["khong-tthc"], ["A1a": "có", "A1b": "có", "A2": "50", "B1a": "100", "B2": "1"])
        let b1a = index.nodes.firstIndex { $0.code == "B1a" }!
        #expect(!result.nodes[b1a].applicable)
        #expect(result.nodes[b1a].reason == .notApplicableByTag(tag: "khong-tthc", declaredAt: b1a - 1))
        // A: 3 + 1 = 4 of 5; B: only B2, 1 of 2 → raw 5 of 7 → 5 × 10 / 7 = 7.1429.
        #expect(result.raw == 5)
        #expect(result.applicableMax == 7)
        #expect(result.normalized == .of("7.1429"))
        #expect(result.final == .of("7.14"))
    }

    @Test("NA input where allowed drops the leaf; a group with no applicable child is itself N/A")
    func notApplicableByInput() throws {
        let index = try parseIndex(yaml)
        let result = try score(index, tags: ["khong-tthc"], ["A1a": "có", "A1b": "có", "A2": "NA", "B1a": "NA", "B2": "na"])
        let b = index.nodes.firstIndex { $0.code == "B" }!
        #expect(!result.nodes[b].applicable)
        #expect(result.nodes[b].reason == .noApplicableChild)
        // Only A1 counts: 3 of 3 → 10.
        #expect(result.raw == 3)
        #expect(result.applicableMax == 3)
        #expect(result.final == 10)
    }

    @Test("A group's applicable max is min(group max, Σ applicable children's max)")
    func groupApplicableMax() throws {
        let index = try parseIndex(yaml)
        // A2 N/A: A = min(5, 3) = 3.
        let result = try score(index, ["A1a": "có", "A1b": "không", "A2": "NA", "B1a": "0", "B2": "0"])
        let a = index.nodes.firstIndex { $0.code == "A" }!
        #expect(result.nodes[a].applicableMax == 3)
        #expect(result.nodes[a].points == 2)
    }

    @Test("naPolicy none keeps raw; everything N/A gives 0 under rescale")
    func policies() throws {
        let none = try parseIndex(yaml.replacingOccurrences(of: "naPolicy: rescale", with: "naPolicy: none"))
        let result = try score(none, tags: ["khong-tthc"], ["A1a": "có", "A1b": "có", "A2": "50", "B1a": "100", "B2": "1"])
        #expect(result.normalized == 5)
        #expect(result.final == 5)

        let rescale = try parseIndex(yaml)
        let empty = try score(rescale, tags: ["khong-tthc"], ["A1a": "NA", "A1b": "NA", "A2": "NA", "B2": "NA"].filter { $0.key.hasPrefix("A2") || $0.key == "B2" })
        // A1a and A1b are missing (applicable, 0 points), A2 and B2 N/A, B1 N/A by tag.
        #expect(empty.applicableMax == 3)
        #expect(empty.final == 0)
        #expect(empty.missing.map { rescale.nodes[$0].code } == ["A1a", "A1b"])
    }

    @Test("No applicable node at all: normalized 0 under rescale")
    func nothingApplicable() throws {
        let index = try parseIndex(indexYAML(scale: "2", criteria: """
        - {code: A, title: a, max: 2, rule: {type: yesno}, allowNA: true}
        """))
        let result = try score(index, ["A": "NA"])
        #expect(result.applicableMax == 0)
        #expect(result.normalized == 0)
        #expect(result.final == 0)
    }

    @Test("Bonus and deductions are capped; the final never goes below 0")
    func bonusAndDeductionCaps() throws {
        let index = try parseIndex(yaml)
        let inputs = ["A1a": "có", "A1b": "có", "A2": "100", "B1a": "100", "B2": "2"]
        let bonus = try score(index, inputs.merging(["T1": "1", "T2": "1.5"]) { $1 })
        #expect(bonus.bonus == 2) // 1.5 + 1.5 = 3, capped at 2
        #expect(bonus.final == 12)
        let deductions = try score(index, inputs.merging(["K1": "1", "K2": "3"]) { $1 })
        #expect(deductions.deductionItems[1].points == 2) // 3 × 2 capped at the item's cap 2
        #expect(deductions.deduction == 3) // 2 + 2 = 4, capped at 3
        #expect(deductions.final == 7)
        let floor = try score(index, ["K1": "5"])
        #expect(floor.final == 0)
    }

    @Test("Missing caps cap nothing")
    func noCaps() throws {
        let index = try parseIndex(yaml.replacingOccurrences(of: "bonusCap: 2\ndeductionCap: 3", with: ""))
        let result = try score(index, ["T1": "4", "K1": "1"])
        #expect(result.bonus == 6)
        #expect(result.deduction == 2)
    }

    @Test("Leaf points round to 4 places, the final to 2, half away from zero")
    func rounding() throws {
        // percent of max 0.3: 0.3 × 33.335 / 100 = 0.100005 → 0.1000 (4 places);
        // rescale 0.1 × 100 / 0.3 = 33.33333 → 33.3333; final 33.33.
        let index = try parseIndex(indexYAML(scale: "100", criteria: """
        - {code: A, title: a, max: 0.3, rule: {type: percent}}
        - {code: B, title: b, max: 99.7, rule: {type: yesno}, allowNA: true}
        """))
        let result = try score(index, ["A": "33.335", "B": "NA"])
        #expect(result.nodes[0].points == .of("0.1000"))
        #expect(result.normalized == .of("33.3333"))
        #expect(result.final == .of("33.33"))

        // x.xx5 final: 0.125 of 1 with scale 100 → 12.5; percent 12.345 → 12.345 → final 12.35.
        let half = try parseIndex(indexYAML(scale: "100", naPolicy: "none", criteria: """
        - {code: A, title: a, max: 100, rule: {type: percent}}
        """))
        #expect(try score(half, ["A": "12.345"]).final == .of("12.35"))
        #expect(try score(half, ["A": "12.3449"]).final == .of("12.34"))
    }

    @Test("Classes: the first whose min ≤ final")
    func classification() throws {
        let index = try parseIndex(indexYAML(scale: "100", naPolicy: "none", criteria: """
        - {code: A, title: a, max: 100, rule: {type: manual, step: 0.01}}
        """))
        for (input, expected) in [("90", "XS"), ("89.99", "T"), ("80", "T"), ("70", "K"), ("50", "TB"), ("49.99", "Y"), ("0", "Y")] {
            let result = try score(index, ["A": input])
            #expect(index.classes[result.classPosition].code == expected, "\(input)")
        }
    }

    @Test("Explanations say why, in both languages")
    func explanations() throws {
        let index = try parseIndex(indexYAML(scale: "17", criteria: """
        - code: G
          title: g
          max: 17
          children:
          - {code: T, title: t, max: 8, rule: {type: tiers, tiers: [{min: 100, points: 8}, {min: 90, points: 6}]}}
          - {code: R, title: r, max: 2, rule: {type: ratio, target: 80}}
          - {code: C, title: c, max: 2, rule: {type: count, per: 0.5, cap: 1}}
          - {code: D, title: d, max: 3, rule: {type: deduct, per: 0.5}}
          - {code: L, title: l, max: 2, rule: {type: levels, levels: [{code: A, points: 2}, {code: B, points: 1.5}]}, allowNA: true}
        """))
        let result = try score(index, ["T": "95", "R": "1/2", "C": "5", "D": "7", "L": "NA"])
        let vi = ScoreExplanation(index: index, language: .vietnamese)
        let en = ScoreExplanation(index: index, language: .english)
        #expect(vi.explain(node: 1, in: result) == "95 ≥ 90 → 6 điểm")
        #expect(en.explain(node: 1, in: result) == "95 ≥ 90 → 6 points")
        #expect(vi.explain(node: 2, in: result) == "1/2 = 50% so với mục tiêu 80% → 2 × tỷ lệ = 1,25 điểm")
        #expect(vi.explain(node: 3, in: result) == "5 × 0,5, tối đa 1 → 1 điểm")
        #expect(vi.explain(node: 4, in: result) == "3 − 7 × 0,5 < 0 → 0 điểm")
        #expect(vi.explain(node: 5, in: result) == "không áp dụng (đơn vị xác định)")
        #expect(vi.explain(node: 0, in: result) == "tổng các tiêu chí con → 8,25 điểm")
    }
}

@Suite("Entry progress and the stage of a state")
struct EntryProgressTests {
    @Test("Counts the leaves that count, those entered, and the entered ones lacking required evidence")
    func progress() throws {
        let index = try IndexReader.read(yaml: """
            id: t
            title: T
            scale: 10
            classes: [{code: A, title: A, min: 0}]
            criteria:
              - {code: "1", title: Một, max: 4, rule: {type: yesno}, evidence: required}
              - {code: "2", title: Hai, max: 3, rule: {type: yesno}, evidence: required}
              - {code: "3", title: Ba, max: 3, rule: {type: yesno}}
            """)
        let progress = EntryProgress(index: index, score: try score(index, ["1": "có", "2": "có"], evidence: ["1": 0, "2": 1]))
        #expect(progress.leaves == 3)
        #expect(progress.entered == 2)
        #expect(progress.percentEntered == 66)
        #expect(progress.evidenceMissing == ["1"])
    }

    @Test("The score that tells where an assessment stands follows its state")
    func stage() {
        #expect(ScoreStage.current(for: .draft) == .selfAssessed)
        #expect(ScoreStage.current(for: .returned) == .selfAssessed)
        #expect(ScoreStage.current(for: .submitted) == .selfAssessed)
        #expect(ScoreStage.current(for: .appraising) == .appraised)
        #expect(ScoreStage.current(for: .reexamining) == .appraised)
        #expect(ScoreStage.current(for: .finalised) == .final)
        #expect(ScoreStage.current(for: .published) == .final)
    }
}
