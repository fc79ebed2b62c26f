import ChiSoCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import App

/// The organiser's period page and `GET /api/v1/periods/{id}/progress`: where every agency stands,
/// the totals per state, the filters; the page and the API give the same figures.
@Suite("Where every agency of a period stands", .serialized)
struct PeriodProgressTests {
    @Test("Per agency: state, leaves entered, evidence missing, score as it stands, deadline and exception; totals; filters")
    func progress() async throws {
        try await TestApp.run { app, fixture in
            // SXD says yes to 1.1 but its evidence is gone; SNV entered 1.2 (87,5 %) in the fixture and is submitted.
            try await EvidenceLinkModel.query(on: app.db).filter(\.$id == fixture.otherEvidence).delete()
            let sxd = Browser(app)
            try await sxd.signIn("t.sxd.editor")
            #expect(try await sxd.post("/assessments/\(fixture.otherAssessment)/entries/1.1", [("value", "có"), ("revision", "0")]).status == .seeOther)
            let organizer = Browser(app)
            try await organizer.signIn("t.organizer")
            let exception = try await organizer.post("/assessments/\(fixture.otherAssessment)/exception",
                                                     [("reason", "Đổi đầu mối"), ("until", "20/12/2026")])
            #expect(exception.status == .seeOther)
            let head = Browser(app)
            try await head.signIn("t.head")
            #expect(try await head.post("/assessments/\(fixture.ownAssessment)/submit", [("confirm", "1")]).status == .seeOther)

            let page = try await organizer.get("/periods/\(fixture.period)")
            #expect(page.status == .ok)
            let html = page.body
            #expect(html.contains("Tình hình từng đơn vị"))
            #expect(html.contains("Đã nộp, chờ thẩm định</a>: 1"))
            #expect(html.contains("Đang tự đánh giá</a>: 1"))
            let snvRow = try #require(Self.row(html, "Sở Nội vụ"))
            #expect(snvRow.contains("1/2 tiêu chí (50 %)"))
            #expect(snvRow.contains("5,25"))       // 87,5 % of 6 points, scaled to 10: (5,25/10)·10
            #expect(snvRow.contains("tạm tính"))
            #expect(snvRow.contains("nộp ngày"))
            #expect(snvRow.contains("Trả lại"))    // a submitted one can be returned from here
            let sxdRow = try #require(Self.row(html, "Sở Xây dựng"))
            #expect(sxdRow.contains("1/2 tiêu chí (50 %)"))
            #expect(sxdRow.contains("1 tiêu chí"))
            #expect(sxdRow.contains(": 1.1"))
            #expect(sxdRow.contains("gia hạn đến 20/12/2026"))
            #expect(sxdRow.contains("chưa nộp"))
            #expect(!sxdRow.contains("Trả lại"))

            // Filters: by state, by name; the totals still count every agency.
            let submitted = try await organizer.get("/periods/\(fixture.period)?state=submitted")
            #expect(Self.row(submitted.body, "Sở Xây dựng") == nil)
            #expect(Self.row(submitted.body, "Sở Nội vụ") != nil)
            #expect(submitted.body.contains("Đang hiện 1/2 đơn vị."))
            #expect(submitted.body.contains("Đang tự đánh giá</a>: 1"))
            let named = try await organizer.get("/periods/\(fixture.period)?q=x%C3%A2y")
            #expect(Self.row(named.body, "Sở Xây dựng") != nil)
            #expect(Self.row(named.body, "Sở Nội vụ") == nil)
            let none = try await organizer.get("/periods/\(fixture.period)?group=xa")
            #expect(none.body.contains("Không có đơn vị nào khớp với bộ lọc."))

            // The API: the same figures.
            let token = try await APITests.token(app, "t.organizer")
            let reply = try await APITests.call(app, .GET, "/api/v1/periods/\(fixture.period)/progress", token: token)
            #expect(reply.status == .ok)
            let agencies = try #require(reply.json["agencies"] as? [[String: Any]])
            let snv = try #require(agencies.first { $0["agency"] as? String == "SNV" })
            #expect(snv["state"] as? String == "submitted")
            #expect(snv["entered"] as? Int == 1)
            #expect(snv["leaves"] as? Int == 2)
            #expect(snv["score"] as? String == "5.25")
            #expect(snv["stage"] as? String == "selfAssessed")
            let other = try #require(agencies.first { $0["agency"] as? String == "SXD" })
            #expect(other["evidenceMissing"] as? [String] == ["1.1"])
            #expect(other["exceptionUntil"] as? String == "2026-12-20")
            #expect(other["deadline"] as? String == "2026-12-20")
            #expect(other["exceptionReason"] as? String == "Đổi đầu mối")
            let totals = try #require(reply.json["totals"] as? [[String: Any]])
            #expect(totals.count == 2)
            let filtered = try await APITests.call(app, .GET, "/api/v1/periods/\(fixture.period)/progress?state=draft", token: token)
            #expect((filtered.json["agencies"] as? [[String: Any]])?.compactMap { $0["agency"] as? String } == ["SXD"])
            let bad = try await APITests.call(app, .GET, "/api/v1/periods/\(fixture.period)/progress?state=done", token: token)
            #expect(bad.status == .badRequest)
            #expect(bad.code == "invalid_parameter")
            let editor = try await APITests.token(app, "t.editor")
            #expect(try await APITests.call(app, .GET, "/api/v1/periods/\(fixture.period)/progress", token: editor).status == .forbidden)
        }
    }

    /// The table row of an agency (from its name to the row's end), if listed.
    static func row(_ html: String, _ agency: String) -> String? {
        guard let start = html.range(of: ">\(agency)</a></th>") else { return nil }
        guard let end = html.range(of: "</tr>", range: start.upperBound..<html.endIndex) else { return nil }
        return String(html[start.lowerBound..<end.upperBound])
    }
}
