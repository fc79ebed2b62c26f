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
    /// The agency's editor changes its self-assessment (state and deadline permitting).
    case editSelfAssessment
    /// The agency's head submits.
    case submitAssessment
    /// The organiser returns a submitted assessment, with a reason.
    case returnAssessment
    /// The organiser lets an agency edit after the deadline, until a date.
    case grantException
}

/// An assessment as the policy sees it.
struct AssessmentTarget: Sendable {
    var agencyID: UUID
    var state: AssessmentState
    var deadlines: WorkflowDeadlines
    var now: Date = Date()
    /// The reason given for a return or a reopening.
    var reason: String?
}

/// What it is done to.
enum Target: Sendable {
    case none
    /// Something that belongs to one agency.
    case agency(UUID)
    /// An assessment: its agency, state and deadlines.
    case assessment(AssessmentTarget)
}

/// Why not, in words for the user.
enum Refusal: Sendable, Equatable, Error {
    case passwordChangeRequired
    case missingRole([Role])
    case otherAgency
    /// The assessment's state or a deadline does not allow it.
    case workflow(WorkflowRefusal)

    var vietnamese: String {
        switch self {
        case .passwordChangeRequired: "Bạn cần đổi mật khẩu trước khi tiếp tục."
        case let .missingRole(roles):
            "Chức năng này dành cho: \(roles.map { Labels.role($0, .vietnamese) }.joined(separator: ", "))."
        case .otherAgency: "Bạn chỉ được xem và thao tác dữ liệu của đơn vị mình."
        case let .workflow(refusal): refusal.message(.vietnamese)
        }
    }

    var english: String {
        switch self {
        case .passwordChangeRequired: "You must change your password before going on."
        case let .missingRole(roles): "This is for: \(roles.map { Labels.role($0, .english) }.joined(separator: ", "))."
        case .otherAgency: "You may only see and change your own agency's data."
        case let .workflow(refusal): refusal.message(.english)
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
            guard case let .assessment(assessment) = target else { return .failure(.otherAgency) }
            if actor.roles.contains(where: \.seesAllAgencies) { return .success(()) }
            guard actor.hasAny([.editor, .head, .viewer]) else {
                return .failure(.missingRole([.editor, .head, .viewer]))
            }
            return assessment.agencyID == actor.agencyID ? .success(()) : .failure(.otherAgency)
        case .editSelfAssessment:
            return ownAgencyStep(actor, [.editor], target, .editSelf)
        case .submitAssessment:
            return ownAgencyStep(actor, [.head], target, .submit)
        case .returnAssessment:
            return councilStep(actor, [.organizer], target, .returnToAgency)
        case .grantException:
            guard actor.has(.organizer) else { return .failure(.missingRole([.organizer])) }
            guard case let .assessment(assessment) = target else { return .failure(.otherAgency) }
            return assessment.state.agencyMayEdit ? .success(()) : .failure(.workflow(.wrongState(assessment.state, .editSelf)))
        }
    }

    /// A step of the agency's own people: role, then own agency, then state and deadline.
    private static func ownAgencyStep(_ actor: Actor, _ roles: [Role], _ target: Target, _ step: WorkflowAction) -> Result<Void, Refusal> {
        guard actor.hasAny(roles) else { return .failure(.missingRole(roles)) }
        guard case let .assessment(assessment) = target, assessment.agencyID == actor.agencyID else { return .failure(.otherAgency) }
        return workflow(step, assessment)
    }

    /// A step of the organiser or the council: role, then state (any agency).
    private static func councilStep(_ actor: Actor, _ roles: [Role], _ target: Target, _ step: WorkflowAction) -> Result<Void, Refusal> {
        guard actor.hasAny(roles) else { return .failure(.missingRole(roles)) }
        guard case let .assessment(assessment) = target else { return .failure(.otherAgency) }
        return workflow(step, assessment)
    }

    private static func workflow(_ step: WorkflowAction, _ assessment: AssessmentTarget) -> Result<Void, Refusal> {
        switch Workflow.check(step, state: assessment.state, now: assessment.now, deadlines: assessment.deadlines,
                              reason: assessment.reason) {
        case .success: .success(())
        case let .failure(refusal): .failure(.workflow(refusal))
        }
    }
}
