import ChiSoCore
import Fluent
import Foundation

/// The final results of one group of a period: every finalised (or
/// published) assessment scored by ChiSoCore from its final inputs, ranked
/// within the group, as `chiso score` would rank the same inputs.
struct GroupResults: Sendable {
    struct Member: Sendable {
        var agency: AgencyModel
        var assessment: AssessmentModel
        var entries: [CriterionEntry]
        var evidenceCounts: [String: Int]
        /// The final inputs (what the appraisers decided), as ChiSoCore reads them.
        var sheet: ScoreSheet
    }

    var group: String
    var index: Index
    var indexVersion: IndexVersionModel
    /// In the order of ``report``'s agencies (by code).
    var members: [Member]
    /// Assessments of the group without a final result yet.
    var pending: [AssessmentModel]
    var report: ScoreReport

    func position(of agencyID: UUID) -> Int? { members.firstIndex { $0.agency.id == agencyID } }

    func rank(of position: Int) -> Int { report.ranking.first { $0.position == position }?.rank ?? 0 }

    /// Positions of the members, best first.
    var ranked: [Ranking.Entry] { report.ranking }

    /// The agency list of spec §2 for these members.
    var agencies: [Agency] { report.agencies }
}

enum PeriodResults {
    static let finalStates: Set<String> = [AssessmentState.finalised.rawValue, AssessmentState.published.rawValue]

    /// Every group of the period (by group code), with its members' final results.
    static func load(period: PeriodModel, on db: any Database, indexes: IndexCache) async throws -> [GroupResults] {
        let periodID = try period.requireID()
        let assignments = try await PeriodIndexModel.query(on: db).filter(\.$period.$id == periodID).with(\.$indexVersion)
            .sort(\.$group).all()
        let assessments = try await AssessmentModel.query(on: db).filter(\.$period.$id == periodID).with(\.$agency).all()
        let finals = assessments.filter { finalStates.contains($0.state) }
        let ids = finals.compactMap(\.id)
        let entries = Dictionary(grouping: try await CriterionEntry.all(of: ids, on: db), by: \.assessmentID)
        let links = Dictionary(grouping: try await EvidenceLink.all(of: ids, on: db), by: \.assessmentID)
        var groups: [GroupResults] = []
        for assignment in assignments {
            let index = try await indexes.index(for: assignment.indexVersion)
            var members: [GroupResults.Member] = []
            for assessment in finals.filter({ $0.agency.group == assignment.group }).sorted(by: { Ranking.codePointOrder($0.agency.code, $1.agency.code) }) {
                let id = try assessment.requireID()
                let counts = Dictionary(grouping: links[id] ?? [], by: \.criterionCode).mapValues(\.count)
                let sheet = AssessmentScoring.appraisedSheet(index: index, entries: entries[id] ?? [], evidenceCounts: counts,
                                                             sources: SourceFigures(tasks: nil))
                members.append(.init(agency: assessment.agency, assessment: assessment, entries: entries[id] ?? [], evidenceCounts: counts,
                                     sheet: sheet))
            }
            let report = ScoreReport(index: index, agencies: members.map { $0.agency.scoringAgency }, sheets: members.map(\.sheet))
            let pending = assessments.filter { $0.agency.group == assignment.group && !finalStates.contains($0.state) }
            groups.append(GroupResults(group: assignment.group, index: index, indexVersion: assignment.indexVersion, members: members,
                                       pending: pending, report: report))
        }
        return groups
    }

    /// The same kind of period a year earlier (Q3 2025 for Q3 2026), if published: for "change since".
    static func previous(of period: PeriodModel, on db: any Database) async throws -> PeriodModel? {
        var query = PeriodModel.query(on: db).filter(\.$kind == period.kind).filter(\.$year == period.year - 1).filter(\.$status == .published)
        if let number = period.number { query = query.filter(\.$number == number) }
        return try await query.first()
    }
}

extension AgencyModel {
    /// The agency as ChiSoCore scores it.
    var scoringAgency: Agency { Agency(code: code, name: name, group: group, tags: tagList) }
}
