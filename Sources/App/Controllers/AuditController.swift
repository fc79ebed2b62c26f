import Fluent
import Foundation
import Vapor

/// The audit log, newest first, filtered by who, what, target and dates.
enum AuditController {
    struct Filter: Content {
        var who: String?
        var action: String?
        var target: String?
        var from: String?
        var to: String?
        var page: Int?
    }

    static let pageSize = 100

    static func list(_ request: Request) async throws -> Response {
        try request.authorize(.viewAudit)
        let filter = try request.query.decode(Filter.self)
        let page = Limits.page(filter.page)
        let events = try await query(filter, on: request.db).sort(\.$at, .descending)
            .range(((page - 1) * pageSize)..<(page * pageSize + 1)).all()
        return request.page {
            AuditPage.view($0, filter: filter, events: Array(events.prefix(pageSize)), page: page, hasMore: events.count > pageSize)
        }
    }

    /// The filtered query, testable on its own.
    static func query(_ filter: Filter, on db: any Database) -> QueryBuilder<AuditEventModel> {
        var query = AuditEventModel.query(on: db)
        if let who = filter.who?.trimmingCharacters(in: .whitespaces), !who.isEmpty { query = query.filter(\.$username == who.lowercased()) }
        if let action = filter.action?.trimmingCharacters(in: .whitespaces), !action.isEmpty {
            query = query.filter(\.$action, .custom("LIKE"), action + "%")
        }
        if let target = filter.target?.trimmingCharacters(in: .whitespaces), !target.isEmpty { query = query.filter(\.$target == target) }
        if let from = filter.from.flatMap(Formats.parseDeadline) { query = query.filter(\.$at >= from.addingTimeInterval(-86399)) }
        if let to = filter.to.flatMap(Formats.parseDeadline) { query = query.filter(\.$at <= to) }
        return query
    }
}
