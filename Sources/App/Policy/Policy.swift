import ChiSoCore
import Foundation

/// Who is asking.
struct Actor: Sendable {
    var userID: UUID
    var agencyID: UUID
    var roles: Set<Role>
    var mustChangePassword: Bool

    func has(_ role: Role) -> Bool { roles.contains(role) }
    func hasAny(_ wanted: [Role]) -> Bool { wanted.contains { roles.contains($0) } }
}

/// What they want to do.
enum Action: String, Sendable, CaseIterable {
    case viewHome
    case changeOwnPassword
    case manageAgencies
    case manageUsers
    case viewAudit
    case viewIndexes
    case manageIndexes
    case viewPeriods
    case managePeriods
    case viewAssessment
}

/// What it is done to.
enum Target: Sendable {
    case none
    /// Something that belongs to one agency.
    case agency(UUID)
    /// An assessment: its agency and state.
    case assessment(agencyID: UUID, state: AssessmentState)
}

/// Why not, in words for the user.
enum Refusal: Sendable, Equatable, Error {
    case passwordChangeRequired
    case missingRole([Role])
    case otherAgency

    var vietnamese: String {
        switch self {
        case .passwordChangeRequired: "Bạn cần đổi mật khẩu trước khi tiếp tục."
        case let .missingRole(roles):
            "Chức năng này dành cho: \(roles.map { Labels.role($0, .vietnamese) }.joined(separator: ", "))."
        case .otherAgency: "Bạn chỉ được xem và thao tác dữ liệu của đơn vị mình."
        }
    }

    var english: String {
        switch self {
        case .passwordChangeRequired: "You must change your password before going on."
        case let .missingRole(roles): "This is for: \(roles.map { Labels.role($0, .english) }.joined(separator: ", "))."
        case .otherAgency: "You may only see and change your own agency's data."
        }
    }

    func message(_ language: Language) -> String { language == .vietnamese ? vietnamese : english }
}

/// The one place that decides who may do what to which target. Every route
/// asks it; hiding a button is never the protection.
enum Policy {
    static func decide(_ actor: Actor, _ action: Action, _ target: Target = .none) -> Result<Void, Refusal> {
        if actor.mustChangePassword, action != .changeOwnPassword {
            return .failure(.passwordChangeRequired)
        }
        func needs(_ roles: [Role]) -> Result<Void, Refusal> {
            actor.hasAny(roles) ? .success(()) : .failure(.missingRole(roles))
        }
        switch action {
        case .viewHome, .changeOwnPassword:
            return .success(())
        case .manageAgencies, .manageUsers, .viewAudit:
            return needs([.admin])
        case .viewIndexes, .viewPeriods:
            return needs([.admin, .organizer, .appraiser, .chair, .leader])
        case .manageIndexes, .managePeriods:
            return needs([.organizer])
        case .viewAssessment:
            guard case let .assessment(agencyID, _) = target else { return .failure(.otherAgency) }
            if actor.roles.contains(where: \.seesAllAgencies) { return .success(()) }
            guard actor.hasAny([.editor, .head, .viewer]) else {
                return .failure(.missingRole([.editor, .head, .viewer]))
            }
            return agencyID == actor.agencyID ? .success(()) : .failure(.otherAgency)
        }
    }
}
