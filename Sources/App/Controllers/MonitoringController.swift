import ChiSoCore
import Fluent
import Foundation
import Vapor

/// Watching scores while a period runs: each agency's provisional score from
/// the data as they stand today, its tasks overdue or due within 7 days, and
/// the monthly history.
enum MonitoringController {
    struct PeriodQuery: Content {
        var period: UUID?
    }

    static func overview(_ request: Request) async throws -> Response {
        let user = request.currentUser!
        let seesAll = user.actor.seesEveryAgency
        try request.authorize(.viewMonitoring, seesAll ? .none : .agency(user.actor.agencyID))
        let periods = try await PeriodModel.query(on: request.db).filter(\.$status != .draft)
            .sort(\.$year, .descending).sort(\.$createdAt, .descending).all()
        let chosen = try request.query.decode(PeriodQuery.self).period
        guard let period = periods.first(where: { $0.id == chosen }) ?? periods.first(where: { $0.status == .open }) ?? periods.first else {
            return request.page { MonitoringPages.overview($0, periods: [], period: nil, asOf: SourceData.today, scores: [], history: [:]) }
        }
        let asOf = period.range?.asOf(SourceData.today) ?? SourceData.today
        var scores = try await ProvisionalScores.compute(period: period, asOf: asOf, store: request.assessments)
        if !seesAll { scores = scores.filter { $0.agency.id == user.actor.agencyID } }
        scores.sort { ($0.agency.group, $0.rank, $0.agency.code) < ($1.agency.group, $1.rank, $1.agency.code) }
        let history = try await snapshots(period: period, on: request.db)
        // Closed without a result (the agency left the period): not ranked, and the page says so.
        var closed = try await AssessmentModel.query(on: request.db).filter(\.$period.$id == period.requireID())
            .filter(\.$state == AssessmentState.closed.rawValue).with(\.$agency).sort(\.$createdAt).all()
        if !seesAll { closed = closed.filter { $0.$agency.id == user.actor.agencyID } }
        return request.page {
            MonitoringPages.overview($0, periods: periods, period: period, asOf: asOf, scores: scores, history: history, closed: closed)
        }
    }

    static func agency(_ request: Request) async throws -> Response {
        guard let periodID = request.parameters.get("periodID", as: UUID.self), let period = try await PeriodModel.find(periodID, on: request.db),
              let agencyID = request.parameters.get("agencyID", as: UUID.self) else { throw Abort(.notFound) }
        try request.authorize(.viewMonitoring, .agency(agencyID))
        let asOf = period.range?.asOf(SourceData.today) ?? SourceData.today
        let scores = try await ProvisionalScores.compute(period: period, asOf: asOf, store: request.assessments)
        guard let score = scores.first(where: { $0.agency.id == agencyID }) else { throw Abort(.notFound) }
        let groupSize = scores.filter { $0.agency.group == score.agency.group }.count
        // Only the tasks to watch are read (TaskQueries, in SQL): overdue, or due within 7 days.
        let ids = try await TaskQueries.watch(agencyID: agencyID, day: asOf, within: 7, on: request.db)
        let watch = try await TaskQueries.load(ids, on: request.db).compactMap { model -> TaskController.Row? in
            guard let task = model.assigned(agencyCode: score.agency.code) else { return nil }
            return TaskController.Row(model: model, task: task, status: task.status(on: asOf))
        }
        let history = try await snapshots(period: period, on: request.db)[agencyID] ?? []
        // An agency formed by a reorganisation: what its predecessors achieved in the period before.
        var forerunners: [PreviousResult] = []
        if var loader = try await PreviousResult.Loader.load(before: period, on: request),
           let version = try await AssessmentModel.query(on: request.db).filter(\.$id == score.assessmentID).with(\.$indexVersion).first()?.indexVersion {
            forerunners = try await loader.results(agencyCode: score.agency.code, current: version, on: request)
        }
        // The trend goes back through the published years before (the agency's, or its predecessors' average), from
        // the finals stored when they were published (a test checks them against a re-score).
        let earlier = try await MultiYearResults.publishedFinals(before: period.year, of: score.agency.code, on: request.db)
            .map { Charts.Point(label: $0.period.name, value: $0.final) }
        return request.page {
            MonitoringPages.agency($0, period: period, asOf: asOf, score: score, groupSize: groupSize, watch: watch, history: history,
                                   forerunners: forerunners, earlier: earlier)
        }
    }

    /// Snapshots of the period by agency, oldest first.
    static func snapshots(period: PeriodModel, on db: any Database) async throws -> [UUID: [ScoreSnapshotModel]] {
        let all = try await ScoreSnapshotModel.query(on: db).filter(\.$period.$id == period.requireID()).sort(\.$month).all()
        return Dictionary(grouping: all, by: \.$agency.id)
    }
}
