import ChiSoCore
import Fluent
import Foundation
import Vapor

/// Published results for everyone, without logging in: rankings and
/// classes of published periods only; no person, no unpublished figure.
enum PublicController {
    static func periods(_ request: Request) async throws -> Response {
        let periods = try await PeriodModel.query(on: request.db).filter(\.$status == .published)
            .sort(\.$year, .descending).sort(\.$createdAt, .descending).all()
        return request.page { PublicPages.periods($0, periods: periods) }
    }

    static func period(_ request: Request) async throws -> Response {
        // An unpublished period does not exist here, whoever asks.
        guard let id = request.parameters.get("periodID", as: UUID.self), let period = try await PeriodModel.find(id, on: request.db),
              period.status == .published else { throw Abort(.notFound) }
        let groups = try await PeriodResults.load(period: period, store: request.assessments)
        let decision = try await PeriodDecision.of(period: id, on: request.db)
        return request.page { PublicPages.period($0, period: period, groups: groups, decision: decision) }
    }
}
