import Fluent
import Foundation

/// A login session, in the database so that every app instance shares it.
/// The cookie holds a random token; only its SHA-256 is stored.
final class SessionModel: Model, @unchecked Sendable {
    static let schema = "sessions"

    @ID(custom: "token_hash", generatedBy: .user) var id: String?
    @Parent(key: "user_id") var user: UserModel
    /// The token every form of this session must post back (CSRF).
    @Field(key: "csrf_token") var csrfToken: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "last_seen_at") var lastSeenAt: Date
    @Field(key: "client_address") var clientAddress: String

    init() {}

    init(tokenHash: String, userID: UUID, csrfToken: String, now: Date, clientAddress: String) {
        self.id = tokenHash
        self.$user.id = userID
        self.csrfToken = csrfToken
        self.createdAt = now
        self.lastSeenAt = now
        self.clientAddress = clientAddress
    }
}

/// The per-attempt login rows of migration 001, read for throttling until
/// 008 replaced them with ``LoginThrottleModel`` and dropped the table.
enum LoginAttemptModel {
    static let schema = "login_attempts"
}

/// Failed logins of one key (a username, a client address or a known
/// device): how many, and until when the next attempt must wait.
/// Written only by ``LoginThrottle``, one atomic statement per attempt.
final class LoginThrottleModel: Model, @unchecked Sendable {
    static let schema = "login_throttles"

    @ID(custom: "key", generatedBy: .user) var id: String?
    @Field(key: "failures") var failures: Int
    @Field(key: "blocked_until") var blockedUntil: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}
}

/// A secret the app instances share (kept in the database so that they agree), e.g. the HMAC key.
final class ServerSecretModel: Model, @unchecked Sendable {
    static let schema = "server_secrets"

    @ID(custom: "name", generatedBy: .user) var id: String?
    @Field(key: "value") var value: String

    init() {}

    init(name: String, value: String) {
        self.id = name
        self.value = value
    }
}
