import ChiSoCore
import Foundation
import Vapor

/// The agencies through time as JSON: the list active on a day, with predecessors and successors.
extension APIController {
    struct AgencyJSON: Content {
        var code: String
        /// The name it had on `asOf`.
        var name: String
        var group: String
        /// YYYY-MM-DD, when it was formed by a recorded change (or created with a start date).
        var began: String?
        var predecessors: [String]
        var successors: [String]
    }

    struct AgencyList: Content {
        var asOf: String
        var agencies: [AgencyJSON]
    }

    /// `GET /api/v1/agencies?asOf=YYYY-MM-DD`: every agency active that day (default today), as named that day.
    static func agencies(_ request: Request) async throws -> AgencyList {
        try request.authorize(.viewHome)
        let query = try request.query.decode(AgencyAdminController.ListQuery.self)
        var asOf = SourceData.today
        if let text = query.asOf {
            guard let day = CivilDate.parse(text) else {
                throw APIError(status: .badRequest, code: "invalid_parameter", reason: "asOf is a date: YYYY-MM-DD or dd/mm/yyyy.")
            }
            asOf = day
        }
        let history = try await AgencyHistory.load(on: request.db)
        let timeline = history.timeline
        return AgencyList(asOf: asOf.iso, agencies: timeline.active(on: asOf).map { member in
            AgencyJSON(code: member.code, name: member.name, group: member.group, began: member.began?.iso,
                       predecessors: timeline.predecessors(of: member.code), successors: timeline.successors(of: member.code))
        })
    }
}
