import ChiSoCore
import Fluent
import Foundation
import NIOCore
import NIOPosix
import SQLKit
import Vapor

/// Starting the web application from the `chiso` commands.
public enum Server {
    /// Makes and configures an application whose Vapor command line is `arguments`
    /// (e.g. `["chiso", "serve", "--hostname", "127.0.0.1", "--port", "8080"]`).
    public static func makeApplication(arguments: [String], settings: Settings = Settings()) async throws -> Application {
        var environment = Environment(name: ProcessInfo.processInfo.environment["CHISO_ENV"] ?? "production", arguments: arguments)
        try LoggingSystem.bootstrap(from: &environment)
        let app = try await Application.make(environment)
        do {
            try await configure(app, settings: settings)
        } catch {
            try await app.asyncShutdown()
            throw error
        }
        return app
    }

    /// Runs `body` with a configured application and always shuts it down.
    static func withApplication<T>(arguments: [String], _ body: (Application) async throws -> T) async throws -> T {
        let app = try await makeApplication(arguments: arguments)
        let result: T
        do {
            result = try await body(app)
        } catch {
            try await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
        return result
    }

    /// Runs Swift's tasks on SwiftNIO's event loops (as the Vapor template does), so that a request's
    /// handler does not hop from an event loop to Swift's own thread pool and back at every `await`
    /// on the database. Once per process, before serving: `serve` and `demo` call it. The loops are
    /// `CHISO_THREADS` threads.
    static func runTasksOnEventLoops() {
        NIOSingletons.groupLoopCountSuggestion = Settings().threads
        let taken = NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
        if !taken { print("SwiftNIO's event loops could not take over Swift's task executor: tasks run on Swift's own thread pool.") }
    }

    /// `chiso serve`: serves until stopped.
    public static func serve(hostname: String, port: Int) async throws {
        runTasksOnEventLoops()
        try await withApplication(arguments: ["chiso", "serve", "--hostname", hostname, "--port", String(port)]) { app in
            app.lifecycle.use(SnapshotScheduler(interval: .seconds(3600)))
            try await app.execute()
        }
    }

    /// `chiso routes`: every route as `METHOD /path/:parameter`, one a line (for the fuzz campaign and for people).
    public static func routes() async throws -> [String] {
        try await withApplication(arguments: ["chiso"]) { app in
            app.routes.all.map { route in "\(route.method.rawValue) /" + route.path.map { "\($0)" }.joined(separator: "/") }
        }
    }

    /// `chiso backup`: a consistent snapshot of the database (evidence included) while the app runs.
    public static func backup(to path: String) async throws -> String {
        try await withApplication(arguments: ["chiso"]) { app in
            try await Backup.take(to: path, app: app)
            return try await Backup.summary(on: app.db).description
        }
    }

    /// `chiso restore FILE [--force]`: the snapshot into an empty database (the app stopped), then checked.
    public static func restore(from path: String, force: Bool) async throws -> String {
        try Backup.restore(from: path, settings: Settings(), force: force)
        return try await withApplication(arguments: ["chiso"]) { app in
            try await app.autoMigrate()
            return try await Backup.summary(on: app.db).description
        }
    }

    /// `chiso loadtest-seed`: the load test's province, in an empty database; its plan as JSON.
    public static func loadTestSeed(agencies: Int, fields: Int, perField: Int) async throws -> String {
        try await withApplication(arguments: ["chiso"]) { app in
            try await app.autoMigrate()
            let plan = try await LoadProvince.seed(on: app, agencies: agencies, fields: fields, perField: perField)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            return String(decoding: try encoder.encode(plan), as: UTF8.self)
        }
    }

    /// `chiso snapshot [--date]`: takes (again) the month's snapshot of every open period.
    public static func snapshot(date: String?) async throws -> Int {
        try await withApplication(arguments: ["chiso"]) { app in
            let day: CivilDate
            if let date {
                guard let parsed = CivilDate.parse(date) else { throw AdminTasks.Failure(description: "Ngày không hợp lệ (invalid date): \(date)") }
                day = parsed
            } else {
                day = SourceData.today
            }
            return try await MonthlySnapshots.take(on: day, replace: true, store: app.assessments, logger: app.logger)
        }
    }

    /// `chiso migrate`: applies pending migrations.
    public static func migrate(revert: Bool) async throws {
        try await withApplication(arguments: ["chiso"]) { app in
            if revert { try await app.autoRevert() } else { try await app.autoMigrate() }
        }
    }

    /// `chiso demo`: migrates, loads the demo province (once), prints where
    /// to go and who to be, and serves.
    public static func demo(hostname: String, port: Int) async throws {
        runTasksOnEventLoops()
        try await withApplication(arguments: ["chiso", "serve", "--hostname", hostname, "--port", String(port)]) { app in
            try await app.autoMigrate()
            let summary = try await DemoProvince.load(on: app, resources: try DemoResources.folder())
            try await app.identityCache.reload(on: app.db)
            print(demoBanner(hostname: hostname, port: port, summary: summary, database: try await databaseInUse(app)))
            fflush(nil) // a script reading the log (the browser tests) sees it at once
            app.lifecycle.use(SnapshotScheduler(interval: .seconds(3600)))
            try await app.execute()
        }
    }

    /// The database as the database itself names it: "PostgreSQL 15.18 (DATABASE_URL)", "SQLite 3.46.1 (data/chiso.sqlite)".
    static func databaseInUse(_ app: Application) async throws -> String {
        let sql = app.db as! any SQLDatabase
        if app.settings.databaseURL != nil {
            let version = try await sql.raw("SELECT version() AS v").first()?.decode(column: "v", as: String.self) ?? "PostgreSQL"
            return version.split(separator: " ").prefix(2).joined(separator: " ") + " (DATABASE_URL)"
        }
        let version = try await sql.raw("SELECT sqlite_version() AS v").first()?.decode(column: "v", as: String.self) ?? ""
        return "SQLite \(version) (\(app.settings.sqlitePath))"
    }

    static func demoBanner(hostname: String, port: Int, summary: DemoProvince.Summary, database: String) -> String {
        var lines = [
            "",
            "ChiSo — tỉnh minh hoạ (demo province, invented data)",
            summary.loaded ? "Đã nạp dữ liệu minh hoạ: \(summary.agencies) đơn vị, \(summary.users) tài khoản." :
                "Dữ liệu minh hoạ đã có sẵn: \(summary.agencies) đơn vị, \(summary.users) tài khoản.",
            "Cơ sở dữ liệu: \(database)",
            "",
            "Mở trình duyệt / open: http://\(hostname):\(port)/",
            "",
            "Tài khoản / accounts (mật khẩu / password: \(DemoProvince.password)):",
        ]
        for account in DemoProvince.namedAccounts {
            let roles = account.roles.sorted().map { Labels.role($0, .vietnamese) }.joined(separator: ", ")
            lines.append("  \(account.username.padding(toLength: 16, withPad: " ", startingAt: 0)) \(roles)")
        }
        lines.append("  snv.daumoi       Cán bộ đầu mối Sở Nội vụ (mỗi đơn vị: <mã>.daumoi, vd. xa-binhminh.daumoi, ph-anlac.daumoi)")
        lines.append("  snv.thutruong    Thủ trưởng Sở Nội vụ (mỗi đơn vị: <mã>.thutruong)")
        lines.append("")
        lines.append("Dừng / stop: Ctrl+C")
        return lines.joined(separator: "\n")
    }
}
