import Fluent
import Foundation

/// The organiser assigns an appraiser to a node (a group covers its leaves)
/// of one index in one period.
final class AppraisalAssignmentModel: Model, @unchecked Sendable {
    static let schema = "appraisal_assignments"

    @ID(key: .id) var id: UUID?
    @Parent(key: "period_id") var period: PeriodModel
    /// The index's `id` (so a period with several indexes keeps them apart).
    @Field(key: "index_code") var indexCode: String
    @Field(key: "criterion_code") var criterionCode: String
    @Parent(key: "user_id") var user: UserModel
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(periodID: UUID, indexCode: String, criterionCode: String, userID: UUID) {
        self.$period.id = periodID
        self.indexCode = indexCode
        self.criterionCode = criterionCode
        self.$user.id = userID
    }
}
