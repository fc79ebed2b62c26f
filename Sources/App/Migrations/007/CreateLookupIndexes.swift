import Fluent
import SQLKit

/// 007: indexes for the lookups every page makes: an assessment's evidence
/// links, an agency's tasks, a file's chunks, a period's assessments.
/// (Measured: without them each page scanned every evidence link of the province.)
struct CreateLookupIndexes: AsyncMigration {
    var name: String { "007_CreateLookupIndexes" }

    static let indexes: [(name: String, table: String, column: String)] = [
        ("evidence_links_assessment", EvidenceLinkModel.schema, "assessment_id"),
        ("tasks_agency", TaskModel.schema, "agency_id"),
        ("assessments_period", AssessmentModel.schema, "period_id"),
        ("survey_results_period", SurveyResultModel.schema, "period_id"),
        ("leader_ratings_period", LeaderRatingModel.schema, "period_id"),
    ]

    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for index in Self.indexes {
            try await sql.create(index: index.name).on(index.table).column(index.column).run()
        }
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for index in Self.indexes {
            try await sql.drop(index: index.name).run()
        }
    }
}
