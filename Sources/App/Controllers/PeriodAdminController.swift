import ChiSoCore
import Fluent
import Foundation
import SQLKit
import Vapor

/// A period while it runs (the organiser): agencies that join it or leave it, deadlines moved with a
/// reason, and closing it early. Each change audited.
enum PeriodAdminController {
    struct AddAgencyForm: Content {
        var agencyID: UUID?
    }

    /// Adds an agency formed (or created) while the period is open: its assessment, on its group's index.
    static func addAgency(_ request: Request) async throws -> Response {
        let (period, periodID) = try await openPeriod(request)
        let say = request.language.phrases(PeriodAdminText.self)
        let form = try request.content.decode(AddAgencyForm.self)
        guard let agencyID = form.agencyID, let agency = try await AgencyModel.find(agencyID, on: request.db) else {
            throw Abort(.badRequest, reason: Catalogue(language: request.language)(.invalid))
        }
        guard !agency.isRetired(on: SourceData.today) else { throw Abort(.conflict, reason: say(.agencyEnded, agency.code)) }
        if let began = agency.began, began > SourceData.today {
            throw Abort(.conflict, reason: say(.agencyNotYetFormed, agency.code, began.vietnamese))
        }
        guard let assignment = try await PeriodIndexModel.query(on: request.db).filter(\.$period.$id == periodID)
            .filter(\.$group == agency.group).with(\.$indexVersion).first() else {
            throw Abort(.conflict, reason: say(.groupHasNoIndex, agency.group))
        }
        let origin = request.auditOrigin
        let added = try await request.write { db -> Bool in
            guard try await AssessmentModel.query(on: db).filter(\.$period.$id == periodID).filter(\.$agency.$id == agencyID).first() == nil
            else { return false }
            try await AssessmentModel(periodID: periodID, agencyID: agencyID, indexVersionID: assignment.indexVersion.requireID(),
                                      state: AssessmentState.draft.rawValue).create(on: db)
            try await Audit.record(on: db, origin, action: "period.add_agency", targetType: "period", target: "\(period.name) / \(agency.code)",
                                   after: ["agency": agency.code, "index": "\(assignment.indexVersion.code) v\(assignment.indexVersion.version)"])
            return true
        }
        guard added else { throw Abort(.conflict, reason: say(.alreadyInPeriod, agency.code)) }
        return request.redirect(to: SiteURL.period(.value(periodID), .show).path + "#membership", notice: say(.agencyAdded, agency.code))
    }

    /// Closes an assessment that will have no result (its agency was dissolved or merged): left out of the ranking.
    static func closeAssessment(_ request: Request) async throws -> Response {
        try request.verifyCSRF()
        let record = try await request.assessments.load(request.parameters.get("assessmentID", as: UUID.self))
        let reason = (try request.content.decode(AppraisalController.ReasonForm.self).reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        try request.authorize(.closeAssessment, record.target(reason: reason))
        // Only an agency that leaves the period (merged, split or dissolved) has its assessment closed: an active one is ranked.
        guard record.agency.ended != nil else {
            throw Abort(.conflict, reason: request.language.phrases(PeriodAdminText.self)(.agencyStillActive, record.agency.code))
        }
        let id = record.id
        try await AssessmentTransitions.apply(.close, to: record, reason: reason, on: request) { db in
            try await AssessmentModel.query(on: db).filter(\.$id == id).set(\.$closedReason, to: reason).update()
        }
        let say = request.language.phrases(PeriodAdminText.self)
        return request.redirect(to: SiteURL.period(.value(try record.period.requireID()), .show).path + "#membership",
                                notice: say(.assessmentClosed, record.agency.code))
    }

    struct DeadlineForm: Content {
        var selfDeadline: String?
        var appraisalDeadline: String?
        var explanationDeadline: String?
        var reason: String?
    }

    /// Moves the period's deadlines (while it is a draft or open), with a reason; agencies see it on their home page.
    static func changeDeadlines(_ request: Request) async throws -> Response {
        try request.verifyCSRF()
        let organiser = try request.authorize(.managePeriods)
        let period = try await PeriodController.find(request)
        let periodID = try period.requireID()
        let say = request.language.phrases(PeriodAdminText.self)
        guard period.status == .draft || period.status == .open else { throw Abort(.conflict, reason: say(.periodNotOpen)) }
        let form = try request.content.decode(DeadlineForm.self)
        let t = Catalogue(language: request.language)
        let periodSay = request.language.phrases(PeriodText.self)
        var errors: [String: String] = [:]
        func date(_ key: String, _ text: String?, current: Date) -> Date {
            let text = (text ?? "").trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { return current }
            guard let date = Formats.parseDeadline(text) else { errors[key] = t(.invalid); return current }
            return date
        }
        let selfDeadline = date("selfDeadline", form.selfDeadline, current: period.selfAssessmentDeadline)
        let appraisal = date("appraisalDeadline", form.appraisalDeadline, current: period.appraisalDeadline)
        let explanation = date("explanationDeadline", form.explanationDeadline, current: period.explanationDeadline)
        if appraisal < selfDeadline { errors["appraisalDeadline"] = periodSay(.appraisalBeforeSelfDeadline) }
        if explanation < appraisal { errors["explanationDeadline"] = periodSay(.explanationBeforeAppraisalDeadline) }
        let reason = (form.reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if reason.isEmpty { errors["reason"] = t(.required) }
        let moved: [(PeriodDeadlineChangeModel.Deadline, Date, Date)] = [
            (.selfAssessment, period.selfAssessmentDeadline, selfDeadline), (.appraisal, period.appraisalDeadline, appraisal),
            (.explanation, period.explanationDeadline, explanation),
        ].filter { $0.1 != $0.2 }
        if moved.isEmpty, errors.isEmpty { errors["selfDeadline"] = say(.nothingMoved) }
        guard errors.isEmpty else {
            if request.isAPI { throw APIError(status: .unprocessableEntity, code: "invalid_deadlines", reason: errors.values.sorted().joined(separator: " ")) }
            let problems = errors.sorted { $0.key < $1.key }.map { Problem(message: $0.value, target: "deadline-\($0.key)") }
            return try await PeriodController.page(request, period: period, user: organiser, deadlineDraft: .init(form: form, errors: errors),
                                                   problems: problems, status: .unprocessableEntity)
        }
        let origin = request.auditOrigin
        let now = Date()
        try await request.write { db in
            for (deadline, before, after) in moved {
                try await PeriodDeadlineChangeModel(periodID: periodID, deadline: deadline, before: before, after: after, reason: reason,
                                                    changedBy: origin.username, changedAt: now).create(on: db)
            }
            var update = (db as! any SQLDatabase).update(PeriodModel.schema).set("updated_at", to: now)
            for (deadline, _, after) in moved {
                switch deadline {
                case .selfAssessment: update = update.set("self_assessment_deadline", to: after)
                case .appraisal: update = update.set("appraisal_deadline", to: after)
                case .explanation: update = update.set("explanation_deadline", to: after)
                }
            }
            try await update.where("id", .equal, periodID).run()
            let names: [PeriodDeadlineChangeModel.Deadline: String] = [.selfAssessment: "self_assessment_deadline",
                                                                       .appraisal: "appraisal_deadline", .explanation: "explanation_deadline"]
            try await Audit.record(on: db, origin, action: "period.change_deadlines", targetType: "period", target: period.name,
                                   before: Dictionary(uniqueKeysWithValues: moved.map { (names[$0.0]!, Formats.date($0.1)) }),
                                   after: Dictionary(uniqueKeysWithValues: moved.map { (names[$0.0]!, Formats.date($0.2)) })
                                       .merging(["reason": reason]) { $1 })
        }
        return request.redirect(to: SiteURL.period(.value(periodID), .show).path + "#deadlines", notice: say(.deadlinesChanged))
    }

    /// Closes an open period before its course has run: nothing of its assessments changes any more.
    static func closeEarly(_ request: Request) async throws -> Response {
        let (period, periodID) = try await openPeriod(request)
        let say = request.language.phrases(PeriodAdminText.self)
        let reason = (try request.content.decode(AppraisalController.ReasonForm.self).reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else {
            throw APIError(status: .unprocessableEntity, code: "reason_required", reason: WorkflowRefusal.reasonRequired.message(request.language))
        }
        let origin = request.auditOrigin
        let closed = try await request.write { db -> Bool in
            let rows = try await (db as! any SQLDatabase).update(PeriodModel.schema).set("status", to: PeriodModel.Status.closed.rawValue)
                .set("closed_reason", to: reason).set("updated_at", to: Date())
                .where("id", .equal, periodID).where("status", .equal, PeriodModel.Status.open.rawValue).returning("id").all()
            guard !rows.isEmpty else { return false }
            try await Audit.record(on: db, origin, action: "period.close", targetType: "period", target: period.name,
                                   before: ["status": "open"], after: ["status": "closed", "reason": reason])
            return true
        }
        guard closed else { throw Abort(.conflict, reason: Catalogue(language: request.language)(.stateChangedMeanwhile)) }
        return request.redirect(to: SiteURL.period(.value(periodID), .show).path, notice: say(.periodClosed))
    }

    /// The organiser's open period of the request (CSRF checked): 409 in any other state.
    static func openPeriod(_ request: Request) async throws -> (PeriodModel, UUID) {
        try request.verifyCSRF()
        try request.authorize(.managePeriods)
        let period = try await PeriodController.find(request)
        guard period.status == .open else {
            throw Abort(.conflict, reason: request.language.phrases(PeriodAdminText.self)(.periodNotOpen))
        }
        return (period, try period.requireID())
    }

    /// The deadline changes of the periods agencies are working in, latest first (for their home page).
    static func recentChanges(on db: any Database) async throws -> [PeriodDeadlineChangeModel] {
        let open = try await PeriodModel.query(on: db).filter(\.$status == .open).all().compactMap(\.id)
        guard !open.isEmpty else { return [] }
        return try await PeriodDeadlineChangeModel.query(on: db).filter(\.$period.$id ~~ open).with(\.$period)
            .sort(\.$changedAt, .descending).limit(10).all()
    }
}
