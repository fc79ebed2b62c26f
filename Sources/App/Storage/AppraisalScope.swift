import ChiSoCore
import Fluent
import Foundation
import Vapor

/// Who appraises which leaf of one agency's assessment: the organiser's
/// direct assignments on the leaf or its nearest assigned ancestor;
/// otherwise the appraisers of the agency named by the nearest `appraiser`
/// field of the index; otherwise the council chair. Nobody appraises their
/// own agency: its people are left out, and a leaf nobody else has falls to
/// the chair, or, for the chair's own agency, to the council member the
/// chair named to act for that assessment.
struct AppraisalScope: Sendable {
    /// Appraiser user ids per leaf position, without the assessed agency's people; empty means the chair.
    let appraisers: [Int: Set<UUID>]
    /// The assessed agency.
    let agencyID: UUID
    /// The council member acting as chair for this assessment, if the chair named one.
    let actingChairID: UUID?

    init(index: Index, assignments: [AppraisalAssignmentModel], appraisersByAgency: [String: Set<UUID>],
         agencyOfUser: [UUID: UUID], assessedAgency: UUID, actingChair: UUID?) {
        let direct = Dictionary(grouping: assignments.filter { $0.indexCode == index.id }, by: \.criterionCode)
            .mapValues { Set($0.map(\.$user.id)) }
        let outsider = { (user: UUID) in agencyOfUser[user] != assessedAgency }
        var result: [Int: Set<UUID>] = [:]
        for position in index.leafPositions {
            var node: Int? = position
            var found: Set<UUID>?
            var agency: String?
            while let current = node {
                if found == nil, let users = direct[index.nodes[current].code]?.filter(outsider), !users.isEmpty { found = users }
                if agency == nil, let code = index.nodes[current].appraiser { agency = code }
                node = index.nodes[current].parent
            }
            result[position] = found ?? agency.flatMap { appraisersByAgency[$0]?.filter(outsider) } ?? []
        }
        appraisers = result
        agencyID = assessedAgency
        actingChairID = actingChair
    }

    /// Whether `user` appraises the leaf at `position`: an appraiser it is assigned to; for a leaf
    /// nobody else has, the acting chair if one is named, else the chair (never of their own agency).
    func isAssigned(_ position: Int, to user: CurrentUser) -> Bool {
        takes(appraisers[position] ?? [], user)
    }

    /// Whether `user` takes a piece appraised by `users` (none: the chair's, or the acting chair's).
    private func takes(_ users: Set<UUID>, _ user: CurrentUser) -> Bool {
        guard user.agencyID != agencyID else { return false }
        if users.contains(user.id) { return true }
        guard users.isEmpty else { return false }
        return actingChairID == user.id || user.roles.contains(.chair)
    }

    /// Whether `user` appraises a leaf or item: leaves as assigned; bonus and deduction items fall to
    /// the chair (or the acting chair), like a leaf nobody else has.
    func appraises(_ item: ItemReference, _ user: CurrentUser) -> Bool {
        switch item {
        case let .criterion(position): isAssigned(position, to: user)
        case .bonus, .deduction: takes([], user)
        }
    }

    func leaves(of user: CurrentUser) -> [Int] {
        appraisers.keys.sorted().filter { isAssigned($0, to: user) }
    }

    /// The scope of one assessment.
    static func load(for record: AssessmentRecord, on db: any Database) async throws -> AppraisalScope {
        try await Council.load(period: record.period.id!, on: db).scope(index: record.index, agency: record.agency.id!,
                                                                         actingChair: record.model.$actingChair.id)
    }

    /// The council of one period: the organiser's assignments, and every active appraiser and chair with their agency.
    struct Council: Sendable {
        let assignments: [AppraisalAssignmentModel]
        let appraisersByAgency: [String: Set<UUID>]
        let agencyOfUser: [UUID: UUID]
        /// Appraisers and chairs who may be named to act as chair, with their agency.
        let members: [UserModel]

        static func load(period: UUID, on db: any Database) async throws -> Council {
            let assignments = try await AppraisalAssignmentModel.query(on: db).filter(\.$period.$id == period).all()
            let users = try await UserModel.query(on: db).group(.or) {
                $0.filter(\.$roleList, .custom("LIKE"), "%appraiser%").filter(\.$roleList, .custom("LIKE"), "%chair%")
            }.filter(\.$active == true).with(\.$agency).all()
            let members = users.filter { $0.roles.contains(.appraiser) || $0.roles.contains(.chair) }
            var byAgency: [String: Set<UUID>] = [:]
            var agencyOfUser: [UUID: UUID] = [:]
            for user in members {
                agencyOfUser[try user.requireID()] = user.$agency.id
                if user.roles.contains(.appraiser) { byAgency[user.agency.code, default: []].insert(try user.requireID()) }
            }
            // Directly assigned users who are no longer appraisers still have an agency.
            let unknown = Set(assignments.map(\.$user.id)).subtracting(agencyOfUser.keys)
            if !unknown.isEmpty {
                for user in try await UserModel.query(on: db).filter(\.$id ~~ Array(unknown)).all() {
                    agencyOfUser[try user.requireID()] = user.$agency.id
                }
            }
            return Council(assignments: assignments, appraisersByAgency: byAgency, agencyOfUser: agencyOfUser, members: members)
        }

        func scope(index: Index, agency: UUID, actingChair: UUID?) -> AppraisalScope {
            AppraisalScope(index: index, assignments: assignments, appraisersByAgency: appraisersByAgency, agencyOfUser: agencyOfUser,
                           assessedAgency: agency, actingChair: actingChair)
        }
    }
}
