import Fluent

/// 001: index versions (the YAML as uploaded, validated).
struct CreateIndexVersions: AsyncMigration {
    var name: String { "001_CreateIndexVersions" }

    func prepare(on database: any Database) async throws {
        try await database.schema(IndexVersionModel.schema)
            .id()
            .field("code", .string, .required)
            .field("version", .int, .required)
            .field("title", .string, .required)
            .field("yaml", .string, .required)
            .field("sha256", .string, .required)
            .field("leaf_count", .int, .required)
            .field("frozen_at", .datetime)
            .field("uploaded_by", .uuid, .references(UserModel.schema, .id))
            .field("created_at", .datetime)
            .unique(on: "code", "version")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(IndexVersionModel.schema).delete()
    }
}
