import Crypto
import Fluent
import Foundation
import SQLKit
import Vapor

/// The logged-in user of a request, as the pages and the policy need it.
struct CurrentUser: Sendable {
    var id: UUID
    var username: String
    var displayName: String
    var agencyID: UUID
    var agencyCode: String
    var agencyName: String
    var roles: Set<Role>
    var mustChangePassword: Bool
    var csrfToken: String

    var actor: Actor {
        Actor(userID: id, agencyID: agencyID, roles: roles, mustChangePassword: mustChangePassword)
    }
}

/// Reads the session cookie, finds the session in the database (so every
/// app instance knows it), ends it after the idle timeout, and puts the
/// user on the request.
struct SessionAuthentication: AsyncMiddleware {
    static let cookieName = "chiso_session"
    /// How stale `last_seen_at` may get before it is written again.
    static let touchInterval: TimeInterval = 60

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        // The shared HMAC key, read once per instance (the login form's CSRF cookie is signed with it).
        if request.application.serverSecrets.key == nil {
            do { try await request.application.serverSecrets.load(on: request) } catch { request.logger.report(error: error) }
        }
        if let token = request.cookies[Self.cookieName]?.string, !token.isEmpty {
            let hash = Sessions.hash(token)
            if let session = try await SignedInSession.find(hash, on: request) {
                let now = Date()
                let idle = request.application.settings.sessionIdleTimeout
                if now.timeIntervalSince(session.lastSeenAt) > idle || !session.active {
                    _ = try await request.write { db in try await SessionModel.query(on: db).filter(\.$id == hash).delete() }
                    request.sessionExpired = true
                    request.expiredSession = ExpiredSession(userID: session.user.id, csrfToken: session.user.csrfToken)
                } else {
                    request.currentUser = session.user
                    if now.timeIntervalSince(session.lastSeenAt) > Self.touchInterval {
                        try await request.write { db in
                            try await SessionModel.query(on: db).filter(\.$id == hash).set(\.$lastSeenAt, to: now).update()
                        }
                    }
                }
            } else {
                request.sessionExpired = true
            }
        }
        let response = try await next.respond(to: request)
        if request.sessionExpired, request.currentUser == nil, !request.sessionReplaced {
            response.cookies[Self.cookieName] = Sessions.expiredCookie(secure: request.application.settings.secureCookies)
        }
        return response
    }
}

/// A session with its user and the user's agency, read in one query (this runs for every signed-in request).
struct SignedInSession {
    var user: CurrentUser
    var lastSeenAt: Date
    var active: Bool

    /// The session of a token's hash, with its user and the user's agency.
    private struct OfToken: HotQuery {
        static let name = "session_of_token"
        static let text = """
            SELECT s.csrf_token, s.last_seen_at, s.user_id, u.username, u.display_name, u.agency_id, u.roles, u.must_change_password, \
            u.active, a.code AS agency_code, a.name AS agency_name \
            FROM \(SessionModel.schema) s JOIN \(UserModel.schema) u ON u.id = s.user_id JOIN \(AgencyModel.schema) a ON a.id = u.agency_id \
            WHERE s.token_hash = $1
            """
        let tokenHash: String
        var values: [HotValue] { [.text(tokenHash)] }
    }

    static func find(_ tokenHash: String, on request: Request) async throws -> SignedInSession? {
        guard let row = try await request.rows(OfToken(tokenHash: tokenHash)).first else { return nil }
        let user = CurrentUser(
            id: try row.uuid("user_id"), username: try row.string("username"), displayName: try row.string("display_name"),
            agencyID: try row.uuid("agency_id"), agencyCode: try row.string("agency_code"), agencyName: try row.string("agency_name"),
            roles: Role.decode(try row.string("roles")), mustChangePassword: try row.bool("must_change_password"),
            csrfToken: try row.string("csrf_token"))
        return SignedInSession(user: user, lastSeenAt: try row.date("last_seen_at"), active: try row.bool("active"))
    }
}

/// Creating and ending sessions.
enum Sessions {
    static func hash(_ token: String) -> String {
        SHA256.hash(data: Array(token.utf8)).hexDigits
    }

    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    static func cookie(_ value: String, secure: Bool) -> HTTPCookies.Value {
        HTTPCookies.Value(string: value, expires: nil, maxAge: nil, domain: nil, path: "/", isSecure: secure,
                          isHTTPOnly: true, sameSite: .lax)
    }

    static func expiredCookie(secure: Bool) -> HTTPCookies.Value {
        HTTPCookies.Value(string: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, domain: nil, path: "/",
                          isSecure: secure, isHTTPOnly: true, sameSite: .lax)
    }

    /// A new session for `user` (a new token at every login), returned as the cookie to set.
    static func start(for userID: UUID, on request: Request) async throws -> HTTPCookies.Value {
        let token = randomToken()
        let session = SessionModel(tokenHash: hash(token), userID: userID, csrfToken: randomToken(), now: Date(),
                                   clientAddress: request.clientAddress)
        try await request.write { db in try await session.create(on: db) }
        request.sessionReplaced = true
        return cookie(token, secure: request.application.settings.secureCookies)
    }
}

/// A session that has just run out: whose it was, and the CSRF token its forms carry.
struct ExpiredSession: Sendable {
    var userID: UUID
    var csrfToken: String
}

extension Request {
    private struct CurrentUserKey: StorageKey { typealias Value = CurrentUser }
    private struct ExpiredKey: StorageKey { typealias Value = Bool }
    private struct ReplacedKey: StorageKey { typealias Value = Bool }
    private struct ExpiredUserKey: StorageKey { typealias Value = ExpiredSession }

    var currentUser: CurrentUser? {
        get { storage[CurrentUserKey.self] }
        set { storage[CurrentUserKey.self] = newValue }
    }

    /// The cookie named a session that no longer exists or timed out.
    var sessionExpired: Bool {
        get { storage[ExpiredKey.self] ?? false }
        set { storage[ExpiredKey.self] = newValue }
    }

    /// Whose session had run out (idle or ended), and its CSRF token, when the request named one that was still on record.
    var expiredSession: ExpiredSession? {
        get { storage[ExpiredUserKey.self] }
        set { storage[ExpiredUserKey.self] = newValue }
    }

    /// A login set a new session cookie on this response.
    var sessionReplaced: Bool {
        get { storage[ReplacedKey.self] ?? false }
        set { storage[ReplacedKey.self] = newValue }
    }
}
