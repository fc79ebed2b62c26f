import Fluent

/// 010: the per-leaf points columns (`self_points`, `appraised_points`, `final_points`) were
/// written at every save and never read: every score is computed by ChiSoCore from the stored
/// inputs (``AssessmentRecord/score(_:with:)``), and only the final total and class are kept for
/// history. One column per statement: SQLite alters one thing at a time.
struct DropUnreadPoints: AsyncMigration {
    var name: String { "010_DropUnreadPoints" }

    static let columns = ["self_points", "appraised_points", "final_points"]

    func prepare(on database: any Database) async throws {
        for column in Self.columns {
            try await database.schema(CriterionEntryModel.schema).deleteField(FieldKey(stringLiteral: column)).update()
        }
    }

    func revert(on database: any Database) async throws {
        for column in Self.columns {
            try await database.schema(CriterionEntryModel.schema).field(FieldKey(stringLiteral: column), .string).update()
        }
    }
}
