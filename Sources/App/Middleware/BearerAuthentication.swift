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
                .with(\.$user, { $0.with(\.$agency) }).first(), record.isValid(now: Date()) else {
                throw APIError(status: .unauthorized, code: "invalid_token", reason: "The token is unknown, expired or revoked.")
            }
            let user = record.user
            // A password the administrator reset must be changed (in the browser) before the account acts again.
            guard !user.mustChangePassword else {
                throw APIError(status: .forbidden, code: Refusal.passwordChangeRequired.code, reason: Refusal.passwordChangeRequired.english)
            }
            request.currentUser = CurrentUser(id: try user.requireID(), username: user.username, displayName: user.displayName,
                                              agencyID: user.$agency.id, agencyCode: user.agency.code, agencyName: user.agency.name,
                                              roles: user.roles, mustChangePassword: false, csrfToken: "")
            request.bearerAuthenticated = true
        }
        return try await next.respond(to: request)
    }
}

extension APITokenModel {
    /// Not revoked, not expired, and its account active.
    func isValid(now: Date) -> Bool {
        revokedAt == nil && (expiresAt.map { $0 > now } ?? false) && user.active
    }

    /// Ends every live token of a user, in the transaction of the change that ends them
    /// (a password reset or change, an account disabled); the caller audits that change.
    static func revokeAll(of userID: UUID, reason: String, on db: any Database) async throws {
        try await APITokenModel.query(on: db).filter(\.$user.$id == userID).filter(\.$revokedAt == nil)
            .set(\.$revokedAt, to: Date()).set(\.$revokedReason, to: reason).update()
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
    /// Creates an API token for a user, valid `days` days (default `CHISO_API_TOKEN_DAYS`); returns it (shown once)
    /// and its expiry. Refused for a disabled account or one that must change its password.
    public static func createToken(username: String, name: String, days: Int? = nil) async throws -> (token: String, expires: Date) {
        try await Server.withApplication(arguments: ["chiso"]) { app in
            let token = Sessions.randomToken()
            let expires = Date().addingTimeInterval(TimeInterval(days ?? app.settings.apiTokenDays) * 86400)
            try await app.write { db in
                guard let user = try await UserModel.query(on: db).filter(\.$username == username.lowercased()).first() else {
                    throw Failure(description: "Không có tài khoản \(username).")
                }
                guard user.active else { throw Failure(description: "Tài khoản \(user.username) đang bị khoá.") }
                guard !user.mustChangePassword else {
                    throw Failure(description: "Tài khoản \(user.username) phải đổi mật khẩu trước khi dùng API.")
                }
                try await APITokenModel(userID: user.requireID(), tokenHash: Sessions.hash(token), name: name, expiresAt: expires).create(on: db)
                try await Audit.record(on: db, .system, action: "user.api_token", targetType: "user", target: user.username,
                                       after: ["token": name, "expires_at": Formats.isoDate(expires)])
            }
            return (token, expires)
        }
    }
}
