import ChiSoCore
import Fluent
import Foundation
import Testing
import Vapor
@testable import App

/// Bonus items through the cycle: the agency proposes them, the council appraises them like leaves,
/// and the final counts them, capped; sourced items fill themselves; deductions are not the agency's to enter.
@Suite("Bonus and deduction items", .serialized)
struct BonusDeductionTests {
    static let yaml = """
        id: thuong-tru
        title: Bộ chỉ số có điểm thưởng
        scale: 10
        bonusCap: 2
        classes:
          - {code: T, title: Tốt, min: 8}
          - {code: Y, title: Yếu, min: 0}
        criteria:
          - code: "I"
            title: Lĩnh vực I
            max: 10
            children:
              - {code: "1.1", title: Kế hoạch, max: 4, rule: {type: yesno}}
              - {code: "1.2", title: Kết quả, max: 6, rule: {type: manual}}
        bonus:
          - {code: B1, title: Cờ thi đua, rule: {type: count, per: 1, cap: 3}}
          - {code: B2, title: Sáng kiến, rule: {type: manual, max: 2, step: 0.5}}
        deductions:
          - {code: D1, title: Chậm nộp hồ sơ tự đánh giá, rule: {type: count, per: 0.5}, source: submission.late}
          - {code: D2, title: Bị phê bình bằng văn bản, rule: {type: count, per: 1}}
        """

    @Test("The agency proposes bonus items, the council appraises them, the final counts them capped; deductions are not the agency's")
    func bonusThroughTheCycle() async throws {
        try await TestApp.run { app, fixture in
            let period = try await Fixture.openPeriod(
                Fixture.year2027(),
                indexYAML: Self.yaml, on: app)
            let a = try #require(try await AssessmentModel.query(on: app.db).filter(\.$period.$id == period.id!)
                .filter(\.$agency.$id == fixture.own).first()?.id)
            let editor = Browser(app), head = Browser(app), chair = Browser(app)
            try await editor.signIn("t.editor")
            try await head.signIn("t.head")
            try await chair.signIn("t.chair")
            _ = try await editor.get("/assessments/\(a)")
            for (code, value) in [("1.1", "có"), ("1.2", "6")] {
                #expect(try await editor.post("/assessments/\(a)/entries/\(code)", [("value", value), ("revision", "0")]).status == .seeOther)
            }
            // A count that is not a whole number: refused in words, what was typed kept, nothing saved.
            let refused = try await editor.post("/assessments/\(a)/entries/B1", [("value", "1,5"), ("note", "Hai cờ"), ("revision", "0")])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.contains("value=\"1,5\"") && refused.body.contains("Hai cờ"))
            #expect(try await CriterionEntryModel.query(on: app.db).filter(\.$assessment.$id == a).filter(\.$criterionCode == "B1").count() == 0)
            #expect(try await editor.post("/assessments/\(a)/entries/B1", [("value", "2"), ("note", "Cờ thi đua của Chính phủ, QĐ 15/QĐ-TTg"),
                                                                            ("revision", "0")]).status == .seeOther)
            #expect(try await editor.post("/assessments/\(a)/entries/B2", [("value", "1.5"), ("revision", "0")]).status == .seeOther)
            // The data give D1; deductions are the council's to record.
            #expect(try await editor.post("/assessments/\(a)/entries/D1", [("value", "0"), ("revision", "0")]).status == .unprocessableEntity)
            let deduction = try await editor.post("/assessments/\(a)/entries/D2", [("value", "0"), ("revision", "0")])
            #expect(deduction.status == .forbidden && deduction.body.contains("không tự nhập"))
            // The page shows the proposals, the cap at work, and D1 from the workflow.
            let page = try await editor.get("/assessments/\(a)")
            #expect(page.body.contains("Tổng điểm thưởng: cộng 3,50 điểm, tính tối đa 2,00."))
            #expect(page.body.contains("chưa nộp (hạn 15/12/2027)."))
            #expect(page.body.contains("12,00"))  // 10 + the capped 2
            // What if the agency proposed one flag only: the page lists the items beside the leaves, and the score follows.
            let whatIf = try await editor.get("/assessments/\(a)/whatif")
            #expect(whatIf.body.contains("id=\"w-B1\"") && whatIf.body.contains("value=\"2\""))
            let tried = try await editor.post("/assessments/\(a)/whatif", [("v-B1", "0"), ("v-B2", "0")])
            #expect(tried.body.contains("B1 Cờ thi đua: 2,00 → 0,00"), "\(tried.body.prefix(2000))")
            // Submitting asks for a confirmation that says what happens next.
            let summary = try await head.get("/assessments/\(a)")
            #expect(summary.body.contains("Tôi xác nhận nộp hồ sơ: Hội đồng sẽ thẩm định") && summary.body.contains("name=\"confirm\" value=\"1\" required"))
            #expect(summary.body.contains("Điểm thưởng đề xuất: B1 (2,00), B2 (1,50)"))
            #expect(try await head.post("/assessments/\(a)/submit").status == .seeOther)
            #expect((try await editor.get("/assessments/\(a)")).body.contains("trong hạn 15/12/2027 → 0 (đúng hạn)."))

            // Release waits for the items too; the chair confirms the rest, items included, and releases.
            _ = try await chair.get("/assessments/\(a)/appraisal")
            let early = try await chair.post("/assessments/\(a)/appraisal/1.1", [("value", "")])
            #expect(early.status == .seeOther)
            let waiting = try await chair.post("/assessments/\(a)/release")
            #expect(waiting.status == .conflict && waiting.body.contains("(1.2, B1, B2, D1)"))
            // Adjusting a bonus item needs a comment, as for a leaf.
            let noComment = try await chair.post("/assessments/\(a)/appraisal/B1", [("value", "1")])
            #expect(noComment.status == .unprocessableEntity)
            #expect(try await chair.post("/assessments/\(a)/appraisal/B1", [("value", "1"), ("comment", "Chỉ một cờ trong năm đánh giá")]).status == .seeOther)
            #expect(try await chair.post("/assessments/\(a)/appraisal/confirm").status == .seeOther)
            let confirmed = try #require(try await AuditEventModel.query(on: app.db).filter(\.$action == "entry.confirm_rest").first())
            #expect(Audit.fields(confirmed.after)["confirmed"] == "1.2, B2, D1")

            // A deduction needs its document and a reason: every missing part named, nothing saved, what was typed kept.
            let deductionPath = "/assessments/\(a)/deductions/D2"
            let incomplete = try await chair.post(deductionPath, [("value", "1,5"), ("number", ""), ("issuedOn", "31/02/2026"), ("issuer", ""),
                                                                   ("reason", "Chậm triển khai")])
            #expect(incomplete.status == .unprocessableEntity)
            for message in ["Cần nhập số văn bản làm căn cứ.", "Ngày văn bản không hợp lệ (dd/mm/yyyy).", "Cần nhập cơ quan ban hành văn bản.",
                            "value=\"1,5\"", "Chậm triển khai"] {
                #expect(incomplete.body.contains(message), "\(message)")
            }
            #expect(try await DeductionDocumentModel.query(on: app.db).count() == 0)
            #expect(try await CriterionEntryModel.query(on: app.db).filter(\.$assessment.$id == a).filter(\.$criterionCode == "D2").count() == 0)
            let document = [("number", "45/TB-UBND"), ("issuedOn", "10/03/2026"), ("issuer", "UBND tỉnh"),
                            ("reason", "Bị phê bình bằng văn bản vì chậm triển khai kế hoạch")]
            #expect(try await chair.post(deductionPath, [("value", "1,5")] + document).status == .unprocessableEntity)  // a count is whole
            // Nobody records one against their own agency (the organiser is of this agency); the agency never does.
            let organizer = Browser(app)
            try await organizer.signIn("t.organizer")
            _ = try await organizer.get("/assessments/\(a)/appraisal")
            #expect(try await organizer.post(deductionPath, [("value", "1")] + document).status == .forbidden)
            #expect(try await editor.post(deductionPath, [("value", "1")] + document).status == .forbidden)
            // The JSON API: the same route, the same rules (every missing part named, in English).
            let token = try await APITests.token(app, "t.chair")
            var fields: [String: Any] = ["value": "1", "number": "45/TB-UBND", "issuedOn": "2026-03-10", "issuer": " ",
                                         "reason": "Bị phê bình bằng văn bản vì chậm triển khai kế hoạch"]
            let missing = try await APITests.call(app, .POST, "/api/v1\(deductionPath)", token: token, body: fields)
            #expect(missing.status == .unprocessableEntity && missing.message == "Enter the body that issued the document.")
            fields["issuer"] = "UBND tỉnh"
            #expect(try await APITests.call(app, .POST, "/api/v1\(deductionPath)", token: token, body: fields).status == .ok)
            #expect(try await chair.post(deductionPath, [("value", "1")] + document).status == .seeOther)
            let recorded = try #require(try await AuditEventModel.query(on: app.db).filter(\.$action == "deduction.record").first())
            #expect(Audit.fields(recorded.after)["document"] == "45/TB-UBND · 2026-03-10 · UBND tỉnh")
            #expect(try await chair.post("/assessments/\(a)/release").status == .seeOther)
            // After release, a deduction the agency did not explain stays as recorded.
            #expect(try await chair.post(deductionPath, [("value", "0")] + document).status == .conflict)

            // The agency sees the decision on its bonus and explains it; the chair re-examines; then finalises.
            let released = try await editor.get("/assessments/\(a)/appraisal")
            #expect(released.body.contains("Chỉ một cờ trong năm đánh giá"))
            #expect(released.body.contains("Văn bản số 45/TB-UBND ngày 10/03/2026 của UBND tỉnh"))
            #expect(released.body.contains("Bị phê bình bằng văn bản vì chậm triển khai kế hoạch"))
            #expect(try await editor.post("/assessments/\(a)/explanations/D2", [("explanation", "Đã khắc phục trong tháng 4")]).status == .seeOther)
            #expect(try await editor.post("/assessments/\(a)/explanations/B1", [("explanation", "Cờ thứ hai theo QĐ 20/QĐ-TTg")]).status == .seeOther)
            #expect(try await chair.post("/assessments/\(a)/finalise").status == .conflict)  // an explanation waits
            _ = try await chair.get("/assessments/\(a)/appraisal")
            #expect(try await chair.post("/assessments/\(a)/appraisal/B1", [("value", "2"), ("comment", "Chấp nhận giải trình")]).status == .seeOther)
            #expect(try await chair.post("/assessments/\(a)/finalise").status == .conflict)  // D2's explanation waits
            #expect(try await chair.post(deductionPath, [("value", "1"), ("number", "45/TB-UBND"), ("issuedOn", "10/03/2026"),
                                                         ("issuer", "UBND tỉnh"), ("reason", "Giữ nguyên: văn bản phê bình vẫn có hiệu lực")]).status == .seeOther)
            let before = try await chair.get("/assessments/\(a)/appraisal")
            #expect(before.body.contains("Tôi xác nhận chốt kết quả: 11,00 điểm, xếp loại Tốt trở thành kết quả chính thức"))
            #expect(try await chair.post("/assessments/\(a)/finalise").status == .seeOther)
            let final = try #require(try await AssessmentModel.find(a, on: app.db))
            // 4 + 6 = 10, bonus 2 + 1.5 capped at 2, D1 = 0, D2 = 1: 11.
            #expect(final.finalScore == "11.00" && final.classCode == "T")
            // The agency's result page lists each item, self / preliminary / final, and the capped totals.
            let results = try await chair.get("/assessments/\(a)/results")
            #expect(results.status == .ok)
            for text in ["B1 Cờ thi đua (điểm thưởng)", "D2 Bị phê bình bằng văn bản (điểm trừ)", "Giữ nguyên: văn bản phê bình vẫn có hiệu lực",
                         "Cộng điểm thưởng (tối đa ở cột điểm tối đa)"] {
                #expect(results.body.contains(text), "\(text)")
            }
            let record = try await app.assessments.load(a)
            #expect(record.score(.final).bonusItems.map(\.points) == [2, try DecimalNumber.parse("1.5")])
            #expect(record.score(.final).deductionItems[0].input == .count(0))
        }
    }
}
