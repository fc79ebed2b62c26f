import Fluent

/// 001: login sessions and login attempts (throttling).
struct CreateSessions: AsyncMigration {
    var name: String { "001_CreateSessions" }

    func prepare(on database: any Database) async throws {
        try await database.schema(SessionModel.schema)
            .field("token_hash", .string, .identifier(auto: false))
            .field("user_id", .uuid, .required, .references(UserModel.schema, .id))
            .field("csrf_token", .string, .required)
            .field("created_at", .datetime, .required)
            .field("last_seen_at", .datetime, .required)
            .field("client_address", .string, .required)
            .create()
        try await database.schema(LoginAttemptModel.schema)
            .id()
            .field("username", .string, .required)
            .field("client_address", .string, .required)
            .field("at", .datetime, .required)
            .field("succeeded", .bool, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(LoginAttemptModel.schema).delete()
        try await database.schema(SessionModel.schema).delete()
    }
}
