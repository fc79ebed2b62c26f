import Fluent

/// 023: periods are administered. Every change of a deadline with its reason (agencies see them on
/// their home page), the reason a period was closed early, and how a year rolls up its quarters or
/// months (`rollup`: none, sum or average).
struct CreatePeriodAdministration: AsyncMigration {
    var name: String { "023_CreatePeriodAdministration" }

    func prepare(on database: any Database) async throws {
        try await database.schema(PeriodModel.schema).field("closed_reason", .string).update()
        try await database.schema(PeriodModel.schema).field("rollup", .string).update()
        try await database.schema(PeriodDeadlineChangeModel.schema)
            .id()
            .field("period_id", .uuid, .required, .references(PeriodModel.schema, .id, onDelete: .cascade))
            .field("deadline", .string, .required)
            .field("before_at", .datetime, .required)
            .field("after_at", .datetime, .required)
            .field("reason", .string, .required)
            .field("changed_by", .string, .required)
            .field("changed_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PeriodDeadlineChangeModel.schema).delete()
        try await database.schema(PeriodModel.schema).deleteField("rollup").update()
        try await database.schema(PeriodModel.schema).deleteField("closed_reason").update()
    }
}
