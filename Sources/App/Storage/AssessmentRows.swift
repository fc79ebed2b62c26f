import Fluent
import Foundation
import SQLKit

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

    init(row: any SQLRow, uuids: UUIDColumns) throws {
        id = try uuids.decode(row, "id")
        assessmentID = try uuids.decode(row, "assessment_id")
        criterionCode = try row.decode(column: "criterion_code", as: String.self)
        selfInput = try row.optional("self_input", as: String.self)
        selfPoints = try row.optional("self_points", as: String.self)
        selfNote = try row.optional("self_note", as: String.self)
        appraisedInput = try row.optional("appraised_input", as: String.self)
        appraisedPoints = try row.optional("appraised_points", as: String.self)
        appraisalComment = try row.optional("appraisal_comment", as: String.self)
        explanation = try row.optional("explanation", as: String.self)
        explainedAt = try row.optional("explained_at", as: Date.self)
        appraisedByID = try uuids.decodeOptional(row, "appraised_by")
        appraisedAt = try row.optional("appraised_at", as: Date.self)
        finalPoints = try row.optional("final_points", as: String.self)
        revision = try row.decode(column: "revision", as: Int.self)
        updatedByID = try uuids.decodeOptional(row, "updated_by")
        updatedAt = try row.optional("updated_at", as: Date.self)
    }

    /// Every entry of these assessments (only the one of `code` when given).
    static func all(of assessmentIDs: [UUID], code: String? = nil, on db: any Database) async throws -> [CriterionEntry] {
        guard !assessmentIDs.isEmpty else { return [] }
        let sql = db as! any SQLDatabase
        var query: SQLQueryString = "SELECT * FROM \(unsafeRaw: CriterionEntryModel.schema) WHERE \(oneOf("assessment_id", assessmentIDs))"
        if let code { query += " AND criterion_code = \(bind: code)" }
        let rows = try await sql.raw(query).all()
        let uuids = UUIDColumns(sql)
        return try rows.map { try CriterionEntry(row: $0, uuids: uuids) }
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

    /// The agency's save of an existing entry: input, note and points, by whom, its revision up by one,
    /// only if the stored revision is still `revision`. False when someone saved first.
    static func updateSelf(id: UUID, expecting revision: Int, input: String?, note: String?, points: String?, by userID: UUID,
                           on db: any Database) async throws -> Bool {
        let rows = try await (db as! any SQLDatabase).raw("""
            UPDATE \(unsafeRaw: CriterionEntryModel.schema) SET self_input = \(bind: input), self_note = \(bind: note), \
            self_points = \(bind: points), updated_by = \(bind: userID), updated_at = \(bind: Date()), revision = revision + 1 \
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

    init(row: any SQLRow, uuids: UUIDColumns) throws {
        id = try uuids.decode(row, "id")
        assessmentID = try uuids.decode(row, "assessment_id")
        criterionCode = try row.decode(column: "criterion_code", as: String.self)
        fileID = try uuids.decode(row, "file_id")
        fileName = try row.decode(column: "file_name", as: String.self)
        uploadedByID = try uuids.decodeOptional(row, "uploaded_by")
        createdAt = try row.optional("created_at", as: Date.self)
        contentType = try row.decode(column: "content_type", as: String.self)
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
        let rows = try await sql.raw(query).all()
        let uuids = UUIDColumns(sql)
        return try rows.map { try EvidenceLink(row: $0, uuids: uuids) }
    }
}

/// `column = id` for one id, `column IN (…)` for several. The hot queries are written as SQL text:
/// SQLKit's builders quote and serialise every identifier anew for each query.
private func oneOf(_ column: String, _ ids: [UUID]) -> SQLQueryString {
    ids.count == 1 ? "\(unsafeRaw: column) = \(bind: ids[0])" : "\(unsafeRaw: column) IN (\(binds: ids))"
}

/// Reads UUID columns. SQLite keeps a UUID as its text, which Foundation
/// parses through `sscanf` (a few per cent of a page's CPU for the 400 ids
/// of an assessment); that text is read here directly. PostgreSQL's uuid
/// columns are decoded as they are.
struct UUIDColumns {
    let asText: Bool

    init(_ sql: any SQLDatabase) {
        asText = sql.dialect.name == "sqlite"
    }

    func decode(_ row: any SQLRow, _ column: String) throws -> UUID {
        guard asText else { return try row.decode(column: column, as: UUID.self) }
        let text = try row.decode(column: column, as: String.self)
        guard let uuid = Self.parse(text) ?? UUID(uuidString: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "\(column): not a UUID"))
        }
        return uuid
    }

    func decodeOptional(_ row: any SQLRow, _ column: String) throws -> UUID? {
        try row.decodeNil(column: column) ? nil : decode(row, column)
    }

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
