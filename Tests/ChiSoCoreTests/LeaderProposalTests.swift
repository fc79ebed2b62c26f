import Testing
@testable import ChiSoCore

@Suite("Proposals for heads and deputies")
struct LeaderProposalTests {
    /// Fields I (40), II (40, II.2 not applicable to tag `khong-tthc`), III (20).
    static let index = try! IndexReader.read(yaml: """
    id: de-xuat
    title: Đề xuất
    scale: 100
    classes:
      - {code: XS, title: Xuất sắc, min: 90, leaderRating: HTXSNV}
      - {code: T, title: Tốt, min: 80, leaderRating: HTTNV}
      - {code: K, title: Khá, min: 50, leaderRating: HTNV}
      - {code: Y, title: Yếu, min: 0, leaderRating: KHTNV}
    criteria:
      - code: "I"
        title: Nhiệm vụ
        max: 40
        children:
          - {code: "1.1", title: A, max: 20, rule: {type: percent}}
          - {code: "1.2", title: B, max: 20, rule: {type: percent}}
      - code: "II"
        title: Cải cách
        max: 40
        children:
          - {code: "2.1", title: C, max: 20, rule: {type: percent}}
          - {code: "2.2", title: D, max: 20, rule: {type: percent}, notApplicableFor: [khong-tthc]}
      - code: "III"
        title: Chấp hành
        max: 20
        children:
          - {code: "3.1", title: E, max: 20, rule: {type: percent}}
    """)

    /// Percent inputs for 1.1, 1.2, 2.1, 2.2, 3.1.
    static func score(_ inputs: [String], tags: [String] = []) -> AgencyScore {
        var sheet = ScoreSheet(for: index)
        for (code, text) in zip(["1.1", "1.2", "2.1", "2.2", "3.1"], inputs) {
            let position = index.nodes.firstIndex { $0.code == code }!
            sheet[.criterion(position)] = Entry(value: try! InputReading.read(text, for: .criterion(position), in: index).get())
        }
        return Scorer(index: index).score(tags: tags, sheet: sheet)
    }

    @Test("The head's proposal follows the class; each deputy's the share of their fields, in bands")
    func bands() {
        // I: 19 + 18 = 37/40 (92,5 %); II: 16 + 16 = 32/40 (80 %); III: 9/20 (45 %). Final 78 → Khá → HTNV.
        let score = Self.score(["95", "90", "80", "80", "45"])
        #expect(score.final == DecimalNumber(78))
        let proposal = LeaderProposal(index: Self.index, score: score, deputies: [
            Deputy(name: "Phó A", fields: ["I"]), Deputy(name: "Phó B", fields: ["II"]), Deputy(name: "Phó C", fields: ["III"]),
            Deputy(name: "Phó D", fields: ["II", "III"]),
        ])
        #expect(proposal.head == .completed)
        // D: II + III = 32 + 9 = 41 of 60 = 68,33 %.
        #expect(proposal.deputies.map(\.share) == [DecimalNumber("92.5"), DecimalNumber(80), DecimalNumber(45), DecimalNumber("68.33")])
        #expect(proposal.deputies.map(\.byShare) == [.excellent, .good, .notCompleted, .completed])
        // Never above the head's HTNV.
        #expect(proposal.deputies.map(\.proposed) == [.completed, .completed, .notCompleted, .completed])
        #expect(proposal.deputies.map(\.cappedByHead) == [true, true, false, false])
    }

    @Test("A field that does not apply is left out of the share; unknown codes are reported; nested fields count once")
    func applicability() {
        // With khong-tthc, 2.2 drops out: II is 2.1 only, 18/20 = 90 %.
        let score = Self.score(["100", "100", "90", "0", "100"], tags: ["khong-tthc"])
        let proposal = LeaderProposal(index: Self.index, score: score, deputies: [
            Deputy(name: "Phó B", fields: ["II"]), Deputy(name: "Phó E", fields: ["I", "1.1", "X.9"]), Deputy(name: "Phó F", fields: ["2.2"]),
        ])
        #expect(proposal.head == .excellent)
        #expect(proposal.deputies[0].share == DecimalNumber(90))
        #expect(proposal.deputies[0].proposed == .excellent)
        #expect(proposal.deputies[1].possible == DecimalNumber(40)) // I once, not I + 1.1
        #expect(proposal.deputies[1].unknownFields == ["X.9"])
        #expect(proposal.deputies[2].share == nil) // only a field that does not apply
        #expect(proposal.deputies[2].proposed == nil)
    }

    @Test("Ratings order best first")
    func order() {
        #expect(IndividualRating.excellent < .good && IndividualRating.good < .completed && IndividualRating.completed < .notCompleted)
        #expect(IndividualRating(rawValue: "HTTNV")?.title(.vietnamese) == "Hoàn thành tốt nhiệm vụ")
    }
}
