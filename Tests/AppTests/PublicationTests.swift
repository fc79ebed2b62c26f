@testable import ChiSoCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import App

/// What makes results official: the installation's identity set by the administrator, the
/// announcing decision recorded at publication (and its signed PDF), and the draft mark on every
/// export before it.
@Suite("Identity, announcing decision, drafts", .serialized)
struct PublicationTests {
    /// The worksheet XML of a workbook's first sheet (the draft mark lives in its page header).
    static func sheetXML(_ bytes: [UInt8], sheet: Int = 1) throws -> String {
        var package = try XLSXReader.Package(bytes, unzippedBytes: 10_000_000)
        let data = try #require(try package.read("xl/worksheets/sheet\(sheet).xml"))
        return String(decoding: data, as: UTF8.self)
    }

    static let decision = [("number", "12/QĐ-UBND"), ("signedOn", "2026-01-20"), ("issuer", "UBND tỉnh Thử"), ("signer", "Trần Văn Bình"),
                           ("signerAuthority", "KT. CHỦ TỊCH"), ("signerPosition", "PHÓ CHỦ TỊCH")]

    @Test("The administrator sets the identity (audited; a refused form keeps what was typed); the demo banner only for the demo province")
    func identity() async throws {
        try await TestApp.run { app, fixture in
            let admin = Browser(app)
            try await admin.signIn("t.admin")
            let page = try await admin.get("/admin/identity")
            #expect(page.status == .ok)
            // A fresh installation is no demo: no banner.
            #expect(!page.body.contains("Dữ liệu minh hoạ"))
            let refused = try await admin.post("/admin/identity", [("province", "Tỉnh Thử"), ("issuingBody", ""), ("place", "Thử")])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.contains("value=\"Tỉnh Thử\"") && refused.body.contains("Cần ghi cơ quan ban hành."))
            let saved = try await admin.post("/admin/identity", [("province", "Tỉnh Thử"), ("issuingBody", "UBND TỈNH THỬ"), ("place", "Thử")])
            #expect(saved.status == .seeOther)
            let identity = try await InstallationIdentity.load(on: app.db)
            #expect(identity == InstallationIdentity(province: "Tỉnh Thử", issuingBody: "UBND TỈNH THỬ", place: "Thử", demo: false))
            #expect(app.identity == identity)
            let audit = try await AuditEventModel.query(on: app.db).filter(\.$action == "installation.identity").all()
            #expect(audit.count == 1 && audit.first?.after?.contains("UBND TỈNH THỬ") == true)
            #expect(try await admin.get("/admin/identity").body.contains("Thử, ngày "))
            // Only the administrator.
            let organizer = Browser(app)
            try await organizer.signIn("t.organizer")
            #expect(try await organizer.get("/admin/identity").status == .forbidden)
            // The demo province's identity brings the banner back.
            try await app.db.transaction { db in try await InstallationIdentity.demoProvince.save(by: nil, origin: .system, on: db) }
            try await app.identityCache.reload(on: app.db)
            #expect(try await admin.get("/").body.contains("Dữ liệu minh hoạ"))
        }
    }

    @Test("Publishing records the decision: refused without number, date, signer (the form kept); exports are drafts before and annexes after")
    func publishWithDecision() async throws {
        try await TestApp.run { app, fixture in
            try await ResultsTests.finalise(app, fixture, publish: false)
            try await app.db.transaction { db in
                try await InstallationIdentity(province: "Tỉnh Thử", issuingBody: "UBND TỈNH THỬ", place: "Thử", demo: false)
                    .save(by: nil, origin: .system, on: db)
            }
            try await app.identityCache.reload(on: app.db)
            let organizer = Browser(app)
            try await organizer.signIn("t.organizer")
            let base = "/periods/\(fixture.period)/results"

            // Before publication: the annex is a draft, on the sheet and on every printed page.
            let draft = try await organizer.get("\(base)/ranking.xlsx?group=so")
            let draftRows = try XLSXReader.rows(of: draft.bytes).map(\.fields)
            #expect(draftRows.first?.first == "UBND TỈNH THỬ")
            #expect(draftRows.contains { $0.first?.hasPrefix("DỰ THẢO — ") == true })
            #expect(try Self.sheetXML(draft.bytes).contains("<oddHeader>&amp;C&amp;&quot;-,Bold&quot;&amp;14DỰ THẢO</oddHeader>"))
            #expect(try await organizer.get(base).body.contains("DỰ THẢO"))
            let matrixDraft = try await organizer.get("\(base)/matrix.xlsx?group=so")
            #expect(try Self.sheetXML(matrixDraft.bytes, sheet: 2).contains("DỰ THẢO"))
            #expect(try Self.sheetXML(matrixDraft.bytes, sheet: 1).contains("DỰ THẢO"))

            // The period page offers the form; a form without number and signer is refused, as typed, with each problem.
            let periodPage = try await organizer.get("/periods/\(fixture.period)")
            #expect(periodPage.body.contains("name=\"number\"") && periodPage.body.contains("value=\"UBND TỈNH THỬ\""))
            let refused = try await organizer.post("/periods/\(fixture.period)/publish",
                                                   [("number", ""), ("signedOn", "31/02/2026"), ("issuer", "UBND tỉnh Thử"), ("signer", ""),
                                                    ("signerAuthority", "KT. CHỦ TỊCH"), ("signerPosition", "PHÓ CHỦ TỊCH")])
            #expect(refused.status == .unprocessableEntity)
            for problem in ["Cần ghi số quyết định.", "Ngày ký không hợp lệ (ngày/tháng/năm).", "Cần ghi họ tên người ký."] {
                #expect(refused.body.contains(problem), "\(problem)")
            }
            #expect(refused.body.contains("value=\"KT. CHỦ TỊCH\""))
            #expect(try await PeriodModel.find(fixture.period, on: app.db)?.status == .open)
            let future = try await organizer.post("/periods/\(fixture.period)/publish",
                                                  Self.decision.map { $0.0 == "signedOn" ? ($0.0, "2999-01-01") : $0 })
            #expect(future.status == .unprocessableEntity && future.body.contains("Ngày ký không được sau hôm nay."))
            // Through the API, the same rule in English.
            let token = try await APITests.token(app, "t.organizer")
            let api = Browser(app)
            api.bearer = token
            let apiRefused = try await api.post("/api/v1/periods/\(fixture.period)/publish", [("number", "12/QĐ-UBND")])
            #expect(apiRefused.status == .unprocessableEntity && apiRefused.body.contains("invalid_decision"))

            let published = try await organizer.post("/periods/\(fixture.period)/publish", Self.decision)
            #expect(published.status == .seeOther)
            let stored = try #require(try await PeriodDecision.of(period: fixture.period, on: app.db))
            #expect(stored == PeriodDecision(number: "12/QĐ-UBND", signedOn: CivilDate(year: 2026, month: 1, day: 20)!, issuer: "UBND tỉnh Thử",
                                             signer: "Trần Văn Bình", signerAuthority: "KT. CHỦ TỊCH", signerPosition: "PHÓ CHỦ TỊCH"))
            let audit = try #require(try await AuditEventModel.query(on: app.db).filter(\.$action == "period.publish").first())
            #expect(audit.after?.contains("Quyết định số 12/QĐ-UBND ngày 20/01/2026 của UBND tỉnh Thử") == true)

            // After: the annex cites the decision and is signed; no draft mark anywhere.
            let annex = try await organizer.get("\(base)/ranking.xlsx?group=so")
            let rows = try XLSXReader.rows(of: annex.bytes).map(\.fields)
            #expect(rows.contains { $0.first == "(Kèm theo Quyết định số 12/QĐ-UBND ngày 20/01/2026 của UBND tỉnh Thử)" })
            #expect(rows.contains { $0.contains("Thử, ngày 20 tháng 01 năm 2026") })
            for line in ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Văn Bình"] { #expect(rows.contains { $0.contains(line) }, "\(line)") }
            #expect(!rows.contains { $0.contains { $0.contains("DỰ THẢO") } })
            #expect(try !Self.sheetXML(annex.bytes).contains("oddHeader"))
            // The results pages and the public page name the decision.
            let citation = "Công bố theo Quyết định số 12/QĐ-UBND ngày 20/01/2026 của UBND tỉnh Thử."
            #expect(try await organizer.get(base).body.contains(citation))
            #expect(try await Browser(app).get("/public/periods/\(fixture.period)").body.contains(citation))
            let head = Browser(app)
            try await head.signIn("t.head")
            #expect(try await head.get("/assessments/\(fixture.ownAssessment)/results").body.contains(citation))
            // The API says the same.
            let results = try #require(try JSONSerialization.jsonObject(with: Data(try await api.get("/api/v1/periods/\(fixture.period)/results").body.utf8))
                as? [String: Any])
            let apiDecision = try #require(results["decision"] as? [String: Any])
            #expect(apiDecision["number"] as? String == "12/QĐ-UBND" && apiDecision["signedOn"] as? String == "2026-01-20")
            #expect(apiDecision["signedFile"] == nil)
            // Published once: again is refused.
            #expect(try await organizer.post("/periods/\(fixture.period)/publish", Self.decision).status == .conflict)
        }
    }

    @Test("The signed decision: a PDF only, attached once published, audited, readable by anyone")
    func signedDecision() async throws {
        try await TestApp.run { app, fixture in
            try await ResultsTests.finalise(app, fixture, publish: false)
            let organizer = Browser(app)
            try await organizer.signIn("t.organizer")
            _ = try await organizer.get("/periods/\(fixture.period)")
            let pdf = Array("%PDF-1.4\n% quyết định đã ký\n%%EOF\n".utf8)
            // Not published yet: nothing to attach it to.
            #expect(try await organizer.upload("/periods/\(fixture.period)/decision", field: "file", fileName: "qd.pdf", content: pdf).status == .conflict)
            #expect(try await organizer.post("/periods/\(fixture.period)/publish", Self.decision).status == .seeOther)
            #expect(try await Browser(app).get("/public/periods/\(fixture.period)/decision.pdf").status == .notFound)
            let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0]
            let wrong = try await organizer.upload("/periods/\(fixture.period)/decision", field: "file", fileName: "qd.png", content: png)
            #expect(wrong.status == .unsupportedMediaType && wrong.body.contains("phải là tệp PDF"))
            let appraiser = Browser(app)
            try await appraiser.signIn("t.appraiser")
            _ = try await appraiser.get("/")
            #expect(try await appraiser.upload("/periods/\(fixture.period)/decision", field: "file", fileName: "qd.pdf", content: pdf).status == .forbidden)
            let attached = try await organizer.upload("/periods/\(fixture.period)/decision", field: "file", fileName: "qd-215.pdf", content: pdf)
            #expect(attached.status == .seeOther)
            let file = try await Browser(app).get("/public/periods/\(fixture.period)/decision.pdf")
            #expect(file.status == .ok && file.bytes == pdf)
            #expect(file.headers.contentType?.description.hasPrefix("application/pdf") == true)
            #expect(try await AuditEventModel.query(on: app.db).filter(\.$action == "period.decision_file").count() == 1)
            #expect(try await Browser(app).get("/public/periods/\(fixture.period)").body.contains("/public/periods/\(fixture.period)/decision.pdf"))
        }
    }
}
