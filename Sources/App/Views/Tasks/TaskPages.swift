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
            return "/tasks?" + parts.joined(separator: "&")
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
        let vi = context.language == .vietnamese
        let language = context.language
        return Layout.page(context, title: vi ? "Nhiệm vụ được giao" : "Assigned tasks") {
            if canManage {
                p {
                    a(.class("button"), .href("/tasks/new")) { vi ? "Thêm nhiệm vụ" : "Add a task" }
                    " "
                    a(.class("button secondary"), .href("/tasks/import")) { vi ? "Nhập từ tệp CSV/Excel" : "Import CSV/Excel" }
                }
            }
            form(.method("get"), .action("/tasks"), .class("filters")) {
                if !agencies.isEmpty {
                    div(.class("field")) {
                        label(.for("agency")) { vi ? "Đơn vị" : "Agency" }
                        select(.id("agency"), .name("agency")) {
                            option(.value("")) { vi ? "Tất cả" : "All" }
                            for agency in agencies {
                                option(.value(agency.code), Attribute.when(agency.code == filter.agency, .selected)) { "\(agency.code) — \(agency.name)" }
                            }
                        }
                    }
                }
                Fields.text(vi ? "Tình trạng tính đến ngày" : "Status as of", name: "asOf", value: filter.asOf.vietnamese, hint: "dd/mm/yyyy")
                Fields.text(vi ? "Tìm (nội dung, văn bản, mã)" : "Search (content, document, id)", name: "q", value: filter.search)
                if let status = filter.status { input(.type("hidden"), .name("status"), .value(status.rawValue)) }
                button(.type("submit")) { vi ? "Lọc" : "Filter" }
            }
            ul(.class("status-counts")) {
                li { a(.href(filter.path(status: .some(nil))), Attribute.when(filter.status == nil, .aria("current", "true"))) {
                    "\(vi ? "Tất cả" : "All"): \(counts.values.reduce(0, +))" } }
                for status in TaskStatus.allCases {
                    li {
                        a(.href(filter.path(status: .some(status))), .class(statusClass(status)),
                          Attribute.when(filter.status == status, .aria("current", "true"))) { "\(status.label(language)): \(counts[status] ?? 0)" }
                    }
                }
            }
            if rows.isEmpty {
                p { vi ? "Không có nhiệm vụ nào." : "No tasks." }
            } else {
                div(.class("table-wrap")) {
                    table {
                        caption { vi ? "Tình trạng tính đến ngày \(filter.asOf.vietnamese)" : "Status as of \(filter.asOf.vietnamese)" }
                        thead {
                            tr {
                                th(.scope("col")) { vi ? "Văn bản giao" : "Assigning document" }
                                th(.scope("col")) { vi ? "Đơn vị" : "Agency" }
                                th(.scope("col")) { vi ? "Nội dung" : "Content" }
                                th(.scope("col")) { vi ? "Hạn" : "Deadline" }
                                th(.scope("col")) { vi ? "Hoàn thành" : "Completed" }
                                th(.scope("col")) { vi ? "Tình trạng" : "Status" }
                            }
                        }
                        tbody {
                            for row in rows {
                                tr {
                                    td { a(.href("/tasks/\(row.model.id!)")) { row.model.document }; br(); small { row.model.sourceID } }
                                    td { row.model.agency.code }
                                    td { row.model.content }
                                    td {
                                        row.task.effectiveDeadline.vietnamese
                                        if row.task.effectiveDeadline != row.task.deadline {
                                            br(); small { vi ? "(gia hạn, hạn đầu \(row.task.deadline.vietnamese))" : "(extended, first \(row.task.deadline.vietnamese))" }
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
        let vi = context.language == .vietnamese
        let pages = max(1, (filter.total + filter.pageSize - 1) / filter.pageSize)
        guard pages > 1 else { return .empty }
        return nav(.class("pager"), .aria("label", vi ? "Trang" : "Pages")) {
            if filter.page > 1 { a(.href(filter.path(page: filter.page - 1)), .rel("prev")) { vi ? "← Trước" : "← Previous" } }
            " \(vi ? "Trang" : "Page") \(filter.page)/\(pages) "
            if filter.page < pages { a(.href(filter.path(page: filter.page + 1)), .rel("next")) { vi ? "Sau →" : "Next →" } }
        }
    }

    static func editor(_ context: PageContext, task: TaskModel?, values: TaskController.TaskForm, errors: [String: String],
                       agencies: [AgencyModel], canManage: Bool = true, extensionValues: TaskController.ExtensionForm? = nil,
                       extensionErrors: [String: String] = [:]) -> HTMLNode {
        let vi = context.language == .vietnamese
        let language = context.language
        let title = task == nil ? (vi ? "Thêm nhiệm vụ" : "Add a task") : (vi ? "Nhiệm vụ \(task!.sourceID)" : "Task \(task!.sourceID)")
        let assigned = task.flatMap { $0.assigned(agencyCode: $0.agency.code) }
        let today = SourceData.today
        return Layout.page(context, title: title) {
            if let assigned {
                p {
                    vi ? "Tình trạng hôm nay: " : "Status today: "
                    span(.class(statusClass(assigned.status(on: today)))) { assigned.status(on: today).label(language) }
                    " · " + (vi ? "hạn hiện hành " : "current deadline ") + assigned.effectiveDeadline.vietnamese
                }
            }
            Fields.errors(errors.isEmpty ? [] : [vi ? "Vui lòng sửa các ô được đánh dấu." : "Please correct the marked fields."])
            form(.method("post"), .action(task.map { "/tasks/\($0.id!)" } ?? "/tasks")) {
                Layout.csrfField(context)
                fieldset(Attribute.when(!canManage, .disabled)) {
                    legend { vi ? "Văn bản giao nhiệm vụ" : "Assigning document" }
                    if task == nil {
                        Fields.text(TaskField.sourceID.label(language), name: "sourceID", value: values.sourceID, error: errors["sourceID"],
                                    hint: vi ? "Để trống nếu nhập tay: hệ thống tự đặt mã." : "Leave empty when typing by hand: an id is made.")
                    }
                    Fields.text(TaskField.document.label(language), name: "document", value: values.document, error: errors["document"], required: true,
                                hint: "1234/UBND-KT")
                    Fields.text(TaskField.documentDate.label(language), name: "documentDate", value: values.documentDate, error: errors["documentDate"],
                                hint: "dd/mm/yyyy")
                    Fields.text(TaskField.issuer.label(language), name: "issuer", value: values.issuer, error: errors["issuer"],
                                hint: vi ? "UBND tỉnh, Chủ tịch UBND tỉnh…" : "Provincial People's Committee, its chairman…")
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
                    legend { vi ? "Kết quả thực hiện" : "Completion" }
                    Fields.text(TaskField.completedOn.label(language), name: "completedOn", value: values.completedOn, error: errors["completedOn"],
                                hint: vi ? "dd/mm/yyyy; để trống nếu chưa hoàn thành" : "dd/mm/yyyy; empty while not done")
                    div(.class("field")) {
                        label(.for("completionNote")) { TaskField.completionNote.label(language) }
                        textarea(.id("completionNote"), .name("completionNote"), .rows(2), .maxlength(Limits.note)) { values.completionNote ?? "" }
                    }
                }
                if canManage {
                    button(.type("submit")) { vi ? "Lưu" : "Save" }
                    " "
                    a(.href("/tasks")) { vi ? "Về danh sách" : "Back to the list" }
                }
            }
            if let task {
                h2 { vi ? "Tài liệu hoàn thành" : "Completion evidence" }
                let files = (task.$evidence.value ?? []).sorted { ($0.createdAt ?? .distantPast) < ($1.createdAt ?? .distantPast) }
                if files.isEmpty {
                    p { vi ? "Chưa có tệp." : "No file yet." }
                } else {
                    ul { for file in files { li { a(.href("/tasks/\(task.id!)/evidence/\(file.id!)")) { file.fileName } } } }
                }
                if canManage {
                    form(.method("post"), .action("/tasks/\(task.id!)/evidence"), .enctype("multipart/form-data"), .class("inline")) {
                        Layout.csrfField(context)
                        label(.for("task-file")) { vi ? "Tải lên báo cáo, văn bản hoàn thành (PDF, ảnh, Word, Excel)" : "Upload a report or document (PDF, image, Word, Excel)" }
                        input(.type("file"), .id("task-file"), .name("file"), .required)
                        button(.type("submit")) { vi ? "Tải lên" : "Upload" }
                    }
                }
                h2 { vi ? "Gia hạn" : "Extensions" }
                let extensions = (task.$extensions.value ?? []).sorted { ($0.createdAt ?? .distantPast) < ($1.createdAt ?? .distantPast) }
                if extensions.isEmpty {
                    p { vi ? "Chưa gia hạn." : "Not extended." }
                } else {
                    ul {
                        for item in extensions {
                            li {
                                "\(item.document)"
                                if let date = item.documentDate.flatMap(CivilDate.parse) { vi ? " ngày \(date.vietnamese)" : " of \(date.vietnamese)" }
                                ": " + (vi ? "hạn mới " : "new deadline ") + (CivilDate.parse(item.newDeadline)?.vietnamese ?? item.newDeadline)
                            }
                        }
                    }
                }
                if canManage {
                    form(.method("post"), .action("/tasks/\(task.id!)/extensions"), .class("card")) {
                        Layout.csrfField(context)
                        h3 { vi ? "Ghi nhận gia hạn" : "Record an extension" }
                        Fields.text(TaskField.extensionDocument.label(language), name: "extensionDocument", value: extensionValues?.extensionDocument,
                                    error: extensionErrors["extensionDocument"], required: true)
                        Fields.text(TaskField.extensionDate.label(language), name: "extensionDate", value: extensionValues?.extensionDate,
                                    error: extensionErrors["extensionDate"], hint: "dd/mm/yyyy")
                        Fields.text(TaskField.extendedDeadline.label(language), name: "extendedDeadline", value: extensionValues?.extendedDeadline,
                                    error: extensionErrors["extendedDeadline"], required: true, hint: "dd/mm/yyyy")
                        button(.type("submit")) { vi ? "Gia hạn" : "Extend" }
                    }
                }
            }
        }
    }
}
