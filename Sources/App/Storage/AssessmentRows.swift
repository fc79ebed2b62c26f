import Fluent
import FluentPostgresDriver
import Foundation
import SQLKit
import SQLiteKit
import SQLiteNIO
import Vapor

/// What is stored for one leaf (or bonus/deduction item) of an assessment,
/// as a plain value read with SQL. Pages, scoring and results read these
/// rather than Fluent models: reading a model's fields goes through
/// Fluent's generic property wrappers, which cost a 100-leaf page a fifth
/// of its CPU. Writes name their columns (``CriterionEntryModel`` is the
/// table's schema and is used to insert).
struct CriterionEntry: Sendable {
    /// Nil until the entry is inserted.
    var id: UUID?
    var assessmentID: UUID
    var criterionCode: String
    var selfInput: String?
    var selfNote: String?
    var appraisedInput: String?
    var appraisalComment: String?
    var explanation: String?
    var explainedAt: Date?
    var appraisedByID: UUID?
    var appraisedAt: Date?
    /// Incremented on every save: a save naming an older revision is refused.
    var revision: Int
    var updatedByID: UUID?
    var updatedAt: Date?

    init(assessmentID: UUID, criterionCode: String) {
        self.assessmentID = assessmentID
        self.criterionCode = criterionCode
        revision = 0
    }

    init(_ row: Columns) throws {
        id = try row.uuid("id")
        assessmentID = try row.uuid("assessment_id")
        criterionCode = try row.string("criterion_code")
        selfInput = try row.optionalString("self_input")
        selfNote = try row.optionalString("self_note")
        appraisedInput = try row.optionalString("appraised_input")
        appraisalComment = try row.optionalString("appraisal_comment")
        explanation = try row.optionalString("explanation")
        explainedAt = try row.optionalDate("explained_at")
        appraisedByID = try row.optionalUUID("appraised_by")
        appraisedAt = try row.optionalDate("appraised_at")
        revision = try row.int("revision")
        updatedByID = try row.optionalUUID("updated_by")
        updatedAt = try row.optionalDate("updated_at")
    }

    /// The columns read, named (a prepared statement's result must not change with the table).
    private static let columnNames = [
        "id", "assessment_id", "criterion_code", "self_input", "self_note", "appraised_input", "appraisal_comment", "explanation",
        "explained_at", "appraised_by", "appraised_at", "revision", "updated_by", "updated_at",
    ]
    private static let columns = columnNames.joined(separator: ", ")

    /// The columns selected from `table` as `prefix` + their names (for a join).
    static func prefixedColumns(of table: String, as prefix: String) -> String {
        columnNames.map { "\(table).\($0) AS \(prefix)\($0)" }.joined(separator: ", ")
    }

    /// Every entry of these assessments.
    static func all(of assessmentIDs: [UUID], on db: any Database) async throws -> [CriterionEntry] {
        guard !assessmentIDs.isEmpty else { return [] }
        let query: SQLQueryString = "SELECT \(unsafeRaw: columns) FROM \(unsafeRaw: CriterionEntryModel.schema) WHERE \(oneOf("assessment_id", assessmentIDs))"
        return try await Columns.rows(query, on: db as! any SQLDatabase).map(CriterionEntry.init)
    }

    /// Every entry of one assessment: a page's.
    struct OfAssessment: HotQuery {
        static let name = "entries_of_assessment"
        static let text = "SELECT \(columns) FROM \(CriterionEntryModel.schema) WHERE assessment_id = $1"
        let assessmentID: UUID
        var values: [HotValue] { [.uuid(assessmentID)] }
    }

    /// Inserts this entry (new: `id` is nil) and returns it with its id.
    func inserted(on db: any Database) async throws -> CriterionEntry {
        let model = CriterionEntryModel(assessmentID: assessmentID, criterionCode: criterionCode)
        model.selfInput = selfInput
        model.selfNote = selfNote
        model.appraisedInput = appraisedInput
        model.appraisalComment = appraisalComment
        model.explanation = explanation
        model.explainedAt = explainedAt
        model.$appraisedBy.id = appraisedByID
        model.appraisedAt = appraisedAt
        model.revision = revision
        model.$updatedBy.id = updatedByID
        try await model.create(on: db)
        var stored = self
        stored.id = model.id
        stored.updatedAt = model.updatedAt
        return stored
    }

    /// The agency's save of this entry (an update when it has an id, else its first insert) with its
    /// audit row, only if the stored revision is still `revision`: false when someone saved first.
    func storeSelf(expecting revision: Int, audit: Audit.Event, on request: Request) async throws -> Bool {
        if let id {
            return try await Audit.write(SelfUpdate(entry: self, id: id, expecting: revision, at: audit.at), recording: audit, on: request)
        }
        // A first save names revision 0; another revision for a leaf without an entry is stale.
        guard revision == 0 else { return false }
        return try await Audit.write(SelfInsert(entry: self, at: audit.at), recording: audit, on: request)
    }

    /// The agency's save of an existing entry: its self input, note and author, its revision
    /// up by one, only if the stored revision is still the one expected (no row otherwise).
    private struct SelfUpdate: HotQuery {
        static let name = "entry_self_update"
        static let text = """
            UPDATE \(CriterionEntryModel.schema) SET self_input = $1, self_note = $2, updated_by = $3, \
            updated_at = $4, revision = revision + 1 WHERE id = $5 AND revision = $6 RETURNING id
            """
        let values: [HotValue]

        init(entry: CriterionEntry, id: UUID, expecting revision: Int, at: Date) {
            values = [.text(entry.selfInput), .text(entry.selfNote), .uuid(entry.updatedByID), .date(at),
                      .uuid(id), .int(revision)]
        }
    }

    /// The agency's first save of a leaf: the entry (its self input, note, revision and author),
    /// unless the leaf has an entry already (no row then: someone saved first).
    private struct SelfInsert: HotQuery {
        static let name = "entry_self_insert"
        static let text = """
            INSERT INTO \(CriterionEntryModel.schema) \
            (id, assessment_id, criterion_code, self_input, self_note, revision, updated_by, updated_at) \
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (assessment_id, criterion_code) DO NOTHING RETURNING id
            """
        let values: [HotValue]

        init(entry: CriterionEntry, at: Date) {
            values = [.uuid(UUID()), .uuid(entry.assessmentID), .text(entry.criterionCode), .text(entry.selfInput),
                      .text(entry.selfNote), .int(entry.revision), .uuid(entry.updatedByID), .date(at)]
        }
    }

    /// Writes the appraiser's decision (input, comment, who, when) of an existing entry.
    func updateAppraisal(on db: any Database) async throws {
        guard let id else { return }
        try await (db as! any SQLDatabase).update(CriterionEntryModel.schema)
            .set("appraised_input", to: appraisedInput).set("appraisal_comment", to: appraisalComment)
            .set("appraised_at", to: appraisedAt).set("appraised_by", to: appraisedByID)
            .set("updated_at", to: Date())
            .where("id", .equal, id).run()
    }

    /// Writes the agency's explanation of an existing entry.
    func updateExplanation(on db: any Database) async throws {
        guard let id else { return }
        try await (db as! any SQLDatabase).update(CriterionEntryModel.schema)
            .set("explanation", to: explanation).set("explained_at", to: explainedAt).set("updated_at", to: Date())
            .where("id", .equal, id).run()
    }
}

/// An evidence file attached to one leaf, with the file's content type.
struct EvidenceLink: Sendable {
    var id: UUID
    var assessmentID: UUID
    var criterionCode: String
    var fileID: UUID
    var fileName: String
    var uploadedByID: UUID?
    var createdAt: Date?
    /// Recognised from the file's content when it was uploaded.
    var contentType: String

    init(_ row: Columns) throws {
        id = try row.uuid("id")
        assessmentID = try row.uuid("assessment_id")
        criterionCode = try row.string("criterion_code")
        fileID = try row.uuid("file_id")
        fileName = try row.string("file_name")
        uploadedByID = try row.optionalUUID("uploaded_by")
        createdAt = try row.optionalDate("created_at")
        contentType = try row.string("content_type")
    }

    /// The links with their files' content types, up to the condition.
    private static let select = """
        SELECT l.id, l.assessment_id, l.criterion_code, l.file_id, l.file_name, l.uploaded_by, l.created_at, f.content_type \
        FROM \(EvidenceLinkModel.schema) l JOIN \(EvidenceFileModel.schema) f ON f.id = l.file_id WHERE
        """
    private static let order = " ORDER BY l.created_at, l.id"

    /// Every link of these assessments, oldest first.
    static func all(of assessmentIDs: [UUID], on db: any Database) async throws -> [EvidenceLink] {
        guard !assessmentIDs.isEmpty else { return [] }
        let query: SQLQueryString = "\(unsafeRaw: select) \(oneOf("l.assessment_id", assessmentIDs))\(unsafeRaw: order)"
        return try await Columns.rows(query, on: db as! any SQLDatabase).map(EvidenceLink.init)
    }

    /// Every link of one assessment, oldest first: a page's.
    struct OfAssessment: HotQuery {
        static let name = "links_of_assessment"
        static let text = "\(select) l.assessment_id = $1\(order)"
        let assessmentID: UUID
        var values: [HotValue] { [.uuid(assessmentID)] }
    }
}

/// `column = id` for one id, `column IN (…)` for several. The hot queries are written as SQL text:
/// SQLKit's builders quote and serialise every identifier anew for each query.
private func oneOf(_ column: String, _ ids: [UUID]) -> SQLQueryString {
    ids.count == 1 ? "\(unsafeRaw: column) = \(bind: ids[0])" : "\(unsafeRaw: column) IN (\(binds: ids))"
}

/// One row's columns by name. On SQLite they are read from the row's values
/// directly: SQLiteKit's row decodes each value through dynamic casts (and,
/// for an optional type, a `Decoder` made for it), which was a tenth of a
/// page's CPU for the 2,000 values of an assessment's entries and links;
/// SQLite keeps a UUID as its text, parsed here without Foundation's `sscanf`.
/// On PostgreSQL a ``HotQuery``'s rows are read with PostgresNIO's typed
/// decoding, other queries' rows through SQLKit's row.
struct Columns {
    private enum Source {
        case sqlite(SQLiteRow)
        case postgres(PostgresRow, PostgresRandomAccessRow)
        case sql(any SQLRow)
    }

    private let source: Source
    /// Put before every column name read (for a table's columns in a join).
    private var prefix = ""

    private init(source: Source) { self.source = source }
    init(sqlite row: SQLiteRow) { source = .sqlite(row) }
    init(postgres row: PostgresRow) { source = .postgres(row, PostgresRandomAccessRow(row)) }

    /// The same row, its columns read as `prefix` + name.
    func prefixed(_ prefix: String) -> Columns {
        var columns = self
        columns.prefix = prefix
        return columns
    }

    /// The same row as SQLKit's row (for ``RowDecodable`` models).
    var sqlRow: any SQLRow {
        switch source {
        case let .sqlite(row): row.sql()
        case let .postgres(row, _): row.sql()
        case let .sql(row): row
        }
    }

    /// The rows of `query` on `sql`.
    static func rows(_ query: SQLQueryString, on sql: any SQLDatabase) async throws -> [Columns] {
        guard let database = sql as? any SQLiteDatabase else {
            return try await sql.raw(query).all().map { Columns(source: .sql($0)) }
        }
        let (text, binds) = sql.serialize(query)
        let encoder = SQLiteDataEncoder()
        return try await database.query(text, binds.map { try encoder.encode($0) }).map { Columns(source: .sqlite($0)) }
    }

    func isNull(_ column: String) throws -> Bool {
        switch source {
        case let .sqlite(row): try value(row, column) == .null
        case let .postgres(_, row): try cell(row, column).bytes == nil
        case let .sql(row): try row.decodeNil(column: name(column))
        }
    }

    func string(_ column: String) throws -> String {
        switch source {
        case let .sql(row): return try row.decode(column: name(column), as: String.self)
        case let .postgres(_, row): return try cell(row, column).decode(String.self)
        case let .sqlite(row):
            guard case let .text(text) = try value(row, column) else { throw Self.failure(column, "not text") }
            return text
        }
    }

    func int(_ column: String) throws -> Int {
        switch source {
        case let .sql(row): return try row.decode(column: name(column), as: Int.self)
        case let .postgres(_, row): return try cell(row, column).decode(Int.self)
        case let .sqlite(row):
            guard case let .integer(number) = try value(row, column) else { throw Self.failure(column, "not an integer") }
            return number
        }
    }

    func date(_ column: String) throws -> Date {
        switch source {
        case let .sql(row): return try row.decode(column: name(column), as: Date.self)
        case let .postgres(_, row): return try cell(row, column).decode(Date.self)
        case let .sqlite(row):
            guard let date = Date(sqliteData: try value(row, column)) else { throw Self.failure(column, "not a date") }
            return date
        }
    }

    func uuid(_ column: String) throws -> UUID {
        switch source {
        case let .sql(row): return try row.decode(column: name(column), as: UUID.self)
        case let .postgres(_, row): return try cell(row, column).decode(UUID.self)
        case .sqlite:
            let text = try string(column)
            guard let uuid = UUIDColumns.parse(text) ?? UUID(uuidString: text) else { throw Self.failure(column, "not a UUID") }
            return uuid
        }
    }

    func bool(_ column: String) throws -> Bool {
        switch source {
        case let .sql(row): return try row.decode(column: name(column), as: Bool.self)
        case let .postgres(_, row): return try cell(row, column).decode(Bool.self)
        case let .sqlite(row):
            guard case let .integer(number) = try value(row, column) else { throw Self.failure(column, "not a boolean") }
            return number != 0
        }
    }

    func optionalString(_ column: String) throws -> String? { try isNull(column) ? nil : string(column) }
    func optionalDate(_ column: String) throws -> Date? { try isNull(column) ? nil : date(column) }
    func optionalUUID(_ column: String) throws -> UUID? { try isNull(column) ? nil : uuid(column) }

    private func value(_ row: SQLiteRow, _ column: String) throws -> SQLiteData {
        guard let data = row.column(name(column)) else { throw Self.failure(name(column), "no such column") }
        return data
    }

    private func cell(_ row: PostgresRandomAccessRow, _ column: String) throws -> PostgresCell {
        let name = name(column)
        guard row.contains(name) else { throw Self.failure(name, "no such column") }
        return row[name]
    }

    private func name(_ column: String) -> String { prefix.isEmpty ? column : prefix + column }

    private static func failure(_ column: String, _ problem: String) -> DecodingError {
        DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "\(column): \(problem)"))
    }
}

/// SQLite's text UUIDs, parsed directly.
enum UUIDColumns {
    /// `8-4-4-4-12` hexadecimal digits (either case), or nil.
    static func parse(_ text: String) -> UUID? {
        var text = text
        return text.withUTF8 { characters -> UUID? in
            guard characters.count == 36 else { return nil }
            var raw: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
            let complete = withUnsafeMutableBytes(of: &raw) { bytes -> Bool in
                var position = 0
                for index in 0..<16 {
                    if position == 8 || position == 13 || position == 18 || position == 23 {
                        guard characters[position] == UInt8(ascii: "-") else { return false }
                        position += 1
                    }
                    guard let high = hexValue(characters[position]), let low = hexValue(characters[position + 1]) else { return false }
                    bytes[index] = high << 4 | low
                    position += 2
                }
                return true
            }
            return complete ? UUID(uuid: raw) : nil
        }
    }

    private static func hexValue(_ character: UInt8) -> UInt8? {
        switch character {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): character - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): character - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): character - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
