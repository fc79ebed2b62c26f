import ChiSoCore
import Foundation

/// The printed ranking report of a group and one agency's score sheet.
enum ReportPages {
    static func ranking(_ context: PageContext, period: PeriodModel, group: GroupResults, origin: OfficialOrigin, madeOn: Date) -> HTMLNode {
        let say = context.phrases(ReportText.self)
        let language = context.language
        return PrintLayout.document(language: language, title: say(.rankingTitle),
                                    subtitle: "\(group.index.title) · \(period.name)", origin: origin, madeOn: madeOn) {
            table {
                thead {
                    tr {
                        th(.scope("col"), .class("num")) { say(.rankColumn) }
                        th(.scope("col")) { say(.agencyColumn) }
                        th(.scope("col"), .class("num")) { say(.normalisedColumn) }
                        th(.scope("col"), .class("num")) { say(.bonusColumn) }
                        th(.scope("col"), .class("num")) { say(.deductionColumn) }
                        th(.scope("col"), .class("num")) { say(.finalColumn) }
                        th(.scope("col")) { say(.classColumn) }
                        th(.scope("col")) { say(.headProposalColumn) }
                    }
                }
                tbody {
                    for entry in group.ranked {
                        let member = group.members[entry.position]
                        let score = group.report.scores[entry.position]
                        let scoreClass = group.index.classes[score.classPosition]
                        tr {
                            td(.class("num")) { String(entry.rank) }
                            td { member.agency.name }
                            td(.class("num")) { Formats.score(score.normalized, language) }
                            td(.class("num")) { Formats.score(score.bonus, language) }
                            td(.class("num")) { Formats.score(score.deduction, language) }
                            td(.class("num")) { strong { Formats.score(score.final, language) } }
                            td {
                                scoreClass.title
                                if let why = ScoreExplanation(index: group.index, language: language).explainClass(in: score) { br(); small { why } }
                            }
                            td { scoreClass.leaderRating.flatMap(IndividualRating.init(rawValue:))?.title(language) ?? "—" }
                        }
                    }
                }
            }
            if !group.closed.isEmpty {
                let notRanked = context.phrases(PeriodAdminText.self)
                p {
                    strong { notRanked(.notRankedHeading) + ": " }
                    group.closed.sorted { $0.agency.code < $1.agency.code }
                        .map { notRanked(.notRankedRow, $0.agency.name, $0.closedReason ?? "") }.joined(separator: "; ")
                }
            }
            p {
                say(.headProposalNote)
            }
        }
    }

    static func scoreSheet(_ context: PageContext, model: ResultsPages.AgencyModel, origin: OfficialOrigin, madeOn: Date) -> HTMLNode {
        let say = context.phrases(ReportText.self)
        let language = context.language
        let record = model.record
        let scoreClass = record.index.classes[model.final.classPosition]
        return PrintLayout.document(language: language, title: say(.scoreSheetTitle),
                                    subtitle: "\(record.agency.name) · \(record.period.name)", origin: origin, madeOn: madeOn) {
            p {
                strong { say(.finalScore) }
                Formats.score(model.final.final, language)
                " · " + scoreClass.title + " · " + say(.rankInGroup, "\(model.rank)", "\(model.groupSize)")
                if let why = ScoreExplanation(index: record.index, language: language).explainClass(in: model.final) {
                    br()
                    why
                }
                br()
                say(.selfScore, Formats.score(model.selfScore.final, language))
                say(.preliminaryScore, Formats.score(model.preliminary.final, language))
            }
            ResultsPages.breakdown(context, model: model, explanation: ScoreExplanation(index: record.index, language: language))
            ResultsPages.proposals(context, model: model)
        }
    }
}
