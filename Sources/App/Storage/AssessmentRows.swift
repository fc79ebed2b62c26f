import Fluent
import Foundation
import SQLKit
import SQLiteKit
import SQLiteNIO

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
    var selfPoints: String?
    var selfNote: String?
    var appraisedInput: String?
    var appraisedPoints: String?
    var appraisalComment: String?
    var explanation: String?
    var explainedAt: Date?
    var appraisedByID: UUID?
    var appraisedAt: Date?
    var finalPoints: String?
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
        selfPoints = try row.optionalString("self_points")
        selfNote = try row.optionalString("self_note")
        appraisedInput = try row.optionalString("appraised_input")
        appraisedPoints = try row.optionalString("appraised_points")
        appraisalComment = try row.optionalString("appraisal_comment")
        explanation = try row.optionalString("explanation")
        explainedAt = try row.optionalDate("explained_at")
        appraisedByID = try row.optionalUUID("appraised_by")
        appraisedAt = try row.optionalDate("appraised_at")
        finalPoints = try row.optionalString("final_points")
        revision = try row.int("revision")
        updatedByID = try row.optionalUUID("updated_by")
        updatedAt = try row.optionalDate("updated_at")
    }

    /// Every entry of these assessments (only the one of `code` when given).
    static func all(of assessmentIDs: [UUID], code: String? = nil, on db: any Database) async throws -> [CriterionEntry] {
        guard !assessmentIDs.isEmpty else { return [] }
        let sql = db as! any SQLDatabase
        var query: SQLQueryString = "SELECT * FROM \(unsafeRaw: CriterionEntryModel.schema) WHERE \(oneOf("assessment_id", assessmentIDs))"
        if let code { query += " AND criterion_code = \(bind: code)" }
        return try await Columns.rows(query, on: sql).map(CriterionEntry.init)
    }

    /// Inserts this entry (new: `id` is nil) and returns it with its id.
    func inserted(on db: any Database) async throws -> CriterionEntry {
        let model = CriterionEntryModel(assessmentID: assessmentID, criterionCode: criterionCode)
        model.selfInput = selfInput
        model.selfPoints = selfPoints
        model.selfNote = selfNote
        model.appraisedInput = appraisedInput
        model.appraisedPoints = appraisedPoints
        model.appraisalComment = appraisalComment
        model.explanation = explanation
        model.explainedAt = explainedAt
        model.$appraisedBy.id = appraisedByID
        model.appraisedAt = appraisedAt
        model.finalPoints = finalPoints
        model.revision = revision
        model.$updatedBy.id = updatedByID
        try await model.create(on: db)
        var stored = self
        stored.id = model.id
        stored.updatedAt = model.updatedAt
        return stored
    }

    /// The agency's save of this existing entry: its self input, note, points and author, its revision
    /// up by one, only if the stored revision is still `revision`. False when someone saved first.
    func updateSelf(expecting revision: Int, on db: any Database) async throws -> Bool {
        guard let id else { return false }
        let rows = try await (db as! any SQLDatabase).raw("""
            UPDATE \(unsafeRaw: CriterionEntryModel.schema) SET self_input = \(bind: selfInput), self_note = \(bind: selfNote), \
            self_points = \(bind: selfPoints), updated_by = \(bind: updatedByID), updated_at = \(bind: Date()), revision = revision + 1 \
            WHERE id = \(bind: id) AND revision = \(bind: revision) RETURNING id
            """).all()
        return !rows.isEmpty
    }

    /// The agency's first save of a leaf: inserts this entry (its self input, note, points, revision and author),
    /// unless the leaf has an entry already (someone saved first): false then.
    func insertSelfIfAbsent(on db: any Database) async throws -> Bool {
        let rows = try await (db as! any SQLDatabase).raw("""
            INSERT INTO \(unsafeRaw: CriterionEntryModel.schema) \
            (id, assessment_id, criterion_code, self_input, self_points, self_note, revision, updated_by, updated_at) \
            VALUES (\(bind: id ?? UUID()), \(bind: assessmentID), \(bind: criterionCode), \(bind: selfInput), \(bind: selfPoints), \
            \(bind: selfNote), \(bind: revision), \(bind: updatedByID), \(bind: Date())) \
            ON CONFLICT (assessment_id, criterion_code) DO NOTHING RETURNING id
            """).all()
        return !rows.isEmpty
    }

    /// Writes the appraiser's decision (input, comment, who, when, points) of an existing entry.
    func updateAppraisal(on db: any Database) async throws {
        guard let id else { return }
        try await (db as! any SQLDatabase).update(CriterionEntryModel.schema)
            .set("appraised_input", to: appraisedInput).set("appraisal_comment", to: appraisalComment)
            .set("appraised_at", to: appraisedAt).set("appraised_by", to: appraisedByID).set("appraised_points", to: appraisedPoints)
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

    /// Every link of these assessments (only those of `code` when given), oldest first.
    static func all(of assessmentIDs: [UUID], code: String? = nil, on db: any Database) async throws -> [EvidenceLink] {
        guard !assessmentIDs.isEmpty else { return [] }
        let sql = db as! any SQLDatabase
        var query: SQLQueryString = """
            SELECT l.*, f.content_type FROM \(unsafeRaw: EvidenceLinkModel.schema) l JOIN \(unsafeRaw: EvidenceFileModel.schema) f ON f.id = l.file_id \
            WHERE \(oneOf("l.assessment_id", assessmentIDs))
            """
        if let code { query += " AND l.criterion_code = \(bind: code)" }
        query += " ORDER BY l.created_at, l.id"
        return try await Columns.rows(query, on: sql).map(EvidenceLink.init)
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
/// On PostgreSQL they are read through SQLKit's row.
struct Columns {
    private enum Source {
        case sqlite(SQLiteRow)
        case sql(any SQLRow)
    }

    private let source: Source

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
        case let .sqlite(row): try Self.value(row, column) == .null
        case let .sql(row): try row.decodeNil(column: column)
        }
    }

    func string(_ column: String) throws -> String {
        switch source {
        case let .sql(row): return try row.decode(column: column, as: String.self)
        case let .sqlite(row):
            guard case let .text(text) = try Self.value(row, column) else { throw Self.failure(column, "not text") }
            return text
        }
    }

    func int(_ column: String) throws -> Int {
        switch source {
        case let .sql(row): return try row.decode(column: column, as: Int.self)
        case let .sqlite(row):
            guard case let .integer(number) = try Self.value(row, column) else { throw Self.failure(column, "not an integer") }
            return number
        }
    }

    func date(_ column: String) throws -> Date {
        switch source {
        case let .sql(row): return try row.decode(column: column, as: Date.self)
        case let .sqlite(row):
            guard let date = Date(sqliteData: try Self.value(row, column)) else { throw Self.failure(column, "not a date") }
            return date
        }
    }

    func uuid(_ column: String) throws -> UUID {
        switch source {
        case let .sql(row): return try row.decode(column: column, as: UUID.self)
        case .sqlite:
            let text = try string(column)
            guard let uuid = UUIDColumns.parse(text) ?? UUID(uuidString: text) else { throw Self.failure(column, "not a UUID") }
            return uuid
        }
    }

    func optionalString(_ column: String) throws -> String? { try isNull(column) ? nil : string(column) }
    func optionalDate(_ column: String) throws -> Date? { try isNull(column) ? nil : date(column) }
    func optionalUUID(_ column: String) throws -> UUID? { try isNull(column) ? nil : uuid(column) }

    private static func value(_ row: SQLiteRow, _ column: String) throws -> SQLiteData {
        guard let data = row.column(column) else { throw failure(column, "no such column") }
        return data
    }

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
