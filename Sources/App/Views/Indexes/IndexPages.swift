import ChiSoCore
import Foundation

/// Index versions and one index's tree.
enum IndexPages {
    static func list(_ context: PageContext, versions: [IndexVersionModel], canUpload: Bool, problems: [String], fileName: String?) -> HTMLNode {
        let t = context.t
        return Layout.page(context, title: t(.indexes)) {
            div(.class("table-wrap")) {
                table {
                    thead {
                        tr {
                            th(.scope("col")) { t(.indexCode) }
                            th(.scope("col"), .class("num")) { t(.indexVersion) }
                            th(.scope("col")) { t(.indexTitle) }
                            th(.scope("col"), .class("num")) { t(.indexLeaves) }
                            th(.scope("col")) { t(.state) }
                        }
                    }
                    tbody {
                        for version in versions {
                            tr {
                                td { a(.href(SiteURL.index(.value(version.id!), .show).path)) { version.code } }
                                td(.class("num")) { String(version.version) }
                                td { version.title }
                                td(.class("num")) { String(version.leafCount) }
                                td { version.frozenAt == nil ? t(.indexEditable) : t(.indexFrozen) }
                            }
                        }
                    }
                }
            }
            if canUpload {
                h2 { t(.uploadIndex) }
                if !problems.isEmpty {
                    div(.class("errors"), .role("alert")) {
                        p { t(.indexRejected) }
                        pre(.class("problems")) { problems.joined(separator: "\n") }
                    }
                }
                form(.method("post"), .action(SiteURL.indexes.path), .enctype("multipart/form-data")) {
                    Layout.csrfField(context)
                    div(.class("field")) {
                        label(.for("file")) { t(.indexFile) }
                        input(.type("file"), .id("file"), .name("file"), .accept(".yaml,.yml,text/yaml"), .required)
                    }
                    button(.type("submit")) { t(.uploadButton) }
                }
            }
        }
    }

    static func show(_ context: PageContext, version: IndexVersionModel, index: Index) -> HTMLNode {
        let t = context.t
        let say = context.phrases(IndexText.self)
        return Layout.page(context, title: "\(index.title) (\(index.id) v\(version.version))") {
            p {
                "\(t(.maxPoints)): \(index.scale.text(context.language)) · \(index.naPolicy == .rescale ? say(.naRescale) : say(.naKeep)) · "
                "\(t(.indexLeaves)): \(version.leafCount) · "
                if let id = version.id { a(.href(SiteURL.index(.value(id), .yaml).path)) { say(.downloadYAML) } }
            }
            div(.class("table-wrap")) {
                table(.class("tree")) {
                    thead {
                        tr {
                            th(.scope("col")) { t(.criteria) }
                            th(.scope("col"), .class("num")) { t(.maxPoints) }
                            th(.scope("col")) { t(.rule) }
                        }
                    }
                    tbody {
                        for node in index.nodes {
                            tr(.class(node.isLeaf ? "leaf" : "group")) {
                                td(.class("depth-\(min(node.depth, 3))")) { "\(node.code) \(node.title)" }
                                td(.class("num")) { node.max.text(context.language) }
                                td { node.leaf.map { RuleText.describe($0, language: context.language) } ?? "" }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// A rule in words, for people reading an index.
enum RuleText {
    static func sourceText(_ source: InputSource) -> IndexText {
        switch source {
        case .tasksOnTimeRate: .sourceOnTimeRate
        case .tasksDoneLate: .sourceDoneLate
        case .tasksOverdue: .sourceOverdue
        case .survey: .sourceSurvey
        case .leaders: .sourceLeaders
        case .submissionLate: .sourceSubmissionLate
        }
    }

    static func describe(_ leaf: LeafSpec, language: Lang) -> String {
        let say = language.phrases(IndexText.self)
        func n(_ value: DecimalNumber) -> String { value.text(language) }
        var text: String = switch leaf.rule {
        case let .manual(step): say(.ruleManual, n(step))
        case .yesno: say(.ruleYesNo)
        case let .tiers(tiers): tiers.map { "≥ \(n($0.min)) → \(n($0.points))" }.joined(separator: "; ")
        case let .ratio(target): say(.ruleRatio, n(target))
        case let .count(per, cap): say(.rulePerItem, n(per)) + (cap.map { say(.ruleCap, n($0)) } ?? "")
        case let .deduct(per): say(.ruleDeduct, n(per))
        case .percent: say(.rulePercent)
        case let .levels(levels): levels.map { "\($0.code) → \(n($0.points))" }.joined(separator: "; ")
        }
        if leaf.evidenceRequired { text += say(.evidenceRequired) }
        if let source = leaf.source { text += " · " + say(sourceText(source)) }
        return text
    }
}
