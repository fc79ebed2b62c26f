import ChiSoCore
import Fluent
import Foundation

/// A deputy head (cấp phó) of an agency and the fields assigned to them.
final class DeputyModel: Model, @unchecked Sendable {
    static let schema = "deputies"

    @ID(key: .id) var id: UUID?
    @Parent(key: "agency_id") var agency: AgencyModel
    @Field(key: "name") var name: String
    @Field(key: "position") var position: String
    /// Node codes separated by `;` (the same codes in every index of the agency's group, e.g. `I;III`).
    @Field(key: "fields") var fields: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(agencyID: UUID, name: String, position: String, fields: [String]) {
        self.$agency.id = agencyID
        self.name = name
        self.position = position
        self.fields = fields.joined(separator: ";")
    }

    var fieldList: [String] {
        fields.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    var deputy: Deputy { Deputy(name: name, position: position, fields: fieldList) }
}
