import ChiSoCore
import Foundation

/// Importing a task export: the upload form, then mapping and preview.
enum TaskImportPages {
    /// At most this many problems are listed (the count says how many more there are).
    static let problemsShown = 200

    static func upload(_ context: PageContext, problems: [String], limit: String) -> HTMLNode {
        let say = context.phrases(TaskText.self)
        return Layout.page(context, title: say(.importTitle)) {
            p {
                say(.importIntro)
            }
            p { limit }
            Fields.errors(problems)
            form(.method("post"), .action(SiteURL.taskImport.path), .enctype("multipart/form-data")) {
                Layout.csrfField(context)
                div(.class("field")) {
                    label(.for("file")) { say(.importFileLabel) }
                    input(.type("file"), .id("file"), .name("file"), .accept(".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), .required)
                }
                button(.type("submit")) { say(.upload) }
            }
        }
    }

    static func columnName(_ index: Int, header: [String]) -> String {
        let letter = TaskProblem.columnLetters(index)
        let title = index < header.count ? header[index] : ""
        return title.isEmpty ? letter : "\(letter): \(title)"
    }

    static func preview(_ context: PageContext, preview: TaskImportController.Preview) -> HTMLNode {
        let say = context.phrases(TaskText.self)
        let language = context.language
        let path = SiteURL.taskImportPreview(.value(preview.importID)).path
        return Layout.page(context, title: say(.importPreviewTitle, preview.filename)) {
            Fields.errors(preview.fileProblems)
            h2 { say(.mapColumns) }
            form(.method("get"), .action(path), .class("mapping")) {
                for field in TaskField.allCases {
                    div(.class("field")) {
                        label(.for("col-\(field.rawValue)")) { field.label(language) + (field.isRequired ? " *" : "") }
                        select(.id("col-\(field.rawValue)"), .name("col-\(field.rawValue)")) {
                            option(.value("")) { say(.notInFile) }
                            for index in preview.header.indices {
                                option(.value(String(index)), Attribute.when(preview.mapping.columns[field] == index, .selected)) {
                                    columnName(index, header: preview.header)
                                }
                            }
                        }
                    }
                }
                button(.type("submit")) { say(.preview) }
            }
            h2 { say(.previewHeading) }
            let counts = Dictionary(grouping: preview.tasks, by: \.1).mapValues(\.count)
            p {
                say(.importSummary, "\(preview.rows)", "\(preview.tasks.count)", "\(counts[.create] ?? 0)", "\(counts[.update] ?? 0)", "\(counts[.unchanged] ?? 0)",
                    "\(Set(preview.problems.map(\.line)).count)")
            }
            if !preview.problems.isEmpty {
                div(.class("errors"), .role("alert")) {
                    p { say(.fixProblems) }
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
                        caption { say(.goodRows) }
                        thead {
                            tr {
                                th(.scope("col")) { say(.line) }
                                th(.scope("col")) { say(.taskID) }
                                th(.scope("col")) { say(.agency) }
                                th(.scope("col")) { say(.content) }
                                th(.scope("col")) { say(.deadline) }
                                th(.scope("col")) { say(.completed) }
                                th(.scope("col")) { say(.effect) }
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
                                    td { effectLabel(effect, say: say) }
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
                    say(.importCount, "\(preview.tasks.count)")
                }
            }
            p { a(.href(SiteURL.taskImport.path)) { say(.uploadAnotherFile) } }
        }
    }

    static func effectLabel(_ effect: TaskImportController.Effect, say: Phrases<TaskText>) -> String {
        switch effect {
        case .create: say(.effectNew)
        case .update: say(.effectUpdate)
        case .unchanged: say(.effectUnchanged)
        }
    }
}
