import Fluent
import Foundation

/// An evidence file's content, stored once per SHA-256 (content-addressed),
/// in chunks in the database so that every app instance sees it and one
/// database backup holds everything.
final class EvidenceFileModel: Model, @unchecked Sendable {
    static let schema = "evidence_files"

    @ID(key: .id) var id: UUID?
    @Field(key: "sha256") var sha256: String
    @Field(key: "size") var size: Int
    /// Recognised from the content, not the name (`application/pdf`, …).
    @Field(key: "content_type") var contentType: String
    @Field(key: "chunk_count") var chunkCount: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(id: UUID? = nil, sha256: String, size: Int, contentType: String, chunkCount: Int) {
        self.id = id
        self.sha256 = sha256
        self.size = size
        self.contentType = contentType
        self.chunkCount = chunkCount
    }
}

/// One piece of an evidence file.
final class EvidenceChunkModel: Model, @unchecked Sendable {
    static let schema = "evidence_chunks"

    @ID(key: .id) var id: UUID?
    @Parent(key: "file_id") var file: EvidenceFileModel
    @Field(key: "sequence") var sequence: Int
    @Field(key: "data") var data: Data

    init() {}

    init(id: UUID? = nil, fileID: UUID, sequence: Int, data: Data) {
        self.id = id
        self.$file.id = fileID
        self.sequence = sequence
        self.data = data
    }
}

/// An evidence file attached to one leaf of an assessment, under the name it was uploaded with.
final class EvidenceLinkModel: Model, @unchecked Sendable {
    static let schema = "evidence_links"

    @ID(key: .id) var id: UUID?
    @Parent(key: "assessment_id") var assessment: AssessmentModel
    @Field(key: "criterion_code") var criterionCode: String
    @Parent(key: "file_id") var file: EvidenceFileModel
    @Field(key: "file_name") var fileName: String
    @OptionalParent(key: "uploaded_by") var uploadedBy: UserModel?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}
