import ChiSoCore
import Fluent
import Foundation
import SQLKit
import Vapor

/// The one place an assessment changes state. ChiSoCore's `Workflow` says
/// which state a step leads to (no controller names one); the change is
/// written only if the assessment is still in the state it was read in,
/// with its audit row and whatever else the step writes (an appraisal, a
/// final score), all in one transaction.
enum AssessmentTransitions {
    /// What else a step writes, in the same transaction, once the state is moved (or stays, for a step that keeps it).
    typealias Work = @Sendable (any Database) async throws -> Void

    /// Applies `step`; returns the state it led to. 409 when the workflow refuses it, or when someone moved the
    /// assessment meanwhile. `details` go into the state change's audit row.
    @discardableResult
    static func apply(_ step: WorkflowAction, to record: AssessmentRecord, reason: String? = nil, details: [String: String] = [:],
                      now: Date = Date(), on request: Request, with work: Work? = nil) async throws -> AssessmentState {
        let from = record.state
        let next: AssessmentState
        let progress = step == .release || step == .finalise ? record.appraisalProgress() : nil
        switch Workflow.check(step, state: from, now: now, deadlines: record.deadlines, reason: reason, progress: progress) {
        case let .success(state): next = state
        case let .failure(refusal): throw PolicyRefusal(refusal: .workflow(refusal), language: request.isAPI ? .english : request.language)
        }
        var after = details.merging(["state": next.rawValue]) { $1 }
        if let reason { after["reason"] = reason }
        let event = Audit.Event(at: now, origin: request.auditOrigin, action: auditAction(step, next), targetType: "assessment",
                                target: "\(record.agency.code) / \(record.period.name)", before: ["state": from.rawValue], after: after)
        let moved = try await request.write { db -> Bool in
            if next != from {
                var update = (db as! any SQLDatabase).update(AssessmentModel.schema).set("state", to: next.rawValue).set("updated_at", to: now)
                if next == .submitted {
                    update = update.set("submitted_at", to: now)
                        .set("first_submitted_at", to: SQLFunction("COALESCE", args: SQLColumn("first_submitted_at"), SQLBind(now)))
                }
                // A reopened assessment has no final result until it is finalised again.
                if step == .reopen { update = update.set("final_score", to: SQLLiteral.null).set("class_code", to: SQLLiteral.null) }
                let rows = try await update.where("id", .equal, record.id).where("state", .equal, from.rawValue).returning("id").all()
                guard !rows.isEmpty else { return false }
                try await Audit.record(event, on: db)
            }
            try await work?(db)
            return true
        }
        guard moved else {
            throw Abort(.conflict, reason: Catalogue(language: request.isAPI ? .english : request.language)(.stateChangedMeanwhile))
        }
        return next
    }

    /// Publishes every finalised assessment of a period, inside the period's own publishing transaction
    /// (whose audit row, one for the period, records it); the state they move to is the workflow's.
    static func publishAll(of period: PeriodModel, now: Date = Date(), on db: any Database) async throws {
        let from = AssessmentState.finalised
        let deadlines = WorkflowDeadlines(selfAssessment: period.selfAssessmentDeadline, explanation: period.explanationDeadline)
        guard case let .success(next) = Workflow.check(.publish, state: from, now: now, deadlines: deadlines, reason: nil) else {
            throw Abort(.conflict)
        }
        try await (db as! any SQLDatabase).update(AssessmentModel.schema).set("state", to: next.rawValue).set("updated_at", to: now)
            .where("period_id", .equal, try period.requireID()).where("state", .equal, from.rawValue).run()
    }

    /// Why the organiser last returned an assessment (its audit row's reason), for the agency's pages.
    static func returnReason(agencyCode: String, periodName: String, on db: any Database) async throws -> String? {
        try await AuditEventModel.query(on: db).filter(\.$action == auditAction(.returnToAgency, .returned))
            .filter(\.$target == "\(agencyCode) / \(periodName)").sort(\.$at, .descending).first()
            .flatMap { Audit.fields($0.after)["reason"] }
    }

    /// The audit log's name of a step (as the log has always named them).
    static func auditAction(_ step: WorkflowAction, _ next: AssessmentState) -> String {
        switch step {
        case .appraise, .reexamine: "assessment.\(next.rawValue)"
        case .returnToAgency: "assessment.return"
        case .editSelf, .submit, .release, .explain, .finalise, .publish, .reopen, .close: "assessment.\(step.rawValue)"
        }
    }
}
