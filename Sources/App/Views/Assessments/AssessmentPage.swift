import ChiSoCore
import Foundation

/// An assessment read-only: every node with its input, points and why.
enum AssessmentPage {
    struct Model {
        var agency: AgencyModel
        var period: PeriodModel
        var state: AssessmentState
        var index: Index
        var score: AgencyScore
        var notes: [String: String]
        /// The finalised score and class code, once there is one.
        var official: (score: DecimalNumber, classCode: String)?
    }

    static func view(_ context: PageContext, model: Model) -> HTMLNode {
        let t = context.t
        let language = context.language
        let vi = language == .vietnamese
        let explanation = ScoreExplanation(index: model.index, language: language)
        let score = model.score
        let scoreClass = model.index.classes[score.classPosition]
        return Layout.page(context, title: "\(t(.assessmentTitle)): \(model.agency.name)") {
            p {
                "\(model.period.name) · "
                span(.class("badge")) { vi ? model.state.vietnamese : model.state.english }
            }
            div(.class("cards")) {
                if let official = model.official {
                    section(.class("card")) {
                        h2 { t(.officialResult) }
                        p(.class("total")) {
                            strong { Formats.score(official.score, language) }
                            " · \(model.index.classes.first { $0.code == official.classCode }?.title ?? official.classCode)"
                        }
                        p { small { t(.officialNote) } }
                    }
                }
                section(.class("card")) {
                    h2 { t(model.official == nil ? .provisionalTotal : .selfPoints) }
                    p(.class("total")) {
                        strong { Formats.score(score.final, language) }
                        " / \(vi ? model.index.scale.vietnamese() : model.index.scale.description) · \(scoreClass.title)"
                    }
                    p {
                        small {
                            "raw \(Formats.score(score.raw, language)) / \(Formats.score(score.applicableMax, language))"
                            " · +\(Formats.score(score.bonus, language)) −\(Formats.score(score.deduction, language))"
                        }
                    }
                }
            }
            div(.class("table-wrap")) {
                table(.class("tree")) {
                    caption(.class("visually-hidden")) { model.index.title }
                    thead {
                        tr {
                            th(.scope("col")) { t(.criteria) }
                            th(.scope("col"), .class("num")) { t(.maxPoints) }
                            th(.scope("col")) { t(.input) }
                            th(.scope("col"), .class("num")) { t(.points) }
                            th(.scope("col"), .class("hide-small")) { t(.why) }
                        }
                    }
                    tbody {
                        for (position, node) in model.index.nodes.enumerated() {
                            let result = score.nodes[position]
                            tr(.class(node.isLeaf ? "leaf" : "group")) {
                                td(.class("depth-\(min(node.depth, 3))")) {
                                    "\(node.code) \(node.title)"
                                    if let note = model.notes[node.code] { br(); small { note } }
                                }
                                td(.class("num")) { vi ? node.max.vietnamese() : node.max.description }
                                td { result.input.map { explanation.inputText($0, rule: node.leaf?.rule) } ?? "" }
                                td(.class(result.applicable ? "num" : "num na")) {
                                    result.applicable ? Formats.score(result.points, language) : t(.notApplicable)
                                }
                                td(.class("hide-small")) { explanation.explain(node: position, in: score) }
                            }
                        }
                    }
                }
            }
        }
    }
}
