import ChiSoCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import App

/// A refused form comes back in place: the page the user was on, what they typed, a summary at the
/// top linking to each problem, and the focus on the first one; an unavoidable error page says what
/// happened and offers the way back.
@Suite("Refusals in place", .serialized)
struct RefusalInPlaceTests {
    /// The element with `id`, from its opening tag to its end ('>').
    static func tag(_ html: String, id: String) -> String? {
        guard let range = html.range(of: "id=\"\(id)\"") else { return nil }
        let start = html[..<range.lowerBound].lastIndex(of: "<") ?? range.lowerBound
        let end = html[range.upperBound...].firstIndex(of: ">") ?? html.endIndex
        return String(html[start...end])
    }

    @Test("A refused leaf value: summary at the top linking to the field, which keeps the value and takes the focus")
    func leafValue() async throws {
        try await TestApp.run { app, fixture in
            let editor = Browser(app)
            try await editor.signIn("t.editor")
            _ = try await editor.get("/assessments/\(fixture.ownAssessment)")
            let page = try await editor.post("/assessments/\(fixture.ownAssessment)/entries/1.2", [("value", "khoảng 90"), ("revision", "0")])
            #expect(page.status == .unprocessableEntity)
            let summary = try #require(page.body.range(of: "id=\"problems\""))
            let leaf = try #require(page.body.range(of: "id=\"leaf-1.2\""))
            #expect(summary.lowerBound < leaf.lowerBound)
            #expect(page.body.contains("<a href=\"#v-1.2\">1.2 Tỷ lệ: "))
            let field = try #require(Self.tag(page.body, id: "v-1.2"))
            #expect(field.contains("autofocus"))
            #expect(field.contains("value=\"khoảng 90\""))
        }
    }

    @Test("A refused file type: the assessment page again, the problem at the top and at the leaf's upload, nothing stored")
    func fileType() async throws {
        try await TestApp.run { app, fixture in
            let editor = Browser(app)
            try await editor.signIn("t.editor")
            _ = try await editor.get("/assessments/\(fixture.ownAssessment)")
            let before = try await EvidenceLinkModel.query(on: app.db).count()
            let page = try await editor.upload("/assessments/\(fixture.ownAssessment)/entries/1.1/evidence", field: "file",
                                               fileName: "script.sh", content: Array("#!/bin/sh\necho hi\n".utf8))
            #expect(page.status == .unsupportedMediaType)
            #expect(page.body.contains("id=\"leaf-1.1\""))          // the page the user was on
            #expect(page.body.contains("<a href=\"#f-1.1\">1.1 Kế hoạch: "))
            let input = try #require(Self.tag(page.body, id: "f-1.1"))
            #expect(input.contains("autofocus"))
            #expect(page.body.contains("id=\"f-1.1-error\""))
            #expect(try await EvidenceLinkModel.query(on: app.db).count() == before)
        }
    }

    @Test("A bad criterion code in an appraiser assignment: the period page again, as typed, the field focused")
    func badCriterionCode() async throws {
        try await TestApp.run { app, fixture in
            let organizer = Browser(app)
            try await organizer.signIn("t.organizer")
            _ = try await organizer.get("/periods/\(fixture.period)")
            let appraiser = try #require(try await UserModel.query(on: app.db).filter(\.$username == "t.appraiser").first())
            let page = try await organizer.post("/periods/\(fixture.period)/assignments",
                                                [("indexCode", "test-so"), ("criterionCode", "9.9"), ("userID", appraiser.id!.uuidString)])
            #expect(page.status == .unprocessableEntity)
            #expect(page.body.contains("<a href=\"#criterionCode\">Không có tiêu chí 9.9 trong test-so.</a>"))
            let field = try #require(Self.tag(page.body, id: "criterionCode"))
            #expect(field.contains("value=\"9.9\""))
            #expect(field.contains("autofocus"))
            #expect(page.body.contains("<option value=\"\(appraiser.id!.uuidString)\" selected>"))
            #expect(try await AppraisalAssignmentModel.query(on: app.db).count() == 0)
            // The API answers in English, with a code.
            let token = try await APITests.token(app, "t.organizer")
            let api = try await APITests.call(app, .POST, "/api/v1/periods/\(fixture.period)/assignments", token: token,
                                              body: ["indexCode": "test-so", "criterionCode": "9.9", "userID": appraiser.id!.uuidString])
            #expect(api.status == .unprocessableEntity)
            #expect(api.code == "invalid_assignment")
        }
    }

    @Test("An error page says what happened and links back to the page the user came from (this site only)")
    func errorPageWayBack() async throws {
        try await TestApp.run { app, fixture in
            let editor = Browser(app)
            try await editor.signIn("t.editor")
            _ = try await editor.get("/assessments/\(fixture.ownAssessment)")
            editor.extraHeaders = [("Referer", "http://localhost:8080/assessments/\(fixture.ownAssessment)"), ("Host", "localhost:8080")]
            let missing = try await editor.post("/assessments/\(fixture.ownAssessment)/entries/9.9", [("value", "1"), ("revision", "0")])
            #expect(missing.status == .notFound)
            #expect(missing.body.contains("<a href=\"/assessments/\(fixture.ownAssessment)\" class=\"button\">Quay lại trang bạn vừa xem</a>"))
            #expect(missing.body.contains("Yêu cầu không được thực hiện; không có gì bị thay đổi."))
            // Another site's page is not offered.
            editor.extraHeaders = [("Referer", "https://evil.example/phish"), ("Host", "localhost:8080")]
            let other = try await editor.post("/assessments/\(fixture.ownAssessment)/entries/9.9", [("value", "1"), ("revision", "0")])
            #expect(!other.body.contains("evil.example"))
            #expect(!other.body.contains("Quay lại trang bạn vừa xem"))
        }
    }
}
