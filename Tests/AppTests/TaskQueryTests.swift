import ChiSoCore
import Fluent
import Foundation
import Testing
@testable import App

/// The task lists are filtered, counted and paged in SQL (`TaskQueries`):
/// the SQL status of every task on every day must be the core's.
@Suite("Task lists in SQL", .serialized)
struct TaskQueryTests {
    @Test("The SQL status of random tasks equals ChiSoCore's on every day; pages cover each status exactly once")
    func statusesAgree() async throws {
        try await TestApp.run { app, fixture in
            var generator = DemoRandom(seed: "task-queries")
            let base = CivilDate(year: 2026, month: 3, day: 1)!
            for number in 0..<60 {
                let deadline = base.adding(days: Int.random(in: 0..<60, using: &generator))
                let completed = Bool.random(using: &generator) ? base.adding(days: Int.random(in: 0..<80, using: &generator)) : nil
                let task = TaskModel(sourceID: "Q-\(number)", document: "\(number)/UBND", documentDate: nil, issuer: "UBND",
                                     agencyID: number % 3 == 0 ? fixture.other : fixture.own, content: "Việc \(number)",
                                     deadline: deadline, completedOn: completed, completionNote: "")
                try await task.create(on: app.db)
                for step in 0..<Int.random(in: 0..<4, using: &generator) {
                    let dated = Bool.random(using: &generator) ? base.adding(days: Int.random(in: 0..<30, using: &generator)) : nil
                    let extended = TaskExtensionModel(taskID: task.id!, document: "GH-\(number)-\(step)", documentDate: dated,
                                                      newDeadline: deadline.adding(days: Int.random(in: -5..<40, using: &generator)))
                    try await extended.create(on: app.db)
                    try await Task.sleep(for: .milliseconds(2)) // recorded one after another
                }
            }
            let models = try await TaskModel.query(on: app.db).with(\.$agency).with(\.$extensions).all()
            for offset in stride(from: -5, through: 90, by: 7) {
                let day = base.adding(days: offset)
                for agency in [nil, fixture.own] {
                    let mine = models.filter { agency == nil || $0.$agency.id == agency }
                    var expected: [TaskStatus: Set<UUID>] = [:]
                    for model in mine {
                        let status = try #require(model.assigned(agencyCode: model.agency.code)).status(on: day)
                        expected[status, default: []].insert(model.id!)
                    }
                    let filter = TaskQueries.Filter(agencyID: agency, asOf: day)
                    let counts = try await TaskQueries.counts(filter, on: app.db)
                    #expect(counts.mapValues { $0 } == expected.mapValues(\.count), "\(day.iso)")
                    for status in TaskStatus.allCases {
                        var filtered = filter
                        filtered.status = status
                        var seen: [UUID] = []
                        for page in 1...20 {
                            let ids = try await TaskQueries.page(filtered, page: page, pageSize: 7, on: app.db)
                            seen += ids
                            if ids.count < 7 { break }
                        }
                        #expect(Set(seen) == (expected[status] ?? []), "\(day.iso) \(status)")
                        #expect(seen.count == Set(seen).count)
                    }
                }
            }
            // Ordered by effective deadline, as the core computes it.
            let ids = try await TaskQueries.page(.init(asOf: base), page: 1, pageSize: 500, on: app.db)
            let deadlines = try await TaskQueries.load(ids, on: app.db).compactMap { $0.assigned(agencyCode: "")?.effectiveDeadline }
            #expect(deadlines == deadlines.sorted())
            // Search, case-insensitive on the letters people type.
            let found = try await TaskQueries.counts(.init(search: "VIỆC 1", asOf: base), on: app.db).values.reduce(0, +)
            #expect(found == models.filter { $0.content.lowercased().contains("việc 1") }.count)
        }
    }
}
