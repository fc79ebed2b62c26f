import ChiSoCore
import Fluent
import Foundation

/// An earlier name of an agency and the first day it no longer had it (migration 022).
final class AgencyNameModel: Model, @unchecked Sendable {
    static let schema = "agency_names"

    @ID(key: .id) var id: UUID?
    @Parent(key: "agency_id") var agency: AgencyModel
    @Field(key: "name") var name: String
    @Field(key: "until_on") var untilOn: String

    init() {}

    init(agencyID: UUID, name: String, until: CivilDate) {
        self.$agency.id = agencyID
        self.name = name
        self.untilOn = until.iso
    }
}

/// A reorganisation (merge, split, rename, dissolve) on its effective day, with the decision or
/// reason the administrator gave (migration 022).
final class AgencyChangeModel: Model, @unchecked Sendable {
    static let schema = "agency_changes"

    @ID(key: .id) var id: UUID?
    @Field(key: "kind") var kind: String
    @Field(key: "effective_on") var effectiveOn: String
    @Field(key: "note") var note: String
    @Field(key: "created_by") var createdBy: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Children(for: \.$change) var members: [AgencyChangeMemberModel]

    init() {}

    init(id: UUID? = nil, kind: AgencyTimeline.ChangeKind, effective: CivilDate, note: String, createdBy: String) {
        self.id = id
        self.kind = kind.rawValue
        self.effectiveOn = effective.iso
        self.note = note
        self.createdBy = createdBy
    }
}

/// An agency a reorganisation ended (`from`) or that carries on its work (`to`), in the order given.
final class AgencyChangeMemberModel: Model, @unchecked Sendable {
    static let schema = "agency_change_members"

    enum Side: String, Codable, Sendable { case from, to }

    @ID(key: .id) var id: UUID?
    @Parent(key: "change_id") var change: AgencyChangeModel
    @Parent(key: "agency_id") var agency: AgencyModel
    @Enum(key: "side") var side: Side
    @Field(key: "position") var position: Int

    init() {}

    init(changeID: UUID, agencyID: UUID, side: Side, position: Int) {
        self.$change.id = changeID
        self.$agency.id = agencyID
        self.side = side
        self.position = position
    }
}
