import Fluent
import Foundation

/// A ranking group's name in both languages (migration 018); agencies name their group by `code`.
final class AgencyGroupModel: Model, @unchecked Sendable {
    static let schema = "agency_groups"

    @ID(key: .id) var id: UUID?
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String
    @Field(key: "english_name") var englishName: String

    init() {}

    init(code: String, name: String, englishName: String) {
        self.code = code
        self.name = name
        self.englishName = englishName
    }
}
