import ChiSoCore
import Foundation

/// The task register: the list with each task's status on a chosen day, and
/// one task with its extensions.
enum TaskPages {
    struct Filter {
        var agency: String?
        var status: TaskStatus?
        var asOf: CivilDate
        var search: String
        var page: Int
        var total: Int
        var pageSize: Int

        /// The list's address with these filters and another page or status.
        func path(page: Int? = nil, status: TaskStatus?? = nil) -> String {
            var parts = ["asOf=\(asOf.iso)"]
            if let agency { parts.append("agency=\(agency.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? agency)") }
            if let status = status ?? self.status { parts.append("status=\(status.rawValue)") }
            if !search.isEmpty { parts.append("q=\(search.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")") }
            if let page, page > 1 { parts.append("page=\(page)") }
            return SiteURL.tasks.path + "?" + parts.joined(separator: "&")
        }
    }

    static func statusClass(_ status: TaskStatus) -> String {
        switch status {
        case .doneOnTime: "status ok"
        case .doneLate: "status warn"
        case .openWithinDeadline: "status"
        case .openOverdue: "status bad"
        }
    }

    static func list(_ context: PageContext, rows: [TaskController.Row], counts: [TaskStatus: Int], filter: Filter,
                     agencies: [AgencyModel], canManage: Bool) -> HTMLNode {
        let say = context.phrases(TaskText.self)
        let language = context.language
        return Layout.page(context, title: say(.title)) {
            if canManage {
                p {
                    a(.class("button"), .href(SiteURL.newTask.path)) { say(.addTask) }
                    " "
                    a(.class("button secondary"), .href(SiteURL.taskImport.path)) { say(.importFile) }
                }
            }
            form(.method("get"), .action(SiteURL.tasks.path), .class("filters")) {
                if !agencies.isEmpty {
                    div(.class("field")) {
                        label(.for("agency")) { say(.agency) }
                        select(.id("agency"), .name("agency")) {
                            option(.value("")) { say(.all) }
                            for agency in agencies {
                                option(.value(agency.code), Attribute.when(agency.code == filter.agency, .selected)) { "\(agency.code) — \(agency.name)" }
                            }
                        }
                    }
                }
                Fields.text(say(.statusAsOfLabel), name: "asOf", value: filter.asOf.vietnamese, hint: "dd/mm/yyyy")
                Fields.text(say(.search), name: "q", value: filter.search)
                if let status = filter.status { input(.type("hidden"), .name("status"), .value(status.rawValue)) }
                button(.type("submit")) { say(.filter) }
            }
            ul(.class("status-counts")) {
                li { a(.href(filter.path(status: .some(nil))), Attribute.when(filter.status == nil, .aria("current", "true"))) {
                    "\(say(.all)): \(counts.values.reduce(0, +))" } }
                for status in TaskStatus.allCases {
                    li {
                        a(.href(filter.path(status: .some(status))), .class(statusClass(status)),
                          Attribute.when(filter.status == status, .aria("current", "true"))) { "\(status.label(language)): \(counts[status] ?? 0)" }
                    }
                }
            }
            if rows.isEmpty {
                p { say(.noTasks) }
            } else {
                div(.class("table-wrap")) {
                    table {
                        caption { say(.statusAsOf, filter.asOf.vietnamese) }
                        thead {
                            tr {
                                th(.scope("col")) { say(.assigningDocumentColumn) }
                                th(.scope("col")) { say(.agency) }
                                th(.scope("col")) { say(.content) }
                                th(.scope("col")) { say(.deadline) }
                                th(.scope("col")) { say(.completed) }
                                th(.scope("col")) { say(.status) }
                            }
                        }
                        tbody {
                            for row in rows {
                                tr {
                                    td { a(.href(SiteURL.task(.value(row.model.id!), .show).path)) { row.model.document }; br(); small { row.model.sourceID } }
                                    td { row.model.agency.code }
                                    td { row.model.content }
                                    td {
                                        row.task.effectiveDeadline.vietnamese
                                        if row.task.effectiveDeadline != row.task.deadline {
                                            br(); small { say(.extendedFirstDeadline, row.task.deadline.vietnamese) }
                                        }
                                    }
                                    td { row.task.completedOn?.vietnamese ?? "—" }
                                    td { span(.class(statusClass(row.status))) { row.status.label(language) } }
                                }
                            }
                        }
                    }
                }
                pager(context, filter: filter)
            }
        }
    }

    static func pager(_ context: PageContext, filter: Filter) -> HTMLNode {
        let say = context.phrases(TaskText.self)
        let pages = max(1, (filter.total + filter.pageSize - 1) / filter.pageSize)
        guard pages > 1 else { return .empty }
        return nav(.class("pager"), .aria("label", say(.pagesLabel))) {
            if filter.page > 1 { a(.href(filter.path(page: filter.page - 1)), .rel("prev")) { say(.previous) } }
            " \(say(.page)) \(filter.page)/\(pages) "
            if filter.page < pages { a(.href(filter.path(page: filter.page + 1)), .rel("next")) { say(.next) } }
        }
    }

    static func editor(_ context: PageContext, task: TaskModel?, values: TaskController.TaskForm, errors: [String: String],
                       agencies: [AgencyModel], canManage: Bool = true, extensionValues: TaskController.ExtensionForm? = nil,
                       extensionErrors: [String: String] = [:]) -> HTMLNode {
        let say = context.phrases(TaskText.self)
        let language = context.language
        let title = task == nil ? say(.addTask) : say(.taskTitle, task!.sourceID)
        let assigned = task.flatMap { $0.assigned(agencyCode: $0.agency.code) }
        let today = SourceData.today
        return Layout.page(context, title: title) {
            if let assigned {
                p {
                    say(.statusToday)
                    span(.class(statusClass(assigned.status(on: today)))) { assigned.status(on: today).label(language) }
                    " · " + say(.currentDeadline) + assigned.effectiveDeadline.vietnamese
                }
            }
            Fields.errors(errors.isEmpty ? [] : [say(.correctMarkedFields)])
            form(.method("post"), .action(task.map { SiteURL.task(.value($0.id!), .show).path } ?? SiteURL.tasks.path)) {
                Layout.csrfField(context)
                fieldset(Attribute.when(!canManage, .disabled)) {
                    legend { say(.assigningDocument) }
                    if task == nil {
                        Fields.text(TaskField.sourceID.label(language), name: "sourceID", value: values.sourceID, error: errors["sourceID"],
                                    hint: say(.sourceIDHint))
                    }
                    Fields.text(TaskField.document.label(language), name: "document", value: values.document, error: errors["document"], required: true,
                                hint: "1234/UBND-KT")
                    Fields.text(TaskField.documentDate.label(language), name: "documentDate", value: values.documentDate, error: errors["documentDate"],
                                hint: "dd/mm/yyyy")
                    Fields.text(TaskField.issuer.label(language), name: "issuer", value: values.issuer, error: errors["issuer"],
                                hint: say(.issuerHint))
                    div(.class(errors["agency"] == nil ? "field" : "field invalid")) {
                        label(.for("agency")) { TaskField.agency.label(language) }
                        select(.id("agency"), .name("agency"), .required) {
                            option(.value("")) { "—" }
                            for agency in agencies {
                                option(.value(agency.code), Attribute.when(agency.code == values.agency, .selected)) { "\(agency.code) — \(agency.name)" }
                            }
                        }
                        if let error = errors["agency"] { p(.class("error")) { error } }
                    }
                    div(.class(errors["content"] == nil ? "field" : "field invalid")) {
                        label(.for("content")) { TaskField.content.label(language) }
                        textarea(.id("content"), .name("content"), .rows(3), .maxlength(Limits.note), .required) { values.content ?? "" }
                        if let error = errors["content"] { p(.class("error")) { error } }
                    }
                    Fields.text(TaskField.deadline.label(language), name: "deadline", value: values.deadline, error: errors["deadline"], required: true,
                                hint: "dd/mm/yyyy")
                }
                fieldset(Attribute.when(!canManage, .disabled)) {
                    legend { say(.completion) }
                    Fields.text(TaskField.completedOn.label(language), name: "completedOn", value: values.completedOn, error: errors["completedOn"],
                                hint: say(.completedOnHint))
                    div(.class("field")) {
                        label(.for("completionNote")) { TaskField.completionNote.label(language) }
                        textarea(.id("completionNote"), .name("completionNote"), .rows(2), .maxlength(Limits.note)) { values.completionNote ?? "" }
                    }
                }
                if canManage {
                    button(.type("submit")) { say(.save) }
                    " "
                    a(.href(SiteURL.tasks.path)) { say(.backToList) }
                }
            }
            if let task {
                h2 { say(.completionEvidence) }
                let files = (task.$evidence.value ?? []).sorted { ($0.createdAt ?? .distantPast) < ($1.createdAt ?? .distantPast) }
                if files.isEmpty {
                    p { say(.noFileYet) }
                } else {
                    ul { for file in files { li { a(.href(SiteURL.task(.value(task.id!), .evidenceFile(.value(file.id!))).path)) { file.fileName } } } }
                }
                if canManage {
                    form(.method("post"), .action(SiteURL.task(.value(task.id!), .evidence).path), .enctype("multipart/form-data"), .class("inline")) {
                        Layout.csrfField(context)
                        label(.for("task-file")) { say(.uploadReport) }
                        input(.type("file"), .id("task-file"), .name("file"), .required)
                        button(.type("submit")) { say(.upload) }
                    }
                }
                h2 { say(.extensions) }
                let extensions = (task.$extensions.value ?? []).sorted { ($0.createdAt ?? .distantPast) < ($1.createdAt ?? .distantPast) }
                if extensions.isEmpty {
                    p { say(.notExtended) }
                } else {
                    ul {
                        for item in extensions {
                            li {
                                "\(item.document)"
                                if let date = item.documentDate.flatMap(CivilDate.parse) { say(.extensionDated, date.vietnamese) }
                                ": " + say(.newDeadline) + (CivilDate.parse(item.newDeadline)?.vietnamese ?? item.newDeadline)
                            }
                        }
                    }
                }
                if canManage {
                    form(.method("post"), .action(SiteURL.task(.value(task.id!), .extensions).path), .class("card")) {
                        Layout.csrfField(context)
                        h3 { say(.recordExtension) }
                        Fields.text(TaskField.extensionDocument.label(language), name: "extensionDocument", value: extensionValues?.extensionDocument,
                                    error: extensionErrors["extensionDocument"], required: true)
                        Fields.text(TaskField.extensionDate.label(language), name: "extensionDate", value: extensionValues?.extensionDate,
                                    error: extensionErrors["extensionDate"], hint: "dd/mm/yyyy")
                        Fields.text(TaskField.extendedDeadline.label(language), name: "extendedDeadline", value: extensionValues?.extendedDeadline,
                                    error: extensionErrors["extendedDeadline"], required: true, hint: "dd/mm/yyyy")
                        button(.type("submit")) { say(.extend) }
                    }
                }
            }
        }
    }
}
