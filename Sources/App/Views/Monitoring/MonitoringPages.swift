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
                         scores: [ProvisionalScore], history: [UUID: [ScoreSnapshotModel]]) -> HTMLNode {
        let vi = context.language == .vietnamese
        let language = context.language
        return Layout.page(context, title: vi ? "Theo dõi điểm" : "Monitoring") {
            if let period {
                ranking(context, periods: periods, period: period, asOf: asOf, scores: scores, history: history)
            } else {
                p { vi ? "Chưa có kỳ đánh giá nào đang mở." : "No period is open yet." }
            }
        }
    }

    @HTMLBuilder
    static func ranking(_ context: PageContext, periods: [PeriodModel], period: PeriodModel, asOf: CivilDate,
                        scores: [ProvisionalScore], history: [UUID: [ScoreSnapshotModel]]) -> HTMLNode {
        let vi = context.language == .vietnamese
        let language = context.language
            form(.method("get"), .action("/monitoring"), .class("filters")) {
                div(.class("field")) {
                    label(.for("period")) { vi ? "Kỳ đánh giá" : "Period" }
                    select(.id("period"), .name("period")) {
                        for item in periods {
                            option(.value(item.id!.uuidString), Attribute.when(item.id == period.id, .selected)) { item.name }
                        }
                    }
                }
                button(.type("submit")) { vi ? "Xem" : "Show" }
            }
            p {
                vi ? "Điểm tạm tính theo số liệu tính đến ngày \(asOf.vietnamese): phần đơn vị đã tự chấm và các tiêu chí lấy số liệu tự động (nhiệm vụ, điều tra, lãnh đạo đánh giá). Đây không phải kết quả chính thức."
                    : "Provisional scores from the data as of \(asOf.vietnamese): what agencies have entered so far and the criteria fed by data (tasks, surveys, leader ratings). Not an official result."
            }
            div(.class("table-wrap")) {
                table {
                    caption { "\(period.name) — \(vi ? "xếp hạng trong khối" : "rank within group")" }
                    thead {
                        tr {
                            th(.scope("col")) { vi ? "Khối" : "Group" }
                            th(.scope("col"), .class("num")) { vi ? "Hạng" : "Rank" }
                            th(.scope("col")) { vi ? "Đơn vị" : "Agency" }
                            th(.scope("col"), .class("num")) { vi ? "Điểm tạm tính" : "Provisional" }
                            th(.scope("col")) { vi ? "Xếp loại" : "Class" }
                            th(.scope("col"), .class("num")) { vi ? "NV quá hạn" : "Tasks overdue" }
                            th(.scope("col"), .class("num")) { vi ? "Đến hạn trong 7 ngày" : "Due in 7 days" }
                            th(.scope("col"), .class("hide-small")) { vi ? "Diễn biến" : "Trend" }
                        }
                    }
                    tbody {
                        for score in scores {
                            let past = (history[score.agency.id!] ?? []).compactMap { try? DecimalNumber.parse($0.total) }
                            tr {
                                td { score.agency.group }
                                td(.class("num")) { String(score.rank) }
                                td { a(.href("/monitoring/\(period.id!)/agencies/\(score.agency.id!)")) { score.agency.name } }
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
                       watch: [TaskController.Row], history: [ScoreSnapshotModel]) -> HTMLNode {
        let vi = context.language == .vietnamese
        let language = context.language
        let index = score.index
        return Layout.page(context, title: "\(score.agency.name) · \(period.name)") {
            div(.class("summary")) {
                div(.class("card")) {
                    p { vi ? "Điểm tạm tính (\(asOf.vietnamese))" : "Provisional score (\(asOf.vietnamese))" }
                    p(.class("total")) { strong { Formats.score(score.score.final, language) } }
                    p { "\(score.scoreClass.title) · \(vi ? "hạng" : "rank") \(score.rank)/\(groupSize)" }
                }
                if let tasks = score.tasks {
                    div(.class("card")) {
                        p { vi ? "Nhiệm vụ đến hạn trong kỳ" : "Tasks due in the period" }
                        p(.class("total")) { strong { "\(tasks.doneOnTime)/\(tasks.due)" } }
                        p {
                            vi ? "đúng hạn; \(tasks.doneLate) hoàn thành quá hạn, \(tasks.openOverdue) chưa hoàn thành đã quá hạn"
                                : "on time; \(tasks.doneLate) done late, \(tasks.openOverdue) overdue and not done"
                        }
                    }
                }
            }
            h2 { vi ? "Diễn biến theo tháng" : "Month by month" }
            let points = history.compactMap { snapshot in
                (try? DecimalNumber.parse(snapshot.total)).map { Charts.Point(label: monthLabel(snapshot.month), value: $0) }
            } + [Charts.Point(label: vi ? "Hôm nay" : "Today", value: score.score.final)]
            Charts.trend(points, scale: index.scale, title: vi ? "Điểm tạm tính của \(score.agency.name) theo tháng" : "\(score.agency.name)'s provisional score by month",
                         id: "trend", language: language)
            div(.class("table-wrap")) {
                table {
                    caption { vi ? "Số liệu của biểu đồ" : "The chart's figures" }
                    thead {
                        tr {
                            th(.scope("col")) { vi ? "Tháng" : "Month" }
                            th(.scope("col"), .class("num")) { vi ? "Điểm" : "Score" }
                            th(.scope("col")) { vi ? "Xếp loại" : "Class" }
                            th(.scope("col"), .class("num")) { vi ? "NV đúng hạn / đến hạn" : "Tasks on time / due" }
                            th(.scope("col"), .class("num")) { vi ? "NV quá hạn" : "Overdue" }
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
            h2 { vi ? "Điểm theo lĩnh vực" : "Points by field" }
            div(.class("table-wrap")) {
                table {
                    thead {
                        tr {
                            th(.scope("col")) { vi ? "Lĩnh vực" : "Field" }
                            th(.scope("col"), .class("num")) { vi ? "Điểm" : "Points" }
                            th(.scope("col"), .class("num")) { vi ? "Tối đa" : "Max" }
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
            h2 { vi ? "Nhiệm vụ cần chú ý" : "Tasks to watch" }
            if watch.isEmpty {
                p { vi ? "Không có nhiệm vụ quá hạn hay đến hạn trong 7 ngày tới." : "No task overdue or due within 7 days." }
            } else {
                ul(.class("tasks")) {
                    for row in watch {
                        li {
                            span(.class(TaskPages.statusClass(row.status))) { row.status.label(language) }
                            " "
                            a(.href("/tasks/\(row.model.id!)")) { row.model.content }
                            " — " + (vi ? "hạn " : "due ") + row.task.effectiveDeadline.vietnamese
                        }
                    }
                }
            }
            p { a(.href("/tasks?agency=\(score.agency.code)&asOf=\(asOf.iso)")) { vi ? "Tất cả nhiệm vụ của đơn vị" : "All the agency's tasks" } }
        }
    }
}
