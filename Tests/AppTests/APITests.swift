import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import App

@Suite("JSON API", .serialized)
struct APITests {
    static func token(_ app: Application, _ username: String) async throws -> String {
        let token = Sessions.randomToken()
        let user = try #require(try await UserModel.query(on: app.db).filter(\.$username == username).first())
        try await APITokenModel(userID: user.requireID(), tokenHash: Sessions.hash(token), name: "test",
                            expiresAt: Date().addingTimeInterval(86400)).create(on: app.db)
        return token
    }

    struct Reply {
        var status: HTTPStatus
        var json: [String: Any]
        var code: String? { (json["error"] as? [String: Any])?["code"] as? String }
        var message: String? { (json["error"] as? [String: Any])?["message"] as? String }
    }

    static func call(_ app: Application, _ method: HTTPMethod, _ path: String, token: String?, body: [String: Any]? = nil) async throws -> Reply {
        var headers = HTTPHeaders()
        if let token { headers.bearerAuthorization = BearerAuthorization(token: token) }
        var buffer: ByteBuffer?
        if let body {
            headers.contentType = .json
            buffer = ByteBuffer(data: try JSONSerialization.data(withJSONObject: body))
        }
        let response = try await app.testing().sendRequest(method, path, headers: headers, body: buffer)
        let object = (try? JSONSerialization.jsonObject(with: Data(response.body.readableBytesView))) as? [String: Any] ?? [:]
        return Reply(status: response.status, json: object)
    }

    @Test("The OpenAPI document is served and names every API route")
    func openAPI() async throws {
        try await TestApp.run { app, _ in
            let reply = try await Self.call(app, .GET, "/api/openapi.json", token: nil)
            #expect(reply.status == .ok)
            #expect(reply.json["openapi"] as? String == "3.0.3")
            let paths = Set((reply.json["paths"] as? [String: Any] ?? [:]).keys)
            for route in app.routes.all where route.path.first?.description == "api" {
                let path = "/" + route.path.map { component -> String in
                    let text = component.description
                    return text.hasPrefix(":") ? "{\(text.dropFirst())}" : text
                }.joined(separator: "/")
                #expect(paths.contains(path), "\(path) is not in the OpenAPI document")
            }
            // Every operation whose body allows only declared fields is a route, named as the field check names it.
            let operations = Set(app.routes.all.map(DeclaredFieldsOnly.operation))
            #expect(DeclaredFieldsOnly.declared.count == 13) // all but the ratings (a map of criterion → level)
            for operation in DeclaredFieldsOnly.declared.keys {
                #expect(operations.contains(operation), "\(operation) is not a route")
            }
        }
    }

    @Test("Without a valid token: 401 in JSON")
    func unauthorized() async throws {
        try await TestApp.run { app, _ in
            #expect(try await Self.call(app, .GET, "/api/v1/me", token: nil).status == .unauthorized)
            let bad = try await Self.call(app, .GET, "/api/v1/me", token: "not-a-token")
            #expect(bad.status == .unauthorized)
            #expect(bad.code == "invalid_token")
        }
    }

    @Test("The cycle's refusals through the API carry the same typed reasons")
    func actionsAndRefusals() async throws {
        try await TestApp.run { app, fixture in
            let editor = try await Self.token(app, "t.editor"), head = try await Self.token(app, "t.head")
            let me = try await Self.call(app, .GET, "/api/v1/me", token: editor)
            #expect(me.json["username"] as? String == "t.editor")
            let path = "/api/v1/assessments/\(fixture.ownAssessment)"
            let read = try await Self.call(app, .GET, path, token: editor)
            #expect(read.json["state"] as? String == "draft")
            let leaves = read.json["leaves"] as? [[String: Any]] ?? []
            #expect(leaves.first { $0["code"] as? String == "1.2" }?["selfPoints"] as? String == "5.25")

            let saved = try await Self.call(app, .POST, "\(path)/entries/1.2", token: editor, body: ["value": "100", "revision": 0])
            #expect(saved.status == .ok)
            #expect(saved.json["message"] as? String == "Saved 1.2.")
            // A field the document does not declare is an error, not a value silently dropped; nothing is saved.
            let misspelt = try await Self.call(app, .POST, "\(path)/entries/1.2", token: editor, body: ["value": "90", "revison": 1])
            #expect(misspelt.status == .unprocessableEntity)
            #expect(misspelt.code == "unknown_field")
            #expect(misspelt.message?.hasPrefix("Not a field of this operation: revison") == true)
            let stored = try await CriterionEntry.all(of: [fixture.ownAssessment], on: app.db).filter { $0.criterionCode == "1.2" }
            #expect(stored.map(\.selfInput) == ["100"])
            let stale = try await Self.call(app, .POST, "\(path)/entries/1.2", token: editor, body: ["value": "90", "revision": 0])
            #expect(stale.status == .conflict)
            #expect(stale.code == "stale_revision")
            let invalid = try await Self.call(app, .POST, "\(path)/entries/1.2", token: editor, body: ["value": "abc", "revision": 1])
            #expect(invalid.status == .unprocessableEntity)
            #expect(invalid.code == "invalid_input")
            #expect(invalid.message == "not a number (\"abc\")")

            // Evidence through the API: multipart, no CSRF field (the token authenticates).
            var headers = HTTPHeaders()
            headers.bearerAuthorization = BearerAuthorization(token: editor)
            headers.contentType = HTTPMediaType(type: "multipart", subType: "form-data", parameters: ["boundary": "X"])
            let upload = try await app.testing().sendRequest(.POST, "\(path)/entries/1.2/evidence", headers: headers, body: ByteBuffer(string:
                "--X\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bc.pdf\"\r\n\r\n%PDF-1.4 api\r\n--X--\r\n"))
            #expect(upload.status == .ok)
            let exe = try await app.testing().sendRequest(.POST, "\(path)/entries/1.2/evidence", headers: headers, body: ByteBuffer(string:
                "--X\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\nMZ\u{90}\u{0}binary\r\n--X--\r\n"))
            #expect(exe.status == .unsupportedMediaType)
            #expect(exe.body.string.contains("file_type_not_allowed"))

            let other = try await Self.call(app, .GET, "/api/v1/assessments/\(fixture.otherAssessment)", token: editor)
            #expect(other.status == .forbidden)
            #expect(other.code == "other_agency")
            let notHead = try await Self.call(app, .POST, "\(path)/submit", token: editor)
            #expect(notHead.code == "missing_role")
            #expect(try await Self.call(app, .POST, "\(path)/submit", token: head).status == .ok)
            let late = try await Self.call(app, .POST, "\(path)/entries/1.2", token: editor, body: ["value": "80", "revision": 1])
            #expect(late.status == .conflict)
            #expect(late.code == "wrong_state")
            #expect(late.message == "The assessment was submitted and awaits appraisal.")
            let appraisal = try await Self.call(app, .GET, "\(path)/appraisal", token: editor)
            #expect(appraisal.status == .notFound) // the page is not part of the API
            let list = try await Self.call(app, .GET, "/api/v1/assessments", token: editor)
            #expect(list.status == .ok)
        }
    }
}

@Suite("The whole cycle through the API", .serialized)
struct APICycleTests {
    @Test("Both agencies through every step by token, then the organiser publishes the period")
    func wholeCycle() async throws {
        try await TestApp.run { app, fixture in
            let tokens = [
                "editor": try await APITests.token(app, "t.editor"), "head": try await APITests.token(app, "t.head"),
                "sxd": try await APITests.token(app, "t.sxd.editor"), "chair": try await APITests.token(app, "t.chair"),
                "organizer": try await APITests.token(app, "t.organizer"),
            ]
            // SXD's head, for its own submission.
            try await UserModel(username: "t.sxd.head", displayName: "Thủ trưởng SXD", passwordHash: try Passwords.hash(Fixture.password, cost: 4),
                                agencyID: fixture.other, roles: [.head], mustChangePassword: false).create(on: app.db)
            let sxdHead = try await APITests.token(app, "t.sxd.head")
            func call(_ token: String, _ method: HTTPMethod, _ path: String, _ body: [String: Any]? = nil) async throws -> APITests.Reply {
                try await APITests.call(app, method, path, token: token, body: body)
            }
            for (assessment, editor, head) in [(fixture.ownAssessment, tokens["editor"]!, tokens["head"]!),
                                               (fixture.otherAssessment, tokens["sxd"]!, sxdHead)] {
                let path = "/api/v1/assessments/\(assessment)"
                #expect(try await call(editor, .POST, "\(path)/entries/1.1", ["value": "có", "revision": 0]).status == .ok)
                #expect(try await call(head, .POST, "\(path)/submit").status == .ok)
                #expect(try await call(tokens["chair"]!, .POST, "\(path)/appraisal/1.2", ["value": "50", "comment": "Một nửa"]).status == .ok)
                #expect(try await call(tokens["chair"]!, .POST, "\(path)/appraisal/confirm").status == .ok)
                #expect(try await call(tokens["chair"]!, .POST, "\(path)/release").status == .ok)
                let released = try await call(editor, .GET, path)
                // 1.1 confirmed (yes: 4 of 4), 1.2 appraised at 50 % (3 of 6).
                #expect(released.json["appraisedTotal"] as? String == "7.00", "\(released.json["appraisedTotal"] ?? "nil")")
                #expect(try await call(editor, .POST, "\(path)/explanations/1.2", ["explanation": "Có báo cáo bổ sung"]).status == .ok)
                #expect(try await call(tokens["chair"]!, .POST, "\(path)/appraisal/1.2", ["value": "80", "comment": "Chấp nhận"]).status == .ok)
                #expect(try await call(tokens["chair"]!, .POST, "\(path)/finalise").status == .ok)
            }
            let published = try await call(tokens["organizer"]!, .POST, "/api/v1/periods/\(fixture.period)/publish",
                                           ["number": "12/QĐ-UBND", "signedOn": "2026-01-20", "issuer": "UBND tỉnh Thử", "signer": "Trần Văn Bình",
                                            "signerPosition": "CHỦ TỊCH"])
            #expect(published.status == .ok, "\(published.json)")
            #expect(try await PeriodModel.find(fixture.period, on: app.db)?.status == .published)
            let states = Set(try await AssessmentModel.query(on: app.db).filter(\.$period.$id == fixture.period).all().map(\.state))
            #expect(states == ["published"])
            // SNV: 1.1 yes with evidence (4) + 1.2 at 80 % of 6 (4,8) = 8,8 → class T.
            let snv = try #require(try await AssessmentModel.find(fixture.ownAssessment, on: app.db))
            #expect(snv.finalScore == "8.80")
            #expect(snv.classCode == "T")
            // SXD has the same inputs and its own evidence for 1.1.
            #expect(try await AssessmentModel.find(fixture.otherAssessment, on: app.db)?.finalScore == "8.80")
        }
    }
}
