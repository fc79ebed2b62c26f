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

    init(row: any SQLRow) throws {
        id = try row.decode(column: "id", as: UUID.self)
        assessmentID = try row.decode(column: "assessment_id", as: UUID.self)
        criterionCode = try row.decode(column: "criterion_code", as: String.self)
        selfInput = try row.decode(column: "self_input", as: String?.self)
        selfPoints = try row.decode(column: "self_points", as: String?.self)
        selfNote = try row.decode(column: "self_note", as: String?.self)
        appraisedInput = try row.decode(column: "appraised_input", as: String?.self)
        appraisedPoints = try row.decode(column: "appraised_points", as: String?.self)
        appraisalComment = try row.decode(column: "appraisal_comment", as: String?.self)
        explanation = try row.decode(column: "explanation", as: String?.self)
        explainedAt = try row.decode(column: "explained_at", as: Date?.self)
        appraisedByID = try row.decode(column: "appraised_by", as: UUID?.self)
        appraisedAt = try row.decode(column: "appraised_at", as: Date?.self)
        finalPoints = try row.decode(column: "final_points", as: String?.self)
        revision = try row.decode(column: "revision", as: Int.self)
        updatedByID = try row.decode(column: "updated_by", as: UUID?.self)
        updatedAt = try row.decode(column: "updated_at", as: Date?.self)
    }

    /// Every entry of these assessments (only the one of `code` when given).
    static func all(of assessmentIDs: [UUID], code: String? = nil, on db: any Database) async throws -> [CriterionEntry] {
        guard !assessmentIDs.isEmpty else { return [] }
        let sql = db as! any SQLDatabase
        let column = SQLIdentifier("assessment_id")
        var query = sql.select().column("*").from(CriterionEntryModel.schema)
            .where(assessmentIDs.count == 1 ? SQLBinaryExpression(column, .equal, SQLBind(assessmentIDs[0]))
                                            : SQLBinaryExpression(column, .in, SQLBind.group(assessmentIDs)))
        if let code { query = query.where("criterion_code", .equal, code) }
        let rows = try await query.all()
        return try rows.map(CriterionEntry.init(row:))
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

    init(row: any SQLRow) throws {
        id = try row.decode(column: "id", as: UUID.self)
        assessmentID = try row.decode(column: "assessment_id", as: UUID.self)
        criterionCode = try row.decode(column: "criterion_code", as: String.self)
        fileID = try row.decode(column: "file_id", as: UUID.self)
        fileName = try row.decode(column: "file_name", as: String.self)
        uploadedByID = try row.decode(column: "uploaded_by", as: UUID?.self)
        createdAt = try row.decode(column: "created_at", as: Date?.self)
        contentType = try row.decode(column: "content_type", as: String.self)
    }

    /// Every link of these assessments (only those of `code` when given), oldest first.
    static func all(of assessmentIDs: [UUID], code: String? = nil, on db: any Database) async throws -> [EvidenceLink] {
        guard !assessmentIDs.isEmpty else { return [] }
        let sql = db as! any SQLDatabase
        let column = SQLColumn("assessment_id", table: "l")
        var query = sql.select()
            .column(SQLColumn(SQLLiteral.all, table: SQLIdentifier("l"))).column(SQLColumn("content_type", table: "f"))
            .from(SQLAlias(SQLIdentifier(EvidenceLinkModel.schema), as: SQLIdentifier("l")))
            .join(SQLAlias(SQLIdentifier(EvidenceFileModel.schema), as: SQLIdentifier("f")), on: SQLColumn("id", table: "f"), .equal, SQLColumn("file_id", table: "l"))
            .where(assessmentIDs.count == 1 ? SQLBinaryExpression(column, .equal, SQLBind(assessmentIDs[0]))
                                            : SQLBinaryExpression(column, .in, SQLBind.group(assessmentIDs)))
        if let code { query = query.where(SQLColumn("criterion_code", table: "l"), .equal, SQLBind(code)) }
        let rows = try await query.orderBy(SQLColumn("created_at", table: "l")).orderBy(SQLColumn("id", table: "l")).all()
        return try rows.map(EvidenceLink.init(row:))
    }
}
