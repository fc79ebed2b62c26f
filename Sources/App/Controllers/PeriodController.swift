import ChiSoCore
import Fluent
import Foundation
import Vapor

/// Periods: create, assign an index to each group, open (which creates
/// every agency's assessment and freezes the indexes it uses).
enum PeriodController {
    struct PeriodForm: Content {
        var name: String?
        var kind: String?
        var year: String?
        var number: String?
        var selfDeadline: String?
        var appraisalDeadline: String?
        var explanationDeadline: String?
        /// How a year shows its quarters or months: empty, `sum` or `average`.
        var rollup: String?
        /// A period whose indexes per group and appraiser assignments the new one starts with (the form sends "" for none).
        var copyFrom: String?
    }

    static func list(_ request: Request) async throws -> Response {
        let user = try request.authorize(.viewPeriods)
        let periods = try await PeriodModel.query(on: request.db).sort(\.$year, .descending).sort(\.$createdAt, .descending).all()
        let canManage = (try? Policy.decide(user.actor, .managePeriods).get()) != nil
        return request.page { PeriodPages.list($0, periods: periods, canManage: canManage) }
    }

    static func newForm(_ request: Request) async throws -> Response {
        try request.authorize(.managePeriods)
        let year = Formats.calendar.component(.year, from: Date())
        let earlier = try await PeriodModel.query(on: request.db).sort(\.$year, .descending).sort(\.$createdAt, .descending).all()
        return request.page { PeriodPages.editor($0, values: PeriodForm(kind: "year", year: String(year)), errors: [:], copyFrom: earlier) }
    }

    static func create(_ request: Request) async throws -> Response {
        try request.verifyCSRF()
        try request.authorize(.managePeriods)
        let form = try request.content.decode(PeriodForm.self)
        let (period, errors) = validate(form, language: request.language)
        let earlier = try await PeriodModel.query(on: request.db).sort(\.$year, .descending).sort(\.$createdAt, .descending).all()
        let source = form.copyFrom.flatMap(UUID.init(uuidString:)).flatMap { id in earlier.first { $0.id == id } }
        guard let period, errors.isEmpty else {
            return request.page(status: .unprocessableEntity) { PeriodPages.editor($0, values: form, errors: errors, copyFrom: earlier) }
        }
        period.rollup = PeriodRollup(rawValue: form.rollup ?? "")
        let origin = request.auditOrigin
        let copied = try await request.write { db -> (groups: Int, appraisers: Int) in
            try await period.create(on: db)
            var copied = (groups: 0, appraisers: 0)
            if let source {
                let sourceID = try source.requireID(), periodID = try period.requireID()
                for row in try await PeriodIndexModel.query(on: db).filter(\.$period.$id == sourceID).all() {
                    try await PeriodIndexModel(periodID: periodID, group: row.group, indexVersionID: row.$indexVersion.id).create(on: db)
                    copied.groups += 1
                }
                for row in try await AppraisalAssignmentModel.query(on: db).filter(\.$period.$id == sourceID).all() {
                    try await AppraisalAssignmentModel(periodID: periodID, indexCode: row.indexCode, criterionCode: row.criterionCode,
                                                       userID: row.$user.id).create(on: db)
                    copied.appraisers += 1
                }
            }
            var after = fields(period)
            if let source { after["copied_from"] = source.name }
            try await Audit.record(on: db, origin, action: "period.create", targetType: "period", target: period.name, after: after)
            return copied
        }
        let notice = source.map { request.language.phrases(PeriodAdminText.self)(.copiedNotice, String(copied.groups), String(copied.appraisers), $0.name) }
        return request.redirect(to: SiteURL.period(.value(period.id!), .show).path, notice: notice ?? T.created.rawValue)
    }

    static func show(_ request: Request) async throws -> Response {
        let user = try request.authorize(.viewPeriods)
        return try await page(request, period: try await find(request), user: user)
    }

    /// The period's page; after a refused publication, with the decision's form as typed and its problems.
    static func page(_ request: Request, period: PeriodModel, user: CurrentUser, publishDraft: PublicationController.PublishDraft? = nil,
                     appraiserDraft: PeriodPages.AppraiserDraft? = nil, deadlineDraft: PeriodAdminSection.DeadlineDraft? = nil,
                     problems: [Problem] = [], status: HTTPStatus = .ok) async throws -> Response {
        let periodID = try period.requireID()
        let assignments = try await PeriodIndexModel.query(on: request.db).filter(\.$period.$id == periodID)
            .with(\.$indexVersion).all()
        let groups = try await AgencyModel.query(on: request.db).unique().all(\.$group).sorted()
        let versions = try await IndexVersionModel.query(on: request.db).sort(\.$code).sort(\.$version, .descending).all()
        let filter = try request.query.decode(PeriodProgress.Filter.self)
        let progress = period.status == .draft ? nil
            : try await PeriodProgress.compute(period: period, filter: filter, asOf: period.range?.asOf(SourceData.today) ?? SourceData.today,
                                               store: request.assessments)
        let canManage = (try? Policy.decide(user.actor, .managePeriods).get()) != nil
        let appraisal = try await AppraisalAssignmentModel.query(on: request.db).filter(\.$period.$id == periodID)
            .with(\.$user).sort(\.$indexCode).sort(\.$criterionCode).all()
        let appraisers = canManage ? try await UserModel.query(on: request.db).filter(\.$roleList, .custom("LIKE"), "%appraiser%")
            .with(\.$agency).sort(\.$username).all().filter { $0.roles.contains(.appraiser) } : []
        let leaders = canManage && period.status == .open ? try await leaderSection(of: period, on: request) : nil
        let declarations = try await SourceDeclarations.of(period: periodID, on: request.db)
        let data = try await PublicationController.dataSets(of: period, on: request).map { PeriodPages.DataRow(set: $0, checkedOn: declarations.checkedOn[$0]) }
        let decision = try await PeriodDecision.of(period: periodID, on: request.db)
        let publication = PeriodPages.Publication(decision: decision, draft: publishDraft, data: data,
                                                  defaultIssuer: request.application.identity.issuingBody)
        let administration = try await administration(of: period, groups: Set(assignments.map(\.group)), deadlineDraft: deadlineDraft,
                                                      on: request.db)
        return request.page(status: status, problems: problems) {
            PeriodPages.show($0, period: period, assignments: assignments, groups: groups, versions: versions,
                             progress: progress, filter: filter, leaders: leaders, canManage: canManage, appraisal: appraisal, appraisers: appraisers, appraiserDraft: appraiserDraft, publication: publication,
                             administration: administration)
        }
    }

    /// The period's deadline changes, and the agencies joining or leaving it.
    static func administration(of period: PeriodModel, groups: Set<String>, deadlineDraft: PeriodAdminSection.DeadlineDraft?,
                               on db: any Database) async throws -> PeriodAdminSection.Model {
        let periodID = try period.requireID()
        let changes = try await PeriodDeadlineChangeModel.query(on: db).filter(\.$period.$id == periodID).sort(\.$changedAt, .descending).all()
        guard period.status != .draft else {
            return .init(changes: changes, notInPeriod: [], leaving: [], closed: [], deadlineDraft: deadlineDraft)
        }
        let assessments = try await AssessmentModel.query(on: db).filter(\.$period.$id == periodID).with(\.$agency).all()
        let present = Set(assessments.map(\.$agency.id))
        let today = SourceData.today
        let notInPeriod = try await AgencyModel.query(on: db).sort(\.$code).all()
            .filter { !present.contains($0.id!) && groups.contains($0.group) && !$0.isRetired(on: today) && ($0.began.map { $0 <= today } ?? true) }
        let leaving = assessments.filter { assessment in
            let state = AssessmentState(rawValue: assessment.state) ?? .draft
            return assessment.agency.isRetired(on: today) && !state.hasFinalResult && state != .closed
        }.sorted { $0.agency.code < $1.agency.code }
        let closed = assessments.filter { $0.state == AssessmentState.closed.rawValue }.sorted { $0.agency.code < $1.agency.code }
        return .init(changes: changes, notInPeriod: notInPeriod, leaving: leaving, closed: closed, deadlineDraft: deadlineDraft)
    }

    /// Who rates each `leaders` criterion, and the leaders to choose from (the organiser, while the period is open).
    static func leaderSection(of period: PeriodModel, on request: Request) async throws -> PeriodPages.Leaders? {
        let groups = try await LeaderRatingController.groups(of: period, on: request)
        guard !groups.isEmpty else { return nil }
        let assignments = try await LeaderRatingController.assignments(of: period.requireID(), on: request.db)
        let leaders = try await UserModel.query(on: request.db).filter(\.$roleList, .custom("LIKE"), "%leader%").filter(\.$active == true)
            .sort(\.$displayName).all().filter { $0.roles.contains(.leader) }
        return PeriodPages.Leaders(groups: groups, assignments: assignments, leaders: leaders)
    }

    struct AssignForm: Content {
        var group: String?
        var indexVersionID: UUID?
    }

    static func assignIndex(_ request: Request) async throws -> Response {
        try request.verifyCSRF()
        try request.authorize(.managePeriods)
        let period = try await find(request)
        let say = request.language.phrases(PeriodText.self)
        guard period.status == .draft else {
            throw Abort(.conflict, reason: say(.indexesFrozen))
        }
        let form = try request.content.decode(AssignForm.self)
        let group = (form.group ?? "").trimmingCharacters(in: .whitespaces)
        guard !group.isEmpty, let versionID = form.indexVersionID,
              let version = try await IndexVersionModel.find(versionID, on: request.db) else {
            throw Abort(.badRequest, reason: Catalogue(language: request.language)(.invalid))
        }
        let periodID = try period.requireID()
        let origin = request.auditOrigin
        try await request.write { db in
            let existing = try await PeriodIndexModel.query(on: db).filter(\.$period.$id == periodID).filter(\.$group == group)
                .with(\.$indexVersion).first()
            let before = existing.map { ["index": "\($0.indexVersion.code) v\($0.indexVersion.version)"] }
            if let existing {
                existing.$indexVersion.id = versionID
                try await existing.update(on: db)
            } else {
                try await PeriodIndexModel(periodID: periodID, group: group, indexVersionID: versionID).create(on: db)
            }
            try await Audit.record(on: db, origin, action: "period.assign_index", targetType: "period", target: "\(period.name) / \(group)",
                                   before: before, after: ["index": "\(version.code) v\(version.version)"])
        }
        return request.redirect(to: SiteURL.period(.value(periodID), .show).path, notice: T.saved.rawValue)
    }

    /// Opens the period: an assessment for every agency whose group has an
    /// index; the indexes used are frozen from now on.
    static func open(_ request: Request) async throws -> Response {
        try request.verifyCSRF()
        try request.authorize(.managePeriods)
        let period = try await find(request)
        let say = request.language.phrases(PeriodText.self)
        guard period.status == .draft else {
            throw Abort(.conflict, reason: say(.alreadyOpen))
        }
        let periodID = try period.requireID()
        let assignments = try await PeriodIndexModel.query(on: request.db).filter(\.$period.$id == periodID).all()
        guard !assignments.isEmpty else {
            throw Abort(.conflict, reason: say(.noGroupIndexed))
        }
        let origin = request.auditOrigin
        try await request.write { db in
            try await openPeriod(period, assignments: assignments, on: db, origin: origin)
        }
        return request.redirect(to: SiteURL.period(.value(periodID), .show).path, notice: T.saved.rawValue)
    }

    /// Shared with the demo loader.
    static func openPeriod(_ period: PeriodModel, assignments: [PeriodIndexModel], on db: any Database, origin: Audit.Origin,
                           now: Date = Date()) async throws {
        let periodID = try period.requireID()
        let byGroup = Dictionary(assignments.map { ($0.group, $0.$indexVersion.id) }, uniquingKeysWith: { first, _ in first })
        var created = 0
        let today = CivilDate(now)
        for agency in try await AgencyModel.query(on: db).all() {
            // Agencies that have ended, or are not formed yet, are not assessed (one formed later is added to the open period).
            guard let versionID = byGroup[agency.group], !agency.isRetired(on: today), agency.began.map({ $0 <= today }) ?? true else { continue }
            try await AssessmentModel(periodID: periodID, agencyID: agency.requireID(), indexVersionID: versionID,
                                      state: AssessmentState.draft.rawValue).create(on: db)
            created += 1
        }
        try await IndexVersionModel.query(on: db).filter(\.$id ~~ Array(byGroup.values)).filter(\.$frozenAt == nil)
            .set(\.$frozenAt, to: now).update()
        period.status = .open
        try await period.update(on: db)
        try await Audit.record(on: db, origin, action: "period.open", targetType: "period", target: period.name,
                               before: ["status": "draft"], after: ["status": "open", "assessments": String(created)], at: now)
    }

    // MARK: Helpers

    static func find(_ request: Request) async throws -> PeriodModel {
        guard let id = request.parameters.get("periodID", as: UUID.self),
              let period = try await PeriodModel.find(id, on: request.db) else { throw Abort(.notFound) }
        return period
    }

    static func fields(_ period: PeriodModel) -> [String: String] {
        ["name": period.name, "kind": period.kind.rawValue, "year": String(period.year), "number": period.number.map(String.init) ?? "",
         "status": period.status.rawValue, "self_assessment_deadline": Formats.date(period.selfAssessmentDeadline),
         "appraisal_deadline": Formats.date(period.appraisalDeadline), "explanation_deadline": Formats.date(period.explanationDeadline),
         "rollup": period.rollup?.rawValue ?? ""]
    }

    static func validate(_ form: PeriodForm, language: Lang) -> (PeriodModel?, [String: String]) {
        let t = Catalogue(language: language)
        let say = language.phrases(PeriodText.self)
        var errors: [String: String] = [:]
        let name = (form.name ?? "").trimmingCharacters(in: .whitespaces)
        if name.isEmpty { errors["name"] = t(.required) }
        let kind = PeriodModel.Kind(rawValue: form.kind ?? "")
        if kind == nil { errors["kind"] = t(.invalid) }
        let year = Int((form.year ?? "").trimmingCharacters(in: .whitespaces))
        if year == nil || !(2000...2100).contains(year!) { errors["year"] = t(.invalid) }
        var number: Int?
        if let kind, kind != .year {
            number = Int((form.number ?? "").trimmingCharacters(in: .whitespaces))
            let range = kind == .quarter ? 1...4 : 1...12
            if number == nil || !range.contains(number!) {
                errors["number"] = say(.numberRange)
            }
        }
        func date(_ key: String, _ text: String?) -> Date? {
            guard let text, !text.isEmpty else { errors[key] = t(.required); return nil }
            guard let date = Formats.parseDeadline(text) else { errors[key] = t(.invalid); return nil }
            return date
        }
        let selfDeadline = date("selfDeadline", form.selfDeadline)
        let appraisal = date("appraisalDeadline", form.appraisalDeadline)
        let explanation = date("explanationDeadline", form.explanationDeadline)
        if let selfDeadline, let appraisal, appraisal < selfDeadline {
            errors["appraisalDeadline"] = say(.appraisalBeforeSelfDeadline)
        }
        if let appraisal, let explanation, explanation < appraisal {
            errors["explanationDeadline"] = say(.explanationBeforeAppraisalDeadline)
        }
        guard errors.isEmpty, let kind, let year, let selfDeadline, let appraisal, let explanation else { return (nil, errors) }
        return (PeriodModel(name: name, kind: kind, year: year, number: number, status: .draft, selfAssessmentDeadline: selfDeadline,
                            appraisalDeadline: appraisal, explanationDeadline: explanation), [:])
    }
}

/// Appraiser assignments and publication.
extension PeriodController {
    struct AssignmentForm: Content {
        var indexCode: String?
        var criterionCode: String?
        var userID: UUID?
    }

    /// Assigns an appraiser to a node of one of the period's indexes (a group covers its leaves).
    static func assign(_ request: Request) async throws -> Response {
        try request.verifyCSRF()
        let organiser = try request.authorize(.assignAppraisers)
        let period = try await find(request)
        let periodID = try period.requireID()
        let form = try request.content.decode(AssignmentForm.self)
        let say = request.language.phrases(PeriodText.self)
        let code = (form.criterionCode ?? "").trimmingCharacters(in: .whitespaces)
        /// Refused: the API says why; the page shows the form again as typed, the problem at the top and at its field.
        func refuse(_ message: String, field: String) async throws -> Response {
            if request.isAPI { throw APIError(status: .unprocessableEntity, code: "invalid_assignment", reason: message) }
            let draft = PeriodPages.AppraiserDraft(indexCode: form.indexCode, criterionCode: code, userID: form.userID, error: message, field: field)
            return try await page(request, period: period, user: organiser, appraiserDraft: draft,
                                  problems: [Problem(message: message, target: field)], status: .unprocessableEntity)
        }
        let versions = try await PeriodIndexModel.query(on: request.db).filter(\.$period.$id == periodID).with(\.$indexVersion).all()
            .map(\.indexVersion)
        guard let version = versions.first(where: { $0.code == form.indexCode }),
              let userID = form.userID, let user = try await UserModel.find(userID, on: request.db), user.roles.contains(.appraiser) else {
            return try await refuse(say(.chooseIndexAndAppraiser), field: "assign-user")
        }
        let index = try await request.application.indexCache.index(for: version)
        guard index.nodes.contains(where: { $0.code == code }) else {
            return try await refuse(say(.noSuchCriterion, code, index.id), field: "criterionCode")
        }
        let origin = request.auditOrigin
        try await request.write { db in
            if try await AppraisalAssignmentModel.query(on: db).filter(\.$period.$id == periodID).filter(\.$indexCode == index.id)
                .filter(\.$criterionCode == code).filter(\.$user.$id == userID).first() != nil { return }
            try await AppraisalAssignmentModel(periodID: periodID, indexCode: index.id, criterionCode: code, userID: userID).create(on: db)
            try await Audit.record(on: db, origin, action: "period.assign_appraiser", targetType: "period", target: "\(period.name) / \(index.id) / \(code)",
                                   after: ["appraiser": user.username])
        }
        return request.redirect(to: SiteURL.period(.value(periodID), .show).path + "#appraisers", notice: T.saved.rawValue)
    }

    static func unassign(_ request: Request) async throws -> Response {
        try request.verifyCSRF()
        try request.authorize(.assignAppraisers)
        let period = try await find(request)
        guard let id = request.parameters.get("assignmentID", as: UUID.self),
              let assignment = try await AppraisalAssignmentModel.query(on: request.db).filter(\.$id == id).filter(\.$period.$id == period.requireID())
                .with(\.$user).first() else { throw Abort(.notFound) }
        let origin = request.auditOrigin
        try await request.write { db in
            try await AppraisalAssignmentModel.query(on: db).filter(\.$id == id).delete()
            try await Audit.record(on: db, origin, action: "period.unassign_appraiser", targetType: "period",
                                   target: "\(period.name) / \(assignment.indexCode) / \(assignment.criterionCode)",
                                   before: ["appraiser": assignment.user.username])
        }
        return request.redirect(to: SiteURL.period(.value(try period.requireID()), .show).path + "#appraisers", notice: T.saved.rawValue)
    }
}
