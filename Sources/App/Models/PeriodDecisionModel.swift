import Fluent
import Foundation

/// The decision that announced a published period's results: "Quyết định số 125/QĐ-UBND ngày
/// 15/01/2027 của UBND tỉnh Minh Hoạ", signed "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / Nguyễn Văn An";
/// optionally the signed PDF. One per period, recorded when it is published.
final class PeriodDecisionModel: Model, @unchecked Sendable {
    static let schema = "period_decisions"

    @ID(key: .id) var id: UUID?
    @Parent(key: "period_id") var period: PeriodModel
    @Field(key: "number") var number: String
    /// ISO date (`2027-01-15`).
    @Field(key: "signed_on") var signedOn: String
    @Field(key: "issuer") var issuer: String
    @Field(key: "signer") var signer: String
    /// "KT. CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN" or empty (the head signs in their own name).
    @Field(key: "signer_authority") var signerAuthority: String
    /// "PHÓ CHỦ TỊCH", "CHỦ TỊCH", "GIÁM ĐỐC".
    @Field(key: "signer_position") var signerPosition: String
    @OptionalParent(key: "file_id") var file: EvidenceFileModel?
    @OptionalField(key: "file_name") var fileName: String?
    @OptionalParent(key: "recorded_by") var recordedBy: UserModel?
    @Field(key: "recorded_at") var recordedAt: Date

    init() {}

    init(periodID: UUID, number: String, signedOn: String, issuer: String, signer: String, signerAuthority: String,
         signerPosition: String, recordedBy: UUID?, recordedAt: Date = Date()) {
        self.$period.id = periodID
        self.number = number
        self.signedOn = signedOn
        self.issuer = issuer
        self.signer = signer
        self.signerAuthority = signerAuthority
        self.signerPosition = signerPosition
        self.$recordedBy.id = recordedBy
        self.recordedAt = recordedAt
    }
}
