import Foundation
import App
import ArgumentParser

/// `chiso serve [--hostname H] [--port P]`
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the web application (SQLite in ./data, or PostgreSQL when DATABASE_URL is set). Run `chiso migrate` first."
    )

    @OptionGroup var listen: ListenOptions

    func run() async throws {
        try await Server.serve(hostname: listen.hostname, port: listen.port)
    }
}

/// Where `serve` and `demo` listen.
struct ListenOptions: ParsableArguments {
    @Option(name: [.customShort("H"), .long], help: "Address to listen on.")
    var hostname = "127.0.0.1"

    @Option(name: [.short, .long], help: "Port to listen on.")
    var port = 8080
}

/// `chiso routes`
struct RoutesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "routes",
        abstract: "List every route the server answers, as METHOD /path/:parameter."
    )

    func run() async throws {
        for route in try await Server.routes() { print(route) }
    }
}

/// `chiso migrate [--revert]`
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Create or update the database schema (numbered migrations)."
    )

    @Flag(help: "Undo every migration (drops all data).")
    var revert = false

    func run() async throws {
        try await Server.migrate(revert: revert)
        print(revert ? "Đã hoàn tác mọi migration (all migrations reverted)." : "Cơ sở dữ liệu đã cập nhật (database up to date).")
    }
}

/// `chiso demo [--hostname H] [--port P]`
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Migrate, load the invented demo province (once), print the address and accounts, and serve."
    )

    @OptionGroup var listen: ListenOptions

    func run() async throws {
        try await Server.demo(hostname: listen.hostname, port: listen.port)
    }
}

/// `chiso snapshot [--date DD/MM/YYYY]`
struct SnapshotCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Take this month's score snapshot of every open period (the app also does it by itself each month)."
    )

    @Option(help: "The day the figures are as of (default: today in Vietnam), e.g. 30/11/2026.")
    var date: String?

    func run() async throws {
        let count = try await Server.snapshot(date: date)
        print("Đã lưu \(count) ảnh chụp điểm (\(count) snapshots written).")
    }
}

/// `chiso backup [--output FILE]`
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Write a consistent snapshot of the database, evidence included, while the app runs (SQLite: VACUUM INTO; PostgreSQL: pg_dump)."
    )

    @Option(name: .shortAndLong, help: "The backup file (default: backups/chiso-YYYYMMDD-HHMMSS.sqlite or .pgdump).")
    var output: String?

    func run() async throws {
        let stamp = ISO8601DateFormatter.string(from: Date(), timeZone: TimeZone(secondsFromGMT: 7 * 3600)!,
                                                formatOptions: [.withYear, .withMonth, .withDay, .withTime])
            .replacingOccurrences(of: ":", with: "").replacingOccurrences(of: "T", with: "-")
        let path = output ?? "backups/chiso-\(stamp).\(ProcessInfo.processInfo.environment["DATABASE_URL"].map { $0.isEmpty ? "sqlite" : "pgdump" } ?? "sqlite")"
        let summary = try await Server.backup(to: path)
        print("Đã sao lưu vào \(path) (backup written):\n\(summary)")
    }
}

/// `chiso restore FILE [--force]`
struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Restore a backup into an empty database (stop the app first); prints what the restored database holds."
    )

    @Argument(help: "A file written by chiso backup.")
    var file: String

    @Flag(help: "Replace an existing database.")
    var force = false

    func run() async throws {
        let summary = try await Server.restore(from: file, force: force)
        print("Đã khôi phục từ \(file) (restored):\n\(summary)")
    }
}

/// `chiso loadtest-seed` (used by bench/load/run.py)
struct LoadTestSeedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "loadtest-seed",
        abstract: "Fill an EMPTY database with the load test's province and print its plan (JSON) for bench/load/run.py."
    )

    @Option(help: "Agencies (communes).") var agencies = 170
    @Option(help: "Fields of the index.") var fields = 10
    @Option(help: "Leaves per field.") var leavesPerField = 10

    func run() async throws {
        print(try await Server.loadTestSeed(agencies: agencies, fields: fields, perField: leavesPerField))
    }
}
