import Fluent

/// 020: indexes being written in the browser. A draft holds its table (ChiSoCore's `IndexTable`, as
/// JSON) and a revision, so that two people editing one draft cannot overwrite each other; it
/// remembers the version it was cloned from, and the version it became once published.
struct CreateIndexDrafts: AsyncMigration {
    var name: String { "020_CreateIndexDrafts" }

    func prepare(on database: any Database) async throws {
        try await database.schema(IndexDraftModel.schema)
            .id()
            .field("title", .string, .required)
            .field("content", .string, .required)
            .field("revision", .int, .required)
            .field("base_version_id", .uuid, .references(IndexVersionModel.schema, .id, onDelete: .setNull))
            .field("published_version_id", .uuid, .references(IndexVersionModel.schema, .id, onDelete: .setNull))
            .field("created_by", .uuid, .references(UserModel.schema, .id, onDelete: .setNull))
            .field("updated_by", .uuid, .references(UserModel.schema, .id, onDelete: .setNull))
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(IndexDraftModel.schema).delete()
    }
}
