import Fluent
import Foundation

/// The organiser lets one agency edit its self-assessment after the deadline, until a date.
final class DeadlineExceptionModel: Model, @unchecked Sendable {
    static let schema = "deadline_exceptions"

    @ID(key: .id) var id: UUID?
    @Parent(key: "assessment_id") var assessment: AssessmentModel
    @Field(key: "until") var until: Date
    @Field(key: "reason") var reason: String
    @OptionalParent(key: "granted_by") var grantedBy: UserModel?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(assessmentID: UUID, until: Date, reason: String, grantedBy: UUID?) {
        self.$assessment.id = assessmentID
        self.until = until
        self.reason = reason
        self.$grantedBy.id = grantedBy
    }
}
