import ChiSoCore
import Fluent
import Foundation
import Vapor

/// The agencies through time, read from the database as ChiSoCore's ``AgencyTimeline``, and the one
/// place a reorganisation is written: the agencies it ends and forms, the old name, the links, what
/// happens to each account of an ending agency, and an audit row for each, in one transaction.
struct AgencyHistory: Sendable {
    var timeline: AgencyTimeline
    /// Every agency, by code.
    var agencies: [String: AgencyModel]
    /// Every reorganisation, latest first, with its note and who recorded it.
    var records: [Record]

    struct Record: Sendable {
        var model: AgencyChangeModel
        var change: AgencyTimeline.Change
    }

    /// What becomes of an account of an agency that ends.
    enum AccountFate: Sendable, Hashable {
        case disable
        case move(to: String)
    }

    static func load(on db: any Database) async throws -> AgencyHistory {
        let agencies = try await AgencyModel.query(on: db).all()
        let names = try await AgencyNameModel.query(on: db).all()
        let changes = try await AgencyChangeModel.query(on: db).with(\.$members).all()
        let codeByID = Dictionary(uniqueKeysWithValues: agencies.map { ($0.id!, $0.code) })
        let namesByAgency = Dictionary(grouping: names, by: \.$agency.id)
        let members = agencies.map { agency in
            AgencyTimeline.Member(code: agency.code, name: agency.name, group: agency.group, began: agency.began, ended: agency.ended,
                                  formerNames: (namesByAgency[agency.id!] ?? []).compactMap { row in
                                      CivilDate.parse(row.untilOn).map { AgencyTimeline.FormerName(name: row.name, until: $0) }
                                  })
        }
        let records = changes.compactMap { model -> Record? in
            guard let kind = AgencyTimeline.ChangeKind(rawValue: model.kind), let day = CivilDate.parse(model.effectiveOn) else { return nil }
            func side(_ side: AgencyChangeMemberModel.Side) -> [String] {
                model.members.filter { $0.side == side }.sorted { $0.position < $1.position }.compactMap { codeByID[$0.$agency.id] }
            }
            return Record(model: model, change: .init(kind: kind, effective: day, from: side(.from), to: side(.to)))
        }.sorted { ($0.change.effective, $0.model.createdAt ?? .distantPast) > ($1.change.effective, $1.model.createdAt ?? .distantPast) }
        return AgencyHistory(timeline: AgencyTimeline(members: members, changes: records.map(\.change)),
                             agencies: Dictionary(agencies.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first }), records: records)
    }

    /// The changes `code` took part in, latest first.
    func records(of code: String) -> [Record] {
        records.filter { $0.change.from.contains(code) || $0.change.to.contains(code) }
    }

    /// Writes `plan` (already checked: no ``AgencyTimeline/problems(_:)``) and the accounts' fates.
    static func apply(_ plan: AgencyChangePlan, note: String, accounts: [UUID: AccountFate], origin: Audit.Origin,
                      on db: any Database) async throws {
        let change = plan.change
        let day = change.effective
        for member in plan.newMembers {
            let agency = AgencyModel(code: member.code, name: member.name, group: member.group, tags: [])
            agency.beganOn = day.iso
            try await agency.create(on: db)
            try await Audit.record(on: db, origin, action: "agency.create", targetType: "agency", target: agency.code,
                                   after: AgencyAdminController.fields(agency).merging(["began_on": day.iso]) { $1 })
        }
        let involved = try await AgencyModel.query(on: db).filter(\.$code ~~ (change.from + change.to)).all()
        let byCode = Dictionary(involved.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        try await record(change, note: note, by: origin.username, agencies: byCode, on: db)
        if change.kind == .rename, let code = change.from.first, let agency = byCode[code], let name = plan.newName {
            try await AgencyNameModel(agencyID: agency.requireID(), name: agency.name, until: day).create(on: db)
            let before = agency.name
            agency.name = name.trimmingCharacters(in: .whitespacesAndNewlines)
            try await agency.update(on: db)
            try await Audit.record(on: db, origin, action: "agency.rename", targetType: "agency", target: code,
                                   before: ["name": before], after: ["name": agency.name, "effective": day.iso, "note": note])
        }
        for code in plan.ending {
            guard let agency = byCode[code] else { throw Abort(.conflict) }
            agency.endedOn = day.iso
            try await agency.update(on: db)
            try await Audit.record(on: db, origin, action: "agency.\(change.kind.rawValue)", targetType: "agency", target: code,
                                   before: ["ended_on": ""],
                                   after: ["ended_on": day.iso, "successors": change.to.joined(separator: ", "), "note": note])
        }
        if change.kind == .merge, let successor = change.to.first, change.from.contains(successor) {
            try await Audit.record(on: db, origin, action: "agency.merge", targetType: "agency", target: successor,
                                   after: ["absorbed": plan.ending.joined(separator: ", "), "effective": day.iso, "note": note])
        }
        try await settle(accounts, of: plan.ending.compactMap { byCode[$0]?.id }, origin: origin, on: db)
    }

    /// Stores `change` with its note and the agencies it ended and formed, in order (the agencies exist, in `agencies` by code).
    static func record(_ change: AgencyTimeline.Change, note: String, by username: String, agencies: [String: AgencyModel],
                       on db: any Database) async throws {
        let record = AgencyChangeModel(kind: change.kind, effective: change.effective, note: note, createdBy: username)
        try await record.create(on: db)
        for (side, codes) in [(AgencyChangeMemberModel.Side.from, change.from), (.to, change.to)] {
            for (position, code) in codes.enumerated() {
                guard let agency = agencies[code] else { throw Abort(.conflict, reason: "no agency \(code)") }
                try await AgencyChangeMemberModel(changeID: record.requireID(), agencyID: agency.requireID(), side: side, position: position)
                    .create(on: db)
            }
        }
    }

    /// Disables or moves each account of the ending agencies; an account not named is disabled.
    private static func settle(_ accounts: [UUID: AccountFate], of agencies: [UUID], origin: Audit.Origin, on db: any Database) async throws {
        guard !agencies.isEmpty else { return }
        let users = try await UserModel.query(on: db).filter(\.$agency.$id ~~ agencies).with(\.$agency).all()
        for user in users {
            switch accounts[user.id!] ?? .disable {
            case .disable:
                guard user.active else { continue }
                user.active = false
                try await user.update(on: db)
                try await SessionModel.query(on: db).filter(\.$user.$id == user.requireID()).delete()
                try await Audit.record(on: db, origin, action: "user.disable", targetType: "user", target: user.username,
                                       before: ["active": "true"], after: ["active": "false", "agency": user.agency.code])
            case let .move(code):
                guard let successor = try await AgencyModel.query(on: db).filter(\.$code == code).first() else { throw Abort(.conflict) }
                let from = user.agency.code
                user.$agency.id = try successor.requireID()
                try await user.update(on: db)
                try await Audit.record(on: db, origin, action: "user.move", targetType: "user", target: user.username,
                                       before: ["agency": from], after: ["agency": successor.code])
            }
        }
    }
}
