import ChiSoCore
import Foundation

/// The appraiser's queue, and one assessment seen by the council (and, once
/// released, by the agency): self vs appraised per leaf, evidence, forms.
enum AppraisalPages {
    struct QueueRow {
        var id: UUID
        var agency: String
        var period: String
        var state: AssessmentState
        var assigned: Int
        var done: Int
        var explained: Int
    }

    static func queue(_ context: PageContext, rows: [QueueRow]) -> HTMLNode {
        let say = context.phrases(AppraisalText.self)
        return Layout.page(context, title: say(.queueTitle)) {
            if rows.isEmpty {
                p { say(.nothingWaiting) }
            } else {
                div(.class("table-wrap")) {
                    table {
                        thead {
                            tr {
                                th(.scope("col")) { say(.agency) }
                                th(.scope("col")) { say(.period) }
                                th(.scope("col")) { say(.state) }
                                th(.scope("col"), .class("num")) { say(.appraisedColumn) }
                                th(.scope("col"), .class("num")) { say(.newExplanations) }
                            }
                        }
                        tbody {
                            for row in rows {
                                tr {
                                    td { a(.href(SiteURL.assessment(.value(row.id), .appraisal).path)) { row.agency } }
                                    td { row.period }
                                    td { row.state.text(context.language) }
                                    td(.class("num")) { "\(row.done)/\(row.assigned)" }
                                    td(.class("num")) { String(row.explained) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    struct Draft {
        var value: String
        var comment: String
        var error: String?
    }

    /// What was typed for a deduction, and why it was refused.
    struct DeductionDraft: Sendable {
        var code: String
        var value: String
        var number: String
        var issuedOn: String
        var issuer: String
        var reason: String
        var errors: [String] = []
    }

    struct Candidate: Sendable {
        var id: UUID
        var name: String
        var agency: String
    }

    struct Model {
        var record: AssessmentRecord
        var selfScore: AgencyScore
        var appraisedScore: AgencyScore
        var scope: AppraisalScope
        var user: CurrentUser
        var canAppraise: Bool
        var canReexamine: Bool
        var canExplain: Bool
        var canRelease: Bool
        var canFinalise: Bool
        var canReopen: Bool
        var names: [UUID: String]
        var drafts: [String: Draft]
        /// Why releasing or finalising, the user's next step, is not possible yet.
        var releasePending: String?
        var finalisePending: String?
        /// Whom the chair may name to act for the chair's own agency's assessment (empty: the chair may not name).
        var actingChairCandidates: [Candidate]
        var canRecordDeduction: Bool
        /// The document behind each recorded deduction, by code.
        var documents: [String: DeductionDocumentModel]
        /// A refused deduction, kept as typed.
        var deductionDraft: DeductionDraft?
        /// A refused upload with an explanation: the code and why.
        var uploadRefusal: (code: String, message: String)? = nil

        var index: Index { record.index }
        var mine: Set<Int> { Set(scope.leaves(of: user)) }
        /// What the council changed (its points differ from the agency's), in index order.
        var changes: [CouncilChange] { CouncilChange.between(selfScore, appraisedScore, in: index, decided: record.decidedCodes) }
        /// The list of changes is shown once the agency may see the preliminary result.
        var showsChanges: Bool { canExplain || [.released, .reexamining, .finalised, .published].contains(record.state) }
    }

    static func assessment(_ context: PageContext, model: Model) -> HTMLNode {
        let say = context.phrases(AppraisalText.self)
        let language = context.language
        let record = model.record
        let appraisedLeaves = record.entries.filter { $0.appraisedAt != nil }.count
        let others = Set(model.scope.appraisers.values.flatMap { $0 }).subtracting([model.user.id]).compactMap { model.names[$0] }.sorted()
        return Layout.page(context, title: say(.title, record.agency.name)) {
            p {
                "\(record.period.name) · "
                span(.class("badge")) { record.state.text(context.language) }
                " · " + say(.explanationDeadline, Formats.date(record.period.explanationDeadline))
            }
            AssessmentPage.provisionalNotice(context, record: record)
            div(.class("cards")) {
                section(.class("card")) {
                    h2 { say(.selfAssessedScore) }
                    p(.class("total")) { strong { Formats.score(model.selfScore.final, language) } }
                }
                section(.class("card")) {
                    h2 { say(.appraisedScore) }
                    p(.class("total")) { strong { Formats.score(model.appraisedScore.final, language) } }
                    p { small { say(.criteriaAppraised, "\(appraisedLeaves)") } }
                }
                if !others.isEmpty {
                    section(.class("card")) {
                        h2 { model.user.roles.contains(.appraiser) || model.user.roles.contains(.chair)
                            ? say(.alsoAppraising) : say(.appraisers) }
                        ul { for name in others { li { name } } }
                    }
                }
            }
            actions(context, model: model)
            let changes = model.showsChanges ? model.changes : []
            if model.showsChanges { changesSection(context, model: model, changes: changes) }
            let changed = Set(changes.map(\.code))
            for position in model.index.leafPositions {
                leaf(context, model: model, position: position, changed: changed)
            }
            // Bonus items proposed, deductions with a figure, and any item the council decided.
            let decided = model.record.decidedCodes
            let codes = (model.index.bonus + model.index.deductions.filter { $0.source != nil }).map(\.code)
                .filter(Set(model.record.itemsToAppraise).union(decided).contains)
            if !codes.isEmpty {
                h2 { say(.itemsHeading) }
                for code in codes { item(context, model: model, code: code, changed: changed) }
            }
            let recorded = model.index.deductions.filter { $0.source == nil }
            if !recorded.isEmpty, model.canRecordDeduction || recorded.contains(where: { decided.contains($0.code) }) {
                h2 { context.phrases(DeductionText.self)(.heading) }
                for deduction in recorded { self.deduction(context, model: model, item: deduction, changed: changed) }
            }
        }
    }

    static func actions(_ context: PageContext, model: Model) -> HTMLNode {
        let say = context.phrases(AppraisalText.self)
        let id = model.record.id
        return div(.class("actions")) {
            if model.user.agencyID == model.record.agency.id, model.actingChairCandidates.isEmpty {
                p(.class("notice")) { say(.ownAgencyNote) }
            }
            if let acting = model.scope.actingChairID, let name = model.names[acting] {
                p { say(.actingChairIs, name) }
            }
            if !model.actingChairCandidates.isEmpty {
                actingChairForm(context, model: model)
            }
            if model.canAppraise, !model.mine.isEmpty {
                form(.method("post"), .action(SiteURL.assessment(.value(id), .confirmAppraisal).path), .class("inline")) {
                    Layout.csrfField(context)
                    button(.type("submit"), .class("secondary")) { say(.confirmUntouched) }
                }
                " "
            }
            if model.canRelease {
                form(.method("post"), .action(SiteURL.assessment(.value(id), .release).path), .class("inline")) {
                    Layout.csrfField(context)
                    Fields.confirmation(say(.confirmRelease, Formats.date(model.record.period.explanationDeadline)), id: "confirm-release")
                    button(.type("submit")) { say(.release) }
                }
                " "
            }
            if let pending = model.releasePending { p(.class("pending"), .role("status")) { pending } }
            if model.canFinalise {
                form(.method("post"), .action(SiteURL.assessment(.value(id), .finalise).path), .class("inline")) {
                    Layout.csrfField(context)
                    Fields.confirmation(say(.confirmFinalise, Formats.score(model.appraisedScore.final, context.language),
                                            model.index.classes[model.appraisedScore.classPosition].title), id: "confirm-finalise")
                    button(.type("submit")) { say(.finalise) }
                }
            }
            if let pending = model.finalisePending { p(.class("pending"), .role("status")) { pending } }
            if model.canReopen {
                form(.method("post"), .action(SiteURL.assessment(.value(id), .reopen).path)) {
                    Layout.csrfField(context)
                    div(.class("field")) {
                        label(.for("reopen-reason")) { say(.reopenReason) }
                        textarea(.id("reopen-reason"), .name("reason"), .rows(2), .maxlength(Limits.reason), .required) { "" }
                    }
                    button(.type("submit"), .class("secondary")) { say(.reopen) }
                }
            }
        }
    }

    /// The chair names who acts as chair for the chair's own agency's assessment.
    static func actingChairForm(_ context: PageContext, model: Model) -> HTMLNode {
        let say = context.phrases(AppraisalText.self)
        let current = model.scope.actingChairID
        return form(.method("post"), .action(SiteURL.assessment(.value(model.record.id), .actingChair).path), .class("card")) {
            h2 { say(.actingChairTitle) }
            p { say(.actingChairExplain) }
            Layout.csrfField(context)
            div(.class("field")) {
                label(.for("acting-chair")) { say(.actingChairLabel) }
                select(.id("acting-chair"), .name("userID")) {
                    option(.value("")) { say(.actingChairNone) }
                    for candidate in model.actingChairCandidates {
                        if candidate.id == current {
                            option(.value(candidate.id.uuidString), .selected) { "\(candidate.name) · \(candidate.agency)" }
                        } else {
                            option(.value(candidate.id.uuidString)) { "\(candidate.name) · \(candidate.agency)" }
                        }
                    }
                }
            }
            button(.type("submit"), .class("secondary")) { say(.actingChairSave) }
        }
    }

    /// What the council changed, first, each with the appraiser's reason and, during the explanation
    /// round, the agency's explanation form and an upload for more evidence (leaves).
    static func changesSection(_ context: PageContext, model: Model, changes: [CouncilChange]) -> HTMLNode {
        let say = context.phrases(AppraisalText.self)
        let language = context.language
        let record = model.record
        let explanation = ScoreExplanation(index: model.index, language: language)
        return section(.id("changes"), .class("changes")) {
            h2 { say(.changesHeading) }
            if changes.isEmpty {
                p { say(.noChanges) }
            } else {
                p { model.canExplain ? say(.changesGuidance, "\(changes.count)", Formats.date(record.period.explanationDeadline))
                    : say(.changesCount, "\(changes.count)") }
                ol(.class("change-list")) {
                    for change in changes {
                        let entry = record.entry(change.code)
                        let title = titleOf(change, in: model.index)
                        li(.class("card adjusted"), .id("change-\(change.code)")) {
                            h3 { a(.href("#leaf-\(change.code)")) { "\(change.code) \(title)" } }
                            dl(.class("compare")) {
                                dt { say(.selfAssessedByAgency) }
                                dd { shown(inputOf(change, model.selfScore), typed: record.selfInput(change.code), rule: ruleOf(change, in: model.index), explanation)
                                     + " → " + Formats.score(change.before, language) }
                                dt { say(.appraised) }
                                dd {
                                    shown(inputOf(change, model.appraisedScore), typed: entry?.appraisedInput, rule: ruleOf(change, in: model.index), explanation)
                                        + " → " + Formats.score(change.after, language)
                                    " (" + ResultsPages.change(change.after, change.before, language) + ")"
                                }
                                dt { say(.appraiserReason) }
                                dd { entry?.appraisalComment?.nonBlank ?? say(.noReasonGiven) }
                                dt { say(.agencyExplanation) }
                                dd { entry?.explanation ?? say(.notExplainedYet) }
                                let files = record.links.filter { $0.criterionCode == change.code }
                                if !files.isEmpty {
                                    dt { say(.evidenceFiles) }
                                    dd {
                                        for (number, link) in files.enumerated() {
                                            number == 0 ? "" : ", "
                                            a(.href(SiteURL.evidence(.value(link.id)).path)) { link.fileName }
                                        }
                                    }
                                }
                            }
                            if model.canExplain {
                                explanationForm(context, model: model, code: change.code)
                                if case .criterion = change.reference {
                                    AssessmentPage.uploadForm(context, record: record, code: change.code, id: "xf-\(change.code)", label: say(.moreEvidence),
                                                              button: say(.uploadEvidence),
                                                              refusal: model.uploadRefusal?.code == change.code ? model.uploadRefusal?.message : nil)
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// An input as the page shows it: read (numbers in the reader's format, NA in words), or as typed
    /// when it does not read, or "—".
    static func shown(_ value: InputValue?, typed: String?, rule: Rule?, _ explanation: ScoreExplanation) -> String {
        if let value { return explanation.displayText(value, rule: rule) }
        return typed?.nonBlank ?? "—"
    }

    static func inputOf(_ change: CouncilChange, _ score: AgencyScore) -> InputValue? {
        switch change.reference {
        case let .criterion(position): score.nodes[position].input
        case .bonus, .deduction: score.item(change.reference)?.input
        }
    }

    static func ruleOf(_ change: CouncilChange, in index: Index) -> Rule? {
        if case let .criterion(position) = change.reference { return index.nodes[position].leaf?.rule }
        return nil
    }

    static func titleOf(_ change: CouncilChange, in index: Index) -> String {
        switch change.reference {
        case let .criterion(position): index.nodes[position].title
        case let .bonus(position): index.bonus[position].title
        case let .deduction(position): index.deductions[position].title
        }
    }

    /// A mark on a leaf or item the council changed (its explanation form is in the list of changes).
    static func changedMark(_ context: PageContext, _ code: String) -> HTMLNode {
        p(.class("adjusted-mark")) { a(.href("#change-\(code)")) { context.phrases(AppraisalText.self)(.changedByCouncil) } }
    }

    static func leaf(_ context: PageContext, model: Model, position: Int, changed: Set<String>) -> HTMLNode {
        let say = context.phrases(AppraisalText.self)
        let language = context.language
        let node = model.index.nodes[position]
        let record = model.record
        let entry = record.entry(node.code)
        let explanation = ScoreExplanation(index: model.index, language: language)
        let selfResult = model.selfScore.nodes[position]
        let appraised = model.appraisedScore.nodes[position]
        let draft = model.drafts[node.code]
        let assigned = model.mine.contains(position)
        let explained = entry?.explanation != nil
        let links = record.links.filter { $0.criterionCode == node.code }
        let appraisers = (model.scope.appraisers[position] ?? []).compactMap { model.names[$0] }.sorted()
        return section(.class(draft?.error == nil ? "leaf card" : "leaf card invalid"), .id("leaf-\(node.code)")) {
            h3 { "\(node.code) \(node.title) "; small { "(\(say(.max)) \(node.max.text(context.language)))" } }
            if changed.contains(node.code) { changedMark(context, node.code) }
            p(.class("who")) {
                small { say(.appraiser) + (appraisers.isEmpty ? say(.councilChair) : appraisers.joined(separator: ", ")) }
            }
            dl(.class("compare")) {
                dt { say(.selfAssessedByAgency) }
                dd {
                    shown(selfResult.input, typed: record.selfInput(node.code), rule: node.leaf?.rule, explanation) + " → "
                        + (selfResult.applicable ? Formats.score(selfResult.points, language) : context.t(.notApplicable))
                    if let note = entry?.selfNote { br(); small { note } }
                }
                dt { say(.appraised) }
                dd {
                    if entry?.appraisedAt != nil {
                        shown(appraised.input, typed: entry?.appraisedInput, rule: node.leaf?.rule, explanation) + " → "
                            + (appraised.applicable ? Formats.score(appraised.points, language) : context.t(.notApplicable))
                        " (\(explanation.explain(node: position, in: model.appraisedScore)))"
                        if let comment = entry?.appraisalComment { br(); small { comment } }
                        if let by = entry?.appraisedByID, let name = model.names[by], let at = entry?.appraisedAt {
                            br(); small { "\(name), \(Formats.dateTime(at))" }
                        }
                    } else {
                        say(.notAppraisedYet)
                    }
                }
                if let text = entry?.explanation {
                    dt { say(.agencyExplanation) }
                    dd { text }
                }
            }
            if !links.isEmpty {
                div(.class("evidence")) {
                    for link in links {
                        p {
                            a(.href(SiteURL.evidence(.value(link.id)).path)) { link.fileName }
                        }
                        // Previews only where this user appraises (and loaded when scrolled to).
                        if assigned, link.contentType.hasPrefix("image/") {
                            H.void("img", [.src(SiteURL.evidence(.value(link.id)).path), Attribute(name: "alt", value: link.fileName), .class("preview"),
                                           Attribute(name: "loading", value: "lazy")])
                        } else if assigned, link.contentType == "application/pdf" {
                            // Opened on demand: a closed <details> loads nothing until the appraiser asks.
                            details(.class("preview")) {
                                summary { say(.previewHere) }
                                H.el("iframe", [.src(SiteURL.evidence(.value(link.id)).path), .title(link.fileName), .class("preview"),
                                                Attribute(name: "loading", value: "lazy")]) { "" }
                            }
                        }
                    }
                }
            }
            if assigned, model.canAppraise || (model.canReexamine && explained) {
                appraisalForm(context, model: model, code: node.code, rule: node.leaf?.rule)
            }
            if model.canExplain, entry != nil, !changed.contains(node.code) { explanationForm(context, model: model, code: node.code) }
        }
    }

    /// A bonus item the agency proposed, or a deduction whose figure comes from the data: the agency's
    /// figure, the council's decision and the forms, as for a leaf (the chair, or the acting chair, appraises items).
    static func item(_ context: PageContext, model: Model, code: String, changed: Set<String>) -> HTMLNode {
        let say = context.phrases(AppraisalText.self)
        let language = context.language
        let record = model.record
        guard let reference = model.index.itemsByCode()[code], let item = model.index.adjustment(reference),
              let selfResult = model.selfScore.item(reference), let appraised = model.appraisedScore.item(reference) else { return .empty }
        let entry = record.entry(code)
        let explanation = ScoreExplanation(index: model.index, language: language)
        let assigned = model.scope.appraises(reference, model.user)
        let draft = model.drafts[code]
        return section(.class(draft?.error == nil ? "leaf card" : "leaf card invalid"), .id("leaf-\(code)")) {
            h3 { "\(code) \(item.title) "; small { item.kind == .bonus ? say(.bonusItem) : say(.deductionItem) } }
            if changed.contains(code) { changedMark(context, code) }
            dl(.class("compare")) {
                dt { say(.selfAssessedByAgency) }
                dd {
                    shown(selfResult.input, typed: record.selfInput(code), rule: nil, explanation) + " → " + Formats.score(selfResult.points, language)
                    if let note = entry?.selfNote { br(); small { note } }
                }
                dt { say(.appraised) }
                dd {
                    if entry?.appraisedAt != nil {
                        shown(appraised.input, typed: entry?.appraisedInput, rule: nil, explanation) + " → " + Formats.score(appraised.points, language)
                        " (\(explanation.explain(item: item, appraised)))"
                        if let comment = entry?.appraisalComment { br(); small { comment } }
                    } else {
                        say(.notAppraisedYet)
                    }
                }
                if let text = entry?.explanation {
                    dt { say(.agencyExplanation) }
                    dd { text }
                }
            }
            for link in record.links where link.criterionCode == code {
                p { a(.href(SiteURL.evidence(.value(link.id)).path)) { link.fileName } }
            }
            if assigned, model.canAppraise || (model.canReexamine && entry?.explanation != nil) {
                appraisalForm(context, model: model, code: code)
            }
            if model.canExplain, entry?.appraisedAt != nil, !changed.contains(code) { explanationForm(context, model: model, code: code) }
        }
    }

    /// A deduction recorded by the organiser or the council: what was decided, on which document, why;
    /// the form to record it (before release) or change an explained one (after); the agency's explanation.
    static func deduction(_ context: PageContext, model: Model, item: AdjustmentItem, changed: Set<String>) -> HTMLNode {
        let say = context.phrases(DeductionText.self)
        let language = context.language
        let record = model.record
        let code = item.code
        let entry = record.entry(code)
        let decided = entry?.appraisedAt != nil
        let position = model.index.deductions.firstIndex { $0.code == code }!
        let result = model.appraisedScore.deductionItems[position]
        let draft = model.deductionDraft?.code == code ? model.deductionDraft : nil
        let document = model.documents[code]
        let released = record.state == .released || record.state == .reexamining
        let mayRecord = model.canRecordDeduction && (!released || entry?.explanation != nil)
        return section(.class(draft?.errors.isEmpty == false ? "leaf card invalid" : "leaf card"), .id("leaf-\(code)")) {
            h3 { "\(code) \(item.title)" }
            if changed.contains(code) { changedMark(context, code) }
            if let guidance = item.guidance { p(.class("guidance")) { guidance } }
            if decided {
                p {
                    let explanation = ScoreExplanation(index: model.index, language: language)
                    strong { shown(result.input, typed: entry?.appraisedInput, rule: nil, explanation) + " → " + Formats.score(result.points, language) }
                    " (\(explanation.explain(item: item, result)))"
                }
                if let document {
                    p { say(.document, document.number, CivilDate.parse(document.issuedOn)?.vietnamese ?? document.issuedOn, document.issuer) }
                }
                if let reason = entry?.appraisalComment { p { reason } }
                if let text = entry?.explanation {
                    p { strong { context.phrases(AppraisalText.self)(.agencyExplanation) }; ": " + text }
                }
            } else {
                p { say(.notRecorded) }
            }
            if mayRecord {
                form(.method("post"), .action(SiteURL.assessment(.value(record.id), .deduction(.value(code))).path), .class("leaf-form")) {
                    Layout.csrfField(context)
                    if let errors = draft?.errors, !errors.isEmpty {
                        div(.class("errors"), .role("alert")) { ul { for error in errors { li { error } } } }
                    }
                    Fields.text(say(.value), name: "value", id: "dv-\(code)", value: draft?.value ?? entry?.appraisedInput ?? "", error: nil)
                    Fields.text(say(.number), name: "number", id: "dn-\(code)", value: draft?.number ?? document?.number ?? "", error: nil)
                    Fields.text(say(.issuedOn), name: "issuedOn", id: "dd-\(code)",
                                value: draft?.issuedOn ?? document.flatMap { CivilDate.parse($0.issuedOn)?.vietnamese } ?? "", error: nil)
                    Fields.text(say(.issuer), name: "issuer", id: "di-\(code)", value: draft?.issuer ?? document?.issuer ?? "", error: nil)
                    div(.class("field")) {
                        label(.for("dr-\(code)")) { say(.reason) }
                        textarea(.id("dr-\(code)"), .name("reason"), .rows(2), .maxlength(Limits.note)) { draft?.reason ?? entry?.appraisalComment ?? "" }
                    }
                    button(.type("submit")) { say(.save) }
                }
            }
            if model.canExplain, decided, !changed.contains(code) { explanationForm(context, model: model, code: code) }
        }
    }

    /// Confirm (empty) or adjust (a value and a comment) one leaf or item.
    /// A yes/no or levels leaf is appraised with the control the agency used (a choice, not free text);
    /// the empty choice confirms what the agency entered.
    static func appraisalForm(_ context: PageContext, model: Model, code: String, rule: Rule? = nil) -> HTMLNode {
        let say = context.phrases(AppraisalText.self)
        let draft = model.drafts[code]
        let id = "av-\(code)"
        let value = draft?.value ?? ""
        let choices: [(value: String, label: String)]? = switch rule {
        case .yesno?: [("có", context.phrases(AssessmentText.self)(.yes)), ("không", context.phrases(AssessmentText.self)(.no))]
        case let .levels(levels)?: levels.map { ($0.code, "\($0.code) (\($0.points.text(context.language)) \(say(.pointsWord)))") }
        default: nil
        }
        return form(.method("post"), .action(SiteURL.assessment(.value(model.record.id), .appraise(.value(code))).path), .class("leaf-form")) {
            Layout.csrfField(context)
            if let choices {
                div(.class(draft?.error == nil ? "field" : "field invalid")) {
                    label(.for(id)) { say(.appraisedChoice) }
                    select(.id(id), .name("value"), Attribute.when(draft?.error != nil, .autofocus)) {
                        option(.value(""), Attribute.when(value.isEmpty, .selected)) { say(.confirmAsEntered) }
                        for choice in choices {
                            option(.value(choice.value), Attribute.when(value == choice.value, .selected)) { choice.label }
                        }
                    }
                    if let error = draft?.error { p(.class("error")) { error } }
                }
            } else {
                Fields.text(say(.appraisedValue), name: "value", id: id, value: value, error: draft?.error, autofocus: draft?.error != nil)
            }
            div(.class("field")) {
                label(.for("c-\(code)")) { say(.comment) }
                textarea(.id("c-\(code)"), .name("comment"), .rows(2), .maxlength(Limits.note)) { draft?.comment ?? "" }
            }
            button(.type("submit")) { say(.saveAppraisal) }
        }
    }

    /// The agency explains one leaf or item of its preliminary result.
    static func explanationForm(_ context: PageContext, model: Model, code: String) -> HTMLNode {
        let say = context.phrases(AppraisalText.self)
        return form(.method("post"), .action(SiteURL.assessment(.value(model.record.id), .explanation(.value(code))).path), .class("leaf-form")) {
            Layout.csrfField(context)
            div(.class("field")) {
                label(.for("e-\(code)")) { say(.explanation) }
                textarea(.id("e-\(code)"), .name("explanation"), .rows(2), .maxlength(Limits.note)) { model.record.entry(code)?.explanation ?? "" }
            }
            button(.type("submit"), .class("secondary")) { say(.sendExplanation) }
        }
    }
}
