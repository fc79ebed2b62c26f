import ChiSoCore
import Foundation

/// The council's overview.
enum CouncilPage {
    static func view(_ context: PageContext, sections: [(PeriodModel, [CouncilController.Row], [AgencyLeafDifference])]) -> HTMLNode {
        let say = context.phrases(CouncilText.self)
        let language = context.language
        return Layout.page(context, title: say(.title)) {
            if sections.isEmpty { p { say(.noOpenPeriod) } }
            for (period, rows, disagreements) in sections {
                h2 { period.name }
                div(.class("table-wrap")) {
                    table {
                        caption { say(.progressCaption) }
                        thead {
                            tr {
                                th(.scope("col")) { say(.agencyColumn) }
                                th(.scope("col")) { say(.stateColumn) }
                                th(.scope("col"), .class("num")) { say(.appraisedCountColumn) }
                                th(.scope("col"), .class("num")) { say(.selfColumn) }
                                th(.scope("col"), .class("num")) { say(.appraisedColumn) }
                                th(.scope("col"), .class("num")) { say(.differenceColumn) }
                            }
                        }
                        tbody {
                            for row in rows {
                                tr {
                                    td {
                                        a(.href(SiteURL.assessment(.value(row.assessmentID), .appraisal).path)) { row.agency }
                                        if row.ownAgency {
                                            br()
                                            small(.class("conflict")) {
                                                row.actingChair.map { say(.ownAgencyActing, $0) } ?? say(.ownAgencyNobody)
                                            }
                                        }
                                    }
                                    td { row.state.text(context.language) }
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
