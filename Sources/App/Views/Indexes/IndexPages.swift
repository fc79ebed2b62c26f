import ChiSoCore
import Foundation

/// Index versions, the drafts being written, and one index's tree.
enum IndexPages {
    struct ListModel {
        var versions: [IndexVersionModel]
        var drafts: [IndexDraftModel]
        var canManage: Bool
        /// A refused file's problems, one per line.
        var problems: [String]
        var fileName: String?
    }

    static func list(_ context: PageContext, model: ListModel) -> HTMLNode {
        let t = context.t
        let say = context.phrases(IndexAuthoringText.self)
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
                        for version in model.versions {
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
            if model.versions.count > 1 { p { a(.href(SiteURL.indexComparison.path)) { say(.compareLink) } } }
            if model.canManage {
                if !model.problems.isEmpty {
                    div(.class("errors"), .role("alert"), .id("problems")) {
                        p { model.fileName.map { "\(t(.indexRejected)) (\($0))" } ?? t(.indexRejected) }
                        pre(.class("problems")) { model.problems.joined(separator: "\n") }
                    }
                }
                if !model.drafts.isEmpty {
                    h2 { say(.draftsHeading) }
                    ul {
                        for draft in model.drafts {
                            li {
                                a(.href(SiteURL.indexDraft(.value(draft.id!), .show).path)) { draft.title }
                                " — " + say(.draftUpdated, String(draft.revision), draft.updatedAt.map(Formats.dateTime) ?? "")
                            }
                        }
                    }
                }
                h2 { say(.newDraftHeading) }
                if !model.versions.isEmpty {
                    form(.method("post"), .action(SiteURL.indexDrafts.path)) {
                        Layout.csrfField(context)
                        div(.class("field")) {
                            label(.for("clone-from")) { say(.cloneLabel) }
                            select(.id("clone-from"), .name("from")) {
                                for version in model.versions {
                                    option(.value(version.id!.uuidString)) { "\(version.code) v\(version.version) — \(version.title)" }
                                }
                            }
                        }
                        button(.type("submit")) { say(.cloneButton) }
                    }
                }
                form(.method("post"), .action(SiteURL.indexDrafts.path), .enctype("multipart/form-data")) {
                    Layout.csrfField(context)
                    div(.class("field")) {
                        label(.for("draft-file")) { say(.fileLabel) }
                        input(.type("file"), .id("draft-file"), .name("file"), .accept(Self.accepted), .required)
                    }
                    button(.type("submit")) { say(.fileButton) }
                }
                h2 { t(.uploadIndex) }
                form(.method("post"), .action(SiteURL.indexes.path), .enctype("multipart/form-data")) {
                    Layout.csrfField(context)
                    div(.class("field")) {
                        label(.for("file")) { t(.indexFile) }
                        small(.id("file-hint")) { say(.uploadHint) }
                        input(.type("file"), .id("file"), .name("file"), .accept(Self.accepted), .required, .aria("describedby", "file-hint"))
                    }
                    button(.type("submit")) { t(.uploadButton) }
                }
            }
        }
    }

    /// The files an index may come as.
    static let accepted = ".yaml,.yml,.xlsx,text/yaml,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    struct ShowModel {
        var version: IndexVersionModel
        var index: Index
        /// The periods that use it.
        var periods: [PeriodModel]
        /// Every other version, to compare with.
        var others: [IndexVersionModel]
        var canManage: Bool
    }

    static func show(_ context: PageContext, model: ShowModel) -> HTMLNode {
        let t = context.t
        let say = context.phrases(IndexText.self)
        let authoring = context.phrases(IndexAuthoringText.self)
        let (version, index) = (model.version, model.index)
        let id = version.id!
        return Layout.page(context, title: "\(index.title) (\(index.id) v\(version.version))") {
            p {
                "\(t(.maxPoints)): \(index.scale.text(context.language)) · \(index.naPolicy == .rescale ? say(.naRescale) : say(.naKeep)) · "
                "\(t(.indexLeaves)): \(version.leafCount) · "
                a(.href(SiteURL.index(.value(id), .yaml).path)) { say(.downloadYAML) }
                " · "
                a(.href(SiteURL.index(.value(id), .xlsx).path)) { authoring(.downloadXLSX) }
            }
            p { model.periods.isEmpty ? authoring(.notUsed) : authoring(.usedBy, model.periods.map(\.name).joined(separator: ", ")) }
            if !model.others.isEmpty {
                form(.method("get"), .action(SiteURL.indexComparison.path), .class("inline")) {
                    input(.type("hidden"), .name("to"), .value(id.uuidString))
                    label(.for("compare-from")) { authoring(.compareLink) + ": " + authoring(.fromLabel) }
                    select(.id("compare-from"), .name("from")) {
                        for other in model.others { option(.value(other.id!.uuidString)) { "\(other.code) v\(other.version)" } }
                    }
                    button(.type("submit")) { authoring(.compareButton) }
                }
            }
            if model.canManage {
                div(.class("actions")) {
                    form(.method("post"), .action(SiteURL.indexDrafts.path), .class("inline")) {
                        Layout.csrfField(context)
                        input(.type("hidden"), .name("from"), .value(id.uuidString))
                        button(.type("submit")) { authoring(.cloneThis) }
                    }
                    if !model.others.isEmpty {
                        a(.href(SiteURL.index(.value(id), .mapping).path)) { authoring(.mappingLink) }
                    }
                }
                if model.periods.isEmpty {
                    form(.method("post"), .action(SiteURL.index(.value(id), .withdraw).path)) {
                        Layout.csrfField(context)
                        Fields.confirmation(authoring(.withdrawConfirm), id: "withdraw-confirm")
                        button(.type("submit"), .class("danger")) { authoring(.withdrawButton) }
                    }
                }
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
