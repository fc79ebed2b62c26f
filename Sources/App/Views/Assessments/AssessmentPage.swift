import ChiSoCore
import Foundation

/// One assessment: progress and totals, then every node. When the user may
/// edit, each leaf is a small form (input by rule, note, N/A, evidence);
/// otherwise a read-only tree with the points and why.
enum AssessmentPage {
    /// What a user typed into a leaf's form, kept when the save is refused.
    struct Draft {
        var value: String
        var note: String
        var notApplicable: Bool
        var error: String?
        var conflict: Conflict?
        /// Typed before the user's session ran out, and not saved yet (``KeptEntries``).
        var kept = false
    }

    /// The newer value someone else saved.
    struct Conflict {
        var value: String
        var note: String
        var by: String
        var at: Date?
        var revision: Int
    }

    struct Model {
        var record: AssessmentRecord
        var score: AgencyScore
        var canEdit: Bool
        var canSubmit: Bool
        var canReturn: Bool
        var canGrantException: Bool
        /// Why the agency's editor cannot edit now (deadline, state), if so.
        var editRefusal: String?
        /// The appraisal page is open to this user (for the agency: once released).
        var canViewAppraisal = false
        /// The final result and its page (agencies: once published).
        var canViewResults = false
        var drafts: [String: Draft]
        /// A refused upload: the leaf's code and why (shown at its upload form, which takes the focus).
        var uploadRefusal: (code: String, message: String)? = nil
        /// Why the organiser returned it (while returned).
        var returnReason: String? = nil

        var index: Index { record.index }

        var progress: EntryProgress { EntryProgress(index: index, score: score) }
    }

    static func view(_ context: PageContext, model: Model) -> HTMLNode {
        let t = context.t
        let language = context.language
        let say = context.phrases(AssessmentText.self)
        let record = model.record
        let explanation = ScoreExplanation(index: model.index, language: language)
        let score = model.score
        let scoreClass = model.index.classes[score.classPosition]
        let progress = model.progress
        return Layout.page(context, title: "\(t(.assessmentTitle)): \(record.agency.name)") {
            p {
                "\(record.period.name) · "
                span(.class("badge")) { record.state.text(context.language) }
                " · \(t(.selfDeadline)): \(Formats.date(record.period.selfAssessmentDeadline))"
                if let exception = record.exception {
                    " · " + say(.extendedUntil, Formats.date(exception.until))
                }
            }
            if let refusal = model.editRefusal { p(.class("errors"), .role("status")) { refusal } }
            if let reason = model.returnReason { p(.class("notice returned"), .role("note")) { strong { say(.returnedBecause) }; " " + reason } }
            provisionalNotice(context, record: record)
            let kept = model.drafts.filter(\.value.kept).keys.sorted()
            if !kept.isEmpty {
                p(.class("notice kept"), .role("status")) {
                    say(.keptNotice)
                    for (number, code) in kept.enumerated() {
                        number == 0 ? "" : ", "
                        a(.href("#leaf-\(code)")) { code }
                    }
                }
            }
            if model.canViewAppraisal, record.state == .released {
                // The explanation round: what the council changed, and until when the agency may explain.
                let changes = record.councilChanges()
                p(.class("notice"), .role("status")) {
                    say(.explanationRoundOpen, "\(changes.count)", Formats.date(record.period.explanationDeadline))
                    " "
                    a(.href(SiteURL.AssessmentPage.appraisal.path(under: record.path) + "#changes")) { say(.seeChanges) }
                }
            }
            if model.canViewAppraisal || model.canViewResults {
                p {
                    if model.canViewAppraisal {
                        a(.class("button secondary"), .href(SiteURL.AssessmentPage.appraisal.path(under: record.path))) { say(.appraisalAndExplanations) }
                        " "
                    }
                    if model.canViewResults {
                        a(.class("button secondary"), .href(SiteURL.AssessmentPage.results.path(under: record.path))) { say(.finalResultAndProposals) }
                    }
                }
            }
            div(.class("cards")) {
                if model.canViewResults, let finalScore = record.model.finalScore.flatMap(DecimalNumber.init) {
                    section(.class("card")) {
                        h2 { t(.officialResult) }
                        p(.class("total")) {
                            strong { Formats.score(finalScore, language) }
                            " · \(model.index.classes.first { $0.code == record.model.classCode }?.title ?? record.model.classCode ?? "")"
                        }
                        p { small { t(.officialNote) } }
                    }
                }
                section(.class("card")) {
                    h2 { t(model.canViewResults && record.model.finalScore != nil ? .selfPoints : .provisionalTotal) }
                    p(.class("total")) {
                        strong { Formats.score(score.final, language) }
                        " / \(model.index.scale.text(context.language)) · \(scoreClass.title)"
                    }
                    if let why = explanation.explainClass(in: score) { p(.class("why")) { small { why } } }
                    p {
                        small {
                            say(.criteriaEntered, "\(progress.entered)", "\(progress.leaves)")
                            if !progress.evidenceMissing.isEmpty {
                                " · " + say(.evidenceMissingInline) + progress.evidenceMissing.joined(separator: ", ")
                            }
                        }
                    }
                }
            }
            if model.canSubmit { submitSection(context, model: model, progress: progress) }
            if model.canReturn { reasonForm(context, action: SiteURL.AssessmentPage.returnToAgency.path(under: record.path), title: say(.returnTitle), button: say(.returnButton), withDate: false) }
            if model.canGrantException {
                reasonForm(context, action: SiteURL.AssessmentPage.exception.path(under: record.path), title: say(.extendTitle),
                           button: say(.extendButton), withDate: true)
            }
            if model.canEdit {
                editor(context, model: model, explanation: explanation)
            } else {
                tree(context, model: model, explanation: explanation)
            }
            items(context, model: model, explanation: explanation)
        }
    }

    // MARK: Bonus and deduction items

    /// Bonus items (the agency proposes them while it edits) and deductions (recorded by the organiser or the council;
    /// those with a `source` fill themselves), each with its points and why, and the totals against their caps.
    static func items(_ context: PageContext, model: Model, explanation: ScoreExplanation) -> HTMLNode {
        let index = model.index
        guard !index.bonus.isEmpty || !index.deductions.isEmpty else { return .empty }
        let say = context.phrases(AssessmentText.self)
        let score = model.score
        let data = LeafData(model.record)
        return section(.class("items"), .id("items")) {
            h2 { say(.itemsTitle) }
            if !index.bonus.isEmpty {
                h3 { say(.bonusTitle) }
                for (position, item) in index.bonus.enumerated() {
                    itemCard(context, model: model, data: data, item: item, result: score.bonusItems[position], explanation: explanation)
                }
                p(.class("points")) { total(context, score.bonusItems, capped: score.bonus, cap: index.bonusCap, plain: .bonusTotal, over: .bonusCapped) }
            }
            if !index.deductions.isEmpty {
                h3 { say(.deductionTitle) }
                p { small { say(.deductionsAfterRelease) } }
                for (position, item) in index.deductions.enumerated() where item.source != nil {
                    itemCard(context, model: model, data: data, item: item, result: score.deductionItems[position], explanation: explanation)
                }
                p(.class("points")) {
                    total(context, score.deductionItems, capped: score.deduction, cap: index.deductionCap, plain: .deductionTotal, over: .deductionCapped)
                }
            }
        }
    }

    /// "Bonus total: 6, counted up to 5" where the cap bites.
    static func total(_ context: PageContext, _ items: [ItemScore], capped: DecimalNumber, cap: DecimalNumber?,
                      plain: AssessmentText, over: AssessmentText) -> String {
        let say = context.phrases(AssessmentText.self)
        let sum = items.reduce(DecimalNumber.zero) { $0 + $1.points }
        if let cap, sum > cap { return say(over, Formats.score(sum, context.language), Formats.score(cap, context.language)) }
        return say(plain, Formats.score(capped, context.language))
    }

    /// One bonus or deduction item: a form while the agency may propose it, its figure when a source gives it, else what is entered.
    static func itemCard(_ context: PageContext, model: Model, data: LeafData, item: AdjustmentItem, result: ItemScore,
                         explanation: ScoreExplanation) -> HTMLNode {
        let t = context.t
        let say = context.phrases(AssessmentText.self)
        let record = model.record
        let entry = data.entries[item.code]
        let draft = model.drafts[item.code]
        let field = "v-\(item.code)"
        let proposes = model.canEdit && item.kind == .bonus && item.source == nil
        return section(.class(draft?.error != nil ? "leaf card invalid" : "leaf card"), .id("leaf-\(item.code)")) {
            H.el("h4", []) { "\(item.code) \(item.title)" }
            if let guidance = item.guidance { p(.class("guidance")) { guidance } }
            if item.source == .submissionLate {
                p(.class("sourced"), .role("note")) { strong { say(.figureFromData) }; ": " + submissionFigure(context, record: record) }
            }
            if proposes {
                form(.method("post"), .action(SiteURL.AssessmentPage.entry(.value(item.code)).path(under: record.path)), .class("leaf-form")) {
                    Layout.csrfField(context)
                    input(.type("hidden"), .name("revision"), .value(String(draft?.conflict?.revision ?? entry?.revision ?? 0)))
                    Fields.text(say(.proposedValue), name: "value", id: field, value: draft?.value ?? entry?.selfInput ?? "", error: draft?.error,
                                autofocus: draft?.error != nil)
                    div(.class("field")) {
                        label(.for("n-\(item.code)")) { say(.note) }
                        textarea(.id("n-\(item.code)"), .name("note"), .rows(2), .maxlength(Limits.note)) { draft?.note ?? entry?.selfNote ?? "" }
                    }
                    button(.type("submit")) { t(.save) }
                }
                evidenceList(context, record: record, code: item.code, required: false, links: data.links[item.code] ?? [],
                             reusable: data.reusableCount(item.code), refusal: model.uploadRefusal?.code == item.code ? model.uploadRefusal?.message : nil)
            } else if let note = entry?.selfNote {
                p { small { note } }
            }
            p(.class("points")) {
                strong { Formats.score(result.points, context.language) }
                " — " + explanation.explain(item: item, result)
            }
        }
    }

    // MARK: Read-only tree

    static func tree(_ context: PageContext, model: Model, explanation: ScoreExplanation) -> HTMLNode {
        let t = context.t
        let score = model.score
        let notes = Dictionary(model.record.entries.compactMap { entry in entry.selfNote.map { (entry.criterionCode, $0) } }, uniquingKeysWith: { a, _ in a })
        return div(.class("table-wrap")) {
            table(.class("tree")) {
                caption(.class("visually-hidden")) { model.index.title }
                thead {
                    tr {
                        th(.scope("col")) { t(.criteria) }
                        th(.scope("col"), .class("num")) { t(.maxPoints) }
                        th(.scope("col")) { t(.input) }
                        th(.scope("col"), .class("num")) { t(.points) }
                        th(.scope("col"), .class("hide-small")) { t(.why) }
                    }
                }
                tbody {
                    for (position, node) in model.index.nodes.enumerated() {
                        let result = score.nodes[position]
                        tr(.class(node.isLeaf ? "leaf" : "group"), .id("leaf-\(node.code)")) {
                            td(.class("depth-\(min(node.depth, 3))")) {
                                "\(node.code) \(node.title)"
                                if let note = notes[node.code] { br(); small { note } }
                            }
                            td(.class("num")) { node.max.text(context.language) }
                            td { result.input.map { explanation.inputText($0, rule: node.leaf?.rule) } ?? "" }
                            td(.class(result.applicable ? "num" : "num na")) {
                                result.applicable ? Formats.score(result.points, context.language) : t(.notApplicable)
                            }
                            td(.class("hide-small")) { explanation.explain(node: position, in: score) }
                        }
                    }
                }
            }
        }
    }

    // MARK: Editor

    /// Each leaf's entry and files, found once for the whole page (not searched for every leaf).
    struct LeafData {
        var entries: [String: CriterionEntry]
        var links: [String: [EvidenceLink]]
        /// Files of the assessment, each counted once.
        var fileCount: Int

        init(_ record: AssessmentRecord) {
            entries = Dictionary(record.entries.map { ($0.criterionCode, $0) }, uniquingKeysWith: { first, _ in first })
            links = Dictionary(grouping: record.links, by: \.criterionCode)
            fileCount = Set(record.links.map(\.fileID)).count
        }

        /// Files of the assessment not yet on this leaf, to attach without uploading again.
        func reusableCount(_ code: String) -> Int {
            fileCount - Set((links[code] ?? []).map(\.fileID)).count
        }
    }

    static func editor(_ context: PageContext, model: Model, explanation: ScoreExplanation) -> HTMLNode {
        let score = model.score
        let data = LeafData(model.record)
        return div(.class("editor")) {
            if !model.record.links.isEmpty { removalForm(context) }
            for (position, node) in model.index.nodes.enumerated() {
                if node.isLeaf {
                    leafForm(context, model: model, data: data, position: position, node: node, explanation: explanation)
                } else {
                    H.el(node.depth == 0 ? "h2" : "h3", [.class("group-heading")]) {
                        "\(node.code) \(node.title) "
                        span(.class("badge")) {
                            score.nodes[position].applicable
                                ? "\(Formats.score(score.nodes[position].points, context.language)) / \(node.max.text(context.language))"
                                : context.t(.notApplicable)
                        }
                    }
                }
            }
        }
    }

    static func leafForm(_ context: PageContext, model: Model, data: LeafData, position: Int, node: Criterion, explanation: ScoreExplanation) -> HTMLNode {
        let t = context.t
        let say = context.phrases(AssessmentText.self)
        let record = model.record
        let result = model.score.nodes[position]
        let entry = data.entries[node.code]
        let draft = model.drafts[node.code]
        let rule = node.leaf!.rule
        let field = "v-\(node.code)"
        let storedInput = entry?.selfInput ?? ""
        let shownValue = draft?.value ?? (InputReading.isNA(storedInput) ? "" : storedInput)
        let isNA = draft?.notApplicable ?? InputReading.isNA(storedInput)
        let byTag: Bool = if case .notApplicableByTag = result.reason { true } else { false }
        let links = data.links[node.code] ?? []
        return section(.class(draft?.error != nil || draft?.conflict != nil ? "leaf card invalid" : "leaf card"), .id("leaf-\(node.code)")) {
            h3 {
                "\(node.code) \(node.title) "
                small { "(\(t(.maxPoints)) \(node.max.text(context.language)))" }
            }
            if let guidance = node.guidance { p(.class("guidance")) { guidance } }
            if byTag {
                p(.class("na")) { explanation.explain(node: position, in: model.score) }
            } else if let source = node.leaf?.source {
                sourcedFigure(context, record: record, node: node, source: source)
                p(.class("points")) {
                    strong { result.applicable ? Formats.score(result.points, context.language) : t(.notApplicable) }
                    " — " + explanation.explain(node: position, in: model.score)
                }
            } else {
                if draft?.kept == true {
                    p(.class("notice kept"), .role("note")) { say(.keptLeaf) }
                }
                if let conflict = draft?.conflict {
                    div(.class("errors"), .role("alert")) {
                        p {
                            say(.savedNewerValue, conflict.by)
                            if let at = conflict.at { " (\(Formats.dateTime(at)))" }
                            ": "
                            strong { conflict.value.isEmpty ? "—" : conflict.value }
                            conflict.note.isEmpty ? "" : " — \(conflict.note)"
                            ". "
                            say(.yourValueKept)
                        }
                    }
                }
                form(.method("post"), .action(SiteURL.AssessmentPage.entry(.value(node.code)).path(under: record.path)), .class("leaf-form")) {
                    Layout.csrfField(context)
                    input(.type("hidden"), .name("revision"), .value(String(draft?.conflict?.revision ?? entry?.revision ?? 0)))
                    div(.class(draft?.error == nil ? "field" : "field invalid")) {
                        label(.for(field)) { inputLabel(rule, say: say) }
                        inputWidget(rule, id: field, value: shownValue, say: say, invalid: draft?.error != nil)
                        if let error = draft?.error { p(.class("error"), .id("\(field)-error")) { error } }
                    }
                    if node.allowNA {
                        div(.class("field")) {
                            label {
                                input(.type("checkbox"), .name("na"), .value("1"), Attribute.when(isNA, .checked))
                                " " + t(.notApplicable)
                            }
                        }
                    }
                    div(.class("field")) {
                        label(.for("n-\(node.code)")) { say(.note) }
                        textarea(.id("n-\(node.code)"), .name("note"), .rows(2), .maxlength(Limits.note)) { draft?.note ?? entry?.selfNote ?? "" }
                    }
                    button(.type("submit")) { t(.save) }
                }
                p(.class("points")) {
                    strong { result.applicable ? Formats.score(result.points, context.language) : t(.notApplicable) }
                    " — " + explanation.explain(node: position, in: model.score)
                }
                evidenceList(context, record: record, code: node.code, required: node.leaf?.evidenceRequired == true, links: links,
                             reusable: data.reusableCount(node.code), refusal: model.uploadRefusal?.code == node.code ? model.uploadRefusal?.message : nil)
            }
        }
    }

    /// A sourced leaf: the figure the data give, read-only, with a link to the data behind it.
    static func sourcedFigure(_ context: PageContext, record: AssessmentRecord, node: Criterion, source: InputSource) -> HTMLNode {
        let say = context.phrases(AssessmentText.self)
        let asOf = record.period.range?.asOf(SourceData.today) ?? SourceData.today
        let figure = record.sources.input(for: node).map {
            ScoreExplanation(index: record.index, language: context.language).displayText($0, rule: node.leaf?.rule)
        }
        return div(.class("sourced"), .role("note")) {
            p {
                strong { say(.figureFromData) }
                " (\(say(.asOf)) \(asOf.vietnamese)): "
                switch source {
                case .tasksOnTimeRate, .tasksDoneLate, .tasksOverdue:
                    if let tally = record.sources.tasks {
                        say(.taskTally, "\(tally.due)", "\(tally.doneOnTime)", "\(tally.doneLate)", "\(tally.openOverdue)")
                        " "
                        a(.href(SiteURL.tasks.path + "?agency=\(record.agency.code)&asOf=\(asOf.iso)")) { say(.seeTasks) }
                    } else {
                        say(.noTaskData)
                    }
                case .survey:
                    (figure.map { "\($0) %" } ?? say(.noSurveyResult)) + " "
                    a(.href(SiteURL.period(.value(record.period.id!), .surveys).path)) { say(.surveyResults) }
                case .leaders:
                    figure ?? say(.notRatedByLeaders)
                case .submissionLate:
                    submissionFigure(context, record: record)
                }
            }
            small { say(.agencyDoesNotEnter) }
            if let set = source.dataSet, !record.declarations.isComplete(set) {
                p(.class("pending")) { context.phrases(PublicationText.self)(.missingData, set.name(context.language)) }
            }
        }
    }

    /// While data its sourced criteria read are not declared complete, the assessment's scores are provisional: said above them.
    static func provisionalNotice(_ context: PageContext, record: AssessmentRecord) -> HTMLNode {
        let pending = record.declarations.undeclared(of: record.index)
        guard !pending.isEmpty, !record.state.hasFinalResult else { return .empty }
        return p(.class("notice provisional"), .role("note")) {
            context.phrases(PublicationText.self)(.provisionalData, pending.map { $0.name(context.language) }.joined(separator: ", "))
        }
    }

    /// The first submission against the deadline: what `submission.late` reads.
    static func submissionFigure(_ context: PageContext, record: AssessmentRecord) -> String {
        let say = context.phrases(AssessmentText.self)
        let deadline = Formats.date(record.period.selfAssessmentDeadline)
        guard let first = record.model.firstSubmittedAt, let late = record.submittedLate else { return say(.notSubmittedYet, deadline) }
        return say(late ? .submittedLate : .submittedOnTime, Formats.date(first), deadline)
    }

    static let removalFormID = "remove-evidence"

    /// The page's one form that removes a file from a leaf: each file's "remove" button names it
    /// and its own address (`form`, `formaction`), so that a page of many files carries one CSRF field, not one per file.
    static func removalForm(_ context: PageContext) -> HTMLNode {
        form(.id(removalFormID), .method("post"), .hidden) {
            Layout.csrfField(context)
        }
    }

    /// A leaf's files, with the forms to upload, remove and (on a page of their own) reuse files.
    /// The form that uploads one evidence file to a leaf (while self-assessing, or with an explanation);
    /// after a refusal, its reason beside the field, which takes the focus.
    static func uploadForm(_ context: PageContext, record: AssessmentRecord, code: String, id: String, label text: String, button title: String,
                           refusal: String?) -> HTMLNode {
        // The CSRF field comes first: the server checks it before reading the file.
        form(.method("post"), .action(SiteURL.AssessmentPage.entryEvidence(.value(code)).path(under: record.path)), .enctype("multipart/form-data"),
             .class("upload")) {
            Layout.csrfField(context)
            label(.for(id)) { text }
            " "
            input(.type("file"), .id(id), .name("file"), .required, .accept(EvidenceUpload.acceptedExtensions),
                  Attribute.when(refusal != nil, .autofocus), Attribute.when(refusal != nil, .aria("describedby", "\(id)-error")))
            if let refusal { p(.class("error"), .id("\(id)-error")) { refusal } }
            " "
            button(.type("submit"), .class("secondary")) { title }
        }
    }

    static func evidenceList(_ context: PageContext, record: AssessmentRecord, code: String, required: Bool, links: [EvidenceLink],
                             reusable: Int, refusal: String? = nil) -> HTMLNode {
        let say = context.phrases(AssessmentText.self)
        return div(.class("evidence")) {
            p {
                strong { context.t(.evidence) }
                required ? say(.evidenceRequiredMark) : ""
                ": "
                if links.isEmpty { say(.noneYet) }
            }
            if !links.isEmpty {
                ul {
                    for link in links {
                        li {
                            a(.href(SiteURL.evidence(.value(link.id)).path)) { link.fileName }
                            " "
                            // Submits the page's one removal form (``removalForm``) to this link's address.
                            button(.type("submit"), .form(removalFormID), .formaction(SiteURL.AssessmentPage.deleteEvidence(.value(link.id)).path(under: record.path)),
                                   .class("link"), .aria("label", say(.removeFile, link.fileName))) { say(.remove) }
                        }
                    }
                }
            }
            uploadForm(context, record: record, code: code, id: "f-\(code)", label: say(.uploadDocument), button: say(.upload), refusal: refusal)
            if reusable > 0 {
                p(.class("attach")) {
                    a(.href(SiteURL.AssessmentPage.attachEvidence(.value(code)).path(under: record.path))) {
                        say(.useUploadedFile, "\(reusable)")
                    }
                }
            }
        }
    }

    static func inputLabel(_ rule: Rule, say: Phrases<AssessmentText>) -> String {
        switch rule {
        case .yesno: say(.resultYesNo)
        case .levels: say(.level)
        case .ratio: say(.percentageOrRatio)
        case .tiers, .percent: say(.figure)
        case .count, .deduct: say(.count)
        case .manual: say(.points)
        }
    }

    /// The input a rule needs; a refused one carries its error and takes the focus (the browser
    /// scrolls to it; the page's summary at the top links to it too).
    static func inputWidget(_ rule: Rule, id: String, value: String, say: Phrases<AssessmentText>, invalid: Bool) -> HTMLNode {
        let describedBy = invalid ? Attribute.aria("describedby", "\(id)-error") : nil
        let focus = Attribute.when(invalid, .autofocus)
        switch rule {
        case .yesno:
            let yes = ["1", "yes", "có", "true", "đạt"].contains(value.lowercased())
            let no = ["0", "no", "không", "false", "không đạt"].contains(value.lowercased())
            return select(.id(id), .name("value"), describedBy, focus) {
                option(.value(""), Attribute.when(!yes && !no, .selected)) { say(.notEnteredOption) }
                option(.value("có"), Attribute.when(yes, .selected)) { say(.yes) }
                option(.value("không"), Attribute.when(no, .selected)) { say(.no) }
            }
        case let .levels(levels):
            return select(.id(id), .name("value"), describedBy, focus) {
                option(.value(""), Attribute.when(value.isEmpty, .selected)) { say(.notEnteredOption) }
                for level in levels {
                    option(.value(level.code), Attribute.when(level.code == value, .selected)) { "\(level.code) (\(level.points.vietnamese()))" }
                }
            }
        case .ratio:
            return input(.type("text"), .id(id), .name("value"), .value(value), .inputmode("text"), .autocomplete("off"), describedBy,
                         Attribute.when(invalid, .aria("invalid", "true")), focus)
        default:
            return input(.type("text"), .id(id), .name("value"), .value(value), .inputmode("decimal"), .autocomplete("off"), describedBy,
                         Attribute.when(invalid, .aria("invalid", "true")), focus)
        }
    }

    // MARK: Submission and organiser forms

    /// Each leaf by code and title, linked to its place on the page (to fill it in before submitting).
    static func leafLinks(_ model: Model, codes: [String], none: String) -> HTMLNode {
        guard !codes.isEmpty else { return .text(none) }
        let titles = Dictionary(model.index.nodes.map { ($0.code, $0.title) }) { first, _ in first }
        return ul(.class("leaf-links")) {
            for code in codes {
                li { a(.href("#leaf-\(code)")) { "\(code) \(titles[code] ?? "")" } }
            }
        }
    }

    static func submitSection(_ context: PageContext, model: Model, progress: EntryProgress) -> HTMLNode {
        let say = context.phrases(AssessmentText.self)
        // What the agency itself left empty (sourced leaves are the data's, not the agency's to enter).
        let missingInputs = model.score.missing.filter { model.index.nodes[$0].leaf?.source == nil }.map { model.index.nodes[$0].code }
        let proposed = model.index.bonus.indices.filter { model.index.bonus[$0].source == nil && model.score.bonusItems[$0].input != nil }
            .map { "\(model.index.bonus[$0].code) (\(Formats.score(model.score.bonusItems[$0].points, context.language)))" }
        return section(.class("card submit")) {
            h2 { say(.submitTitle) }
            ul {
                li { say(.selfAssessedTotal, Formats.score(model.score.final, context.language)) }
                if !model.index.bonus.isEmpty {
                    li {
                        say(.bonusProposedList) + (proposed.isEmpty ? say(.noneListed) : proposed.joined(separator: ", "))
                        if !proposed.isEmpty {
                            " — " + total(context, model.score.bonusItems, capped: model.score.bonus, cap: model.index.bonusCap,
                                          plain: .bonusTotal, over: .bonusCapped)
                        }
                    }
                }
                li {
                    say(.notEnteredList)
                    leafLinks(model, codes: missingInputs, none: say(.noneListed))
                }
                li {
                    say(.evidenceMissingList)
                    leafLinks(model, codes: progress.evidenceMissing, none: say(.noneListed))
                }
            }
            p { say(.afterSubmission) }
            form(.method("post"), .action(SiteURL.AssessmentPage.submit.path(under: model.record.path))) {
                Layout.csrfField(context)
                Fields.confirmation(say(.confirmSubmit), id: "confirm-submit")
                button(.type("submit")) { say(.submit) }
            }
        }
    }

    static func reasonForm(_ context: PageContext, action: String, title: String, button buttonTitle: String, withDate: Bool) -> HTMLNode {
        let say = context.phrases(AssessmentText.self)
        let id = withDate ? "exception" : "return"
        return section(.class("card")) {
            h2 { title }
            form(.method("post"), .action(action)) {
                Layout.csrfField(context)
                if withDate {
                    Fields.text(say(.until), name: "until", value: nil, type: "date", required: true)
                }
                div(.class("field")) {
                    label(.for("\(id)-reason")) { say(.reason) }
                    textarea(.id("\(id)-reason"), .name("reason"), .rows(2), .maxlength(Limits.reason), .required) { "" }
                }
                button(.type("submit"), .class("secondary")) { buttonTitle }
            }
        }
    }
}

