import Fluent

/// 021: the criterion mapping between two index versions, one row per code of the older version
/// with the codes it became (none, one or several). Without rows for a pair, codes continue as themselves.
struct CreateCriterionMappings: AsyncMigration {
    var name: String { "021_CreateCriterionMappings" }

    func prepare(on database: any Database) async throws {
        try await database.schema(CriterionMappingModel.schema)
            .id()
            .field("from_version_id", .uuid, .required, .references(IndexVersionModel.schema, .id, onDelete: .cascade))
            .field("to_version_id", .uuid, .required, .references(IndexVersionModel.schema, .id, onDelete: .cascade))
            .field("from_code", .string, .required)
            .field("to_codes", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "from_version_id", "to_version_id", "from_code")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(CriterionMappingModel.schema).delete()
    }
}
