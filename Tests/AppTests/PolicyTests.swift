import ChiSoCore
import Foundation
import Testing
@testable import App

/// `Policy.decide` as a table: every action, for every role, on its own
/// agency's target and another's, in every assessment state, before and
/// after the deadlines, with and without a reason, assigned or not. The
/// expected answer is written out here from the domain's rules, not derived
/// from the policy's code.
@Suite("Policy.decide as a table")
struct PolicyTests {
    /// Who may, as the domain README says it.
    enum Rule {
        /// Any signed-in user.
        case anyone
        /// These roles, any target.
        case roles(Set<Role>)
        /// These roles, on their own agency's assessment in these states (before the deadline for self-assessment steps).
        case ownStep(Set<Role>, states: Set<AssessmentState>, deadline: Deadline)
        /// These roles, on any agency's assessment in these states; `reason` when a reason is required.
        case councilStep(Set<Role>, states: Set<AssessmentState>, reason: Bool)
        /// Appraisers and the chair on a leaf assigned to them, in these states, never of their own agency.
        case leafStep(states: Set<AssessmentState>)
        /// The chair releasing or finalising (the whole appraisal done), never their own agency's.
        case judgingStep(states: Set<AssessmentState>)
        /// The chair naming who acts for the chair's own agency's assessment, before its final result.
        case actingChair
        /// The organiser or the chair recording a deduction, never for their own agency, between submission and the final result.
        case deductionStep
        /// Everyone who sees all agencies; agency people (these roles) their own agency's, once `ownStates`.
        case view(agencyRoles: Set<Role>, ownStates: Set<AssessmentState>?, refusal: Refusal)
        /// The organiser on an assessment the agency may still edit (a deadline exception).
        case exception
    }

    enum Deadline { case selfAssessment, explanation }

    static let seeAll: Set<Role> = [.admin, .organizer, .appraiser, .chair, .leader]
    static let agencyPeople: Set<Role> = [.editor, .head, .viewer, .taskOfficer]
    static let editable: Set<AssessmentState> = [.draft, .returned]
    static let released: Set<AssessmentState> = [.released, .reexamining, .finalised, .published]

    static let table: [Action: Rule] = [
        .viewHome: .anyone, .changeOwnPassword: .anyone,
        .manageAgencies: .roles([.admin]), .manageUsers: .roles([.admin]), .viewAudit: .roles([.admin]), .manageIdentity: .roles([.admin]),
        .viewIndexes: .roles(seeAll), .viewPeriods: .roles(seeAll),
        .manageIndexes: .roles([.organizer]), .managePeriods: .roles([.organizer]),
        .assignAppraisers: .roles([.organizer]), .publishPeriod: .roles([.organizer]), .declareSourceData: .roles([.organizer]), .manageSurveys: .roles([.organizer]),
        .viewCouncil: .roles([.chair, .organizer, .admin, .leader]), .viewAppraisalQueue: .roles([.appraiser, .chair]),
        .manageTasks: .roles([.taskOfficer]), .rateAgencies: .roles([.leader]),
        .viewAssessment: .view(agencyRoles: [.editor, .head, .viewer, .taskOfficer], ownStates: nil, refusal: .otherAgency),
        .viewAppraisal: .view(agencyRoles: [.editor, .head, .viewer], ownStates: released, refusal: .notReleased),
        .editSelfAssessment: .ownStep([.editor], states: editable, deadline: .selfAssessment),
        .submitAssessment: .ownStep([.head], states: editable, deadline: .selfAssessment),
        .explainLeaf: .ownStep([.editor], states: [.released], deadline: .explanation),
        .returnAssessment: .councilStep([.organizer], states: [.submitted], reason: true),
        .releaseAssessment: .judgingStep(states: [.submitted, .appraising]),
        .finaliseAssessment: .judgingStep(states: [.released, .reexamining]),
        .nameActingChair: .actingChair,
        .recordDeduction: .deductionStep,
        .reopenAssessment: .councilStep([.admin], states: [.finalised, .published], reason: true),
        .closeAssessment: .councilStep([.organizer], states: [.draft, .returned, .submitted, .appraising, .released, .reexamining], reason: true),
        .appraiseLeaf: .leafStep(states: [.submitted, .appraising]),
        .reexamineLeaf: .leafStep(states: [.released, .reexamining]),
        .grantException: .exception,
    ]

    struct Situation {
        var role: Role
        var own: Bool
        var state: AssessmentState
        var afterDeadline: Bool
        var reason: String?
        var assigned: Bool
    }

    /// What the table says: nil for allowed, else the kind of refusal.
    static func expected(_ action: Action, _ s: Situation) -> String? {
        let rule = table[action]!
        switch rule {
        case .anyone: return nil
        case let .roles(roles): return roles.contains(s.role) ? nil : "missing_role"
        case let .ownStep(roles, states, deadline):
            guard roles.contains(s.role) else { return "missing_role" }
            guard s.own else { return "other_agency" }
            guard states.contains(s.state) else { return "wrong_state" }
            if s.afterDeadline { return deadline == .selfAssessment ? "self_assessment_deadline_passed" : "explanation_deadline_passed" }
            return nil
        case let .councilStep(roles, states, reason):
            guard roles.contains(s.role) else { return "missing_role" }
            guard states.contains(s.state) else { return "wrong_state" }
            if reason, (s.reason ?? "").trimmingCharacters(in: .whitespaces).isEmpty { return "reason_required" }
            return nil
        case let .leafStep(states):
            guard [.appraiser, .chair].contains(s.role) else { return "missing_role" }
            guard !s.own else { return "own_agency" }
            guard s.assigned else { return "not_assigned" }
            return states.contains(s.state) ? nil : "wrong_state"
        case let .judgingStep(states):
            guard s.role == .chair else { return "missing_role" }
            guard !s.own else { return "own_agency" }
            return states.contains(s.state) ? nil : "wrong_state"
        case .deductionStep:
            guard [.organizer, .chair].contains(s.role) else { return "missing_role" }
            guard !s.own else { return "own_agency" }
            return [.submitted, .appraising, .released, .reexamining].contains(s.state) ? nil : "wrong_state"
        case .actingChair:
            guard s.role == .chair else { return "missing_role" }
            guard s.own else { return "other_agency" }
            return [.finalised, .published].contains(s.state) ? "wrong_state" : nil
        case let .view(agencyRoles, ownStates, refusal):
            if seeAll.contains(s.role) { return nil }
            guard agencyRoles.contains(s.role) else { return "missing_role" }
            guard s.own else { return "other_agency" }
            if let ownStates, !ownStates.contains(s.state) { return refusal.code }
            return nil
        case .exception:
            guard s.role == .organizer else { return "missing_role" }
            return editable.contains(s.state) ? nil : "wrong_state"
        }
    }

    @Test("Every action that has a target in an assessment answers as the table says, in every situation")
    func assessmentActions() {
        let own = UUID(), other = UUID()
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        var checked = 0
        for (action, _) in Self.table {
            for role in Role.allCases {
                for state in AssessmentState.allCases {
                    for isOwn in [true, false] {
                        for afterDeadline in [false, true] {
                            for reason in [nil, "  ", "Thiếu báo cáo"] as [String?] {
                                for assigned in [false, true] {
                                    let deadline = afterDeadline ? now.addingTimeInterval(-86400) : now.addingTimeInterval(86400)
                                    let target = AssessmentTarget(agencyID: isOwn ? own : other, state: state,
                                                                  deadlines: WorkflowDeadlines(selfAssessment: deadline, explanation: deadline),
                                                                  now: now, reason: reason, leafAssignedToActor: assigned,
                                                                  progress: AppraisalProgress(unappraised: [], explained: 1, unexamined: []))
                                    let actor = Actor(userID: UUID(), agencyID: own, roles: [role], mustChangePassword: false)
                                    let situation = Situation(role: role, own: isOwn, state: state, afterDeadline: afterDeadline,
                                                              reason: reason, assigned: assigned)
                                    let answer: String?
                                    switch Policy.decide(actor, action, .assessment(target)) {
                                    case .success: answer = nil
                                    case let .failure(refusal): answer = refusal.code
                                    }
                                    #expect(answer == Self.expected(action, situation),
                                            "\(action) \(role) own=\(isOwn) \(state) late=\(afterDeadline) reason=\(reason ?? "nil") assigned=\(assigned)")
                                    checked += 1
                                }
                            }
                        }
                    }
                }
            }
        }
        #expect(checked == Self.table.count * Role.allCases.count * AssessmentState.allCases.count * 2 * 2 * 3 * 2)
    }

    @Test("Once its period is closed, nothing changes an assessment; it can still be seen")
    func closedPeriod() {
        let own = UUID()
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        for (action, _) in Self.table {
            for role in Role.allCases {
                for state in AssessmentState.allCases {
                    let target = AssessmentTarget(agencyID: own, state: state,
                                                  deadlines: WorkflowDeadlines(selfAssessment: now + 86400, explanation: now + 86400), now: now,
                                                  reason: "lý do", leafAssignedToActor: true,
                                                  progress: AppraisalProgress(unappraised: [], explained: 1, unexamined: []), periodClosed: true)
                    let actor = Actor(userID: UUID(), agencyID: own, roles: [role], mustChangePassword: false)
                    let answer = Policy.decide(actor, action, .assessment(target))
                    if action.changesAssessment {
                        guard case let .failure(refusal) = answer else { Issue.record("\(action) \(role) \(state) allowed"); continue }
                        #expect(refusal == .periodClosed, "\(action) \(role) \(state)")
                    } else if case let .failure(refusal) = answer {
                        #expect(refusal != .periodClosed, "\(action) \(role) \(state)")
                    }
                }
            }
        }
    }

    @Test("Agency-scoped actions: tasks, monitoring, deputies, what-if; results before and after publication")
    func agencyActions() {
        let own = UUID(), other = UUID()
        for role in Role.allCases {
            let actor = Actor(userID: UUID(), agencyID: own, roles: [role], mustChangePassword: false)
            func code(_ action: Action, _ target: Target) -> String? {
                if case let .failure(refusal) = Policy.decide(actor, action, target) { return refusal.code }
                return nil
            }
            let seesEvery = Self.seeAll.contains(role) || role == .taskOfficer
            for action in [Action.viewTasks, .viewMonitoring] {
                #expect(code(action, .agency(own)) == (seesEvery || [.editor, .head, .viewer].contains(role) ? nil : "missing_role"), "\(action) \(role)")
                #expect(code(action, .agency(other)) == (seesEvery ? nil : [.editor, .head, .viewer].contains(role) ? "other_agency" : "missing_role"),
                        "\(action) \(role) other")
            }
            let deputies: (String?, String?) = [.admin, .organizer].contains(role) ? (nil, nil)
                : role == .head ? (nil, "other_agency") : ("missing_role", "missing_role")
            #expect(code(.manageDeputies, .agency(own)) == deputies.0, "deputies \(role)")
            #expect(code(.manageDeputies, .agency(other)) == deputies.1, "deputies \(role) other")
            let whatIf: (String?, String?) = [.admin, .organizer].contains(role) ? (nil, nil)
                : [.editor, .head, .viewer].contains(role) ? (nil, "other_agency") : ("missing_role", "missing_role")
            #expect(code(.whatIf, .agency(own)) == whatIf.0, "what-if \(role)")
            #expect(code(.whatIf, .agency(other)) == whatIf.1, "what-if \(role) other")
            for published in [false, true] {
                for agency in [nil, own, other] as [UUID?] {
                    let expected: String? = Self.seeAll.contains(role) ? nil
                        : !Self.agencyPeople.contains(role) ? "missing_role"
                        : agency == other ? "other_agency" : published ? nil : "not_published"
                    #expect(code(.viewResults, .results(ResultsTarget(published: published, agencyID: agency))) == expected,
                            "results \(role) published=\(published) agency=\(agency == nil ? "all" : agency == own ? "own" : "other")")
                }
            }
        }
    }

    @Test("The council member the chair named acts as chair for that assessment only, never for their own agency")
    func actingChair() {
        let chairAgency = UUID(), memberAgency = UUID(), member = UUID()
        let actor = Actor(userID: member, agencyID: memberAgency, roles: [.appraiser], mustChangePassword: false)
        let done = AppraisalProgress(unappraised: [], explained: 1, unexamined: [])
        func target(_ agency: UUID, _ state: AssessmentState, acting: UUID?) -> Target {
            .assessment(AssessmentTarget(agencyID: agency, state: state, deadlines: WorkflowDeadlines(selfAssessment: .distantFuture, explanation: .distantFuture),
                                         progress: done, actingChairID: acting))
        }
        #expect(Policy.allows(actor, .releaseAssessment, target(chairAgency, .appraising, acting: member)))
        #expect(Policy.allows(actor, .finaliseAssessment, target(chairAgency, .reexamining, acting: member)))
        #expect(!Policy.allows(actor, .finaliseAssessment, target(chairAgency, .reexamining, acting: UUID())))
        #expect(!Policy.allows(actor, .finaliseAssessment, target(chairAgency, .reexamining, acting: nil)))
        if case .failure(.ownAgency) = Policy.decide(actor, .finaliseAssessment, target(memberAgency, .reexamining, acting: member)) {} else {
            Issue.record("the acting chair finalised their own agency's assessment")
        }
        // The acting chair may not name another.
        #expect(!Policy.allows(actor, .nameActingChair, target(chairAgency, .appraising, acting: member)))
    }

    @Test("A password to change stops everything but changing it")
    func mustChangePassword() {
        for role in Role.allCases {
            let actor = Actor(userID: UUID(), agencyID: UUID(), roles: [role], mustChangePassword: true)
            for action in Action.allCases {
                let allowed = Policy.allows(actor, action, .agency(actor.agencyID))
                #expect(allowed == (action == .changeOwnPassword), "\(action) \(role)")
            }
        }
    }

    @Test("Every action is in the table or in the agency-scoped test")
    func everyAction() {
        let agencyScoped: Set<Action> = [.viewTasks, .viewMonitoring, .manageDeputies, .whatIf, .viewResults]
        for action in Action.allCases {
            #expect(Self.table[action] != nil || agencyScoped.contains(action), "\(action)")
        }
    }
}
