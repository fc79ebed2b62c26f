import Fluent
import Foundation

/// A person who logs in. Belongs to one agency and holds one or more roles.
final class UserModel: Model, @unchecked Sendable {
    static let schema = "users"

    @ID(key: .id) var id: UUID?
    @Field(key: "username") var username: String
    @Field(key: "display_name") var displayName: String
    @Field(key: "password_hash") var passwordHash: String
    @Parent(key: "agency_id") var agency: AgencyModel
    /// Role raw values, `,`-separated.
    @Field(key: "roles") var roleList: String
    /// Set for accounts created or reset by an admin: the next login must choose a new password.
    @Field(key: "must_change_password") var mustChangePassword: Bool
    @Field(key: "active") var active: Bool
    @OptionalField(key: "last_login_at") var lastLoginAt: Date?
    /// Where mail reaches the person (migration 024; set by the administrator).
    @OptionalField(key: "email") var email: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(id: UUID? = nil, username: String, displayName: String, passwordHash: String, agencyID: UUID,
         roles: Set<Role>, mustChangePassword: Bool, active: Bool = true) {
        self.id = id
        self.username = username
        self.displayName = displayName
        self.passwordHash = passwordHash
        self.$agency.id = agencyID
        self.roleList = Role.encode(roles)
        self.mustChangePassword = mustChangePassword
        self.active = active
    }

    var roles: Set<Role> {
        get { Role.decode(roleList) }
        set { roleList = Role.encode(newValue) }
    }
}
