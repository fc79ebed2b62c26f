import ChiSoCore
import Foundation

/// Years side by side (``MultiYearController``): an agency's, a group's, a year's quarters or months.
enum MultiYearPages {
    struct SubPeriods: Sendable {
        var year: PeriodModel
        var parts: MultiYearResults
    }

    /// "82,41 · Tốt · 2/15".
    static func cell(_ result: MultiYearResults.Result, _ context: PageContext) -> String {
        "\(Formats.score(result.score.final, context.language)) · \(result.scoreClass.title) · \(result.rank)/\(result.groupSize)"
    }

    static func agency(_ context: PageContext, agency: AgencyModel, rows: [(period: PeriodModel, results: [MultiYearResults.Result])],
                       timeline: AgencyTimeline) -> HTMLNode {
        let say = context.phrases(MultiYearText.self)
        let ancestry = timeline.ancestry(of: agency.code)
        return Layout.page(context, title: say(.agencyTitle, agency.name)) {
            if !ancestry.isEmpty {
                p(.class("guidance"), .id("ancestry")) {
                    say(.ancestry, ancestry.map { "\(timeline.members[$0.code]?.name ?? $0.code) (\($0.code))" }.joined(separator: ", "))
                }
            }
            if rows.allSatisfy({ $0.results.isEmpty }) {
                p { say(.noResults) }
            } else {
                // The final of each year: the agency's own, or its predecessors' average.
                let points = rows.compactMap { period, results -> Charts.Point? in
                    PeriodRollup.average.figure(of: results.map { $0.score.final }).map { Charts.Point(label: period.name, value: $0) }
                }
                if points.count > 1, let scale = rows.flatMap(\.results).last?.index.scale {
                    Charts.trend(points, scale: scale, title: say(.agencyTitle, agency.name), id: "years-trend", language: context.language)
                }
                div(.class("table-wrap")) {
                    table(.id("agency-years")) {
                        caption { say(.agencyCaption) }
                        thead {
                            tr {
                                th(.scope("col")) { say(.periodColumn) }
                                th(.scope("col")) { say(.agencyColumn) }
                                th(.scope("col"), .class("num")) { say(.finalColumn) }
                                th(.scope("col")) { say(.classColumn) }
                                th(.scope("col"), .class("num")) { say(.rankColumn) }
                                th(.scope("col")) { say(.fieldsColumn) }
                            }
                        }
                        tbody {
                            for (period, results) in rows {
                                if results.isEmpty {
                                    tr { th(.scope("row")) { period.name }; td(.colspan(5)) { say(.noResultThatYear) } }
                                }
                                for result in results {
                                    tr {
                                        th(.scope("row")) { period.name }
                                        td { result.agencyCode == agency.code ? result.agencyName : say(.through, result.agencyName) }
                                        td(.class("num")) { Formats.score(result.score.final, context.language) }
                                        td { result.scoreClass.title }
                                        td(.class("num")) { "\(result.rank)/\(result.groupSize)" }
                                        td { result.fields(context.language).map { "\($0.code) \($0.points)" }.joined(separator: "; ") }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    static func group(_ context: PageContext, group: String?, groups: [String], agencies: [String], years: MultiYearResults) -> HTMLNode {
        let say = context.phrases(MultiYearText.self)
        return Layout.page(context, title: say(.groupTitle, group.map { context.identity.groupName($0, context.language) } ?? "")) {
            form(.method("get"), .action(SiteURL.groupYears.path), .class("inline")) {
                div(.class("field")) {
                    label(.for("group")) { say(.groupLabel) }
                    select(.id("group"), .name("group")) {
                        for code in groups {
                            option(.value(code), Attribute.when(code == group, .selected)) { context.identity.groupName(code, context.language) }
                        }
                    }
                }
                button(.type("submit")) { say(.showButton) }
            }
            if agencies.isEmpty || years.periods.isEmpty {
                p { say(.noResults) }
            } else {
                div(.class("table-wrap")) {
                    table(.id("group-years")) {
                        caption { say(.groupCaption) }
                        thead {
                            tr {
                                th(.scope("col")) { say(.agencyColumn) }
                                for period in years.periods { th(.scope("col")) { period.name } }
                            }
                        }
                        tbody {
                            for code in agencies {
                                tr {
                                    th(.scope("row")) { years.timeline.members[code]?.name ?? code }
                                    for period in years.periods {
                                        let results = years.results(for: code, in: period)
                                        td {
                                            if results.isEmpty { "—" }
                                            else if results.count == 1, results[0].agencyCode == code { cell(results[0], context) }
                                            else { say(.through, results.map { "\($0.agencyName) \(Formats.score($0.score.final, context.language))" }.joined(separator: "; ")) }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
                p(.class("guidance")) { say(.groupNote) }
            }
        }
    }

    /// On a year's results page: its quarters (or months) side by side, and the year's figure where the period says how.
    static func subPeriods(_ context: PageContext, _ model: SubPeriods) -> HTMLNode {
        let say = context.phrases(MultiYearText.self)
        let parts = model.parts
        let rollup = model.year.rollup
        let groups = Set(parts.groups.values.flatMap { $0.map(\.group) }).sorted()
        return section(.id("sub-periods")) {
            h2 { say(.subPeriodsHeading) }
            p(.class("guidance")) {
                switch rollup {
                case .sum: say(.rollupSum)
                case .average: say(.rollupAverage)
                case nil: say(.rollupNone)
                }
            }
            for group in groups {
                let codes = parts.agencies(of: group)
                div(.class("table-wrap")) {
                    table(.id("sub-periods-\(group)")) {
                        caption { context.identity.groupName(group, context.language) }
                        thead {
                            tr {
                                th(.scope("col")) { say(.agencyColumn) }
                                for period in parts.periods { th(.scope("col"), .class("num")) { period.name } }
                                if rollup != nil { th(.scope("col"), .class("num")) { say(.yearFigure, model.year.name) } }
                            }
                        }
                        tbody {
                            for code in codes {
                                let finals = parts.periods.map { parts.result(of: code, in: $0)?.score.final }
                                tr {
                                    th(.scope("row")) { parts.timeline.members[code]?.name ?? code }
                                    for final in finals { td(.class("num")) { final.map { Formats.score($0, context.language) } ?? "—" } }
                                    if let rollup {
                                        td(.class("num")) { rollup.figure(of: finals).map { Formats.score($0, context.language) } ?? "—" }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
