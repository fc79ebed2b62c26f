import Fluent

/// 016: what a user typed into a leaf when their session had run out, kept (for them only) until
/// they log in again and save it, so that a timed-out session loses nothing.
struct CreateKeptEntries: AsyncMigration {
    var name: String { "016_CreateKeptEntries" }

    func prepare(on database: any Database) async throws {
        try await database.schema(KeptEntryModel.schema)
            .id()
            .field("user_id", .uuid, .required, .references(UserModel.schema, .id, onDelete: .cascade))
            .field("assessment_id", .uuid, .required, .references(AssessmentModel.schema, .id, onDelete: .cascade))
            .field("criterion_code", .string, .required)
            .field("value", .string, .required)
            .field("note", .string, .required)
            .field("not_applicable", .bool, .required)
            .field("kept_at", .datetime, .required)
            .unique(on: "user_id", "assessment_id", "criterion_code")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(KeptEntryModel.schema).delete()
    }
}
