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
}
