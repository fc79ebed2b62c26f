import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting
@testable import App

@Suite("Audit log", .serialized)
struct AuditTests {
    @Test("Every change is recorded with who, before → after and the client address; the log filters")
    func recorded() async throws {
        try await TestApp.run { app, fixture in
            let admin = Browser(app)
            try await admin.signIn("t.admin")
            _ = try await admin.get("/admin/agencies/\(fixture.other)")
            let saved = try await admin.post("/admin/agencies/\(fixture.other)", [
                ("code", "SXD"), ("name", "Sở Xây dựng (mới)"), ("group", "so"), ("tags", ""),
            ])
            #expect(saved.status == .seeOther)
            let event = try #require(try await AuditEventModel.query(on: app.db).filter(\.$action == "agency.update").first())
            #expect(event.username == "t.admin")
            #expect(Audit.fields(event.before) == ["name": "Sở Xây dựng"])
            #expect(Audit.fields(event.after) == ["name": "Sở Xây dựng (mới)"])
            let page = try await admin.get("/admin/audit?action=agency.&target=SXD")
            #expect(page.body.contains("Sở Xây dựng (mới)"))
            let none = try await admin.get("/admin/audit?who=someone-else")
            #expect(none.body.contains("Không có sự kiện nào."))
        }
    }

    @Test("The audit's JSON reads back as written, whatever the text (quotes, backslashes, control characters, Vietnamese)")
    func jsonRoundTrip() throws {
        let alphabet = Array("aZ09 \"\\/\n\r\t\u{0}\u{1}\u{1f}\u{7f}ệđƯ€😀\u{2028}{}[]:,")
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            var fields: [String: String] = [:]
            for _ in 0..<Int.random(in: 0...4, using: &generator) {
                let key = String((0..<Int.random(in: 0...6, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
                fields[key] = String((0..<Int.random(in: 0...20, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
            }
            let text = Audit.json(fields)
            #expect(try JSONDecoder().decode([String: String].self, from: Data(text.utf8)) == fields, "\(text)")
        }
        #expect(Audit.json(["note": "a\"b", "input": "85,5"]) == #"{"input":"85,5","note":"a\"b"}"#)
    }

    @Test("A change's audit row takes its values after the change's highest $n")
    func placeholders() {
        #expect(Audit.highestPlaceholder(in: "UPDATE t SET a = $1, b = $12 WHERE c = $3 AND d = '$' RETURNING id") == 12)
        #expect(Audit.highestPlaceholder(in: "SELECT 1") == 0)
        #expect(Audit.highestPlaceholder(in: "x = $9") == 9)
    }

    @Test("The database refuses to update or delete an audit row")
    func appendOnly() async throws {
        try await TestApp.run { app, _ in
            try await Audit.record(on: app.db, .system, action: "test", targetType: "t", target: "t")
            let sql = try #require(app.db as? any SQLDatabase)
            await #expect(throws: (any Error).self) { try await sql.raw("UPDATE audit_events SET username = 'x'").run() }
            await #expect(throws: (any Error).self) { try await sql.raw("DELETE FROM audit_events").run() }
            #expect(try await AuditEventModel.query(on: app.db).filter(\.$action == "test").count() == 1)
        }
    }
}
