import ChiSoCore
import Fluent
import Foundation
import Vapor

/// One agency's assessment: the index tree with what was entered and the
/// points ChiSoCore gives it (the same function as everywhere else).
enum AssessmentController {
    static func show(_ request: Request) async throws -> Response {
        guard let id = request.parameters.get("assessmentID", as: UUID.self),
              let assessment = try await AssessmentModel.query(on: request.db).filter(\.$id == id)
                .with(\.$agency).with(\.$period).with(\.$indexVersion).first()
        else { throw Abort(.notFound) }
        let state = AssessmentState(rawValue: assessment.state) ?? .draft
        try request.authorize(.viewAssessment, .assessment(agencyID: assessment.$agency.id, state: state))
        let index = try await request.application.indexCache.index(for: assessment.indexVersion)
        let entries = try await CriterionEntryModel.query(on: request.db).filter(\.$assessment.$id == id).all()
        let counts = try await AssessmentScoring.evidenceCounts(assessmentID: id, on: request.db)
        let sheet = AssessmentScoring.selfSheet(index: index, entries: entries, evidenceCounts: counts)
        let score = Scorer(index: index).score(tags: assessment.agency.tagList, sheet: sheet)
        let notes = Dictionary(entries.compactMap { entry in entry.selfNote.map { (entry.criterionCode, $0) } }, uniquingKeysWith: { a, _ in a })
        return request.page {
            AssessmentPage.view($0, model: .init(agency: assessment.agency, period: assessment.period, state: state, index: index,
                                                 score: score, notes: notes,
                                                 official: assessment.finalScore.flatMap(DecimalNumber.init).map { ($0, assessment.classCode ?? "") }))
        }
    }
}
