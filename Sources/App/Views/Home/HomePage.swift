import ChiSoCore
import Foundation

/// The home page.
enum HomePage {
    struct AssessmentRow {
        var id: UUID
        var period: String
        var state: AssessmentState
        var finalScore: DecimalNumber?
        var classCode: String?
    }

    struct Model {
        var now: Date
        var inbox: [InboxQueries.Item] = []
        var periods: [PeriodModel]
        var ownAssessments: [AssessmentRow]
        /// Deadlines moved in the open periods, latest first, with the organiser's reason.
        var deadlineChanges: [PeriodDeadlineChangeModel] = []
    }

    static func view(_ context: PageContext, model: Model) -> HTMLNode {
        let t = context.t
        let say = context.phrases(InboxText.self)
        let user = context.user!
        return Layout.page(context, title: t(.homeTitle)) {
            if !model.inbox.isEmpty {
                section(.class("inbox"), .aria("labelledby", "inbox-title")) {
                    h2(.id("inbox-title")) { say(.title) }
                    ul {
                        for item in model.inbox {
                            li(.class(item.urgent ? "urgent" : "")) { a(.href(item.link)) { item.text } }
                        }
                    }
                }
            }
            if !model.deadlineChanges.isEmpty {
                let changed = context.phrases(PeriodAdminText.self)
                section(.class("notice"), .id("deadline-changes"), .aria("labelledby", "deadline-changes-title")) {
                    h2(.id("deadline-changes-title")) { changed(.homeChangesHeading) }
                    ul {
                        for change in model.deadlineChanges {
                            li {
                                changed(.homeChangeRow, change.period.name, PeriodAdminSection.deadlineName(change.deadline, changed),
                                        Formats.date(change.before), Formats.date(change.after), change.reason)
                            }
                        }
                    }
                }
            }
            dl(.class("who-am-i")) {
                dt { t(.yourAgency) }
                dd { "\(user.agencyName) (\(user.agencyCode))" }
                dt { t(.yourRoles) }
                dd { user.roles.sorted().map { Labels.role($0, context.language) }.joined(separator: ", ") }
            }
            if !model.ownAssessments.isEmpty {
                h2 { t(.assessments) }
                div(.class("table-wrap")) {
                    table {
                        thead { tr { th(.scope("col")) { t(.periods) }; th(.scope("col")) { t(.state) }; th(.scope("col"), .class("num")) { t(.score) } } }
                        tbody {
                            for row in model.ownAssessments {
                                tr {
                                    td { a(.href(SiteURL.assessment(.value(row.id), .show).path)) { row.period } }
                                    td { context.language == .vietnamese ? row.state.vietnamese : row.state.english }
                                    td(.class("num")) { row.finalScore.map { Formats.score($0, context.language) + " " + (row.classCode ?? "") } ?? "—" }
                                }
                            }
                        }
                    }
                }
            }
            h2 { t(.currentPeriods) }
            if model.periods.isEmpty {
                p { t(.noPeriods) }
            } else {
                div(.class("cards")) {
                    for period in model.periods {
                        section(.class("card")) {
                            h3 { period.name }
                            p { span(.class("badge")) { PeriodLabels.status(period.status, t) } }
                            ul {
                                deadline(t(.selfDeadline), period.selfAssessmentDeadline, model.now, context, running: period.isRunning)
                                deadline(t(.appraisalDeadline), period.appraisalDeadline, model.now, context, running: period.isRunning)
                                deadline(t(.explanationDeadline), period.explanationDeadline, model.now, context, running: period.isRunning)
                            }
                        }
                    }
                }
            }
        }
    }

    /// A deadline with its countdown while the period runs (a finished period shows only dates).
    static func deadline(_ label: String, _ date: Date, _ now: Date, _ context: PageContext, running: Bool) -> HTMLNode {
        let days = Formats.daysLeft(until: date, now: now)
        return li {
            "\(label): "
            time(.datetime(Formats.isoDate(date))) { Formats.date(date) }
            if !running {
                ""
            } else if days >= 0 {
                " (\(context.t.format(.daysLeft, String(days))))"
            } else {
                span(.class("late")) { " (\(context.t(.overdue)))" }
            }
        }
    }
}

extension PeriodModel {
    /// Draft or open: its deadlines still matter.
    var isRunning: Bool { status == .draft || status == .open }
}

enum PeriodLabels {
    static func status(_ status: PeriodModel.Status, _ t: Catalogue) -> String {
        switch status {
        case .draft: t(.statusDraft)
        case .open: t(.statusOpen)
        case .closed: t(.statusClosed)
        case .published: t(.statusPublished)
        }
    }

    static func kind(_ kind: PeriodModel.Kind, _ t: Catalogue) -> String {
        switch kind {
        case .year: t(.kindYear)
        case .quarter: t(.kindQuarter)
        case .month: t(.kindMonth)
        }
    }
}
