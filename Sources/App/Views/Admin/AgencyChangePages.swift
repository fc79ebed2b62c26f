import ChiSoCore
import Foundation

/// The reorganisation form and its preview (``AgencyChangeController``).
enum AgencyChangePages {
    static func kindName(_ kind: AgencyTimeline.ChangeKind, _ say: Phrases<AgencyChangeText>) -> String {
        switch kind {
        case .merge: say(.merge)
        case .split: say(.split)
        case .rename: say(.rename)
        case .dissolve: say(.dissolve)
        }
    }

    static func changeForm(_ context: PageContext, values: AgencyChangeController.ChangeForm, errors: [String: String],
                     active: [AgencyTimeline.Member]) -> HTMLNode {
        let say = context.phrases(AgencyChangeText.self)
        let t = context.t
        return Layout.page(context, title: say(.title)) {
            form(.method("post"), .action(SiteURL.admin(.agencyChanges).path)) {
                Layout.csrfField(context)
                div(.class(errors["kind"] == nil ? "field" : "field invalid")) {
                    H.el("label", [.for("kind")]) { say(.kindLabel) }
                    select(.id("kind"), .name("kind")) {
                        for kind in AgencyTimeline.ChangeKind.allCases {
                            option(.value(kind.rawValue), Attribute.when(values.kind == kind.rawValue, .selected)) { kindName(kind, say) }
                        }
                    }
                    if let error = errors["kind"] { p(.class("error")) { error } }
                }
                Fields.text(say(.agenciesLabel), name: "agencies", value: values.agencies, error: errors["agencies"], required: true,
                            hint: say(.agenciesHint))
                div(.class(errors["successors"] == nil ? "field" : "field invalid")) {
                    H.el("label", [.for("successors")]) { say(.successorsLabel) }
                    small(.id("successors-hint")) { say(.successorsHint) }
                    textarea(.id("successors"), .name("successors"), .rows(4), .aria("describedby", "successors-hint"),
                             errors["successors"].map { _ in .aria("invalid", "true") }) { values.successors ?? "" }
                    if let error = errors["successors"] { p(.class("error"), .id("successors-error")) { error } }
                }
                Fields.text(say(.newNameLabel), name: "newName", value: values.newName, error: errors["newName"], hint: say(.newNameHint))
                Fields.text(say(.effectiveLabel), name: "effective", value: values.effective, error: errors["effective"], required: true,
                            hint: say(.effectiveHint))
                Fields.text(say(.noteLabel), name: "note", value: values.note, error: errors["note"], required: true, hint: say(.noteHint))
                input(.type("hidden"), .name("step"), .value("preview"))
                button(.type("submit")) { say(.previewButton) }
                " "
                a(.href(SiteURL.admin(.agencies).path)) { t(.cancel) }
            }
            h2 { say(.activeList) }
            div(.class("table-wrap")) {
                table {
                    thead { tr { th(.scope("col")) { t(.agencyCode) }; th(.scope("col")) { t(.agencyName) }; th(.scope("col")) { t(.agencyGroup) } } }
                    tbody {
                        for member in active {
                            tr { td { code { member.code } }; td { member.name }; td { member.group } }
                        }
                    }
                }
            }
        }
    }

    static func label(_ code: String, _ history: AgencyHistory, _ plan: AgencyChangePlan, _ say: Phrases<AgencyChangeText>) -> String {
        if let new = plan.newMembers.first(where: { $0.code == code }) { return "\(code) (\(new.name), \(say(.newAgency)))" }
        return "\(code) (\(history.agencies[code]?.name ?? ""))"
    }

    static func summary(_ plan: AgencyChangePlan, history: AgencyHistory, say: Phrases<AgencyChangeText>) -> String {
        let from = plan.change.from.map { label($0, history, plan, say) }.joined(separator: ", ")
        let to = plan.change.to.map { label($0, history, plan, say) }.joined(separator: ", ")
        let day = plan.change.effective.vietnamese
        return switch plan.change.kind {
        case .merge: say(.summaryMerge, from, to, day)
        case .split: say(.summarySplit, from, to, day)
        case .rename: say(.summaryRename, from, plan.newName ?? "", day)
        case .dissolve: say(.summaryDissolve, from, day)
        }
    }

    /// The form's values, carried by the preview's two forms (apply, back to the form).
    static func hidden(_ values: AgencyChangeController.ChangeForm) -> HTMLNode {
        HTMLNode.group([("kind", values.kind), ("agencies", values.agencies), ("successors", values.successors), ("effective", values.effective),
                        ("note", values.note), ("newName", values.newName)].map { name, value in
            input(.type("hidden"), .name(name), .value(value ?? ""))
        })
    }

    static func preview(_ context: PageContext, values: AgencyChangeController.ChangeForm, plan: AgencyChangePlan, history: AgencyHistory,
                        accounts: [UserModel], affected: [AssessmentModel]) -> HTMLNode {
        let say = context.phrases(AgencyChangeText.self)
        let t = context.t
        let successors = plan.change.to
        return Layout.page(context, title: say(.previewTitle)) {
            p(.id("change-summary")) { strong { summary(plan, history: history, say: say) } }
            p { say(.noteLabel) + ": " + (values.note ?? "") }
            form(.method("post"), .action(SiteURL.admin(.agencyChanges).path)) {
                Layout.csrfField(context)
                hidden(values)
                input(.type("hidden"), .name("step"), .value("apply"), .id("change-step"))
                if !affected.isEmpty {
                    h2 { say(.affectedHeading) }
                    p { say(.affectedHelp) }
                    ul {
                        for assessment in affected {
                            li { "\(assessment.agency.code) — \(assessment.period.name): " + (AssessmentState(rawValue: assessment.state).map { context.language == .vietnamese ? $0.vietnamese : $0.english } ?? assessment.state) }
                        }
                    }
                }
                if plan.change.kind != .rename {
                    h2 { say(.accountsHeading) }
                    if accounts.isEmpty {
                        p { say(.accountsNone) }
                    } else {
                        p { say(.accountsHelp) }
                        div(.class("table-wrap")) {
                            table {
                                thead {
                                    tr {
                                        th(.scope("col")) { t(.username) }
                                        th(.scope("col")) { t(.displayName) }
                                        th(.scope("col")) { t(.agencyCode) }
                                        th(.scope("col")) { say(.accountFate) }
                                    }
                                }
                                tbody {
                                    for account in accounts {
                                        let field = "account-\(account.id!.uuidString)"
                                        tr {
                                            td { code { account.username } }
                                            td { account.displayName }
                                            td { account.agency.code }
                                            td {
                                                select(.name(field), .aria("label", "\(say(.accountsHeading)): \(account.username)")) {
                                                    for successor in successors {
                                                        option(.value("move:\(successor)"), Attribute.when(successors.count == 1, .selected)) {
                                                            say(.moveAccount, successor)
                                                        }
                                                    }
                                                    option(.value("disable"), Attribute.when(successors.count != 1, .selected)) { say(.disableAccount) }
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
                Fields.confirmation(say(.confirmApply), id: "confirm-change")
                button(.type("submit")) { say(.applyButton) }
            }
            // Back to the form with what was typed (a separate form: it needs no confirmation).
            form(.method("post"), .action(SiteURL.admin(.agencyChanges).path), .class("inline")) {
                Layout.csrfField(context)
                hidden(values)
                input(.type("hidden"), .name("step"), .value("edit"))
                button(.type("submit"), .class("secondary")) { say(.backToForm) }
                " "
                a(.href(SiteURL.admin(.agencies).path)) { t(.cancel) }
            }
        }
    }
}
