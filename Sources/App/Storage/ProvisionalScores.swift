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

    var scoreClass: ScoreClass { index.classes[score.classPosition] }
}

enum ProvisionalScores {
    /// Every agency of the period, scored by ChiSoCore with a few queries in all.
    static func compute(period: PeriodModel, asOf day: CivilDate, on db: any Database,
                        indexes: IndexCache) async throws -> [ProvisionalScore] {
        let periodID = try period.requireID()
        let assessments = try await AssessmentModel.query(on: db).filter(\.$period.$id == periodID)
            .with(\.$agency).with(\.$indexVersion).all()
        let ids = assessments.compactMap(\.id)
        let entries = Dictionary(grouping: try await CriterionEntry.all(of: ids, on: db), by: \.assessmentID)
        let links = Dictionary(grouping: try await EvidenceLink.all(of: ids, on: db), by: \.assessmentID)
        let figures = try await SourceData.figures(period: period, agencyIDs: assessments.map { $0.$agency.id }, asOf: day, on: db)
        var results: [ProvisionalScore] = []
        for assessment in assessments {
            let id = try assessment.requireID()
            let index = try await indexes.index(for: assessment.indexVersion)
            let counts = Dictionary(grouping: links[id] ?? [], by: \.criterionCode).mapValues(\.count)
            let sources = figures[assessment.$agency.id] ?? SourceFigures(tasks: nil)
            let sheet = AssessmentScoring.selfSheet(index: index, entries: entries[id] ?? [], evidenceCounts: counts, sources: sources)
            let score = Scorer(index: index).score(tags: assessment.agency.tagList, sheet: sheet)
            results.append(ProvisionalScore(assessmentID: id, agency: assessment.agency, index: index, score: score,
                                            sources: sources, rank: 0))
        }
        results.sort { ($0.agency.group, $0.agency.code) < ($1.agency.group, $1.agency.code) }
        let ranking = Ranking.rank(agencies: results.map(\.agency.scoringAgency),
                                   finals: results.map(\.score.final))
        for entry in ranking { results[entry.position].rank = entry.rank }
        return results
    }
}
