import ChiSoCore
import Fluent
import Foundation
import Vapor

/// An agency's final result in the period before, with what it is compared through: the criterion
/// mapping from the index version it was assessed with then to the one it is assessed with now.
struct PreviousResult: Sendable {
    var period: PeriodModel
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
    struct Loader {
        let period: PeriodModel
        let byAgency: [String: GroupResults]
        private var mappings: [String: (CriterionMapping, Bool)] = [:]

        init(period: PeriodModel, byAgency: [String: GroupResults]) {
            self.period = period
            self.byAgency = byAgency
        }

        static func load(before period: PeriodModel, on request: Request) async throws -> Loader? {
            guard let (previous, byAgency) = try await ResultsController.previousFinals(of: period, on: request) else { return nil }
            return Loader(period: previous, byAgency: byAgency)
        }

        /// The agency's previous result, compared into `current` (the version it is assessed with now).
        mutating func result(agencyCode: String, agencyID: UUID, current: IndexVersionModel, on request: Request) async throws -> PreviousResult? {
            guard let group = byAgency[agencyCode], let position = group.position(of: agencyID) else { return nil }
            let key = "\(try group.indexVersion.requireID())>\(try current.requireID())"
            if mappings[key] == nil {
                let mapping = try await IndexVersions.mapping(from: group.indexVersion, to: current, on: request)
                let written = try await IndexVersions.hasWrittenMapping(from: group.indexVersion.requireID(), to: current.requireID(), on: request.db)
                mappings[key] = (mapping, written)
            }
            let (mapping, written) = mappings[key]!
            return PreviousResult(period: period, version: group.indexVersion, index: group.index, score: group.report.scores[position],
                                  mapping: mapping, written: written)
        }
    }
}
