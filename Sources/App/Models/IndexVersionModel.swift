import Fluent
import Foundation

/// One uploaded version of an index (Bộ chỉ số): the YAML exactly as
/// uploaded (validated by ChiSoCore), frozen once a period that uses it opens.
final class IndexVersionModel: Model, @unchecked Sendable {
    static let schema = "index_versions"

    @ID(key: .id) var id: UUID?
    /// The index's `id` in its YAML (e.g. `so-2026`).
    @Field(key: "code") var code: String
    /// 1, 2, 3… per code.
    @Field(key: "version") var version: Int
    @Field(key: "title") var title: String
    @Field(key: "yaml") var yaml: String
    @Field(key: "sha256") var sha256: String
    @Field(key: "leaf_count") var leafCount: Int
    @OptionalField(key: "frozen_at") var frozenAt: Date?
    @OptionalParent(key: "uploaded_by") var uploadedBy: UserModel?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(id: UUID? = nil, code: String, version: Int, title: String, yaml: String, sha256: String, leafCount: Int, uploadedBy: UUID?) {
        self.id = id
        self.code = code
        self.version = version
        self.title = title
        self.yaml = yaml
        self.sha256 = sha256
        self.leafCount = leafCount
        self.$uploadedBy.id = uploadedBy
    }
}
