/// Every agency of a list scored on one index and ranked within its group:
/// what `chiso score` prints and what result pages will show.
public struct ScoreReport: Sendable {
    public let index: Index
    public let agencies: [Agency]
    /// By agency position. When the report was made without breakdowns,
    /// each score's ``AgencyScore/nodes`` and item lists are empty.
    public let scores: [AgencyScore]
    /// Grouped (groups in first-seen order) and ranked.
    public let ranking: [Ranking.Entry]

    public init(index: Index, agencies: [Agency], sheets: [ScoreSheet], keepBreakdown: Bool = true) {
        precondition(agencies.count == sheets.count)
        let scorer = Scorer(index: index)
        var scores: [AgencyScore] = []
        scores.reserveCapacity(agencies.count)
        for (agency, sheet) in zip(agencies, sheets) {
            var score = scorer.score(tags: agency.tags, sheet: sheet)
            if !keepBreakdown {
                score.nodes = []
                score.bonusItems = []
                score.deductionItems = []
            }
            scores.append(score)
        }
        self.index = index
        self.agencies = agencies
        self.scores = scores
        self.ranking = Ranking.rank(agencies: agencies, finals: scores.map(\.final))
    }

    /// `INPUTS.csv: agency SNV: no input for 2.3.1`, one per applicable leaf
    /// without input, in list order.
    public func missingInputWarnings(file: String, language: Language = .english) -> [String] {
        var lines: [String] = []
        for (agency, score) in zip(agencies, scores) {
            for position in score.missing {
                let code = index.nodes[position].code
                lines.append(ScoreReportText.missingInput.text(language, file, agency.code, code))
            }
        }
        return lines
    }
}
