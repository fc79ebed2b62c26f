import ChiSoCore
import Foundation

/// The dashboards: the province's (every group) and an agency's own.
enum DashboardPage {
    static func empty(_ context: PageContext) -> HTMLNode {
        let say = context.phrases(DashboardText.self)
        return Layout.page(context, title: say(.title)) {
            p {
                say(.noResultsYet)
                a(.href(SiteURL.monitoring.path)) { say(.monitoringLink) }
                "."
            }
        }
    }

    static func periodChooser(_ context: PageContext, periods: [PeriodModel], period: PeriodModel) -> HTMLNode {
        let say = context.phrases(DashboardText.self)
        return form(.method("get"), .action(SiteURL.dashboard.path), .class("filters")) {
            div(.class("field")) {
                label(.for("period")) { say(.period) }
                select(.id("period"), .name("period")) {
                    for item in periods { option(.value(item.id!.uuidString), Attribute.when(item.id == period.id, .selected)) { item.name } }
                }
            }
            button(.type("submit")) { say(.show) }
        }
    }

    /// Heat-map band of a share, for colour (with the number always printed).
    static func band(_ share: DecimalNumber?) -> String {
        guard let share else { return "heat na" }
        if share >= DecimalNumber(90) { return "heat h5" }
        if share >= DecimalNumber(80) { return "heat h4" }
        if share >= DecimalNumber(70) { return "heat h3" }
        if share >= DecimalNumber(50) { return "heat h2" }
        return "heat h1"
    }

    static func province(_ context: PageContext, periods: [PeriodModel], period: PeriodModel, groups: [DashboardController.GroupView],
                         previousPeriod: PeriodModel?, decision: PeriodDecision?) -> HTMLNode {
        let say = context.phrases(DashboardText.self)
        let language = context.language
        return Layout.page(context, title: say(.title)) {
            periodChooser(context, periods: periods, period: period)
            DecisionLine.view(context, periodID: period.id!, decision: decision)
            if period.status != .published {
                p(.class("notice")) { say(.finalisedOnly) }
            }
            for (number, view) in groups.enumerated() where !view.results.members.isEmpty {
                let group = view.results
                let fields = group.index.nodes.filter { $0.depth == 0 }
                h2 { say(.groupHeading, context.identity.groupName(group.group, context.language), group.index.title) }
                p { a(.href(SiteURL.period(.value(period.id!), .results).path + "#group-\(group.group)")) { say(.rankingAndDownloads) } }
                let counts = Dictionary(grouping: group.report.scores, by: \.classPosition).mapValues(\.count)
                Charts.bars(group.index.classes.enumerated().map { position, scoreClass in
                    Charts.Bar(label: scoreClass.title, value: DecimalNumber(counts[position] ?? 0), text: String(counts[position] ?? 0))
                }, scale: DecimalNumber(max(group.members.count, 1)), title: say(.classesChart), id: "classes-\(number)")
                h3 { say(.heatMapHeading) }
                div(.class("table-wrap")) {
                    table(.class("heatmap")) {
                        thead {
                            tr {
                                th(.scope("col"), .class("num")) { say(.rankColumn) }
                                th(.scope("col")) { say(.agencyColumn) }
                                for field in fields { th(.scope("col"), .class("num"), .title(field.title)) { field.code } }
                                th(.scope("col"), .class("num")) { context.phrases(ReportText.self)(.bonusColumn) }
                                th(.scope("col"), .class("num")) { context.phrases(ReportText.self)(.deductionColumn) }
                                th(.scope("col"), .class("num")) { say(.finalColumn) }
                                th(.scope("col"), .class("num")) { say(.evidenceColumn) }
                                if let previousPeriod { th(.scope("col"), .class("num")) { say(.sincePeriod, previousPeriod.name) } }
                            }
                        }
                        tbody {
                            for entry in group.ranked {
                                let position = entry.position
                                // Each field's share then, through the criterion mapping: its change shown under today's.
                                let earlier = view.earlier[position].map { previous in
                                    previous.figures(for: group.index).enumerated().filter { group.index.nodes[$0.offset].depth == 0 }.map(\.element)
                                }
                                tr {
                                    td(.class("num")) { String(entry.rank) }
                                    td { a(.href(SiteURL.assessment(.value(group.members[position].assessment.id!), .results).path)) { group.members[position].agency.name } }
                                    for (column, share) in view.shares[position].enumerated() {
                                        td(.class("num \(band(share))")) {
                                            share.map { Formats.score($0, language, places: 1) } ?? "—"
                                            if let earlier, column < earlier.count { shareChange(context, now: share, before: earlier[column]) }
                                        }
                                    }
                                    td(.class("num")) { Formats.score(group.report.scores[position].bonus, language) }
                                    td(.class("num")) { Formats.score(group.report.scores[position].deduction, language) }
                                    td(.class("num")) { strong { Formats.score(group.report.scores[position].final, language) } }
                                    let evidence = view.evidence[position]
                                    td(.class("num")) { evidence.need == 0 ? "—" : "\(evidence.have)/\(evidence.need)" }
                                    if previousPeriod != nil {
                                        td(.class("num")) { ResultsPages.change(group.report.scores[position].final, view.previous[position], language) }
                                    }
                                }
                            }
                        }
                    }
                }
                p(.class("guidance")) {
                    say(.fieldList, fields.map { "\($0.code) \($0.title)" }.joined(separator: "; "))
                    say(.evidenceGuidance)
                    if let previousPeriod { " " + say(.heatMapChange, previousPeriod.name) }
                }
                DifferencesTable.view(context, against: .final, rows: view.gaps)
            }
        }
    }

    /// A field's share against the period before: "▲ 3,2" (points of percentage), or that it has no counterpart.
    static func shareChange(_ context: PageContext, now: DecimalNumber?, before: YearOverYear.Figure) -> HTMLNode {
        let say = context.phrases(DashboardText.self)
        switch (now, before) {
        case (_, .noCounterpart):
            return small(.class("delta"), .title(context.phrases(ResultsText.self)(.noCounterpart))) { br(); say(.newField) }
        case let (now?, .points(_, share?)):
            let difference = now - share
            let size = difference.isNegative ? DecimalNumber.zero - difference : difference
            let arrow = difference.isZero ? "=" : difference.isNegative ? "▼" : "▲"
            return small(.class("delta")) { br(); difference.isZero ? arrow : "\(arrow) \(Formats.score(size, context.language, places: 1))" }
        default:
            return .empty
        }
    }

    static func agency(_ context: PageContext, periods: [PeriodModel], period: PeriodModel, group view: DashboardController.GroupView,
                       position: Int, previousPeriod: PeriodModel?, previous: PreviousResult?, decision: PeriodDecision?) -> HTMLNode {
        let say = context.phrases(DashboardText.self)
        let language = context.language
        let group = view.results
        let member = group.members[position]
        let score = group.report.scores[position]
        let fields = group.index.nodes.enumerated().filter { $0.element.depth == 0 }
        return Layout.page(context, title: say(.agencyTitle, member.agency.name)) {
            periodChooser(context, periods: periods, period: period)
            DecisionLine.view(context, periodID: period.id!, decision: decision)
            ResultsPages.forerunnerStatement(context, agency: member.agency, forerunners: view.forerunners[position])
            p(.class("links")) {
                a(.href(SiteURL.agency(.value(member.agency.id!), .years).path)) { context.phrases(MultiYearText.self)(.agencyYearsLink) }
            }
            div(.class("summary")) {
                div(.class("card")) {
                    p { period.name }
                    p(.class("total")) { strong { Formats.score(score.final, language) } }
                    p { say(.classAndRank, group.index.classes[score.classPosition].title, "\(group.rank(of: position))", "\(group.members.count)") }
                    p {
                        small {
                            "\(context.phrases(ReportText.self)(.bonusColumn)) \(Formats.score(score.bonus, language)) · "
                                + "\(context.phrases(ReportText.self)(.deductionColumn)) \(Formats.score(score.deduction, language))"
                        }
                    }
                    if let why = ScoreExplanation(index: group.index, language: language).explainClass(in: score) { p(.class("why")) { small { why } } }
                }
                if let previousPeriod, let previous {
                    div(.class("card")) {
                        p { say(.sincePeriod, previousPeriod.name) }
                        p(.class("total")) { strong { ResultsPages.change(score.final, previous.score.final, language) } }
                    }
                }
            }
            h2 { say(.sharesHeading) }
            if let previous { ResultsPages.comparedWith(context, previous, index: group.index) }
            let earlier = previous?.figures(for: group.index)
            let averages = FieldShares.averages(view.shares, fields: fields.count)
            Charts.bars(fields.indices.flatMap { column -> [Charts.Bar] in
                let own = view.shares[position][column] ?? .zero
                let average = averages[column] ?? .zero
                return [
                    Charts.Bar(label: "\(fields[column].element.code) · \(say(.agencyBar))", value: own, text: "\(Formats.score(own, language, places: 1))%"),
                    Charts.Bar(label: "\(fields[column].element.code) · \(say(.groupAverageBar))", value: average,
                               text: "\(Formats.score(average, language, places: 1))%"),
                ]
            }, scale: DecimalNumber(100), title: say(.sharesChart), id: "fields")
            div(.class("table-wrap")) {
                table {
                    thead {
                        tr {
                            th(.scope("col")) { say(.fieldColumn) }
                            th(.scope("col"), .class("num")) { say(.pointsColumn) }
                            th(.scope("col"), .class("num")) { say(.shareColumn) }
                            th(.scope("col"), .class("num")) { say(.groupAverageColumn) }
                            if let previousPeriod { th(.scope("col"), .class("num")) { say(.pointsInPeriodColumn, previousPeriod.name) } }
                        }
                    }
                    tbody {
                        for (column, field) in fields.enumerated() {
                            // The previous period's counterparts, through the criterion mapping.
                            let before = earlier?[field.offset]
                            tr {
                                td { "\(field.element.code) \(field.element.title)" }
                                td(.class("num")) { Formats.score(score.nodes[field.offset].points, language) }
                                td(.class("num")) { view.shares[position][column].map { Formats.score($0, language, places: 1) } ?? "—" }
                                td(.class("num")) { averages[column].map { Formats.score($0, language, places: 1) } ?? "—" }
                                if previousPeriod != nil {
                                    td(.class("num"), before == .noCounterpart ? .title(context.phrases(ResultsText.self)(.noCounterpart)) : nil) {
                                        before.map { ResultsPages.earlier(context, $0) } ?? "—"
                                    }
                                }
                            }
                        }
                    }
                }
            }
            p { a(.href(SiteURL.assessment(.value(member.assessment.id!), .results).path)) { say(.detailedResultLink) } }
        }
    }
}
