import ChiSoCore
import Fluent
import Foundation

/// The final results of one group of a period: every finalised (or
/// published) assessment scored by ChiSoCore from its final inputs, ranked
/// within the group, as `chiso score` would rank the same inputs.
struct GroupResults: Sendable {
    struct Member: Sendable {
        var record: AssessmentRecord
        /// The final inputs (what the council decided), as ChiSoCore reads them.
        var sheet: ScoreSheet

        var agency: AgencyModel { record.agency }
        var assessment: AssessmentModel { record.model }
        var entries: [CriterionEntry] { record.entries }
        var evidenceCounts: [String: Int] { record.evidenceCounts }
    }

    var group: String
    var index: Index
    var indexVersion: IndexVersionModel
    /// In the order of ``report``'s agencies (by code).
    var members: [Member]
    /// Assessments of the group without a final result yet.
    var pending: [AssessmentModel]
    /// Assessments of the group closed without a result (the agency left the period): not ranked, and said so.
    var closed: [AssessmentModel] = []
    var report: ScoreReport

    func position(of agencyID: UUID) -> Int? { members.firstIndex { $0.agency.id == agencyID } }

    func rank(of position: Int) -> Int { report.ranking.first { $0.position == position }?.rank ?? 0 }

    /// Positions of the members, best first.
    var ranked: [Ranking.Entry] { report.ranking }

    /// The agency list of spec §2 for these members.
    var agencies: [Agency] { report.agencies }
}

enum PeriodResults {
    /// Every group of the period (by group code), with its members' final results.
    static func load(period: PeriodModel, store: AssessmentStore) async throws -> [GroupResults] {
        let periodID = try period.requireID()
        let assignments = try await PeriodIndexModel.query(on: store.database.db).filter(\.$period.$id == periodID).with(\.$indexVersion)
            .sort(\.$group).all()
        let finalStates = AssessmentState.allCases.filter(\.hasFinalResult)
        let finals = try await store.period(period, states: Set(finalStates))
        let unfinished = try await AssessmentModel.query(on: store.database.db).filter(\.$period.$id == periodID)
            .filter(\.$state !~ finalStates.map(\.rawValue)).with(\.$agency).all()
        let pending = unfinished.filter { $0.state != AssessmentState.closed.rawValue }
        let closed = unfinished.filter { $0.state == AssessmentState.closed.rawValue }
        var groups: [GroupResults] = []
        for assignment in assignments {
            let index = try await store.indexes.index(for: assignment.indexVersion)
            let members = finals.filter { $0.agency.group == assignment.group }.map { GroupResults.Member(record: $0, sheet: $0.sheet(.final)) }
            let report = ScoreReport(index: index, agencies: members.map { $0.agency.scoringAgency }, sheets: members.map(\.sheet))
            groups.append(GroupResults(group: assignment.group, index: index, indexVersion: assignment.indexVersion, members: members,
                                       pending: pending.filter { $0.agency.group == assignment.group },
                                       closed: closed.filter { $0.agency.group == assignment.group }, report: report))
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
