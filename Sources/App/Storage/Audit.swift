import Fluent
import Foundation
import SQLKit
import Vapor

/// Appends to the audit log, inside the transaction of the change it records.
enum Audit {
    /// Who did it and from where.
    struct Origin: Sendable {
        var userID: UUID?
        var username: String
        var clientAddress: String

        static let system = Origin(userID: nil, username: "system", clientAddress: "-")
    }

    static func record(
        on database: any Database, _ origin: Origin, action: String, targetType: String, target: String,
        before: [String: String]? = nil, after: [String: String]? = nil, at: Date = Date()
    ) async throws {
        // One plain INSERT (no model): every save on the deadline day writes one of these.
        let values: [any SQLExpression] = [
            SQLBind(UUID()), SQLBind(at), SQLBind(origin.userID), SQLBind(origin.username), SQLBind(action), SQLBind(targetType),
            SQLBind(target), SQLBind(before.map(json)), SQLBind(after.map(json)), SQLBind(origin.clientAddress),
        ]
        try await (database as! any SQLDatabase).insert(into: AuditEventModel.schema)
            .columns("id", "at", "user_id", "username", "action", "target_type", "target", "before", "after", "client_address")
            .values(values)
            .run()
    }

    /// Only the fields that changed, before and after.
    static func difference(_ before: [String: String], _ after: [String: String]) -> (before: [String: String], after: [String: String]) {
        var changedBefore: [String: String] = [:], changedAfter: [String: String] = [:]
        for key in Set(before.keys).union(after.keys) where before[key] != after[key] {
            changedBefore[key] = before[key] ?? ""
            changedAfter[key] = after[key] ?? ""
        }
        return (changedBefore, changedAfter)
    }

    static func json(_ fields: [String: String]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? String(decoding: encoder.encode(fields), as: UTF8.self)) ?? "{}"
    }

    static func fields(_ text: String?) -> [String: String] {
        guard let text, let data = text.data(using: .utf8) else { return [:] }
        return (try? JSONDecoder().decode([String: String].self, from: data)) ?? [:]
    }
}

extension Request {
    /// The client's address: the peer, or the first X-Forwarded-For hop when
    /// `CHISO_TRUST_PROXY=1` says a reverse proxy stands in front.
    var clientAddress: String {
        if application.settings.trustProxy, let forwarded = headers.first(name: "X-Forwarded-For")?
            .split(separator: ",").first?.trimmingCharacters(in: .whitespaces), !forwarded.isEmpty {
            return forwarded
        }
        return remoteAddress?.ipAddress ?? "-"
    }

    var auditOrigin: Audit.Origin {
        if let user = currentUser {
            return Audit.Origin(userID: user.id, username: user.username, clientAddress: clientAddress)
        }
        return Audit.Origin(userID: nil, username: "-", clientAddress: clientAddress)
    }
}
