import ChiSoCore
import Foundation

/// The public results pages.
enum PublicPages {
    static func periods(_ context: PageContext, periods: [PeriodModel]) -> HTMLNode {
        let say = context.phrases(PublicText.self)
        return Layout.page(context, title: say(.title)) {
            if periods.isEmpty {
                p { say(.nothingPublished) }
            } else {
                ul { for period in periods { li { a(.href(SiteURL.publicPeriod(.value(period.id!)).path)) { period.name } } } }
            }
        }
    }

    static func period(_ context: PageContext, period: PeriodModel, groups: [GroupResults], decision: PeriodDecision?) -> HTMLNode {
        let say = context.phrases(PublicText.self)
        let report = context.phrases(ReportText.self)
        let language = context.language
        return Layout.page(context, title: say(.periodTitle, period.name)) {
            p { a(.href(SiteURL.publicPeriods.path)) { say(.publishedPeriodsLink) } }
            DecisionLine.view(context, periodID: period.id!, decision: decision)
            for group in groups where !group.members.isEmpty {
                h2 { group.index.title }
                let counts = Dictionary(grouping: group.report.scores, by: \.classPosition).mapValues(\.count)
                p {
                    group.index.classes.enumerated().map { position, scoreClass in "\(scoreClass.title): \(counts[position] ?? 0)" }
                        .joined(separator: " · ")
                }
                div(.class("table-wrap")) {
                    table {
                        thead {
                            tr {
                                th(.scope("col"), .class("num")) { say(.rankColumn) }
                                th(.scope("col")) { say(.agencyColumn) }
                                th(.scope("col"), .class("num")) { say(.scoreColumn) }
                                th(.scope("col")) { say(.classColumn) }
                                th(.scope("col"), .class("num hide-small")) { report(.bonusColumn) }
                                th(.scope("col"), .class("num hide-small")) { report(.deductionColumn) }
                            }
                        }
                        tbody {
                            for entry in group.ranked {
                                let score = group.report.scores[entry.position]
                                tr {
                                    td(.class("num")) { String(entry.rank) }
                                    td { group.members[entry.position].agency.name }
                                    td(.class("num")) { Formats.score(score.final, language) }
                                    td { group.index.classes[score.classPosition].title }
                                    td(.class("num hide-small")) { Formats.score(score.bonus, language) }
                                    td(.class("num hide-small")) { Formats.score(score.deduction, language) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
