import Fluent

/// 006: an agency's deputy heads and the fields (node codes) assigned to each,
/// for the rating proposals.
struct CreateDeputies: AsyncMigration {
    var name: String { "006_CreateDeputies" }

    func prepare(on database: any Database) async throws {
        try await database.schema(DeputyModel.schema)
            .id()
            .field("agency_id", .uuid, .required, .references(AgencyModel.schema, .id))
            .field("name", .string, .required)
            .field("position", .string, .required)
            .field("fields", .string, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(DeputyModel.schema).delete()
    }
}
