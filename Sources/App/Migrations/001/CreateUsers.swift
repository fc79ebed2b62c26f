import Fluent

/// 001: users, one agency each, several roles.
struct CreateUsers: AsyncMigration {
    var name: String { "001_CreateUsers" }

    func prepare(on database: any Database) async throws {
        try await database.schema(UserModel.schema)
            .id()
            .field("username", .string, .required)
            .field("display_name", .string, .required)
            .field("password_hash", .string, .required)
            .field("agency_id", .uuid, .required, .references(AgencyModel.schema, .id))
            .field("roles", .string, .required)
            .field("must_change_password", .bool, .required)
            .field("active", .bool, .required)
            .field("last_login_at", .datetime)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "username")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(UserModel.schema).delete()
    }
}
