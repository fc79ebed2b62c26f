import Fluent
import Foundation

/// One change, recorded for ever: who, when, what, before → after, from
/// where. Rows are only ever inserted (the database refuses updates and
/// deletes, see migration 001).
final class AuditEventModel: Model, @unchecked Sendable {
    static let schema = "audit_events"

    @ID(key: .id) var id: UUID?
    @Field(key: "at") var at: Date
    @OptionalParent(key: "user_id") var user: UserModel?
    /// The username at the time (kept even if the account changes).
    @Field(key: "username") var username: String
    /// `agency.create`, `user.update`, `login.failed`, …
    @Field(key: "action") var action: String
    @Field(key: "target_type") var targetType: String
    @Field(key: "target") var target: String
    /// JSON objects of the changed fields, before and after.
    @OptionalField(key: "before") var before: String?
    @OptionalField(key: "after") var after: String?
    @Field(key: "client_address") var clientAddress: String

    init() {}

    init(at: Date, userID: UUID?, username: String, action: String, targetType: String, target: String,
         before: String?, after: String?, clientAddress: String) {
        self.at = at
        self.$user.id = userID
        self.username = username
        self.action = action
        self.targetType = targetType
        self.target = target
        self.before = before
        self.after = after
        self.clientAddress = clientAddress
    }
}
