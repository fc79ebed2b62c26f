import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import App

@Suite("Admin and organiser pages", .serialized)
struct AdminPagesTests {
    @Test("The administrator names the ranking groups; pages say the name, not the code; audited")
    func groupNames() async throws {
        try await TestApp.run { app, fixture in
            let admin = Browser(app)
            try await admin.signIn("t.admin")
            let page = try await admin.get("/admin/identity")
            #expect(page.body.contains("name=\"name-so\""))
            #expect(page.body.contains("name=\"name-xa\""))
            let saved = try await admin.post("/admin/identity/groups", [("name-so", "sở, ban, ngành"), ("english-so", "departments"), ("name-xa", "")])
            #expect(saved.status == .seeOther)
            let organizer = Browser(app)
            try await organizer.signIn("t.organizer")
            let period = try await organizer.get("/periods/\(fixture.period)")
            #expect(period.body.contains("<option value=\"so\">sở, ban, ngành</option>"))
            #expect(period.body.contains("<th scope=\"row\">sở, ban, ngành</th>"))
            #expect(period.body.contains("<th scope=\"row\">xa</th>"))   // unnamed: its code
            let agencies = try await admin.get("/admin/agencies")
            #expect(agencies.body.contains("sở, ban, ngành (so)"))
            let audit = try await AuditEventModel.query(on: app.db).filter(\.$action == "installation.group_name").all()
            #expect(audit.map(\.target) == ["so"])
            // Saving the installation's identity keeps the names.
            _ = try await admin.get("/admin/identity")
            #expect(try await admin.post("/admin/identity", [("province", "Tỉnh Thử"), ("issuingBody", "UBND TỈNH THỬ"), ("place", "Thử")]).status == .seeOther)
            #expect(try await organizer.get("/periods/\(fixture.period)").body.contains("<option value=\"so\">sở, ban, ngành</option>"))
        }
    }

    @Test("Agency import: every bad row reported with its line, nothing changed; a good file adds and updates")
    func agencyImport() async throws {
        try await TestApp.run { app, _ in
            let admin = Browser(app)
            try await admin.signIn("t.admin")
            _ = try await admin.get("/admin/agencies")
            let bad = try await admin.upload("/admin/agencies/import", field: "file", fileName: "don-vi.csv",
                                             content: Array("code,name,group,tags\nA1,Đơn vị A,so,\nA1,Trùng,so,\nB2,,xa,\nC3,Đơn vị C,,\n".utf8))
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.contains("don-vi.csv:3: mã đơn vị A1 đã dùng ở dòng 2"))
            #expect(bad.body.contains("don-vi.csv:4: đơn vị B2: tên đang để trống"))
            #expect(bad.body.contains("don-vi.csv:5: đơn vị C3: khối đang để trống"))
            #expect(try await AgencyModel.query(on: app.db).filter(\.$code == "A1").count() == 0)
            _ = try await admin.get("/admin/agencies")
            let good = try await admin.upload("/admin/agencies/import", field: "file", fileName: "don-vi.csv",
                                              content: [0xEF, 0xBB, 0xBF] + Array("code,name,group,tags\r\nA1,\"Đơn vị A, mới\",so,dvsn\r\nSXD,Sở Xây dựng,so,khong-tthc\r\n".utf8))
            #expect(good.status == .seeOther)
            let list = try await admin.get("/admin/agencies")
            #expect(list.body.contains("Đã nhập 2 đơn vị (1 thêm mới, 1 cập nhật)."))
            #expect(try await AgencyModel.query(on: app.db).filter(\.$code == "SXD").first()?.tags == "khong-tthc")
        }
    }

    @Test("A rejected agency form keeps what was typed and says what is wrong")
    func agencyFormKeepsInput() async throws {
        try await TestApp.run { app, _ in
            let admin = Browser(app)
            try await admin.signIn("t.admin")
            _ = try await admin.get("/admin/agencies/new")
            let page = try await admin.post("/admin/agencies", [("code", "SXD"), ("name", "Tên gõ dở <b>"), ("group", "")])
            #expect(page.status == .unprocessableEntity)
            #expect(page.body.contains("Mã SXD đã được dùng cho Sở Xây dựng."))
            #expect(page.body.contains("value=\"Tên gõ dở &lt;b&gt;\""))
            #expect(page.body.contains("Không được để trống."))
        }
    }

    @Test("Index upload shows the validator's messages with lines; a valid file becomes version 1, then 2")
    func indexUpload() async throws {
        try await TestApp.run { app, _ in
            let organizer = Browser(app)
            try await organizer.signIn("t.organizer")
            _ = try await organizer.get("/indexes")
            let broken = try await organizer.upload("/indexes", field: "file", fileName: "bo-chi-so.yaml", content: Array("""
            id: moi
            title: Mới
            scale: 5
            classes: [{code: A, title: a, min: 0}]
            criteria:
              - {code: "1", title: a, max: 2, rule: {type: yesno}, notAplicableFor: [x]}
            """.utf8))
            #expect(broken.status == .unprocessableEntity)
            #expect(broken.body.contains("bo-chi-so.yaml:3: index: tổng điểm tối đa các lĩnh vực là 2, không bằng scale 5"))
            #expect(broken.body.contains("bo-chi-so.yaml:6: node 1: trường notAplicableFor không hợp lệ (có phải là notApplicableFor?)"))
            let yaml = "id: moi\ntitle: Mới\nscale: 2\nclasses: [{code: A, title: a, min: 0}]\ncriteria:\n  - {code: \"1\", title: a, max: 2, rule: {type: yesno}}\n"
            let first = try await organizer.upload("/indexes", field: "file", fileName: "moi.yaml", content: Array(yaml.utf8))
            #expect(first.status == .seeOther)
            _ = try await organizer.get("/indexes")
            let second = try await organizer.upload("/indexes", field: "file", fileName: "moi.yaml", content: Array((yaml + "# sửa\n").utf8))
            #expect(second.status == .seeOther)
            let versions = try await IndexVersionModel.query(on: app.db).filter(\.$code == "moi").sort(\.$version).all()
            #expect(versions.map(\.version) == [1, 2])
            let shown = try await organizer.get(second.location!)
            #expect(shown.body.contains("moi v2"))
        }
    }

    @Test("A period is created, given an index per group, and opened: assessments made, indexes frozen, no change after")
    func periodLifecycle() async throws {
        try await TestApp.run { app, fixture in
            let organizer = Browser(app)
            try await organizer.signIn("t.organizer")
            _ = try await organizer.get("/periods/new")
            let invalid = try await organizer.post("/periods", [("name", "Quý 1/2027"), ("kind", "quarter"), ("year", "2027"), ("number", "5"),
                                                                ("selfDeadline", "2027-04-10"), ("appraisalDeadline", "2027-04-01"),
                                                                ("explanationDeadline", "2027-04-30")])
            #expect(invalid.status == .unprocessableEntity)
            #expect(invalid.body.contains("Nhập quý 1–4 hoặc tháng 1–12."))
            #expect(invalid.body.contains("Hạn thẩm định phải sau hạn tự đánh giá."))
            #expect(invalid.body.contains("value=\"Quý 1/2027\""))
            let created = try await organizer.post("/periods", [("name", "Quý 1/2027"), ("kind", "quarter"), ("year", "2027"), ("number", "1"),
                                                                ("selfDeadline", "2027-04-10"), ("appraisalDeadline", "2027-04-20"),
                                                                ("explanationDeadline", "2027-04-30")])
            #expect(created.status == .seeOther)
            let periodPath = try #require(created.location)
            _ = try await organizer.get(periodPath)
            let assigned = try await organizer.post(periodPath + "/indexes", [("group", "so"), ("indexVersionID", fixture.indexVersion.uuidString)])
            #expect(assigned.status == .seeOther)
            _ = try await organizer.get(periodPath)
            #expect(try await organizer.post(periodPath + "/open").status == .seeOther)
            let periodID = UUID(uuidString: String(periodPath.dropFirst("/periods/".count)))!
            #expect(try await AssessmentModel.query(on: app.db).filter(\.$period.$id == periodID).count() == 2) // SNV and SXD, not the commune
            #expect(try await IndexVersionModel.find(fixture.indexVersion, on: app.db)?.frozenAt != nil)
            _ = try await organizer.get(periodPath)
            let late = try await organizer.post(periodPath + "/indexes", [("group", "xa"), ("indexVersionID", fixture.indexVersion.uuidString)])
            #expect(late.status == .conflict)
            #expect(late.body.contains("Kỳ đánh giá đã mở"))
        }
    }

    @Test("An assessment page shows the points ChiSoCore gives, in Vietnamese numbers")
    func assessmentPage() async throws {
        try await TestApp.run { app, fixture in
            let editor = Browser(app)
            try await editor.signIn("t.editor")
            let page = try await editor.get("/assessments/\(fixture.ownAssessment)")
            #expect(page.status == .ok)
            // 1.2: ratio 87,5% of 6 → 5,25; 1.1 missing → 0; total 5,25 / 10.
            #expect(page.body.contains("5,25"))
            #expect(page.body.contains("87,5% so với mục tiêu 100% → 6 × tỷ lệ = 5,25 điểm"))
            #expect(page.body.contains("chưa nhập → 0 điểm"))
            let other = try await editor.get("/assessments/\(fixture.otherAssessment)")
            #expect(other.status == .forbidden)
            #expect(other.body.contains("Bạn chỉ được xem và thao tác dữ liệu của đơn vị mình."))
        }
    }

    @Test("English is the second language, switched by a link")
    func english() async throws {
        try await TestApp.run { app, _ in
            let browser = Browser(app)
            _ = try await browser.get("/language/en?back=/login")
            let page = try await browser.get("/login")
            #expect(page.body.contains("Log in to ChiSo"))
            #expect(page.body.contains("<html lang=\"en\">"))
        }
    }
}
