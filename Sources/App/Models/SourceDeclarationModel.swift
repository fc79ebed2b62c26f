import ChiSoCore
import Fluent
import Foundation

/// The organiser's declaration that one data set behind sourced criteria (``SourceDataSet``) is
/// complete for a period, checked on a day. Withdrawn (deleted, audited) while nothing is final.
final class SourceDeclarationModel: Model, @unchecked Sendable {
    static let schema = "source_declarations"

    @ID(key: .id) var id: UUID?
    @Parent(key: "period_id") var period: PeriodModel
    /// ``SourceDataSet`` raw value: `tasks`, `surveys`, `leaders`.
    @Field(key: "data_set") var dataSet: String
    /// ISO date the data were checked (`2027-01-05`).
    @Field(key: "checked_on") var checkedOn: String
    @OptionalParent(key: "declared_by") var declaredBy: UserModel?
    @Field(key: "declared_at") var declaredAt: Date

    init() {}

    init(periodID: UUID, dataSet: SourceDataSet, checkedOn: CivilDate, declaredBy: UUID?, declaredAt: Date = Date()) {
        self.$period.id = periodID
        self.dataSet = dataSet.rawValue
        self.checkedOn = checkedOn.iso
        self.$declaredBy.id = declaredBy
        self.declaredAt = declaredAt
    }
}
