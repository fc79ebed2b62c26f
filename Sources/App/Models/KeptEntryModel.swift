import Fluent
import Foundation

/// A leaf's input typed by a user whose session had run out (``KeptEntries``).
final class KeptEntryModel: Model, @unchecked Sendable {
    static let schema = "kept_entries"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: UserModel
    @Parent(key: "assessment_id") var assessment: AssessmentModel
    @Field(key: "criterion_code") var criterionCode: String
    @Field(key: "value") var value: String
    @Field(key: "note") var note: String
    @Field(key: "not_applicable") var notApplicable: Bool
    @Field(key: "kept_at") var keptAt: Date

    init() {}
}
