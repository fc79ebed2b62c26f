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

    /// Reads every agency's tasks and provisional scores (the council side and the task office).
    var seesEveryAgency: Bool { roles.contains(where: \.seesAllAgencies) || has(.taskOfficer) }
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
    /// See what the appraisers decided (the agency only once released).
    case viewAppraisal
    /// Confirm or adjust a leaf (an appraiser assigned to it, or the chair for unassigned leaves).
    case appraiseLeaf
    /// Re-examine an explained leaf after release.
    case reexamineLeaf
    /// The chair (or the council member named for the chair's own agency) releases preliminary results / finalises.
    case releaseAssessment
    case finaliseAssessment
    /// The chair names a council member to act as chair for the chair's own agency's assessment.
    case nameActingChair
    /// The organiser or the council records a deduction (with its document) against an assessment,
    /// before release; after it, changes one the agency explained (re-examination).
    case recordDeduction
    /// The agency explains a leaf after release.
    case explainLeaf
    /// The admin reopens a finalised assessment, with a reason.
    case reopenAssessment
    /// The organiser closes an assessment that will have no result (its agency left the period), with a reason.
    case closeAssessment
    /// The organiser assigns appraisers and publishes a period.
    case assignAppraisers
    case publishPeriod
    /// Declare a data set behind sourced criteria complete for a period (or withdraw it).
    case declareSourceData
    /// Set the installation's identity (province, issuing body, place).
    case manageIdentity
    /// The chair's overview of a period's appraisal.
    case viewCouncil
    /// An appraiser's (or the chair's) list of work across agencies.
    case viewAppraisalQueue
    /// The register of assigned tasks: everyone reads (agency people their own agency's).
    case viewTasks
    /// The task-tracking office enters, imports and completes tasks.
    case manageTasks
    /// The organiser imports survey results for a period.
    case manageSurveys
    /// Provincial leaders rate agencies on `leaders` criteria.
    case rateAgencies
    /// Provisional scores, task deadlines and monthly history.
    case viewMonitoring
    /// Final results, rankings, proposals and their exports: the council
    /// side at any time, agencies once the period is published.
    case viewResults
    /// An agency's deputies and the fields assigned to them.
    case manageDeputies
    /// Trying other inputs on an assessment without saving anything.
    case whatIf
}

extension Action {
    /// The steps that change an assessment (refused once its period is closed).
    var changesAssessment: Bool {
        switch self {
        case .editSelfAssessment, .submitAssessment, .returnAssessment, .grantException, .appraiseLeaf, .reexamineLeaf, .releaseAssessment,
             .finaliseAssessment, .nameActingChair, .recordDeduction, .explainLeaf, .reopenAssessment, .closeAssessment: true
        default: false
        }
    }
}

/// An assessment as the policy sees it.
struct AssessmentTarget: Sendable {
    var agencyID: UUID
    var state: AssessmentState
    var deadlines: WorkflowDeadlines
    var now: Date = Date()
    /// The reason given for a return or a reopening.
    var reason: String?
    /// For a leaf: whether the asking user appraises it.
    var leafAssignedToActor = false
    /// What the council has done, for releasing and finalising (refused without it).
    var progress: AppraisalProgress?
    /// The council member the chair named to act as chair for this assessment (the chair's own agency's).
    var actingChairID: UUID?
    /// The organiser closed the assessment's period early: nothing of it changes any more.
    var periodClosed = false
}

/// The results of a period (or of one agency in it).
struct ResultsTarget: Sendable {
    var published: Bool
    /// nil: the whole period.
    var agencyID: UUID?
}

/// What it is done to.
enum Target: Sendable {
    case none
    /// Something that belongs to one agency.
    case agency(UUID)
    /// An assessment: its agency, state and deadlines.
    case assessment(AssessmentTarget)
    case results(ResultsTarget)
}

/// Why not, in words for the user.
enum Refusal: Sendable, Equatable, Error {
    case passwordChangeRequired
    case missingRole([Role])
    case otherAgency
    /// Nobody appraises, re-examines, releases or finalises their own agency's assessment.
    case ownAgency
    /// Another appraiser is assigned to this criterion.
    case notAssigned
    /// Appraisal results are not released to the agency yet.
    case notReleased
    /// The period's results are not published yet.
    case notPublished
    /// The assessment's state or a deadline does not allow it.
    case workflow(WorkflowRefusal)
    /// The organiser closed the period: its assessments no longer change.
    case periodClosed

    var vietnamese: String {
        switch self {
        case .passwordChangeRequired: "Bạn cần đổi mật khẩu trước khi tiếp tục."
        case let .missingRole(roles):
            "Chức năng này dành cho: \(roles.map { Labels.role($0, .vietnamese) }.joined(separator: ", "))."
        case .otherAgency: "Bạn chỉ được xem và thao tác dữ liệu của đơn vị mình."
        case .ownAgency: "Bạn không thẩm định, gửi kết quả hay chốt kết quả hồ sơ của chính đơn vị mình: Chủ tịch Hội đồng chỉ định người khác."
        case .notAssigned: "Tiêu chí này được phân công cho người khác thẩm định."
        case .notReleased: "Kết quả thẩm định chưa được công bố cho đơn vị."
        case .notPublished: "Kết quả của kỳ đánh giá này chưa được công bố."
        case let .workflow(refusal): refusal.message(.vietnamese)
        case .periodClosed: PeriodAdminText.periodClosedRefusal.vietnamese
        }
    }

    var english: String {
        switch self {
        case .passwordChangeRequired: "You must change your password before going on."
        case let .missingRole(roles): "This is for: \(roles.map { Labels.role($0, .english) }.joined(separator: ", "))."
        case .otherAgency: "You may only see and change your own agency's data."
        case .ownAgency: "Nobody appraises, releases or finalises their own agency's assessment: the council chair names someone else."
        case .notAssigned: "Another appraiser is assigned to this criterion."
        case .notReleased: "The appraisal is not released to the agency yet."
        case .notPublished: "This period's results are not published yet."
        case let .workflow(refusal): refusal.message(.english)
        case .periodClosed: PeriodAdminText.periodClosedRefusal.english
        }
    }

    func message(_ language: Language) -> String { language == .vietnamese ? vietnamese : english }

    /// A stable name for API clients.
    var code: String {
        switch self {
        case .passwordChangeRequired: "password_change_required"
        case .missingRole: "missing_role"
        case .otherAgency: "other_agency"
        case .ownAgency: "own_agency"
        case .notAssigned: "not_assigned"
        case .notReleased: "not_released"
        case .notPublished: "not_published"
        case .periodClosed: "period_closed"
        case let .workflow(refusal):
            switch refusal {
            case .wrongState: "wrong_state"
            case .selfAssessmentDeadlinePassed: "self_assessment_deadline_passed"
            case .explanationDeadlinePassed: "explanation_deadline_passed"
            case .appraisalDeadlinePassed: "appraisal_deadline_passed"
            case .reasonRequired: "reason_required"
            case .notAllAppraised: "not_all_appraised"
            case .explanationRoundOpen: "explanation_round_open"
            case .sourcesNotDeclared: "sources_not_declared"
            }
        }
    }
}

/// The one place that decides who may do what to which target. Every route
/// asks it; hiding a button is never the protection.
enum Policy {
    /// ``decide(_:_:_:)`` as a yes or no, for what a page offers.
    static func allows(_ actor: Actor, _ action: Action, _ target: Target = .none) -> Bool {
        if case .success = decide(actor, action, target) { return true }
        return false
    }

    /// Whether a page offers a step whose form asks for the reason (returning, reopening): every
    /// rule holds but the reason, which is not given until the form is sent.
    static func offers(_ actor: Actor, _ action: Action, _ target: Target) -> Bool {
        switch decide(actor, action, target) {
        case .success, .failure(.workflow(.reasonRequired)): true
        case .failure: false
        }
    }

    static func decide(_ actor: Actor, _ action: Action, _ target: Target = .none) -> Result<Void, Refusal> {
        if actor.mustChangePassword, action != .changeOwnPassword {
            return .failure(.passwordChangeRequired)
        }
        if case let .assessment(assessment) = target, assessment.periodClosed, action.changesAssessment {
            return .failure(.periodClosed)
        }
        func needs(_ roles: [Role]) -> Result<Void, Refusal> {
            actor.hasAny(roles) ? .success(()) : .failure(.missingRole(roles))
        }
        switch action {
        case .viewHome, .changeOwnPassword:
            return .success(())
        case .manageAgencies, .manageUsers, .viewAudit, .manageIdentity:
            return needs([.admin])
        case .viewIndexes, .viewPeriods:
            return needs([.admin, .organizer, .appraiser, .chair, .leader])
        case .manageIndexes, .managePeriods:
            return needs([.organizer])
        case .viewAssessment:
            guard case let .assessment(assessment) = target else { return .failure(.otherAgency) }
            if actor.roles.contains(where: \.seesAllAgencies) { return .success(()) }
            guard actor.hasAny([.editor, .head, .viewer, .taskOfficer]) else {
                return .failure(.missingRole([.editor, .head, .viewer]))
            }
            return assessment.agencyID == actor.agencyID ? .success(()) : .failure(.otherAgency)
        case .editSelfAssessment:
            return ownAgencyStep(actor, [.editor], target, .editSelf)
        case .submitAssessment:
            return ownAgencyStep(actor, [.head], target, .submit)
        case .returnAssessment:
            return councilStep(actor, [.organizer], target, .returnToAgency)
        case .viewAppraisal:
            guard case let .assessment(assessment) = target else { return .failure(.otherAgency) }
            if actor.roles.contains(where: \.seesAllAgencies) { return .success(()) }
            guard actor.hasAny([.editor, .head, .viewer]) else { return .failure(.missingRole([.editor, .head, .viewer])) }
            guard assessment.agencyID == actor.agencyID else { return .failure(.otherAgency) }
            return assessment.state.appraisalReleased ? .success(()) : .failure(.notReleased)
        case .appraiseLeaf, .reexamineLeaf:
            guard actor.hasAny([.appraiser, .chair]) else { return .failure(.missingRole([.appraiser, .chair])) }
            guard case let .assessment(assessment) = target else { return .failure(.otherAgency) }
            guard assessment.agencyID != actor.agencyID else { return .failure(.ownAgency) }
            guard assessment.leafAssignedToActor else { return .failure(.notAssigned) }
            return workflow(action == .appraiseLeaf ? .appraise : .reexamine, assessment)
        case .releaseAssessment, .finaliseAssessment:
            guard case let .assessment(assessment) = target else { return .failure(.otherAgency) }
            // The chair, or the council member the chair named for this assessment.
            let acting = assessment.actingChairID == actor.userID && actor.hasAny([.appraiser, .chair])
            guard actor.has(.chair) || acting else { return .failure(.missingRole([.chair])) }
            guard assessment.agencyID != actor.agencyID else { return .failure(.ownAgency) }
            return workflow(action == .releaseAssessment ? .release : .finalise, assessment)
        case .recordDeduction:
            guard case let .assessment(assessment) = target else { return .failure(.otherAgency) }
            let acting = assessment.actingChairID == actor.userID && actor.hasAny([.appraiser, .chair])
            guard actor.hasAny([.organizer, .chair]) || acting else { return .failure(.missingRole([.organizer, .chair])) }
            guard assessment.agencyID != actor.agencyID else { return .failure(.ownAgency) }
            let released = assessment.state == .released || assessment.state == .reexamining
            return workflow(released ? .reexamine : .appraise, assessment)
        case .nameActingChair:
            guard actor.has(.chair) else { return .failure(.missingRole([.chair])) }
            guard case let .assessment(assessment) = target else { return .failure(.otherAgency) }
            // Only where the chair may not act: the chair's own agency.
            guard assessment.agencyID == actor.agencyID else { return .failure(.otherAgency) }
            return assessment.state.hasFinalResult ? .failure(.workflow(.wrongState(assessment.state, .finalise))) : .success(())
        case .explainLeaf:
            return ownAgencyStep(actor, [.editor], target, .explain)
        case .reopenAssessment:
            return councilStep(actor, [.admin], target, .reopen)
        case .closeAssessment:
            return councilStep(actor, [.organizer], target, .close)
        case .assignAppraisers, .publishPeriod, .declareSourceData:
            return needs([.organizer])
        case .viewCouncil:
            return needs([.chair, .organizer, .admin, .leader])
        case .viewAppraisalQueue:
            return needs([.appraiser, .chair])
        case .viewTasks, .viewMonitoring:
            if actor.seesEveryAgency { return .success(()) }
            guard actor.hasAny([.editor, .head, .viewer]) else { return .failure(.missingRole([.editor, .head, .viewer])) }
            if case let .agency(id) = target, id != actor.agencyID { return .failure(.otherAgency) }
            return .success(())
        case .manageTasks:
            return needs([.taskOfficer])
        case .viewResults:
            guard case let .results(results) = target else { return .failure(.otherAgency) }
            if actor.roles.contains(where: \.seesAllAgencies) { return .success(()) }
            guard actor.hasAny([.editor, .head, .viewer, .taskOfficer]) else { return .failure(.missingRole([.editor, .head, .viewer])) }
            if let agency = results.agencyID, agency != actor.agencyID { return .failure(.otherAgency) }
            return results.published ? .success(()) : .failure(.notPublished)
        case .manageDeputies:
            if actor.hasAny([.admin, .organizer]) { return .success(()) }
            guard actor.has(.head) else { return .failure(.missingRole([.head, .organizer, .admin])) }
            if case let .agency(id) = target, id == actor.agencyID { return .success(()) }
            return .failure(.otherAgency)
        case .whatIf:
            if actor.hasAny([.admin, .organizer]) { return .success(()) }
            guard actor.hasAny([.editor, .head, .viewer]) else { return .failure(.missingRole([.organizer, .editor, .head, .viewer])) }
            if case let .agency(id) = target, id == actor.agencyID { return .success(()) }
            return .failure(.otherAgency)
        case .manageSurveys:
            return needs([.organizer])
        case .rateAgencies:
            return needs([.leader])
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
                              reason: assessment.reason, progress: assessment.progress) {
        case .success: .success(())
        case let .failure(refusal): .failure(.workflow(refusal))
        }
    }
}
