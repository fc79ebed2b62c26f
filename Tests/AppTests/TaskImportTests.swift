import ChiSoCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import App

/// Importing exports of the task-tracking system, as CSV and as Excel
/// workbooks saved by LibreOffice (`Fixtures/make-fixtures.sh`).
@Suite("Task register and imports", .serialized)
struct TaskImportTests {
    static func fixture(_ name: String) throws -> [UInt8] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)")
        return Array(try Data(contentsOf: url))
    }

    /// Uploads a file and returns the preview page's address.
    static func upload(_ browser: Browser, _ name: String, content: [UInt8]? = nil) async throws -> String {
        _ = try await browser.get("/tasks/import")
        let page = try await browser.upload("/tasks/import", field: "file", fileName: name, content: try content ?? fixture(name))
        #expect(page.status == .seeOther, "upload of \(name): \(page.status) \(page.body.prefix(400))")
        return try #require(page.location)
    }

    @Test("A broken export: every bad row by line and column, nothing imported", arguments: ["task-export-bad.csv", "task-export-bad.xlsx"])
    func brokenRows(file: String) async throws {
        try await TestApp.run { app, _ in
            let office = Browser(app)
            try await office.signIn("t.taskofficer")
            let preview = try await office.get(try await Self.upload(office, file))
            #expect(preview.status == .ok)
            let text = preview.body.replacingOccurrences(of: "&quot;", with: "\"")
            #expect(text.contains("6 dòng: 3 hợp lệ (3 mới, 0 cập nhật, 0 không đổi), 3 dòng có lỗi."))
            #expect(text.contains("Dòng 5, cột F (Đơn vị được giao)"))
            #expect(text.contains("SKHCN"))
            #expect(text.contains("Dòng 6, cột H (Hạn xử lý)"))
            #expect(text.contains("Dòng 7, cột B (Mã nhiệm vụ (hệ thống nguồn))"))
            #expect(text.contains("dòng 2"))
            let path = try #require(text.components(separatedBy: "action=\"/tasks/import/").dropFirst().first?.prefix(36)).description
            let refused = try await office.post("/tasks/import/\(path)")
            #expect(refused.status == .unprocessableEntity)
            #expect(try await TaskModel.query(on: app.db).count() == 2) // the fixture's two tasks only
        }
    }

    @Test("An Excel export imports; the same file again changes nothing; a changed row updates by its id")
    func reimport() async throws {
        try await TestApp.run { app, fixture in
            let office = Browser(app)
            try await office.signIn("t.taskofficer")
            var preview = try await office.get(try await Self.upload(office, "task-export.xlsx"))
            #expect(preview.body.contains("3 dòng: 3 hợp lệ (3 mới, 0 cập nhật, 0 không đổi), 0 dòng có lỗi."))
            var path = String(try #require(preview.body.components(separatedBy: "action=\"/tasks/import/").dropFirst().first?.prefix(36)))
            var done = try await office.post("/tasks/import/\(path)")
            #expect(done.status == .seeOther)
            let list = try await office.get("/tasks?asOf=2026-06-30")
            #expect(list.body.contains("Đã nhập 3 nhiệm vụ: 3 mới, 0 cập nhật, 0 không đổi."))
            let tasks = try await TaskModel.query(on: app.db).with(\.$extensions).with(\.$agency).all()
            #expect(tasks.count == 5)
            let second = try #require(tasks.first { $0.sourceID == "NV-2026-002" })
            #expect(second.agency.code == "SXD") // named by its full name in the file
            #expect(second.deadline == "2026-04-15")
            #expect(second.extensions.map(\.newDeadline) == ["2026-05-30"])
            #expect(second.completedOn == "2026-05-20")
            // Status on 30/06: NV-1 done on time, NV-2 done on time against its extended deadline, NV-3 overdue.
            let statuses = Dictionary(uniqueKeysWithValues: tasks.compactMap { model in
                model.assigned(agencyCode: model.agency.code).map { (model.sourceID, $0.status(on: CivilDate(year: 2026, month: 6, day: 30)!)) }
            })
            #expect(statuses["NV-2026-001"] == .doneOnTime)
            #expect(statuses["NV-2026-002"] == .doneOnTime)
            #expect(statuses["NV-2026-003"] == .openOverdue)

            // The same workbook again: nothing new, nothing changed.
            preview = try await office.get(try await Self.upload(office, "task-export.xlsx"))
            #expect(preview.body.contains("3 dòng: 3 hợp lệ (0 mới, 0 cập nhật, 3 không đổi), 0 dòng có lỗi."))
            path = String(try #require(preview.body.components(separatedBy: "action=\"/tasks/import/").dropFirst().first?.prefix(36)))
            done = try await office.post("/tasks/import/\(path)")
            #expect(done.status == .seeOther)
            #expect(try await TaskModel.query(on: app.db).count() == 5)
            #expect(try await TaskExtensionModel.query(on: app.db).count() == 1)

            // The CSV export a month later: NV-3 completed.
            let later = String(decoding: try Self.fixture("task-export.csv"), as: UTF8.self)
                .replacingOccurrences(of: "30/04/2026,,,,", with: "30/04/2026,,,05/05/2026,Đã trình UBND tỉnh")
            preview = try await office.get(try await Self.upload(office, "task-export.csv", content: Array(later.utf8)))
            #expect(preview.body.contains("3 dòng: 3 hợp lệ (0 mới, 1 cập nhật, 2 không đổi), 0 dòng có lỗi."))
            path = String(try #require(preview.body.components(separatedBy: "action=\"/tasks/import/").dropFirst().first?.prefix(36)))
            #expect(try await office.post("/tasks/import/\(path)").status == .seeOther)
            let third = try #require(try await TaskModel.query(on: app.db).filter(\.$sourceID == "NV-2026-003").first())
            #expect(third.completedOn == "2026-05-05")
            let audit = try await AuditEventModel.query(on: app.db).filter(\.$action == "task.update").all()
            #expect(audit.count == 1)
            #expect(Audit.fields(audit[0].after)["completed_on"] == "2026-05-05")
            // Pending imports are removed once imported.
            #expect(try await TaskImportModel.query(on: app.db).count() == 1) // the fixture's own
            _ = fixture
        }
    }

    @Test("A column mapping chosen by hand; a file that is not a table is refused with a clear message")
    func mappingAndBadFiles() async throws {
        try await TestApp.run { app, fixture in
            let office = Browser(app)
            try await office.signIn("t.taskofficer")
            // Headers the guesser cannot know: map them by hand.
            let csv = "A,B,C,D,E\nX-1,9/UBND,SNV,Việc bất kỳ,30/06/2026\n"
            let location = try await Self.upload(office, "x.csv", content: Array(csv.utf8))
            let guessed = try await office.get(location)
            #expect(guessed.body.contains("chưa chọn cột"))
            let mapped = try await office.get(location + "?col-sourceID=0&col-document=1&col-agency=2&col-content=3&col-deadline=4")
            #expect(mapped.body.contains("1 dòng: 1 hợp lệ (1 mới, 0 cập nhật, 0 không đổi), 0 dòng có lỗi."))
            let path = String(location.dropFirst("/tasks/import/".count))
            let done = try await office.post("/tasks/import/\(path)", [("col-sourceID", "0"), ("col-document", "1"), ("col-agency", "2"),
                                                                         ("col-content", "3"), ("col-deadline", "4")])
            #expect(done.status == .seeOther)
            #expect(try await TaskModel.query(on: app.db).filter(\.$sourceID == "X-1").count() == 1)
            // A Word document renamed .xlsx, and Latin-1 text.
            _ = try await office.get("/tasks/import")
            let docx = try await office.upload("/tasks/import", field: "file", fileName: "nhiem-vu.xlsx",
                                               content: Array(try Data(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
                                                   .deletingLastPathComponent().appendingPathComponent("ChiSoCoreTests/Fixtures/xlsx/memo.docx"))))
            #expect(docx.status == .unprocessableEntity)
            #expect(docx.body.contains("nhiem-vu.xlsx"))
            let latin1 = try await office.upload("/tasks/import", field: "file", fileName: "nv.csv", content: [0x4D, 0xE3, 0x0A, 0x31, 0x0A])
            #expect(latin1.status == .unprocessableEntity)
            #expect(latin1.body.contains("UTF-8"))
            _ = fixture
        }
    }

    @Test("The task form: a bad date keeps what was typed; an extension moves the deadline and the status")
    func form() async throws {
        try await TestApp.run { app, fixture in
            let office = Browser(app)
            try await office.signIn("t.taskofficer")
            _ = try await office.get("/tasks/new")
            let bad = try await office.post("/tasks", [("document", "55/UBND-VX"), ("agency", "SXD"), ("content", "Tổng kết năm học"),
                                                      ("deadline", "31/06/2026")])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.contains("value=\"31/06/2026\""))
            #expect(bad.body.contains("Tổng kết năm học"))
            #expect(try await TaskModel.query(on: app.db).count() == 2)
            let good = try await office.post("/tasks", [("document", "55/UBND-VX"), ("agency", "SXD"), ("content", "Tổng kết năm học"),
                                                       ("deadline", "30/06/2026")])
            #expect(good.status == .seeOther)
            let created = try #require(try await TaskModel.query(on: app.db).filter(\.$document == "55/UBND-VX").first())
            #expect(created.sourceID.hasPrefix("CS-"))
            _ = try await office.get("/tasks/\(created.id!)")
            let noDate = try await office.post("/tasks/\(created.id!)/extensions", [("extensionDocument", "77/UBND-TH")])
            #expect(noDate.status == .unprocessableEntity)
            let extended = try await office.post("/tasks/\(created.id!)/extensions", [("extensionDocument", "77/UBND-TH"),
                                                                                     ("extensionDate", "25/06/2026"), ("extendedDeadline", "31/12/2099")])
            #expect(extended.status == .seeOther)
            let page = try await office.get("/tasks/\(created.id!)")
            #expect(page.body.contains("hạn mới 31/12/2099"))
            #expect(page.body.contains("Chưa hoàn thành, trong hạn"))
            // Completion evidence: checked by content, downloadable by the agency.
            let report = try await office.upload("/tasks/\(created.id!)/evidence", field: "file", fileName: "../bao-cao-hoan-thanh.pdf",
                                                 content: Array("%PDF-1.4\n% báo cáo\n%%EOF\n".utf8))
            #expect(report.status == .seeOther)
            let program = try await office.upload("/tasks/\(created.id!)/evidence", field: "file", fileName: "bao-cao.pdf",
                                                  content: [0x4D, 0x5A, 0x90, 0x00, 0x03])
            #expect(program.status == .unsupportedMediaType)
            let stored = try #require(try await TaskEvidenceModel.query(on: app.db).filter(\.$task.$id == created.id!).first())
            #expect(stored.fileName == "bao-cao-hoan-thanh.pdf")
            // The agency reads its own tasks only.
            let sxd = Browser(app)
            try await sxd.signIn("t.sxd.editor")
            let own = try await sxd.get("/tasks")
            #expect(own.body.contains("Tổng kết năm học"))
            #expect(!own.body.contains("Nhiệm vụ kiểm thử 1")) // SNV's
            #expect(try await sxd.get("/tasks/\(fixture.ownTask)").status == .forbidden)
            #expect(try await sxd.get("/tasks?agency=SNV").body.contains("Nhiệm vụ kiểm thử 2")) // the filter cannot widen it
            let download = try await sxd.get("/tasks/\(created.id!)/evidence/\(stored.id!)")
            #expect(download.status == .ok)
            #expect(download.headers.first(name: .contentType) == "application/pdf")
        }
    }
}
