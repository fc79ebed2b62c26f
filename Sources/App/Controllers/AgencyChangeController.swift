import ChiSoCore
import Fluent
import Foundation
import Vapor

/// Reorganisations (the administrator): merge, split, rename, dissolve. A form, then a preview that
/// says what will happen and asks, account by account, whether each account of an ending agency is
/// disabled or moved to a successor; then the change, written by ``AgencyHistory/apply``.
enum AgencyChangeController {
    struct ChangeForm: Content {
        var kind: String?
        /// The agencies the change applies to: codes, separated by commas, semicolons or spaces.
        var agencies: String?
        /// One successor per line: `CODE` (an existing agency) or `CODE; Name; group` (a new one).
        var successors: String?
        var effective: String?
        /// The decision (number, date) or the reason.
        var note: String?
        var newName: String?
        /// `preview` (the default), `apply`, or `edit` (back from the preview to the form, as typed).
        var step: String?
        /// `1`: the administrator ticked that the change goes into the history for good (applying needs it).
        var confirm: String?
    }

    /// The form, with the kind and agency of the link that led to it.
    static func form(_ request: Request) async throws -> Response {
        try request.authorize(.manageAgencies)
        let query = try request.query.decode(ChangeForm.self)
        let values = ChangeForm(kind: query.kind ?? AgencyTimeline.ChangeKind.merge.rawValue, agencies: query.agencies)
        let history = try await AgencyHistory.load(on: request.db)
        return request.page { AgencyChangePages.changeForm($0, values: values, errors: [:], active: active(history)) }
    }

    /// Previews (step `preview`) or applies (step `apply`) the change; a refused one comes back as typed.
    static func submit(_ request: Request) async throws -> Response {
        try request.verifyCSRF()
        try request.authorize(.manageAgencies)
        let form = try request.content.decode(ChangeForm.self)
        let history = try await AgencyHistory.load(on: request.db)
        // Back from the preview: the form again, as typed.
        if form.step == "edit" {
            return request.page { AgencyChangePages.changeForm($0, values: form, errors: [:], active: active(history)) }
        }
        var (plan, errors) = read(form, history: history, language: request.language)
        if let checked = plan, let late = try await resultAfter(checked, on: request.db) {
            errors["effective"] = request.language.phrases(AgencyChangeText.self)(.resultAfterEffective, late.agency, late.period,
                                                                                  checked.change.effective.vietnamese)
            plan = nil
        }
        guard let plan, errors.isEmpty else {
            let problems = errors.sorted { $0.key < $1.key }.map { Problem(message: $0.value, target: $0.key) }
            return request.page(status: .unprocessableEntity, problems: problems) {
                AgencyChangePages.changeForm($0, values: form, errors: errors, active: active(history))
            }
        }
        let ending = try await AgencyModel.query(on: request.db).filter(\.$code ~~ plan.ending).all().compactMap(\.id)
        let accounts = try await UserModel.query(on: request.db).filter(\.$agency.$id ~~ ending).filter(\.$active == true)
            .with(\.$agency).sort(\.$username).all()
        // The preview; again, with the box to tick pointed out, when the change is sent without it.
        guard form.step == "apply", form.confirm == "1" else {
            let affected = try await openAssessments(of: ending, on: request.db)
            let unconfirmed = form.step == "apply"
            let problems = unconfirmed ? [Problem(message: request.language.phrases(AgencyChangeText.self)(.confirmFirst), target: "confirm-change")] : []
            return request.page(status: unconfirmed ? .unprocessableEntity : .ok, problems: problems) {
                AgencyChangePages.preview($0, values: form, plan: plan, history: history, accounts: accounts, affected: affected)
            }
        }
        var fates: [UUID: AgencyHistory.AccountFate] = [:]
        for account in accounts {
            let choice = (try? request.content.get(String.self, at: "account-\(account.id!.uuidString)")) ?? "disable"
            if choice.hasPrefix("move:"), case let code = String(choice.dropFirst(5)), plan.change.to.contains(code) {
                fates[account.id!] = .move(to: code)
            } else {
                fates[account.id!] = .disable
            }
        }
        let note = clean(form.note)
        let origin = request.auditOrigin
        try await request.write { [fates] db in
            // Checked again inside the transaction: another administrator may have changed the agencies meanwhile.
            let current = try await AgencyHistory.load(on: db)
            guard current.timeline.problems(plan).isEmpty else { throw Abort(.conflict) }
            try await AgencyHistory.apply(plan, note: note, accounts: fates, origin: origin, on: db)
        }
        let say = request.language.phrases(AgencyChangeText.self)
        return request.redirect(to: SiteURL.admin(.agencies).path, notice: say(.applied))
    }

    /// An ending agency's final result in a period that began on or after the effective date: the change would end
    /// it before a year it was assessed for (its agency code and the period's name), or nil.
    static func resultAfter(_ plan: AgencyChangePlan, on db: any Database) async throws -> (agency: String, period: String)? {
        let ending = try await AgencyModel.query(on: db).filter(\.$code ~~ plan.ending).all().compactMap(\.id)
        guard !ending.isEmpty else { return nil }
        let finals = AssessmentState.allCases.filter(\.hasFinalResult).map(\.rawValue)
        let assessed = try await AssessmentModel.query(on: db).filter(\.$agency.$id ~~ ending).filter(\.$state ~~ finals)
            .with(\.$agency).with(\.$period).all()
        return assessed.first { ($0.period.range?.start).map { $0 >= plan.change.effective } ?? false }
            .map { ($0.agency.code, $0.period.name) }
    }

    /// The agencies of `history` active today, for the form's list.
    static func active(_ history: AgencyHistory) -> [AgencyTimeline.Member] {
        history.timeline.active(on: SourceData.today)
    }

    /// The assessments of these agencies still in course in an open period: the organiser closes them or they finish.
    static func openAssessments(of agencies: [UUID], on db: any Database) async throws -> [AssessmentModel] {
        guard !agencies.isEmpty else { return [] }
        let open = try await PeriodModel.query(on: db).filter(\.$status == .open).all().compactMap(\.id)
        return try await AssessmentModel.query(on: db).filter(\.$agency.$id ~~ agencies).filter(\.$period.$id ~~ open)
            .with(\.$agency).with(\.$period).all().filter { !(AssessmentState(rawValue: $0.state)?.hasFinalResult ?? false) }
    }

    static func clean(_ text: String?) -> String { (text ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }

    /// The codes in a field: separated by commas, semicolons, spaces or lines.
    static func codes(_ text: String?) -> [String] {
        (text ?? "").split(whereSeparator: { $0 == "," || $0 == ";" || $0.isWhitespace }).map(String.init)
    }

    /// The plan the form asks for, or what is wrong with it, by field.
    static func read(_ form: ChangeForm, history: AgencyHistory, language: Lang) -> (AgencyChangePlan?, [String: String]) {
        let t = Catalogue(language: language)
        let say = language.phrases(AgencyChangeText.self)
        var errors: [String: String] = [:]
        guard let kind = AgencyTimeline.ChangeKind(rawValue: form.kind ?? "") else { return (nil, ["kind": t(.invalid)]) }
        let from = codes(form.agencies)
        if from.isEmpty { errors["agencies"] = t(.required) }
        let day = CivilDate.parse(clean(form.effective))
        if clean(form.effective).isEmpty { errors["effective"] = t(.required) } else if day == nil { errors["effective"] = t(.invalid) }
        if clean(form.note).isEmpty { errors["note"] = t(.required) }
        var to: [String] = []
        var newMembers: [AgencyTimeline.Member] = []
        let group = from.first.flatMap { history.agencies[$0]?.group } ?? ""
        for (number, line) in clean(form.successors).split(whereSeparator: \.isNewline).enumerated() {
            let parts = line.split(separator: ";", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard let code = parts.first, !code.isEmpty, parts.count <= 3 else {
                errors["successors"] = say(.successorLine, String(number + 1))
                continue
            }
            to.append(code)
            if parts.count >= 2 {
                newMembers.append(.init(code: code, name: parts[1], group: parts.count == 3 && !parts[2].isEmpty ? parts[2] : group))
            }
        }
        for text in [form.newName, form.note, form.successors].compactMap({ $0 }) where SpreadsheetFormula.looksLikeFormula(clean(text)) {
            errors["note"] = t.format(.looksLikeFormula, SpreadsheetFormula.describeStart(clean(text)))
        }
        for member in newMembers where member.code.count > Limits.name || member.name.count > Limits.name
            || !member.code.unicodeScalars.allSatisfy({ CharacterSet.alphanumerics.contains($0) || "-_.".unicodeScalars.contains($0) }) {
            errors["successors"] = say(.successorLine, member.code)
        }
        guard let day, errors.isEmpty else { return (nil, errors) }
        let plan = AgencyChangePlan(change: .init(kind: kind, effective: day, from: from, to: to), newMembers: newMembers,
                                    newName: kind == .rename ? clean(form.newName) : nil)
        let problems = history.timeline.problems(plan)
        guard problems.isEmpty else {
            let field: (OrganisationProblem) -> String = { problem in
                switch problem {
                case .newNameRequired, .sameName, .renamedAfter: "newName"
                case .codeTaken, .codeRequired, .nameRequired, .groupRequired, .unusedNewAgency, .mergeNeedsOneSuccessor,
                     .absorbingSuccessorNotMerged, .splitNeedsTwo, .noSuccessorsAllowed: "successors"
                default: "agencies"
                }
            }
            for problem in problems {
                let key = field(problem)
                errors[key] = [errors[key], problem.message(language)].compactMap { $0 }.joined(separator: " ")
            }
            return (nil, errors)
        }
        return (plan, [:])
    }
}
