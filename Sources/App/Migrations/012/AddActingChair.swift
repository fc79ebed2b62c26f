import Fluent

/// 012: nobody judges their own agency. Where the chair's own agency is assessed, the chair names
/// a council member who acts as chair for that one assessment (releases it, finalises it, and
/// appraises the leaves that fall to the chair).
struct AddActingChair: AsyncMigration {
    var name: String { "012_AddActingChair" }

    func prepare(on database: any Database) async throws {
        try await database.schema(AssessmentModel.schema)
            .field("acting_chair_id", .uuid, .references(UserModel.schema, "id", onDelete: .setNull)).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AssessmentModel.schema).deleteField("acting_chair_id").update()
    }
}
