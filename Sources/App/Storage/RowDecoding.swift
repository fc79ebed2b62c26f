import Fluent
import SQLKit

/// Fluent models filled from plain SQL rows on the hot paths (the
/// assessment page, a leaf save, every signed-in request). Fluent fills a
/// model by walking its properties with `Mirror` on every row, which was
/// about a tenth of a page's CPU; here each model lists its properties once.
/// The models come out exactly as a Fluent query leaves them (loaded, no
/// pending changes), so they can be updated through Fluent afterwards.
protocol RowDecodable: Model {
    /// Every database property of the model, in the order of its declaration.
    var databaseProperties: [any AnyDatabaseProperty] { get }
}

extension RowDecodable {
    /// The model from `row`, its columns named as in its table, or each with `prefix` (from a join).
    init(row: any SQLRow, prefix: String = "") throws {
        self.init()
        let output = RowOutput(row: row, prefix: prefix)
        for property in databaseProperties { try property.output(from: output) }
    }

    /// The table's columns as SQL text, each selected from `table` as `prefix` + its name (for a join):
    /// `"g"."code" AS "g_code", …`. Quoted as both SQLite and PostgreSQL read it.
    static func prefixedColumnList(of table: String, as prefix: String) -> String {
        Self().databaseProperties.flatMap(\.keys).map { key in
            "\"\(table)\".\"\(key.description)\" AS \"\(prefix)\(key.description)\""
        }.joined(separator: ", ")
    }
}

/// One SQL row as Fluent's `DatabaseOutput` (the same reading as Fluent's own).
private struct RowOutput: DatabaseOutput {
    let row: any SQLRow
    let prefix: String

    var description: String { "\(row)" }
    func schema(_ schema: String) -> any DatabaseOutput { self }
    func contains(_ key: FieldKey) -> Bool { row.contains(column: prefix + key.description) }
    func decodeNil(_ key: FieldKey) throws -> Bool { try row.decodeNil(column: prefix + key.description) }
    func decode<T: Decodable>(_ key: FieldKey, as type: T.Type) throws -> T { try row.decode(column: prefix + key.description, as: T.self) }
}

extension AssessmentModel: RowDecodable {
    var databaseProperties: [any AnyDatabaseProperty] {
        [$id, $period, $agency, $indexVersion, $state, $finalScore, $classCode, $submittedAt, $firstSubmittedAt, $actingChair, $closedReason,
         $createdAt, $updatedAt]
    }
}

extension AgencyModel: RowDecodable {
    var databaseProperties: [any AnyDatabaseProperty] { [$id, $code, $name, $group, $tags, $beganOn, $endedOn, $createdAt, $updatedAt] }
}

extension PeriodModel: RowDecodable {
    var databaseProperties: [any AnyDatabaseProperty] {
        [$id, $name, $kind, $year, $number, $status, $selfAssessmentDeadline, $appraisalDeadline, $explanationDeadline, $closedReason, $rollup,
         $indexes, $createdAt, $updatedAt]
    }
}

extension DeadlineExceptionModel: RowDecodable {
    var databaseProperties: [any AnyDatabaseProperty] { [$id, $assessment, $until, $reason, $grantedBy, $createdAt] }
}
