import Foundation

/// The account list, the account form, and the one-time temporary password.
enum UserPages {
    static func list(_ context: PageContext, users: [UserModel], agencies: [AgencyModel] = []) -> HTMLNode {
        let t = context.t
        let bulk = context.phrases(AccountImportText.self)
        return Layout.page(context, title: t(.users)) {
            p {
                a(.class("button"), .href(SiteURL.admin(.newUser).path)) { t(.newUser) }
                " "
                a(.class("button secondary"), .href(SiteURL.admin(.userImport).path)) { bulk(.importLink) }
            }
            // The checkboxes in the table belong to the bulk form below it (form attribute).
            div(.class("table-wrap")) {
                table(.id("user-list")) {
                    thead {
                        tr {
                            th(.scope("col")) { span(.class("visually-hidden")) { bulk(.bulkHeading) } }
                            th(.scope("col")) { t(.username) }
                            th(.scope("col")) { t(.displayName) }
                            th(.scope("col")) { t(.agency) }
                            th(.scope("col")) { t(.roles) }
                            th(.scope("col"), .class("hide-small")) { t(.lastLogin) }
                            th(.scope("col")) { t(.actions) }
                        }
                    }
                    tbody {
                        for user in users {
                            tr {
                                td {
                                    input(.type("checkbox"), .name("users[]"), .value(user.id!.uuidString), Attribute(name: "form", value: "bulk"),
                                          .aria("label", bulk(.chooseAccount, user.username)))
                                }
                                td { code { user.username } }
                                td {
                                    user.displayName
                                    if !user.active { " "; span(.class("badge")) { t(.inactive) } }
                                }
                                td { user.agency.code }
                                td { user.roles.sorted().map { Labels.role($0, context.language) }.joined(separator: ", ") }
                                td(.class("hide-small")) { user.lastLoginAt.map(Formats.dateTime) ?? "—" }
                                td { a(.href(SiteURL.admin(.user(.value(user.id!))).path), .aria("label", "\(t(.edit)) \(user.username)")) { t(.edit) } }
                            }
                        }
                    }
                }
            }
            h2 { bulk(.bulkHeading) }
            form(.method("post"), .action(SiteURL.admin(.usersBulk).path), .id("bulk")) {
                Layout.csrfField(context)
                div(.class("field")) {
                    label(.for("bulk-action")) { bulk(.bulkAction) }
                    select(.id("bulk-action"), .name("action")) {
                        option(.value("disable")) { bulk(.bulkDisable) }
                        option(.value("enable")) { bulk(.bulkEnable) }
                        option(.value("move")) { bulk(.bulkMove) }
                    }
                }
                div(.class("field")) {
                    label(.for("bulk-agency")) { bulk(.bulkAgency) }
                    select(.id("bulk-agency"), .name("agencyID")) {
                        option(.value("")) { "—" }
                        for agency in agencies where !agency.isRetired(on: SourceData.today) {
                            option(.value(agency.id!.uuidString)) { "\(agency.code) — \(agency.name)" }
                        }
                    }
                }
                button(.type("submit")) { bulk(.bulkButton) }
            }
        }
    }

    static func editor(_ context: PageContext, id: UUID?, values: UserAdminController.UserForm, agencies: [AgencyModel],
                     errors: [String: String]) -> HTMLNode {
        let t = context.t
        let chosen = Set(values.roles ?? [])
        return Layout.page(context, title: id == nil ? t(.newUser) : t(.editUser)) {
            form(.method("post"), .action(id.map { SiteURL.admin(.user(.value($0))).path } ?? SiteURL.admin(.users).path)) {
                Layout.csrfField(context)
                if id == nil {
                    Fields.text(t(.username), name: "username", value: values.username, error: errors["username"], required: true,
                                autocomplete: "off")
                } else {
                    p { strong { t(.username) }; ": "; code { values.username ?? "" } }
                }
                Fields.text(t(.displayName), name: "displayName", value: values.displayName, error: errors["displayName"], required: true)
                Fields.text("E-mail", name: "email", value: values.email, type: "email", error: errors["email"], autocomplete: "off")
                div(.class(errors["agencyID"] == nil ? "field" : "field invalid")) {
                    label(.for("agencyID")) { t(.agency) }
                    select(.id("agencyID"), .name("agencyID"), .required) {
                        option(.value("")) { "—" }
                        for agency in agencies {
                            option(.value(agency.id!.uuidString), Attribute.when(agency.id == values.agencyID, .selected)) {
                                "\(agency.code) — \(agency.name)"
                            }
                        }
                    }
                    if let error = errors["agencyID"] { p(.class("error")) { error } }
                }
                fieldset(Attribute.when(errors["roles"] != nil, .aria("invalid", "true"))) {
                    legend { t(.roles) }
                    for role in Role.allCases {
                        label {
                            input(.type("checkbox"), .name("roles[]"), .value(role.rawValue), Attribute.when(chosen.contains(role.rawValue), .checked))
                            Labels.role(role, context.language)
                        }
                    }
                    if let error = errors["roles"] { p(.class("error")) { error } }
                }
                div(.class("field")) {
                    label {
                        input(.type("checkbox"), .name("active"), .value("on"), Attribute.when(values.active != nil, .checked))
                        " " + t(.active)
                    }
                }
                button(.type("submit")) { t(.save) }
                " "
                a(.href(SiteURL.admin(.users).path)) { t(.cancel) }
            }
            if let id {
                h2 { t(.resetPassword) }
                form(.method("post"), .action(SiteURL.admin(.userPassword(.value(id))).path)) {
                    Layout.csrfField(context)
                    button(.type("submit"), .class("secondary")) { t(.resetPassword) }
                }
            }
        }
    }

    static func temporaryPassword(_ context: PageContext, username: String, password: String) -> HTMLNode {
        let t = context.t
        return Layout.page(context, title: t(.temporaryPassword)) {
            p(.class("notice"), .role("status")) { t(.passwordResetDone) }
            dl {
                dt { t(.username) }
                dd { code { username } }
                dt { t(.temporaryPassword) }
                dd { code(.id("temporary-password")) { password } }
            }
            p { a(.href(SiteURL.admin(.users).path)) { t(.users) } }
        }
    }
}
