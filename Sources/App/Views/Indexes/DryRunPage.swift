import ChiSoCore
import Foundation

extension IndexDraftPages {
    struct DryRunModel {
        var draft: IndexDraftModel
        var periods: [PeriodModel]
        var period: PeriodModel?
        var groups: [IndexDryRunController.Group]
        /// The period's groups, to choose one.
        var choices: [String]
        var chosenGroup: String?
        /// The draft's problems (a draft with problems cannot be tried).
        var problems: Int
    }

    static func dryRun(_ context: PageContext, model: DryRunModel) -> HTMLNode {
        let say = context.phrases(IndexAuthoringText.self)
        let language = context.language
        let draftID = model.draft.id!
        return Layout.page(context, title: say(.dryRunTitle, model.draft.title)) {
            p(.class("guidance")) { say(.dryRunGuidance) }
            p { a(.href(SiteURL.indexDraft(.value(draftID), .show).path)) { say(.backToDraft) } }
            if model.problems > 0 {
                p(.class("errors"), .role("alert")) { say(.draftNotValid, String(model.problems)) }
            } else if model.periods.isEmpty {
                p(.class("notice")) { say(.noPublished) }
            } else {
                form(.method("get"), .action(SiteURL.indexDraft(.value(draftID), .dryRun).path)) {
                    div(.class("grid")) {
                        div(.class("field")) {
                            label(.for("dry-period")) { say(.periodLabel) }
                            select(.id("dry-period"), .name("period")) {
                                for period in model.periods {
                                    option(.value(period.id!.uuidString), Attribute.when(period.id == model.period?.id, .selected)) { period.name }
                                }
                            }
                        }
                        div(.class("field")) {
                            label(.for("dry-group")) { say(.groupLabel) }
                            select(.id("dry-group"), .name("group")) {
                                option(.value("")) { say(.groupDefault) }
                                for group in model.choices {
                                    option(.value(group), Attribute.when(group == model.chosenGroup, .selected)) {
                                        context.identity.groupName(group, language)
                                    }
                                }
                            }
                        }
                    }
                    button(.type("submit")) { say(.runButton) }
                }
            }
            for group in model.groups {
                section(.id("dry-run-\(group.name)")) {
                    h2 { say(.groupCaption, context.identity.groupName(group.name, language), group.oldVersion.code, String(group.oldVersion.version)) }
                    p { group.throughOrigins ? say(.throughOrigins) : say(.throughCodes) }
                    let up = group.run.rows.filter { $0.movement > 0 }.count
                    let down = group.run.rows.filter { $0.movement < 0 }.count
                    let reclassed = group.run.rows.filter { $0.before.classTitle != $0.after.classTitle }.count
                    p(.role("status")) { strong { say(.dryRunSummary, String(up), String(down), String(reclassed)) } }
                    div(.class("table-wrap")) {
                        table {
                            thead {
                                tr {
                                    th(.scope("col"), Attribute(name: "rowspan", value: "2")) { say(.agencyColumn) }
                                    th(.scope("colgroup"), Attribute(name: "colspan", value: "3")) { say(.beforeColumn) }
                                    th(.scope("colgroup"), Attribute(name: "colspan", value: "3")) { say(.afterColumn) }
                                    th(.scope("col"), Attribute(name: "rowspan", value: "2")) { say(.movementColumn) }
                                    th(.scope("col"), Attribute(name: "rowspan", value: "2")) { say(.reasonsColumn) }
                                    th(.scope("col"), Attribute(name: "rowspan", value: "2")) { say(.missingColumn) }
                                }
                                tr {
                                    for _ in 0..<2 {
                                        th(.scope("col"), .class("num")) { say(.scoreColumn) }
                                        th(.scope("col")) { say(.classColumn) }
                                        th(.scope("col"), .class("num")) { say(.rankColumn) }
                                    }
                                }
                            }
                            tbody {
                                for row in group.run.rows.sorted(by: { ($0.after.rank, $0.agency.code) < ($1.after.rank, $1.agency.code) }) {
                                    tr {
                                        th(.scope("row")) { row.agency.name }
                                        td(.class("num")) { Formats.score(row.before.final, language) }
                                        td { row.before.classTitle }
                                        td(.class("num")) { String(row.before.rank) }
                                        td(.class("num")) { Formats.score(row.after.final, language) }
                                        td { row.after.classTitle }
                                        td(.class("num")) { String(row.after.rank) }
                                        td(.class(row.movement > 0 ? "moved-up" : row.movement < 0 ? "moved-down" : "")) {
                                            row.movement > 0 ? "↑ " + say(.movedUp, String(row.movement))
                                                : row.movement < 0 ? "↓ " + say(.movedDown, String(-row.movement)) : say(.stayed)
                                        }
                                        td {
                                            row.reasons.map { reason in
                                                let code = reason.newCode ?? say(.removedReason, reason.oldCodes.joined(separator: ", "))
                                                return "\(code): \(Formats.score(reason.before, language)) → \(Formats.score(reason.after, language))"
                                            }.joined(separator: "; ")
                                        }
                                        td { row.missing.joined(separator: ", ") }
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
