import Fluent
import SQLKit

/// 011: when the head first submitted the self-assessment. `submitted_at` moves at every
/// resubmission after a return; the `submission.late` source (spec §4) is about the first one.
/// Assessments submitted before this migration take their latest submission as their first.
struct AddFirstSubmission: AsyncMigration {
    var name: String { "011_AddFirstSubmission" }

    func prepare(on database: any Database) async throws {
        try await database.schema(AssessmentModel.schema).field("first_submitted_at", .datetime).update()
        try await (database as! any SQLDatabase).update(AssessmentModel.schema)
            .set("first_submitted_at", to: SQLColumn("submitted_at")).run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AssessmentModel.schema).deleteField("first_submitted_at").update()
    }
}
