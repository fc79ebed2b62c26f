import ChiSoCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import App

@Suite("Self-assessment, submission, return, deadlines", .serialized)
struct SelfAssessmentTests {
    /// A leaf's self-assessed points, as the store scores the assessment.
    static func selfPoints(_ app: Application, _ assessment: UUID, _ code: String) async throws -> String? {
        let record = try await app.assessments.load(assessment)
        guard let position = record.index.nodes.firstIndex(where: { $0.code == code }) else { return nil }
        return record.score(.selfAssessed).nodes[position].points.description
    }

    static func entry(_ app: Application, _ assessment: UUID, _ code: String) async throws -> CriterionEntryModel? {
        try await CriterionEntryModel.query(on: app.db).filter(\.$assessment.$id == assessment).filter(\.$criterionCode == code).first()
    }

    @Test("The editor saves a leaf; the points come from ChiSoCore; the change is audited")
    func save() async throws {
        try await TestApp.run { app, fixture in
            let editor = Browser(app)
            try await editor.signIn("t.editor")
            let page = try await editor.get("/assessments/\(fixture.ownAssessment)")
            #expect(page.body.contains("action=\"/assessments/\(fixture.ownAssessment)/entries/1.2\""))
            let saved = try await editor.post("/assessments/\(fixture.ownAssessment)/entries/1.2", [("value", "3/4"), ("note", "Báo cáo số 12"), ("revision", "0")])
            #expect(saved.status == .seeOther)
            #expect(saved.location == "/assessments/\(fixture.ownAssessment)#leaf-1.2")
            let entry = try #require(try await Self.entry(app, fixture.ownAssessment, "1.2"))
            #expect(entry.selfInput == "3/4")
            #expect(try await Self.selfPoints(app, fixture.ownAssessment, "1.2") == "4.5") // 6 × 75% = 4,5
            #expect(entry.revision == 1)
            let after = try await editor.get("/assessments/\(fixture.ownAssessment)")
            #expect(after.body.contains("Đã lưu 1.2."))
            #expect(after.body.contains("4,50"))
            let audit = try #require(try await AuditEventModel.query(on: app.db).filter(\.$action == "entry.self_save").first())
            #expect(Audit.fields(audit.before)["input"] == "87,5")
            #expect(Audit.fields(audit.after)["input"] == "3/4")
        }
    }

    @Test("A value the rule cannot take is refused in Vietnamese and what was typed stays")
    func invalid() async throws {
        try await TestApp.run { app, fixture in
            let editor = Browser(app)
            try await editor.signIn("t.editor")
            _ = try await editor.get("/assessments/\(fixture.ownAssessment)")
            let page = try await editor.post("/assessments/\(fixture.ownAssessment)/entries/1.2", [("value", "khoảng 90"), ("note", "ghi chú gõ dở"), ("revision", "0")])
            #expect(page.status == .unprocessableEntity)
            #expect(page.body.contains("không phải là số (&quot;khoảng 90&quot;)") || page.body.contains("không phải là số (\"khoảng 90\")"))
            #expect(page.body.contains("value=\"khoảng 90\""))
            #expect(page.body.contains("ghi chú gõ dở"))
            #expect(try await Self.entry(app, fixture.ownAssessment, "1.2")?.selfInput == "87,5")
            let na = try await editor.post("/assessments/\(fixture.ownAssessment)/entries/1.2", [("value", ""), ("na", "1"), ("revision", "0")])
            // 1.2 does not allow N/A: refused in place, by the core's reading (the same as chiso score's).
            #expect(na.status == .unprocessableEntity)
            #expect(na.body.contains("không cho phép &quot;không áp dụng&quot;") || na.body.contains("không cho phép \"không áp dụng\""))
            #expect(try await Self.entry(app, fixture.ownAssessment, "1.2")?.selfInput == "87,5")
        }
    }

    @Test("A leaf's first save inserts it with its audit row; a stale first save writes neither")
    func firstSave() async throws {
        try await TestApp.run { app, fixture in
            let first = Browser(app), second = Browser(app)
            try await first.signIn("t.editor")
            try await second.signIn("t.editor")
            let path = "/assessments/\(fixture.ownAssessment)/entries/1.1"
            #expect(try await Self.entry(app, fixture.ownAssessment, "1.1") == nil)
            #expect(try await first.post(path, [("value", "có"), ("note", "Kế hoạch số 3"), ("revision", "0")]).status == .seeOther)
            let entry = try #require(try await Self.entry(app, fixture.ownAssessment, "1.1"))
            #expect(entry.selfInput == "có" && entry.selfNote == "Kế hoạch số 3" && entry.revision == 1)
            #expect(try await Self.selfPoints(app, fixture.ownAssessment, "1.1") == "4")
            let audits = try await AuditEventModel.query(on: app.db).filter(\.$action == "entry.self_save").all()
            #expect(audits.count == 1)
            #expect(audits.first?.target.hasSuffix("/ 1.1") == true)
            #expect(audits.first?.username == "t.editor")
            #expect(Audit.fields(audits.first?.after) == ["input": "có", "note": "Kế hoạch số 3"])
            // The second person also thought the leaf was empty: refused, nothing written, not even an audit row.
            #expect(try await second.post(path, [("value", "không"), ("revision", "0")]).status == .conflict)
            #expect(try await Self.entry(app, fixture.ownAssessment, "1.1")?.selfInput == "có")
            #expect(try await AuditEventModel.query(on: app.db).filter(\.$action == "entry.self_save").count() == 1)
        }
    }

    @Test("Two people save the same leaf: the stale save is refused and shows the other value")
    func optimisticConcurrency() async throws {
        try await TestApp.run { app, fixture in
            let first = Browser(app), second = Browser(app)
            try await first.signIn("t.editor")
            try await second.signIn("t.editor")
            _ = try await first.get("/assessments/\(fixture.ownAssessment)")
            _ = try await second.get("/assessments/\(fixture.ownAssessment)")
            #expect(try await first.post("/assessments/\(fixture.ownAssessment)/entries/1.2", [("value", "100"), ("revision", "0")]).status == .seeOther)
            let stale = try await second.post("/assessments/\(fixture.ownAssessment)/entries/1.2", [("value", "50"), ("revision", "0")])
            #expect(stale.status == .conflict)
            #expect(stale.body.contains("đã lưu giá trị mới hơn"))
            #expect(stale.body.contains("<strong>100</strong>"))
            #expect(stale.body.contains("value=\"50\""))
            #expect(stale.body.contains("name=\"revision\" value=\"1\""))
            #expect(try await Self.entry(app, fixture.ownAssessment, "1.2")?.selfInput == "100")
            // Saving again after seeing the other value replaces it, knowingly.
            #expect(try await second.post("/assessments/\(fixture.ownAssessment)/entries/1.2", [("value", "50"), ("revision", "1")]).status == .seeOther)
            #expect(try await Self.entry(app, fixture.ownAssessment, "1.2")?.selfInput == "50")
        }
    }

    @Test("Parallel saves of one leaf: exactly one wins per revision, none is lost silently")
    func parallelSaves() async throws {
        try await TestApp.run { app, fixture in
            let editor = Browser(app)
            try await editor.signIn("t.editor")
            let token = try #require(editor.csrfToken)
            let cookie = editor.cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for value in 0..<12 {
                    group.addTask {
                        var headers = HTTPHeaders()
                        headers.add(name: .cookie, value: cookie)
                        headers.add(name: .contentType, value: "application/x-www-form-urlencoded")
                        return try await app.testing().sendRequest(.POST, "/assessments/\(fixture.ownAssessment)/entries/1.2", headers: headers,
                                                                   body: ByteBuffer(string: "value=\(value)&revision=0&_csrf=\(token)")).status
                    }
                }
                return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .seeOther }.count == 1)
            #expect(statuses.filter { $0 == .conflict }.count == 11)
            #expect(try await Self.entry(app, fixture.ownAssessment, "1.2")?.revision == 1)
        }
    }

    @Test("Submitted: the agency cannot change anything; the organiser returns it with a reason")
    func submitAndReturn() async throws {
        try await TestApp.run { app, fixture in
            let editor = Browser(app), head = Browser(app), organizer = Browser(app)
            try await editor.signIn("t.editor")
            try await head.signIn("t.head")
            try await organizer.signIn("t.organizer")
            let summary = try await head.get("/assessments/\(fixture.ownAssessment)")
            #expect(summary.body.contains("Nộp hồ sơ tự đánh giá"))
            // Each missing input by code and title, linked to its leaf.
            #expect(summary.body.contains("Chưa nhập: <ul class=\"leaf-links\">\n<li><a href=\"#leaf-1.1\">1.1 "), "\(summary.body)")
            // The editor may not submit; the head may.
            _ = try await editor.get("/assessments/\(fixture.ownAssessment)")
            #expect(try await editor.post("/assessments/\(fixture.ownAssessment)/submit").status == .forbidden)
            #expect(try await head.post("/assessments/\(fixture.ownAssessment)/submit").status == .seeOther)
            #expect(try await AssessmentModel.find(fixture.ownAssessment, on: app.db)?.state == "submitted")
            let refused = try await editor.post("/assessments/\(fixture.ownAssessment)/entries/1.2", [("value", "10"), ("revision", "0")])
            #expect(refused.status == .conflict)
            #expect(refused.body.contains("Hồ sơ đã nộp, đang chờ thẩm định."))
            #expect(try await head.post("/assessments/\(fixture.ownAssessment)/submit").status == .conflict)
            // Returning needs a reason.
            _ = try await organizer.get("/assessments/\(fixture.ownAssessment)")
            let noReason = try await organizer.post("/assessments/\(fixture.ownAssessment)/return", [("reason", " ")])
            #expect(noReason.status == .conflict)
            #expect(noReason.body.contains("Cần nêu lý do."))
            #expect(try await organizer.post("/assessments/\(fixture.ownAssessment)/return", [("reason", "Thiếu tài liệu 1.1")]).status == .seeOther)
            #expect(try await AssessmentModel.find(fixture.ownAssessment, on: app.db)?.state == "returned")
            _ = try await editor.get("/assessments/\(fixture.ownAssessment)")
            #expect(try await editor.post("/assessments/\(fixture.ownAssessment)/entries/1.2", [("value", "10"), ("revision", "0")]).status == .seeOther)
            let actions = try await AuditEventModel.query(on: app.db).filter(\.$targetType == "assessment").all().map(\.action)
            #expect(actions.contains("assessment.submit") && actions.contains("assessment.return"))
        }
    }

    @Test("A deadline passing in the middle of an edit: the save is refused with the date; an exception reopens editing")
    func deadlinePassing() async throws {
        try await TestApp.run { app, fixture in
            let editor = Browser(app), organizer = Browser(app)
            try await editor.signIn("t.editor")
            try await organizer.signIn("t.organizer")
            _ = try await editor.get("/assessments/\(fixture.ownAssessment)") // the form is open…
            let yesterday = Formats.endOfDay(year: 2026, month: 11, day: 1)!
            try await PeriodModel.query(on: app.db).filter(\.$id == fixture.period).set(\.$selfAssessmentDeadline, to: yesterday).update()
            let late = try await editor.post("/assessments/\(fixture.ownAssessment)/entries/1.2", [("value", "99"), ("revision", "0")])
            #expect(late.status == .conflict)
            #expect(late.body.contains("Đã hết hạn tự đánh giá ngày 01/11/2026."))
            let page = try await editor.get("/assessments/\(fixture.ownAssessment)")
            #expect(!page.body.contains("/entries/1.2\""))
            #expect(page.body.contains("Đã hết hạn tự đánh giá ngày 01/11/2026."))
            _ = try await organizer.get("/assessments/\(fixture.ownAssessment)")
            // The council appraises from the appraisal deadline on: no exception may run past it.
            let appraisal = Date().addingTimeInterval(34 * 86400)
            try await PeriodModel.query(on: app.db).filter(\.$id == fixture.period).set(\.$appraisalDeadline, to: appraisal).update()
            let tooLate = try await organizer.post("/assessments/\(fixture.ownAssessment)/exception",
                                                   [("until", Formats.isoDate(appraisal.addingTimeInterval(2 * 86400))), ("reason", "Sự cố mạng")])
            #expect(tooLate.status == .unprocessableEntity)
            #expect(tooLate.body.contains("Ngày gia hạn không được sau hạn thẩm định (\(Formats.date(appraisal)))."))
            #expect(try await DeadlineExceptionModel.query(on: app.db).count() == 0)
            let until = Formats.isoDate(Date().addingTimeInterval(7 * 86400))
            #expect(try await organizer.post("/assessments/\(fixture.ownAssessment)/exception", [("until", until), ("reason", "Sự cố mạng")]).status == .seeOther)
            _ = try await editor.get("/assessments/\(fixture.ownAssessment)")
            #expect(try await editor.post("/assessments/\(fixture.ownAssessment)/entries/1.2", [("value", "99"), ("revision", "0")]).status == .seeOther)
        }
    }

    @Test("Evidence opens for those who may see the assessment, as data (no script of ours, framed only by our pages), never for another agency")
    func evidence() async throws {
        try await TestApp.run { app, fixture in
            let editor = Browser(app)
            try await editor.signIn("t.editor")
            let own = try await editor.get("/evidence/\(fixture.ownEvidence)")
            #expect(own.status == .ok)
            #expect(own.headers.first(name: .contentType) == "application/pdf")
            #expect(own.headers.first(name: "Content-Security-Policy") == "default-src 'none'; frame-ancestors 'self'")
            #expect(own.headers.first(name: "X-Frame-Options") == "SAMEORIGIN")
            #expect(own.headers.first(name: .contentDisposition)?.hasPrefix("inline; filename=\"ke-hoach.pdf\"") == true)
            #expect(try await editor.get("/evidence/\(fixture.otherEvidence)").status == .forbidden)
        }
    }
}
