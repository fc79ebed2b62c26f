import ChiSoCore
import Fluent
import Foundation

/// An index being written in the browser: its table (ChiSoCore's `IndexTable` as JSON), which may not
/// validate yet, and its revision (each saved change adds one).
final class IndexDraftModel: Model, @unchecked Sendable {
    static let schema = "index_drafts"

    @ID(key: .id) var id: UUID?
    @Field(key: "title") var title: String
    @Field(key: "content") var content: String
    @Field(key: "revision") var revision: Int
    /// The version it was cloned from (its rows' origins are that version's codes).
    @OptionalParent(key: "base_version_id") var baseVersion: IndexVersionModel?
    /// The version it became; a published draft is read-only.
    @OptionalParent(key: "published_version_id") var publishedVersion: IndexVersionModel?
    @OptionalParent(key: "created_by") var createdBy: UserModel?
    @OptionalParent(key: "updated_by") var updatedBy: UserModel?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(id: UUID? = nil, table: IndexTable, baseVersionID: UUID?, createdBy: UUID?) throws {
        self.id = id
        self.title = table.settings.title
        self.content = try Self.encode(table)
        self.revision = 1
        self.$baseVersion.id = baseVersionID
        self.$publishedVersion.id = nil
        self.$createdBy.id = createdBy
        self.$updatedBy.id = createdBy
    }

    var table: IndexTable {
        get throws { try JSONDecoder().decode(IndexTable.self, from: Data(content.utf8)) }
    }

    static func encode(_ table: IndexTable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(table), as: UTF8.self)
    }
}
