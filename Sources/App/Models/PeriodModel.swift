import ChiSoCore
import Fluent
import Foundation

/// An assessment period (kỳ đánh giá): a year, a quarter or a month, with
/// its phase dates and the index that applies to each group.
final class PeriodModel: Model, @unchecked Sendable {
    static let schema = "periods"

    enum Kind: String, Codable, CaseIterable, Sendable { case year, quarter, month }
    enum Status: String, Codable, CaseIterable, Sendable { case draft, open, closed, published }

    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    @Enum(key: "kind") var kind: Kind
    @Field(key: "year") var year: Int
    /// Quarter (1–4) or month (1–12); `nil` for a year.
    @OptionalField(key: "number") var number: Int?
    @Enum(key: "status") var status: Status
    @Field(key: "self_assessment_deadline") var selfAssessmentDeadline: Date
    @Field(key: "appraisal_deadline") var appraisalDeadline: Date
    @Field(key: "explanation_deadline") var explanationDeadline: Date
    /// Why the organiser closed the period before its course ran (migration 023).
    @OptionalField(key: "closed_reason") var closedReason: String?
    /// How a year shows its quarters' or months' results (migration 023; nil: side by side only).
    @OptionalEnum(key: "rollup") var rollup: PeriodRollup?
    @Children(for: \.$period) var indexes: [PeriodIndexModel]
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(id: UUID? = nil, name: String, kind: Kind, year: Int, number: Int?, status: Status,
         selfAssessmentDeadline: Date, appraisalDeadline: Date, explanationDeadline: Date) {
        self.id = id
        self.name = name
        self.kind = kind
        self.year = year
        self.number = number
        self.status = status
        self.selfAssessmentDeadline = selfAssessmentDeadline
        self.appraisalDeadline = appraisalDeadline
        self.explanationDeadline = explanationDeadline
    }
}

/// Which index version a group of agencies is assessed on in a period.
final class PeriodIndexModel: Model, @unchecked Sendable {
    static let schema = "period_indexes"

    @ID(key: .id) var id: UUID?
    @Parent(key: "period_id") var period: PeriodModel
    @Field(key: "group_code") var group: String
    @Parent(key: "index_version_id") var indexVersion: IndexVersionModel

    init() {}

    init(id: UUID? = nil, periodID: UUID, group: String, indexVersionID: UUID) {
        self.id = id
        self.$period.id = periodID
        self.group = group
        self.$indexVersion.id = indexVersionID
    }
}
