import ChiSoCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import App

/// Writing indexes over HTTP (issue 18): uploads of either format, drafts edited only over the
/// revision shown, published only when they validate, versions withdrawn only when unused, the
/// criterion mapping checked code by code, every change audited.
@Suite("Index authoring", .serialized)
struct IndexAuthoringTests {
    static func communes() throws -> IndexTable {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Resources/indexes/xa-2026.yaml")
        return IndexTable(try IndexReader.read(yaml: String(contentsOf: url, encoding: .utf8)))
    }

    @Test("An index uploaded as the annex workbook becomes a version; a wrong one is refused cell by cell, nothing stored")
    func workbookUpload() async throws {
        try await TestApp.run { app, _ in
            let organiser = Browser(app)
            try await organiser.signIn("t.organizer")
            _ = try await organiser.get("/indexes")
            let page = try await organiser.upload("/indexes", field: "file", fileName: "xa.xlsx", content: try IndexWorkbook.bytes(Self.communes()))
            #expect(page.status == .seeOther)
            let version = try #require(try await IndexVersionModel.query(on: app.db).filter(\.$code == "xa-2026").first())
            #expect(version.leafCount == 40)
            #expect(try IndexReader.read(yaml: version.yaml).leafPositions.count == 40)

            var bad = try Self.communes()
            bad.criteria[2].rule = "bốc thăm"
            bad.settings.id = "xa-2099"
            _ = try await organiser.get("/indexes")
            let refused = try await organiser.upload("/indexes", field: "file", fileName: "sai.xlsx", content: try IndexWorkbook.bytes(bad))
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.contains("sai.xlsx: Tiêu chí, dòng 4, cột E (Cách chấm): không có cách chấm \"bốc thăm\""))
            #expect(try await IndexVersionModel.query(on: app.db).filter(\.$code == "xa-2099").count() == 0)
            // Both formats come back out.
            let workbook = try await organiser.get("/indexes/\(version.id!)/xlsx")
            #expect(workbook.status == .ok)
            #expect(try IndexFile.read(workbook.bytes, format: .xlsx).index.id == "xa-2026")
        }
    }

    @Test("A draft saves only over the revision shown: a stale form is refused with what was typed, nothing written")
    func staleRevision() async throws {
        try await TestApp.run { app, fixture in
            let organiser = Browser(app)
            try await organiser.signIn("t.organizer")
            _ = try await organiser.get("/index-drafts/\(fixture.draft)")
            let row = ["sheet": "criteria", "position": "1", "action": "save", "code": "1.1", "title": "Kế hoạch năm", "max": "4",
                       "rule": "Đạt/Không đạt", "evidence": "Bắt buộc"]
            let first = try await organiser.post("/index-drafts/\(fixture.draft)", [("revision", "1")] + row.map { ($0.key, $0.value) })
            #expect(first.status == .seeOther)
            var draft = try #require(try await IndexDraftModel.find(fixture.draft, on: app.db))
            #expect(draft.revision == 2)
            #expect(try draft.table.criteria[1].title == "Kế hoạch năm")

            // Someone else's form, still at revision 1.
            var typed = row
            typed["title"] = "Tiêu đề khác"
            let stale = try await organiser.post("/index-drafts/\(fixture.draft)", [("revision", "1")] + typed.map { ($0.key, $0.value) })
            #expect(stale.status == .conflict)
            #expect(stale.body.contains("vừa được người khác sửa (lần sửa 2)"))
            #expect(stale.body.contains(">Tiêu đề khác</textarea>"))
            draft = try #require(try await IndexDraftModel.find(fixture.draft, on: app.db))
            #expect(draft.revision == 2)
            #expect(try draft.table.criteria[1].title == "Kế hoạch năm")
            let audit = try await AuditEventModel.query(on: app.db).filter(\.$action == "index-draft.edit").count()
            #expect(audit == 1)
        }
    }

    @Test("Rules as their forms: tiers as rows and a bonus item's max and step as fields become the notation")
    func ruleForms() async throws {
        try await TestApp.run { app, fixture in
            let organiser = Browser(app)
            try await organiser.signIn("t.organizer")
            _ = try await organiser.get("/index-drafts/\(fixture.draft)?edit=criteria:2")
            let leaf = [("revision", "1"), ("sheet", "criteria"), ("position", "2"), ("action", "save"), ("code", "1.2"), ("title", "Tỷ lệ"),
                        ("max", "6"), ("rule", "Theo bậc"), ("parameterForm", "tiers"), ("row-0-0", "100"), ("row-0-1", "6"),
                        ("row-1-0", ""), ("row-1-1", ""), ("row-2-0", "80"), ("row-2-1", "3,5")]
            #expect(try await organiser.post("/index-drafts/\(fixture.draft)", leaf).status == .seeOther)
            var table = try #require(try await IndexDraftModel.find(fixture.draft, on: app.db)).table
            #expect(table.criteria[2].parameters == "≥100%: 6; ≥80%: 3,5")
            // The rule changed in the same form: its parameters start afresh (the ratio's target is then asked for).
            var changed = leaf
            changed[0] = ("revision", "2")
            changed[7] = ("rule", "Tỷ lệ so với chỉ tiêu")
            #expect(try await organiser.post("/index-drafts/\(fixture.draft)", changed).status == .seeOther)
            table = try #require(try await IndexDraftModel.find(fixture.draft, on: app.db)).table
            #expect(table.criteria[2].rule == "Tỷ lệ so với chỉ tiêu" && table.criteria[2].parameters == "")
            let page = try await organiser.get("/index-drafts/\(fixture.draft)?edit=criteria:2")
            #expect(page.body.contains("name=\"param-target\""))
            // A bonus item scored by hand: its max and step.
            #expect(try await organiser.post("/index-drafts/\(fixture.draft)", [("revision", "3"), ("sheet", "bonus"), ("position", "0"),
                                                                               ("action", "insert")]).status == .seeOther)
            let bonus = [("revision", "4"), ("sheet", "bonus"), ("position", "0"), ("action", "save"), ("code", "B1"), ("title", "Sáng kiến"),
                         ("rule", "Chấm điểm"), ("parameterForm", "manual"), ("param-max", "2"), ("param-step", "0,5")]
            #expect(try await organiser.post("/index-drafts/\(fixture.draft)", bonus).status == .seeOther)
            table = try #require(try await IndexDraftModel.find(fixture.draft, on: app.db)).table
            #expect(table.bonus.first?.parameters == "tối đa 2; bước 0,5")
        }
    }

    @Test("Structure: indent, outdent and moves refused where they cannot be, as a problem on the page")
    func structure() async throws {
        try await TestApp.run { app, fixture in
            let organiser = Browser(app)
            try await organiser.signIn("t.organizer")
            _ = try await organiser.get("/index-drafts/\(fixture.draft)")
            let refused = try await organiser.post("/index-drafts/\(fixture.draft)",
                                                   [("revision", "1"), ("sheet", "criteria"), ("position", "0"), ("action", "outdent")])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.contains("lĩnh vực (cấp 1) không thể lùi ra thêm"))
            #expect(try await IndexDraftModel.find(fixture.draft, on: app.db)!.revision == 1)
            let indented = try await organiser.post("/index-drafts/\(fixture.draft)",
                                                    [("revision", "1"), ("sheet", "criteria"), ("position", "2"), ("action", "indent")])
            #expect(indented.status == .seeOther)
            let table = try #require(try await IndexDraftModel.find(fixture.draft, on: app.db)).table
            #expect(table.criteria.map(\.level) == ["1", "2", "3"])
            let page = try await organiser.get("/index-drafts/\(fixture.draft)")
            // 1.1 is a group now, with a rule: the validation says so beside its row.
            #expect(page.body.contains("Còn "))
            #expect(page.body.contains("id=\"row-criteria-1\" class=\"group has-problems\""))
        }
    }

    @Test("Publishing: refused while the draft does not validate; then a new version, its mapping from the origins, the draft read-only")
    func publish() async throws {
        try await TestApp.run { app, fixture in
            let organiser = Browser(app)
            try await organiser.signIn("t.organizer")
            _ = try await organiser.get("/index-drafts/\(fixture.draft)")
            // 1.2 renumbered 1.3 and its max made wrong.
            let save = [("sheet", "criteria"), ("position", "2"), ("action", "save"), ("code", "1.3"), ("title", "Tỷ lệ"), ("max", "sáu"),
                        ("rule", "Tỷ lệ so với chỉ tiêu"), ("parameters", "chỉ tiêu 100%"), ("origin", "1.2")]
            #expect(try await organiser.post("/index-drafts/\(fixture.draft)", [("revision", "1")] + save).status == .seeOther)
            let refused = try await organiser.post("/index-drafts/\(fixture.draft)/publish", [("revision", "2"), ("confirm", "1")])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.contains("Tiêu chí, dòng 4, cột D (Điểm tối đa)"))
            #expect(try await IndexVersionModel.query(on: app.db).count() == 1)

            var fixed = save
            fixed[5] = ("max", "6")
            #expect(try await organiser.post("/index-drafts/\(fixture.draft)", [("revision", "2")] + fixed).status == .seeOther)
            let published = try await organiser.post("/index-drafts/\(fixture.draft)/publish", [("revision", "3"), ("confirm", "1")])
            #expect(published.status == .seeOther)
            let version = try #require(try await IndexVersionModel.query(on: app.db).filter(\.$version == 2).first())
            #expect(version.code == "test-so")
            let mapping = try await CriterionMappingModel.query(on: app.db).filter(\.$toVersion.$id == version.id!).all()
            #expect(mapping.first { $0.fromCode == "1.2" }?.targets == ["1.3"])
            #expect(mapping.first { $0.fromCode == "1.1" }?.targets == ["1.1"])
            // A published draft no longer changes.
            let late = try await organiser.post("/index-drafts/\(fixture.draft)", [("revision", "3")] + fixed)
            #expect(late.status == .conflict)
            // The comparison goes through that mapping.
            let comparison = try await organiser.get("/indexes/compare?from=\(fixture.indexVersion)&to=\(version.id!)")
            #expect(comparison.body.contains("Đối chiếu theo ánh xạ tiêu chí đã lưu"))
            #expect(comparison.body.contains("<td>Đổi mã</td><td>1.2</td><td>1.3</td>"))
            let sheet = try await organiser.get("/indexes/compare.xlsx?from=\(fixture.indexVersion)&to=\(version.id!)")
            #expect(sheet.status == .ok)
            let audit = try await AuditEventModel.query(on: app.db).filter(\.$action == "index.publish").count()
            #expect(audit == 1)
        }
    }

    @Test("Withdrawal: a version a period uses never goes; an unused one does, audited")
    func withdraw() async throws {
        try await TestApp.run { app, fixture in
            let organiser = Browser(app)
            try await organiser.signIn("t.organizer")
            _ = try await organiser.get("/indexes")
            let used = try await organiser.post("/indexes/\(fixture.indexVersion)/withdraw", [("confirm", "1")])
            #expect(used.status == .conflict)
            #expect(used.body.contains("đang được dùng ở kỳ đánh giá Năm 2026"))
            _ = try await organiser.get("/indexes")
            let page = try await organiser.upload("/indexes", field: "file", fileName: "xa.xlsx", content: try IndexWorkbook.bytes(Self.communes()))
            #expect(page.status == .seeOther)
            let unused = try #require(try await IndexVersionModel.query(on: app.db).filter(\.$code == "xa-2026").first())
            _ = try await organiser.get("/indexes/\(unused.id!)")
            #expect(try await organiser.post("/indexes/\(unused.id!)/withdraw", [("confirm", "1")]).status == .seeOther)
            #expect(try await IndexVersionModel.find(unused.id, on: app.db) == nil)
            #expect(try await AuditEventModel.query(on: app.db).filter(\.$action == "index.withdraw").count() == 1)
        }
    }

    @Test("The mapping: a code the newer version lacks is refused in place, as typed; a good one is saved and audited")
    func mapping() async throws {
        try await TestApp.run { app, fixture in
            let organiser = Browser(app)
            try await organiser.signIn("t.organizer")
            _ = try await organiser.get("/indexes")
            #expect(try await organiser.upload("/indexes", field: "file", fileName: "xa.xlsx", content: try IndexWorkbook.bytes(Self.communes())).status == .seeOther)
            let new = try #require(try await IndexVersionModel.query(on: app.db).filter(\.$code == "xa-2026").first())
            let form = try await organiser.get("/indexes/\(new.id!)/mapping?from=\(fixture.indexVersion)")
            #expect(form.body.contains("không có tiêu chí tương ứng"))
            let refused = try await organiser.post("/indexes/\(new.id!)/mapping",
                                                   [("from", fixture.indexVersion.uuidString), ("to-0", "I"), ("to-1", "1.1.1, 9.9"), ("to-2", "")])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.contains("Tiêu chí 1.1: không có mã 9.9 ở phiên bản mới."))
            #expect(refused.body.contains("value=\"1.1.1, 9.9\""))
            #expect(try await CriterionMappingModel.query(on: app.db).count() == 0)
            let saved = try await organiser.post("/indexes/\(new.id!)/mapping",
                                                 [("from", fixture.indexVersion.uuidString), ("to-0", "I"), ("to-1", "1.1.1, 1.1.2"), ("to-2", "")])
            #expect(saved.status == .seeOther)
            let rows = try await CriterionMappingModel.query(on: app.db).all()
            #expect(rows.first { $0.fromCode == "1.1" }?.targets == ["1.1.1", "1.1.2"])
            #expect(rows.first { $0.fromCode == "1.2" }?.targets == [])
            #expect(try await AuditEventModel.query(on: app.db).filter(\.$action == "index.mapping").count() == 1)
        }
    }
}

/// Year over year through the criterion mapping (issue 18): an agency's result page and the dashboards
/// compare each criterion with its counterparts in the period before, and say where there is none.
@Suite("Year over year through the criterion mapping", .serialized)
struct YearOverYearTests {
    @Test("2027's index renumbers 1.2 as 1.3: by codes it has no counterpart; through the mapping it is compared with 2026's 1.2")
    func throughMapping() async throws {
        try await TestApp.run { app, fixture in
            try await ResultsTests.finalise(app, fixture, publish: true)
            let yaml = Fixture.indexYAML(id: "test-so-2027", title: "Bộ chỉ số 2027", field: ("I", "Lĩnh vực I", 10), leaves: [
                "{code: \"1.1\", title: Kế hoạch, max: 4, rule: {type: yesno}, evidence: required}",
                "{code: \"1.3\", title: Tỷ lệ, max: 6, rule: {type: ratio}}",
            ])
            let period = try await Fixture.openPeriod(Fixture.year2027(), indexYAML: yaml, on: app)
            let assessments = try await AssessmentModel.query(on: app.db).filter(\.$period.$id == period.id!).with(\.$agency).all()
            for assessment in assessments {
                for (code, value) in [("1.1", "có"), ("1.3", "90")] {
                    let entry = CriterionEntryModel(assessmentID: assessment.id!, criterionCode: code)
                    entry.selfInput = value
                    entry.appraisedInput = value
                    entry.appraisedAt = Date()
                    entry.revision = 1
                    try await entry.create(on: app.db)
                }
                assessment.state = AssessmentState.published.rawValue
                try await assessment.save(on: app.db)
            }
            period.status = .published
            try await period.save(on: app.db)
            let own = try #require(assessments.first { $0.agency.code == "SNV" })

            let organiser = Browser(app)
            try await organiser.signIn("t.organizer")
            var page = try await organiser.get("/assessments/\(own.id!)/results")
            #expect(page.body.contains("So với Năm 2026 (bộ chỉ số test-so v1): các tiêu chí được đối chiếu theo mã giống nhau."))
            #expect(page.body.contains("Không có tiêu chí tương ứng ở Năm 2026: 1.3."))
            let dashboard = try await organiser.get("/dashboard?period=\(period.id!)")
            #expect(dashboard.body.contains("class=\"delta\""))

            // The mapping: 2026's 1.2 continues as 2027's 1.3.
            let new = try #require(try await IndexVersionModel.query(on: app.db).filter(\.$code == "test-so-2027").first())
            _ = try await organiser.get("/indexes/\(new.id!)/mapping?from=\(fixture.indexVersion)")
            let saved = try await organiser.post("/indexes/\(new.id!)/mapping",
                                                 [("from", fixture.indexVersion.uuidString), ("to-0", "I"), ("to-1", "1.1"), ("to-2", "1.3")])
            #expect(saved.status == .seeOther)
            page = try await organiser.get("/assessments/\(own.id!)/results")
            #expect(page.body.contains("các tiêu chí được đối chiếu theo ánh xạ tiêu chí giữa hai phiên bản."))
            #expect(!page.body.contains("Không có tiêu chí tương ứng"))
            // SNV's 1.2 in 2026: 80% of 6 → 4,80, now beside 2027's 1.3.
            let row = try #require(page.body.range(of: "id=\"leaf-1.3\""))
            let end = try #require(page.body[row.upperBound...].range(of: "</tr>"))
            #expect(page.body[row.upperBound..<end.lowerBound].contains(">4,80<"))

            // The agency's own dashboard compares its fields the same way.
            let head = Browser(app)
            try await head.signIn("t.head")
            let own2027 = try await head.get("/dashboard?period=\(period.id!)")
            #expect(own2027.body.contains("các tiêu chí được đối chiếu theo ánh xạ tiêu chí"))
        }
    }
}
