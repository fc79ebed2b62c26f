import ChiSoCore
import Fluent
import Foundation
import Vapor

/// Once a month, each open period's provisional scores are kept, so that
/// monitoring can show how every agency's score moved. Run by the app itself
/// (``SnapshotScheduler``) and by `chiso snapshot`.
enum MonthlySnapshots {
    /// Takes the snapshot of `day`'s month for every open period. With
    /// `replace`, a snapshot already taken this month is taken again; without,
    /// it is left as it is (several app instances may run the job at once).
    /// Returns how many snapshots were written.
    @discardableResult
    static func take(on day: CivilDate, replace: Bool, store: AssessmentStore, logger: Logger) async throws -> Int {
        let db = store.database.db
        let month = String(format: "%04d-%02d", day.year, day.month)
        var written = 0
        for period in try await PeriodModel.query(on: db).filter(\.$status ~~ [.open, .closed]).all() {
            guard let range = period.range, range.start <= day else { continue }
            let periodID = try period.requireID()
            let taken = try await ScoreSnapshotModel.query(on: db).filter(\.$period.$id == periodID).filter(\.$month == month).count()
            if taken > 0, !replace { continue }
            let scores = try await ProvisionalScores.compute(period: period, asOf: range.asOf(day), store: store)
            try await db.transaction { db in
                try await ScoreSnapshotModel.query(on: db).filter(\.$period.$id == periodID).filter(\.$month == month).delete()
                for score in scores {
                    let snapshot = ScoreSnapshotModel()
                    snapshot.$period.id = periodID
                    snapshot.$agency.id = try score.agency.requireID()
                    snapshot.month = month
                    snapshot.takenOn = range.asOf(day).iso
                    snapshot.total = score.score.final.fixed(2)
                    snapshot.classCode = score.scoreClass.code
                    snapshot.tasksDue = score.tasks?.due ?? 0
                    snapshot.tasksOnTime = score.tasks?.doneOnTime ?? 0
                    snapshot.tasksOverdue = score.tasks?.openOverdue ?? 0
                    try await snapshot.create(on: db)
                }
            }
            written += scores.count
            logger.info("snapshot \(month) of \(period.name): \(scores.count) agencies")
        }
        return written
    }
}

/// Runs ``MonthlySnapshots`` inside `chiso serve`/`demo`: at start and then
/// every hour it takes the month's snapshot if nobody has yet, and removes
/// uploads abandoned by a crash. With several
/// instances on one PostgreSQL, the unique (period, agency, month) key makes
/// a second writer fail harmlessly.
struct SnapshotScheduler: LifecycleHandler {
    let interval: Duration

    func didBootAsync(_ application: Application) async throws {
        let task = Task { [interval] in
            while !Task.isCancelled {
                do {
                    try await MonthlySnapshots.take(on: SourceData.today, replace: false, store: application.assessments, logger: application.logger)
                } catch {
                    application.logger.warning("monthly snapshot not taken this time: \(String(reflecting: error))")
                }
                // Housekeeping on the same beat: uploads cut off by a crash.
                do {
                    let removed = try await application.write { db in
                        try await EvidenceStore.removeAbandonedUploads(olderThan: 3600, on: db)
                    }
                    if removed > 0 { application.logger.notice("removed \(removed) abandoned uploads") }
                } catch {
                    application.logger.warning("abandoned uploads not removed this time: \(String(reflecting: error))")
                }
                try? await Task.sleep(for: interval)
            }
        }
        application.storage[TaskKey.self] = task
    }

    func shutdownAsync(_ application: Application) async {
        application.storage[TaskKey.self]?.cancel()
    }

    private struct TaskKey: StorageKey { typealias Value = Task<Void, Never> }
}
