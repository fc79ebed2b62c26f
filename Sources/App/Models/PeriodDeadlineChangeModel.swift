import Fluent
import Foundation

/// A deadline of a period moved by the organiser, with the reason (migration 023): agencies see
/// the change on their home page.
final class PeriodDeadlineChangeModel: Model, @unchecked Sendable {
    static let schema = "period_deadline_changes"

    enum Deadline: String, Codable, CaseIterable, Sendable { case selfAssessment = "self_assessment", appraisal, explanation }

    @ID(key: .id) var id: UUID?
    @Parent(key: "period_id") var period: PeriodModel
    @Enum(key: "deadline") var deadline: Deadline
    @Field(key: "before_at") var before: Date
    @Field(key: "after_at") var after: Date
    @Field(key: "reason") var reason: String
    @Field(key: "changed_by") var changedBy: String
    @Field(key: "changed_at") var changedAt: Date

    init() {}

    init(periodID: UUID, deadline: Deadline, before: Date, after: Date, reason: String, changedBy: String, changedAt: Date) {
        self.$period.id = periodID
        self.deadline = deadline
        self.before = before
        self.after = after
        self.reason = reason
        self.changedBy = changedBy
        self.changedAt = changedAt
    }
}
