import Fluent
import Foundation

/// A bearer token for the JSON API, acting as its user (same roles, same policy).
final class APITokenModel: Model, @unchecked Sendable {
    static let schema = "api_tokens"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: UserModel
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "name") var name: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @OptionalField(key: "last_used_at") var lastUsedAt: Date?
    /// After this moment the token is refused.
    @OptionalField(key: "expires_at") var expiresAt: Date?
    /// Set when the token ended early: the password was reset or changed, or the account disabled.
    @OptionalField(key: "revoked_at") var revokedAt: Date?
    @OptionalField(key: "revoked_reason") var revokedReason: String?

    init() {}

    init(userID: UUID, tokenHash: String, name: String, expiresAt: Date) {
        self.$user.id = userID
        self.tokenHash = tokenHash
        self.name = name
        self.expiresAt = expiresAt
    }
}
