import ChiSoCore
import Foundation

/// Monitoring: every agency's provisional score and task deadlines, and one
/// agency's detail with its monthly trend.
enum MonitoringPages {
    static func monthLabel(_ month: String) -> String {
        let parts = month.split(separator: "-")
        return parts.count == 2 ? "\(parts[1])/\(parts[0])" : month
    }

    static func overview(_ context: PageContext, periods: [PeriodModel], period: PeriodModel?, asOf: CivilDate,
                         scores: [ProvisionalScore], history: [UUID: [ScoreSnapshotModel]], closed: [AssessmentModel] = []) -> HTMLNode {
        let say = context.phrases(MonitoringText.self)
        return Layout.page(context, title: say(.title)) {
            if let period {
                // Data not yet declared complete: every score below is provisional on them.
                let pending = Set(scores.flatMap(\.pending)).sorted()
                if !pending.isEmpty {
                    p(.class("notice provisional"), .role("note")) {
                        context.phrases(PublicationText.self)(.provisionalData, pending.map { $0.name(context.language) }.joined(separator: ", "))
                    }
                }
                ranking(context, periods: periods, period: period, asOf: asOf, scores: scores, history: history)
                if !closed.isEmpty {
                    let notRanked = context.phrases(PeriodAdminText.self)
                    section(.id("not-ranked")) {
                        h2 { notRanked(.notRankedHeading) }
                        ul { for assessment in closed { li { notRanked(.notRankedRow, assessment.agency.name, assessment.closedReason ?? "") } } }
                    }
                }
            } else {
                p { say(.noOpenPeriod) }
            }
        }
    }

    @HTMLBuilder
    static func ranking(_ context: PageContext, periods: [PeriodModel], period: PeriodModel, asOf: CivilDate,
                        scores: [ProvisionalScore], history: [UUID: [ScoreSnapshotModel]]) -> HTMLNode {
        let say = context.phrases(MonitoringText.self)
        let language = context.language
            form(.method("get"), .action(SiteURL.monitoring.path), .class("filters")) {
                div(.class("field")) {
                    label(.for("period")) { say(.period) }
                    select(.id("period"), .name("period")) {
                        for item in periods {
                            option(.value(item.id!.uuidString), Attribute.when(item.id == period.id, .selected)) { item.name }
                        }
                    }
                }
                button(.type("submit")) { say(.show) }
            }
            p {
                say(.provisionalExplanation, asOf.vietnamese)
            }
            div(.class("table-wrap")) {
                table {
                    caption { "\(period.name) — \(say(.rankWithinGroup))" }
                    thead {
                        tr {
                            th(.scope("col")) { say(.group) }
                            th(.scope("col"), .class("num")) { say(.rank) }
                            th(.scope("col")) { say(.agency) }
                            th(.scope("col"), .class("num")) { say(.provisional) }
                            th(.scope("col")) { say(.scoreClass) }
                            th(.scope("col"), .class("num")) { say(.tasksOverdue) }
                            th(.scope("col"), .class("num")) { say(.dueInSevenDays) }
                            th(.scope("col"), .class("hide-small")) { say(.trend) }
                        }
                    }
                    tbody {
                        for score in scores {
                            let past = (history[score.agency.id!] ?? []).compactMap { try? DecimalNumber.parse($0.total) }
                            tr {
                                td { context.identity.groupName(score.agency.group, context.language) }
                                td(.class("num")) { String(score.rank) }
                                td { a(.href(SiteURL.monitoringAgency(period: .value(period.id!), agency: .value(score.agency.id!)).path)) { score.agency.name } }
                                td(.class("num")) { Formats.score(score.score.final, language) }
                                td { score.scoreClass.title }
                                td(.class((score.tasks?.openOverdue ?? 0) > 0 ? "num bad" : "num")) { score.tasks.map { String($0.openOverdue) } ?? "—" }
                                td(.class("num")) { score.tasks.map { String($0.dueSoon) } ?? "—" }
                                td(.class("hide-small")) {
                                    Charts.sparkline(past + [score.score.final], scale: score.index.scale,
                                                     label: (past + [score.score.final]).map { Formats.score($0, language) }.joined(separator: " → "))
                                }
                            }
                        }
                    }
                }
            }
    }

    static func agency(_ context: PageContext, period: PeriodModel, asOf: CivilDate, score: ProvisionalScore, groupSize: Int,
                       watch: [TaskController.Row], history: [ScoreSnapshotModel], forerunners: [PreviousResult] = [],
                       earlier: [Charts.Point] = []) -> HTMLNode {
        let say = context.phrases(MonitoringText.self)
        let language = context.language
        let index = score.index
        return Layout.page(context, title: "\(score.agency.name) · \(period.name)") {
            ResultsPages.forerunnerStatement(context, agency: score.agency, forerunners: forerunners)
            if !score.pending.isEmpty {
                p(.class("notice provisional"), .role("note")) {
                    context.phrases(PublicationText.self)(.provisionalData, score.pending.map { $0.name(language) }.joined(separator: ", "))
                }
            }
            div(.class("summary")) {
                div(.class("card")) {
                    p { say(.provisionalScoreAsOf, asOf.vietnamese) }
                    p(.class("total")) { strong { Formats.score(score.score.final, language) } }
                    p { "\(score.scoreClass.title) · \(say(.rankWord)) \(score.rank)/\(groupSize)" }
                }
                if let tasks = score.tasks {
                    div(.class("card")) {
                        p { say(.tasksDueInPeriod) }
                        p(.class("total")) { strong { "\(tasks.doneOnTime)/\(tasks.due)" } }
                        p {
                            say(.onTimeBreakdown, "\(tasks.doneLate)", "\(tasks.openOverdue)")
                        }
                    }
                }
            }
            h2 { say(.monthByMonth) }
            // The years before (final results), then this period's months, then today.
            let points = earlier + history.compactMap { snapshot in
                (try? DecimalNumber.parse(snapshot.total)).map { Charts.Point(label: monthLabel(snapshot.month), value: $0) }
            } + [Charts.Point(label: say(.today), value: score.score.final)]
            Charts.trend(points, scale: index.scale, title: say(.trendTitle, score.agency.name),
                         id: "trend", language: language)
            div(.class("table-wrap")) {
                table {
                    caption { say(.chartFigures) }
                    thead {
                        tr {
                            th(.scope("col")) { say(.month) }
                            th(.scope("col"), .class("num")) { say(.score) }
                            th(.scope("col")) { say(.scoreClass) }
                            th(.scope("col"), .class("num")) { say(.tasksOnTimeOfDue) }
                            th(.scope("col"), .class("num")) { say(.overdue) }
                        }
                    }
                    tbody {
                        for snapshot in history {
                            tr {
                                td { monthLabel(snapshot.month) }
                                td(.class("num")) { (try? DecimalNumber.parse(snapshot.total)).map { Formats.score($0, language) } ?? snapshot.total }
                                td { index.classes.first { $0.code == snapshot.classCode }?.title ?? snapshot.classCode }
                                td(.class("num")) { "\(snapshot.tasksOnTime)/\(snapshot.tasksDue)" }
                                td(.class("num")) { String(snapshot.tasksOverdue) }
                            }
                        }
                    }
                }
            }
            h2 { say(.pointsByField) }
            div(.class("table-wrap")) {
                table {
                    thead {
                        tr {
                            th(.scope("col")) { say(.field) }
                            th(.scope("col"), .class("num")) { say(.points) }
                            th(.scope("col"), .class("num")) { say(.max) }
                        }
                    }
                    tbody {
                        for (position, node) in index.nodes.enumerated() where node.depth == 0 {
                            let result = score.score.nodes[position]
                            tr {
                                td { "\(node.code) \(node.title)" }
                                td(.class("num")) { result.applicable ? Formats.score(result.points, language) : context.t(.notApplicable) }
                                td(.class("num")) { Formats.score(result.applicableMax, language) }
                            }
                        }
                    }
                }
            }
            h2 { say(.tasksToWatch) }
            if watch.isEmpty {
                p { say(.nothingToWatch) }
            } else {
                ul(.class("tasks")) {
                    for row in watch {
                        li {
                            span(.class(TaskPages.statusClass(row.status))) { row.status.label(language) }
                            " "
                            a(.href(SiteURL.task(.value(row.model.id!), .show).path)) { row.model.content }
                            " — " + say(.due) + row.task.effectiveDeadline.vietnamese
                        }
                    }
                }
            }
            p { a(.href(SiteURL.tasks.path + "?agency=\(score.agency.code)&asOf=\(asOf.iso)")) { say(.allAgencyTasks) } }
        }
    }
}
