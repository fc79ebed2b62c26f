import Testing
@testable import ChiSoCore

@Suite("Ranking within groups")
struct RankingTests {
    func agencies(_ specs: [(String, String)]) -> [Agency] {
        specs.map { Agency(code: $0.0, name: $0.0, group: $0.1) }
    }

    @Test("Ties share a rank and the next rank skips: 1, 2, 2, 4")
    func competitionRanking() {
        let list = agencies([("A", "so"), ("B", "so"), ("C", "so"), ("D", "so")])
        let finals: [DecimalNumber] = [.of("90"), .of("85.5"), .of("85.50"), .of("70")]
        let ranking = Ranking.rank(agencies: list, finals: finals)
        #expect(ranking.map(\.rank) == [1, 2, 2, 4])
        #expect(ranking.map { list[$0.position].code } == ["A", "B", "C", "D"])
    }

    @Test("Equal finals are listed by code in code-point order")
    func tieOrder() {
        // Code-point order: "SO-10" < "SO10" ('-' is 0x2D), "Z" < "a" < "Đ".
        let list = agencies([("Đ1", "x"), ("a", "x"), ("SO10", "x"), ("Z", "x"), ("SO-10", "x")])
        let finals = Array(repeating: DecimalNumber.of("50"), count: list.count)
        let ranking = Ranking.rank(agencies: list, finals: finals)
        #expect(ranking.map { list[$0.position].code } == ["SO-10", "SO10", "Z", "a", "Đ1"])
        #expect(ranking.allSatisfy { $0.rank == 1 })
    }

    @Test("Groups come in first-seen order; each is ranked on its own")
    func groups() {
        let list = agencies([("X1", "xa"), ("S1", "so"), ("X2", "xa"), ("S2", "so"), ("X3", "xa")])
        let finals: [DecimalNumber] = [.of("10"), .of("20"), .of("30"), .of("20"), .of("30")]
        let ranking = Ranking.rank(agencies: list, finals: finals)
        #expect(ranking.map(\.group) == ["xa", "xa", "xa", "so", "so"])
        #expect(ranking.map { list[$0.position].code } == ["X2", "X3", "X1", "S1", "S2"])
        #expect(ranking.map(\.rank) == [1, 1, 3, 1, 1])
    }
}

@Suite("A year from its quarters or months")
struct PeriodRollupTests {
    @Test("Sum and average of the sub-periods' finals; nothing while one has no final")
    func rollup() {
        let quarters: [DecimalNumber?] = [DecimalNumber("80.25")!, DecimalNumber("81")!, DecimalNumber("79.5")!,
                                          DecimalNumber("82.26")!]
        #expect(PeriodRollup.sum.figure(of: quarters) == DecimalNumber("323.01"))
        // 323,01 / 4 = 80,7525 → 80,75
        #expect(PeriodRollup.average.figure(of: quarters) == DecimalNumber("80.75"))
        #expect(PeriodRollup.average.figure(of: [DecimalNumber("80")!, nil]) == nil)
        #expect(PeriodRollup.sum.figure(of: []) == nil)
    }
}
