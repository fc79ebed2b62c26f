import ChiSoCore
import Fluent
import Foundation

/// An agency's score in a period from the data as they stand on a day:
/// what it entered so far, and the figures of sourced criteria.
struct ProvisionalScore: Sendable {
    var assessmentID: UUID
    var agency: AgencyModel
    var index: Index
    var score: AgencyScore
    /// What the data give its sourced criteria.
    var sources: SourceFigures
    var tasks: TaskTally? { sources.tasks }
    /// Rank within the agency's group, among every agency of the period.
    var rank: Int
    /// The data sets its sourced criteria read that are not yet declared complete (the score is provisional on them).
    var pending: [SourceDataSet] = []

    var scoreClass: ScoreClass { index.classes[score.classPosition] }
}

enum ProvisionalScores {
    /// Every agency of the period, scored by ChiSoCore on what it entered and the data as of `day`; an assessment
    /// closed without a result (its agency left the period) is not ranked.
    static func compute(period: PeriodModel, asOf day: CivilDate, store: AssessmentStore) async throws -> [ProvisionalScore] {
        let ranked = Set(AssessmentState.allCases.filter { $0 != .closed })
        var results = try await store.period(period, states: ranked, sourcesAsOf: day).map { record in
            ProvisionalScore(assessmentID: record.id, agency: record.agency, index: record.index, score: record.score(.selfAssessed),
                             sources: record.sources, rank: 0, pending: record.declarations.undeclared(of: record.index))
        }
        results.sort { ($0.agency.group, $0.agency.code) < ($1.agency.group, $1.agency.code) }
        let ranking = Ranking.rank(agencies: results.map(\.agency.scoringAgency),
                                   finals: results.map(\.score.final))
        for entry in ranking { results[entry.position].rank = entry.rank }
        return results
    }
}
