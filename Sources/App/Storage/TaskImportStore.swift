import ChiSoCore
import Fluent
import Foundation
import SQLKit

/// What an import reads and writes, in plain SQL a batch at a time: Fluent's
/// models reflect over every property of every row, which was most of a
/// 100,000-row import's time.
enum TaskImportStore {
    /// A stored task as an import compares it: its fields as the audit log names them, and its extensions.
    struct Stored: Sendable {
        var id: UUID
        var fields: [String: String]
        var extensions: [(document: String, newDeadline: String)]
    }

    /// The audit log's names for a task's fields (the same as ``TaskController/fields(_:agency:)``).
    static func fields(_ task: ImportedTask) -> [String: String] {
        TaskController.fields(document: task.document, documentDate: task.documentDate?.iso, issuer: task.issuer, agency: task.agency,
                              content: task.content, deadline: task.deadline.iso, completedOn: task.completedOn?.iso,
                              completionNote: task.completionNote)
    }

    /// The stored tasks among `sourceIDs` (at most a few hundred: one IN list), by source id.
    static func stored(_ sourceIDs: [String], on db: any Database) async throws -> [String: Stored] {
        guard !sourceIDs.isEmpty else { return [:] }
        let sql = db as! any SQLDatabase
        let rows = try await sql.raw("""
            SELECT t.id, t.source_id, t.document, t.document_date, t.issuer, a.code AS agency, t.content, t.deadline, t.completed_on, \
            t.completion_note FROM \(unsafeRaw: TaskModel.schema) t JOIN \(unsafeRaw: AgencyModel.schema) a ON a.id = t.agency_id \
            WHERE t.source_id IN (\(binds: sourceIDs))
            """).all()
        var found: [String: Stored] = [:]
        var bySourceID: [UUID: String] = [:]
        for row in rows {
            let id = try row.decode(column: "id", as: UUID.self)
            let sourceID = try row.decode(column: "source_id", as: String.self)
            let fields = TaskController.fields(
                document: try row.decode(column: "document", as: String.self),
                documentDate: try row.decode(column: "document_date", as: String?.self),
                issuer: try row.decode(column: "issuer", as: String.self), agency: try row.decode(column: "agency", as: String.self),
                content: try row.decode(column: "content", as: String.self), deadline: try row.decode(column: "deadline", as: String.self),
                completedOn: try row.decode(column: "completed_on", as: String?.self),
                completionNote: try row.decode(column: "completion_note", as: String.self))
            found[sourceID] = Stored(id: id, fields: fields, extensions: [])
            bySourceID[id] = sourceID
        }
        guard !bySourceID.isEmpty else { return found }
        let extensions = try await sql.raw("""
            SELECT task_id, document, new_deadline FROM \(unsafeRaw: TaskExtensionModel.schema) WHERE task_id IN (\(binds: Array(bySourceID.keys)))
            """).all()
        for row in extensions {
            guard let sourceID = bySourceID[try row.decode(column: "task_id", as: UUID.self)] else { continue }
            found[sourceID]?.extensions.append((try row.decode(column: "document", as: String.self),
                                                try row.decode(column: "new_deadline", as: String.self)))
        }
        return found
    }

    /// New tasks, one INSERT.
    static func insert(_ tasks: [(id: UUID, task: ImportedTask, agencyID: UUID)], at now: Date, on db: any Database) async throws {
        guard !tasks.isEmpty else { return }
        var statement: SQLQueryString = """
            INSERT INTO \(unsafeRaw: TaskModel.schema) ("id", "source_id", "document", "document_date", "issuer", "agency_id", "content", \
            "deadline", "completed_on", "completion_note", "created_at", "updated_at") VALUES 
            """
        for (number, new) in tasks.enumerated() {
            let task = new.task
            statement.appendInterpolation(unsafeRaw: number == 0 ? "(" : ", (")
            statement.appendInterpolation(binds: [new.id, task.sourceID, task.document, task.documentDate?.iso, task.issuer, new.agencyID,
                                                  task.content, task.deadline.iso, task.completedOn?.iso, task.completionNote, now, now])
            statement.appendInterpolation(unsafeRaw: ")")
        }
        try await (db as! any SQLDatabase).raw(statement).run()
    }

    /// A stored task given the imported fields.
    static func update(_ id: UUID, to task: ImportedTask, agencyID: UUID, at now: Date, on db: any Database) async throws {
        try await (db as! any SQLDatabase).update(TaskModel.schema)
            .set("document", to: task.document).set("document_date", to: task.documentDate?.iso).set("issuer", to: task.issuer)
            .set("agency_id", to: agencyID).set("content", to: task.content).set("deadline", to: task.deadline.iso)
            .set("completed_on", to: task.completedOn?.iso).set("completion_note", to: task.completionNote).set("updated_at", to: now)
            .where("id", .equal, id).run()
    }

    /// New deadline extensions, one INSERT.
    static func insertExtensions(_ extensions: [(taskID: UUID, task: ImportedTask)], at now: Date, on db: any Database) async throws {
        var statement: SQLQueryString = """
            INSERT INTO \(unsafeRaw: TaskExtensionModel.schema) ("id", "task_id", "document", "document_date", "new_deadline", "created_at") VALUES 
            """
        var rows = 0
        for (taskID, task) in extensions {
            guard let document = task.extensionDocument, let deadline = task.extendedDeadline else { continue }
            statement.appendInterpolation(unsafeRaw: rows == 0 ? "(" : ", (")
            statement.appendInterpolation(binds: [UUID(), taskID, document, task.extensionDate?.iso, deadline.iso, now])
            statement.appendInterpolation(unsafeRaw: ")")
            rows += 1
        }
        if rows > 0 { try await (db as! any SQLDatabase).raw(statement).run() }
    }
}
