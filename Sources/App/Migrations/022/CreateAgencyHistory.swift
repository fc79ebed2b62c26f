import Fluent

/// 022: agencies change. An agency's first and last day (`began_on`, `ended_on`, ISO days), its
/// earlier names with the day each stopped, and the reorganisations (merge, split, rename,
/// dissolve) with the agencies each ended and formed. An assessment closed without a result keeps
/// its reason.
struct CreateAgencyHistory: AsyncMigration {
    var name: String { "022_CreateAgencyHistory" }

    func prepare(on database: any Database) async throws {
        // SQLite adds one column per statement.
        try await database.schema(AgencyModel.schema).field("began_on", .string).update()
        try await database.schema(AgencyModel.schema).field("ended_on", .string).update()
        try await database.schema(AssessmentModel.schema).field("closed_reason", .string).update()
        try await database.schema(AgencyNameModel.schema)
            .id()
            .field("agency_id", .uuid, .required, .references(AgencyModel.schema, .id, onDelete: .cascade))
            .field("name", .string, .required)
            .field("until_on", .string, .required)
            .create()
        try await database.schema(AgencyChangeModel.schema)
            .id()
            .field("kind", .string, .required)
            .field("effective_on", .string, .required)
            .field("note", .string, .required)
            .field("created_by", .string, .required)
            .field("created_at", .datetime)
            .create()
        try await database.schema(AgencyChangeMemberModel.schema)
            .id()
            .field("change_id", .uuid, .required, .references(AgencyChangeModel.schema, .id, onDelete: .cascade))
            .field("agency_id", .uuid, .required, .references(AgencyModel.schema, .id, onDelete: .cascade))
            .field("side", .string, .required)
            .field("position", .int, .required)
            .unique(on: "change_id", "agency_id", "side")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AgencyChangeMemberModel.schema).delete()
        try await database.schema(AgencyChangeModel.schema).delete()
        try await database.schema(AgencyNameModel.schema).delete()
        try await database.schema(AssessmentModel.schema).deleteField("closed_reason").update()
        try await database.schema(AgencyModel.schema).deleteField("ended_on").update()
        try await database.schema(AgencyModel.schema).deleteField("began_on").update()
    }
}
