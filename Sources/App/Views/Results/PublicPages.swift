import ChiSoCore
import Foundation

/// The public results pages.
enum PublicPages {
    static func periods(_ context: PageContext, periods: [PeriodModel]) -> HTMLNode {
        let vi = context.language == .vietnamese
        return Layout.page(context, title: vi ? "Kết quả đánh giá đã công bố" : "Published results") {
            if periods.isEmpty {
                p { vi ? "Chưa có kỳ đánh giá nào được công bố." : "No period has been published yet." }
            } else {
                ul { for period in periods { li { a(.href("/public/periods/\(period.id!)")) { period.name } } } }
            }
        }
    }

    static func period(_ context: PageContext, period: PeriodModel, groups: [GroupResults]) -> HTMLNode {
        let vi = context.language == .vietnamese
        let language = context.language
        return Layout.page(context, title: vi ? "Kết quả đánh giá \(period.name)" : "Results \(period.name)") {
            p { a(.href("/public")) { vi ? "← Các kỳ đã công bố" : "← Published periods" } }
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
                                th(.scope("col"), .class("num")) { vi ? "Hạng" : "Rank" }
                                th(.scope("col")) { vi ? "Đơn vị" : "Agency" }
                                th(.scope("col"), .class("num")) { vi ? "Điểm" : "Score" }
                                th(.scope("col")) { vi ? "Xếp loại" : "Class" }
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
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
