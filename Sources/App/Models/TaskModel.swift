import ChiSoCore
import Fluent
import Foundation

/// An assigned task (nhiệm vụ được giao), as the task-tracking office keeps
/// it: the assigning document, the assignee agency, the deadline and its
/// extensions, and the completion date. `sourceID` is the task's id in the
/// tracking system, so that importing the same export again updates.
final class TaskModel: Model, @unchecked Sendable {
    static let schema = "tasks"

    @ID(key: .id) var id: UUID?
    @Field(key: "source_id") var sourceID: String
    @Field(key: "document") var document: String
    @OptionalField(key: "document_date") var documentDate: String?
    @Field(key: "issuer") var issuer: String
    @Parent(key: "agency_id") var agency: AgencyModel
    @Field(key: "content") var content: String
    /// The original deadline (ISO date); extensions are in ``TaskExtensionModel``.
    @Field(key: "deadline") var deadline: String
    @OptionalField(key: "completed_on") var completedOn: String?
    @Field(key: "completion_note") var completionNote: String
    @Children(for: \.$task) var extensions: [TaskExtensionModel]
    @Children(for: \.$task) var evidence: [TaskEvidenceModel]
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(sourceID: String, document: String, documentDate: CivilDate?, issuer: String, agencyID: UUID, content: String,
         deadline: CivilDate, completedOn: CivilDate?, completionNote: String) {
        self.sourceID = sourceID
        self.document = document
        self.documentDate = documentDate?.iso
        self.issuer = issuer
        self.$agency.id = agencyID
        self.content = content
        self.deadline = deadline.iso
        self.completedOn = completedOn?.iso
        self.completionNote = completionNote
    }

    /// The task as ChiSoCore reads it (extensions must be loaded).
    func assigned(agencyCode: String) -> AssignedTask? {
        guard let deadline = CivilDate.parse(deadline) else { return nil }
        let extensions = $extensions.value ?? []
        return AssignedTask(
            id: sourceID, agency: agencyCode, deadline: deadline,
            extensions: extensions.sorted { ($0.createdAt ?? .distantPast) < ($1.createdAt ?? .distantPast) }.compactMap { $0.extension },
            completedOn: completedOn.flatMap(CivilDate.parse))
    }
}

/// A deadline extended by the assigning authority, with its document.
final class TaskExtensionModel: Model, @unchecked Sendable {
    static let schema = "task_extensions"

    @ID(key: .id) var id: UUID?
    @Parent(key: "task_id") var task: TaskModel
    @Field(key: "document") var document: String
    @OptionalField(key: "document_date") var documentDate: String?
    @Field(key: "new_deadline") var newDeadline: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(taskID: UUID, document: String, documentDate: CivilDate?, newDeadline: CivilDate) {
        self.$task.id = taskID
        self.document = document
        self.documentDate = documentDate?.iso
        self.newDeadline = newDeadline.iso
    }

    var `extension`: DeadlineExtension? {
        guard let deadline = CivilDate.parse(newDeadline) else { return nil }
        return DeadlineExtension(document: document, documentDate: documentDate.flatMap(CivilDate.parse), newDeadline: deadline)
    }
}

/// A file proving a task's completion (stored like assessment evidence: by content, once).
final class TaskEvidenceModel: Model, @unchecked Sendable {
    static let schema = "task_evidence"

    @ID(key: .id) var id: UUID?
    @Parent(key: "task_id") var task: TaskModel
    @Parent(key: "file_id") var file: EvidenceFileModel
    @Field(key: "file_name") var fileName: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(taskID: UUID, fileID: UUID, fileName: String) {
        self.$task.id = taskID
        self.$file.id = fileID
        self.fileName = fileName
    }
}

/// An uploaded task export waiting for its column mapping and preview.
/// Kept in the database so that any app instance can continue the import.
final class TaskImportModel: Model, @unchecked Sendable {
    static let schema = "task_imports"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: UserModel
    @Field(key: "filename") var filename: String
    @Field(key: "bytes") var bytes: Data
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(userID: UUID, filename: String, bytes: Data) {
        self.$user.id = userID
        self.filename = filename
        self.bytes = bytes
    }
}
