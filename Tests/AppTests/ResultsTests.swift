import ChiSoCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import App

/// Final results, proposals, what-if, exports and the public page, on the
/// fixture's period with SNV and SXD appraised and finalised:
/// SNV 1.1 có (evidence attached) → 4, 1.2 self 87,5 appraised 80 → 4,8: 8,80 (T);
/// SXD 1.1 không → 0, 1.2 100 → 6: 6,00 (Y).
@Suite("Results, proposals, exports, public page", .serialized)
struct ResultsTests {
    static func finalise(_ app: Application, _ fixture: Fixture, publish: Bool) async throws {
        let now = Date()
        for (assessment, inputs) in [(fixture.ownAssessment, [("1.1", "có", "có", nil), ("1.2", "87,5", "80", "Chỉ 80% theo báo cáo")]),
                                     (fixture.otherAssessment, [("1.1", "không", "không", nil), ("1.2", "100", "100", nil)])] as [(UUID, [(String, String, String, String?)])] {
            try await CriterionEntryModel.query(on: app.db).filter(\.$assessment.$id == assessment).delete()
            for (code, own, appraised, comment) in inputs {
                let entry = CriterionEntryModel(assessmentID: assessment, criterionCode: code)
                entry.selfInput = own
                entry.appraisedInput = appraised
                entry.appraisalComment = comment
                entry.appraisedAt = now
                entry.revision = 1
                try await entry.create(on: app.db)
            }
            try await AssessmentModel.query(on: app.db).filter(\.$id == assessment)
                .set(\.$state, to: (publish ? AssessmentState.published : .finalised).rawValue)
                .set(\.$finalScore, to: assessment == fixture.ownAssessment ? "8.80" : "6.00")
                .set(\.$classCode, to: assessment == fixture.ownAssessment ? "T" : "Y").update()
        }
        if publish {
            try await PeriodModel.query(on: app.db).filter(\.$id == fixture.period).set(\.$status, to: .published).update()
        }
    }

    @Test("The largest self/appraised and self/final differences: the same leaf on the council's page and the dashboard")
    func largestDifferences() async throws {
        try await TestApp.run { app, fixture in
            try await Self.finalise(app, fixture, publish: false)
            // SNV's 1.2: self 87,5 % of 6 = 5,25 points; appraised and final 80 % = 4,80. Nothing else differs.
            let row = "<td>Sở Nội vụ</td><td><a href=\"/assessments/\(fixture.ownAssessment)/%@#leaf-1.2\">1.2 Tỷ lệ</a></td>"
                + "<td class=\"num\">5,25</td><td class=\"num\">4,80</td><td>Chỉ 80% theo báo cáo</td>"
            let organizer = Browser(app)
            try await organizer.signIn("t.organizer")
            let dashboard = try await organizer.get("/dashboard")
            #expect(dashboard.body.contains("Chênh lệch lớn nhất giữa tự chấm và kết quả cuối"))
            #expect(dashboard.body.contains(row.replacingOccurrences(of: "%@", with: "results")))
            #expect(dashboard.body.components(separatedBy: "#leaf-").count == 2) // one leaf differs
            // The council watches the same leaf while the period is open.
            try await AssessmentModel.query(on: app.db).filter(\.$period.$id == fixture.period).set(\.$state, to: AssessmentState.appraising.rawValue).update()
            let chair = Browser(app)
            try await chair.signIn("t.chair")
            let council = try await chair.get("/council")
            #expect(council.body.contains("Tiêu chí chênh lệch nhiều nhất giữa tự chấm và thẩm định"))
            #expect(council.body.contains(row.replacingOccurrences(of: "%@", with: "appraisal")))
        }
    }

    @Test("The ranking CSV is exactly what chiso score prints for the exported index, agencies and inputs")
    func exportsRecompute() async throws {
        try await TestApp.run { app, fixture in
            try await Self.finalise(app, fixture, publish: false)
            let organizer = Browser(app)
            try await organizer.signIn("t.organizer")
            let base = "/periods/\(fixture.period)/results"
            let ranking = try await organizer.get("\(base)/ranking.csv?group=so")
            #expect(ranking.status == .ok)
            #expect(ranking.headers.first(name: .contentDisposition)?.contains("xep-hang-nam-2026-so.csv") == true)
            // A UTF-8 byte-order mark first (Excel reads Vietnamese right), then exactly chiso score's output.
            #expect(ranking.bytes.starts(with: [0xEF, 0xBB, 0xBF]))
            #expect(String(ranking.body.dropFirst()) == """
            group,rank,agency,name,raw,applicable_max,normalized,bonus,deduction,final,class
            so,1,SNV,Sở Nội vụ,8.80,10.00,8.80,0.00,0.00,8.80,T
            so,2,SXD,Sở Xây dựng,6.00,10.00,6.00,0.00,0.00,6.00,Y

            """)
            let inputs = try await organizer.get("\(base)/inputs.csv?group=so")
            #expect(inputs.body.contains("SNV,1.2,80,0\n"))
            let agencies = try await organizer.get("\(base)/agencies.csv?group=so")
            #expect(agencies.bytes.starts(with: [0xEF, 0xBB, 0xBF]) && inputs.bytes.starts(with: [0xEF, 0xBB, 0xBF]))
            let yaml = try await organizer.get("/indexes/\(fixture.indexVersion)/yaml")
            let outcome = ScoreRun.run(index: .init(path: "index.yaml", bytes: yaml.bytes), agencies: .init(path: "agencies.csv", bytes: agencies.bytes),
                                       inputs: .init(path: "inputs.csv", bytes: inputs.bytes))
            #expect(outcome.exitCode == 0, "\(outcome.standardError)")
            #expect("\u{FEFF}" + outcome.standardOutput == ranking.body)
            // The Excel annex: the same figures as numbers; the matrix's first sheet is the inputs again.
            let workbook = try await organizer.get("\(base)/ranking.xlsx?group=so")
            #expect(workbook.status == .ok)
            let rows = try XLSXReader.rows(of: workbook.bytes)
            // No identity set yet: dots where the issuing body goes, and a draft (not published).
            #expect(rows.first?.fields.first == "………………")
            #expect(rows.contains { $0.fields.first?.hasPrefix("DỰ THẢO — ") == true })
            #expect(rows.contains { $0.fields.starts(with: ["1", "SNV", "Sở Nội vụ", "8.8", "10", "8.8", "0", "0", "8.8", "Tốt"]) })
            #expect(rows.contains { $0.fields.starts(with: ["2", "SXD", "Sở Xây dựng", "6", "10", "6", "0", "0", "6", "Yếu"]) })
            let matrix = try await organizer.get("\(base)/matrix.xlsx?group=so")
            let again = ScoreRun.run(index: .init(path: "index.yaml", bytes: yaml.bytes), agencies: .init(path: "agencies.csv", bytes: agencies.bytes),
                                     inputs: .init(path: "bang-diem.xlsx", bytes: matrix.bytes))
            #expect(again.exitCode == 0, "\(again.standardError)")
            #expect("\u{FEFF}" + again.standardOutput == ranking.body)
            // The page shows the same figures, Vietnamese style.
            let page = try await organizer.get(base)
            #expect(page.body.contains("8,80"))
            // SNV's row: score, class, and no proposal for the head (the fixture's index names no leader rating).
            #expect(page.body.contains("8,80</td><td>Tốt</td><td class=\"hide-small\">—</td>"))
            #expect(page.body.contains("6,00</td><td>Yếu</td><td class=\"hide-small\">—</td><td class=\"num hide-small\">0,00</td><td class=\"num hide-small\">0,00</td>"))
            #expect(page.body.contains("<th scope=\"col\" class=\"num hide-small\">Điểm thưởng</th>"))
        }
    }

    @Test("An agency's breakdown: self, preliminary and final, with the appraiser's reason; deputies' proposals never above the head's")
    func agencyResult() async throws {
        try await TestApp.run { app, fixture in
            try await Self.finalise(app, fixture, publish: true)
            let head = Browser(app)
            try await head.signIn("t.head")
            // The head records a deputy for field I (everything: 8,8/10 = 88 % → HTTNV by share).
            _ = try await head.get("/agencies/\(fixture.own)/deputies")
            let bad = try await head.post("/agencies/\(fixture.own)/deputies", [("name", "Trần Văn B"), ("fields", "")])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.contains("value=\"Trần Văn B\""))
            #expect(try await head.post("/agencies/\(fixture.own)/deputies", [("name", "Trần Văn B"), ("position", "Phó Giám đốc"),
                                                                              ("fields", "I")]).status == .seeOther)
            #expect(try await head.get("/agencies/\(fixture.other)/deputies").status == .forbidden)
            let page = try await head.get("/assessments/\(fixture.ownAssessment)/results")
            #expect(page.status == .ok)
            #expect(page.body.contains("8,80"))
            #expect(page.body.contains("Chỉ 80% theo báo cáo"))
            #expect(page.body.contains("Trần Văn B, Phó Giám đốc"))
            #expect(page.body.contains("88,00%"))
            // The fixture index's class T has no leaderRating: no head proposal, so no cap.
            #expect(page.body.contains("(bộ chỉ số không quy định)"))
            // Another agency's result is not for SNV's head.
            #expect(try await head.get("/assessments/\(fixture.otherAssessment)/results").status == .forbidden)
        }
    }

    @Test("Nothing unpublished leaks: pages, exports, API and the public page refuse agencies and visitors until publication")
    func noLeaks() async throws {
        try await TestApp.run { app, fixture in
            try await Self.finalise(app, fixture, publish: false)
            let visitor = Browser(app)
            #expect(try await visitor.get("/public/periods/\(fixture.period)").status == .notFound)
            #expect(!(try await visitor.get("/public").body.contains("Năm 2026")))
            let editor = Browser(app)
            try await editor.signIn("t.editor")
            let base = "/periods/\(fixture.period)/results"
            for path in [base, "\(base)/ranking.csv", "\(base)/inputs.csv", "\(base)/agencies.csv", "\(base)/ranking.pdf",
                         "/assessments/\(fixture.ownAssessment)/results", "/assessments/\(fixture.ownAssessment)/results/scoresheet.pdf"] {
                let page = try await editor.get(path)
                #expect(page.status == .forbidden, "\(path) → \(page.status)")
                #expect(!page.body.contains("8,80") && !page.body.contains("8.80"), "\(path)")
            }
            #expect(!(try await editor.get("/dashboard").body.contains("8,80")))
            // Through the API too: no ranking, and the agency's own assessment without its final score.
            let token = try await APITests.token(app, "t.editor")
            let apiResults = try await APITests.call(app, .GET, "/api/v1/periods/\(fixture.period)/results", token: token)
            #expect(apiResults.status == .forbidden)
            #expect(apiResults.code == "not_published")
            let own = try await APITests.call(app, .GET, "/api/v1/assessments/\(fixture.ownAssessment)", token: token)
            #expect(own.status == .ok)
            #expect(own.json["finalScore"] == nil || own.json["finalScore"] is NSNull)
            let organizerToken = try await APITests.token(app, "t.organizer")
            #expect(try await APITests.call(app, .GET, "/api/v1/assessments/\(fixture.ownAssessment)", token: organizerToken).json["finalScore"] as? String == "8.80")
            // The what-if of an unpublished, finalised assessment starts from what the agency may see.
            let whatIf = try await editor.get("/assessments/\(fixture.ownAssessment)/whatif")
            #expect(whatIf.status == .ok)
            // The appraisal, which the agency has seen since its release (not the official result, unpublished).
            #expect(whatIf.body.contains("Xuất phát từ kết quả thẩm định: 8,80 (Tốt)."))
            #expect(whatIf.body.contains("name=\"v-1.2\" value=\"80\""))
            #expect(!whatIf.body.contains("Kết quả chính thức"))
            // Published: now everyone reads it, visitors the public page without names of people.
            try await PeriodModel.query(on: app.db).filter(\.$id == fixture.period).set(\.$status, to: .published).update()
            try await AssessmentModel.query(on: app.db).filter(\.$period.$id == fixture.period)
                .set(\.$state, to: AssessmentState.published.rawValue).update()
            #expect(try await editor.get(base).status == .ok)
            let published = try await APITests.call(app, .GET, "/api/v1/periods/\(fixture.period)/results", token: token)
            let ranking = (published.json["groups"] as? [[String: Any]])?.first?["ranking"] as? [[String: Any]]
            #expect(ranking?.map { $0["final"] as? String } == ["8.80", "6.00"])
            let publicPage = try await visitor.get("/public/periods/\(fixture.period)")
            #expect(publicPage.status == .ok)
            #expect(publicPage.body.contains("8,80"))
            #expect(!publicPage.body.contains("Người ") && !publicPage.body.contains("Phó Giám đốc"))
        }
    }

    @Test("What if: a changed input gives the new score, class and rank at once; nothing is saved or audited")
    func whatIf() async throws {
        try await TestApp.run { app, fixture in
            try await Self.finalise(app, fixture, publish: true)
            let editor = Browser(app)
            try await editor.signIn("t.sxd.editor")
            _ = try await editor.get("/assessments/\(fixture.otherAssessment)/whatif")
            let audits = try await AuditEventModel.query(on: app.db).count()
            let bad = try await editor.post("/assessments/\(fixture.otherAssessment)/whatif", [("v-1.1", "có lẽ"), ("v-1.2", "100")])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.contains("value=\"có lẽ\""))
            // 1.1 có: but SXD has evidence on 1.1 (fixture), so 4 + 6 = 10 → T, rank 1 of 2.
            let page = try await editor.post("/assessments/\(fixture.otherAssessment)/whatif", [("v-1.1", "có"), ("v-1.2", "100")])
            #expect(page.status == .ok)
            #expect(page.body.contains("10,00"))
            #expect(page.body.contains("hạng 1/2"))
            #expect(page.body.contains("+4,00"))
            #expect(try await AuditEventModel.query(on: app.db).count() == audits)
            let entry = try await CriterionEntryModel.query(on: app.db).filter(\.$assessment.$id == fixture.otherAssessment)
                .filter(\.$criterionCode == "1.1").first()
            #expect(entry?.appraisedInput == "không")
        }
    }

    @Test("PDF reports: A4, Vietnamese text intact (read back by pdftotext when installed)")
    func pdf() async throws {
        try await TestApp.run { app, fixture in
            try await Self.finalise(app, fixture, publish: true)
            let organizer = Browser(app)
            try await organizer.signIn("t.organizer")
            let report = try await organizer.get("/periods/\(fixture.period)/results/ranking.pdf?group=so")
            guard app.settings.chromium != nil else {
                #expect(report.status == .serviceUnavailable)
                #expect(report.body.contains("chưa cài Chromium"))
                return
            }
            #expect(report.status == .ok)
            #expect(report.bytes.starts(with: Array("%PDF-".utf8)))
            let sheet = try await organizer.get("/assessments/\(fixture.ownAssessment)/results/scoresheet.pdf")
            #expect(sheet.status == .ok)
            let pdftotext = ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext"].first { FileManager.default.isExecutableFile(atPath: $0) }
            if let pdftotext {
                for (bytes, expected) in [(report.bytes, ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Sở Nội vụ", "8,80", "Độc lập - Tự do - Hạnh phúc"]),
                                          (sheet.bytes, ["PHIẾU ĐIỂM ĐÁNH GIÁ", "Tổng điểm: 8,80", "Tự chấm 9,25", "thẩm định sơ bộ 8,80", "Lĩnh vực"])] {
                    let file = FileManager.default.temporaryDirectory.appendingPathComponent("chiso-\(UUID().uuidString).pdf")
                    try Data(bytes).write(to: file)
                    defer { try? FileManager.default.removeItem(at: file) }
                    let process = Process()
                    process.executableURL = URL(fileURLWithPath: pdftotext)
                    process.arguments = ["-layout", file.path, "-"]
                    let pipe = Pipe()
                    process.standardOutput = pipe
                    try process.run()
                    let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                    process.waitUntilExit()
                    for fragment in expected { #expect(text.contains(fragment), "\(fragment) not in the PDF text") }
                }
            }
            // Without Chromium the page says so.
            var settings = app.settings
            settings.chromium = "/nonexistent/chromium"
            app.settings = settings
            let missing = try await organizer.get("/periods/\(fixture.period)/results/ranking.pdf?group=so")
            #expect(missing.status == .serviceUnavailable)
            #expect(missing.body.contains("Máy chủ chưa cài Chromium"))
        }
    }
}
