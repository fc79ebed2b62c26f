import ChiSoCore
import Fluent
import Foundation
import Vapor

/// Dashboards of a period's final results: for the organiser and leaders
/// every group (classes, a heat map of agencies × fields, the largest
/// self/appraised gaps, evidence completeness, change since the previous
/// period); for an agency its own fields against its group.
enum DashboardController {
    struct PeriodQuery: Content {
        var period: UUID?
    }

    /// A group's results with what the dashboard shows beside them.
    struct GroupView: Sendable {
        var results: GroupResults
        /// By member position: share per top-level field.
        var shares: [[DecimalNumber?]]
        /// By member position: leaves with required evidence that have it / that need it.
        var evidence: [(have: Int, need: Int)]
        /// By member position: final in the previous period.
        var previous: [DecimalNumber?]
        /// By member position: the previous period's result, compared through the criterion mapping (when one agency stands for it).
        var earlier: [PreviousResult?]
        /// By member position: every agency that stood for it in the previous period (itself, or its predecessors).
        var forerunners: [[PreviousResult]]
        var gaps: [AgencyLeafDifference]
    }

    static func view(_ request: Request) async throws -> Response {
        let user = request.currentUser!
        let seesAll = user.actor.roles.contains(where: \.seesAllAgencies)
        var periods = try await PeriodModel.query(on: request.db).filter(\.$status != .draft)
            .sort(\.$year, .descending).sort(\.$createdAt, .descending).all()
        if !seesAll { periods = periods.filter { $0.status == .published } }
        let chosen = try request.query.decode(PeriodQuery.self).period
        guard let period = periods.first(where: { $0.id == chosen }) ?? periods.first(where: { $0.status == .published }) ?? periods.first else {
            try request.authorize(.viewMonitoring, seesAll ? .none : .agency(user.actor.agencyID))
            return request.page { DashboardPage.empty($0) }
        }
        try request.authorize(.viewResults, .results(ResultsTarget(published: period.status == .published, agencyID: seesAll ? nil : user.actor.agencyID)))
        let groups = try await PeriodResults.load(period: period, store: request.assessments)
        var loader = try await PreviousResult.Loader.load(before: period, on: request)
        var views: [GroupView] = []
        for group in groups {
            let shares = group.report.scores.map { FieldShares.of(group.index, $0) }
            let required = group.index.nodes.indices.filter { group.index.nodes[$0].leaf?.evidenceRequired == true }
            let evidence = zip(group.members, group.report.scores).map { member, score in
                let applicable = required.filter { score.nodes[$0].applicable }
                return (applicable.filter { (member.evidenceCounts[group.index.nodes[$0].code] ?? 0) > 0 }.count, applicable.count)
            }
            var forerunners: [[PreviousResult]] = []
            for member in group.members {
                forerunners.append(try await loader?.results(agencyCode: member.agency.code, current: group.indexVersion, on: request) ?? [])
            }
            let earlier = forerunners.map { $0.count == 1 ? $0[0] : nil }
            let before = earlier.map { $0?.score.final }
            var gaps: [AgencyLeafDifference] = []
            for (position, member) in group.members.enumerated() {
                let selfScore = member.record.score(.selfAssessed)
                let final = group.report.scores[position]
                let comments = Dictionary(member.entries.map { ($0.criterionCode, $0.appraisalComment) }, uniquingKeysWith: { first, _ in first })
                let entered = group.index.leafPositions.filter { group.index.nodes[$0].leaf?.source == nil && final.nodes[$0].applicable }
                for difference in LeafDifference.between(selfScore, final, at: entered) {
                    let node = group.index.nodes[difference.position]
                    gaps.append(AgencyLeafDifference(assessmentID: member.assessment.id!, agency: member.agency.name, code: node.code,
                                                     title: node.title, difference: difference, comment: comments[node.code] ?? nil))
                }
            }
            views.append(GroupView(results: group, shares: shares, evidence: evidence, previous: before, earlier: earlier,
                                   forerunners: forerunners, gaps: LeafDifference.largest(gaps, limit: 15, size: \.difference.size)))
        }
        let decision = try await OfficialOrigin.of(period, on: request).decision
        if !seesAll {
            guard let group = views.first(where: { $0.results.position(of: user.actor.agencyID) != nil }),
                  let position = group.results.position(of: user.actor.agencyID) else {
                return request.page { DashboardPage.empty($0) }
            }
            return request.page {
                DashboardPage.agency($0, periods: periods, period: period, group: group, position: position, previousPeriod: loader?.period,
                                     previous: group.earlier[position], decision: decision)
            }
        }
        return request.page {
            DashboardPage.province($0, periods: periods, period: period, groups: views, previousPeriod: loader?.period, decision: decision)
        }
    }
}
