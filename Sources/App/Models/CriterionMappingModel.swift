import Fluent
import Foundation

/// What one code of an older index version became in a newer one (ChiSoCore's `CriterionMapping`).
final class CriterionMappingModel: Model, @unchecked Sendable {
    static let schema = "criterion_mappings"

    @ID(key: .id) var id: UUID?
    @Parent(key: "from_version_id") var fromVersion: IndexVersionModel
    @Parent(key: "to_version_id") var toVersion: IndexVersionModel
    @Field(key: "from_code") var fromCode: String
    /// The new codes, one per line; empty: no counterpart.
    @Field(key: "to_codes") var toCodes: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(from: UUID, to: UUID, fromCode: String, toCodes: [String]) {
        self.$fromVersion.id = from
        self.$toVersion.id = to
        self.fromCode = fromCode
        self.toCodes = toCodes.joined(separator: "\n")
    }

    var targets: [String] { toCodes.split(separator: "\n").map(String.init) }
}
