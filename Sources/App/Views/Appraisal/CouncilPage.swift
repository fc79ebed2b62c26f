import ChiSoCore
import Foundation

/// The council's overview.
enum CouncilPage {
    static func view(_ context: PageContext, sections: [(PeriodModel, [CouncilController.Row], [AgencyLeafDifference])]) -> HTMLNode {
        let vi = context.language == .vietnamese
        let language = context.language
        return Layout.page(context, title: vi ? "Hội đồng thẩm định" : "Appraisal council") {
            if sections.isEmpty { p { vi ? "Không có kỳ đánh giá nào đang mở." : "No period is open." } }
            for (period, rows, disagreements) in sections {
                h2 { period.name }
                div(.class("table-wrap")) {
                    table {
                        caption { vi ? "Tiến độ thẩm định (chênh lệch lớn nhất trước)" : "Appraisal progress (largest differences first)" }
                        thead {
                            tr {
                                th(.scope("col")) { vi ? "Đơn vị" : "Agency" }
                                th(.scope("col")) { vi ? "Trạng thái" : "State" }
                                th(.scope("col"), .class("num")) { vi ? "Đã thẩm định" : "Appraised" }
                                th(.scope("col"), .class("num")) { vi ? "Tự chấm" : "Self" }
                                th(.scope("col"), .class("num")) { vi ? "Thẩm định" : "Appraised" }
                                th(.scope("col"), .class("num")) { vi ? "Chênh lệch" : "Difference" }
                            }
                        }
                        tbody {
                            for row in rows {
                                tr {
                                    td { a(.href("/assessments/\(row.assessmentID)/appraisal")) { row.agency } }
                                    td { vi ? row.state.vietnamese : row.state.english }
                                    td(.class("num")) { "\(row.appraised)/\(row.leaves)" }
                                    td(.class("num")) { Formats.score(row.selfTotal, language) }
                                    td(.class("num")) { Formats.score(row.appraisedTotal, language) }
                                    td(.class("num")) { Formats.score(row.gap, language) }
                                }
                            }
                        }
                    }
                }
                DifferencesTable.view(context, against: .appraised, rows: disagreements)
            }
        }
    }
}
