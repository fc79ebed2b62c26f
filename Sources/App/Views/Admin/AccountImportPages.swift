import ChiSoCore
import Foundation

/// Accounts in bulk: the upload, the preview, the one-time passwords (shown once) and their printable sheet.
enum AccountImportPages {
    static func upload(_ context: PageContext, problems: [String], limit: String) -> HTMLNode {
        let say = context.phrases(AccountImportText.self)
        return Layout.page(context, title: say(.title)) {
            p { say(.help) + " " + limit }
            pre(.class("sample")) { "username,full_name,agency,role,email\nxa-anbinh.daumoi,Nguyễn Văn An,XA-ANBINH,editor,an@xa-anbinh.example.test\nxa-anbinh.thutruong,Trần Thị Bình,XA-ANBINH,head,binh@xa-anbinh.example.test" }
            p { say(.rolesHelp, Role.allCases.map { "\($0.rawValue) (\(Labels.role($0, context.language)))" }.joined(separator: ", ")) }
            Fields.errors(problems)
            form(.method("post"), .action(SiteURL.admin(.userImport).path), .enctype("multipart/form-data")) {
                Layout.csrfField(context)
                div(.class("field")) {
                    label(.for("file")) { say(.fileLabel) }
                    input(.type("file"), .id("file"), .name("file"), .accept(".csv,.xlsx,text/csv"), .required)
                }
                input(.type("hidden"), .name("step"), .value("preview"))
                button(.type("submit")) { say(.previewButton) }
                " "
                a(.href(SiteURL.admin(.users).path)) { context.t(.cancel) }
            }
        }
    }

    static func preview(_ context: PageContext, rows: [AccountRow], content: String) -> HTMLNode {
        let say = context.phrases(AccountImportText.self)
        let t = context.t
        return Layout.page(context, title: say(.previewTitle)) {
            p(.id("preview-summary")) { say(.previewSummary, String(rows.count)) }
            div(.class("table-wrap")) {
                table(.id("account-preview")) {
                    thead {
                        tr {
                            th(.scope("col")) { say(.lineColumn) }
                            th(.scope("col")) { t(.username) }
                            th(.scope("col")) { t(.displayName) }
                            th(.scope("col")) { t(.agency) }
                            th(.scope("col")) { t(.roles) }
                            th(.scope("col")) { say(.emailColumn) }
                        }
                    }
                    tbody {
                        for row in rows {
                            tr {
                                td { String(row.line) }
                                td { code { row.username } }
                                td { row.fullName }
                                td { row.agency }
                                td { row.roles.compactMap(Role.init(rawValue:)).map { Labels.role($0, context.language) }.joined(separator: ", ") }
                                td { row.email ?? "—" }
                            }
                        }
                    }
                }
            }
            form(.method("post"), .action(SiteURL.admin(.userImport).path)) {
                Layout.csrfField(context)
                input(.type("hidden"), .name("accountList"), .value(content))
                input(.type("hidden"), .name("step"), .value("apply"))
                button(.type("submit")) { say(.importButton, String(rows.count)) }
                " "
                a(.href(SiteURL.admin(.userImport).path)) { say(.anotherFile) }
            }
        }
    }

    /// The one-time passwords, shown once: printed from here, or taken once as a PDF and as a file.
    static func issued(_ context: PageContext, issued: [(row: AccountRow, password: String)], sheetID: UUID, key: String) -> HTMLNode {
        let say = context.phrases(AccountImportText.self)
        let t = context.t
        return Layout.page(context, title: say(.issuedTitle)) {
            p(.class("notice"), .role("status")) { say(.issuedNotice, String(issued.count)) }
            p { say(.shownOnce) }
            div(.class("actions")) {
                for (format, label) in [("pdf", say(.downloadPDF)), ("csv", say(.downloadFile))] {
                    form(.method("post"), .action(SiteURL.admin(.credentialSheet(.value(sheetID))).path), .class("inline")) {
                        Layout.csrfField(context)
                        input(.type("hidden"), .name("key"), .value(key))
                        input(.type("hidden"), .name("format"), .value(format))
                        button(.type("submit"), .class("secondary")) { label }
                    }
                }
            }
            div(.class("table-wrap")) {
                passwordTable(context, id: "issued-passwords", rows: issued.map { [$0.row.agency, $0.row.fullName, $0.row.username, $0.password] })
            }
            p { a(.href(SiteURL.admin(.users).path)) { t(.users) } }
        }
    }

    /// Agency, name, username and one-time password, one person per row.
    static func passwordTable(_ context: PageContext, id: String, rows: [[String]]) -> HTMLNode {
        let t = context.t
        return table(.id(id)) {
            thead {
                tr {
                    th(.scope("col")) { t(.agency) }
                    th(.scope("col")) { t(.displayName) }
                    th(.scope("col")) { t(.username) }
                    th(.scope("col")) { t(.temporaryPassword) }
                }
            }
            tbody {
                for fields in rows {
                    tr { td { fields[0] }; td { fields[1] }; td { code { fields[2] } }; td { code { fields[3] } } }
                }
            }
        }
    }

    /// The printable sheet (PDF): one line per person, the rule of the first login.
    static func printable(_ context: PageContext, text: String) -> HTMLNode {
        let say = context.phrases(AccountImportText.self)
        let rows = (try? SpreadsheetRows.read(Array(text.utf8)))?.dropFirst().map(\.fields) ?? []
        return H.el("html", [.lang(context.language.rawValue)]) {
            H.el("head", []) {
                H.void("meta", [.charset("utf-8")])
                H.el("title", []) { say(.issuedTitle) }
                H.el("style", []) { HTMLNode.trusted(Assets.stylesheet + "\n" + PrintLayout.printStyles) }
            }
            H.el("body", [.class("print")]) {
                main {
                    h1 { say(.issuedTitle) }
                    p { say(.printNote, context.identity.province) }
                    passwordTable(context, id: "printed-passwords", rows: rows.filter { $0.count >= 4 })
                }
            }
        }
    }
}
