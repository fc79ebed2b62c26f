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
