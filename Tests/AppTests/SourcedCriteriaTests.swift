import ChiSoCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import App

/// Tasks, surveys and leader ratings feeding sourced criteria, in a quarter
/// period (Q2 2026, long past, so the figures never depend on the day the
/// tests run).
@Suite("Sourced criteria, monitoring, snapshots", .serialized)
struct SourcedCriteriaTests {
    struct World {
        var period: UUID
        var snvAssessment: UUID
        var snvTask: UUID
    }

    /// An index whose four leaves all take their input from the data, a Q2
    /// period using it for the group "so", and SNV's tasks:
    /// T-1 (fixture) due 30/04, open → overdue; T-10 due 15/05 done 10/05 → on time;
    /// T-11 due 20/05 done 25/05 → late; T-12 due 10/06 extended to 15/07 → not due in Q2;
    /// T-13 due 01/08 → outside. Due in Q2: 3, on time 1.
    static func world(_ app: Application, _ fixture: Fixture) async throws -> World {
        let yaml = Fixture.indexYAML(id: "test-src", title: "Bộ chỉ số lấy số liệu", field: ("S", "Số liệu", 10), leaves: [
            "{code: \"S.1\", title: Tỷ lệ nhiệm vụ đúng hạn, max: 4, rule: {type: ratio}, source: tasks.onTimeRate}",
            "{code: \"S.2\", title: Nhiệm vụ quá hạn, max: 2, rule: {type: deduct, per: 1}, source: tasks.overdue}",
            "{code: \"S.3\", title: Mức độ hài lòng, max: 2, rule: {type: percent}, source: survey}",
            "{code: \"S.4\", title: Lãnh đạo đánh giá, max: 2, rule: {type: levels, levels: [{code: A, points: 2}, {code: B, points: 1}]}, source: leaders}",
        ])
        let period = try await Fixture.openPeriod(
            PeriodModel(name: "Quý II/2026", kind: .quarter, year: 2026, number: 2, status: .draft,
                        selfAssessmentDeadline: Formats.endOfDay(year: 2027, month: 7, day: 15)!,
                        appraisalDeadline: Formats.endOfDay(year: 2027, month: 7, day: 31)!,
                        explanationDeadline: Formats.endOfDay(year: 2027, month: 8, day: 10)!),
            indexYAML: yaml, on: app)
        func day(_ month: Int, _ day: Int) -> CivilDate { CivilDate(year: 2026, month: month, day: day)! }
        let tasks: [(String, CivilDate, CivilDate?)] = [
            ("T-10", day(5, 15), day(5, 10)), ("T-11", day(5, 20), day(5, 25)), ("T-12", day(6, 10), nil), ("T-13", day(8, 1), nil),
        ]
        for (id, deadline, done) in tasks {
            let task = TaskModel(sourceID: id, document: "\(id)/UBND", documentDate: day(3, 1), issuer: "UBND tỉnh", agencyID: fixture.own,
                                 content: "Nhiệm vụ \(id)", deadline: deadline, completedOn: done, completionNote: "")
            try await task.create(on: app.db)
            if id == "T-12" {
                try await TaskExtensionModel(taskID: task.id!, document: "99/UBND-TH", documentDate: day(6, 1), newDeadline: day(7, 15)).create(on: app.db)
            }
        }
        // S.4 is rated by the fixture's leader.
        let leader = try await UserModel.query(on: app.db).filter(\.$username == "t.leader").first()!
        try await LeaderAssignmentModel(periodID: period.id!, indexCode: "test-src", criterionCode: "S.4", userID: leader.id!).create(on: app.db)
        let assessment = try await AssessmentModel.query(on: app.db).filter(\.$period.$id == period.id!).filter(\.$agency.$id == fixture.own).first()!
        return World(period: period.id!, snvAssessment: assessment.id!, snvTask: fixture.ownTask)
    }

    static func json(_ page: Browser.Page) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(page.body.utf8)) as? [String: Any])
    }

    static func snv(_ monitoring: [String: Any]) throws -> [String: Any] {
        let agencies = try #require(monitoring["agencies"] as? [[String: Any]])
        return try #require(agencies.first { $0["agency"] as? String == "SNV" })
    }

    @Test("Sourced leaves take the data's figures; completing a task raises the provisional score; the agency cannot type them")
    func provisionalScore() async throws {
        try await TestApp.run { app, fixture in
            let world = try await Self.world(app, fixture)
            let leader = Browser(app)
            try await leader.signIn("t.leader")
            // Leader rating and survey first: S.3 80 % → 1,6; S.4 B → 1.
            let rated = try await leader.post("/periods/\(world.period)/ratings/\(fixture.own)", [("level-S.4", "B")])
            #expect(rated.status == .seeOther)
            let organizer = Browser(app)
            try await organizer.signIn("t.organizer")
            _ = try await organizer.get("/periods/\(world.period)/surveys")
            let survey = try await organizer.upload("/periods/\(world.period)/surveys", field: "file", fileName: "khao-sat.csv",
                                                    content: Array("agency,criterion,percentage,survey,sample_size\nSNV,,80,SIPAS 2026,400\n".utf8))
            #expect(survey.status == .seeOther, "\(survey.body.prefix(300))")

            // 1 of 3 due tasks on time: S.1 = 4 × 1/3; 1 overdue: S.2 = 2 − 1 = 1. Total 4/3 + 1 + 1,6 + 1 = 4,9333… → 4,93.
            var monitoring = try Self.json(try await leader.get("/api/v1/periods/\(world.period)/monitoring"))
            var snv = try Self.snv(monitoring)
            #expect(monitoring["asOf"] as? String == "2026-06-30")
            #expect(snv["provisional"] as? String == "4.93")
            #expect(snv["undeclaredData"] as? [String] == ["tasks", "surveys", "leaders"])
            #expect((snv["sources"] as? [String: String]) == ["S.1": "1/3", "S.2": "1", "S.3": "80", "S.4": "B"])
            let tasks = try #require(snv["tasks"] as? [String: Any])
            #expect(tasks["due"] as? Int == 3)
            #expect(tasks["doneOnTime"] as? Int == 1)
            #expect(tasks["doneLate"] as? Int == 1)
            #expect(tasks["openOverdue"] as? Int == 1)
            #expect(tasks["onTimeRate"] as? String == "33.33")

            // The agency sees the figure, read-only, and cannot type it.
            let editor = Browser(app)
            try await editor.signIn("t.editor")
            let page = try await editor.get("/assessments/\(world.snvAssessment)")
            #expect(page.body.contains("Số liệu tự động"))
            #expect(page.body.contains("3 nhiệm vụ đến hạn: 1 hoàn thành đúng hạn, 1 hoàn thành quá hạn, 1 chưa hoàn thành đã quá hạn."))
            #expect(!page.body.contains("action=\"/assessments/\(world.snvAssessment)/entries/S.1\""))
            let typed = try await editor.post("/assessments/\(world.snvAssessment)/entries/S.1", [("value", "100"), ("revision", "0")])
            #expect(typed.status == .unprocessableEntity)
            // Today (after 1/8/2026) T-1, T-12 and T-13 are overdue: the agency's home says so.
            #expect(try await editor.get("/").body.contains("3 nhiệm vụ được giao đã quá hạn mà chưa hoàn thành"))

            // The task office records T-1 as done on 20/04, before its deadline: 2 of 3 on time, none overdue.
            let office = Browser(app)
            try await office.signIn("t.taskofficer")
            _ = try await office.get("/tasks/\(world.snvTask)")
            let done = try await office.post("/tasks/\(world.snvTask)", [
                ("document", "100/UBND-TH"), ("documentDate", "02/03/2026"), ("issuer", "UBND tỉnh"), ("agency", "SNV"),
                ("content", "Nhiệm vụ kiểm thử 1"), ("deadline", "30/04/2026"), ("completedOn", "20/04/2026"), ("completionNote", "Báo cáo số 5"),
            ])
            #expect(done.status == .seeOther)
            monitoring = try Self.json(try await leader.get("/api/v1/periods/\(world.period)/monitoring"))
            snv = try Self.snv(monitoring)
            // 4 × 2/3 = 2,6667 + 2 + 1,6 + 1 = 7,2667 → 7,27.
            #expect(snv["provisional"] as? String == "7.27")
            #expect((snv["sources"] as? [String: String])?["S.1"] == "2/3")
            #expect((snv["sources"] as? [String: String])?["S.2"] == "0")
            let audit = try await AuditEventModel.query(on: app.db).filter(\.$action == "task.update").all()
            #expect(audit.count == 1)
            #expect(try await editor.get("/").body.contains("2 nhiệm vụ được giao đã quá hạn mà chưa hoàn thành"))
        }
    }

    @Test("The appraiser confirms the data's figure, or overrides it only with a comment")
    func appraisalOverride() async throws {
        try await TestApp.run { app, fixture in
            let world = try await Self.world(app, fixture)
            let head = Browser(app)
            try await head.signIn("t.head")
            _ = try await head.get("/assessments/\(world.snvAssessment)")
            #expect(try await head.post("/assessments/\(world.snvAssessment)/submit").status == .seeOther)
            let chair = Browser(app)
            try await chair.signIn("t.chair")
            _ = try await chair.get("/assessments/\(world.snvAssessment)/appraisal")
            let bare = try await chair.post("/assessments/\(world.snvAssessment)/appraisal/S.1", [("value", "3/3")])
            #expect(bare.status == .unprocessableEntity)
            let overridden = try await chair.post("/assessments/\(world.snvAssessment)/appraisal/S.1",
                                                  [("value", "3/3"), ("comment", "Nhiệm vụ T-11 được gia hạn bằng văn bản chưa cập nhật")])
            #expect(overridden.status == .seeOther)
            #expect(try await chair.post("/assessments/\(world.snvAssessment)/appraisal/confirm").status == .seeOther)
            let entries = try await CriterionEntryModel.query(on: app.db).filter(\.$assessment.$id == world.snvAssessment).all()
            #expect(entries.first { $0.criterionCode == "S.1" }?.appraisedInput == "3/3")
            #expect(entries.first { $0.criterionCode == "S.2" }?.appraisedInput == "1")
            #expect(entries.first { $0.criterionCode == "S.3" }?.appraisedInput == nil) // no survey yet: confirmed as missing
        }
    }

    @Test("The organiser declares each data set complete (audited); until then the criteria are provisional and nothing is finalised")
    func declarations() async throws {
        try await TestApp.run { app, fixture in
            let world = try await Self.world(app, fixture)
            let path = "/assessments/\(world.snvAssessment)"
            let organizer = Browser(app)
            try await organizer.signIn("t.organizer")
            let periodPage = try await organizer.get("/periods/\(world.period)")
            for text in ["Số liệu nguồn", "Sổ theo dõi nhiệm vụ", "Kết quả khảo sát sự hài lòng", "Đánh giá của lãnh đạo tỉnh", "Chưa xác nhận"] {
                #expect(periodPage.body.contains(text), "\(text)")
            }
            let missing = "sổ theo dõi nhiệm vụ, kết quả khảo sát sự hài lòng, đánh giá của lãnh đạo tỉnh"
            let editor = Browser(app)
            try await editor.signIn("t.editor")
            let page = try await editor.get(path)
            #expect(page.body.contains("Chưa đủ số liệu: \(missing) chưa được xác nhận đầy đủ; điểm dưới đây là tạm tính."))
            #expect(page.body.contains("Chưa đủ số liệu: sổ theo dõi nhiệm vụ chưa được Sở Nội vụ xác nhận đầy đủ."))
            // No survey result yet: the leaf says the data are missing, not that the agency did not enter it.
            #expect(page.body.contains("chưa có số liệu → 0 điểm"))

            // The whole appraisal, explanation and re-examination: finalising still waits for the data.
            let head = Browser(app)
            try await head.signIn("t.head")
            _ = try await head.get(path)
            #expect(try await head.post("\(path)/submit").status == .seeOther)
            let chair = Browser(app)
            try await chair.signIn("t.chair")
            _ = try await chair.get("\(path)/appraisal")
            #expect(try await chair.post("\(path)/appraisal/confirm").status == .seeOther)
            #expect(try await chair.post("\(path)/release").status == .seeOther)
            _ = try await editor.get("\(path)/appraisal")
            #expect(try await editor.post("\(path)/explanations/S.1", [("explanation", "T-11 đã được gia hạn")]).status == .seeOther)
            #expect(try await chair.post("\(path)/appraisal/S.1", [("value", "")]).status == .seeOther)
            let refused = try await chair.post("\(path)/finalise")
            #expect(refused.status == .conflict)
            #expect(refused.body.contains("Chưa thể chốt: Sở Nội vụ chưa xác nhận đủ số liệu của kỳ (\(missing))."), "\(refused.body.prefix(600))")
            #expect(try await chair.get("\(path)/appraisal").body.contains("Chưa thể chốt: Sở Nội vụ chưa xác nhận đủ số liệu"))

            // Refused declarations change nothing; only the organiser declares.
            let declare = "/periods/\(world.period)/sources"
            #expect(try await organizer.post(declare, [("dataSet", "tasks"), ("checkedOn", "2999-01-01")]).status == .unprocessableEntity)
            #expect(try await organizer.post(declare, [("dataSet", "weather"), ("checkedOn", "2026-07-05")]).status == .unprocessableEntity)
            #expect(try await organizer.post(declare, [("dataSet", "tasks"), ("checkedOn", "hôm qua")]).status == .unprocessableEntity)
            _ = try await chair.get("/")
            #expect(try await chair.post(declare, [("dataSet", "tasks"), ("checkedOn", "2026-07-05")]).status == .forbidden)
            #expect(try await SourceDeclarationModel.query(on: app.db).count() == 0)
            // Declared, then withdrawn while nothing is final, then declared again.
            for set in ["tasks", "surveys", "leaders"] {
                #expect(try await organizer.post(declare, [("dataSet", set), ("checkedOn", "05/07/2026")]).status == .seeOther)
            }
            #expect(try await organizer.post("\(declare)/surveys/withdraw").status == .seeOther)
            #expect(try await chair.post("\(path)/finalise").status == .conflict)
            #expect(try await organizer.post(declare, [("dataSet", "surveys"), ("checkedOn", "2026-07-06")]).status == .seeOther)
            let audit = try await AuditEventModel.query(on: app.db).filter(\.$action ~~ ["period.declare_source", "period.withdraw_source"]).count()
            #expect(audit == 5)
            #expect(try await organizer.get("/periods/\(world.period)").body.contains("Đã xác nhận đầy đủ (kiểm tra ngày 05/07/2026)"))
            #expect(!(try await editor.get(path).body.contains("điểm dưới đây là tạm tính")))
            // The survey result arrives after the council confirmed S.3 as missing: the final counts it (80 % of 2).
            _ = try await organizer.get("/periods/\(world.period)/surveys")
            let survey = try await organizer.upload("/periods/\(world.period)/surveys", field: "file", fileName: "khao-sat.csv",
                                                    content: Array("agency,criterion,percentage,survey,sample_size\nSNV,,80,SIPAS 2026,400\n".utf8))
            #expect(survey.status == .seeOther)
            #expect(try await chair.post("\(path)/finalise").status == .seeOther)
            let s3 = try await CriterionEntryModel.query(on: app.db).filter(\.$assessment.$id == world.snvAssessment).filter(\.$criterionCode == "S.3").first()
            #expect(s3?.appraisedInput == "80")
            let finalised = try #require(try await AuditEventModel.query(on: app.db).filter(\.$action == "assessment.finalise").first())
            #expect(finalised.after?.contains("S.3:  → 80") == true, "\(finalised.after ?? "")")
            // S.1 3/3? No: 1 of 3 due on time, confirmed → 4/3; S.2 1 overdue → 1; S.3 1,6; S.4 not rated → 0: 3,93.
            #expect(try await AssessmentModel.find(world.snvAssessment, on: app.db)?.finalScore == "3.93")
            // A final result reads the data: the declaration stays.
            #expect(try await organizer.post("\(declare)/tasks/withdraw").status == .conflict)
        }
    }

    @Test("Survey import: every bad row reported, nothing stored until the whole file is good; re-import replaces")
    func surveys() async throws {
        try await TestApp.run { app, fixture in
            let world = try await Self.world(app, fixture)
            let organizer = Browser(app)
            try await organizer.signIn("t.organizer")
            _ = try await organizer.get("/periods/\(world.period)/surveys")
            let bad = """
            agency,criterion,percentage,survey,sample_size
            SNV,S.3,80,SIPAS 2026,400
            XA1,S.3,90,SIPAS 2026,300
            SXD,S.9,120,,0
            """
            let refused = try await organizer.upload("/periods/\(world.period)/surveys", field: "file", fileName: "khao-sat.csv", content: Array(bad.utf8))
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.contains("khao-sat.csv:3: không có đơn vị mã &quot;XA1&quot;") || refused.body.contains("khao-sat.csv:3: không có đơn vị mã \"XA1\""))
            #expect(refused.body.contains("khao-sat.csv:4: S.9 không phải tiêu chí lấy kết quả điều tra của SXD"))
            #expect(refused.body.contains("tỷ lệ phải là số từ 0 đến 100"))
            #expect(refused.body.contains("thiếu tên cuộc điều tra"))
            #expect(refused.body.contains("cỡ mẫu phải là số nguyên ≥ 1"))
            #expect(try await SurveyResultModel.query(on: app.db).count() == 0)
            let good = "agency,criterion,percentage,survey,sample_size\nSNV,S.3,80,SIPAS 2026,400\nSXD,,85.5,SIPAS 2026,300\n"
            #expect(try await organizer.upload("/periods/\(world.period)/surveys", field: "file", fileName: "ok.csv", content: Array(good.utf8)).status == .seeOther)
            let again = "agency,criterion,percentage,survey,sample_size\nSNV,S.3,82,SIPAS 2026 (đợt 2),410\n"
            #expect(try await organizer.upload("/periods/\(world.period)/surveys", field: "file", fileName: "ok2.csv", content: Array(again.utf8)).status == .seeOther)
            let stored = try await SurveyResultModel.query(on: app.db).all()
            #expect(stored.count == 2)
            #expect(stored.first { $0.$agency.id == fixture.own }?.percentage == "82")
            #expect(stored.first { $0.$agency.id == fixture.other }?.percentage == "85.5")
            // The agency reads its own result only.
            let viewer = Browser(app)
            try await viewer.signIn("t.viewer")
            let page = try await viewer.get("/periods/\(world.period)/surveys")
            #expect(page.body.contains("SIPAS 2026 (đợt 2)"))
            #expect(!page.body.contains("Sở Xây dựng"))
            // Published periods take no more data.
            let period = try #require(try await PeriodModel.find(world.period, on: app.db))
            period.status = .published
            try await period.update(on: app.db)
            #expect(try await organizer.upload("/periods/\(world.period)/surveys", field: "file", fileName: "ok.csv", content: Array(good.utf8)).status == .conflict)
            let leader = Browser(app)
            try await leader.signIn("t.leader")
            #expect(try await leader.post("/periods/\(world.period)/ratings/\(fixture.own)", [("level-S.4", "A")]).status == .conflict)
        }
    }

    @Test("A leader's level must be one of the criterion's; the rating is audited")
    func ratings() async throws {
        try await TestApp.run { app, fixture in
            let world = try await Self.world(app, fixture)
            let leader = Browser(app)
            try await leader.signIn("t.leader")
            let page = try await leader.get("/periods/\(world.period)/ratings")
            #expect(page.body.contains("S.4 Lãnh đạo đánh giá"))
            let wrong = try await leader.post("/periods/\(world.period)/ratings/\(fixture.own)", [("level-S.4", "Z")])
            #expect(wrong.status == .unprocessableEntity)
            #expect(wrong.body.contains("Mức &quot;Z&quot; không có trong tiêu chí S.4.") || wrong.body.contains("Mức \"Z\" không có trong tiêu chí S.4."))
            #expect(try await leader.post("/periods/\(world.period)/ratings/\(fixture.own)", [("level-S.4", "A")]).status == .seeOther)
            #expect(try await leader.post("/periods/\(world.period)/ratings/\(fixture.own)", [("level-S.4", "B")]).status == .seeOther)
            let ratings = try await LeaderRatingModel.query(on: app.db).all()
            #expect(ratings.map(\.level) == ["B"])
            let audit = try await AuditEventModel.query(on: app.db).filter(\.$action == "leader.rate").sort(\.$at).all()
            #expect(audit.map { Audit.fields($0.after)["level"] } == ["A", "B"])
        }
    }

    @Test("Each leaders' criterion is rated only by the leader assigned to it; a leader rates a whole group in one form")
    func leaderAssignments() async throws {
        try await TestApp.run { app, fixture in
            let world = try await Self.world(app, fixture)
            let hash = try Passwords.hash(Fixture.password, cost: 4)
            let vpub = try #require(try await AgencyModel.query(on: app.db).filter(\.$code == "VPUB").first())
            try await UserModel(username: "t.chair.province", displayName: "Chủ tịch tỉnh", passwordHash: hash, agencyID: vpub.id!,
                                roles: [.leader], mustChangePassword: false).create(on: app.db)
            let other = Browser(app)
            try await other.signIn("t.chair.province")
            // S.4 is t.leader's: the other leader's page names who rates it and offers no field; a forged post is refused.
            let page = try await other.get("/periods/\(world.period)/ratings")
            #expect(page.body.contains("S.4 Lãnh đạo đánh giá: do Người leader đánh giá"))
            #expect(!page.body.contains("name=\"level-SNV-S.4\""))
            #expect(page.body.contains("chưa phân công bạn đánh giá tiêu chí nào"))
            let forged = try await other.post("/periods/\(world.period)/ratings", [("group", "so"), ("level-SNV-S.4", "A")])
            #expect(forged.status == .forbidden)
            #expect(forged.body.contains("Tiêu chí S.4 do Người leader đánh giá, không phải bạn."))
            let token = try await APITests.token(app, "t.chair.province")
            let api = try await APITests.call(app, .POST, "/api/v1/periods/\(world.period)/ratings/\(fixture.own)", token: token, body: ["level-S.4": "A"])
            #expect(api.status == .forbidden)
            #expect(api.code == "not_your_criterion")

            // The assigned leader rates SNV and SXD in one form; an empty cell keeps what was there.
            let leader = Browser(app)
            try await leader.signIn("t.leader")
            let form = try await leader.get("/periods/\(world.period)/ratings")
            #expect(form.body.contains("name=\"level-SNV-S.4\""))
            #expect(form.body.contains("name=\"level-SXD-S.4\""))
            let bad = try await leader.post("/periods/\(world.period)/ratings", [("group", "so"), ("level-SNV-S.4", "A"), ("level-SXD-S.4", "Z")])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.contains("<option value=\"A\" selected>"))   // what was chosen is kept
            #expect(try await LeaderRatingModel.query(on: app.db).count() == 0)   // nothing half-saved
            let saved = try await leader.post("/periods/\(world.period)/ratings", [("group", "so"), ("level-SNV-S.4", "A"), ("level-SXD-S.4", "B")])
            #expect(saved.status == .seeOther)
            let levels = try await LeaderRatingModel.query(on: app.db).with(\.$agency).all().map { "\($0.agency.code)=\($0.level)" }.sorted()
            #expect(levels == ["SNV=A", "SXD=B"])
            #expect(try await AuditEventModel.query(on: app.db).filter(\.$action == "leader.rate").count() == 2)

            // The organiser moves S.4 to the other leader: now only they may rate it.
            let organizer = Browser(app)
            try await organizer.signIn("t.organizer")
            let periodPage = try await organizer.get("/periods/\(world.period)")
            #expect(periodPage.body.contains("id=\"leaders\""))
            let chairID = try #require(try await UserModel.query(on: app.db).filter(\.$username == "t.chair.province").first()?.id)
            let moved = try await organizer.post("/periods/\(world.period)/leaders", [("indexCode", "test-src"), ("criterionCode", "S.4"),
                                                                                      ("userID", chairID.uuidString)])
            #expect(moved.status == .seeOther)
            let notLeader = try await organizer.post("/periods/\(world.period)/leaders", [("indexCode", "test-src"), ("criterionCode", "S.4"),
                                                                                          ("userID", fixture.own.uuidString)])
            #expect(notLeader.status == .unprocessableEntity)
            #expect(try await leader.post("/periods/\(world.period)/ratings", [("group", "so"), ("level-SNV-S.4", "B")]).status == .forbidden)
            #expect(try await other.post("/periods/\(world.period)/ratings", [("group", "so"), ("level-SNV-S.4", "B")]).status == .seeOther)
            #expect(try await AuditEventModel.query(on: app.db).filter(\.$action == "period.assign_leader").count() == 1)
        }
    }

    @Test("Monthly snapshots: taken once per month, again only on request; the agency page draws them")
    func snapshots() async throws {
        try await TestApp.run { app, fixture in
            let world = try await Self.world(app, fixture)
            for month in [4, 5, 6] {
                try await MonthlySnapshots.take(on: CivilDate(year: 2026, month: month, day: 28)!, replace: false, store: app.assessments, logger: app.logger)
            }
            let quarter = try await ScoreSnapshotModel.query(on: app.db).filter(\.$period.$id == world.period).filter(\.$agency.$id == fixture.own)
                .sort(\.$month).all()
            #expect(quarter.map(\.month) == ["2026-04", "2026-05", "2026-06"])
            // 28/04: nothing due yet (T-1 due 30/04) → S.1 N/A, S.2 2; no survey or rating: 2 of 6 applicable → 10 × 2/6 = 3,33.
            // 28/05 and 28/06: 1 of 3 on time → 4/3, 1 overdue → 1: 2,3333 of 10 → 2,33 (T-12 is extended into July).
            #expect(quarter.map(\.total) == ["3.33", "2.33", "2.33"])
            #expect(quarter.map(\.tasksOverdue) == [0, 1, 1])
            let again = try await MonthlySnapshots.take(on: CivilDate(year: 2026, month: 6, day: 29)!, replace: false, store: app.assessments, logger: app.logger)
            #expect(again == 0)
            let viewer = Browser(app)
            try await viewer.signIn("t.viewer")
            let page = try await viewer.get("/monitoring/\(world.period)/agencies/\(fixture.own)")
            #expect(page.status == .ok)
            #expect(page.body.contains("<svg"))
            #expect(page.body.contains("06/2026: 2,33"))
            let other = try await viewer.get("/monitoring/\(world.period)/agencies/\(fixture.other)")
            #expect(other.status == .forbidden)
        }
    }
}
