import Fluent
import Foundation

/// A survey result (điều tra xã hội học) for one agency and one sourced
/// criterion of a period: the satisfaction percentage, the survey's name and
/// its sample size.
final class SurveyResultModel: Model, @unchecked Sendable {
    static let schema = "survey_results"

    @ID(key: .id) var id: UUID?
    @Parent(key: "period_id") var period: PeriodModel
    @Parent(key: "agency_id") var agency: AgencyModel
    @Field(key: "criterion_code") var criterionCode: String
    /// A decimal in 0…100, as text (exact).
    @Field(key: "percentage") var percentage: String
    @Field(key: "survey_name") var surveyName: String
    @Field(key: "sample_size") var sampleSize: Int
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(periodID: UUID, agencyID: UUID, criterionCode: String, percentage: String, surveyName: String, sampleSize: Int) {
        self.$period.id = periodID
        self.$agency.id = agencyID
        self.criterionCode = criterionCode
        self.percentage = percentage
        self.surveyName = surveyName
        self.sampleSize = sampleSize
    }
}

/// The level a provincial leader gives an agency on a `leaders` criterion.
final class LeaderRatingModel: Model, @unchecked Sendable {
    static let schema = "leader_ratings"

    @ID(key: .id) var id: UUID?
    @Parent(key: "period_id") var period: PeriodModel
    @Parent(key: "agency_id") var agency: AgencyModel
    @Field(key: "criterion_code") var criterionCode: String
    @Field(key: "level") var level: String
    @Parent(key: "rated_by") var ratedBy: UserModel
    @Field(key: "rated_at") var ratedAt: Date

    init() {}

    init(periodID: UUID, agencyID: UUID, criterionCode: String, level: String, ratedBy: UUID, ratedAt: Date) {
        self.$period.id = periodID
        self.$agency.id = agencyID
        self.criterionCode = criterionCode
        self.level = level
        self.$ratedBy.id = ratedBy
        self.ratedAt = ratedAt
    }
}

/// One agency's provisional score in a period at the start of a month,
/// taken by the snapshot job: the history that monitoring draws.
final class ScoreSnapshotModel: Model, @unchecked Sendable {
    static let schema = "score_snapshots"

    @ID(key: .id) var id: UUID?
    @Parent(key: "period_id") var period: PeriodModel
    @Parent(key: "agency_id") var agency: AgencyModel
    /// `2026-11`.
    @Field(key: "month") var month: String
    /// The day the figures are as of (ISO).
    @Field(key: "taken_on") var takenOn: String
    @Field(key: "total") var total: String
    @Field(key: "class_code") var classCode: String
    @Field(key: "tasks_due") var tasksDue: Int
    @Field(key: "tasks_on_time") var tasksOnTime: Int
    @Field(key: "tasks_overdue") var tasksOverdue: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

/// The provincial leader who rates a `leaders` criterion of an index in a period (migration 017).
final class LeaderAssignmentModel: Model, @unchecked Sendable {
    static let schema = "leader_assignments"

    @ID(key: .id) var id: UUID?
    @Parent(key: "period_id") var period: PeriodModel
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
