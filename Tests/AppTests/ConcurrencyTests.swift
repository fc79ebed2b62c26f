import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import App

@Suite("Concurrent writes", .serialized)
struct ConcurrencyTests {
    @Test("Many parallel writes: none lost, none refused (no \"database is locked\")")
    func parallelWrites() async throws {
        try await TestApp.run { app, fixture in
            let count = 200
            let before = await (app.writeGate?.transactions ?? 0, app.writeGate?.writes ?? 0)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for number in 0..<count {
                    group.addTask {
                        try await app.write { db in
                            // Read, then write, in one transaction: the pattern that fails on SQLite without the gate.
                            let existing = try await AgencyModel.query(on: db).count()
                            try await AgencyModel(code: "P\(number)", name: "Đơn vị \(number) / \(existing)", group: "p", tags: [])
                                .create(on: db)
                            try await Audit.record(on: db, .system, action: "agency.create", targetType: "agency", target: "P\(number)")
                        }
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await AgencyModel.query(on: app.db).filter(\.$group == "p").count() == count)
            #expect(try await AuditEventModel.query(on: app.db).filter(\.$target ~~ (0..<count).map { "P\($0)" }).count() == count)
            if let gate = app.writeGate {
                // On SQLite the writes that waited were committed together (group commit): fewer transactions than writes.
                let (transactions, writes) = (await gate.transactions - before.0, await gate.writes - before.1)
                #expect(writes == count)
                #expect(transactions < writes)
            }
        }
    }

    @Test("Writes that fail among many parallel ones: only they fail, and nothing of them is stored")
    func failingWritesAmongMany() async throws {
        struct Refused: Error {}
        try await TestApp.run { app, fixture in
            let count = 120
            let before = await (app.writeGate?.transactions ?? 0, app.writeGate?.writes ?? 0)
            let outcomes = try await withThrowingTaskGroup(of: (Int, Bool).self) { group in
                for number in 0..<count {
                    group.addTask {
                        do {
                            let stored = try await app.write { db -> Int in
                                try await AgencyModel(code: "F\(number)", name: "Đơn vị \(number)", group: "f", tags: []).create(on: db)
                                // Every seventh write fails after writing: its row must not survive.
                                if number % 7 == 0 { throw Refused() }
                                return number
                            }
                            return (stored, true)
                        } catch is Refused {
                            return (number, false)
                        }
                    }
                }
                var outcomes: [Int: Bool] = [:]
                for try await (number, ok) in group { outcomes[number] = ok }
                return outcomes
            }
            // Each write got its own answer (the value it returned, or its error).
            #expect(outcomes.count == count)
            for number in 0..<count { #expect(outcomes[number] == (number % 7 != 0), "write \(number)") }
            let codes = Set(try await AgencyModel.query(on: app.db).filter(\.$group == "f").all().map(\.code))
            #expect(codes == Set((0..<count).filter { $0 % 7 != 0 }.map { "F\($0)" }))
            if let gate = app.writeGate {
                // The writes of a shared transaction that failed were run again one by one.
                #expect(await gate.writes - before.1 == count - (0..<count).filter { $0 % 7 == 0 }.count)
            }
        }
    }

    @Test("Parallel HTTP saves through the app: every acknowledged save is stored")
    func parallelRequests() async throws {
        try await TestApp.run { app, fixture in
            let admin = Browser(app)
            try await admin.signIn("t.admin")
            let token = try #require(admin.csrfToken)
            let cookie = admin.cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
            let results = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for number in 0..<60 {
                    group.addTask {
                        var headers = HTTPHeaders()
                        headers.add(name: .cookie, value: cookie)
                        headers.add(name: .contentType, value: "application/x-www-form-urlencoded")
                        let body = "code=H\(number)&name=Don+vi+\(number)&group=h&tags=&_csrf=\(token)"
                        return try await app.testing().sendRequest(.POST, "/admin/agencies", headers: headers,
                                                                   body: ByteBuffer(string: body)).status
                    }
                }
                return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
            }
            #expect(results.allSatisfy { $0 == .seeOther })
            #expect(try await AgencyModel.query(on: app.db).filter(\.$group == "h").count() == 60)
        }
    }
}
