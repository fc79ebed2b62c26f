import Fluent
import Foundation

/// The installation's identity, as official documents print it: the province ("Tỉnh Minh Hoạ"),
/// the issuing body ("UBND TỈNH MINH HOẠ") and the place used in dates ("Minh Hoạ, ngày …").
/// One row, set by the administrator; `demo` when the database holds the invented demo province.
final class InstallationIdentityModel: Model, @unchecked Sendable {
    static let schema = "installation_identity"

    @ID(key: .id) var id: UUID?
    @Field(key: "province") var province: String
    @Field(key: "issuing_body") var issuingBody: String
    @Field(key: "place") var place: String
    @Field(key: "demo") var demo: Bool
    @OptionalParent(key: "updated_by") var updatedBy: UserModel?
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    init(province: String, issuingBody: String, place: String, demo: Bool, updatedBy: UUID?, updatedAt: Date = Date()) {
        self.province = province
        self.issuingBody = issuingBody
        self.place = place
        self.demo = demo
        self.$updatedBy.id = updatedBy
        self.updatedAt = updatedAt
    }
}
