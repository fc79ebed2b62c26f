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

    static func ratings(_ context: PageContext, period: PeriodModel, subjects: [SourceDataController.Subject], ratings: [LeaderRatingModel],
                        errors: [String: String]) -> HTMLNode {
        let say = context.phrases(SourceDataText.self)
        return Layout.page(context, title: say(.ratingsTitle, period.name)) {
            if subjects.isEmpty {
                p { say(.noLeaderCriteria) }
            }
            Fields.errors(errors.values.sorted())
            for subject in subjects {
                form(.method("post"), .action(SiteURL.period(.value(period.id!), .rating(agency: .value(subject.agency.id!))).path), .class("card rating"),
                     .id("agency-\(subject.agency.code)")) {
                    Layout.csrfField(context)
                    h2 { "\(subject.agency.code) — \(subject.agency.name)" }
                    for criterion in subject.leaderCriteria {
                        let current = ratings.first { $0.$agency.id == subject.agency.id && $0.criterionCode == criterion.code }
                        let id = "level-\(subject.agency.code)-\(criterion.code)"
                        div(.class(errors["\(subject.agency.id!)-\(criterion.code)"] == nil ? "field" : "field invalid")) {
                            label(.for(id)) { "\(criterion.code) \(criterion.title)" }
                            select(.id(id), .name("level-\(criterion.code)")) {
                                option(.value("")) { say(.notRated) }
                                if case let .levels(levels) = criterion.leaf!.rule {
                                    for level in levels {
                                        option(.value(level.code), Attribute.when(current?.level == level.code, .selected)) {
                                            "\(level.code) (\(level.points.text(context.language)) \(say(.points)))"
                                        }
                                    }
                                }
                            }
                            if let current {
                                small { say(.ratedBy, current.ratedBy.displayName, Formats.dateTime(current.ratedAt)) }
                            }
                        }
                    }
                    if period.status != .published { button(.type("submit")) { say(.save) } }
                }
            }
        }
    }
}
