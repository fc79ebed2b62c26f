import Fluent
import Foundation

/// One agency's assessment in one period, and where it is in the workflow.
final class AssessmentModel: Model, @unchecked Sendable {
    static let schema = "assessments"

    @ID(key: .id) var id: UUID?
    @Parent(key: "period_id") var period: PeriodModel
    @Parent(key: "agency_id") var agency: AgencyModel
    @Parent(key: "index_version_id") var indexVersion: IndexVersionModel
    @Field(key: "state") var state: String
    /// Final score (2 places, as text: exact) once finalised.
    @OptionalField(key: "final_score") var finalScore: String?
    @OptionalField(key: "class_code") var classCode: String?
    /// The latest submission (it moves when a returned assessment is submitted again).
    @OptionalField(key: "submitted_at") var submittedAt: Date?
    /// The first submission: what the `submission.late` source compares with the deadline.
    @OptionalField(key: "first_submitted_at") var firstSubmittedAt: Date?
    /// The council member who acts as chair for this assessment (the chair's own agency's).
    @OptionalParent(key: "acting_chair_id") var actingChair: UserModel?
    /// Why it was closed without a result (its agency left the period; migration 022).
    @OptionalField(key: "closed_reason") var closedReason: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(id: UUID? = nil, periodID: UUID, agencyID: UUID, indexVersionID: UUID, state: String) {
        self.id = id
        self.$period.id = periodID
        self.$agency.id = agencyID
        self.$indexVersion.id = indexVersionID
        self.state = state
    }
}

/// What an agency entered for one leaf (or bonus/deduction item), what the
/// appraiser decided, the explanation, and the final. Inputs are kept as
/// the text typed; points are exact decimals as text.
final class CriterionEntryModel: Model, @unchecked Sendable {
    static let schema = "criterion_entries"

    @ID(key: .id) var id: UUID?
    @Parent(key: "assessment_id") var assessment: AssessmentModel
    @Field(key: "criterion_code") var criterionCode: String
    @OptionalField(key: "self_input") var selfInput: String?
    @OptionalField(key: "self_note") var selfNote: String?
    @OptionalField(key: "appraised_input") var appraisedInput: String?
    @OptionalField(key: "appraisal_comment") var appraisalComment: String?
    @OptionalField(key: "explanation") var explanation: String?
    @OptionalField(key: "explained_at") var explainedAt: Date?
    @OptionalParent(key: "appraised_by") var appraisedBy: UserModel?
    @OptionalField(key: "appraised_at") var appraisedAt: Date?
    /// Incremented on every save: a save naming an older revision is refused.
    @Field(key: "revision") var revision: Int
    @OptionalParent(key: "updated_by") var updatedBy: UserModel?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(id: UUID? = nil, assessmentID: UUID, criterionCode: String) {
        self.id = id
        self.$assessment.id = assessmentID
        self.criterionCode = criterionCode
        self.revision = 0
    }
}
