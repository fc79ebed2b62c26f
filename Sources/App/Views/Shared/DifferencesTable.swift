import ChiSoCore
import Foundation

/// One leaf of one agency whose points differ between two scorings (self against appraised, or final).
struct AgencyLeafDifference: Sendable {
    var assessmentID: UUID
    var agency: String
    var code: String
    var title: String
    var difference: LeafDifference
    /// The appraiser's comment on the leaf.
    var comment: String?
}

/// The table of the largest differences, as the council's overview and the dashboards show it.
enum DifferencesTable {
    enum Against { case appraised, final }

    /// Self-assessed points against the appraisal's (each leaf linking to its appraisal) or the final ones (to its result).
    static func view(_ context: PageContext, against: Against, rows: [AgencyLeafDifference]) -> HTMLNode {
        let t = context.t
        let language = context.language
        let page: SiteURL.AssessmentPage = against == .appraised ? .appraisal : .results
        guard !rows.isEmpty else { return .empty }
        return HTMLNode.group([
            h3 { t(against == .appraised ? .largestSelfAppraised : .largestSelfFinal) },
            div(.class("table-wrap")) {
                table {
                    thead {
                        tr {
                            th(.scope("col")) { t(.agency) }
                            th(.scope("col")) { t(.criterion) }
                            th(.scope("col"), .class("num")) { t(.selfShort) }
                            th(.scope("col"), .class("num")) { t(against == .appraised ? .appraisedShort : .finalShort) }
                            th(.scope("col")) { t(.comment) }
                        }
                    }
                    tbody {
                        for row in rows {
                            tr {
                                td { row.agency }
                                td { a(.href(SiteURL.assessment(.value(row.assessmentID), page).path + "#leaf-\(row.code)")) { "\(row.code) \(row.title)" } }
                                td(.class("num")) { Formats.score(row.difference.before, language) }
                                td(.class("num")) { Formats.score(row.difference.after, language) }
                                td { row.comment ?? "" }
                            }
                        }
                    }
                }
            },
        ])
    }
}
