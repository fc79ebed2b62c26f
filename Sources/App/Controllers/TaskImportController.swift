import ChiSoCore
import Fluent
import Foundation
import Vapor

/// Importing an export of the task-tracking system (CSV or .xlsx): upload,
/// map columns, preview every bad row by line and column, then import all
/// rows in one transaction. The task's id in the source system makes a
/// second import of the same file update instead of duplicate.
enum TaskImportController {
    struct UploadForm: Content {
        var file: File?
    }

    /// What a good row would do to the register.
    enum Effect: String, Sendable { case create, update, unchanged }

    struct Preview: Sendable {
        var importID: UUID
        var filename: String
        var header: [String]
        var mapping: ColumnMapping
        var rows: Int
        var tasks: [(ImportedTask, Effect)]
        var problems: [TaskProblem]
        var fileProblems: [String]
    }

    /// Rows written per statement when importing (a few thousand values, under both databases' limits).
    static let batchSize = 400

    static func uploadPage(_ request: Request) async throws -> Response {
        try request.authorize(.manageTasks)
        let limit = request.application.settings.importLimitNote(request.language)
        return request.page { TaskImportPages.upload($0, problems: [], limit: limit) }
    }

    static func upload(_ request: Request) async throws -> Response {
        try request.verifyCSRF()
        let user = try request.authorize(.manageTasks)
        let form = try request.content.decode(UploadForm.self)
        let say = request.language.phrases(TaskText.self)
        let settings = request.application.settings
        let limit = settings.importLimitNote(request.language)
        func refuse(_ problems: [String]) -> Response {
            request.page(status: .unprocessableEntity) { TaskImportPages.upload($0, problems: problems, limit: limit) }
        }
        guard let file = form.file, file.data.readableBytes > 0 else {
            return refuse([say(.chooseImportFile)])
        }
        let bytes = Array(file.data.readableBytesView)
        // Counted off the event loop, row by row (nothing kept): a large file does not hold up other requests.
        let counted = try await request.application.threadPool.runIfActive { () -> Result<Int, LineProblems> in
            Result { () throws(LineProblems) in
                var rows = 0
                try SpreadsheetRows.forEachRecord(in: bytes) { _, fields throws(LineProblems) in
                    if fields.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) { rows += 1 }
                }
                return rows
            }
        }
        switch counted {
        case let .failure(error):
            let name = file.filename.isEmpty ? "tasks" : file.filename
            return refuse(error.problems.map { $0.formatted(file: name, language: request.language) })
        case let .success(rows) where rows < 2:
            return refuse([say(.importNeedsRows)])
        case let .success(rows):
            if let problem = settings.importProblem(rows: rows - 1, request.language) { return refuse([problem]) }
        }
        let pending = TaskImportModel(userID: user.id, filename: FileNames.clean(file.filename, fallback: "tasks"), bytes: Data(bytes))
        try await request.write { db in try await pending.create(on: db) }
        return request.redirect(to: SiteURL.taskImportPreview(.value(pending.id!)).path, notice: say(.importUploadedNotice))
    }

    /// The mapping (guessed, or as chosen in the query) and the preview.
    static func preview(_ request: Request) async throws -> Response {
        try request.authorize(.manageTasks)
        let pending = try await find(request)
        let chosen = try? request.query.decode([String: String].self)
        let preview = try await makePreview(pending, mappingFields: chosen, on: request)
        return request.page { TaskImportPages.preview($0, preview: preview) }
    }

    /// Imports every row, or nothing while any row is bad.
    static func commit(_ request: Request) async throws -> Response {
        try request.verifyCSRF()
        try request.authorize(.manageTasks)
        let pending = try await find(request)
        let posted = try request.content.decode([String: String].self)
        let preview = try await makePreview(pending, mappingFields: posted, on: request)
        let say = request.language.phrases(TaskText.self)
        guard preview.problems.isEmpty, preview.fileProblems.isEmpty else {
            if request.isAPI {
                throw APIError(status: .unprocessableEntity, code: "invalid_rows",
                               reason: (preview.fileProblems + preview.problems.prefix(100).map { $0.located(.english) }).joined(separator: "; "))
            }
            return request.page(status: .unprocessableEntity) { TaskImportPages.preview($0, preview: preview) }
        }
        let agencies = try await AgencyModel.query(on: request.db).all()
        let agencyIDs = Dictionary(agencies.map { ($0.code, $0.id!) }, uniquingKeysWith: { first, _ in first })
        let origin = request.auditOrigin
        let imported = preview.tasks.map(\.0)
        let pendingID = try pending.requireID()
        let counts = try await request.write { db -> [Effect: Int] in
            try await upsert(imported, agencyIDs: agencyIDs, origin: origin, on: db)
            try await TaskImportModel.query(on: db).filter(\.$id == pendingID).delete()
            return Dictionary(grouping: preview.tasks, by: \.1).mapValues(\.count)
        }
        MemoryRelease.afterLargeWork()
        let message = say(.importedNotice, "\(imported.count)", "\(counts[.create] ?? 0)", "\(counts[.update] ?? 0)", "\(counts[.unchanged] ?? 0)")
        return request.redirect(to: SiteURL.tasks.path, notice: message)
    }

    // MARK: Helpers

    static func find(_ request: Request) async throws -> TaskImportModel {
        guard let id = request.parameters.get("importID", as: UUID.self),
              let pending = try await TaskImportModel.find(id, on: request.db) else { throw Abort(.notFound) }
        return pending
    }

    /// Mapping fields are `col-<field>` = a 0-based column, or empty for "not in this file".
    static func mapping(from fields: [String: String]?, header: [String]) -> ColumnMapping {
        guard let fields, fields.keys.contains(where: { $0.hasPrefix("col-") }) else { return ColumnMapping.guess(header: header) }
        var columns: [TaskField: Int] = [:]
        for field in TaskField.allCases {
            if let text = fields["col-\(field.rawValue)"], let column = Int(text), column >= 0, column < max(header.count, 1) {
                columns[field] = column
            }
        }
        return ColumnMapping(columns: columns)
    }

    static func makePreview(_ pending: TaskImportModel, mappingFields: [String: String]?, on request: Request) async throws -> Preview {
        let empty = Preview(importID: try pending.requireID(), filename: pending.filename, header: [], mapping: ColumnMapping(columns: [:]),
                            rows: 0, tasks: [], problems: [], fileProblems: [])
        let agencies = try await AgencyModel.query(on: request.db).all()
        let settings = request.application.settings
        let language = request.language
        let bytes = Array(pending.bytes)
        // Reading and checking every row is the import's CPU work: on the thread pool, not the event loop.
        var preview = try await request.application.threadPool.runIfActive { () -> Preview in
            var preview = empty
            let rows: [(line: Int, fields: [String])]
            do throws(LineProblems) {
                rows = try SpreadsheetRows.read(bytes)
            } catch {
                preview.fileProblems = error.problems.map { $0.formatted(file: pending.filename, language: language) }
                return preview
            }
            guard let header = rows.first else { return preview }
            preview.header = header.fields
            preview.mapping = mapping(from: mappingFields, header: header.fields)
            preview.rows = rows.count - 1
            if let problem = settings.importProblem(rows: preview.rows, language) {
                preview.fileProblems = [problem]
                return preview
            }
            let (tasks, problems) = TaskRowReader.read(rows: Array(rows.dropFirst()), mapping: preview.mapping,
                                                       agencyCodes: Set(agencies.map(\.code)), agencyNames: TaskController.names(agencies))
            preview.problems = problems
            preview.tasks = tasks.map { ($0, .create) }
            return preview
        }
        // What each row would do, a batch at a time: the stored tasks of one batch are read, compared and let go.
        var start = 0
        while start < preview.tasks.count {
            let end = min(start + batchSize, preview.tasks.count)
            let existing = try await TaskImportStore.stored(preview.tasks[start..<end].map(\.0.sourceID), on: request.db)
            for position in start..<end {
                let task = preview.tasks[position].0
                guard let stored = existing[task.sourceID] else { continue }
                preview.tasks[position].1 = changes(task, stored).isEmpty && !addsExtension(task, stored) ? .unchanged : .update
            }
            start = end
            await Task.yield() // other requests on this event loop go on between batches
        }
        return preview
    }

    static func changes(_ task: ImportedTask, _ stored: TaskImportStore.Stored) -> [String: String] {
        Audit.difference(stored.fields, TaskImportStore.fields(task)).after
    }

    static func addsExtension(_ task: ImportedTask, _ stored: TaskImportStore.Stored?) -> Bool {
        guard let deadline = task.extendedDeadline, let document = task.extensionDocument else { return false }
        return !(stored?.extensions ?? []).contains { $0.document == document && $0.newDeadline == deadline.iso }
    }

    /// Creates or updates every task by its source id, with its extension; one audit event per change.
    /// A batch at a time: its stored tasks read, its new tasks, extensions and audit rows written one statement each.
    static func upsert(_ tasks: [ImportedTask], agencyIDs: [String: UUID], origin: Audit.Origin, on db: any Database) async throws {
        let now = Date()
        var start = 0
        while start < tasks.count {
            let batch = tasks[start..<min(start + batchSize, tasks.count)]
            start += batchSize
            let existing = try await TaskImportStore.stored(batch.map(\.sourceID), on: db)
            // (A source id appears once in a file: the row reader refuses duplicates.)
            var created: [(id: UUID, task: ImportedTask, agencyID: UUID)] = []
            var extended: [(taskID: UUID, task: ImportedTask)] = []
            var events: [Audit.Event] = []
            for task in batch {
                guard let agencyID = agencyIDs[task.agency] else { continue }
                let taskID: UUID
                let stored = existing[task.sourceID]
                if let stored {
                    taskID = stored.id
                    let change = Audit.difference(stored.fields, TaskImportStore.fields(task))
                    if !change.after.isEmpty {
                        try await TaskImportStore.update(stored.id, to: task, agencyID: agencyID, at: now, on: db)
                        events.append(Audit.Event(origin: origin, action: "task.update", targetType: "task", target: task.sourceID,
                                                  before: change.before, after: change.after))
                    }
                } else {
                    taskID = UUID()
                    created.append((taskID, task, agencyID))
                    events.append(Audit.Event(origin: origin, action: "task.create", targetType: "task", target: task.sourceID,
                                              after: TaskImportStore.fields(task)))
                }
                if addsExtension(task, stored), let deadline = task.extendedDeadline, let document = task.extensionDocument {
                    extended.append((taskID, task))
                    events.append(Audit.Event(origin: origin, action: "task.extend", targetType: "task", target: task.sourceID,
                                              after: ["document": document, "document_date": task.extensionDate?.iso ?? "",
                                                      "new_deadline": deadline.iso]))
                }
            }
            try await TaskImportStore.insert(created, at: now, on: db)
            try await TaskImportStore.insertExtensions(extended, at: now, on: db)
            try await Audit.record(events, on: db)
            await Task.yield() // other requests on this event loop go on between batches
        }
    }
}
