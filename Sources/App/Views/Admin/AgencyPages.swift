import ChiSoCore
import Foundation

/// The agency list (with the CSV import) and the agency form.
enum AgencyPages {
    static func list(_ context: PageContext, history: AgencyHistory, asOf: CivilDate, importProblems: [String], limit: String) -> HTMLNode {
        let t = context.t
        let say = context.phrases(AgencyChangeText.self)
        let active = history.timeline.active(on: asOf)
        let retired = history.timeline.members.values.filter { $0.ended.map { $0 <= asOf } ?? false }.sorted { $0.code < $1.code }
        func codes(_ list: [String]) -> String { list.isEmpty ? "—" : list.joined(separator: ", ") }
        return Layout.page(context, title: t(.agencies)) {
            p {
                a(.class("button"), .href(SiteURL.admin(.newAgency).path)) { t(.newAgency) }
                " "
                a(.class("button secondary"), .href(SiteURL.admin(.agencyChanges).path)) { say(.changeAgencies) }
            }
            form(.method("get"), .action(SiteURL.admin(.agencies).path), .class("inline")) {
                Fields.text(say(.asOfLabel), name: "asOf", value: asOf.vietnamese, hint: "dd/mm/yyyy")
                button(.type("submit")) { say(.showButton) }
            }
            h2(.id("active")) { say(.asOfHeading, asOf.vietnamese, String(active.count)) }
            div(.class("table-wrap")) {
                table(.id("agency-list")) {
                    thead {
                        tr {
                            th(.scope("col")) { t(.agencyCode) }
                            th(.scope("col")) { t(.agencyName) }
                            th(.scope("col")) { t(.agencyGroup) }
                            th(.scope("col"), .class("hide-small")) { say(.predecessorsColumn) }
                            th(.scope("col"), .class("hide-small")) { t(.agencyTags) }
                            th(.scope("col")) { t(.actions) }
                        }
                    }
                    tbody {
                        for member in active {
                            let agency = history.agencies[member.code]
                            tr {
                                td { code { member.code } }
                                td { member.name }
                                td { context.identity.groupName(member.group, context.language) + (context.identity.groupNames[member.group] == nil ? "" : " (\(member.group))") }
                                td(.class("hide-small")) { codes(history.timeline.predecessors(of: member.code)) }
                                td(.class("hide-small")) { agency?.tagList.joined(separator: ", ") ?? "" }
                                td {
                                    if let id = agency?.id {
                                        a(.href(SiteURL.admin(.agency(.value(id))).path), .aria("label", "\(t(.edit)) \(member.code)")) { t(.edit) }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            if !retired.isEmpty {
                h2(.id("retired")) { say(.retiredHeading, asOf.vietnamese) }
                div(.class("table-wrap")) {
                    table(.id("retired-list")) {
                        thead {
                            tr {
                                th(.scope("col")) { t(.agencyCode) }
                                th(.scope("col")) { t(.agencyName) }
                                th(.scope("col")) { say(.endedOn) }
                                th(.scope("col")) { say(.successorsColumn) }
                            }
                        }
                        tbody {
                            for member in retired {
                                tr {
                                    td {
                                        if let id = history.agencies[member.code]?.id {
                                            a(.href(SiteURL.admin(.agency(.value(id))).path)) { code { member.code } }
                                        }
                                    }
                                    td { member.name }
                                    td { member.ended?.vietnamese ?? "" }
                                    td { codes(history.timeline.successors(of: member.code)) }
                                }
                            }
                        }
                    }
                }
            }
            h2(.id("import")) { t(.importAgencies) }
            p { t(.importHelp) + " " + limit }
            if !importProblems.isEmpty {
                div(.class("errors"), .role("alert")) {
                    ul { for problem in importProblems { li { problem } } }
                }
            }
            form(.method("post"), .action(SiteURL.admin(.agencyImport).path), .enctype("multipart/form-data")) {
                Layout.csrfField(context)
                div(.class("field")) {
                    label(.for("file")) { "CSV" }
                    input(.type("file"), .id("file"), .name("file"), .accept(".csv,text/csv"), .required)
                }
                button(.type("submit")) { t(.importButton) }
            }
        }
    }

    static func editor(_ context: PageContext, id: UUID?, values: AgencyAdminController.AgencyForm, errors: [String: String],
                       agency: AgencyModel? = nil, history: AgencyHistory? = nil) -> HTMLNode {
        let t = context.t
        let say = context.phrases(AgencyChangeText.self)
        let retired = agency.map { $0.isRetired(on: SourceData.today) } ?? false
        return Layout.page(context, title: id == nil ? t(.newAgency) : t(.editAgency)) {
            if let agency, let ended = agency.ended, retired {
                p(.class("notice"), .id("retired")) { say(.retiredReadOnly, ended.vietnamese) }
            } else {
                form(.method("post"), .action(id.map { SiteURL.admin(.agency(.value($0))).path } ?? SiteURL.admin(.agencies).path)) {
                    Layout.csrfField(context)
                    Fields.text(t(.agencyCode), name: "code", value: values.code, error: errors["code"], required: true)
                    Fields.text(t(.agencyName), name: "name", value: values.name, error: errors["name"], required: true)
                    Fields.text(t(.agencyGroup), name: "group", value: values.group, error: errors["group"], required: true,
                                hint: "so, xa, …")
                    Fields.text(t(.agencyTags), name: "tags", value: values.tags, error: errors["tags"], hint: "khong-tthc; dvsn")
                    button(.type("submit")) { t(.save) }
                    " "
                    a(.href(SiteURL.admin(.agencies).path)) { t(.cancel) }
                }
            }
            if let agency, let history {
                historySection(context, agency: agency, history: history, retired: retired)
            }
        }
    }

    /// An agency's names, dates and reorganisations, and the changes the administrator may start from here.
    static func historySection(_ context: PageContext, agency: AgencyModel, history: AgencyHistory, retired: Bool) -> HTMLNode {
        let say = context.phrases(AgencyChangeText.self)
        let member = history.timeline.members[agency.code]
        let records = history.records(of: agency.code)
        func link(_ kind: AgencyTimeline.ChangeKind, _ text: AgencyChangeText) -> HTMLNode {
            a(.href(SiteURL.admin(.agencyChanges).path + "?kind=\(kind.rawValue)&agencies=\(agency.code.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")")) { say(text) }
        }
        return section(.id("history")) {
            h2 { say(.historyHeading) }
            if let began = agency.began { p { say(.beganOn, began.vietnamese) } }
            if let names = member?.formerNames, !names.isEmpty {
                p { say(.formerNames) + ": " + names.sorted { $0.until < $1.until }.map { say(.nameUntil, $0.name, $0.until.vietnamese) }.joined(separator: "; ") }
            }
            h3 { say(.changesHeading) }
            if records.isEmpty {
                p { say(.noChanges) }
            } else {
                ul(.id("agency-changes")) {
                    for record in records {
                        li {
                            say(.changeRow, AgencyChangePages.kindName(record.change.kind, say), record.change.effective.vietnamese,
                                record.change.from.joined(separator: ", "), record.change.to.isEmpty ? "—" : record.change.to.joined(separator: ", "),
                                record.model.note, record.model.createdBy)
                        }
                    }
                }
            }
            if !retired {
                p(.class("actions")) {
                    link(.rename, .renameLink); " · "; link(.merge, .mergeLink); " · "; link(.split, .splitLink); " · "; link(.dissolve, .dissolveLink)
                }
            }
        }
    }
}
