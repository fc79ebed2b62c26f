import Fluent

/// 003: appraisal — who appraises which node in a period, and who appraised
/// each entry when; when the agency explained.
struct CreateAppraisal: AsyncMigration {
    var name: String { "003_CreateAppraisal" }

    func prepare(on database: any Database) async throws {
        try await database.schema(AppraisalAssignmentModel.schema)
            .id()
            .field("period_id", .uuid, .required, .references(PeriodModel.schema, .id))
            .field("index_code", .string, .required)
            .field("criterion_code", .string, .required)
            .field("user_id", .uuid, .required, .references(UserModel.schema, .id))
            .field("created_at", .datetime)
            .unique(on: "period_id", "index_code", "criterion_code", "user_id")
            .create()
        try await database.schema(CriterionEntryModel.schema)
            .field("appraised_by", .uuid, .references(UserModel.schema, .id))
            .update()
        try await database.schema(CriterionEntryModel.schema)
            .field("appraised_at", .datetime)
            .update()
        try await database.schema(CriterionEntryModel.schema)
            .field("explained_at", .datetime)
            .update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(CriterionEntryModel.schema).deleteField("explained_at").update()
        try await database.schema(CriterionEntryModel.schema).deleteField("appraised_at").update()
        try await database.schema(CriterionEntryModel.schema).deleteField("appraised_by").update()
        try await database.schema(AppraisalAssignmentModel.schema).delete()
    }
}
