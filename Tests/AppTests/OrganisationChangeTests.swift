import ChiSoCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import App

/// Agencies that merge, split, are renamed or dissolved: the administrator's pages, the accounts,
/// the agency list as of a day (page and API), and the audit.
@Suite("Organisation changes", .serialized)
struct OrganisationChangeTests {
    static func merge(into code: String = "SXD-MOI", step: String) -> [(String, String)] {
        [("kind", "merge"), ("agencies", "SXD, SKHDT"), ("successors", "\(code); Sở Xây dựng (mới); so"), ("effective", "01/03/2025"),
         ("note", "Nghị quyết 12/NQ-HĐND"), ("step", step)]
    }

    @Test("A merger: previewed with each account's fate, applied in one go; the list and the API as of a day; audited")
    func mergeTwoDepartments() async throws {
        try await TestApp.run { app, fixture in
            let admin = Browser(app)
            try await admin.signIn("t.admin")
            _ = try await admin.get("/admin/agencies/new")
            #expect(try await admin.post("/admin/agencies", [("code", "SKHDT"), ("name", "Sở Kế hoạch và Đầu tư"), ("group", "so"), ("tags", "")])
                .status == .seeOther)
            _ = try await admin.get("/admin/agencies/changes?kind=merge")
            let preview = try await admin.post("/admin/agencies/changes", Self.merge(step: "preview"))
            #expect(preview.status == .ok)
            #expect(preview.body.contains("Hợp nhất SXD (Sở Xây dựng), SKHDT (Sở Kế hoạch và Đầu tư) thành SXD-MOI (Sở Xây dựng (mới), đơn vị mới), từ ngày 01/03/2025."))
            let editor = try #require(try await UserModel.query(on: app.db).filter(\.$username == "t.sxd.editor").first())
            let field = "account-\(editor.id!.uuidString)"
            #expect(preview.body.contains("name=\"\(field)\""))
            #expect(preview.body.contains("<option value=\"move:SXD-MOI\" selected>Chuyển sang SXD-MOI</option>"))
            // Nothing is written by a preview.
            #expect(try await AgencyModel.query(on: app.db).filter(\.$code == "SXD-MOI").count() == 0)
            // Not without the confirmation: the preview again, saying so, nothing written.
            let unconfirmed = try await admin.post("/admin/agencies/changes", Self.merge(step: "apply") + [(field, "move:SXD-MOI")])
            #expect(unconfirmed.status == .unprocessableEntity && unconfirmed.body.contains("Đánh dấu ô xác nhận trước khi thực hiện thay đổi."))
            #expect(try await AgencyModel.query(on: app.db).filter(\.$code == "SXD-MOI").count() == 0)
            let applied = try await admin.post("/admin/agencies/changes", Self.merge(step: "apply") + [(field, "move:SXD-MOI"), ("confirm", "1")])
            #expect(applied.status == .seeOther)

            let new = try #require(try await AgencyModel.query(on: app.db).filter(\.$code == "SXD-MOI").first())
            #expect(new.beganOn == "2025-03-01" && new.group == "so")
            for code in ["SXD", "SKHDT"] {
                #expect(try await AgencyModel.query(on: app.db).filter(\.$code == code).first()?.endedOn == "2025-03-01")
            }
            #expect(try await UserModel.find(editor.id, on: app.db)?.$agency.id == new.id)
            let actions = try await AuditEventModel.query(on: app.db).filter(\.$action ~~ ["agency.merge", "agency.create", "user.move"]).all()
            #expect(Set(actions.map { "\($0.action) \($0.target)" }) == ["agency.create SKHDT", "agency.create SXD-MOI", "agency.merge SXD",
                                                                       "agency.merge SKHDT", "user.move t.sxd.editor"])

            // The list as of a day before and after; the API says the same, with predecessors and successors.
            let before = try await admin.get("/admin/agencies?asOf=28/02/2025")
            #expect(before.body.contains("Đơn vị hoạt động ngày 28/02/2025: 5"))
            let after = try await admin.get("/admin/agencies?asOf=01/03/2025")
            #expect(after.body.contains("Đơn vị hoạt động ngày 01/03/2025: 4"))
            #expect(after.body.contains("Đơn vị đã kết thúc trước ngày 01/03/2025"))
            let api = Browser(app)
            try await api.signIn("t.viewer")
            let listed = try JSONDecoder().decode(APIController.AgencyList.self, from: Data(try await api.get("/api/v1/agencies?asOf=2025-03-01").bytes))
            #expect(listed.asOf == "2025-03-01")
            let merged = try #require(listed.agencies.first { $0.code == "SXD-MOI" })
            #expect(merged.predecessors == ["SXD", "SKHDT"] && merged.successors == [] && merged.name == "Sở Xây dựng (mới)")
            #expect(!listed.agencies.contains { $0.code == "SXD" })
            let earlier = try JSONDecoder().decode(APIController.AgencyList.self, from: Data(try await api.get("/api/v1/agencies?asOf=2024-12-31").bytes))
            #expect(earlier.agencies.first { $0.code == "SXD" }?.successors == ["SXD-MOI"])
            #expect(try await api.get("/api/v1/agencies?asOf=31-02-2025").status == .badRequest)

            // A retired agency is read-only; its page shows its history.
            let retired = try await admin.get("/admin/agencies/\(fixture.other)")
            #expect(retired.body.contains("Đơn vị đã kết thúc từ ngày 01/03/2025"))
            #expect(retired.body.contains("Hợp nhất, sáp nhập từ 01/03/2025: SXD, SKHDT → SXD-MOI (Nghị quyết 12/NQ-HĐND; t.admin)"))
            _ = try await admin.get("/admin/agencies")
            #expect(try await admin.post("/admin/agencies/\(fixture.other)", [("code", "SXD"), ("name", "Sở Xây dựng"), ("group", "so"), ("tags", "")])
                .status == .conflict)
        }
    }

    @Test("A refused change comes back as typed, each problem at its field; nothing written")
    func refused() async throws {
        try await TestApp.run { app, _ in
            let admin = Browser(app)
            try await admin.signIn("t.admin")
            _ = try await admin.get("/admin/agencies/changes")
            let page = try await admin.post("/admin/agencies/changes", [("kind", "merge"), ("agencies", "SXD, KHONGCO"), ("successors", "SNV"),
                                                                         ("effective", "31/02/2025"), ("note", ""), ("step", "apply")])
            #expect(page.status == .unprocessableEntity)
            #expect(page.body.contains("value=\"SXD, KHONGCO\""))
            #expect(page.body.contains("value=\"31/02/2025\""))
            #expect(page.body.contains("href=\"#effective\""))
            let second = try await admin.post("/admin/agencies/changes", [("kind", "merge"), ("agencies", "SXD, KHONGCO"), ("successors", "SNV"),
                                                                           ("effective", "01/03/2025"), ("note", "QĐ 1"), ("step", "apply")])
            #expect(second.status == .unprocessableEntity)
            #expect(second.body.contains("Không có đơn vị mã &quot;KHONGCO&quot;.") || second.body.contains("Không có đơn vị mã \"KHONGCO\"."))
            #expect(second.body.contains("Đơn vị tiếp nhận SNV phải nằm trong các đơn vị sáp nhập, hoặc là đơn vị mới."))
            #expect(try await AgencyChangeModel.query(on: app.db).count() == 0)
            #expect(try await AgencyModel.query(on: app.db).filter(\.$endedOn != nil).count() == 0)
        }
    }

    @Test("A change may not end an agency before a period it has a result for")
    func effectiveAfterResults() async throws {
        try await TestApp.run { app, fixture in
            try await MultiYearTests.publish(fixture.period, inputs: ["SNV": ("có", "80"), "SXD": ("không", "50")], on: app)
            let admin = Browser(app)
            try await admin.signIn("t.admin")
            _ = try await admin.get("/admin/agencies/changes")
            let dissolve: (String) -> [(String, String)] = { day in
                [("kind", "dissolve"), ("agencies", "SXD"), ("effective", day), ("note", "QĐ"), ("step", "preview")]
            }
            let early = try await admin.post("/admin/agencies/changes", dissolve("01/01/2026"))
            #expect(early.status == .unprocessableEntity)
            #expect(early.body.contains("SXD đã có kết quả Năm 2026, kỳ bắt đầu sau ngày hiệu lực 01/01/2026: kiểm tra lại ngày hiệu lực."))
            #expect(try await admin.post("/admin/agencies/changes", dissolve("01/01/2027")).status == .ok)
        }
    }

    @Test("A rename keeps the old name with its dates; a dissolution disables the accounts and ends the agency")
    func renameAndDissolve() async throws {
        try await TestApp.run { app, fixture in
            let admin = Browser(app)
            try await admin.signIn("t.admin")
            _ = try await admin.get("/admin/agencies/changes")
            #expect(try await admin.post("/admin/agencies/changes", [("kind", "rename"), ("agencies", "XA1"), ("newName", "UBND phường Một"),
                                                                      ("effective", "01/07/2025"), ("note", "NQ 5"), ("step", "apply"), ("confirm", "1")])
                .status == .seeOther)
            let page = try await admin.get("/admin/agencies/\(fixture.commune)")
            #expect(page.body.contains("Tên cũ: UBND xã Một (đến hết ngày trước 01/07/2025)"))
            #expect(try await admin.get("/admin/agencies?asOf=30/06/2025").body.contains("UBND xã Một"))
            #expect(try await admin.get("/admin/agencies?asOf=01/07/2025").body.contains("UBND phường Một"))

            let editor = try #require(try await UserModel.query(on: app.db).filter(\.$username == "t.sxd.editor").first())
            _ = try await admin.get("/admin/agencies/changes")
            #expect(try await admin.post("/admin/agencies/changes", [("kind", "dissolve"), ("agencies", "SXD"), ("effective", "01/01/2026"),
                                                                      ("note", "QĐ giải thể"), ("step", "apply"), ("confirm", "1")]).status == .seeOther)
            #expect(try await UserModel.find(editor.id, on: app.db)?.active == false)
            #expect(try await AgencyModel.find(fixture.other, on: app.db)?.endedOn == "2026-01-01")
            let disabled = try await AuditEventModel.query(on: app.db).filter(\.$action == "user.disable").all()
            #expect(disabled.map(\.target) == ["t.sxd.editor"])
        }
    }
}

/// A period while it runs: agencies added and closed, deadlines moved with a reason (agencies see it),
/// the appraisal deadline enforced, closing early, copying the setup.
@Suite("Period administration", .serialized)
struct PeriodAdministrationTests {
    @Test("A new agency joins the open period on its group's index; a retired one's assessment is closed with a reason and not ranked")
    func membership() async throws {
        try await TestApp.run { app, fixture in
            let admin = Browser(app)
            try await admin.signIn("t.admin")
            _ = try await admin.get("/admin/agencies/new")
            #expect(try await admin.post("/admin/agencies", [("code", "SKHDT"), ("name", "Sở Kế hoạch và Đầu tư"), ("group", "so"), ("tags", "")])
                .status == .seeOther)
            _ = try await admin.get("/admin/agencies/changes")
            #expect(try await admin.post("/admin/agencies/changes", OrganisationChangeTests.merge(step: "apply") + [("confirm", "1")]).status == .seeOther)

            let organizer = Browser(app)
            try await organizer.signIn("t.organizer")
            let period = try await organizer.get("/periods/\(fixture.period)")
            let new = try #require(try await AgencyModel.query(on: app.db).filter(\.$code == "SXD-MOI").first())
            #expect(period.body.contains("Thêm SXD-MOI vào kỳ"))
            #expect(!period.body.contains("Thêm SKHDT vào kỳ"))     // ended
            #expect(period.body.contains("Đóng hồ sơ SXD"))
            let added = try await organizer.post("/periods/\(fixture.period)/agencies", [("agencyID", new.id!.uuidString)])
            #expect(added.status == .seeOther)
            let assessment = try #require(try await AssessmentModel.query(on: app.db).filter(\.$agency.$id == new.id!).first())
            #expect(assessment.state == "draft" && assessment.$indexVersion.id == fixture.indexVersion)
            #expect(try await organizer.post("/periods/\(fixture.period)/agencies", [("agencyID", new.id!.uuidString)]).status == .conflict)
            #expect(try await AuditEventModel.query(on: app.db).filter(\.$action == "period.add_agency").count() == 1)

            // An active agency's assessment is not closed: it is ranked.
            let active = try await organizer.post("/assessments/\(fixture.ownAssessment)/close", [("reason", "Không tham gia")])
            #expect(active.status == .conflict && active.body.contains("Đơn vị SNV vẫn hoạt động"))
            // Closing the merged department's assessment: a reason first.
            _ = try await organizer.get("/periods/\(fixture.period)")
            #expect(try await organizer.post("/assessments/\(fixture.otherAssessment)/close", [("reason", "")]).status == .conflict)
            #expect(try await organizer.post("/assessments/\(fixture.otherAssessment)/close", [("reason", "Hợp nhất vào SXD-MOI từ 01/03/2025")])
                .status == .seeOther)
            let closed = try #require(try await AssessmentModel.find(fixture.otherAssessment, on: app.db))
            #expect(closed.state == "closed" && closed.closedReason == "Hợp nhất vào SXD-MOI từ 01/03/2025")
            // Nothing moves a closed assessment; its agency's accounts were disabled (none was moved).
            #expect(try await Browser(app).login("t.sxd.editor").status == .unauthorized)
            #expect(try await organizer.post("/assessments/\(fixture.otherAssessment)/close", [("reason", "lần nữa")]).status == .conflict)
            // The ranking says it is left out, and why.
            let results = try await organizer.get("/periods/\(fixture.period)/results")
            #expect(results.body.contains("Không xếp hạng"))
            #expect(results.body.contains("Sở Xây dựng — hồ sơ đã đóng: Hợp nhất vào SXD-MOI từ 01/03/2025"))
            let monitoring = try await organizer.get("/monitoring?period=\(fixture.period)")
            #expect(monitoring.body.contains("Sở Xây dựng — hồ sơ đã đóng: Hợp nhất vào SXD-MOI từ 01/03/2025"))
            // So do the exports: the annex workbook and the printed ranking name it, not ranked.
            let xlsx = try await organizer.get("/periods/\(fixture.period)/results/ranking.xlsx?group=so")
            let cells = try XLSXReader.rows(of: xlsx.bytes).flatMap(\.fields)
            #expect(cells.contains("Sở Xây dựng — hồ sơ đã đóng: Hợp nhất vào SXD-MOI từ 01/03/2025"))
            let progress = try await organizer.get("/api/v1/periods/\(fixture.period)/progress")
            #expect(progress.body.contains("\"state\":\"closed\""))
        }
    }

    @Test("Deadlines move with a reason (audited, on the agencies' home page); appraising stops at its deadline")
    func deadlines() async throws {
        try await TestApp.run { app, fixture in
            let organizer = Browser(app)
            try await organizer.signIn("t.organizer")
            _ = try await organizer.get("/periods/\(fixture.period)")
            let refused = try await organizer.post("/periods/\(fixture.period)/deadlines", [("selfDeadline", "2026-12-20"), ("reason", "")])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.contains("value=\"2026-12-20\""))
            let inverted = try await organizer.post("/periods/\(fixture.period)/deadlines", [("appraisalDeadline", "2026-12-01"), ("reason", "x")])
            #expect(inverted.status == .unprocessableEntity)
            #expect(try await organizer.post("/periods/\(fixture.period)/deadlines", [("selfDeadline", "2026-12-20"), ("reason", "Lùi hạn do bão số 3")])
                .status == .seeOther)
            let period = try #require(try await PeriodModel.find(fixture.period, on: app.db))
            #expect(Formats.date(period.selfAssessmentDeadline) == "20/12/2026")
            let change = try #require(try await PeriodDeadlineChangeModel.query(on: app.db).first())
            #expect(change.deadline == .selfAssessment && change.reason == "Lùi hạn do bão số 3" && change.changedBy == "t.organizer")
            let audit = try #require(try await AuditEventModel.query(on: app.db).filter(\.$action == "period.change_deadlines").first())
            #expect(Audit.fields(audit.after)["self_assessment_deadline"] == "20/12/2026")
            let agency = Browser(app)
            try await agency.signIn("t.editor")
            let home = try await agency.get("/")
            #expect(home.body.contains("Năm 2026 — Hạn tự đánh giá: từ 15/12/2026 thành 20/12/2026. Lý do: Lùi hạn do bão số 3"))

            // The appraisal deadline passed: the chair may no longer appraise (the organiser may extend it).
            try await AssessmentModel.query(on: app.db).filter(\.$id == fixture.otherAssessment).set(\.$state, to: "submitted").update()
            try await PeriodModel.query(on: app.db).filter(\.$id == fixture.period)
                .set(\.$selfAssessmentDeadline, to: Formats.endOfDay(year: 2026, month: 1, day: 5)!)
                .set(\.$appraisalDeadline, to: Formats.endOfDay(year: 2026, month: 1, day: 20)!).update()
            let chair = Browser(app)
            try await chair.signIn("t.chair")
            _ = try await chair.get("/assessments/\(fixture.otherAssessment)/appraisal")
            let late = try await chair.post("/assessments/\(fixture.otherAssessment)/appraisal/1.2", [("value", "")])
            #expect(late.status == .conflict)
            #expect(late.body.contains("Đã hết hạn thẩm định ngày 20/01/2026; Sở Nội vụ có thể gia hạn."))
        }
    }

    @Test("Closing a period early stops every change to its assessments; a new period copies the setup of another")
    func closeAndCopy() async throws {
        try await TestApp.run { app, fixture in
            let organizer = Browser(app)
            try await organizer.signIn("t.organizer")
            _ = try await organizer.get("/periods/\(fixture.period)")
            #expect(try await organizer.post("/periods/\(fixture.period)/close", [("reason", "")]).status == .unprocessableEntity)
            #expect(try await organizer.post("/periods/\(fixture.period)/close", [("reason", "Dừng theo chỉ đạo của UBND tỉnh")]).status == .seeOther)
            #expect(try await PeriodModel.find(fixture.period, on: app.db)?.status == .closed)
            #expect(try await organizer.get("/periods/\(fixture.period)").body.contains("Kỳ đã đóng: Dừng theo chỉ đạo của UBND tỉnh"))
            let editor = Browser(app)
            try await editor.signIn("t.editor")
            _ = try await editor.get("/assessments/\(fixture.ownAssessment)")
            let refused = try await editor.post("/assessments/\(fixture.ownAssessment)/entries/1.2", [("value", "90"), ("revision", "1")])
            #expect(refused.status == .conflict)
            #expect(refused.body.contains("Kỳ đánh giá đã đóng: hồ sơ không thay đổi được nữa."))

            // A new period from this one's setup: its index per group and its appraisers.
            let appraiser = try #require(try await UserModel.query(on: app.db).filter(\.$username == "t.appraiser").first())
            try await AppraisalAssignmentModel(periodID: fixture.period, indexCode: "test-so", criterionCode: "1.2", userID: appraiser.id!).create(on: app.db)
            _ = try await organizer.get("/periods/new")
            // The form's "do not copy" is an empty value.
            #expect(try await organizer.post("/periods", [("name", "Quý 1/2027"), ("kind", "quarter"), ("year", "2027"), ("number", "1"),
                                                          ("selfDeadline", "15/03/2027"), ("appraisalDeadline", "20/03/2027"),
                                                          ("explanationDeadline", "25/03/2027"), ("rollup", ""), ("copyFrom", "")]).status == .seeOther)
            let created = try await organizer.post("/periods", [("name", "Năm 2027"), ("kind", "year"), ("year", "2027"), ("selfDeadline", "15/12/2027"),
                                                                ("appraisalDeadline", "20/01/2028"), ("explanationDeadline", "05/02/2028"),
                                                                ("rollup", "average"), ("copyFrom", fixture.period.uuidString)])
            #expect(created.status == .seeOther)
            let next = try #require(try await PeriodModel.query(on: app.db).filter(\.$name == "Năm 2027").first())
            #expect(next.rollup == .average)
            #expect(try await PeriodIndexModel.query(on: app.db).filter(\.$period.$id == next.id!).all().map(\.group) == ["so"])
            #expect(try await AppraisalAssignmentModel.query(on: app.db).filter(\.$period.$id == next.id!).all().map(\.criterionCode) == ["1.2"])
            #expect(try await organizer.get("/periods/\(next.id!)").body.contains("Đã tạo kỳ; đã sao chép bộ chỉ số của 1 khối và 1 phân công thẩm định từ Năm 2026."))
        }
    }
}

/// Several periods side by side: an agency over the years, a group, a year's quarters rolled up.
@Suite("Years side by side", .serialized)
struct MultiYearTests {
    /// Every assessment of `period` finalised with `inputs` (1.1, 1.2) as the council's, and the period published.
    static func publish(_ period: UUID, inputs: [String: (String, String)], on app: Application) async throws {
        for assessment in try await AssessmentModel.query(on: app.db).filter(\.$period.$id == period).with(\.$agency).all() {
            guard let (yes, ratio) = inputs[assessment.agency.code] else { continue }
            for (code, input) in [("1.1", yes), ("1.2", ratio)] {
                let entry = try await CriterionEntryModel.query(on: app.db).filter(\.$assessment.$id == assessment.id!)
                    .filter(\.$criterionCode == code).first() ?? CriterionEntryModel(assessmentID: assessment.id!, criterionCode: code)
                entry.selfInput = input
                entry.appraisedInput = input
                entry.appraisedAt = Date()
                try await entry.save(on: app.db)
            }
            assessment.state = AssessmentState.published.rawValue
            try await assessment.update(on: app.db)
        }
        try await PeriodModel.query(on: app.db).filter(\.$id == period).set(\.$status, to: .published).update()
    }

    @Test("An agency's years and a group's: score, class, rank in the group and the fields; a year's quarters with the year's figure")
    func years() async throws {
        try await TestApp.run { app, fixture in
            try await Self.publish(fixture.period, inputs: ["SNV": ("có", "80"), "SXD": ("không", "50")], on: app)
            let editor = Browser(app)
            try await editor.signIn("t.editor")
            let own = try await editor.get("/agencies/\(fixture.own)/years")
            #expect(own.status == .ok)
            // SNV: 4 + 6 × 80% = 8,80 (the fixture index is on a scale of 10), first of two.
            let text = own.body
            #expect(text.contains("<th scope=\"row\">Năm 2026</th>"))
            #expect(text.contains("1/2"))
            #expect(text.contains("I 8,80/10"))
            #expect(try await editor.get("/agencies/\(fixture.other)/years").status == .forbidden)
            let group = try await editor.get("/results/years?group=so")
            #expect(group.status == .ok && group.body.contains("Sở Xây dựng") && group.body.contains("2/2"))

            // Two quarters of 2026, published; the year averages them.
            for quarter in 1...2 {
                let period = PeriodModel(name: "Quý \(quarter)/2026", kind: .quarter, year: 2026, number: quarter, status: .draft,
                                         selfAssessmentDeadline: Formats.endOfDay(year: 2026, month: 12, day: 15)!,
                                         appraisalDeadline: Formats.endOfDay(year: 2027, month: 1, day: 20)!,
                                         explanationDeadline: Formats.endOfDay(year: 2027, month: 2, day: 5)!)
                let yaml = try #require(try await IndexVersionModel.find(fixture.indexVersion, on: app.db)).yaml
                try await Fixture.openPeriod(period, indexYAML: yaml.replacingOccurrences(of: "id: test-so", with: "id: test-so-q\(quarter)"), on: app)
                try await Self.publish(period.id!, inputs: ["SNV": ("có", quarter == 1 ? "60" : "100"), "SXD": ("có", "50")], on: app)
            }
            try await PeriodModel.query(on: app.db).filter(\.$id == fixture.period).set(\.$rollup, to: .average).update()
            let organizer = Browser(app)
            try await organizer.signIn("t.organizer")
            let results = try await organizer.get("/periods/\(fixture.period)/results")
            #expect(results.body.contains("Các kỳ trong năm"))
            #expect(results.body.contains("Kết quả năm là trung bình điểm các kỳ trong năm."))
            // SNV (no evidence for 1.1 in the quarters, which the index requires): Q1 6 × 60% = 3,60; Q2 6,00; their average 4,80.
            #expect(results.body.contains("<th scope=\"row\">Sở Nội vụ</th><td class=\"num\">3,60</td><td class=\"num\">6,00</td><td class=\"num\">4,80</td>"))
        }
    }

    @Test("Monitoring's trend goes back through the published years before")
    func trendSpansPeriods() async throws {
        try await TestApp.run { app, fixture in
            try await Self.publish(fixture.period, inputs: ["SNV": ("có", "80"), "SXD": ("không", "50")], on: app)
            // As finalising stores it (the trend reads the stored finals).
            try await AssessmentModel.query(on: app.db).filter(\.$id == fixture.ownAssessment).set(\.$finalScore, to: "8.80").update()
            let yaml = try #require(try await IndexVersionModel.find(fixture.indexVersion, on: app.db)).yaml
            let next = try await Fixture.openPeriod(Fixture.year2027(), indexYAML: yaml.replacingOccurrences(of: "id: test-so", with: "id: test-so-2027"),
                                                    on: app)
            let organizer = Browser(app)
            try await organizer.signIn("t.organizer")
            let page = try await organizer.get("/monitoring/\(next.id!)/agencies/\(fixture.own)")
            #expect(page.status == .ok)
            let trend = try #require(page.body.range(of: "id=\"trend-title\"").map { String(page.body[$0.lowerBound...].prefix(4000)) })
            #expect(trend.contains("Năm 2026"))
            #expect(trend.contains("8,80"))
        }
    }
}
