import ChiSoCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import App

@Suite("The assessment cycle over HTTP", .serialized)
struct CycleTests {
    @Test("Self-assess, submit, assign, appraise, release, explain, re-examine, finalise, publish, reopen")
    func wholeCycle() async throws {
        try await TestApp.run { app, fixture in
            let a = fixture.ownAssessment
            let other = UserModel(username: "t.appraiser2", displayName: "Thẩm định viên 2", passwordHash: try Passwords.hash(Fixture.password, cost: 4),
                                  agencyID: fixture.other, roles: [.appraiser], mustChangePassword: false)
            try await other.create(on: app.db)
            let appraiserID = try #require(try await UserModel.query(on: app.db).filter(\.$username == "t.appraiser").first()?.id)
            let editor = Browser(app), head = Browser(app), organizer = Browser(app), appraiser = Browser(app), stranger = Browser(app),
                chair = Browser(app), admin = Browser(app)
            for (browser, name) in [(editor, "t.editor"), (head, "t.head"), (organizer, "t.organizer"), (appraiser, "t.appraiser"),
                                    (stranger, "t.appraiser2"), (chair, "t.chair"), (admin, "t.admin")] {
                try await browser.signIn(name)
            }

            // Self-assessment: 1.1 yes with evidence (the fixture's), 1.2 at 75 %.
            _ = try await editor.get("/assessments/\(a)")
            #expect(try await editor.post("/assessments/\(a)/entries/1.1", [("value", "có"), ("revision", "0")]).status == .seeOther)
            _ = try await editor.get("/assessments/\(a)")
            #expect(try await editor.post("/assessments/\(a)/entries/1.2", [("value", "75"), ("revision", "0")]).status == .seeOther)
            #expect(try await editor.get("/").body.contains("Tự đánh giá Năm 2026: còn"))
            _ = try await head.get("/assessments/\(a)")
            #expect(try await head.post("/assessments/\(a)/submit").status == .seeOther)
            #expect(try await organizer.get("/").body.contains("1 hồ sơ đã nộp"))

            // The organiser assigns t.appraiser to field I (both leaves).
            _ = try await organizer.get("/periods/\(fixture.period)")
            #expect(try await organizer.post("/periods/\(fixture.period)/assignments",
                                             [("indexCode", "test-so"), ("criterionCode", "I"), ("userID", appraiserID.uuidString)]).status == .seeOther)

            // The queue; an adjustment needs a comment; someone not assigned is refused.
            let queue = try await appraiser.get("/appraisal")
            #expect(queue.body.contains("Sở Nội vụ"))
            #expect(queue.body.contains("0/2"))
            let appraisalPage = try await appraiser.get("/assessments/\(a)/appraisal")
            // 1.1 is yes/no: appraised with a choice, as the agency entered it (its input shown in words); 1.2 takes a figure.
            #expect(appraisalPage.body.contains("<select id=\"av-1.1\" name=\"value\""))
            #expect(appraisalPage.body.contains("<option value=\"\" selected>Xác nhận như đơn vị tự chấm</option>"))
            #expect(appraisalPage.body.contains("id=\"av-1.2\"") && !appraisalPage.body.contains("<select id=\"av-1.2\""))
            let noComment = try await appraiser.post("/assessments/\(a)/appraisal/1.2", [("value", "50")])
            #expect(noComment.status == .unprocessableEntity)
            #expect(noComment.body.contains("Khi điều chỉnh điểm, cần ghi nhận xét."))
            #expect(try await appraiser.post("/assessments/\(a)/appraisal/1.2", [("value", "50"), ("comment", "Chỉ đạt 50%")]).status == .seeOther)
            _ = try await stranger.get("/assessments/\(a)/appraisal")
            let notMine = try await stranger.post("/assessments/\(a)/appraisal/1.1", [("value", "")])
            #expect(notMine.status == .forbidden)
            #expect(notMine.body.contains("Tiêu chí này được phân công cho người khác thẩm định."))

            // The agency sees nothing of the appraisal before release.
            let early = try await editor.get("/assessments/\(a)/appraisal")
            #expect(early.status == .forbidden)
            #expect(early.body.contains("Kết quả thẩm định chưa được công bố cho đơn vị."))
            #expect(!(try await editor.get("/assessments/\(a)")).body.contains("Chỉ đạt 50%"))

            // Release waits for every leaf; confirm the rest; release.
            _ = try await chair.get("/assessments/\(a)/appraisal")
            let tooEarly = try await chair.post("/assessments/\(a)/release")
            #expect(tooEarly.status == .conflict)
            #expect(tooEarly.body.contains("Chưa thẩm định xong: còn 1 tiêu chí (1.1)."))
            _ = try await appraiser.get("/assessments/\(a)/appraisal")
            #expect(try await appraiser.post("/assessments/\(a)/appraisal/confirm").status == .seeOther)
            _ = try await chair.get("/assessments/\(a)/appraisal")
            #expect(try await chair.post("/assessments/\(a)/release").status == .seeOther)

            // The agency's inbox says so; the council sees the disagreement.
            let inbox = try await editor.get("/")
            #expect(inbox.body.contains("Đã có kết quả thẩm định sơ bộ Năm 2026: giải trình trước 05/02/2027"))
            let council = try await chair.get("/council")
            #expect(council.status == .ok)
            #expect(council.body.contains("Chỉ đạt 50%"))
            #expect(council.body.contains("2/2"))

            // The agency reads it and explains 1.2; the appraiser re-examines it.
            let released = try await editor.get("/assessments/\(a)/appraisal")
            #expect(released.status == .ok)
            #expect(released.body.contains("Chỉ đạt 50%"))
            // What the council changed is listed first (1.2 only: 1.1 was confirmed), with the reason and the forms.
            let changes = try #require(released.body.range(of: "<section id=\"changes\"")).lowerBound
            let firstLeaf = try #require(released.body.range(of: "id=\"leaf-1.1\"")).lowerBound
            #expect(changes < firstLeaf)
            #expect(released.body.contains("Hội đồng đã điều chỉnh 1 mục."))
            #expect(released.body.contains("id=\"change-1.2\""))
            #expect(!released.body.contains("id=\"change-1.1\""))
            #expect(released.body.contains("action=\"/assessments/\(a)/entries/1.2/evidence\""))
            #expect(try await editor.get("/assessments/\(a)").body.contains("điều chỉnh 1 mục; đơn vị giải trình đến hết ngày 05/02/2027"))
            let explained = try await editor.post("/assessments/\(a)/explanations/1.2", [("explanation", "Đã bổ sung báo cáo quý IV")])
            #expect(explained.status == .seeOther)
            #expect(explained.location == "/assessments/\(a)/appraisal#change-1.2")
            _ = try await appraiser.get("/assessments/\(a)/appraisal")
            #expect(try await appraiser.post("/assessments/\(a)/appraisal/1.2", [("value", "60"), ("comment", "Chấp nhận một phần giải trình")]).status == .seeOther)
            #expect(try await AssessmentModel.find(a, on: app.db)?.state == "reexamining")
            // 1.1 was not explained: not re-examined.
            #expect(try await appraiser.post("/assessments/\(a)/appraisal/1.1", [("value", "không"), ("comment", "x")]).status == .conflict)

            // Finalise: 1.1 yes (4) + 1.2 at 60 % of 6 (3,6) = 7,6 of 10.
            _ = try await chair.get("/assessments/\(a)/appraisal")
            #expect(try await chair.post("/assessments/\(a)/finalise").status == .seeOther)
            let finalised = try #require(try await AssessmentModel.find(a, on: app.db))
            #expect(finalised.state == "finalised")
            #expect(finalised.finalScore == "7.60")
            #expect(finalised.classCode == "Y")

            // Publishing waits for every assessment of the period.
            _ = try await organizer.get("/periods/\(fixture.period)")
            #expect(try await organizer.get("/").body.contains("hồ sơ đã nộp") == false) // nothing left submitted
            let notYet = try await organizer.post("/periods/\(fixture.period)/publish")
            #expect(notYet.status == .conflict)
            #expect(notYet.body.contains("Còn 1 hồ sơ chưa chốt kết quả: SXD."))

            // Reopening is the admin's and needs a reason.
            // The page offers it (the reason is the form's to give).
            #expect(try await admin.get("/assessments/\(a)/appraisal").body.contains("action=\"/assessments/\(a)/reopen\""))
            #expect(try await admin.post("/assessments/\(a)/reopen", [("reason", "")]).status == .conflict)
            #expect(try await admin.post("/assessments/\(a)/reopen", [("reason", "Sai sót số liệu 1.2")]).status == .seeOther)
            let reopened = try #require(try await AssessmentModel.find(a, on: app.db))
            #expect(reopened.state == "reexamining")
            #expect(reopened.finalScore == nil)
            let actions = Set(try await AuditEventModel.query(on: app.db).all().map(\.action))
            for action in ["assessment.submit", "period.assign_appraiser", "entry.appraise", "entry.confirm_rest", "assessment.release",
                           "entry.explain", "entry.reexamine", "assessment.finalise", "assessment.reopen"] {
                #expect(actions.contains(action), "\(action)")
            }
        }
    }

    @Test("The organiser is offered \"Trả lại\" on a submitted assessment (its page and the period's); the agency reads why on its page")
    func returnOffered() async throws {
        try await TestApp.run { app, fixture in
            let a = fixture.ownAssessment
            let head = Browser(app), organizer = Browser(app), editor = Browser(app), appraiser = Browser(app)
            for (browser, name) in [(head, "t.head"), (organizer, "t.organizer"), (editor, "t.editor"), (appraiser, "t.appraiser")] {
                try await browser.signIn(name)
            }
            let action = "action=\"/assessments/\(a)/return\""
            // Not submitted yet: nothing to return.
            #expect(!(try await organizer.get("/assessments/\(a)").body.contains(action)))
            _ = try await head.get("/assessments/\(a)")
            #expect(try await head.post("/assessments/\(a)/submit").status == .seeOther)
            #expect(try await organizer.get("/assessments/\(a)").body.contains(action))
            let period = try await organizer.get("/periods/\(fixture.period)")
            #expect(period.body.contains(action) && period.body.contains("<summary>Trả lại</summary>"))
            // Only the organiser is offered it.
            #expect(!(try await appraiser.get("/assessments/\(a)").body.contains(action)))
            // From the period's page, back to it; the reason on the agency's own assessment page.
            let returned = try await organizer.post("/assessments/\(a)/return",
                                                    [("reason", "Thiếu báo cáo tổng kết năm"), ("back", "/periods/\(fixture.period)")])
            #expect(returned.status == .seeOther && returned.location == "/periods/\(fixture.period)#assessments")
            // A "back" that is not the period's page is not followed.
            let page = try await editor.get("/assessments/\(a)")
            #expect(page.body.contains("Sở Nội vụ trả lại hồ sơ để bổ sung:</strong> Thiếu báo cáo tổng kết năm"))
            _ = try await head.get("/assessments/\(a)")
            #expect(try await head.post("/assessments/\(a)/submit").status == .seeOther)
            let elsewhere = try await organizer.post("/assessments/\(a)/return", [("reason", "Thiếu phụ lục"), ("back", "https://example.test/")])
            #expect(elsewhere.location == "/assessments/\(a)")
        }
    }

    @Test("The home page counts what the appraisal queue lists: only assessments with something this user appraises")
    func homeCountsTheQueue() async throws {
        try await TestApp.run { app, fixture in
            let head = Browser(app), chair = Browser(app), appraiser = Browser(app)
            for (browser, name) in [(head, "t.head"), (chair, "t.chair"), (appraiser, "t.appraiser")] { try await browser.signIn(name) }
            _ = try await head.get("/assessments/\(fixture.ownAssessment)")
            #expect(try await head.post("/assessments/\(fixture.ownAssessment)/submit").status == .seeOther)
            // The fixture's index names no appraiser agency: its leaves fall to the chair, none to the appraiser.
            let line = "hồ sơ có tiêu chí bạn thẩm định đang chờ thẩm định hoặc thẩm định lại"
            #expect(try await chair.get("/").body.contains("1 \(line)"))
            #expect(try await chair.get("/appraisal").body.contains("href=\"/assessments/\(fixture.ownAssessment)/appraisal\""))
            #expect(!(try await appraiser.get("/").body.contains(line)))
            #expect(!(try await appraiser.get("/appraisal").body.contains("/assessments/\(fixture.ownAssessment)/appraisal")))
        }
    }

    @Test("Through the index's appraiser agency: the agency's appraisers appraise its nodes")
    func appraiserAgency() throws {
        let index = try IndexReader.read(yaml: """
        id: t
        title: t
        scale: 2
        classes: [{code: A, title: a, min: 0}]
        criteria:
          - {code: "1", title: a, max: 1, rule: {type: yesno}, appraiser: STP}
          - code: "2"
            title: b
            max: 1
            appraiser: STC
            children:
              - {code: "2.1", title: c, max: 1, rule: {type: yesno}}
        """)
        let stp = UUID(), stc = UUID(), direct = UUID()
        let stpAgency = UUID(), stcAgency = UUID(), other = UUID()
        let agencyOf = [stp: stpAgency, stc: stcAgency, direct: stcAgency]
        func scope(_ assignments: [AppraisalAssignmentModel], of agency: UUID) -> AppraisalScope {
            AppraisalScope(index: index, assignments: assignments, appraisersByAgency: ["STP": [stp], "STC": [stc]],
                           agencyOfUser: agencyOf, assessedAgency: agency, actingChair: nil)
        }
        let plain = scope([], of: other)
        #expect(plain.appraisers[0] == [stp])
        #expect(plain.appraisers[2] == [stc])
        let assignment = AppraisalAssignmentModel(periodID: UUID(), indexCode: "t", criterionCode: "2", userID: direct)
        #expect(scope([assignment], of: other).appraisers[2] == [direct]) // a direct assignment wins over the agency
        // Nobody appraises their own agency: Sở Tài chính's assessment skips its people, so 2.1 falls to the chair.
        let own = scope([assignment], of: stcAgency)
        #expect(own.appraisers[0] == [stp])
        #expect(own.appraisers[2] == [])
    }
}
