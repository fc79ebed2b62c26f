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
    init(row: any SQLRow) throws {
        self.init()
        let output = RowOutput(row: row)
        for property in databaseProperties { try property.output(from: output) }
    }
}

/// One SQL row as Fluent's `DatabaseOutput` (the same reading as Fluent's own).
private struct RowOutput: DatabaseOutput {
    let row: any SQLRow

    var description: String { "\(row)" }
    func schema(_ schema: String) -> any DatabaseOutput { self }
    func contains(_ key: FieldKey) -> Bool { row.contains(column: key.description) }
    func decodeNil(_ key: FieldKey) throws -> Bool { try row.decodeNil(column: key.description) }
    func decode<T: Decodable>(_ key: FieldKey, as type: T.Type) throws -> T { try row.decode(column: key.description, as: T.self) }
}

extension SQLDatabase {
    /// All rows of `M`'s table where `column` equals `value`, as models.
    func rows<M: RowDecodable>(_ type: M.Type, where column: String, equals value: some Encodable & Sendable,
                               orderBy order: String? = nil, descending: Bool = false, limit: Int? = nil) async throws -> [M] {
        var query = select().column("*").from(M.schema).where(SQLIdentifier(column), .equal, SQLBind(value))
        if let order { query = query.orderBy(order, descending ? .descending : .ascending) }
        if let limit { query = query.limit(limit) }
        return try await query.all().map { try M(row: $0) }
    }
}

extension AssessmentModel: RowDecodable {
    var databaseProperties: [any AnyDatabaseProperty] {
        [$id, $period, $agency, $indexVersion, $state, $finalScore, $classCode, $submittedAt, $createdAt, $updatedAt]
    }
}

extension AgencyModel: RowDecodable {
    var databaseProperties: [any AnyDatabaseProperty] { [$id, $code, $name, $group, $tags, $createdAt, $updatedAt] }
}

extension PeriodModel: RowDecodable {
    var databaseProperties: [any AnyDatabaseProperty] {
        [$id, $name, $kind, $year, $number, $status, $selfAssessmentDeadline, $appraisalDeadline, $explanationDeadline, $indexes, $createdAt, $updatedAt]
    }
}

extension DeadlineExceptionModel: RowDecodable {
    var databaseProperties: [any AnyDatabaseProperty] { [$id, $assessment, $until, $reason, $grantedBy, $createdAt] }
}
