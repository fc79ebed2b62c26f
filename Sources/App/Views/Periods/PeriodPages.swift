import ChiSoCore
import Foundation

/// Periods: the list, the form, one period with its indexes and assessments.
enum PeriodPages {
    static func list(_ context: PageContext, periods: [PeriodModel], canManage: Bool) -> HTMLNode {
        let t = context.t
        return Layout.page(context, title: t(.periods)) {
            if canManage { p { a(.class("button"), .href(SiteURL.newPeriod.path)) { t(.newPeriod) } } }
            div(.class("table-wrap")) {
                table {
                    thead {
                        tr {
                            th(.scope("col")) { t(.periodName) }
                            th(.scope("col")) { t(.periodKind) }
                            th(.scope("col")) { t(.periodStatus) }
                            th(.scope("col")) { t(.selfDeadline) }
                        }
                    }
                    tbody {
                        for period in periods {
                            tr {
                                td { a(.href(SiteURL.period(.value(period.id!), .show).path)) { period.name } }
                                td { PeriodLabels.kind(period.kind, t) + (period.number.map { " \($0)" } ?? "") + " \(period.year)" }
                                td { PeriodLabels.status(period.status, t) }
                                td { Formats.date(period.selfAssessmentDeadline) }
                            }
                        }
                    }
                }
            }
        }
    }

    static func editor(_ context: PageContext, values: PeriodController.PeriodForm, errors: [String: String], copyFrom: [PeriodModel] = []) -> HTMLNode {
        let t = context.t
        let say = context.phrases(PeriodText.self)
        return Layout.page(context, title: t(.newPeriod)) {
            form(.method("post"), .action(SiteURL.periods.path)) {
                Layout.csrfField(context)
                Fields.text(t(.periodName), name: "name", value: values.name, error: errors["name"], required: true,
                            hint: say(.nameExample))
                div(.class(errors["kind"] == nil ? "field" : "field invalid")) {
                    label(.for("kind")) { t(.periodKind) }
                    select(.id("kind"), .name("kind")) {
                        for kind in PeriodModel.Kind.allCases {
                            option(.value(kind.rawValue), Attribute.when(values.kind == kind.rawValue, .selected)) { PeriodLabels.kind(kind, t) }
                        }
                    }
                    if let error = errors["kind"] { p(.class("error")) { error } }
                }
                Fields.text(t(.periodYear), name: "year", value: values.year, error: errors["year"], required: true)
                Fields.text(t(.periodNumber), name: "number", value: values.number, error: errors["number"])
                Fields.text(t(.selfDeadline), name: "selfDeadline", value: values.selfDeadline, type: "date", error: errors["selfDeadline"], required: true)
                Fields.text(t(.appraisalDeadline), name: "appraisalDeadline", value: values.appraisalDeadline, type: "date",
                            error: errors["appraisalDeadline"], required: true)
                Fields.text(t(.explanationDeadline), name: "explanationDeadline", value: values.explanationDeadline, type: "date",
                            error: errors["explanationDeadline"], required: true)
                let admin = context.phrases(PeriodAdminText.self)
                div(.class("field")) {
                    label(.for("rollup")) { admin(.rollupLabel) }
                    select(.id("rollup"), .name("rollup")) {
                        option(.value(""), Attribute.when((values.rollup ?? "").isEmpty, .selected)) { admin(.rollupNone) }
                        option(.value("sum"), Attribute.when(values.rollup == "sum", .selected)) { admin(.rollupSum) }
                        option(.value("average"), Attribute.when(values.rollup == "average", .selected)) { admin(.rollupAverage) }
                    }
                }
                if !copyFrom.isEmpty {
                    div(.class("field")) {
                        label(.for("copyFrom")) { admin(.copyFromLabel) }
                        select(.id("copyFrom"), .name("copyFrom")) {
                            option(.value("")) { admin(.copyFromNone) }
                            for period in copyFrom {
                                option(.value(period.id!.uuidString), Attribute.when(values.copyFrom == period.id?.uuidString, .selected)) { period.name }
                            }
                        }
                    }
                }
                button(.type("submit")) { t(.save) }
                " "
                a(.href(SiteURL.periods.path)) { t(.cancel) }
            }
        }
    }

    static func show(_ context: PageContext, period: PeriodModel, assignments: [PeriodIndexModel], groups: [String],
                     versions: [IndexVersionModel], progress: PeriodProgress?, filter: PeriodProgress.Filter, leaders: Leaders?, canManage: Bool,
                     appraisal: [AppraisalAssignmentModel], appraisers: [UserModel], appraiserDraft: AppraiserDraft?, publication: Publication,
                     administration: PeriodAdminSection.Model) -> HTMLNode {
        let t = context.t
        let say = context.phrases(PeriodText.self)
        let assigned = Dictionary(assignments.map { ($0.group, $0) }, uniquingKeysWith: { first, _ in first })
        return Layout.page(context, title: period.name) {
            p {
                span(.class("badge")) { PeriodLabels.status(period.status, t) }
                if let range = period.range {
                    " " + say(.dateRange, range.start.vietnamese, range.end.vietnamese)
                }
            }
            ul {
                HomePage.deadline(t(.selfDeadline), period.selfAssessmentDeadline, Date(), context, running: period.isRunning)
                HomePage.deadline(t(.appraisalDeadline), period.appraisalDeadline, Date(), context, running: period.isRunning)
                HomePage.deadline(t(.explanationDeadline), period.explanationDeadline, Date(), context, running: period.isRunning)
            }
            PeriodAdminSection.render(context, period: period, model: administration, canManage: canManage)
            if period.status != .draft {
                p(.class("links")) {
                    a(.href(SiteURL.period(.value(period.id!), .results).path)) { say(.resultsLink) }
                    " · "
                    a(.href(SiteURL.dashboard.path + "?period=\(period.id!)")) { say(.dashboardLink) }
                    " · "
                    a(.href(SiteURL.monitoring.path + "?period=\(period.id!)")) { say(.provisionalScoresLink) }
                    " · "
                    a(.href(SiteURL.period(.value(period.id!), .surveys).path)) { say(.surveyResultsLink) }
                    if context.user?.actor.has(.leader) == true {
                        " · "
                        a(.href(SiteURL.period(.value(period.id!), .ratings).path)) { say(.leaderRatingsLink) }
                    }
                }
            }
            h2 { t(.assignIndexes) }
            div(.class("table-wrap")) {
                table {
                    thead { tr { th(.scope("col")) { t(.group) }; th(.scope("col")) { t(.indexForGroup) } } }
                    tbody {
                        for group in groups {
                            tr {
                                th(.scope("row")) { context.identity.groupName(group, context.language) }
                                td {
                                    if canManage, period.status == .draft {
                                        form(.method("post"), .action(SiteURL.period(.value(period.id!), .assignIndex).path), .class("inline")) {
                                            Layout.csrfField(context)
                                            input(.type("hidden"), .name("group"), .value(group))
                                            label(.for("index-\(group)"), .class("visually-hidden")) { "\(t(.indexForGroup)) \(group)" }
                                            select(.id("index-\(group)"), .name("indexVersionID")) {
                                                for version in versions {
                                                    option(.value(version.id!.uuidString),
                                                           Attribute.when(assigned[group]?.$indexVersion.id == version.id, .selected)) {
                                                        "\(version.code) v\(version.version) — \(version.title)"
                                                    }
                                                }
                                            }
                                            " "
                                            button(.type("submit")) { t(.assign) }
                                        }
                                    } else if let assignment = assigned[group] {
                                        a(.href(SiteURL.index(.value(assignment.$indexVersion.id), .show).path)) {
                                            "\(assignment.indexVersion.code) v\(assignment.indexVersion.version)"
                                        }
                                    } else {
                                        t(.none)
                                    }
                                }
                            }
                        }
                    }
                }
            }
            if canManage, period.status == .draft, !assignments.isEmpty {
                form(.method("post"), .action(SiteURL.period(.value(period.id!), .open).path)) {
                    Layout.csrfField(context)
                    button(.type("submit")) { t(.openPeriod) }
                }
            }
            if canManage, period.status == .open {
                appraiserSection(context, period: period, indexes: assignments.map(\.indexVersion), appraisal: appraisal, appraisers: appraisers,
                                 draft: appraiserDraft)
            }
            if let leaders { leadersSection(context, period: period, leaders: leaders) }
            if period.status != .draft, !publication.data.isEmpty {
                dataSection(context, period: period, rows: publication.data, canManage: canManage && period.status != .published)
            }
            if canManage, period.status == .open {
                publishSection(context, period: period, publication: publication)
            }
            if let decision = publication.decision {
                decisionSection(context, period: period, decision: decision, canManage: canManage)
            }
            if let progress {
                progressSection(context, period: period, progress: progress, filter: filter, canManage: canManage)
            }
        }
    }

    /// Where each agency stands: totals per state (each a filter), the filter form, and one row per
    /// agency with its state, entries, missing evidence, score as it stands and deadline.
    static func progressSection(_ context: PageContext, period: PeriodModel, progress: PeriodProgress,
                                filter: PeriodProgress.Filter, canManage: Bool) -> HTMLNode {
        let t = context.t
        let say = context.phrases(PeriodText.self)
        let language = context.language
        let here = SiteURL.period(.value(period.id!), .show).path
        let returns = canManage && period.status == .open
        return section(.id("assessments")) {
            h2 { say(.progressHeading) }
            p(.class("guidance")) { say(.progressGuidance) }
            let pending = Set(progress.all.flatMap(\.undeclared)).sorted()
            if !pending.isEmpty {
                p(.class("notice")) { say(.pendingData, pending.map { $0.name(language) }.joined(separator: ", ")) }
            }
            h3 { say(.totalsHeading) }
            ul(.class("totals")) {
                for (state, count) in progress.totals {
                    li {
                        a(.href(here + "?state=\(state.rawValue)#assessments"),
                          Attribute.when(filter.state == state.rawValue, .aria("current", "true"))) { state.text(language) }
                        ": \(count)"
                    }
                }
            }
            form(.method("get"), .action(here + "#assessments"), .class("filters")) {
                div(.class("field")) {
                    label(.for("filter-state")) { t(.state) }
                    select(.id("filter-state"), .name("state")) {
                        option(.value("")) { say(.allStates) }
                        for state in AssessmentState.allCases {
                            option(.value(state.rawValue), Attribute.when(filter.state == state.rawValue, .selected)) { state.text(language) }
                        }
                    }
                }
                div(.class("field")) {
                    label(.for("filter-group")) { t(.group) }
                    select(.id("filter-group"), .name("group")) {
                        option(.value("")) { say(.allGroups) }
                        for group in progress.groups {
                            option(.value(group), Attribute.when(filter.group == group, .selected)) { context.identity.groupName(group, language) }
                        }
                    }
                }
                Fields.text(say(.searchAgency), name: "q", id: "filter-q", value: filter.q, type: "search")
                button(.type("submit")) { say(.filter) }
                if !filter.isEmpty {
                    " "
                    a(.href(here + "#assessments")) { say(.clearFilter) }
                }
            }
            p(.role("status")) { say(.shownOf, "\(progress.rows.count)", "\(progress.all.count)") }
            if progress.rows.isEmpty {
                p { say(.noAgencyMatches) }
            } else {
                div(.class("table-wrap")) {
                    table {
                        thead {
                            tr {
                                th(.scope("col")) { t(.agency) }
                                th(.scope("col")) { t(.group) }
                                th(.scope("col")) { t(.state) }
                                th(.scope("col"), .class("num")) { say(.enteredColumn) }
                                th(.scope("col")) { say(.evidenceMissingColumn) }
                                th(.scope("col"), .class("num")) { say(.scoreColumn) }
                                th(.scope("col")) { t(.classification) }
                                th(.scope("col")) { say(.deadlineColumn) }
                                if returns { th(.scope("col")) { say(.actionsColumn) } }
                            }
                        }
                        tbody {
                            for row in progress.rows {
                                tr {
                                    th(.scope("row")) { a(.href(SiteURL.assessment(.value(row.assessmentID), .show).path)) { row.agency.name } }
                                    td { context.identity.groupName(row.agency.group, language) }
                                    td { row.state.text(language) }
                                    td(.class("num")) {
                                        say(.enteredShare, "\(row.entry.entered)", "\(row.entry.leaves)", "\(row.entry.percentEntered)")
                                    }
                                    td {
                                        if row.entry.evidenceMissing.isEmpty {
                                            say(.noneMissing)
                                        } else {
                                            span(.title(row.entry.evidenceMissing.joined(separator: ", "))) {
                                                say(.evidenceMissingCount, "\(row.entry.evidenceMissing.count)")
                                            }
                                            ": " + row.entry.evidenceMissing.prefix(5).joined(separator: ", ")
                                            if row.entry.evidenceMissing.count > 5 { "…" }
                                        }
                                    }
                                    td(.class("num")) {
                                        Formats.score(row.score, language)
                                        br()
                                        small { row.isFinal ? say(.finalScore) : say(.provisional) }
                                    }
                                    td { row.classCode }
                                    td {
                                        time(.datetime(Formats.isoDate(row.deadline))) { Formats.date(row.deadline) }
                                        if let exception = row.exception {
                                            br()
                                            small(.title(exception.reason)) { say(.extendedUntil, Formats.date(exception.until)) }
                                        }
                                        br()
                                        small {
                                            if let submitted = row.submittedAt {
                                                say(.submittedOn, Formats.date(submitted))
                                                if row.submittedLate == true { span(.class("late")) { " · " + say(.submittedLate) } }
                                            } else {
                                                say(.notSubmitted)
                                            }
                                        }
                                    }
                                    if returns {
                                        td {
                                            if row.state == .submitted {
                                                returnForm(context, assessmentID: row.assessmentID, back: here)
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// A refused appraiser assignment, as typed, with its problem and the field it concerns.
    struct AppraiserDraft: Sendable {
        var indexCode: String?
        var criterionCode: String
        var userID: UUID?
        var error: String
        var field: String
    }

    static func appraiserSection(_ context: PageContext, period: PeriodModel, indexes: [IndexVersionModel],
                                 appraisal: [AppraisalAssignmentModel], appraisers: [UserModel], draft: AppraiserDraft?) -> HTMLNode {
        let say = context.phrases(PeriodText.self)
        return section(.id("appraisers")) {
            h2 { say(.appraisersHeading) }
            p {
                say(.appraisersGuidance)
            }
            if !appraisal.isEmpty {
                ul {
                    for assignment in appraisal {
                        li {
                            "\(assignment.indexCode) · \(assignment.criterionCode): \(assignment.user.displayName) "
                            form(.method("post"), .action(SiteURL.period(.value(period.id!), .deleteAssignment(.value(assignment.id!))).path), .class("inline")) {
                                Layout.csrfField(context)
                                button(.type("submit"), .class("link")) { say(.removeAssignment) }
                            }
                        }
                    }
                }
            }
            form(.method("post"), .action(SiteURL.period(.value(period.id!), .assignments).path), .class("filters")) {
                Layout.csrfField(context)
                div(.class("field")) {
                    label(.for("assign-index")) { say(.index) }
                    select(.id("assign-index"), .name("indexCode")) {
                        for version in indexes {
                            option(.value(version.code), Attribute.when(draft?.indexCode == version.code, .selected)) { version.code }
                        }
                    }
                }
                Fields.text(say(.criterionCode), name: "criterionCode", value: draft?.criterionCode, error: draft?.field == "criterionCode" ? draft?.error : nil,
                            required: true, autofocus: draft?.field == "criterionCode")
                div(.class(draft?.field == "assign-user" ? "field invalid" : "field")) {
                    label(.for("assign-user")) { say(.appraiser) }
                    select(.id("assign-user"), .name("userID"), Attribute.when(draft?.field == "assign-user", .autofocus)) {
                        for user in appraisers {
                            option(.value(user.id!.uuidString), Attribute.when(draft?.userID == user.id, .selected)) { "\(user.displayName) (\(user.agency.code))" }
                        }
                    }
                    if draft?.field == "assign-user", let error = draft?.error { p(.class("error")) { error } }
                }
                button(.type("submit")) { say(.assign) }
            }
        }
    }

    /// Who rates each `leaders` criterion of each index.
    struct Leaders: Sendable {
        var groups: [LeaderRatingController.Group]
        var assignments: [String: LeaderAssignmentModel]
        var leaders: [UserModel]
    }

    static func leadersSection(_ context: PageContext, period: PeriodModel, leaders: Leaders) -> HTMLNode {
        let say = context.phrases(SourceDataText.self)
        // One row per index and criterion (groups sharing an index share its criteria).
        var seen = Set<String>()
        let rows = leaders.groups.flatMap { group in group.criteria.map { (group, $0) } }
            .filter { seen.insert("\($0.0.index.id)/\($0.1.code)").inserted }
        return section(.id("leaders")) {
            h2 { say(.leadersHeading) }
            p(.class("guidance")) { say(.leadersGuidance) }
            div(.class("table-wrap")) {
                table {
                    thead {
                        tr {
                            th(.scope("col")) { context.t(.indexForGroup) }
                            th(.scope("col")) { say(.criterionColumn) }
                            th(.scope("col")) { say(.leaderColumn) }
                        }
                    }
                    tbody {
                        for (group, criterion) in rows {
                            let key = "\(group.index.id)/\(criterion.code)"
                            let current = leaders.assignments[key]?.$user.id
                            let id = "leader-\(group.index.id)-\(criterion.code)"
                            tr {
                                td { group.index.title }
                                th(.scope("row")) { "\(criterion.code) \(criterion.title)" }
                                td {
                                    form(.method("post"), .action(SiteURL.period(.value(period.id!), .leaders).path), .class("inline")) {
                                        Layout.csrfField(context)
                                        input(.type("hidden"), .name("indexCode"), .value(group.index.id))
                                        input(.type("hidden"), .name("criterionCode"), .value(criterion.code))
                                        label(.for(id), .class("visually-hidden")) { "\(say(.leaderColumn)) \(criterion.code)" }
                                        select(.id(id), .name("userID")) {
                                            option(.value("")) { say(.noLeaderChosen) }
                                            for leader in leaders.leaders {
                                                option(.value(leader.id!.uuidString), Attribute.when(current == leader.id, .selected)) { leader.displayName }
                                            }
                                        }
                                        " "
                                        button(.type("submit"), .class("secondary")) { say(.assignLeader) }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    // MARK: Publication

    /// A submitted assessment's "Trả lại" with its reason, folded in its row; back to this page afterwards.
    static func returnForm(_ context: PageContext, assessmentID: UUID, back: String) -> HTMLNode {
        let say = context.phrases(AssessmentText.self)
        return details(.class("return")) {
            summary { say(.returnButton) }
            form(.method("post"), .action(SiteURL.assessment(.value(assessmentID), .returnToAgency).path)) {
                Layout.csrfField(context)
                input(.type("hidden"), .name("back"), .value(back))
                div(.class("field")) {
                    label(.for("return-\(assessmentID)")) { say(.reason) }
                    textarea(.id("return-\(assessmentID)"), .name("reason"), .rows(2), .maxlength(Limits.reason), .required) { "" }
                }
                button(.type("submit"), .class("secondary")) { say(.returnTitle) }
            }
        }
    }

    /// "Sổ theo dõi nhiệm vụ" from "sổ theo dõi nhiệm vụ".
    static func sentenceCase(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }

    /// A data set behind sourced criteria and the day it was declared complete, if it was.
    struct DataRow: Sendable {
        var set: SourceDataSet
        var checkedOn: CivilDate?
    }

    /// What the period page shows of its publication: the decision once published, the form as
    /// typed after a refusal, the data declarations, and the issuing body the form starts with.
    struct Publication: Sendable {
        var decision: PeriodDecision?
        var draft: PublicationController.PublishDraft?
        var data: [DataRow]
        var defaultIssuer: String
    }

    /// Each data set the period's indexes read: declared complete (and when checked) or not, with
    /// the organiser's forms to declare (again) or withdraw.
    static func dataSection(_ context: PageContext, period: PeriodModel, rows: [DataRow], canManage: Bool) -> HTMLNode {
        let say = context.phrases(PublicationText.self)
        return section(.id("data"), .aria("labelledby", "data-heading")) {
            h2(.id("data-heading")) { say(.dataHeading) }
            p(.class("hint")) { say(.dataGuidance) }
            div(.class("table-wrap")) {
                table {
                    thead { tr { th(.scope("col")) { say(.dataSet) }; th(.scope("col")) { say(.dataStatus) } } }
                    tbody {
                        for row in rows {
                            tr {
                                th(.scope("row")) { sentenceCase(row.set.name(context.language)) }
                                td {
                                    if let day = row.checkedOn {
                                        span(.class("badge ok")) { say(.declaredOn, day.vietnamese) }
                                        if canManage {
                                            " "
                                            form(.method("post"), .action(SiteURL.period(.value(period.id!), .withdrawSource(.value(row.set.rawValue))).path),
                                                 .class("inline")) {
                                                Layout.csrfField(context)
                                                button(.type("submit"), .class("link")) { say(.withdraw) }
                                            }
                                        }
                                    } else {
                                        span(.class("badge warn")) { say(.notDeclared) }
                                        if canManage {
                                            form(.method("post"), .action(SiteURL.period(.value(period.id!), .declareSource).path), .class("declare")) {
                                                Layout.csrfField(context)
                                                input(.type("hidden"), .name("dataSet"), .value(row.set.rawValue))
                                                Fields.text(say(.checkedOn), name: "checkedOn", id: "checked-\(row.set.rawValue)",
                                                            value: SourceData.today.iso, type: "date", required: true)
                                                Fields.confirmation(say(.confirmDeclare), id: "confirm-\(row.set.rawValue)")
                                                button(.type("submit")) { say(.declare) }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// The form that publishes the period with its announcing decision; after a refusal, as typed with its problems.
    static func publishSection(_ context: PageContext, period: PeriodModel, publication: Publication) -> HTMLNode {
        let say = context.phrases(PublicationText.self)
        let form = publication.draft?.form ?? PublicationController.PublishForm(signedOn: SourceData.today.iso, issuer: publication.defaultIssuer)
        return section(.id("publish"), .aria("labelledby", "publish-heading")) {
            h2(.id("publish-heading")) { say(.decisionHeading) }
            p(.class("hint")) { say(.decisionGuidance) }
            if let errors = publication.draft?.errors, !errors.isEmpty {
                div(.class("errors"), .role("alert"), Attribute(name: "tabindex", value: "-1"), .id("publish-errors"), .autofocus) {
                    p { strong { say(.problemsHeading) } }
                    ul { for error in errors { li { error } } }
                }
            }
            H.el("form", [.method("post"), .action(SiteURL.period(.value(period.id!), .publish).path)]) {
                Layout.csrfField(context)
                Fields.text(say(.number), name: "number", value: form.number, required: true, hint: say(.numberHint))
                Fields.text(say(.signedOn), name: "signedOn", value: form.signedOn, type: "date", required: true)
                Fields.text(say(.issuer), name: "issuer", value: form.issuer, required: true, hint: say(.issuerHint))
                Fields.text(say(.signerAuthority), name: "signerAuthority", value: form.signerAuthority, hint: say(.signerAuthorityHint))
                Fields.text(say(.signerPosition), name: "signerPosition", value: form.signerPosition, required: true, hint: say(.signerPositionHint))
                Fields.text(say(.signer), name: "signer", value: form.signer, required: true)
                Fields.confirmation(context.phrases(PeriodText.self)(.confirmPublish), id: "confirm-publish")
                button(.type("submit")) { context.phrases(PeriodText.self)(.publish) }
            }
        }
    }

    /// The published period's decision, its signed file, and (for the organiser) the form to attach it.
    static func decisionSection(_ context: PageContext, period: PeriodModel, decision: PeriodDecision, canManage: Bool) -> HTMLNode {
        let say = context.phrases(PublicationText.self)
        return section(.id("decision"), .aria("labelledby", "decision-heading")) {
            h2(.id("decision-heading")) { say(.decisionHeading) }
            p { say(.announcedBy, decision.citation(context.language)) }
            p { ([decision.signerAuthority, decision.signerPosition].filter { !$0.isEmpty }.joined(separator: " · ")) + ": " + decision.signer }
            if let name = decision.fileName {
                p { a(.href(SiteURL.publicDecision(.value(period.id!)).path)) { "\(say(.signedFile)): \(name)" } }
            }
            if canManage {
                H.el("form", [.method("post"), .action(SiteURL.period(.value(period.id!), .decisionFile).path), .enctype("multipart/form-data")]) {
                    Layout.csrfField(context)
                    div(.class("field")) {
                        H.el("label", [.for("decision-file")]) { say(.attachSignedFile) }
                        input(.type("file"), .id("decision-file"), .name("file"), .accept("application/pdf,.pdf"), .required)
                    }
                    button(.type("submit")) { say(.attach) }
                }
            }
        }
    }
}
