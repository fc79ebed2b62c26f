import ChiSoCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import App

/// The task register and monitoring through the API: what the task office's
/// tracking system would do with a token.
@Suite("JSON API: tasks and monitoring", .serialized)
struct APITaskTests {
    @Test("A tracking system registers, extends and completes a task; the same figures come back as on the pages")
    func tasksThroughTheAPI() async throws {
        try await TestApp.run { app, fixture in
            let world = try await SourcedCriteriaTests.world(app, fixture)
            let office = try await APITests.token(app, "t.taskofficer")
            let reader = try await APITests.token(app, "t.leader")
            let agencyToken = try await APITests.token(app, "t.sxd.editor")

            // Refusals are typed: a bad date, an unknown agency, a role that may not.
            let bad = try await APITests.call(app, .POST, "/api/v1/tasks", token: office, body: [
                "sourceID": "API-1", "document": "200/UBND-TH", "agency": "SZZ", "content": "Việc qua API", "deadline": "31/04/2026"])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.code == "invalid_task")
            #expect(bad.message?.contains("SZZ") == true)
            #expect(bad.message?.contains("31/04/2026") == true)
            let refused = try await APITests.call(app, .POST, "/api/v1/tasks", token: reader, body: ["sourceID": "API-1"])
            #expect(refused.status == .forbidden)
            #expect(refused.code == "missing_role")

            let created = try await APITests.call(app, .POST, "/api/v1/tasks", token: office, body: [
                "sourceID": "API-1", "document": "200/UBND-TH", "documentDate": "2026-04-01", "issuer": "UBND tỉnh", "agency": "SNV",
                "content": "Việc qua API", "deadline": "2026-05-31"])
            #expect(created.status == .ok, "\(created.json)")
            let duplicate = try await APITests.call(app, .POST, "/api/v1/tasks", token: office, body: [
                "sourceID": "API-1", "document": "200/UBND-TH", "agency": "SNV", "content": "Việc qua API", "deadline": "2026-05-31"])
            #expect(duplicate.status == .unprocessableEntity)

            // SNV in Q2: T-1 overdue, T-10 on time, T-11 late, API-1 overdue → 1 of 4 on time.
            var monitoring = try await APITests.call(app, .GET, "/api/v1/periods/\(world.period)/monitoring", token: reader)
            var snv = try SourcedCriteriaTests.snv(monitoring.json)
            #expect((snv["sources"] as? [String: String])?["S.1"] == "1/4")
            #expect((snv["sources"] as? [String: String])?["S.2"] == "2") // two overdue: S.2 = max(2 − 2 × 1, 0)

            // Extended past the quarter, it is no longer due in Q2.
            let task = try #require(try await TaskModel.query(on: app.db).filter(\.$sourceID == "API-1").first())
            let extended = try await APITests.call(app, .POST, "/api/v1/tasks/\(task.id!)/extensions", token: office, body: [
                "extensionDocument": "250/UBND-TH", "extensionDate": "2026-05-20", "extendedDeadline": "2026-07-31"])
            #expect(extended.status == .ok)
            monitoring = try await APITests.call(app, .GET, "/api/v1/periods/\(world.period)/monitoring", token: reader)
            snv = try SourcedCriteriaTests.snv(monitoring.json)
            #expect((snv["sources"] as? [String: String])?["S.1"] == "1/3")

            // The task list, with its status on a chosen day.
            let list = try await APITests.call(app, .GET, "/api/v1/tasks?agency=SNV&asOf=2026-06-30", token: reader)
            let tasks = try #require(list.json["tasks"] as? [[String: Any]])
            let api1 = try #require(tasks.first { $0["sourceID"] as? String == "API-1" })
            #expect(api1["effectiveDeadline"] as? String == "2026-07-31")
            #expect(api1["status"] as? String == "openWithinDeadline")
            #expect(tasks.first { $0["sourceID"] as? String == "T-10" }?["status"] as? String == "doneOnTime")
            // Paged in the database: the pages together are the list, and a page outside the rules is refused.
            let total = try #require(list.json["total"] as? Int)
            #expect(total == tasks.count)
            var paged: [String] = []
            for page in 1...total {
                let one = try await APITests.call(app, .GET, "/api/v1/tasks?agency=SNV&asOf=2026-06-30&limit=1&page=\(page)", token: reader)
                paged += (one.json["tasks"] as? [[String: Any]] ?? []).compactMap { $0["sourceID"] as? String }
                #expect(one.json["pageSize"] as? Int == 1 && one.json["page"] as? Int == page)
            }
            #expect(paged == tasks.compactMap { $0["sourceID"] as? String })
            for bad in ["page=0", "limit=0", "limit=1001", "page=-3"] {
                let refused = try await APITests.call(app, .GET, "/api/v1/tasks?\(bad)", token: reader)
                #expect(refused.status == .badRequest && refused.code == "invalid_parameter", "\(bad)")
            }

            // An agency's token sees its own tasks and figures only.
            let own = try await APITests.call(app, .GET, "/api/v1/tasks?agency=SNV", token: agencyToken)
            let ownTasks = try #require(own.json["tasks"] as? [[String: Any]])
            #expect(!ownTasks.isEmpty)
            #expect(ownTasks.allSatisfy { $0["agency"] as? String == "SXD" })
            let ownMonitoring = try await APITests.call(app, .GET, "/api/v1/periods/\(world.period)/monitoring", token: agencyToken)
            #expect((ownMonitoring.json["agencies"] as? [[String: Any]])?.map { $0["agency"] as? String } == ["SXD"])

            // A leader rates through the API.
            let rated = try await APITests.call(app, .POST, "/api/v1/periods/\(world.period)/ratings/\(fixture.own)", token: reader,
                                                body: ["level-S.4": "A"])
            #expect(rated.status == .ok)
            monitoring = try await APITests.call(app, .GET, "/api/v1/periods/\(world.period)/monitoring", token: reader)
            snv = try SourcedCriteriaTests.snv(monitoring.json)
            #expect((snv["sources"] as? [String: String])?["S.4"] == "A")
        }
    }

    @Test("A multipart header name with a byte over 127 is refused, not a crash (MultipartKit's parser traps on it)")
    func hostileMultipart() async throws {
        try await TestApp.run { app, fixture in
            let organizer = try await APITests.token(app, "t.organizer")
            let editor = try await APITests.token(app, "t.editor")
            let body: [UInt8] = Array("--zz\r\n".utf8) + [0xC2, 0x8E] + Array("n: x\r\n\r\nabc\r\n--zz--\r\n".utf8)
            for (path, token) in [("/api/v1/periods/\(fixture.period)/surveys", organizer),
                                  ("/api/v1/assessments/\(fixture.ownAssessment)/entries/1.1/evidence", editor),
                                  ("/api/v1/assessments/\(fixture.ownAssessment)/return", organizer)] {
                var headers = HTTPHeaders()
                headers.bearerAuthorization = BearerAuthorization(token: token)
                headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=zz")
                let response = try await app.testing().sendRequest(.POST, path, headers: headers, body: ByteBuffer(bytes: body))
                #expect(response.status == .badRequest, "\(path) → \(response.status)")
            }
            // Still serving; a method the path does not have is 405 with what it allows.
            #expect(try await APITests.call(app, .GET, "/api/v1/me", token: editor).status == .ok)
            let trace = try await app.testing().sendRequest(.DELETE, "/api/v1/me")
            #expect(trace.status == .methodNotAllowed)
            #expect(trace.headers.first(name: .allow) == "GET")
        }
    }
}
