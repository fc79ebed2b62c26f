import ChiSoCore
import Fluent
import Foundation

/// An agency (đơn vị): a department, a commune or ward, or another group member.
final class AgencyModel: Model, @unchecked Sendable {
    static let schema = "agencies"

    @ID(key: .id) var id: UUID?
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String
    /// The ranking group (khối): `so`, `xa`, …
    @Field(key: "group_code") var group: String
    /// Tags matched against an index's `notApplicableFor`, `;`-separated.
    @Field(key: "tags") var tags: String
    /// The first day it exists (ISO `YYYY-MM-DD`); nil: from before the records.
    @OptionalField(key: "began_on") var beganOn: String?
    /// The first day it no longer exists (merged, split or dissolved); nil: active.
    @OptionalField(key: "ended_on") var endedOn: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(id: UUID? = nil, code: String, name: String, group: String, tags: [String]) {
        self.id = id
        self.code = code
        self.name = name
        self.group = group
        self.tags = tags.joined(separator: ";")
    }

    var began: CivilDate? { beganOn.flatMap(CivilDate.parse) }
    var ended: CivilDate? { endedOn.flatMap(CivilDate.parse) }

    /// Retired: ended on or before `day`. Its history stays, read-only.
    func isRetired(on day: CivilDate) -> Bool { ended.map { $0 <= day } ?? false }

    var tagList: [String] {
        tags.split(separator: ";").map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
