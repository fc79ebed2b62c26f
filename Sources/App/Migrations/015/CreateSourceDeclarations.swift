import Fluent

/// 015: the organiser's declaration, per period and data set (tasks, surveys, leader ratings),
/// that the data behind sourced criteria are complete, with the day they were checked. Until
/// then sourced criteria are provisional and no assessment of the period is finalised.
struct CreateSourceDeclarations: AsyncMigration {
    var name: String { "015_CreateSourceDeclarations" }

    func prepare(on database: any Database) async throws {
        try await database.schema(SourceDeclarationModel.schema)
            .id()
            .field("period_id", .uuid, .required, .references(PeriodModel.schema, .id, onDelete: .cascade))
            .field("data_set", .string, .required)
            .field("checked_on", .string, .required)
            .field("declared_by", .uuid, .references(UserModel.schema, .id, onDelete: .setNull))
            .field("declared_at", .datetime, .required)
            .unique(on: "period_id", "data_set")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(SourceDeclarationModel.schema).delete()
    }
}
