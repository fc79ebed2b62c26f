import ChiSoCore
import Foundation

/// Importing a task export: the upload form, then mapping and preview.
enum TaskImportPages {
    /// At most this many problems are listed (the count says how many more there are).
    static let problemsShown = 200

    static func upload(_ context: PageContext, problems: [String], limit: String) -> HTMLNode {
        let vi = context.language == .vietnamese
        return Layout.page(context, title: vi ? "Nhập nhiệm vụ từ tệp" : "Import tasks") {
            p {
                vi ? "Tệp xuất từ hệ thống theo dõi nhiệm vụ: CSV (UTF-8) hoặc Excel (.xlsx, trang tính đầu tiên), dòng đầu là tiêu đề cột. Bước sau chọn cột cho từng thông tin và xem trước; nhập lại cùng tệp sẽ cập nhật theo mã nhiệm vụ, không tạo trùng."
                    : "An export of the task-tracking system: CSV (UTF-8) or Excel (.xlsx, first sheet), with a header row. Next you map the columns and preview; importing the same file again updates tasks by their id instead of duplicating them."
            }
            p { limit }
            Fields.errors(problems)
            form(.method("post"), .action("/tasks/import"), .enctype("multipart/form-data")) {
                Layout.csrfField(context)
                div(.class("field")) {
                    label(.for("file")) { vi ? "Tệp CSV hoặc Excel" : "CSV or Excel file" }
                    input(.type("file"), .id("file"), .name("file"), .accept(".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), .required)
                }
                button(.type("submit")) { vi ? "Tải lên" : "Upload" }
            }
        }
    }

    static func columnName(_ index: Int, header: [String]) -> String {
        let letter = TaskProblem.columnLetters(index)
        let title = index < header.count ? header[index] : ""
        return title.isEmpty ? letter : "\(letter): \(title)"
    }

    static func preview(_ context: PageContext, preview: TaskImportController.Preview) -> HTMLNode {
        let vi = context.language == .vietnamese
        let language = context.language
        let path = "/tasks/import/\(preview.importID)"
        return Layout.page(context, title: vi ? "Nhập nhiệm vụ: \(preview.filename)" : "Import tasks: \(preview.filename)") {
            Fields.errors(preview.fileProblems)
            h2 { vi ? "1. Chọn cột" : "1. Map the columns" }
            form(.method("get"), .action(path), .class("mapping")) {
                for field in TaskField.allCases {
                    div(.class("field")) {
                        label(.for("col-\(field.rawValue)")) { field.label(language) + (field.isRequired ? " *" : "") }
                        select(.id("col-\(field.rawValue)"), .name("col-\(field.rawValue)")) {
                            option(.value("")) { vi ? "(không có trong tệp)" : "(not in the file)" }
                            for index in preview.header.indices {
                                option(.value(String(index)), Attribute.when(preview.mapping.columns[field] == index, .selected)) {
                                    columnName(index, header: preview.header)
                                }
                            }
                        }
                    }
                }
                button(.type("submit")) { vi ? "Xem trước" : "Preview" }
            }
            h2 { vi ? "2. Xem trước" : "2. Preview" }
            let counts = Dictionary(grouping: preview.tasks, by: \.1).mapValues(\.count)
            p {
                vi ? "\(preview.rows) dòng: \(preview.tasks.count) hợp lệ (\(counts[.create] ?? 0) mới, \(counts[.update] ?? 0) cập nhật, \(counts[.unchanged] ?? 0) không đổi), \(Set(preview.problems.map(\.line)).count) dòng có lỗi."
                    : "\(preview.rows) rows: \(preview.tasks.count) good (\(counts[.create] ?? 0) new, \(counts[.update] ?? 0) updated, \(counts[.unchanged] ?? 0) unchanged), \(Set(preview.problems.map(\.line)).count) rows with problems."
            }
            if !preview.problems.isEmpty {
                div(.class("errors"), .role("alert")) {
                    p { vi ? "Sửa các lỗi sau trong tệp (hoặc chọn lại cột) rồi tải lên lại; chưa dòng nào được nhập:" : "Fix these in the file (or map the columns again) and upload it again; nothing was imported:" }
                    ul {
                        for problem in preview.problems.prefix(problemsShown) { li { problem.located(language) } }
                        if preview.problems.count > problemsShown {
                            li { context.t.format(.moreProblems, Formats.count(preview.problems.count - problemsShown, language)) }
                        }
                    }
                }
            }
            if !preview.tasks.isEmpty {
                div(.class("table-wrap")) {
                    table {
                        caption { vi ? "Các dòng hợp lệ (tối đa 50 dòng đầu)" : "Good rows (first 50)" }
                        thead {
                            tr {
                                th(.scope("col")) { vi ? "Dòng" : "Line" }
                                th(.scope("col")) { vi ? "Mã" : "Id" }
                                th(.scope("col")) { vi ? "Đơn vị" : "Agency" }
                                th(.scope("col")) { vi ? "Nội dung" : "Content" }
                                th(.scope("col")) { vi ? "Hạn" : "Deadline" }
                                th(.scope("col")) { vi ? "Hoàn thành" : "Completed" }
                                th(.scope("col")) { vi ? "Thay đổi" : "Effect" }
                            }
                        }
                        tbody {
                            for (task, effect) in preview.tasks.prefix(50) {
                                tr {
                                    td(.class("num")) { String(task.line) }
                                    td { task.sourceID }
                                    td { task.agency }
                                    td { task.content }
                                    td { (task.extendedDeadline ?? task.deadline).vietnamese }
                                    td { task.completedOn?.vietnamese ?? "—" }
                                    td { effectLabel(effect, vi: vi) }
                                }
                            }
                        }
                    }
                }
            }
            form(.method("post"), .action(path)) {
                Layout.csrfField(context)
                for (field, column) in preview.mapping.columns.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                    input(.type("hidden"), .name("col-\(field.rawValue)"), .value(String(column)))
                }
                button(.type("submit"), Attribute.when(!preview.problems.isEmpty || preview.tasks.isEmpty, .disabled)) {
                    vi ? "3. Nhập \(preview.tasks.count) nhiệm vụ" : "3. Import \(preview.tasks.count) tasks"
                }
            }
            p { a(.href("/tasks/import")) { vi ? "Tải lên tệp khác" : "Upload another file" } }
        }
    }

    static func effectLabel(_ effect: TaskImportController.Effect, vi: Bool) -> String {
        switch effect {
        case .create: vi ? "Thêm mới" : "New"
        case .update: vi ? "Cập nhật" : "Update"
        case .unchanged: vi ? "Không đổi" : "Unchanged"
        }
    }
}
