import ChiSoCore
import Fluent
import Foundation
import Vapor

/// Who appraises which leaf: the organiser's direct assignments on the leaf
/// or its nearest assigned ancestor; otherwise the appraisers of the agency
/// named by the nearest `appraiser` field of the index; otherwise the
/// council chair.
struct AppraisalScope: Sendable {
    /// Appraiser user ids per leaf position; empty means the chair.
    let appraisers: [Int: Set<UUID>]

    init(index: Index, assignments: [AppraisalAssignmentModel], appraisersByAgency: [String: Set<UUID>]) {
        let direct = Dictionary(grouping: assignments.filter { $0.indexCode == index.id }, by: \.criterionCode)
            .mapValues { Set($0.map(\.$user.id)) }
        var result: [Int: Set<UUID>] = [:]
        for position in index.leafPositions {
            var node: Int? = position
            var found: Set<UUID>?
            var agency: String?
            while let current = node {
                if found == nil, let users = direct[index.nodes[current].code], !users.isEmpty { found = users }
                if agency == nil, let code = index.nodes[current].appraiser { agency = code }
                node = index.nodes[current].parent
            }
            result[position] = found ?? agency.flatMap { appraisersByAgency[$0] } ?? []
        }
        appraisers = result
    }

    /// Whether `user` appraises the leaf at `position` (the chair: any leaf nobody else has).
    func isAssigned(_ position: Int, to user: CurrentUser) -> Bool {
        let users = appraisers[position] ?? []
        if users.contains(user.id) { return true }
        return users.isEmpty && user.roles.contains(.chair)
    }

    func leaves(of user: CurrentUser) -> [Int] {
        appraisers.keys.sorted().filter { isAssigned($0, to: user) }
    }

    static func load(period: UUID, index: Index, on db: any Database) async throws -> AppraisalScope {
        let assignments = try await AppraisalAssignmentModel.query(on: db).filter(\.$period.$id == period).all()
        let appraisers = try await UserModel.query(on: db).filter(\.$roleList, .custom("LIKE"), "%appraiser%")
            .filter(\.$active == true).with(\.$agency).all()
        var byAgency: [String: Set<UUID>] = [:]
        for user in appraisers where user.roles.contains(.appraiser) {
            byAgency[user.agency.code, default: []].insert(try user.requireID())
        }
        return AppraisalScope(index: index, assignments: assignments, appraisersByAgency: byAgency)
    }
}
