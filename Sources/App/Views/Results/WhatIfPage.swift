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
        let say = context.phrases(WhatIfText.self)
        let language = context.language
        let record = model.record
        let index = record.index
        let explanation = ScoreExplanation(index: index, language: language)
        return Layout.page(context, title: say(.title, record.agency.name, record.period.name)) {
            p(.class("notice"), .role("note")) {
                say(.nothingSaved)
            }
            p {
                model.baselineAppraised ? say(.startingFromAppraised) : say(.startingFromSelf)
                ": \(Formats.score(model.baseline.final, language)) (\(index.classes[model.baseline.classPosition].title))."
            }
            if let outcome = model.outcome {
                div(.class("summary"), .role("status")) {
                    div(.class("card")) {
                        p { say(.scoreWithInputs) }
                        p(.class("total")) { strong { Formats.score(outcome.score.final, language) } }
                        p {
                            say(.classAndRank, index.classes[outcome.score.classPosition].title, "\(outcome.rank)", "\(outcome.groupSize)")
                            ResultsPages.change(outcome.score.final, model.baseline.final, language)
                        }
                    }
                }
                if outcome.changed.isEmpty {
                    p { say(.noInputChanged) }
                } else {
                    ul {
                        for code in outcome.changed {
                            if let position = index.nodes.firstIndex(where: { $0.code == code }) {
                                li {
                                    "\(code) \(index.nodes[position].title): "
                                    "\(Formats.score(model.baseline.nodes[position].points, language)) → \(Formats.score(outcome.score.nodes[position].points, language)) "
                                    small { "(\(explanation.explain(node: position, in: outcome.score)))" }
                                }
                            } else if let reference = index.itemsByCode()[code], let item = index.adjustment(reference),
                                      let before = model.baseline.item(reference), let after = outcome.score.item(reference) {
                                li {
                                    "\(code) \(item.title): "
                                    "\(Formats.score(before.points, language)) → \(Formats.score(after.points, language)) "
                                    small { "(\(explanation.explain(item: item, after)))" }
                                }
                            } else {
                                li { code }
                            }
                        }
                    }
                }
            }
            Fields.errors(model.errors.isEmpty ? [] : [say(.invalidValues)])
            form(.method("post"), .action(SiteURL.assessment(.value(record.id), .whatIf).path)) {
                Layout.csrfField(context)
                div(.class("table-wrap")) {
                    table(.class("tree")) {
                        thead {
                            tr {
                                th(.scope("col")) { say(.criterionColumn) }
                                th(.scope("col"), .class("num")) { say(.maxColumn) }
                                th(.scope("col")) { say(.inputColumn) }
                                th(.scope("col"), .class("num")) { say(.pointsNowColumn) }
                            }
                        }
                        tbody {
                            for (position, node) in index.nodes.enumerated() {
                                tr(.class(node.isLeaf ? "leaf" : "group")) {
                                    td(.class("depth-\(min(node.depth, 3))")) {
                                        if node.isLeaf { label(.for("w-\(node.code)")) { "\(node.code) \(node.title)" } } else { "\(node.code) \(node.title)" }
                                    }
                                    td(.class("num")) { node.max.text(context.language) }
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
                            // Bonus and deduction items: what the agency proposed or the council decided, to try others.
                            let kinds = context.phrases(ResultsText.self)
                            for reference in index.adjustmentReferences {
                                let item = index.adjustment(reference)!
                                tr(.class("leaf item")) {
                                    td { label(.for("w-\(item.code)")) { "\(item.code) \(item.title) (" + (item.kind == .bonus ? kinds(.bonusItem) : kinds(.deductionItem)) + ")" } }
                                    td(.class("num")) { "" }
                                    td {
                                        input(.type("text"), .id("w-\(item.code)"), .name("v-\(item.code)"), .value(model.values[item.code] ?? ""),
                                              model.errors[item.code].map { _ in .aria("invalid", "true") })
                                        if let error = model.errors[item.code] { p(.class("error")) { error } }
                                    }
                                    td(.class("num")) { Formats.score(model.baseline.item(reference)?.points ?? .zero, language) }
                                }
                            }
                        }
                    }
                }
                button(.type("submit")) { say(.compute) }
            }
        }
    }
}
