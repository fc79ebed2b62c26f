import ChiSoCore
import Fluent
import Foundation
import Vapor

/// Several periods side by side: the final results of each year (or of a year's quarters or
/// months), and, for an agency, the results that stand for it in each: its own, or those of the
/// agencies it was formed from (``AgencyTimeline/forerunners(of:on:)``).
struct MultiYearResults: Sendable {
    /// One agency's final result in one period.
    struct Result: Sendable {
        var period: PeriodModel
        var agencyCode: String
        /// As the agency was named at the end of the period.
        var agencyName: String
        var index: Index
        var score: AgencyScore
        var rank: Int
        var groupSize: Int

        var scoreClass: ScoreClass { index.classes[score.classPosition] }

        /// The fields (top-level criteria) with their points: "I 18,50/20".
        func fields(_ language: Lang) -> [(code: String, title: String, points: String)] {
            index.roots.map { position in
                let node = score.nodes[position]
                let points = node.applicable ? Formats.score(node.points, language) : "—"
                return (index.nodes[position].code, index.nodes[position].title, "\(points)/\(Formats.score(index.nodes[position].max, language))")
            }
        }
    }

    /// The periods compared, oldest first.
    var periods: [PeriodModel]
    /// By period id: its groups' results.
    var groups: [UUID: [GroupResults]]
    var timeline: AgencyTimeline

    /// The periods of `kind` whose results the reader may see (agency people: published only), with their groups.
    static func load(kind: PeriodModel.Kind, year: Int? = nil, includeUnpublished: Bool, on request: Request) async throws -> MultiYearResults {
        var query = PeriodModel.query(on: request.db).filter(\.$kind == kind)
        if let year { query = query.filter(\.$year == year) }
        let periods = try await query.sort(\.$year).sort(\.$number).all()
            .filter { $0.status == .published || (includeUnpublished && $0.status != .draft) }
        var groups: [UUID: [GroupResults]] = [:]
        for period in periods {
            groups[try period.requireID()] = try await PeriodResults.load(period: period, store: request.assessments)
        }
        return MultiYearResults(periods: periods, groups: groups, timeline: try await AgencyHistory.load(on: request.db).timeline)
    }

    /// The results that stand for `code` in `period`: its own when it has one, else its forerunners' then.
    func results(for code: String, in period: PeriodModel) -> [Result] {
        let codes = period.range.map { timeline.forerunners(of: code, on: $0.end) } ?? [code]
        return (codes.isEmpty ? [code] : codes).compactMap { result(of: $0, in: period) }
    }

    /// `code`'s own final result in `period`.
    func result(of code: String, in period: PeriodModel) -> Result? {
        guard let id = period.id else { return nil }
        for group in groups[id] ?? [] {
            guard let position = group.members.firstIndex(where: { $0.agency.code == code }) else { continue }
            let name = period.range.flatMap { timeline.members[code]?.name(on: $0.end) } ?? group.members[position].agency.name
            return Result(period: period, agencyCode: code, agencyName: name, index: group.index, score: group.report.scores[position],
                          rank: group.rank(of: position), groupSize: group.members.count)
        }
        return nil
    }

    /// The agencies of `group` to show: those with a result in the latest period, then the others of the group
    /// still active today, by code.
    func agencies(of group: String) -> [String] {
        let latest = periods.last.flatMap { $0.id }.flatMap { groups[$0] }?.first { $0.group == group }?.members.map(\.agency.code) ?? []
        let active = timeline.active(on: SourceData.today).filter { $0.group == group }.map(\.code)
        var seen: Set<String> = []
        return (latest.sorted() + active).filter { seen.insert($0).inserted }
    }

    /// The published years before `year`, each with `code`'s stored final score then (or its predecessors' average):
    /// two queries, no scoring, for a page that only needs the figures.
    static func publishedFinals(before year: Int, of code: String, on db: any Database) async throws -> [(period: PeriodModel, final: DecimalNumber)] {
        let years = try await PeriodModel.query(on: db).filter(\.$kind == .year).filter(\.$status == .published).filter(\.$year < year)
            .sort(\.$year).all()
        guard !years.isEmpty else { return [] }
        let timeline = try await AgencyHistory.load(on: db).timeline
        let stored = try await AssessmentModel.query(on: db).filter(\.$period.$id ~~ years.compactMap(\.id))
            .filter(\.$state == AssessmentState.published.rawValue).with(\.$agency).all()
        return years.compactMap { period in
            let codes = Set(period.range.map { timeline.forerunners(of: code, on: $0.end) } ?? [code])
            let finals = stored.filter { $0.$period.id == period.id && codes.contains($0.agency.code) }
                .map { $0.finalScore.flatMap { DecimalNumber($0) } }
            return PeriodRollup.average.figure(of: finals).map { (period, $0) }
        }
    }
}
