import ChiSoCore
import Foundation

/// The what-if sandbox: every leaf's input, editable, and the score, class
/// and rank they would give. Nothing here is saved.
enum WhatIfPage {
    struct Model {
        var record: AssessmentRecord
        var baseline: AgencyScore
        var baselineAppraised: Bool
        var values: [String: String]
        var errors: [String: String]
        var outcome: WhatIfController.Outcome?
    }

    static func view(_ context: PageContext, model: Model) -> HTMLNode {
        let vi = context.language == .vietnamese
        let language = context.language
        let record = model.record
        let index = record.index
        let explanation = ScoreExplanation(index: index, language: language)
        return Layout.page(context, title: vi ? "Tính thử · \(record.agency.name) · \(record.period.name)" : "What if · \(record.agency.name) · \(record.period.name)") {
            p(.class("notice"), .role("note")) {
                vi ? "Chỉ để tính thử: không có gì được lưu, hồ sơ và kết quả không thay đổi."
                    : "A sandbox: nothing is saved; the assessment and its results do not change."
            }
            p {
                (vi ? "Xuất phát từ " : "Starting from ") + (model.baselineAppraised
                    ? (vi ? "kết quả thẩm định" : "the appraised inputs") : (vi ? "số liệu tự chấm" : "the self-assessment"))
                ": \(Formats.score(model.baseline.final, language)) (\(index.classes[model.baseline.classPosition].title))."
            }
            if let outcome = model.outcome {
                div(.class("summary"), .role("status")) {
                    div(.class("card")) {
                        p { vi ? "Điểm nếu thay đổi" : "Score with these inputs" }
                        p(.class("total")) { strong { Formats.score(outcome.score.final, language) } }
                        p {
                            "\(index.classes[outcome.score.classPosition].title) · \(vi ? "hạng" : "rank") \(outcome.rank)/\(outcome.groupSize) · "
                            ResultsPages.change(outcome.score.final, model.baseline.final, language)
                        }
                    }
                }
                if outcome.changed.isEmpty {
                    p { vi ? "Chưa thay đổi số liệu nào." : "No input was changed." }
                } else {
                    ul {
                        for code in outcome.changed {
                            if let position = index.nodes.firstIndex(where: { $0.code == code }) {
                                li {
                                    "\(code) \(index.nodes[position].title): "
                                    "\(Formats.score(model.baseline.nodes[position].points, language)) → \(Formats.score(outcome.score.nodes[position].points, language)) "
                                    small { "(\(explanation.explain(node: position, in: outcome.score)))" }
                                }
                            } else {
                                li { code }
                            }
                        }
                    }
                }
            }
            Fields.errors(model.errors.isEmpty ? [] : [vi ? "Một số giá trị không hợp lệ, xem các ô được đánh dấu." : "Some values are not valid: see the marked fields."])
            form(.method("post"), .action("/assessments/\(record.id)/whatif")) {
                Layout.csrfField(context)
                div(.class("table-wrap")) {
                    table(.class("tree")) {
                        thead {
                            tr {
                                th(.scope("col")) { vi ? "Tiêu chí" : "Criterion" }
                                th(.scope("col"), .class("num")) { vi ? "Tối đa" : "Max" }
                                th(.scope("col")) { vi ? "Số liệu" : "Input" }
                                th(.scope("col"), .class("num")) { vi ? "Điểm hiện tại" : "Points now" }
                            }
                        }
                        tbody {
                            for (position, node) in index.nodes.enumerated() {
                                tr(.class(node.isLeaf ? "leaf" : "group")) {
                                    td(.class("depth-\(min(node.depth, 3))")) {
                                        if node.isLeaf { label(.for("w-\(node.code)")) { "\(node.code) \(node.title)" } } else { "\(node.code) \(node.title)" }
                                    }
                                    td(.class("num")) { vi ? node.max.vietnamese() : node.max.description }
                                    td {
                                        if node.isLeaf {
                                            input(.type("text"), .id("w-\(node.code)"), .name("v-\(node.code)"), .value(model.values[node.code] ?? ""),
                                                  model.errors[node.code].map { _ in .aria("invalid", "true") })
                                            if let error = model.errors[node.code] { p(.class("error")) { error } }
                                        }
                                    }
                                    td(.class("num")) {
                                        model.baseline.nodes[position].applicable ? Formats.score(model.baseline.nodes[position].points, language) : context.t(.notApplicable)
                                    }
                                }
                            }
                        }
                    }
                }
                button(.type("submit")) { vi ? "Tính thử" : "Compute" }
            }
        }
    }
}
