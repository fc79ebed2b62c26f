import ChiSoCore
import Foundation

/// The appraiser's queue, and one assessment seen by the council (and, once
/// released, by the agency): self vs appraised per leaf, evidence, forms.
enum AppraisalPages {
    struct QueueRow {
        var id: UUID
        var agency: String
        var period: String
        var state: AssessmentState
        var assigned: Int
        var done: Int
        var explained: Int
    }

    static func queue(_ context: PageContext, rows: [QueueRow]) -> HTMLNode {
        let vi = context.language == .vietnamese
        return Layout.page(context, title: vi ? "Hồ sơ cần thẩm định" : "Appraisal queue") {
            if rows.isEmpty {
                p { vi ? "Không có hồ sơ nào đang chờ bạn." : "Nothing is waiting for you." }
            } else {
                div(.class("table-wrap")) {
                    table {
                        thead {
                            tr {
                                th(.scope("col")) { vi ? "Đơn vị" : "Agency" }
                                th(.scope("col")) { vi ? "Kỳ" : "Period" }
                                th(.scope("col")) { vi ? "Trạng thái" : "State" }
                                th(.scope("col"), .class("num")) { vi ? "Đã thẩm định" : "Appraised" }
                                th(.scope("col"), .class("num")) { vi ? "Giải trình mới" : "New explanations" }
                            }
                        }
                        tbody {
                            for row in rows {
                                tr {
                                    td { a(.href("/assessments/\(row.id)/appraisal")) { row.agency } }
                                    td { row.period }
                                    td { vi ? row.state.vietnamese : row.state.english }
                                    td(.class("num")) { "\(row.done)/\(row.assigned)" }
                                    td(.class("num")) { String(row.explained) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    struct Draft {
        var value: String
        var comment: String
        var error: String?
    }

    struct Model {
        var record: AssessmentRecord
        var selfScore: AgencyScore
        var appraisedScore: AgencyScore
        var scope: AppraisalScope
        var user: CurrentUser
        var canAppraise: Bool
        var canReexamine: Bool
        var canExplain: Bool
        var canRelease: Bool
        var canFinalise: Bool
        var canReopen: Bool
        var names: [UUID: String]
        var drafts: [String: Draft]

        var index: Index { record.index }
        var mine: Set<Int> { Set(scope.leaves(of: user)) }
    }

    static func assessment(_ context: PageContext, model: Model) -> HTMLNode {
        let vi = context.language == .vietnamese
        let language = context.language
        let record = model.record
        let appraisedLeaves = record.entries.filter { $0.appraisedAt != nil }.count
        let others = Set(model.scope.appraisers.values.flatMap { $0 }).subtracting([model.user.id]).compactMap { model.names[$0] }.sorted()
        return Layout.page(context, title: (vi ? "Thẩm định: " : "Appraisal: ") + record.agency.name) {
            p {
                "\(record.period.name) · "
                span(.class("badge")) { vi ? record.state.vietnamese : record.state.english }
                " · " + (vi ? "hạn giải trình \(Formats.date(record.period.explanationDeadline))" : "explanation deadline \(Formats.date(record.period.explanationDeadline))")
            }
            div(.class("cards")) {
                section(.class("card")) {
                    h2 { vi ? "Điểm tự chấm" : "Self-assessed" }
                    p(.class("total")) { strong { Formats.score(model.selfScore.final, language) } }
                }
                section(.class("card")) {
                    h2 { vi ? "Điểm thẩm định" : "Appraised" }
                    p(.class("total")) { strong { Formats.score(model.appraisedScore.final, language) } }
                    p { small { vi ? "\(appraisedLeaves) tiêu chí đã thẩm định" : "\(appraisedLeaves) criteria appraised" } }
                }
                if !others.isEmpty {
                    section(.class("card")) {
                        h2 { model.user.roles.contains(.appraiser) || model.user.roles.contains(.chair)
                            ? (vi ? "Cùng thẩm định hồ sơ này" : "Also appraising") : (vi ? "Người thẩm định" : "Appraisers") }
                        ul { for name in others { li { name } } }
                    }
                }
            }
            actions(context, model: model)
            for position in model.index.leafPositions {
                leaf(context, model: model, position: position)
            }
        }
    }

    static func actions(_ context: PageContext, model: Model) -> HTMLNode {
        let vi = context.language == .vietnamese
        let id = model.record.id
        return div(.class("actions")) {
            if model.canAppraise, !model.mine.isEmpty {
                form(.method("post"), .action("/assessments/\(id)/appraisal/confirm"), .class("inline")) {
                    Layout.csrfField(context)
                    button(.type("submit"), .class("secondary")) { vi ? "Xác nhận tất cả tiêu chí chưa thẩm định" : "Confirm every untouched criterion" }
                }
                " "
            }
            if model.canRelease {
                form(.method("post"), .action("/assessments/\(id)/release"), .class("inline")) {
                    Layout.csrfField(context)
                    button(.type("submit")) { vi ? "Gửi kết quả sơ bộ cho đơn vị" : "Release to the agency" }
                }
                " "
            }
            if model.canFinalise {
                form(.method("post"), .action("/assessments/\(id)/finalise"), .class("inline")) {
                    Layout.csrfField(context)
                    button(.type("submit")) { vi ? "Chốt kết quả" : "Finalise" }
                }
            }
            if model.canReopen {
                form(.method("post"), .action("/assessments/\(id)/reopen")) {
                    Layout.csrfField(context)
                    div(.class("field")) {
                        label(.for("reopen-reason")) { vi ? "Lý do mở lại" : "Reason for reopening" }
                        textarea(.id("reopen-reason"), .name("reason"), .rows(2), .maxlength(Limits.reason), .required) { "" }
                    }
                    button(.type("submit"), .class("secondary")) { vi ? "Mở lại hồ sơ" : "Reopen" }
                }
            }
        }
    }

    static func leaf(_ context: PageContext, model: Model, position: Int) -> HTMLNode {
        let vi = context.language == .vietnamese
        let language = context.language
        let node = model.index.nodes[position]
        let record = model.record
        let entry = record.entry(node.code)
        let explanation = ScoreExplanation(index: model.index, language: language)
        let selfResult = model.selfScore.nodes[position]
        let appraised = model.appraisedScore.nodes[position]
        let draft = model.drafts[node.code]
        let assigned = model.mine.contains(position)
        let explained = entry?.explanation != nil
        let links = record.links.filter { $0.criterionCode == node.code }
        let appraisers = (model.scope.appraisers[position] ?? []).compactMap { model.names[$0] }.sorted()
        return section(.class(draft?.error == nil ? "leaf card" : "leaf card invalid"), .id("leaf-\(node.code)")) {
            h3 { "\(node.code) \(node.title) "; small { "(\(vi ? "tối đa" : "max") \(vi ? node.max.vietnamese() : node.max.description))" } }
            p(.class("who")) {
                small { (vi ? "Thẩm định: " : "Appraiser: ") + (appraisers.isEmpty ? (vi ? "Chủ tịch Hội đồng" : "the council chair") : appraisers.joined(separator: ", ")) }
            }
            dl(.class("compare")) {
                dt { vi ? "Đơn vị tự chấm" : "Self-assessed" }
                dd {
                    (record.selfInput(node.code) ?? "—") + " → " + (selfResult.applicable ? Formats.score(selfResult.points, language) : context.t(.notApplicable))
                    if let note = entry?.selfNote { br(); small { note } }
                }
                dt { vi ? "Thẩm định" : "Appraised" }
                dd {
                    if entry?.appraisedAt != nil {
                        (entry?.appraisedInput ?? "—") + " → " + (appraised.applicable ? Formats.score(appraised.points, language) : context.t(.notApplicable))
                        " (\(explanation.explain(node: position, in: model.appraisedScore)))"
                        if let comment = entry?.appraisalComment { br(); small { comment } }
                        if let by = entry?.appraisedByID, let name = model.names[by], let at = entry?.appraisedAt {
                            br(); small { "\(name), \(Formats.dateTime(at))" }
                        }
                    } else {
                        vi ? "chưa thẩm định" : "not appraised yet"
                    }
                }
                if let text = entry?.explanation {
                    dt { vi ? "Giải trình của đơn vị" : "Agency's explanation" }
                    dd { text }
                }
            }
            if !links.isEmpty {
                div(.class("evidence")) {
                    for link in links {
                        p {
                            a(.href("/evidence/\(link.id)")) { link.fileName }
                        }
                        // Previews only where this user appraises (and loaded when scrolled to).
                        if assigned, link.contentType.hasPrefix("image/") {
                            H.void("img", [.src("/evidence/\(link.id)"), Attribute(name: "alt", value: link.fileName), .class("preview"),
                                           Attribute(name: "loading", value: "lazy")])
                        } else if assigned, link.contentType == "application/pdf" {
                            // Opened on demand: a closed <details> loads nothing until the appraiser asks.
                            details(.class("preview")) {
                                summary { vi ? "Xem trước trong trang" : "Preview here" }
                                H.el("iframe", [.src("/evidence/\(link.id)"), .title(link.fileName), .class("preview"),
                                                Attribute(name: "loading", value: "lazy")]) { "" }
                            }
                        }
                    }
                }
            }
            if assigned, model.canAppraise || (model.canReexamine && explained) {
                form(.method("post"), .action("/assessments/\(record.id)/appraisal/\(node.code)"), .class("leaf-form")) {
                    Layout.csrfField(context)
                    Fields.text(vi ? "Giá trị thẩm định (để trống = xác nhận như đơn vị)" : "Appraised value (empty = confirm as entered)",
                                name: "value", id: "av-\(node.code)", value: draft?.value ?? "", error: draft?.error)
                    div(.class("field")) {
                        label(.for("c-\(node.code)")) { vi ? "Nhận xét (bắt buộc khi điều chỉnh)" : "Comment (required when adjusting)" }
                        textarea(.id("c-\(node.code)"), .name("comment"), .rows(2), .maxlength(Limits.note)) { draft?.comment ?? "" }
                    }
                    button(.type("submit")) { vi ? "Lưu thẩm định" : "Save appraisal" }
                }
            }
            if model.canExplain, entry != nil {
                form(.method("post"), .action("/assessments/\(record.id)/explanations/\(node.code)"), .class("leaf-form")) {
                    Layout.csrfField(context)
                    div(.class("field")) {
                        label(.for("e-\(node.code)")) { vi ? "Giải trình" : "Explanation" }
                        textarea(.id("e-\(node.code)"), .name("explanation"), .rows(2), .maxlength(Limits.note)) { entry?.explanation ?? "" }
                    }
                    button(.type("submit"), .class("secondary")) { vi ? "Gửi giải trình" : "Send explanation" }
                }
            }
        }
    }
}
