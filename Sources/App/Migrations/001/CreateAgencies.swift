import Fluent

/// 001: agencies. Never edited once landed: later changes are new migrations.
struct CreateAgencies: AsyncMigration {
    var name: String { "001_CreateAgencies" }

    func prepare(on database: any Database) async throws {
        try await database.schema(AgencyModel.schema)
            .id()
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("group_code", .string, .required)
            .field("tags", .string, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "code")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AgencyModel.schema).delete()
    }
}
