import Fluent

/// 004: tokens for machine clients of the JSON API (only their SHA-256 is stored).
struct CreateAPITokens: AsyncMigration {
    var name: String { "004_CreateAPITokens" }

    func prepare(on database: any Database) async throws {
        try await database.schema(APITokenModel.schema)
            .id()
            .field("user_id", .uuid, .required, .references(UserModel.schema, .id))
            .field("token_hash", .string, .required)
            .field("name", .string, .required)
            .field("created_at", .datetime)
            .field("last_used_at", .datetime)
            .unique(on: "token_hash")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(APITokenModel.schema).delete()
    }
}
