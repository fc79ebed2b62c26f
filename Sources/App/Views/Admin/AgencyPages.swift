import Foundation

/// The agency list (with the CSV import) and the agency form.
enum AgencyPages {
    static func list(_ context: PageContext, agencies: [AgencyModel], importProblems: [String], limit: String) -> HTMLNode {
        let t = context.t
        return Layout.page(context, title: t(.agencies)) {
            p { a(.class("button"), .href(SiteURL.admin(.newAgency).path)) { t(.newAgency) } }
            div(.class("table-wrap")) {
                table {
                    thead {
                        tr {
                            th(.scope("col")) { t(.agencyCode) }
                            th(.scope("col")) { t(.agencyName) }
                            th(.scope("col")) { t(.agencyGroup) }
                            th(.scope("col"), .class("hide-small")) { t(.agencyTags) }
                            th(.scope("col")) { t(.actions) }
                        }
                    }
                    tbody {
                        for agency in agencies {
                            tr {
                                td { code { agency.code } }
                                td { agency.name }
                                td { context.identity.groupName(agency.group, context.language) + (context.identity.groupNames[agency.group] == nil ? "" : " (\(agency.group))") }
                                td(.class("hide-small")) { agency.tagList.joined(separator: ", ") }
                                td { a(.href(SiteURL.admin(.agency(.value(agency.id!))).path), .aria("label", "\(t(.edit)) \(agency.code)")) { t(.edit) } }
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

    static func editor(_ context: PageContext, id: UUID?, values: AgencyAdminController.AgencyForm, errors: [String: String]) -> HTMLNode {
        let t = context.t
        return Layout.page(context, title: id == nil ? t(.newAgency) : t(.editAgency)) {
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
    }
}
