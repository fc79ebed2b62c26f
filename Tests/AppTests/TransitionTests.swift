import ChiSoCore
import Fluent
import Foundation
import Testing
import Vapor
@testable import App

/// Every state change goes through AssessmentTransitions: the core's next state, written only from the
/// state read, with its audit row, in one transaction.
@Suite("Assessment transitions", .serialized)
struct TransitionTests {
    static func events(_ app: Application, _ action: String) async throws -> [AuditEventModel] {
        try await AuditEventModel.query(on: app.db).filter(\.$action == action).all()
    }

    @Test("Confirming the rest moves a submitted assessment to appraisal with its audit row; reopening clears the final in the same change")
    func auditedChanges() async throws {
        try await TestApp.run { app, fixture in
            let a = fixture.ownAssessment
            let editor = Browser(app), head = Browser(app), chair = Browser(app), admin = Browser(app)
            try await editor.signIn("t.editor")
            try await head.signIn("t.head")
            try await chair.signIn("t.chair")
            try await admin.signIn("t.admin")
            #expect(try await editor.post("/assessments/\(a)/entries/1.1", [("value", "có"), ("revision", "0")]).status == .seeOther)
            #expect(try await head.post("/assessments/\(a)/submit").status == .seeOther)
            try await chair.get("/assessments/\(a)/appraisal")
            #expect(try await chair.post("/assessments/\(a)/appraisal/confirm").status == .seeOther)
            #expect(try await AssessmentModel.find(a, on: app.db)?.state == "appraising")
            let moved = try #require(try await Self.events(app, "assessment.appraising").first)
            #expect(Audit.fields(moved.before) == ["state": "submitted"] && Audit.fields(moved.after) == ["state": "appraising"])
            #expect(try await Self.events(app, "entry.confirm_rest").count == 1)
            // Release, finalise: the final score and its audit row come together.
            #expect(try await chair.post("/assessments/\(a)/release").status == .seeOther)
            // Not before the explanation round is over (nothing explained, its deadline ahead).
            let early = try await chair.post("/assessments/\(a)/finalise")
            #expect(early.status == .conflict && early.body.contains("Chưa thể chốt: đơn vị còn được giải trình đến hết ngày 05/02/2027."))
            #expect(try await AssessmentModel.find(a, on: app.db)?.state == "released")
            try await PeriodModel.query(on: app.db).filter(\.$id == fixture.period).set(\.$explanationDeadline, to: Date().addingTimeInterval(-60)).update()
            #expect(try await chair.post("/assessments/\(a)/finalise").status == .seeOther)
            let finalised = try #require(try await AssessmentModel.find(a, on: app.db))
            #expect(finalised.state == "finalised" && finalised.finalScore != nil)
            let finalEvent = try #require(try await Self.events(app, "assessment.finalise").first)
            #expect(Audit.fields(finalEvent.after)["final"] == finalised.finalScore)
            // Reopened: back to re-examination, the final gone, the reason on record, in one change.
            try await admin.get("/assessments/\(a)/appraisal")
            #expect(try await admin.post("/assessments/\(a)/reopen", [("reason", "Sai số liệu 1.2")]).status == .seeOther)
            let reopened = try #require(try await AssessmentModel.find(a, on: app.db))
            #expect(reopened.state == "reexamining" && reopened.finalScore == nil && reopened.classCode == nil)
            let reopen = try #require(try await Self.events(app, "assessment.reopen").first)
            #expect(Audit.fields(reopen.after) == ["state": "reexamining", "reason": "Sai số liệu 1.2"])
        }
    }

    @Test("A change from a state the assessment has left meanwhile writes nothing (409); a step the workflow refuses, likewise")
    func staleState() async throws {
        try await TestApp.run { app, fixture in
            let request = Request(application: app, method: .POST, url: "/", on: app.eventLoopGroup.next())
            let record = try await request.assessments.load(fixture.ownAssessment)
            #expect(record.state == .draft)
            // Someone submits first.
            try await AssessmentModel.query(on: app.db).filter(\.$id == fixture.ownAssessment).set(\.$state, to: "submitted").update()
            await #expect(throws: Abort.self) { try await AssessmentTransitions.apply(.submit, to: record, on: request) }
            #expect(try await Self.events(app, "assessment.submit").isEmpty)
            // The core refuses a step out of its state: the policy's 409, nothing written.
            let fresh = try await request.assessments.load(fixture.ownAssessment)
            do {
                try await AssessmentTransitions.apply(.finalise, to: fresh, on: request)
                Issue.record("finalising a submitted assessment was allowed")
            } catch let refusal as PolicyRefusal {
                #expect(refusal.status == .conflict)
            }
            #expect(try await AssessmentModel.find(fixture.ownAssessment, on: app.db)?.state == "submitted")
        }
    }

    @Test("Nobody judges their own agency: a chair of the assessed agency names a council member of another, who acts for that assessment")
    func ownAgency() async throws {
        try await TestApp.run { app, fixture in
            let a = fixture.ownAssessment
            let hash = try Passwords.hash(Fixture.password, cost: 4)
            // A chair and an appraiser of SNV, the assessed agency; the fixture's appraiser is of VPUB.
            try await UserModel(username: "snv.chair", displayName: "Chủ tịch (SNV)", passwordHash: hash, agencyID: fixture.own,
                                roles: [.chair], mustChangePassword: false).create(on: app.db)
            try await UserModel(username: "snv.appraiser", displayName: "Thẩm định viên (SNV)", passwordHash: hash, agencyID: fixture.own,
                                roles: [.appraiser], mustChangePassword: false).create(on: app.db)
            let member = try #require(try await UserModel.query(on: app.db).filter(\.$username == "t.appraiser").first())
            let editor = Browser(app), head = Browser(app), chair = Browser(app), ownAppraiser = Browser(app), acting = Browser(app),
                stranger = Browser(app)
            for (browser, name) in [(editor, "t.editor"), (head, "t.head"), (chair, "snv.chair"), (ownAppraiser, "snv.appraiser"),
                                    (acting, "t.appraiser"), (stranger, "t.editor")] {
                try await browser.signIn(name)
            }
            #expect(try await editor.post("/assessments/\(a)/entries/1.1", [("value", "có"), ("revision", "0")]).status == .seeOther)
            #expect(try await head.post("/assessments/\(a)/submit").status == .seeOther)

            // Their own agency's assessment is in neither queue, and every judging step is refused in words.
            let link = "/assessments/\(a)/appraisal\""
            #expect(!(try await chair.get("/appraisal")).body.contains(link))
            #expect(!(try await ownAppraiser.get("/appraisal")).body.contains(link))
            #expect((try await chair.get("/council")).body.contains("Đơn vị của bạn: bạn không thẩm định hồ sơ này; cần chỉ định người làm thay."))
            let page = try await chair.get("/assessments/\(a)/appraisal")
            #expect(page.body.contains("Người thay Chủ tịch Hội đồng cho hồ sơ này"))
            for step in ["appraisal/confirm", "appraisal/1.2", "release", "finalise"] {
                let refused = try await chair.post("/assessments/\(a)/\(step)", [("value", "")])
                #expect(refused.status == .forbidden && refused.body.contains("không thẩm định, gửi kết quả hay chốt kết quả hồ sơ của chính đơn vị mình"), "\(step)")
            }
            #expect(try await ownAppraiser.post("/assessments/\(a)/appraisal/1.2", [("value", "")]).status == .forbidden)
            // Before naming, the council member has no leaf of it (they fall to the chair).
            #expect(try await acting.post("/assessments/\(a)/appraisal/1.2", [("value", "")]).status == .forbidden)

            // Only an active council member of another agency can be named; only the chair names.
            let ownMember = try #require(try await UserModel.query(on: app.db).filter(\.$username == "snv.appraiser").first())
            _ = try await chair.get("/assessments/\(a)/appraisal")
            #expect(try await chair.post("/assessments/\(a)/acting-chair", [("userID", ownMember.id!.uuidString)]).status == .unprocessableEntity)
            _ = try await stranger.get("/")
            #expect(try await stranger.post("/assessments/\(a)/acting-chair", [("userID", member.id!.uuidString)]).status == .forbidden)
            #expect(try await chair.post("/assessments/\(a)/acting-chair", [("userID", member.id!.uuidString)]).status == .seeOther)
            #expect(try await AssessmentModel.find(a, on: app.db)?.$actingChair.id == member.id)
            let named = try #require(try await Self.events(app, "assessment.acting_chair").first)
            #expect(Audit.fields(named.after)["acting_chair"] == member.id!.uuidString)
            #expect((try await chair.get("/council")).body.contains("Đơn vị của bạn: Người appraiser làm thay Chủ tịch Hội đồng."))

            // The acting chair appraises the chair's leaves, releases, and — after the round — finalises.
            #expect((try await acting.get("/appraisal")).body.contains(link))
            _ = try await acting.get("/assessments/\(a)/appraisal")
            #expect(try await acting.post("/assessments/\(a)/appraisal/confirm").status == .seeOther)
            #expect(try await acting.post("/assessments/\(a)/release").status == .seeOther)
            try await PeriodModel.query(on: app.db).filter(\.$id == fixture.period).set(\.$explanationDeadline, to: Date().addingTimeInterval(-60)).update()
            #expect(try await chair.post("/assessments/\(a)/finalise").status == .forbidden)
            #expect(try await acting.post("/assessments/\(a)/finalise").status == .seeOther)
            #expect(try await AssessmentModel.find(a, on: app.db)?.state == "finalised")
            // The other agency's assessment stays the chair's.
            #expect(try await acting.post("/assessments/\(fixture.otherAssessment)/release").status == .forbidden)
        }
    }
}
