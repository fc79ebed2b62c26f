import ChiSoCore
import Foundation

/// Two index versions compared, and the criterion mapping between them.
enum IndexComparisonPages {
    static func versionChoice(_ label: String, name: String, versions: [IndexVersionModel], chosen: UUID?) -> HTMLNode {
        div(.class("field")) {
            H.el("label", [.for("compare-\(name)")]) { label }
            select(.id("compare-\(name)"), .name(name)) {
                for version in versions {
                    option(.value(version.id!.uuidString), Attribute.when(version.id == chosen, .selected)) {
                        "\(version.code) v\(version.version) — \(version.title)"
                    }
                }
            }
        }
    }

    static func compare(_ context: PageContext, versions: [IndexVersionModel],
                        pair: (old: IndexVersionModel, new: IndexVersionModel, comparison: IndexComparison, written: Bool)?,
                        canManage: Bool) -> HTMLNode {
        let say = context.phrases(IndexAuthoringText.self)
        let language = context.language
        return Layout.page(context, title: say(.compareTitle)) {
            form(.method("get"), .action(SiteURL.indexComparison.path)) {
                div(.class("grid")) {
                    versionChoice(say(.fromLabel), name: "from", versions: versions, chosen: pair?.old.id ?? versions.dropFirst().first?.id)
                    versionChoice(say(.toLabel), name: "to", versions: versions, chosen: pair?.new.id ?? versions.first?.id)
                }
                button(.type("submit")) { say(.compareButton) }
            }
            if let pair {
                let (old, new, comparison) = (pair.old, pair.new, pair.comparison)
                h2 { "\(old.code) v\(old.version) → \(new.code) v\(new.version)" }
                p {
                    pair.written ? say(.writtenMapping) : say(.defaultMapping)
                    if canManage {
                        " "
                        a(.href(SiteURL.index(.value(new.id!), .mapping).path + "?from=\(old.id!.uuidString)")) { say(.editMapping) }
                    }
                }
                p {
                    a(.href(SiteURL.indexComparisonXLSX.path + "?from=\(old.id!.uuidString)&to=\(new.id!.uuidString)"), .class("button secondary")) {
                        say(.downloadComparison)
                    }
                }
                if comparison.rows.isEmpty && comparison.settings.isEmpty {
                    p(.class("notice")) { say(.nothingChanged) }
                } else {
                    div(.class("table-wrap")) {
                        table(.class("tree")) {
                            thead {
                                tr {
                                    th(.scope("col")) { say(.kindColumn) }
                                    th(.scope("col")) { say(.oldCodeColumn) }
                                    th(.scope("col")) { say(.newCodeColumn) }
                                    th(.scope("col")) { say(.contentColumn) }
                                    th(.scope("col")) { say(.detailColumn) }
                                }
                            }
                            tbody {
                                for change in comparison.settings {
                                    tr {
                                        td { say(.settingsRow) }
                                        td {}
                                        td {}
                                        td { IndexComparison.name(change.property, setting: true, language) }
                                        td { "\(change.before.isEmpty ? "—" : change.before) → \(change.after.isEmpty ? "—" : change.after)" }
                                    }
                                }
                                for row in comparison.rows {
                                    tr(.class("change-\(row.kind.rawValue)")) {
                                        td { IndexComparison.name(row.kind, language) }
                                        td { row.oldCodes.joined(separator: ", ") }
                                        td { row.newCode ?? "" }
                                        td(.class("depth-\(min(row.depth, 3))")) { row.title }
                                        td {
                                            if !row.changes.isEmpty {
                                                ul {
                                                    for change in row.changes {
                                                        li {
                                                            IndexComparison.name(change.property, setting: false, language) + ": "
                                                                + "\(change.before.isEmpty ? "—" : change.before) → \(change.after.isEmpty ? "—" : change.after)"
                                                        }
                                                    }
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
                p { say(.unchangedCount, String(comparison.unchanged)) }
            }
        }
    }

    static func mapping(_ context: PageContext, new: IndexVersionModel, newIndex: Index, others: [IndexVersionModel],
                        old: (version: IndexVersionModel, index: Index, mapping: CriterionMapping, typed: [String: String])?) -> HTMLNode {
        let say = context.phrases(IndexAuthoringText.self)
        let newID = new.id!
        return Layout.page(context, title: say(.mappingTitle, new.code, String(new.version))) {
            p(.class("guidance")) { say(.mappingGuidance) }
            form(.method("get"), .action(SiteURL.index(.value(newID), .mapping).path), .class("inline")) {
                versionChoice(say(.chooseOld), name: "from", versions: others, chosen: old?.version.id)
                button(.type("submit"), .class("secondary")) { say(.showButton) }
            }
            if let old {
                let problems = Set(context.problems.map(\.target))
                form(.method("post"), .action(SiteURL.index(.value(newID), .mapping).path)) {
                    Layout.csrfField(context)
                    input(.type("hidden"), .name("from"), .value(old.version.id!.uuidString))
                    div(.class("table-wrap")) {
                        table(.class("tree")) {
                            thead {
                                tr {
                                    th(.scope("col")) { "\(old.version.code) v\(old.version.version)" }
                                    th(.scope("col")) { say(.newCodesLabel, new.code, String(new.version)) }
                                }
                            }
                            tbody {
                                let titles = Dictionary(newIndex.allCodes.map { ($0, newIndex.title(of: $0) ?? "") }, uniquingKeysWith: { first, _ in first })
                                let depths = Dictionary(old.index.nodes.map { ($0.code, $0.depth) }, uniquingKeysWith: { first, _ in first })
                                for (position, code) in old.index.allCodes.enumerated() {
                                    let field = "to-\(position)"
                                    let value = old.typed[field] ?? old.mapping.targets(of: code).joined(separator: ", ")
                                    let invalid = problems.contains(field)
                                    tr(.class(invalid ? "has-problems" : "")) {
                                        td(.class("depth-\(min(depths[code] ?? 0, 3))")) {
                                            H.el("label", [.for(field)]) { "\(code) \(old.index.title(of: code) ?? "")" }
                                        }
                                        td(.class(invalid ? "field invalid" : "field")) {
                                            input(.type("text"), .id(field), .name(field), .value(value), .maxlength(Limits.name),
                                                  Attribute.when(invalid, .aria("invalid", "true")),
                                                  Attribute.when(invalid && context.problems.first?.target == field, .autofocus))
                                            let targets = IndexNotation.codes(value)
                                            small {
                                                targets.isEmpty ? say(.noCounterpart)
                                                    : targets.map { code in titles[code].map { title in "\(code) \(title)" } ?? code }.joined(separator: "; ")
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                    button(.type("submit")) { say(.saveMapping) }
                }
            }
        }
    }
}
