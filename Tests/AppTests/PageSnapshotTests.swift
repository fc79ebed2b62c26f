import ChiSoCore
import Foundation
import Testing
@testable import App

/// Pages rendered from fixed models, compared with committed snapshots.
@Suite("Page snapshots")
struct PageSnapshotTests {
    static let user = CurrentUser(id: UUID(uuidString: "00000000-0000-0000-0000-000000000001")!, username: "snv.daumoi",
                                  displayName: "Cán bộ đầu mối Sở Nội vụ", agencyID: UUID(uuidString: "00000000-0000-0000-0000-0000000000a1")!,
                                  agencyCode: "SNV", agencyName: "Sở Nội vụ", roles: [.editor], mustChangePassword: false,
                                  csrfToken: "csrf-token")

    static func context(_ language: Lang = .vietnamese, user: CurrentUser? = user, path: String = "/") -> PageContext {
        PageContext(t: Catalogue(language: language), user: user, csrfToken: "csrf-token", notice: nil, path: path, identity: .demoProvince)
    }

    static func period(_ status: PeriodModel.Status) -> PeriodModel {
        let period = PeriodModel(name: "Năm 2026", kind: .year, year: 2026, number: nil, status: status,
                                 selfAssessmentDeadline: Formats.endOfDay(year: 2026, month: 12, day: 15)!,
                                 appraisalDeadline: Formats.endOfDay(year: 2027, month: 1, day: 20)!,
                                 explanationDeadline: Formats.endOfDay(year: 2027, month: 2, day: 5)!)
        period.id = UUID(uuidString: "00000000-0000-0000-0000-0000000000b1")
        return period
    }

    @Test("The preview of a merger: what will happen, the assessments in course, each account's fate")
    func organisationChangePreview() throws {
        let admin = CurrentUser(id: UUID(uuidString: "00000000-0000-0000-0000-000000000002")!, username: "admin", displayName: "Quản trị hệ thống",
                                agencyID: UUID(uuidString: "00000000-0000-0000-0000-0000000000a1")!, agencyCode: "SNV", agencyName: "Sở Nội vụ",
                                roles: [.admin], mustChangePassword: false, csrfToken: "csrf-token")
        let agencies = [("SNGV", "Sở Ngoại vụ"), ("SDTTG", "Sở Dân tộc và Tôn giáo")].enumerated().map { offset, agency in
            AgencyModel(id: UUID(uuidString: "00000000-0000-0000-0000-0000000000d\(offset)")!, code: agency.0, name: agency.1, group: "so", tags: [])
        }
        let history = AgencyHistory(timeline: AgencyTimeline(members: agencies.map { .init(code: $0.code, name: $0.name, group: "so") }, changes: []),
                                    agencies: Dictionary(uniqueKeysWithValues: agencies.map { ($0.code, $0) }), records: [])
        let plan = AgencyChangePlan(change: .init(kind: .merge, effective: CivilDate(year: 2026, month: 10, day: 1)!, from: ["SNGV", "SDTTG"],
                                                  to: ["SNGVDT"]),
                                    newMembers: [.init(code: "SNGVDT", name: "Sở Ngoại vụ và Dân tộc", group: "so")])
        let account = UserModel(id: UUID(uuidString: "00000000-0000-0000-0000-0000000000e1")!, username: "sngv.daumoi",
                                displayName: "Cán bộ đầu mối Sở Ngoại vụ", passwordHash: "", agencyID: agencies[0].id!, roles: [.editor],
                                mustChangePassword: false)
        account.$agency.value = agencies[0]
        let values = AgencyChangeController.ChangeForm(kind: "merge", agencies: "SNGV, SDTTG", successors: "SNGVDT; Sở Ngoại vụ và Dân tộc; so",
                                                       effective: "01/10/2026", note: "Quyết định 901/QĐ-UBND", newName: nil, step: "preview")
        try assertSnapshot(AgencyChangePages.preview(Self.context(user: admin, path: "/admin/agencies/changes"), values: values, plan: plan,
                                                     history: history, accounts: [account], affected: []).render(),
                           named: "organisation-change-preview")
    }

    @Test func login() throws {
        try assertSnapshot(LoginPage.view(Self.context(user: nil, path: "/login"), model: .init(username: "", next: "/", message: nil)).render(),
                           named: "login-vi")
        try assertSnapshot(LoginPage.view(Self.context(.english, user: nil, path: "/login"),
                                          model: .init(username: "snv.daumoi", next: "/", message: "Wrong username or password.")).render(),
                           named: "login-en-error")
    }

    @Test func home() throws {
        let now = Formats.endOfDay(year: 2026, month: 11, day: 27)!.addingTimeInterval(-12 * 3600)
        let model = HomePage.Model(now: now, periods: [Self.period(.open)], ownAssessments: [
            .init(id: UUID(uuidString: "00000000-0000-0000-0000-0000000000c1")!, period: "Năm 2025", state: .published,
                  finalScore: DecimalNumber("85.5"), classCode: "T"),
        ])
        try assertSnapshot(HomePage.view(Self.context(), model: model).render(), named: "home-editor")
    }

    @Test func navigationByRole() throws {
        var admin = Self.user
        admin.roles = [.admin]
        var leader = Self.user
        leader.roles = [.leader]
        let model = HomePage.Model(now: Date(timeIntervalSince1970: 0), periods: [], ownAssessments: [])
        try assertSnapshot(HomePage.view(Self.context(user: admin), model: model).render(), named: "home-admin")
        try assertSnapshot(HomePage.view(Self.context(user: leader), model: model).render(), named: "home-leader")
    }

    @Test func indexTree() throws {
        let yaml = try String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Resources/indexes/so-2026.yaml"), encoding: .utf8)
        let index = try IndexReader.read(yaml: yaml)
        let version = IndexVersionModel(id: UUID(uuidString: "00000000-0000-0000-0000-0000000000b1"), code: index.id, version: 1,
                                        title: index.title, yaml: yaml, sha256: "", leafCount: 48, uploadedBy: nil)
        let model = IndexPages.ShowModel(version: version, index: index, periods: [], others: [], canManage: false)
        try assertSnapshot(IndexPages.show(Self.context(path: "/indexes/x"), model: model).render(), named: "index-so-2026")
    }

    /// The index editor on the communes' index cloned, one leaf open as a form after a refusal (what was
    /// typed kept) and one cell wrong (its problem beside its row).
    @Test func indexEditor() throws {
        let yaml = try String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Resources/indexes/xa-2026.yaml"), encoding: .utf8)
        var table = IndexTable(try IndexReader.read(yaml: yaml)).cloned()
        table.criteria[2].parameters = "≥100%: 6; ≥95%: 4"
        let draft = try IndexDraftModel(id: UUID(uuidString: "00000000-0000-0000-0000-0000000000d1"), table: table, baseVersionID: nil, createdBy: nil)
        let model = IndexDraftPages.Model(draft: draft, table: table, validation: table.validate(), editing: (.criteria, 3),
                                          typed: ["max": "năm"], periods: [])
        try assertSnapshot(IndexDraftPages.editor(Self.context(path: "/index-drafts/x"), model: model).render(), named: "index-editor")
    }

    static func agency(_ code: String, _ name: String, id: Int) -> AgencyModel {
        let agency = AgencyModel(code: code, name: name, group: "so", tags: [])
        agency.id = UUID(uuidString: String(format: "00000000-0000-0000-0000-0000000000%02x", id))
        return agency
    }

    @Test func taskList() throws {
        let snv = Self.agency("SNV", "Sở Nội vụ", id: 0xa1)
        func task(_ number: Int, deadline: CivilDate, done: CivilDate?, extended: CivilDate? = nil) -> TaskController.Row {
            let model = TaskModel(sourceID: "NV-\(number)", document: "\(number)/UBND-KT", documentDate: CivilDate(year: 2026, month: 1, day: 5),
                                  issuer: "UBND tỉnh", agencyID: snv.id!, content: "Nhiệm vụ số \(number) <kiểm thử>", deadline: deadline,
                                  completedOn: done, completionNote: "")
            model.id = UUID(uuidString: String(format: "00000000-0000-0000-0000-0000000001%02x", number))
            model.$agency.value = snv
            let ext = extended.map { TaskExtensionModel(taskID: model.id!, document: "9/UBND-TH", documentDate: nil, newDeadline: $0) }
            model.$extensions.value = ext.map { [$0] } ?? []
            let assigned = model.assigned(agencyCode: "SNV")!
            return TaskController.Row(model: model, task: assigned, status: assigned.status(on: CivilDate(year: 2026, month: 6, day: 30)!))
        }
        let rows = [
            task(1, deadline: CivilDate(year: 2026, month: 3, day: 31)!, done: CivilDate(year: 2026, month: 3, day: 28)),
            task(2, deadline: CivilDate(year: 2026, month: 4, day: 15)!, done: CivilDate(year: 2026, month: 5, day: 20),
                 extended: CivilDate(year: 2026, month: 5, day: 30)),
            task(3, deadline: CivilDate(year: 2026, month: 4, day: 30)!, done: nil),
            task(4, deadline: CivilDate(year: 2026, month: 9, day: 30)!, done: nil),
        ]
        var counts: [TaskStatus: Int] = [:]
        for row in rows { counts[row.status, default: 0] += 1 }
        let filter = TaskPages.Filter(agency: "SNV", status: nil, asOf: CivilDate(year: 2026, month: 6, day: 30)!, search: "", page: 1,
                                      total: rows.count, pageSize: 50)
        var officer = Self.user
        officer.roles = [.taskOfficer]
        try assertSnapshot(TaskPages.list(Self.context(user: officer, path: "/tasks"), rows: rows, counts: counts, filter: filter,
                                          agencies: [snv], canManage: true).render(), named: "tasks-list")
    }

    @Test func monitoringAgency() throws {
        let index = try IndexReader.read(yaml: """
        id: snap
        title: Bộ chỉ số
        scale: 10
        classes: [{code: T, title: Tốt, min: 8}, {code: Y, title: Yếu, min: 0}]
        criteria:
          - {code: "I", title: Nhiệm vụ, max: 6, children: [{code: "1.1", title: Đúng hạn, max: 6, rule: {type: ratio}, source: tasks.onTimeRate}]}
          - {code: "II", title: Cải cách, max: 4, children: [{code: "2.1", title: Kế hoạch, max: 4, rule: {type: yesno}}]}
        """)
        let tally = TaskTally(due: 4, doneOnTime: 3, doneLate: 1, openOverdue: 0, notYetDue: 2, dueSoon: 1)
        var sheet = ScoreSheet(for: index)
        sheet[.criterion(1)] = Entry(value: SourceFigures(tasks: tally).input(for: index.nodes[1]))
        sheet[.criterion(3)] = Entry(value: .answer(true))
        let score = Scorer(index: index).score(tags: [], sheet: sheet)
        let snv = Self.agency("SNV", "Sở Nội vụ", id: 0xa1)
        let provisional = ProvisionalScore(assessmentID: UUID(uuidString: "00000000-0000-0000-0000-0000000000c1")!, agency: snv, index: index,
                                           score: score, sources: SourceFigures(tasks: tally), rank: 2)
        let history = [("2026-09", "6.50"), ("2026-10", "7.25"), ("2026-11", "8.00")].map { month, total in
            let snapshot = ScoreSnapshotModel()
            snapshot.month = month
            snapshot.takenOn = month + "-01"
            snapshot.total = total
            snapshot.classCode = total == "8.00" ? "T" : "Y"
            snapshot.tasksDue = 4
            snapshot.tasksOnTime = 3
            snapshot.tasksOverdue = 0
            return snapshot
        }
        try assertSnapshot(MonitoringPages.agency(Self.context(path: "/monitoring"), period: Self.period(.open),
                                                  asOf: CivilDate(year: 2026, month: 11, day: 27)!, score: provisional, groupSize: 15,
                                                  watch: [], history: history).render(), named: "monitoring-agency")
    }

    @Test func errorPage() throws {
        try assertSnapshot(ErrorPage.view(Self.context(), status: .forbidden, reason: Refusal.otherAgency.vietnamese).render(),
                           named: "error-403")
    }
}

@Suite("Interface text")
struct CatalogueTests {
    @Test("Every phrasebook text exists in both languages, with the same placeholders")
    func phrasebooks() {
        var count = 0
        for book in Phrasebooks.all {
            for text in Phrasebooks.texts(book) {
                count += 1
                #expect(!text.vietnamese.isEmpty && !text.english.isEmpty, "\(text.key)")
                #expect(text.vietnamese.components(separatedBy: "%@").count == text.english.components(separatedBy: "%@").count,
                        "placeholders differ: \(text.key)")
            }
        }
        #expect(count >= T.allCases.count + RoleName.allCases.count)
        #expect(Placeholders.fill("%@ của %@", ["%@", "b"]) == "%@ của b")
    }

    /// Every text comes from a phrasebook: none is chosen inline by language (`vi ? "…" : "…"`).
    @Test("No inline language choice of a text in Sources/")
    func noInlineTexts() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources")
        let files = try #require(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
        var inline: [String] = []
        var read = 0
        for case let file as URL in files where file.pathExtension == "swift" {
            read += 1
            let text = try String(contentsOf: file, encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where line.contains("vi ? \"") || line.contains(".vietnamese ? \"") {
                inline.append("\(file.lastPathComponent):\(number + 1)")
            }
        }
        #expect(read > 100)
        #expect(inline.isEmpty, "\(inline)")
    }

    @Test("Vietnamese formats: 85,50 and 27/10/2023")
    func formats() {
        #expect(Formats.score(DecimalNumber("85.5")!, .vietnamese) == "85,50")
        #expect(Formats.score(DecimalNumber("1234.5")!, .english) == "1,234.50")
        let date = Formats.endOfDay(year: 2023, month: 10, day: 27)!
        #expect(Formats.date(date) == "27/10/2023")
        #expect(Formats.parseDeadline("27/10/2023") == date)
        #expect(Formats.parseDeadline("2023-10-27") == date)
        #expect(Formats.parseDeadline("31/02/2023") == nil)
        #expect(HTMLNode.escape("<a href=\"x\">'", quotes: true) == "&lt;a href=&quot;x&quot;&gt;&#39;")
    }
}
