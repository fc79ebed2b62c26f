import ChiSoCore
import Fluent
import Foundation
import Vapor

/// The first page after login: who I am, the periods and their deadlines,
/// and my agency's assessments.
enum HomeController {
    static func home(_ request: Request) async throws -> Response {
        let user = try request.authorize(.viewHome)
        let periods = try await PeriodModel.query(on: request.db).sort(\.$year, .descending).sort(\.$createdAt, .descending).all()
        let assessments = try await AssessmentModel.query(on: request.db)
            .filter(\.$agency.$id == user.agencyID).with(\.$period).all()
        let inbox = try await InboxQueries.items(for: user, language: request.language, on: request)
        let changes = try await PeriodAdminController.recentChanges(on: request.db)
        let model = HomePage.Model(
            now: Date(), inbox: inbox, periods: periods.filter { $0.status != .draft || user.roles.contains(.organizer) },
            ownAssessments: assessments.compactMap { assessment in
                guard let state = AssessmentState(rawValue: assessment.state), let id = assessment.id else { return nil }
                // The final score only where the results policy shows it (agencies: once published).
                let visible = Policy.allows(user.actor, .viewResults, .results(ResultsTarget(published: state == .published, agencyID: user.agencyID)))
                return HomePage.AssessmentRow(id: id, period: assessment.period.name, state: state,
                                              finalScore: visible ? assessment.finalScore.flatMap { DecimalNumber($0) } : nil,
                                              classCode: visible ? assessment.classCode : nil)
            }, deadlineChanges: changes)
        return request.page { HomePage.view($0, model: model) }
    }
}
