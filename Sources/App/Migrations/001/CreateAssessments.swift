import Fluent

/// 001: assessments (agency × period) and their criterion entries.
struct CreateAssessments: AsyncMigration {
    var name: String { "001_CreateAssessments" }

    func prepare(on database: any Database) async throws {
        try await database.schema(AssessmentModel.schema)
            .id()
            .field("period_id", .uuid, .required, .references(PeriodModel.schema, .id))
            .field("agency_id", .uuid, .required, .references(AgencyModel.schema, .id))
            .field("index_version_id", .uuid, .required, .references(IndexVersionModel.schema, .id))
            .field("state", .string, .required)
            .field("final_score", .string)
            .field("class_code", .string)
            .field("submitted_at", .datetime)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "period_id", "agency_id")
            .create()
        try await database.schema(CriterionEntryModel.schema)
            .id()
            .field("assessment_id", .uuid, .required, .references(AssessmentModel.schema, .id))
            .field("criterion_code", .string, .required)
            .field("self_input", .string)
            .field("self_points", .string)
            .field("self_note", .string)
            .field("appraised_input", .string)
            .field("appraised_points", .string)
            .field("appraisal_comment", .string)
            .field("explanation", .string)
            .field("final_points", .string)
            .field("revision", .int, .required)
            .field("updated_by", .uuid, .references(UserModel.schema, .id))
            .field("updated_at", .datetime)
            .unique(on: "assessment_id", "criterion_code")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(CriterionEntryModel.schema).delete()
        try await database.schema(AssessmentModel.schema).delete()
    }
}
