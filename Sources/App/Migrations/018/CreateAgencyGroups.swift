import Fluent

/// 018: the names of the ranking groups (khối), so that pages say "Khối sở, ban, ngành" rather than
/// the code the agency list uses ("so"). A group without a name is shown by its code.
struct CreateAgencyGroups: AsyncMigration {
    var name: String { "018_CreateAgencyGroups" }

    func prepare(on database: any Database) async throws {
        try await database.schema(AgencyGroupModel.schema)
            .id()
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("english_name", .string, .required)
            .unique(on: "code")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AgencyGroupModel.schema).delete()
    }
}
