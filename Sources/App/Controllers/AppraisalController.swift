import ChiSoCore
import Fluent
import Foundation
import SQLKit
import Vapor

/// The council's side of the cycle: the appraiser's queue, confirming or
/// adjusting leaves, release, the agency's explanations, re-examination,
/// finalisation, reopening.
enum AppraisalController {
    /// States in which appraisers have work.
    static let activeStates: [AssessmentState] = [.submitted, .appraising, .released, .reexamining]

    static func queue(_ request: Request) async throws -> Response {
        let user = try request.authorize(.viewAppraisalQueue)
        let rows = try await queueRows(for: user, on: request)
        return request.page { AppraisalPages.queue($0, rows: rows) }
    }

    /// The assessments with leaves or items this user appraises (never their own agency's), in the
    /// states where appraisal goes on: the queue's rows, and the count the home page gives.
    static func queueRows(for user: CurrentUser, on request: Request) async throws -> [AppraisalPages.QueueRow] {
        let assessments = try await AssessmentModel.query(on: request.db)
            .filter(\.$state ~~ activeStates.map(\.rawValue)).with(\.$agency).with(\.$period).with(\.$indexVersion).all()
        // All entries of those assessments in one query (not one per assessment).
        let entries = Dictionary(grouping: try await CriterionEntry.all(of: assessments.compactMap(\.id), on: request.db), by: \.assessmentID)
        var rows: [AppraisalPages.QueueRow] = []
        var councils: [UUID: AppraisalScope.Council] = [:]
        for assessment in assessments.sorted(by: { ($0.period.name, $0.agency.group, $0.agency.code) < ($1.period.name, $1.agency.group, $1.agency.code) }) {
            let index = try await request.application.indexCache.index(for: assessment.indexVersion)
            if councils[assessment.$period.id] == nil {
                councils[assessment.$period.id] = try await AppraisalScope.Council.load(period: assessment.$period.id, on: request.db)
            }
            // Nobody's queue holds their own agency's assessment.
            let mine = councils[assessment.$period.id]!.scope(index: index, agency: assessment.$agency.id,
                                                              actingChair: assessment.$actingChair.id).leaves(of: user)
            guard !mine.isEmpty else { continue }
            let codes = Set(mine.map { index.nodes[$0].code })
            let own = (entries[try assessment.requireID()] ?? []).filter { codes.contains($0.criterionCode) }
            let done = own.filter { $0.appraisedAt != nil }.count
            let explained = own.filter { entry in entry.explainedAt.map { explained in entry.appraisedAt.map { explained > $0 } ?? true } ?? false }.count
            rows.append(.init(id: try assessment.requireID(), agency: assessment.agency.name, period: assessment.period.name,
                              state: AssessmentState(rawValue: assessment.state) ?? .draft, assigned: codes.count, done: done,
                              explained: explained))
        }
        return rows
    }

    static func page(_ request: Request) async throws -> Response {
        let record = try await request.assessments.load(request.parameters.get("assessmentID", as: UUID.self))
        let user = try request.authorize(.viewAppraisal, record.target())
        let scope = try await AppraisalScope.load(for: record, on: request.db)
        let model = try await model(record, scope: scope, user: user, request: request)
        return request.page { AppraisalPages.assessment($0, model: model) }
    }

    static func model(_ record: AssessmentRecord, scope: AppraisalScope, user: CurrentUser, request: Request,
                      drafts: [String: AppraisalPages.Draft] = [:], deductionDraft: AppraisalPages.DeductionDraft? = nil) async throws -> AppraisalPages.Model {
        let progress = record.appraisalProgress()
        func decide(_ action: Action, leaf: Bool = false) -> Result<Void, Refusal> {
            Policy.decide(user.actor, action, record.target(leafAssigned: leaf, progress: progress))
        }
        func allowed(_ action: Action, leaf: Bool = false) -> Bool {
            (try? decide(action, leaf: leaf).get()) != nil
        }
        /// Why a step the user could take at this stage is not possible yet (not shown for other roles or states).
        func pending(_ action: Action) -> String? {
            guard case let .failure(refusal) = decide(action) else { return nil }
            switch refusal {
            case .workflow(.notAllAppraised), .workflow(.explanationRoundOpen), .workflow(.sourcesNotDeclared), .ownAgency: return refusal.message(request.language)
            default: return nil
            }
        }
        // The chair of the assessed agency's own assessment names who acts for it.
        var candidates: [AppraisalPages.Candidate] = []
        if allowed(.nameActingChair) {
            candidates = try await AppraisalScope.Council.load(period: record.period.id!, on: request.db).members
                .filter { $0.$agency.id != record.agency.id }
                .map { AppraisalPages.Candidate(id: $0.id!, name: $0.displayName, agency: $0.agency.name) }
                .sorted { $0.name < $1.name }
        }
        // Everyone appraising this assessment, and who last touched it, by name.
        var ids = scope.appraisers.values.reduce(into: Set<UUID>()) { $0.formUnion($1) }
        if let acting = scope.actingChairID { ids.insert(acting) }
        for entry in record.entries { if let by = entry.appraisedByID { ids.insert(by) } }
        let users = try await UserModel.query(on: request.db).filter(\.$id ~~ Array(ids)).all()
        let names = Dictionary(uniqueKeysWithValues: users.map { ($0.id!, $0.displayName) })
        return AppraisalPages.Model(
            record: record, selfScore: record.score(.selfAssessed), appraisedScore: record.score(.appraised), scope: scope, user: user,
            canAppraise: allowed(.appraiseLeaf, leaf: true), canReexamine: allowed(.reexamineLeaf, leaf: true),
            canExplain: allowed(.explainLeaf), canRelease: allowed(.releaseAssessment), canFinalise: allowed(.finaliseAssessment),
            canReopen: Policy.offers(user.actor, .reopenAssessment, record.target()), names: names, drafts: drafts,
            releasePending: record.state == .submitted || record.state == .appraising ? pending(.releaseAssessment) : nil,
            finalisePending: record.state == .released || record.state == .reexamining ? pending(.finaliseAssessment) : nil,
            actingChairCandidates: candidates, canRecordDeduction: allowed(.recordDeduction),
            documents: Dictionary(try await DeductionDocumentModel.query(on: request.db).filter(\.$assessment.$id == record.id).all()
                .map { ($0.criterionCode, $0) }) { first, _ in first },
            deductionDraft: deductionDraft)
    }

    struct AppraiseForm: Content {
        var value: String?
        var comment: String?
    }

    /// Confirms (no value) or adjusts (a value, with a comment) one leaf.
    static func appraise(_ request: Request) async throws -> Response {
        try request.verifyCSRF()
        let record = try await request.assessments.load(request.parameters.get("assessmentID", as: UUID.self))
        let scope = try await AppraisalScope.load(for: record, on: request.db)
        let code = request.parameters.get("code") ?? ""
        guard let item = record.index.appraisedByCouncil(code) else { throw Abort(.notFound) }
        let user = request.currentUser!
        let reexamining = record.state == .released || record.state == .reexamining
        try request.authorize(reexamining ? .reexamineLeaf : .appraiseLeaf, record.target(leafAssigned: scope.appraises(item, user)))
        let say = request.language.phrases(AppraisalText.self)
        if reexamining, record.entry(code)?.explanation == nil {
            throw Abort(.conflict, reason: say(.onlyExplainedReexamined))
        }
        let form = try request.content.decode(AppraiseForm.self)
        let typed = (form.value ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let comment = (form.comment ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let selfInput = record.selfInput(code)
        let decided = typed.isEmpty ? selfInput : typed
        // Adjusting means a different value than the agency's, read by the rule (so 0,5 equals 0.5).
        var error: String?
        if !typed.isEmpty {
            switch InputReading.read(typed, for: item, in: record.index, agencyTags: record.agency.tagList) {
            case let .failure(problem): error = problem.message(request.language)
            case let .success(value):
                let selfValue = selfInput.flatMap { try? InputReading.read($0, for: item, in: record.index).get() }
                if value != selfValue, comment.isEmpty {
                    error = say(.commentRequiredWhenAdjusting)
                }
            }
        }
        if let error {
            if request.isAPI { throw APIError(status: .unprocessableEntity, code: "invalid_input", reason: error) }
            let draft = AppraisalPages.Draft(value: typed, comment: comment, error: error)
            let model = try await model(record, scope: scope, user: user, request: request, drafts: [code: draft])
            return request.page(status: .unprocessableEntity) { AppraisalPages.assessment($0, model: model) }
        }
        let existing = record.entry(code)
        var entry = existing ?? CriterionEntry(assessmentID: record.id, criterionCode: code)
        let before = ["appraised_input": existing?.appraisedInput ?? "", "comment": existing?.appraisalComment ?? ""]
        entry.appraisedInput = decided
        entry.appraisalComment = comment.isEmpty ? nil : comment
        entry.appraisedAt = Date()
        entry.appraisedByID = user.id
        let appraised = Audit.Event(origin: request.auditOrigin, action: reexamining ? "entry.reexamine" : "entry.appraise", targetType: "assessment",
                                    target: "\(record.agency.code) / \(record.period.name) / \(code)", before: before,
                                    after: ["appraised_input": decided ?? "", "comment": comment])
        try await AssessmentTransitions.apply(reexamining ? .reexamine : .appraise, to: record, on: request) { [entry] db in
            if existing == nil { _ = try await entry.inserted(on: db) } else { try await entry.updateAppraisal(on: db) }
            try await Audit.record(appraised, on: db)
        }
        return request.redirect(to: SiteURL.assessment(.value(record.id), .appraisal).path + "#leaf-\(code)", notice: say(.appraisedNotice, code))
    }

    /// Confirms, as the agency entered them, every leaf of this user's not yet appraised.
    static func confirmRest(_ request: Request) async throws -> Response {
        try request.verifyCSRF()
        let record = try await request.assessments.load(request.parameters.get("assessmentID", as: UUID.self))
        let scope = try await AppraisalScope.load(for: record, on: request.db)
        let user = request.currentUser!
        // This user's leaves, and the bonus and deduction items to appraise where they take the chair's part.
        let references = record.index.itemsByCode()
        let items = record.itemsToAppraise.filter { code in references[code].map { scope.appraises($0, user) } ?? false }
        let mine = scope.leaves(of: user).map { record.index.nodes[$0].code } + items
        try request.authorize(.appraiseLeaf, record.target(leafAssigned: !mine.isEmpty))
        let untouched = mine.filter { record.entry($0)?.appraisedAt == nil }
        var touched: [CriterionEntry] = []
        for code in untouched {
            var entry = record.entry(code) ?? CriterionEntry(assessmentID: record.id, criterionCode: code)
            entry.appraisedInput = record.selfInput(code)
            entry.appraisedAt = Date()
            entry.appraisedByID = user.id
            touched.append(entry)
        }
        let confirmed = Audit.Event(origin: request.auditOrigin, action: "entry.confirm_rest", targetType: "assessment",
                                    target: "\(record.agency.code) / \(record.period.name)", after: ["confirmed": untouched.joined(separator: ", ")])
        if !touched.isEmpty {
            try await AssessmentTransitions.apply(.appraise, to: record, on: request) { [touched] db in
                for entry in touched {
                    if entry.id == nil { _ = try await entry.inserted(on: db) } else { try await entry.updateAppraisal(on: db) }
                }
                try await Audit.record(confirmed, on: db)
            }
        }
        let say = request.language.phrases(AppraisalText.self)
        return request.redirect(to: SiteURL.assessment(.value(record.id), .appraisal).path, notice: say(.confirmedNotice, "\(untouched.count)"))
    }

    /// The chair releases the preliminary result: every applicable leaf must be appraised (the workflow checks it).
    static func release(_ request: Request) async throws -> Response {
        try request.verifyCSRF()
        let record = try await request.assessments.load(request.parameters.get("assessmentID", as: UUID.self))
        try request.authorize(.releaseAssessment, record.target(progress: record.appraisalProgress()))
        let say = request.language.phrases(AppraisalText.self)
        try await AssessmentTransitions.apply(.release, to: record, on: request)
        return request.redirect(to: SiteURL.assessment(.value(record.id), .appraisal).path, notice: say(.releasedNotice))
    }

    struct ExplainForm: Content {
        var explanation: String?
    }

    /// The agency explains a leaf of its preliminary result.
    static func explain(_ request: Request) async throws -> Response {
        try request.verifyCSRF()
        let record = try await request.assessments.load(request.parameters.get("assessmentID", as: UUID.self))
        try request.authorize(.explainLeaf, record.target())
        let code = request.parameters.get("code") ?? ""
        // A leaf, or a bonus or deduction item: whatever the council decided can be explained.
        guard let item = record.index.itemsByCode()[code], var entry = record.entry(code) else { throw Abort(.notFound) }
        if case let .criterion(position) = item, !record.index.nodes[position].isLeaf { throw Abort(.notFound) }
        let text = (try request.content.decode(ExplainForm.self).explanation ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let say = request.language.phrases(AppraisalText.self)
        guard !text.isEmpty else { throw Abort(.unprocessableEntity, reason: say(.explanationEmpty)) }
        let origin = request.auditOrigin
        let before = entry.explanation ?? ""
        entry.explanation = text
        entry.explainedAt = Date()
        try await request.write { [entry] db in
            try await entry.updateExplanation(on: db)
            try await Audit.record(on: db, origin, action: "entry.explain", targetType: "assessment",
                                   target: "\(record.agency.code) / \(record.period.name) / \(code)", before: ["explanation": before],
                                   after: ["explanation": text])
        }
        return request.redirect(to: SiteURL.assessment(.value(record.id), .appraisal).path + record.explanationAnchor(code),
                                notice: say(.explanationSentNotice, code))
    }

    /// The chair finalises: the appraised inputs become the final result, scored by the core.
    static func finalise(_ request: Request) async throws -> Response {
        try request.verifyCSRF()
        let record = try await request.assessments.load(request.parameters.get("assessmentID", as: UUID.self))
        try request.authorize(.finaliseAssessment, record.target(progress: record.appraisalProgress()))
        // Sourced criteria the council confirmed take the declared data as they stand now (an override with a comment stands).
        let refreshed = record.refreshedConfirmations()
        var final = record
        for entry in refreshed { final.replace(entry) }
        // Every applicable leaf is appraised and the explanation round is over (the workflow checks both): the final result is the appraised one.
        let score = final.score(.appraised)
        let points = score.final.fixed(2)
        let classCode = record.index.classes[score.classPosition].code
        var details = ["final": points, "class": classCode]
        if !refreshed.isEmpty {
            details["data_updated"] = refreshed.map { entry in
                "\(entry.criterionCode): \(record.entry(entry.criterionCode)?.appraisedInput ?? "") → \(entry.appraisedInput ?? "")"
            }.joined(separator: "; ")
        }
        try await AssessmentTransitions.apply(.finalise, to: record, details: details, on: request) { db in
            for entry in refreshed { try await entry.updateAppraisal(on: db) }
            try await (db as! any SQLDatabase).update(AssessmentModel.schema).set("final_score", to: points).set("class_code", to: classCode)
                .where("id", .equal, record.id).run()
        }
        let say = request.language.phrases(AppraisalText.self)
        return request.redirect(to: SiteURL.assessment(.value(record.id), .appraisal).path,
                                notice: say(.finalisedNotice, Formats.score(score.final, request.language)))
    }

    struct ActingChairForm: Content {
        var userID: UUID?
    }

    /// The chair names the council member who acts as chair for the chair's own agency's assessment
    /// (none: the naming is withdrawn). Only an active appraiser or chair of another agency may be named.
    static func nameActingChair(_ request: Request) async throws -> Response {
        try request.verifyCSRF()
        let record = try await request.assessments.load(request.parameters.get("assessmentID", as: UUID.self))
        try request.authorize(.nameActingChair, record.target())
        let say = request.language.phrases(AppraisalText.self)
        let chosen = try request.content.decode(ActingChairForm.self).userID
        var name = ""
        if let chosen {
            let council = try await AppraisalScope.Council.load(period: record.period.id!, on: request.db)
            guard let member = council.members.first(where: { $0.id == chosen }), member.$agency.id != record.agency.id else {
                throw Abort(.unprocessableEntity, reason: say(.actingChairNotEligible))
            }
            name = member.displayName
        }
        let before = record.model.$actingChair.id?.uuidString ?? ""
        let origin = request.auditOrigin
        try await request.write { [name] db in
            try await (db as! any SQLDatabase).update(AssessmentModel.schema).set("acting_chair_id", to: chosen)
                .where("id", .equal, record.id).run()
            try await Audit.record(on: db, origin, action: "assessment.acting_chair", targetType: "assessment",
                                   target: "\(record.agency.code) / \(record.period.name)", before: ["acting_chair": before],
                                   after: ["acting_chair": chosen?.uuidString ?? "", "name": name])
        }
        return request.redirect(to: SiteURL.assessment(.value(record.id), .appraisal).path,
                                notice: chosen == nil ? say(.actingChairWithdrawn) : say(.actingChairNamed, name))
    }

    struct ReasonForm: Content {
        var reason: String?
    }

    /// The admin reopens a finalised (or published) assessment for re-examination.
    static func reopen(_ request: Request) async throws -> Response {
        try request.verifyCSRF()
        let record = try await request.assessments.load(request.parameters.get("assessmentID", as: UUID.self))
        let reason = (try request.content.decode(ReasonForm.self).reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        try request.authorize(.reopenAssessment, record.target(reason: reason))
        try await AssessmentTransitions.apply(.reopen, to: record, reason: reason, on: request)
        let say = request.language.phrases(AppraisalText.self)
        return request.redirect(to: SiteURL.assessment(.value(record.id), .appraisal).path, notice: say(.reopenedNotice))
    }
}

