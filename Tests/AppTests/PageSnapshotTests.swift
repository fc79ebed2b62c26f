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
        PageContext(t: Catalogue(language: language), user: user, csrfToken: "csrf-token", notice: nil, path: path)
    }

    static func period(_ status: PeriodModel.Status) -> PeriodModel {
        let period = PeriodModel(name: "Năm 2026", kind: .year, year: 2026, number: nil, status: status,
                                 selfAssessmentDeadline: Formats.endOfDay(year: 2026, month: 12, day: 15)!,
                                 appraisalDeadline: Formats.endOfDay(year: 2027, month: 1, day: 20)!,
                                 explanationDeadline: Formats.endOfDay(year: 2027, month: 2, day: 5)!)
        period.id = UUID(uuidString: "00000000-0000-0000-0000-0000000000b1")
        return period
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
        let version = IndexVersionModel(code: index.id, version: 1, title: index.title, yaml: yaml, sha256: "", leafCount: 48, uploadedBy: nil)
        try assertSnapshot(IndexPages.show(Self.context(path: "/indexes/x"), version: version, index: index).render(), named: "index-so-2026")
    }

    @Test func errorPage() throws {
        try assertSnapshot(ErrorPage.view(Self.context(), status: .forbidden, reason: Refusal.otherAgency.vietnamese).render(),
                           named: "error-403")
    }
}

@Suite("Interface text")
struct CatalogueTests {
    @Test("Every text exists in Vietnamese and in English")
    func complete() {
        for key in T.allCases {
            #expect(Catalogue.vietnamese[key]?.isEmpty == false, "vi: \(key)")
            #expect(Catalogue.english[key]?.isEmpty == false, "en: \(key)")
        }
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
