import Fluent

/// 002: exceptions to the self-assessment deadline, granted by the organiser
/// to one assessment until a date, with a reason.
struct CreateDeadlineExceptions: AsyncMigration {
    var name: String { "002_CreateDeadlineExceptions" }

    func prepare(on database: any Database) async throws {
        try await database.schema(DeadlineExceptionModel.schema)
            .id()
            .field("assessment_id", .uuid, .required, .references(AssessmentModel.schema, .id))
            .field("until", .datetime, .required)
            .field("reason", .string, .required)
            .field("granted_by", .uuid, .references(UserModel.schema, .id))
            .field("created_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(DeadlineExceptionModel.schema).delete()
    }
}
