import ChiSoCore
import Fluent
import Foundation
import Vapor

/// An assessment with everything the pages and the policy need: agency,
/// period, index (parsed), entries, evidence links and deadline exception.
struct AssessmentRecord: Sendable {
    var model: AssessmentModel
    var agency: AgencyModel
    var period: PeriodModel
    var index: Index
    var entries: [CriterionEntryModel]
    var links: [EvidenceLinkModel]
    var exception: DeadlineExceptionModel?
    /// What the application's data give for sourced leaves, as of today (or the period's end).
    var sources: SourceFigures

    var id: UUID { model.id! }
    var state: AssessmentState { AssessmentState(rawValue: model.state) ?? .draft }

    var deadlines: WorkflowDeadlines {
        WorkflowDeadlines(selfAssessment: period.selfAssessmentDeadline, explanation: period.explanationDeadline,
                          exceptionUntil: exception?.until)
    }

    func target(now: Date = Date(), reason: String? = nil, leafAssigned: Bool = false) -> Target {
        .assessment(AssessmentTarget(agencyID: agency.id!, state: state, deadlines: deadlines, now: now, reason: reason,
                                     leafAssignedToActor: leafAssigned))
    }

    var evidenceCounts: [String: Int] {
        Dictionary(grouping: links, by: \.criterionCode).mapValues(\.count)
    }

    /// The self-assessment as ChiSoCore scores it.
    var selfSheet: ScoreSheet {
        AssessmentScoring.selfSheet(index: index, entries: entries, evidenceCounts: evidenceCounts, sources: sources)
    }

    var selfScore: AgencyScore {
        Scorer(index: index).score(tags: agency.tagList, sheet: selfSheet)
    }

    /// Scored on what the appraisers decided (self inputs where they have not yet).
    var appraisedScore: AgencyScore {
        Scorer(index: index).score(tags: agency.tagList,
                                   sheet: AssessmentScoring.appraisedSheet(index: index, entries: entries, evidenceCounts: evidenceCounts,
                                                                          sources: sources))
    }

    func entry(_ code: String) -> CriterionEntryModel? {
        entries.first { $0.criterionCode == code }
    }

    /// The self input of a leaf: the data's figure for a sourced leaf, what the agency typed otherwise.
    func selfInput(_ code: String) -> String? {
        if let node = index.nodes.first(where: { $0.code == code }), node.leaf?.source != nil {
            return sources.inputText(for: node)
        }
        return entry(code)?.selfInput
    }

    static func load(_ id: UUID?, on request: Request) async throws -> AssessmentRecord {
        guard let id, let model = try await AssessmentModel.query(on: request.db).filter(\.$id == id)
            .with(\.$agency).with(\.$period).with(\.$indexVersion).first()
        else { throw Abort(.notFound) }
        let index = try await request.application.indexCache.index(for: model.indexVersion)
        let entries = try await CriterionEntryModel.query(on: request.db).filter(\.$assessment.$id == id).all()
        let links = try await EvidenceLinkModel.query(on: request.db).filter(\.$assessment.$id == id).with(\.$file).sort(\.$createdAt).all()
        let exception = try await DeadlineExceptionModel.query(on: request.db).filter(\.$assessment.$id == id)
            .sort(\.$until, .descending).first()
        let agencyID = model.$agency.id
        let asOf = model.period.range?.asOf(SourceData.today) ?? SourceData.today
        // An index without sourced leaves needs none of the source data.
        let sources = index.nodes.contains(where: { $0.leaf?.source != nil })
            ? try await SourceData.figures(period: model.period, agencyIDs: [agencyID], asOf: asOf, on: request.db) : [:]
        return AssessmentRecord(model: model, agency: model.agency, period: model.period, index: index, entries: entries,
                                links: links, exception: exception, sources: sources[agencyID] ?? SourceFigures(tasks: nil))
    }
}
