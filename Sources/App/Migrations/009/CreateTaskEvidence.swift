import Fluent

/// 009: completion evidence on tasks. It was first added to 005 after 005
/// had landed (and its `revert` then created the table before dropping it,
/// so `chiso migrate --revert` failed); 005 is back as it landed and the
/// table is made here. A database that ran the edited 005 has the table
/// already, so it is created only where it is missing.
struct CreateTaskEvidence: AsyncMigration {
    var name: String { "009_CreateTaskEvidence" }

    func prepare(on database: any Database) async throws {
        try await database.schema(TaskEvidenceModel.schema)
            .id()
            .field("task_id", .uuid, .required, .references(TaskModel.schema, .id, onDelete: .cascade))
            .field("file_id", .uuid, .required, .references(EvidenceFileModel.schema, .id))
            .field("file_name", .string, .required)
            .field("created_at", .datetime)
            .ignoreExisting()
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(TaskEvidenceModel.schema).delete()
    }
}
