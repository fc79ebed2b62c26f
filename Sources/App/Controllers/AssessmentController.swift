import ChiSoCore
import Fluent
import Foundation
import SQLKit
import Vapor

/// One agency's assessment: the page (read-only, or with forms when the
/// policy allows editing), saving a leaf (optimistic concurrency), submitting,
/// returning, and the organiser's deadline exception.
enum AssessmentController {
    static func show(_ request: Request) async throws -> Response {
        let record = try await request.assessments.load(request.parameters.get("assessmentID", as: UUID.self))
        let user = try request.authorize(.viewAssessment, record.target())
        // What this user typed before their session ran out, offered back where they may still save it.
        let kept = Policy.allows(user.actor, .editSelfAssessment, record.target())
            ? try await KeptEntries.drafts(userID: user.id, assessmentID: record.id, on: request.db) : [:]
        let model = try await model(record, user: user, language: request.language, drafts: kept, on: request.db)
        return request.page { AssessmentPage.view($0, model: model) }
    }

    static func model(_ record: AssessmentRecord, user: CurrentUser, language: Lang,
                      drafts: [String: AssessmentPage.Draft] = [:], on db: any Database) async throws -> AssessmentPage.Model {
        func allowed(_ action: Action) -> Bool { (try? Policy.decide(user.actor, action, record.target()).get()) != nil }
        let editRefusal: String? = {
            guard user.roles.contains(.editor), user.agencyID == record.agency.id else { return nil }
            if case let .failure(refusal) = Policy.decide(user.actor, .editSelfAssessment, record.target()) {
                return refusal.message(language)
            }
            return nil
        }()
        // A returned assessment says why, on its own page.
        let returnReason = record.state == .returned
            ? try await AssessmentTransitions.returnReason(agencyCode: record.agency.code, periodName: record.period.name, on: db) : nil
        return AssessmentPage.Model(
            record: record, score: record.score(.selfAssessed), canEdit: allowed(.editSelfAssessment), canSubmit: allowed(.submitAssessment),
            canReturn: Policy.offers(user.actor, .returnAssessment, record.target()), canGrantException: allowed(.grantException), editRefusal: editRefusal,
            canViewAppraisal: allowed(.viewAppraisal) && !record.state.agencyMayEdit,
            canViewResults: record.state.hasFinalResult
                && Policy.allows(user.actor, .viewResults, .results(ResultsTarget(published: record.state == .published, agencyID: record.agency.id))),
            drafts: drafts, returnReason: returnReason)
    }

    struct EntryForm: Content {
        var value: String?
        var note: String?
        var na: String?
        var revision: Int?
        var csrf: String?

        enum CodingKeys: String, CodingKey {
            case value, note, na, revision
            case csrf = "_csrf"
        }
    }

    /// Saves one leaf's input and note. A save naming an older revision than
    /// the stored one is refused (409) and shows the other person's value.
    static func saveEntry(_ request: Request) async throws -> Response {
        // The form is read once: its CSRF field is checked before anything else is done with it.
        let decoded = try? request.content.decode(EntryForm.self)
        // (A form that could not be read, a text over its limit say, is checked by its `_csrf` field alone.)
        if let decoded { try request.verifyCSRF(posted: decoded.csrf) } else { try request.verifyCSRF() }
        let form = try decoded ?? request.content.decode(EntryForm.self)
        let code = request.parameters.get("code") ?? ""
        // Only this leaf's entry and evidence: its points depend on nothing else.
        let record = try await request.assessments.load(request.parameters.get("assessmentID", as: UUID.self), leaf: code)
        let user = try request.authorize(.editSelfAssessment, record.target())
        // A leaf or a bonus item; the data give sourced ones, the organiser or the council records deductions.
        guard let item = record.index.itemsByCode()[code] else { throw Abort(.notFound) }
        if case let .criterion(position) = item, !record.index.nodes[position].isLeaf { throw Abort(.notFound) }
        let say = request.language.phrases(AssessmentText.self)
        if record.index.source(of: item) != nil {
            throw APIError(status: .unprocessableEntity, code: "sourced_criterion",
                           reason: say(.sourcedNotEntered, code))
        }
        if case .deduction = item {
            throw APIError(status: .forbidden, code: "deduction_not_entered_by_agency", reason: say(.deductionNotEntered, code))
        }
        let typed = (form.value ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let note = (form.note ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let postedRevision = form.revision ?? 0
        var draft = AssessmentPage.Draft(value: typed, note: note, notApplicable: form.na != nil, error: nil, conflict: nil)

        // The input, read by the core against the leaf's rule.
        let input: String? = form.na != nil ? "NA" : typed.isEmpty ? nil : typed
        if let text = input,
           case let .failure(problem) = InputReading.read(text, for: item, in: record.index, agencyTags: record.agency.tagList) {
            draft.error = problem.message(request.language)
        }
        if let error = draft.error {
            if request.isAPI { throw APIError(status: .unprocessableEntity, code: "invalid_input", reason: error) }
            let whole = try await request.assessments.load(record.id)
            let model = try await model(whole, user: user, language: request.language, drafts: [code: draft], on: request.db)
            let problem = Problem(message: "\(code) \(whole.index.title(of: code) ?? ""): \(error)", target: "v-\(code)")
            return request.page(status: .unprocessableEntity, problems: [problem]) { AssessmentPage.view($0, model: model) }
        }

        let existing = record.entry(code)
        var entry = existing ?? CriterionEntry(assessmentID: record.id, criterionCode: code)
        let before = ["input": existing?.selfInput ?? "", "note": existing?.selfNote ?? ""]
        entry.selfInput = input
        entry.selfNote = note.isEmpty ? nil : note
        entry.revision = 1
        entry.updatedByID = user.id
        let audit = Audit.Event(origin: request.auditOrigin, action: "entry.self_save", targetType: "assessment",
                                target: "\(record.agency.code) / \(record.period.name) / \(code)",
                                before: before, after: ["input": input ?? "", "note": note])
        let stored = try await entry.storeSelf(expecting: postedRevision, audit: audit, on: request)
        guard stored else {
            // Someone saved first: show their value and keep what this user typed.
            let fresh = try await request.assessments.load(record.id)
            let theirs = fresh.entry(code)
            var who = "?"
            if let userID = theirs?.updatedByID, let other = try await UserModel.find(userID, on: request.db) { who = other.displayName }
            draft.conflict = AssessmentPage.Conflict(value: theirs?.selfInput ?? "", note: theirs?.selfNote ?? "", by: who,
                                                     at: theirs?.updatedAt, revision: theirs?.revision ?? 0)
            if request.isAPI {
                throw APIError(status: .conflict, code: "stale_revision",
                               reason: "\(who) saved a newer value first: \"\(theirs?.selfInput ?? "")\" at revision \(theirs?.revision ?? 0)")
            }
            let model = try await model(fresh, user: user, language: request.language, drafts: [code: draft], on: request.db)
            let problem = Problem(message: "\(code) \(fresh.index.title(of: code) ?? ""): \(say(.savedNewerValue, who))", target: "v-\(code)")
            return request.page(status: .conflict, problems: [problem]) { AssessmentPage.view($0, model: model) }
        }
        try await KeptEntries.discard(userID: user.id, assessmentID: record.id, code: code, on: request)
        return request.redirect(to: SiteURL.assessment(.value(record.id), .show).path + "#leaf-\(code)", notice: say(.savedNotice, code))
    }

    /// The head submits: from then on the agency cannot change anything.
    static func submit(_ request: Request) async throws -> Response {
        try request.verifyCSRF()
        let record = try await request.assessments.load(request.parameters.get("assessmentID", as: UUID.self))
        try request.authorize(.submitAssessment, record.target())
        try await AssessmentTransitions.apply(.submit, to: record, on: request)
        let say = request.language.phrases(AssessmentText.self)
        return request.redirect(to: SiteURL.assessment(.value(record.id), .show).path, notice: say(.submittedNotice))
    }

    struct ReasonForm: Content {
        var reason: String?
        var until: String?
        /// The page to go back to (the period's, when returned from there); a local path only.
        var back: String?
    }

    /// The organiser returns a submitted assessment to the agency, with a reason.
    static func returnToAgency(_ request: Request) async throws -> Response {
        try request.verifyCSRF()
        let record = try await request.assessments.load(request.parameters.get("assessmentID", as: UUID.self))
        let form = try request.content.decode(ReasonForm.self)
        let reason = (form.reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        try request.authorize(.returnAssessment, record.target(reason: reason))
        try await AssessmentTransitions.apply(.returnToAgency, to: record, reason: reason, on: request)
        let say = request.language.phrases(AssessmentText.self)
        // Back to the period's page when returned from there (its own path only: never another site).
        let periodPage = SiteURL.period(.value(record.period.id!), .show).path
        return request.redirect(to: form.back == periodPage ? periodPage + "#assessments" : SiteURL.assessment(.value(record.id), .show).path,
                                notice: say(.returnedNotice))
    }

    /// The organiser lets the agency edit until a date despite the deadline.
    static func grantException(_ request: Request) async throws -> Response {
        try request.verifyCSRF()
        let record = try await request.assessments.load(request.parameters.get("assessmentID", as: UUID.self))
        let user = try request.authorize(.grantException, record.target())
        let form = try request.content.decode(ReasonForm.self)
        let say = request.language.phrases(AssessmentText.self)
        let reason = (form.reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw Abort(.unprocessableEntity, reason: WorkflowRefusal.reasonRequired.message(request.language)) }
        guard let until = form.until.flatMap(Formats.parseDeadline), until > Date() else {
            throw Abort(.unprocessableEntity, reason: say(.exceptionInPast))
        }
        // The council appraises from the appraisal deadline on: a self-assessment cannot stay open past it.
        let appraisalDeadline = record.period.appraisalDeadline
        guard until <= appraisalDeadline else {
            throw Abort(.unprocessableEntity, reason: say(.exceptionAfterAppraisalDeadline, Formats.date(appraisalDeadline)))
        }
        let origin = request.auditOrigin
        try await request.write { db in
            try await DeadlineExceptionModel(assessmentID: record.id, until: until, reason: reason, grantedBy: user.id).create(on: db)
            try await Audit.record(on: db, origin, action: "assessment.exception", targetType: "assessment",
                                   target: "\(record.agency.code) / \(record.period.name)",
                                   before: record.exception.map { ["until": Formats.date($0.until)] },
                                   after: ["until": Formats.date(until), "reason": reason])
        }
        return request.redirect(to: SiteURL.assessment(.value(record.id), .show).path, notice: say(.extendedNotice, Formats.date(until)))
    }

}

