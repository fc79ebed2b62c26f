import Fluent

/// 001: evidence files (content-addressed), their chunks, and their links to leaves.
struct CreateEvidence: AsyncMigration {
    var name: String { "001_CreateEvidence" }

    func prepare(on database: any Database) async throws {
        try await database.schema(EvidenceFileModel.schema)
            .id()
            .field("sha256", .string, .required)
            .field("size", .int64, .required)
            .field("content_type", .string, .required)
            .field("chunk_count", .int, .required)
            .field("created_at", .datetime)
            .unique(on: "sha256")
            .create()
        try await database.schema(EvidenceChunkModel.schema)
            .id()
            .field("file_id", .uuid, .required, .references(EvidenceFileModel.schema, .id))
            .field("sequence", .int, .required)
            .field("data", .data, .required)
            .unique(on: "file_id", "sequence")
            .create()
        try await database.schema(EvidenceLinkModel.schema)
            .id()
            .field("assessment_id", .uuid, .required, .references(AssessmentModel.schema, .id))
            .field("criterion_code", .string, .required)
            .field("file_id", .uuid, .required, .references(EvidenceFileModel.schema, .id))
            .field("file_name", .string, .required)
            .field("uploaded_by", .uuid, .references(UserModel.schema, .id))
            .field("created_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(EvidenceLinkModel.schema).delete()
        try await database.schema(EvidenceChunkModel.schema).delete()
        try await database.schema(EvidenceFileModel.schema).delete()
    }
}
