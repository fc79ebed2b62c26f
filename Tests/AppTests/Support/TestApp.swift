import ChiSoCore
import Fluent
import FluentPostgresDriver
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import App

/// A fresh application on a fresh database for one test: a new SQLite file,
/// or, when `TEST_DATABASE_URL` names a PostgreSQL server, a new database
/// there (created and dropped around the test). CI runs the suite both ways.
enum TestApp {
    static var postgresURL: String? {
        ProcessInfo.processInfo.environment["TEST_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// `settings` adds to (or replaces) the test's environment variables, e.g. `["CHISO_IMPORT_MAX_ROWS": "3"]`.
    static func run(settings extra: [String: String] = [:], _ body: (Application, Fixture) async throws -> Void) async throws {
        try await launch(settings: extra, prepare: Fixture.load(on:), body)
    }

    /// The same on an empty database (migrated, no fixture): for the demo province, say.
    static func runEmpty(settings extra: [String: String] = [:], _ body: (Application) async throws -> Void) async throws {
        try await launch(settings: extra, prepare: { _ in () }) { app, _ in try await body(app) }
    }

    private static func launch<Prepared>(settings extra: [String: String], prepare: (Application) async throws -> Prepared,
                                         _ body: (Application, Prepared) async throws -> Void) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chiso-test-\(UUID().uuidString)")
        var environment = ["CHISO_DATA_DIR": folder.path, "CHISO_LOGIN_MAX_FAILURES": "3", "CHISO_UPLOAD_MAX_MB": "1"]
            .merging(extra) { $1 }
        var databaseName: String?
        if let admin = postgresURL {
            let name = "chiso_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
            try await postgresAdmin(admin, "CREATE DATABASE \(name)")
            databaseName = String(name)
            environment["DATABASE_URL"] = replaceDatabase(in: admin, with: String(name))
        }
        let app = try await Application.make(.testing)
        do {
            try await configure(app, settings: Settings(environment: environment))
            try await app.autoMigrate()
            let prepared = try await prepare(app)
            try await body(app, prepared)
        } catch {
            try await app.asyncShutdown()
            try await cleanUp(folder: folder, database: databaseName)
            throw error
        }
        try await app.asyncShutdown()
        try await cleanUp(folder: folder, database: databaseName)
    }

    static func cleanUp(folder: URL, database: String?) async throws {
        try? FileManager.default.removeItem(at: folder)
        if let database, let admin = postgresURL {
            try await postgresAdmin(admin, "DROP DATABASE IF EXISTS \(database) WITH (FORCE)")
        }
    }

    static func replaceDatabase(in url: String, with name: String) -> String {
        guard var components = URLComponents(string: url) else { return url }
        components.path = "/" + name
        return components.string ?? url
    }

    /// Runs one statement on the server's maintenance database.
    static func postgresAdmin(_ url: String, _ statement: String) async throws {
        let app = try await Application.make(.testing)
        do {
            try app.databases.use(.postgres(url: url), as: .psql)
            let sql = app.db as! any SQLDatabase
            try await sql.raw(SQLQueryString(statement)).run()
        } catch {
            try await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}

/// The people and agencies every test can use. Password for all: ``Fixture/password``.
struct Fixture: Sendable {
    static let password = "Mat-khau-2026"

    var own: UUID        // agency SNV (group so): every role but the council's has an account here
    /// Agency VPUB (group khac, not assessed): the appraiser and the chair, so that they judge neither SNV nor SXD as their own.
    var council: UUID
    var other: UUID      // agency SXD (group so)
    var commune: UUID    // agency XA1 (group xa)
    /// username for each role, in agency SNV (the appraiser and the chair in VPUB).
    var userByRole: [Role: String]
    /// An assessment of SNV and one of SXD in an open period.
    var ownAssessment: UUID
    var otherAssessment: UUID
    var period: UUID
    var indexVersion: UUID
    /// An evidence file attached to leaf 1.1 of each assessment.
    var ownEvidence: UUID
    var otherEvidence: UUID
    /// A task of SNV and one of SXD; a task export waiting for its mapping.
    var ownTask: UUID
    var otherTask: UUID
    var taskImport: UUID
    /// A completion report on each of the two tasks.
    var ownTaskEvidence: UUID
    var otherTaskEvidence: UUID
    /// A deputy of SNV and one of SXD.
    var ownDeputy: UUID
    var otherDeputy: UUID
    /// A draft index cloned from the fixture's version.
    var draft: UUID

    /// An index of the test's own: classes T (from 8) and Y, one field of `max` points with these leaves (YAML flow mappings).
    static func indexYAML(id: String, title: String, field: (code: String, title: String, max: Int), leaves: [String]) -> String {
        """
        id: \(id)
        title: \(title)
        scale: 10
        classes:
          - {code: T, title: Tốt, min: 8}
          - {code: Y, title: Yếu, min: 0}
        criteria:
          - code: "\(field.code)"
            title: \(field.title)
            max: \(field.max)
            children:

        """ + leaves.map { "      - \($0)" }.joined(separator: "\n") + "\n"
    }

    /// A draft year period after the fixture's, its deadlines all ahead (15/12/2027, 20/01/2028, 05/02/2028).
    static func year2027() -> PeriodModel {
        PeriodModel(name: "Năm 2027", kind: .year, year: 2027, number: nil, status: .draft,
                    selfAssessmentDeadline: Formats.endOfDay(year: 2027, month: 12, day: 15)!,
                    appraisalDeadline: Formats.endOfDay(year: 2028, month: 1, day: 20)!,
                    explanationDeadline: Formats.endOfDay(year: 2028, month: 2, day: 5)!)
    }

    /// `period` stored and opened for the group "so" on the index `yaml` (stored as uploaded): its assessments are made.
    @discardableResult
    static func openPeriod(_ period: PeriodModel, indexYAML yaml: String, on app: Application) async throws -> PeriodModel {
        let index = try IndexReader.read(yaml: yaml)
        let version = IndexVersionModel(code: index.id, version: 1, title: index.title, yaml: yaml, sha256: index.id,
                                        leafCount: index.leafPositions.count, uploadedBy: nil)
        try await version.create(on: app.db)
        try await period.create(on: app.db)
        let assignment = PeriodIndexModel(periodID: period.id!, group: "so", indexVersionID: version.id!)
        try await assignment.create(on: app.db)
        try await PeriodController.openPeriod(period, assignments: [assignment], on: app.db, origin: .system)
        return period
    }

    static func load(on app: Application) async throws -> Fixture {
        let hash = try Passwords.hash(password, cost: 4)
        let snv = AgencyModel(code: "SNV", name: "Sở Nội vụ", group: "so", tags: [])
        let sxd = AgencyModel(code: "SXD", name: "Sở Xây dựng", group: "so", tags: [])
        let xa = AgencyModel(code: "XA1", name: "UBND xã Một", group: "xa", tags: ["noi-dia"])
        let vpub = AgencyModel(code: "VPUB", name: "Văn phòng UBND tỉnh", group: "khac", tags: [])
        try await [snv, sxd, xa, vpub].create(on: app.db)
        var byRole: [Role: String] = [:]
        for role in Role.allCases {
            let username = "t.\(role.rawValue.lowercased())"
            let agency = role == .appraiser || role == .chair ? vpub : snv
            try await UserModel(username: username, displayName: "Người \(role.rawValue)", passwordHash: hash,
                                agencyID: agency.id!, roles: [role], mustChangePassword: false).create(on: app.db)
            byRole[role] = username
        }
        try await UserModel(username: "t.sxd.editor", displayName: "Đầu mối SXD", passwordHash: hash, agencyID: sxd.id!,
                            roles: [.editor], mustChangePassword: false).create(on: app.db)
        let yaml = indexYAML(id: "test-so", title: "Bộ chỉ số kiểm thử", field: ("I", "Lĩnh vực I", 10), leaves: [
            "{code: \"1.1\", title: Kế hoạch, max: 4, rule: {type: yesno}, evidence: required}",
            "{code: \"1.2\", title: Tỷ lệ, max: 6, rule: {type: ratio}}",
        ])
        let version = IndexVersionModel(code: "test-so", version: 1, title: "Bộ chỉ số kiểm thử", yaml: yaml, sha256: "x",
                                        leafCount: 2, uploadedBy: nil)
        try await version.create(on: app.db)
        let period = PeriodModel(name: "Năm 2026", kind: .year, year: 2026, number: nil, status: .draft,
                                 selfAssessmentDeadline: Formats.endOfDay(year: 2026, month: 12, day: 15)!,
                                 appraisalDeadline: Formats.endOfDay(year: 2027, month: 1, day: 20)!,
                                 explanationDeadline: Formats.endOfDay(year: 2027, month: 2, day: 5)!)
        try await period.create(on: app.db)
        let assignment = PeriodIndexModel(periodID: period.id!, group: "so", indexVersionID: version.id!)
        try await assignment.create(on: app.db)
        try await PeriodController.openPeriod(period, assignments: [assignment], on: app.db, origin: .system)
        let assessments = try await AssessmentModel.query(on: app.db).all()
        let entry = CriterionEntryModel(assessmentID: assessments.first { $0.$agency.id == snv.id }!.id!, criterionCode: "1.2")
        entry.selfInput = "87,5"
        try await entry.create(on: app.db)
        let file = try await EvidenceStore.store(Array("%PDF-1.4\n% kiểm chứng\n%%EOF\n".utf8), on: app.db)
        var evidence: [UUID] = []
        for assessment in [assessments.first { $0.$agency.id == snv.id }!, assessments.first { $0.$agency.id == sxd.id }!] {
            let link = EvidenceLinkModel()
            link.$assessment.id = assessment.id!
            link.criterionCode = "1.1"
            link.$file.id = file.id!
            link.fileName = "ke-hoach.pdf"
            try await link.create(on: app.db)
            evidence.append(link.id!)
        }
        var tasks: [UUID] = []
        var taskEvidence: [UUID] = []
        for (number, agency) in [snv, sxd].enumerated() {
            let task = TaskModel(sourceID: "T-\(number + 1)", document: "\(100 + number)/UBND-TH", documentDate: CivilDate(year: 2026, month: 3, day: 2),
                                 issuer: "UBND tỉnh", agencyID: agency.id!, content: "Nhiệm vụ kiểm thử \(number + 1)",
                                 deadline: CivilDate(year: 2026, month: 4, day: 30)!, completedOn: nil, completionNote: "")
            try await task.create(on: app.db)
            tasks.append(task.id!)
            let report = TaskEvidenceModel(taskID: task.id!, fileID: file.id!, fileName: "bao-cao.pdf")
            try await report.create(on: app.db)
            taskEvidence.append(report.id!)
        }
        let officer = try await UserModel.query(on: app.db).filter(\.$username == byRole[.taskOfficer]!).first()!
        let pending = TaskImportModel(userID: officer.id!, filename: "tasks.csv",
                                      bytes: Data("ma,so van ban,don vi,noi dung,han xu ly\nT-9,1/UBND,SNV,Việc,30/06/2026\n".utf8))
        try await pending.create(on: app.db)
        let deputies = [DeputyModel(agencyID: snv.id!, name: "Phó Giám đốc A", position: "Phó Giám đốc", fields: ["I"]),
                        DeputyModel(agencyID: sxd.id!, name: "Phó Giám đốc B", position: "Phó Giám đốc", fields: ["I"])]
        try await deputies.create(on: app.db)
        let draft = try IndexDraftModel(table: IndexTable(IndexReader.read(yaml: yaml)).cloned(), baseVersionID: version.id, createdBy: nil)
        try await draft.create(on: app.db)
        return Fixture(own: snv.id!, council: vpub.id!, other: sxd.id!, commune: xa.id!, userByRole: byRole,
                       ownAssessment: assessments.first { $0.$agency.id == snv.id }!.id!,
                       otherAssessment: assessments.first { $0.$agency.id == sxd.id }!.id!,
                       period: period.id!, indexVersion: version.id!, ownEvidence: evidence[0], otherEvidence: evidence[1],
                       ownTask: tasks[0], otherTask: tasks[1], taskImport: pending.id!,
                       ownTaskEvidence: taskEvidence[0], otherTaskEvidence: taskEvidence[1],
                       ownDeputy: deputies[0].id!, otherDeputy: deputies[1].id!, draft: draft.id!)
    }
}
