import ChiSoCore
import Fluent
import Foundation
import Vapor

/// An agency's final result in the period before, with what it is compared through: the criterion
/// mapping from the index version it was assessed with then to the one it is assessed with now.
struct PreviousResult: Sendable {
    var period: PeriodModel
    /// The agency whose result it is: the agency itself, or one of its predecessors (named as it was then).
    var agencyCode: String
    var agencyName: String
    var version: IndexVersionModel
    var index: Index
    var score: AgencyScore
    var mapping: CriterionMapping
    /// The mapping was written (by the organiser or a published draft); else codes continue as themselves.
    var written: Bool

    /// Every node of `index` (the current one) with its earlier figure.
    func figures(for index: Index) -> [YearOverYear.Figure] {
        YearOverYear.previous(in: index, old: self.index, oldScore: score, mapping: mapping)
    }

    /// The previous period's results per agency code, and a way to read one agency's through the mapping.
    /// The previous period's results per agency code, and a way to read one agency's through its
    /// predecessors (``AgencyTimeline/forerunners(of:on:)``) and the criterion mapping.
    struct Loader {
        let period: PeriodModel
        let byAgency: [String: GroupResults]
        let timeline: AgencyTimeline
        private var mappings: [String: (CriterionMapping, Bool)] = [:]

        init(period: PeriodModel, byAgency: [String: GroupResults], timeline: AgencyTimeline) {
            self.period = period
            self.byAgency = byAgency
            self.timeline = timeline
        }

        static func load(before period: PeriodModel, on request: Request) async throws -> Loader? {
            guard let (previous, byAgency) = try await ResultsController.previousFinals(of: period, on: request) else { return nil }
            return Loader(period: previous, byAgency: byAgency, timeline: try await AgencyHistory.load(on: request.db).timeline)
        }

        /// The last day of the previous period: the agencies active then stand for today's.
        var periodEnd: CivilDate? { period.range?.end }

        /// The agency's previous result when one agency stands for it (itself, renamed, or its one predecessor).
        mutating func result(agencyCode: String, agencyID: UUID, current: IndexVersionModel, on request: Request) async throws -> PreviousResult? {
            let all = try await results(agencyCode: agencyCode, current: current, on: request)
            return all.count == 1 ? all[0] : nil
        }

        /// The previous results of every agency that stands for `agencyCode` (itself, its predecessors), each compared into
        /// `current` (the version it is assessed with now).
        mutating func results(agencyCode: String, current: IndexVersionModel, on request: Request) async throws -> [PreviousResult] {
            let codes = periodEnd.map { timeline.forerunners(of: agencyCode, on: $0) } ?? [agencyCode]
            var found: [PreviousResult] = []
            for code in codes.isEmpty ? [agencyCode] : codes {
                guard let group = byAgency[code], let position = group.members.firstIndex(where: { $0.agency.code == code }) else { continue }
                let key = "\(try group.indexVersion.requireID())>\(try current.requireID())"
                if mappings[key] == nil {
                    let mapping = try await IndexVersions.mapping(from: group.indexVersion, to: current, on: request)
                    let written = try await IndexVersions.hasWrittenMapping(from: group.indexVersion.requireID(), to: current.requireID(), on: request.db)
                    mappings[key] = (mapping, written)
                }
                let (mapping, written) = mappings[key]!
                let name = periodEnd.flatMap { timeline.members[code]?.name(on: $0) } ?? group.members[position].agency.name
                found.append(PreviousResult(period: period, agencyCode: code, agencyName: name, version: group.indexVersion, index: group.index,
                                            score: group.report.scores[position], mapping: mapping, written: written))
            }
            return found
        }
    }
}
