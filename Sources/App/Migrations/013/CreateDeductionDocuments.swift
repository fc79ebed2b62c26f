import Fluent

/// 013: the document behind each deduction recorded against an assessment (its number, date and
/// issuing body). The deduction's value and reason are the council's decision on the entry
/// (`appraised_input`, `appraisal_comment`), like a leaf's.
struct CreateDeductionDocuments: AsyncMigration {
    var name: String { "013_CreateDeductionDocuments" }

    func prepare(on database: any Database) async throws {
        try await database.schema(DeductionDocumentModel.schema)
            .id()
            .field("assessment_id", .uuid, .required, .references(AssessmentModel.schema, .id, onDelete: .cascade))
            .field("criterion_code", .string, .required)
            .field("number", .string, .required)
            .field("issued_on", .string, .required)
            .field("issuer", .string, .required)
            .field("recorded_by", .uuid, .references(UserModel.schema, .id, onDelete: .setNull))
            .field("recorded_at", .datetime, .required)
            .unique(on: "assessment_id", "criterion_code")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(DeductionDocumentModel.schema).delete()
    }
}
