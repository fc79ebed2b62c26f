import Fluent

/// 001: periods and which index applies to which group in each.
struct CreatePeriods: AsyncMigration {
    var name: String { "001_CreatePeriods" }

    func prepare(on database: any Database) async throws {
        try await database.schema(PeriodModel.schema)
            .id()
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("year", .int, .required)
            .field("number", .int)
            .field("status", .string, .required)
            .field("self_assessment_deadline", .datetime, .required)
            .field("appraisal_deadline", .datetime, .required)
            .field("explanation_deadline", .datetime, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await database.schema(PeriodIndexModel.schema)
            .id()
            .field("period_id", .uuid, .required, .references(PeriodModel.schema, .id))
            .field("group_code", .string, .required)
            .field("index_version_id", .uuid, .required, .references(IndexVersionModel.schema, .id))
            .unique(on: "period_id", "group_code")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PeriodIndexModel.schema).delete()
        try await database.schema(PeriodModel.schema).delete()
    }
}
