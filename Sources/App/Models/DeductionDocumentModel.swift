import Fluent
import Foundation

/// The document behind a deduction recorded against one assessment: "Công văn số 123/UBND-TH
/// ngày 15/03/2026 của UBND tỉnh". One per deduction item and assessment; recording it again replaces it.
final class DeductionDocumentModel: Model, @unchecked Sendable {
    static let schema = "deduction_documents"

    @ID(key: .id) var id: UUID?
    @Parent(key: "assessment_id") var assessment: AssessmentModel
    @Field(key: "criterion_code") var criterionCode: String
    @Field(key: "number") var number: String
    /// ISO date (`2026-03-15`).
    @Field(key: "issued_on") var issuedOn: String
    @Field(key: "issuer") var issuer: String
    @OptionalParent(key: "recorded_by") var recordedBy: UserModel?
    @Field(key: "recorded_at") var recordedAt: Date

    init() {}

    init(assessmentID: UUID, criterionCode: String, number: String, issuedOn: String, issuer: String, recordedBy: UUID?, recordedAt: Date) {
        self.$assessment.id = assessmentID
        self.criterionCode = criterionCode
        self.number = number
        self.issuedOn = issuedOn
        self.issuer = issuer
        self.$recordedBy.id = recordedBy
        self.recordedAt = recordedAt
    }
}
