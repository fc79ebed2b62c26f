import ChiSoCore
import Fluent
import Foundation
import Vapor

/// The register of assigned tasks: list with the status on any date, entry,
/// deadline extensions and completion by the task-tracking office.
enum TaskController {
    /// The task form; field names are ``TaskField`` raw values so that the
    /// core's row reader validates a typed task exactly like an imported one.
    struct TaskForm: Content {
        var sourceID: String?
        var document: String?
        var documentDate: String?
        var issuer: String?
        var agency: String?
        var content: String?
        var deadline: String?
        var completedOn: String?
        var completionNote: String?
    }

    struct ExtensionForm: Content {
        var extensionDocument: String?
        var extensionDate: String?
        var extendedDeadline: String?
    }

    struct ListQuery: Content {
        var agency: String?
        var status: String?
        var asOf: String?
        var q: String?
        var page: Int?
        /// The API's page size.
        var limit: Int?
    }

    /// A task as the pages show it: the stored row, the core's reading and its status on the chosen day.
    struct Row: Sendable {
        var model: TaskModel
        var task: AssignedTask
        var status: TaskStatus
    }

    static let pageSize = 50

    static func list(_ request: Request) async throws -> Response {
        let user = request.currentUser!
        let query = try request.query.decode(ListQuery.self)
        let agencies = try await AgencyModel.query(on: request.db).sort(\.$group).sort(\.$code).all()
        // Agency people see their own agency's tasks only.
        let seesAll = user.actor.seesEveryAgency
        let agency = seesAll ? agencies.first { $0.code == query.agency } : agencies.first { $0.id == user.actor.agencyID }
        try request.authorize(.viewTasks, agency.map { .agency($0.id!) } ?? .none)
        let asOf = query.asOf.flatMap(CivilDate.parse) ?? SourceData.today
        let status = query.status.flatMap(TaskStatus.init(rawValue:))
        let search = (query.q ?? "").trimmingCharacters(in: .whitespaces)

        // Counted, filtered and paged in SQL (TaskQueries): only one page of tasks is loaded.
        var filter = TaskQueries.Filter(agencyID: agency?.id, status: nil, search: search, asOf: asOf)
        let counts = try await TaskQueries.counts(filter, on: request.db)
        filter.status = status
        let total = status.map { counts[$0] ?? 0 } ?? counts.values.reduce(0, +)
        let page = Limits.page(query.page)
        let ids = try await TaskQueries.page(filter, page: page, pageSize: pageSize, on: request.db)
        let shown = try await TaskQueries.load(ids, on: request.db).compactMap { model -> Row? in
            guard let task = model.assigned(agencyCode: model.agency.code) else { return nil }
            return Row(model: model, task: task, status: task.status(on: asOf))
        }
        let filterShown = TaskPages.Filter(agency: agency?.code, status: status, asOf: asOf, search: search, page: page,
                                           total: total, pageSize: pageSize)
        let canManage = allowed(.manageTasks, request)
        return request.page {
            TaskPages.list($0, rows: shown, counts: counts, filter: filterShown, agencies: seesAll ? agencies : [], canManage: canManage)
        }
    }

    static func newForm(_ request: Request) async throws -> Response {
        try request.authorize(.manageTasks)
        let agencies = try await AgencyModel.query(on: request.db).sort(\.$group).sort(\.$code).all()
        return request.page { TaskPages.editor($0, task: nil, values: TaskForm(), errors: [:], agencies: agencies) }
    }

    static func show(_ request: Request) async throws -> Response {
        let task = try await find(request)
        try request.authorize(.viewTasks, .agency(task.$agency.id))
        let agencies = try await AgencyModel.query(on: request.db).sort(\.$group).sort(\.$code).all()
        let values = TaskForm(sourceID: task.sourceID, document: task.document, documentDate: task.documentDate.flatMap(CivilDate.parse)?.vietnamese,
                              issuer: task.issuer, agency: task.agency.code, content: task.content,
                              deadline: CivilDate.parse(task.deadline)?.vietnamese, completedOn: task.completedOn.flatMap(CivilDate.parse)?.vietnamese,
                              completionNote: task.completionNote)
        return request.page {
            TaskPages.editor($0, task: task, values: values, errors: [:], agencies: agencies, canManage: allowed(.manageTasks, request))
        }
    }

    static func create(_ request: Request) async throws -> Response {
        try request.verifyCSRF()
        try request.authorize(.manageTasks)
        var form = try request.content.decode(TaskForm.self)
        if (form.sourceID ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            // Typed by hand: an id of our own, so that the task can be found and updated like an imported one.
            form.sourceID = "CS-" + String(UUID().uuidString.prefix(8))
        }
        let agencies = try await AgencyModel.query(on: request.db).all()
        let say = request.language.phrases(TaskText.self)
        var (task, errors) = validate(form, agencies: agencies, language: request.language)
        if let task, try await TaskModel.query(on: request.db).filter(\.$sourceID == task.sourceID).first() != nil {
            errors["sourceID"] = say(.sourceIDTaken, task.sourceID)
        }
        guard let task, errors.isEmpty else {
            if request.isAPI { throw APIError(status: .unprocessableEntity, code: "invalid_task", reason: describe(errors)) }
            let all = agencies.sorted { ($0.group, $0.code) < ($1.group, $1.code) }
            return request.page(status: .unprocessableEntity) { TaskPages.editor($0, task: nil, values: form, errors: errors, agencies: all) }
        }
        let agencyID = agencies.first { $0.code == task.agency }!.id!
        let model = TaskModel(sourceID: task.sourceID, document: task.document, documentDate: task.documentDate, issuer: task.issuer,
                              agencyID: agencyID, content: task.content, deadline: task.deadline, completedOn: task.completedOn,
                              completionNote: task.completionNote)
        let origin = request.auditOrigin
        try await request.write { db in
            try await model.create(on: db)
            try await Audit.record(on: db, origin, action: "task.create", targetType: "task", target: task.sourceID,
                                   after: fields(model, agency: task.agency))
        }
        return request.redirect(to: SiteURL.task(.value(model.id!), .show).path, notice: say(.taskAdded))
    }

    static func update(_ request: Request) async throws -> Response {
        try request.verifyCSRF()
        try request.authorize(.manageTasks)
        let model = try await find(request)
        var form = try request.content.decode(TaskForm.self)
        form.sourceID = model.sourceID
        let agencies = try await AgencyModel.query(on: request.db).all()
        let (task, errors) = validate(form, agencies: agencies, language: request.language)
        guard let task, errors.isEmpty else {
            if request.isAPI { throw APIError(status: .unprocessableEntity, code: "invalid_task", reason: describe(errors)) }
            let all = agencies.sorted { ($0.group, $0.code) < ($1.group, $1.code) }
            return request.page(status: .unprocessableEntity) { TaskPages.editor($0, task: model, values: form, errors: errors, agencies: all) }
        }
        let before = fields(model, agency: model.agency.code)
        apply(task, to: model, agencyID: agencies.first { $0.code == task.agency }!.id!)
        let change = Audit.difference(before, fields(model, agency: task.agency))
        let origin = request.auditOrigin
        if !change.after.isEmpty {
            try await request.write { [model] db in
                try await model.update(on: db)
                try await Audit.record(on: db, origin, action: "task.update", targetType: "task", target: task.sourceID,
                                       before: change.before, after: change.after)
            }
        }
        let say = request.language.phrases(TaskText.self)
        return request.redirect(to: SiteURL.task(.value(model.id!), .show).path, notice: say(.taskSaved))
    }

    /// A new deadline granted by the assigning authority, with its document. Earlier ones stay as history.
    static func addExtension(_ request: Request) async throws -> Response {
        try request.verifyCSRF()
        try request.authorize(.manageTasks)
        let model = try await find(request)
        let form = try request.content.decode(ExtensionForm.self)
        let say = request.language.phrases(TaskText.self)
        var errors: [String: String] = [:]
        let document = (form.extensionDocument ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if document.isEmpty { errors["extensionDocument"] = say(.extensionDocumentRequired) }
        let date = (form.extensionDate ?? "").trimmingCharacters(in: .whitespaces)
        let documentDate = CivilDate.parse(date)
        if !date.isEmpty, documentDate == nil { errors["extensionDate"] = say(.notADate, date) }
        let newDeadline = CivilDate.parse(form.extendedDeadline ?? "")
        if newDeadline == nil { errors["extendedDeadline"] = say(.newDeadlineRequired) }
        guard errors.isEmpty, let newDeadline else {
            if request.isAPI { throw APIError(status: .unprocessableEntity, code: "invalid_extension", reason: describe(errors)) }
            let agencies = try await AgencyModel.query(on: request.db).sort(\.$group).sort(\.$code).all()
            let values = TaskForm(sourceID: model.sourceID, document: model.document, documentDate: model.documentDate.flatMap(CivilDate.parse)?.vietnamese,
                                  issuer: model.issuer, agency: model.agency.code, content: model.content,
                                  deadline: CivilDate.parse(model.deadline)?.vietnamese,
                                  completedOn: model.completedOn.flatMap(CivilDate.parse)?.vietnamese, completionNote: model.completionNote)
            return request.page(status: .unprocessableEntity) {
                TaskPages.editor($0, task: model, values: values, errors: [:], agencies: agencies, extensionValues: form, extensionErrors: errors)
            }
        }
        let taskID = try model.requireID()
        let origin = request.auditOrigin
        let sourceID = model.sourceID
        try await request.write { db in
            try await TaskExtensionModel(taskID: taskID, document: document, documentDate: documentDate, newDeadline: newDeadline).create(on: db)
            try await Audit.record(on: db, origin, action: "task.extend", targetType: "task", target: sourceID,
                                   after: ["document": document, "document_date": documentDate?.iso ?? "", "new_deadline": newDeadline.iso])
        }
        return request.redirect(to: SiteURL.task(.value(taskID), .show).path, notice: say(.extensionRecorded))
    }

    struct EvidenceForm: Content {
        var file: File?
    }

    /// A file proving completion (a report, a decision): checked by its content, stored once.
    static func addEvidence(_ request: Request) async throws -> Response {
        try request.verifyCSRF()
        try request.authorize(.manageTasks)
        let model = try await find(request)
        let form = try request.content.decode(EvidenceForm.self)
        let say = request.language.phrases(TaskText.self)
        guard let file = form.file, file.data.readableBytes > 0 else {
            throw APIError(status: .unprocessableEntity, code: "no_file", reason: say(.chooseFile))
        }
        let bytes = Array(file.data.readableBytesView)
        guard let type = ContentSniffer.type(of: bytes), EvidenceUpload.allowedTypes.contains(type) else {
            throw APIError(status: .unsupportedMediaType, code: "file_type_not_allowed",
                           reason: say(.evidenceTypeNotAllowed))
        }
        let name = FileNames.clean(file.filename, contentType: type)
        let taskID = try model.requireID()
        let origin = request.auditOrigin
        let sourceID = model.sourceID
        try await request.write { db in
            let stored = try await EvidenceStore.store(bytes, on: db)
            try await TaskEvidenceModel(taskID: taskID, fileID: try stored.requireID(), fileName: name).create(on: db)
            try await Audit.record(on: db, origin, action: "task.evidence", targetType: "task", target: sourceID,
                                   after: ["file": name, "sha256": stored.sha256])
        }
        return request.redirect(to: SiteURL.task(.value(taskID), .show).path, notice: say(.uploadedNotice, name))
    }

    static func evidence(_ request: Request) async throws -> Response {
        let task = try await find(request)
        try request.authorize(.viewTasks, .agency(task.$agency.id))
        guard let id = request.parameters.get("evidenceID", as: UUID.self),
              let link = try await TaskEvidenceModel.query(on: request.db).filter(\.$id == id).filter(\.$task.$id == task.requireID())
                .with(\.$file).first() else { throw Abort(.notFound) }
        let bytes = try await EvidenceStore.content(of: link.$file.id, on: request.db)
        return EvidenceController.fileResponse(bytes, type: link.file.contentType, name: link.fileName)
    }

    // MARK: Helpers

    static func find(_ request: Request) async throws -> TaskModel {
        guard let id = request.parameters.get("taskID", as: UUID.self),
              let task = try await TaskModel.query(on: request.db).filter(\.$id == id).with(\.$agency)
                .with(\.$extensions).with(\.$evidence).first() else { throw Abort(.notFound) }
        return task
    }

    static func allowed(_ action: Action, _ request: Request) -> Bool {
        request.currentUser.map { Policy.allows($0.actor, action) } ?? false
    }

    /// Reads the form through the core's task row reader (the import's own rules). Field name → message.
    static func validate(_ form: TaskForm, agencies: [AgencyModel], language: Lang) -> (ImportedTask?, [String: String]) {
        let values: [TaskField: String?] = [
            .sourceID: form.sourceID, .document: form.document, .documentDate: form.documentDate, .issuer: form.issuer,
            .agency: form.agency, .content: form.content, .deadline: form.deadline, .completedOn: form.completedOn,
            .completionNote: form.completionNote,
        ]
        let order = Array(values.keys)
        let row = order.map { (values[$0] ?? nil) ?? "" }
        let mapping = ColumnMapping(columns: Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) }))
        let (tasks, problems) = TaskRowReader.read(rows: [(line: 1, fields: row)], mapping: mapping,
                                                   agencyCodes: Set(agencies.map(\.code)), agencyNames: names(agencies))
        var errors: [String: String] = [:]
        for problem in problems {
            let key = problem.field?.rawValue ?? "sourceID"
            errors[key] = errors[key].map { $0 + " " + problem.message(language) } ?? problem.message(language)
        }
        return (tasks.first, errors)
    }

    static func names(_ agencies: [AgencyModel]) -> [String: String] {
        Dictionary(agencies.map { ($0.name, $0.code) }, uniquingKeysWith: { first, _ in first })
    }

    static func describe(_ errors: [String: String]) -> String {
        errors.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: "; ")
    }

    static func apply(_ task: ImportedTask, to model: TaskModel, agencyID: UUID) {
        model.document = task.document
        model.documentDate = task.documentDate?.iso
        model.issuer = task.issuer
        model.$agency.id = agencyID
        model.content = task.content
        model.deadline = task.deadline.iso
        model.completedOn = task.completedOn?.iso
        model.completionNote = task.completionNote
    }

    static func fields(_ model: TaskModel, agency: String) -> [String: String] {
        fields(document: model.document, documentDate: model.documentDate, issuer: model.issuer, agency: agency, content: model.content,
               deadline: model.deadline, completedOn: model.completedOn, completionNote: model.completionNote)
    }

    /// A task's fields as the audit log names them (dates as ISO text, absent ones empty).
    static func fields(document: String, documentDate: String?, issuer: String, agency: String, content: String, deadline: String,
                       completedOn: String?, completionNote: String) -> [String: String] {
        ["document": document, "document_date": documentDate ?? "", "issuer": issuer, "agency": agency, "content": content,
         "deadline": deadline, "completed_on": completedOn ?? "", "completion_note": completionNote]
    }
}
