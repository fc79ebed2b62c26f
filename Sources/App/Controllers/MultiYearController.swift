import ChiSoCore
import Fluent
import Foundation
import Vapor

/// Years side by side: one agency's results over the years (through its predecessors), a group's,
/// and a year's quarters or months with the year's figure where the period says how.
enum MultiYearController {
    /// `/agencies/:agencyID/years`: every year's final, class, rank in the group and fields.
    static func agency(_ request: Request) async throws -> Response {
        guard let id = request.parameters.get("agencyID", as: UUID.self), let agency = try await AgencyModel.find(id, on: request.db)
        else { throw Abort(.notFound) }
        let user = try request.authorize(.viewResults, .results(ResultsTarget(published: true, agencyID: id)))
        let everything = Policy.allows(user.actor, .viewResults, .results(ResultsTarget(published: false, agencyID: id)))
        let years = try await MultiYearResults.load(kind: .year, includeUnpublished: everything, on: request)
        let rows = years.periods.map { (period: $0, results: years.results(for: agency.code, in: $0)) }
        return request.page { MultiYearPages.agency($0, agency: agency, rows: rows, timeline: years.timeline) }
    }

    struct GroupQuery: Content {
        var group: String?
    }

    /// `/results/years?group=`: the group's agencies (today's) by year, each year through the agencies that stood for them.
    static func group(_ request: Request) async throws -> Response {
        let user = try request.authorize(.viewResults, .results(ResultsTarget(published: true, agencyID: nil)))
        let everything = Policy.allows(user.actor, .viewResults, .results(ResultsTarget(published: false, agencyID: nil)))
        let years = try await MultiYearResults.load(kind: .year, includeUnpublished: everything, on: request)
        let groups = Set(years.groups.values.flatMap { $0.map(\.group) }).sorted()
        let group = try request.query.decode(GroupQuery.self).group.flatMap { groups.contains($0) ? $0 : nil } ?? groups.first
        let agencies = group.map { years.agencies(of: $0) } ?? []
        return request.page { MultiYearPages.group($0, group: group, groups: groups, agencies: agencies, years: years) }
    }

    /// A year's quarters (or months) side by side, with the year's figure where its rollup says how; nil without sub-periods.
    static func subPeriods(of year: PeriodModel, includeUnpublished: Bool, on request: Request) async throws -> MultiYearPages.SubPeriods? {
        guard year.kind == .year else { return nil }
        var parts: MultiYearResults?
        for kind in [PeriodModel.Kind.quarter, .month] {
            let loaded = try await MultiYearResults.load(kind: kind, year: year.year, includeUnpublished: includeUnpublished, on: request)
            if !loaded.periods.isEmpty { parts = loaded; break }
        }
        guard let parts else { return nil }
        return MultiYearPages.SubPeriods(year: year, parts: parts)
    }
}
