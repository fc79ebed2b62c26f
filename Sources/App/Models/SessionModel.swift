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

/// A login attempt, kept to throttle guessing (per username and per address).
final class LoginAttemptModel: Model, @unchecked Sendable {
    static let schema = "login_attempts"

    @ID(key: .id) var id: UUID?
    @Field(key: "username") var username: String
    @Field(key: "client_address") var clientAddress: String
    @Field(key: "at") var at: Date
    @Field(key: "succeeded") var succeeded: Bool

    init() {}

    init(username: String, clientAddress: String, at: Date, succeeded: Bool) {
        self.username = username
        self.clientAddress = clientAddress
        self.at = at
        self.succeeded = succeeded
    }
}
