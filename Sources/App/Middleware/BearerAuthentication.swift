import Fluent
import Foundation
import Vapor

/// The JSON API's login: `Authorization: Bearer <token>`. The request then
/// acts as the token's user, under the same policy; no cookie is involved,
/// so no CSRF token is needed.
struct BearerAuthentication: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let token = request.headers.bearerAuthorization?.token, !token.isEmpty {
            guard let record = try await APITokenModel.query(on: request.db).filter(\.$tokenHash == Sessions.hash(token))
                .with(\.$user, { $0.with(\.$agency) }).first(), record.user.active else {
                throw Abort(.unauthorized, reason: "invalid or revoked token")
            }
            let user = record.user
            request.currentUser = CurrentUser(id: try user.requireID(), username: user.username, displayName: user.displayName,
                                              agencyID: user.$agency.id, agencyCode: user.agency.code, agencyName: user.agency.name,
                                              roles: user.roles, mustChangePassword: false, csrfToken: "")
            request.bearerAuthenticated = true
        }
        return try await next.respond(to: request)
    }
}

extension Request {
    private struct BearerKey: StorageKey { typealias Value = Bool }

    /// Authenticated by an API token (no cookie: CSRF does not apply).
    var bearerAuthenticated: Bool {
        get { storage[BearerKey.self] ?? false }
        set { storage[BearerKey.self] = newValue }
    }
}

extension AdminTasks {
    /// Creates an API token for a user; returns it (shown once).
    public static func createToken(username: String, name: String) async throws -> String {
        try await Server.withApplication(arguments: ["chiso"]) { app in
            let token = Sessions.randomToken()
            try await app.write { db in
                guard let user = try await UserModel.query(on: db).filter(\.$username == username.lowercased()).first() else {
                    throw Failure(description: "Không có tài khoản \(username).")
                }
                try await APITokenModel(userID: user.requireID(), tokenHash: Sessions.hash(token), name: name).create(on: db)
                try await Audit.record(on: db, .system, action: "user.api_token", targetType: "user", target: user.username,
                                       after: ["token": name])
            }
            return token
        }
    }
}
