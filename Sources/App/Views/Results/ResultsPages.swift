import ChiSoCore
import Foundation

/// A period's final ranking per group, and one agency's final result with
/// its breakdown and the proposals for its head and deputies.
enum ResultsPages {
    struct AgencyModel {
        var record: AssessmentRecord
        var selfScore: AgencyScore
        var preliminary: AgencyScore
        var final: AgencyScore
        var rank: Int
        var groupSize: Int
        /// Leaves re-examined after an explanation.
        var reexamined: Set<String>
        var proposal: LeaderProposal
        var deputies: [DeputyModel]
        /// The result of the period before, compared through the criterion mapping.
        var previous: PreviousResult?
        /// Every earlier agency that stands for this one in the period before (itself, or its predecessors).
        var forerunners: [PreviousResult] = []
        /// The decision that announced the results (nil before publication).
        var decision: PeriodDecision?
    }

    /// The period before, and for each member (by assessment) the agencies that stood for it then.
    struct Earlier: Sendable {
        var period: PeriodModel
        var byAssessment: [UUID: [PreviousResult]]

        /// The member's final then: its own, or the average of its predecessors' (`throughOthers`).
        func final(for member: GroupResults.Member) -> (DecimalNumber?, throughOthers: Bool) {
            let results = byAssessment[member.record.id] ?? []
            if results.count == 1, results[0].agencyCode == member.agency.code { return (results[0].score.final, false) }
            return (PeriodRollup.average.figure(of: results.map { $0.score.final }), !results.isEmpty)
        }
    }

    static func change(_ now: DecimalNumber, _ before: DecimalNumber?, _ language: Lang) -> String {
        guard let before else { return "—" }
        let delta = now - before
        return (delta.isNegative ? "" : delta.isZero ? "±" : "+") + Formats.score(delta, language)
    }

    static func exportLinks(_ context: PageContext, period: PeriodModel, group: String, indexVersion: UUID) -> HTMLNode {
        let say = context.phrases(ResultsText.self)
        let periodID = period.id!
        let query = "?group=\(group.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? group)"
        return p(.class("exports")) {
            strong { say(.downloads) }
            a(.href(SiteURL.period(.value(periodID), .rankingXLSX).path + query)) { say(.rankingExcel) }
            " · "
            a(.href(SiteURL.period(.value(periodID), .rankingPDF).path + query)) { say(.rankingPDF) }
            " · "
            a(.href(SiteURL.period(.value(periodID), .rankingCSV).path + query)) { "CSV" }
            " · "
            a(.href(SiteURL.period(.value(periodID), .matrixXLSX).path + query)) { say(.matrixExcel) }
            " · "
            a(.href(SiteURL.period(.value(periodID), .inputsCSV).path + query)) { say(.inputsCSV) }
            " · "
            a(.href(SiteURL.period(.value(periodID), .agenciesCSV).path + query)) { say(.agenciesCSV) }
            " · "
            a(.href(SiteURL.index(.value(indexVersion), .yaml).path)) { say(.indexYAML) }
        }
    }

    static func period(_ context: PageContext, period: PeriodModel, groups: [GroupResults],
                       previous: Earlier?, deputies: [UUID: [DeputyModel]], decision: PeriodDecision?,
                       subPeriods: MultiYearPages.SubPeriods? = nil) -> HTMLNode {
        let say = context.phrases(ResultsText.self)
        let report = context.phrases(ReportText.self)
        let language = context.language
        return Layout.page(context, title: say(.periodTitle, period.name)) {
            if period.status != .published {
                p(.class("notice")) {
                    say(.notPublished)
                }
            }
            DecisionLine.view(context, periodID: period.id!, decision: decision)
            p {
                say(.headProposalNote)
            }
            p(.class("links")) {
                a(.href(SiteURL.groupYears.path)) { context.phrases(MultiYearText.self)(.groupYearsLink) }
            }
            for group in groups {
                h2(.id("group-\(group.group)")) { say(.groupHeading, context.identity.groupName(group.group, context.language), group.index.title) }
                if group.members.isEmpty {
                    p { say(.noneFinalised) }
                } else {
                    div(.class("table-wrap")) {
                        table {
                            thead {
                                tr {
                                    th(.scope("col"), .class("num")) { say(.rankColumn) }
                                    th(.scope("col")) { say(.agencyColumn) }
                                    th(.scope("col"), .class("num")) { say(.scoreColumn) }
                                    th(.scope("col")) { say(.classColumn) }
                                    th(.scope("col"), .class("hide-small")) { say(.headProposalColumn) }
                                    th(.scope("col"), .class("num hide-small")) { report(.bonusColumn) }
                                    th(.scope("col"), .class("num hide-small")) { report(.deductionColumn) }
                                    if let previous {
                                        th(.scope("col"), .class("num")) { say(.sincePeriod, previous.period.name) }
                                    }
                                }
                            }
                            tbody {
                                for entry in group.ranked {
                                    let member = group.members[entry.position]
                                    let score = group.report.scores[entry.position]
                                    let scoreClass = group.index.classes[score.classPosition]
                                    tr {
                                        td(.class("num")) { String(entry.rank) }
                                        td { a(.href(SiteURL.assessment(.value(member.assessment.id!), .results).path)) { member.agency.name } }
                                        td(.class("num")) { Formats.score(score.final, language) }
                                        td { scoreClass.title }
                                        td(.class("hide-small")) {
                                            scoreClass.leaderRating.flatMap(IndividualRating.init(rawValue:))?.title(language) ?? "—"
                                        }
                                        td(.class("num hide-small")) { Formats.score(score.bonus, language) }
                                        td(.class("num hide-small")) { Formats.score(score.deduction, language) }
                                        if let previous {
                                            let (before, throughOthers) = previous.final(for: member)
                                            td(.class("num")) { change(score.final, before, language) + (throughOthers ? " ¹" : "") }
                                        }
                                    }
                                }
                            }
                        }
                    }
                    if let previous, group.members.contains(where: { previous.final(for: $0).throughOthers }) {
                        p(.class("guidance")) { say(.sinceForerunners, previous.period.name) }
                    }
                    exportLinks(context, period: period, group: group.group, indexVersion: group.indexVersion.id!)
                }
                if !group.pending.isEmpty {
                    p(.class("na")) {
                        say(.notFinalisedYet, group.pending.map(\.agency.name).sorted().joined(separator: ", "))
                    }
                }
                if !group.closed.isEmpty {
                    let notRanked = context.phrases(PeriodAdminText.self)
                    div(.class("na"), .id("not-ranked-\(group.group)")) {
                        strong { notRanked(.notRankedHeading) }
                        ul {
                            for assessment in group.closed.sorted(by: { $0.agency.code < $1.agency.code }) {
                                li { notRanked(.notRankedRow, assessment.agency.name, assessment.closedReason ?? "") }
                            }
                        }
                    }
                }
            }
            if let subPeriods { MultiYearPages.subPeriods(context, subPeriods) }
        }
    }

    static func agency(_ context: PageContext, model: AgencyModel) -> HTMLNode {
        let say = context.phrases(ResultsText.self)
        let language = context.language
        let record = model.record
        let index = record.index
        let explanation = ScoreExplanation(index: index, language: language)
        let scoreClass = index.classes[model.final.classPosition]
        return Layout.page(context, title: "\(record.agency.name) · \(record.period.name)") {
            DecisionLine.view(context, periodID: record.period.id!, decision: model.decision)
            div(.class("summary")) {
                div(.class("card")) {
                    p { say(.finalScore) }
                    p(.class("total")) { strong { Formats.score(model.final.final, language) } }
                    p { say(.classAndRank, scoreClass.title, "\(model.rank)", "\(model.groupSize)") }
                    if let why = explanation.explainClass(in: model.final) { p(.class("why")) { why } }
                }
                div(.class("card")) {
                    p { say(.selfToFinal) }
                    p(.class("total")) {
                        strong { "\(Formats.score(model.selfScore.final, language)) → \(Formats.score(model.preliminary.final, language)) → \(Formats.score(model.final.final, language))" }
                    }
                }
                if let previous = model.previous, previous.agencyCode == record.agency.code {
                    div(.class("card")) {
                        p { say(.sincePeriod, previous.period.name) }
                        p(.class("total")) { strong { change(model.final.final, previous.score.final, language) } }
                        p { say(.previousScore, Formats.score(previous.score.final, language)) }
                    }
                }
            }
            p {
                a(.href(SiteURL.assessment(.value(record.id), .scoreSheetPDF).path)) { say(.scoreSheetPDF) }
                if context.may(.whatIf, .agency(record.agency.id!)) {
                    " · "
                    a(.href(SiteURL.assessment(.value(record.id), .whatIf).path)) { say(.whatIfLink) }
                }
            }
            forerunnerStatement(context, agency: record.agency, forerunners: model.forerunners)
            p(.class("links")) {
                a(.href(SiteURL.agency(.value(record.agency.id!), .years).path)) { context.phrases(MultiYearText.self)(.agencyYearsLink) }
            }
            proposals(context, model: model)
            h2 { say(.criterionByCriterion) }
            if let previous = model.previous { comparedWith(context, previous, index: index) }
            breakdown(context, model: model, explanation: explanation)
        }
    }

    static func proposals(_ context: PageContext, model: AgencyModel) -> HTMLNode {
        let say = context.phrases(ResultsText.self)
        let language = context.language
        return section(.class("card proposals")) {
            h2 { say(.proposalsHeading) }
            p(.class("guidance")) {
                say(.proposalsGuidance)
            }
            dl(.class("compare")) {
                dt { say(.head) }
                dd { model.proposal.head?.title(language) ?? say(.indexSetsNone) }
                for proposal in model.proposal.deputies {
                    dt { proposal.deputy.name + (proposal.deputy.position.isEmpty ? "" : ", \(proposal.deputy.position)") }
                    dd {
                        (proposal.proposed?.title(language) ?? say(.noProposal))
                        " — " + say(.deputyFields, proposal.deputy.fields.joined(separator: ", "))
                        if let share = proposal.share {
                            ": " + say(.achievedOfPossible, Formats.score(proposal.achieved, language), Formats.score(proposal.possible, language), Formats.score(share, language))
                        }
                        if proposal.cappedByHead { say(.loweredToHead) }
                        if !proposal.unknownFields.isEmpty {
                            say(.unknownFieldCodes, proposal.unknownFields.joined(separator: ", "))
                        }
                    }
                }
            }
            if model.deputies.isEmpty {
                p { say(.noDeputies) }
            }
            if context.may(.manageDeputies, .agency(model.record.agency.id!)) {
                p { a(.href(SiteURL.agency(.value(model.record.agency.id!), .deputies).path)) { say(.deputiesLink) } }
            }
        }
    }

    /// What an agency formed by a reorganisation is compared with: "Sở Tài chính (mới) — 2024: Sở Tài chính 86,20;
    /// Sở Kế hoạch và Đầu tư 81,75". Nothing when the agency stands for itself.
    static func forerunnerStatement(_ context: PageContext, agency: App.AgencyModel, forerunners: [PreviousResult]) -> HTMLNode {
        guard let first = forerunners.first, forerunners.count > 1 || first.agencyCode != agency.code else { return .empty }
        let say = context.phrases(ResultsText.self)
        let list = forerunners.map { "\($0.agencyName) \(Formats.score($0.score.final, context.language))" }.joined(separator: "; ")
        return div(.class("card"), .id("forerunners")) {
            p { strong { "\(agency.name) — \(first.period.name): \(list)" } }
            p(.class("guidance")) { say(.forerunnersNote, forerunners.map(\.agencyCode).joined(separator: ", ")) }
        }
    }

    /// What an earlier period is compared through, and the criteria it has no counterpart for.
    static func comparedWith(_ context: PageContext, _ previous: PreviousResult, index: Index) -> HTMLNode {
        let say = context.phrases(ResultsText.self)
        let version = "\(previous.version.code) v\(previous.version.version)"
        let missing = zip(index.nodes, previous.figures(for: index)).filter { $0.1 == .noCounterpart }.map(\.0.code)
        return p(.class("guidance"), .id("compared-with")) {
            previous.written ? say(.comparedThroughMapping, previous.period.name, version) : say(.comparedByCodes, previous.period.name, version)
            if !missing.isEmpty { " " + say(.noCounterpartList, previous.period.name, missing.joined(separator: ", ")) }
        }
    }

    /// An earlier figure of a node: its points, or why there is none.
    static func earlier(_ context: PageContext, _ figure: YearOverYear.Figure) -> String {
        switch figure {
        case let .points(points, _): Formats.score(points, context.language)
        case .notApplicable: context.t(.notApplicable)
        case .noCounterpart: "—"
        }
    }

    static func breakdown(_ context: PageContext, model: AgencyModel, explanation: ScoreExplanation) -> HTMLNode {
        let say = context.phrases(ResultsText.self)
        let language = context.language
        let record = model.record
        let index = record.index
        let earlier = model.previous?.figures(for: index)
        func points(_ score: AgencyScore, _ position: Int) -> String {
            score.nodes[position].applicable ? Formats.score(score.nodes[position].points, language) : context.t(.notApplicable)
        }
        return div(.class("table-wrap")) {
            table(.class("tree")) {
                thead {
                    tr {
                        th(.scope("col")) { say(.criterionColumn) }
                        th(.scope("col"), .class("num")) { say(.maxColumn) }
                        th(.scope("col"), .class("num")) { say(.selfColumn) }
                        th(.scope("col"), .class("num")) { say(.preliminaryColumn) }
                        th(.scope("col"), .class("num")) { say(.finalColumn) }
                        if let previous = model.previous { th(.scope("col"), .class("num")) { say(.inPeriodColumn, previous.period.name) } }
                        th(.scope("col"), .class("hide-small")) { say(.whyItDiffersColumn) }
                    }
                }
                tbody {
                    for (position, node) in index.nodes.enumerated() {
                        let entry = record.entry(node.code)
                        let differs = model.selfScore.nodes[position].points != model.final.nodes[position].points
                            || model.preliminary.nodes[position].points != model.final.nodes[position].points
                        tr(.class(node.isLeaf ? "leaf" : "group"), .id("leaf-\(node.code)")) {
                            td(.class("depth-\(min(node.depth, 3))")) { "\(node.code) \(node.title)" }
                            td(.class("num")) { node.max.text(context.language) }
                            td(.class("num")) { points(model.selfScore, position) }
                            td(.class("num")) { points(model.preliminary, position) }
                            td(.class(differs ? "num changed" : "num")) { points(model.final, position) }
                            if let earlier {
                                td(.class("num"), earlier[position] == .noCounterpart ? .title(say(.noCounterpart)) : nil) {
                                    Self.earlier(context, earlier[position])
                                }
                            }
                            td(.class("hide-small")) {
                                if node.isLeaf {
                                    if differs, let comment = entry?.appraisalComment { strong { comment }; br() }
                                    if let text = entry?.explanation, model.reexamined.contains(node.code) {
                                        say(.explanation, text)
                                        br()
                                    }
                                    explanation.explain(node: position, in: model.final)
                                }
                            }
                        }
                    }
                    // Bonus and deduction items, self / preliminary / final like the leaves, then the capped totals.
                    for reference in index.adjustmentReferences {
                        let item = index.adjustment(reference)!
                        let entry = record.entry(item.code)
                        let (own, preliminary, final) = (model.selfScore.item(reference)!, model.preliminary.item(reference)!, model.final.item(reference)!)
                        if own.input != nil || final.input != nil || preliminary.input != nil {
                            tr(.class("leaf item"), .id("leaf-\(item.code)")) {
                                td { "\(item.code) \(item.title) (" + (item.kind == .bonus ? say(.bonusItem) : say(.deductionItem)) + ")" }
                                td(.class("num")) { "" }
                                td(.class("num")) { Formats.score(own.points, language) }
                                td(.class("num")) { Formats.score(preliminary.points, language) }
                                td(.class(own.points != final.points ? "num changed" : "num")) { Formats.score(final.points, language) }
                                td(.class("hide-small")) {
                                    if let comment = entry?.appraisalComment { strong { comment }; br() }
                                    explanation.explain(item: item, final)
                                }
                            }
                        }
                    }
                    tr(.class("group")) {
                        td { say(.bonusTotalRow) }
                        td(.class("num")) { index.bonusCap.map { Formats.score($0, language) } ?? "" }
                        td(.class("num")) { Formats.score(model.selfScore.bonus, language) }
                        td(.class("num")) { Formats.score(model.preliminary.bonus, language) }
                        td(.class("num")) { Formats.score(model.final.bonus, language) }
                        td(.class("hide-small")) { "" }
                    }
                    tr(.class("group")) {
                        td { say(.deductionTotalRow) }
                        td(.class("num")) { index.deductionCap.map { Formats.score($0, language) } ?? "" }
                        td(.class("num")) { Formats.score(model.selfScore.deduction, language) }
                        td(.class("num")) { Formats.score(model.preliminary.deduction, language) }
                        td(.class("num")) { Formats.score(model.final.deduction, language) }
                        td(.class("hide-small")) { "" }
                    }
                }
            }
        }
    }
}
