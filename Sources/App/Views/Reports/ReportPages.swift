import ChiSoCore
import Foundation

/// The printed ranking report of a group and one agency's score sheet.
enum ReportPages {
    static func ranking(_ context: PageContext, period: PeriodModel, group: GroupResults, province: String, madeOn: Date) -> HTMLNode {
        let vi = context.language == .vietnamese
        let language = context.language
        return PrintLayout.document(language: language, title: vi ? "Kết quả đánh giá, xếp hạng chất lượng hoạt động" : "Quality of operations: results and ranking",
                                    subtitle: "\(group.index.title) · \(period.name)", province: province, madeOn: madeOn) {
            table {
                thead {
                    tr {
                        th(.scope("col"), .class("num")) { vi ? "Hạng" : "Rank" }
                        th(.scope("col")) { vi ? "Đơn vị" : "Agency" }
                        th(.scope("col"), .class("num")) { vi ? "Điểm chuẩn hoá" : "Normalised" }
                        th(.scope("col"), .class("num")) { vi ? "Điểm thưởng" : "Bonus" }
                        th(.scope("col"), .class("num")) { vi ? "Điểm trừ" : "Deduction" }
                        th(.scope("col"), .class("num")) { vi ? "Tổng điểm" : "Final" }
                        th(.scope("col")) { vi ? "Xếp loại" : "Class" }
                        th(.scope("col")) { vi ? "Đề xuất người đứng đầu" : "Head's proposal" }
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
                            td { scoreClass.title }
                            td { scoreClass.leaderRating.flatMap(IndividualRating.init(rawValue:))?.title(language) ?? "—" }
                        }
                    }
                }
            }
            p {
                vi ? "Đề xuất xếp loại người đứng đầu là đề xuất để cấp có thẩm quyền xem xét, quyết định."
                    : "The heads' ratings are proposals for the competent authority to decide."
            }
        }
    }

    static func scoreSheet(_ context: PageContext, model: ResultsPages.AgencyModel, province: String, madeOn: Date) -> HTMLNode {
        let vi = context.language == .vietnamese
        let language = context.language
        let record = model.record
        let scoreClass = record.index.classes[model.final.classPosition]
        return PrintLayout.document(language: language, title: vi ? "Phiếu điểm đánh giá chất lượng hoạt động" : "Quality of operations score sheet",
                                    subtitle: "\(record.agency.name) · \(record.period.name)", province: province, madeOn: madeOn) {
            p {
                strong { vi ? "Tổng điểm: " : "Final score: " }
                Formats.score(model.final.final, language)
                " · " + scoreClass.title + " · " + (vi ? "hạng \(model.rank)/\(model.groupSize) trong khối" : "rank \(model.rank)/\(model.groupSize) in the group")
                br()
                (vi ? "Tự chấm " : "Self ") + Formats.score(model.selfScore.final, language)
                (vi ? " · thẩm định sơ bộ " : " · preliminary ") + Formats.score(model.preliminary.final, language)
            }
            ResultsPages.breakdown(context, model: model, explanation: ScoreExplanation(index: record.index, language: language))
            ResultsPages.proposals(context, model: model)
        }
    }
}
