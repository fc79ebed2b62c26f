import ChiSoCore
import Foundation

/// Survey results and leader ratings of a period.
enum SourceDataPages {
    static func surveys(_ context: PageContext, period: PeriodModel, results: [SurveyResultModel], canImport: Bool,
                        problems: [String], limit: String) -> HTMLNode {
        let say = context.phrases(SourceDataText.self)
        return Layout.page(context, title: say(.surveysTitle, period.name)) {
            if results.isEmpty {
                p { say(.noSurveyResults) }
            } else {
                div(.class("table-wrap")) {
                    table {
                        thead {
                            tr {
                                th(.scope("col")) { say(.agency) }
                                th(.scope("col")) { say(.criterion) }
                                th(.scope("col"), .class("num")) { say(.satisfaction) }
                                th(.scope("col")) { say(.survey) }
                                th(.scope("col"), .class("num")) { say(.sample) }
                            }
                        }
                        tbody {
                            for result in results {
                                tr {
                                    td { "\(result.agency.code) — \(result.agency.name)" }
                                    td { result.criterionCode }
                                    td(.class("num")) {
                                        ((try? DecimalNumber.parse(result.percentage)).map { $0.text(context.language) } ?? result.percentage) + "%"
                                    }
                                    td { result.surveyName }
                                    td(.class("num")) { String(result.sampleSize) }
                                }
                            }
                        }
                    }
                }
            }
            if canImport {
                h2 { say(.importSurveyResults) }
                p {
                    say(.importHelp)
                }
                p { limit }
                Fields.errors(problems)
                form(.method("post"), .action(SiteURL.period(.value(period.id!), .surveys).path), .enctype("multipart/form-data")) {
                    Layout.csrfField(context)
                    div(.class("field")) {
                        label(.for("file")) { say(.resultsFile) }
                        input(.type("file"), .id("file"), .name("file"), .accept(".csv,.xlsx"), .required)
                    }
                    button(.type("submit")) { say(.importFile) }
                }
            }
        }
    }
}
