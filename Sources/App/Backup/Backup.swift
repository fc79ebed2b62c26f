import Crypto
import Fluent
import FluentSQL
import Foundation
import Vapor

/// `chiso backup` and `chiso restore`: a consistent snapshot of the whole
/// database, evidence included (evidence lives in the database), taken while
/// the app runs.
///
/// - SQLite: `VACUUM INTO` writes a compact copy from one read transaction
///   (WAL keeps writers going); restoring checks the copy and puts it in
///   place of `chiso.sqlite` (with the app stopped).
/// - PostgreSQL: `pg_dump --format=custom` (one snapshot, Debian's
///   `postgresql-client`); restoring runs `pg_restore` into an empty database.
enum Backup {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// What a database holds, to compare a restored copy with its original.
    struct Summary: Equatable, CustomStringConvertible {
        var rows: [String: Int]
        /// SHA-256 over every evidence chunk, in file and sequence order.
        var evidenceDigest: String
        /// Evidence files whose chunks do not add up to their size (must be none).
        var incompleteFiles: Int

        var description: String {
            rows.sorted { $0.key < $1.key }.map { "  \($0.key): \($0.value)" }.joined(separator: "\n")
                + "\n  evidence digest: \(evidenceDigest.prefix(16))…, incomplete files: \(incompleteFiles)"
        }
    }

    static let sqliteHeader = Array("SQLite format 3\u{0}".utf8)
    static let pgDumpHeader = Array("PGDMP".utf8)

    /// The application's tables (every migration's), in no particular order.
    static func tables(on db: any Database) async throws -> [String] {
        let sql = db as! any SQLDatabase
        let rows: [any SQLRow]
        if db is any SQLDatabase, sql.dialect.name == "sqlite" {
            rows = try await sql.raw("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all()
        } else {
            rows = try await sql.raw("SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()").all()
        }
        return try rows.map { try $0.decode(column: "name", as: String.self) }.sorted()
    }

    static func summary(on db: any Database) async throws -> Summary {
        let sql = db as! any SQLDatabase
        var rows: [String: Int] = [:]
        for table in try await tables(on: db) {
            let row = try await sql.raw("SELECT COUNT(*) AS n FROM \(ident: table)").first()
            rows[table] = try row?.decode(column: "n", as: Int.self) ?? 0
        }
        var hasher = SHA256()
        var incomplete = 0
        // Uploads still streaming (or cut off by a crash) are not evidence yet: nothing links to them.
        for file in try await EvidenceFileModel.query(on: db).sort(\.$sha256).all() where !file.sha256.hasPrefix("pending:") {
            let chunks = try await EvidenceChunkModel.query(on: db).filter(\.$file.$id == file.requireID()).sort(\.$sequence).all()
            let size = chunks.reduce(0) { $0 + $1.data.count }
            if size != file.size || chunks.count != file.chunkCount { incomplete += 1 }
            for chunk in chunks { hasher.update(data: chunk.data) }
        }
        return Summary(rows: rows, evidenceDigest: hasher.finalize().hexDigits, incompleteFiles: incomplete)
    }

    /// Writes a snapshot of the running database to `path` (which must not exist).
    static func take(to path: String, app: Application) async throws {
        guard !FileManager.default.fileExists(atPath: path) else { throw Failure(description: "Tệp \(path) đã có (already exists).") }
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        if let url = app.settings.databaseURL {
            try run("pg_dump", ["--format=custom", "--no-owner", "--file=\(path)"], databaseURL: url)
        } else {
            let sql = app.db as! any SQLDatabase
            try await sql.raw("VACUUM INTO \(bind: path)").run()
        }
    }

    /// Puts a snapshot back: into the empty SQLite file or PostgreSQL database the settings name.
    static func restore(from path: String, settings: Settings, force: Bool) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw Failure(description: "Không đọc được \(path) (cannot read).") }
        let header = Array(handle.readData(ofLength: 16))
        try? handle.close()
        if let url = settings.databaseURL {
            guard header.starts(with: pgDumpHeader) else {
                throw Failure(description: "\(path) không phải bản sao lưu PostgreSQL của chiso (not a PostgreSQL backup).")
            }
            var arguments = ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction"]
            if force { arguments += ["--clean", "--if-exists"] }
            try run("pg_restore", arguments + [path], databaseURL: url, emptyCheck: !force)
        } else {
            guard header.starts(with: sqliteHeader) else {
                throw Failure(description: "\(path) không phải bản sao lưu SQLite của chiso (not a SQLite backup).")
            }
            let target = settings.sqlitePath
            if FileManager.default.fileExists(atPath: target), !force {
                throw Failure(description: "Đã có cơ sở dữ liệu \(target): dừng ứng dụng và thêm --force để thay thế (a database exists; stop the app and add --force).")
            }
            try FileManager.default.createDirectory(atPath: settings.dataDirectory, withIntermediateDirectories: true)
            let temporary = target + ".restoring"
            try? FileManager.default.removeItem(atPath: temporary)
            try FileManager.default.copyItem(atPath: path, toPath: temporary)
            for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: target + suffix) }
            if FileManager.default.fileExists(atPath: target) { try FileManager.default.removeItem(atPath: target) }
            try FileManager.default.moveItem(atPath: temporary, toPath: target)
        }
    }

    /// Runs a PostgreSQL client tool with the connection from `databaseURL`; the
    /// password goes through the environment, not the command line.
    private static func run(_ tool: String, _ arguments: [String], databaseURL: String, emptyCheck: Bool = false) throws {
        guard var components = URLComponents(string: databaseURL) else { throw Failure(description: "DATABASE_URL không hợp lệ (invalid).") }
        var environment = ProcessInfo.processInfo.environment
        if let password = components.password { environment["PGPASSWORD"] = password }
        components.password = nil
        let connection = components.string ?? databaseURL
        let binary = try locate(tool)
        if emptyCheck {
            let tables = try output(try locate("psql"), ["--dbname=\(connection)", "--tuples-only", "--no-align", "--command",
                                                      "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()"], environment: environment)
            if tables.trimmingCharacters(in: .whitespacesAndNewlines) != "0" {
                throw Failure(description: "Cơ sở dữ liệu đích đã có bảng: khôi phục vào cơ sở dữ liệu trống, hoặc thêm --force (the target database is not empty).")
            }
        }
        _ = try output(binary, arguments + ["--dbname=\(connection)"], environment: environment)
    }

    private static func locate(_ tool: String) throws -> String {
        let folders = ["/usr/bin", "/usr/local/bin"] + ["17", "16", "15"].map { "/usr/lib/postgresql/\($0)/bin" }
        guard let binary = folders.map({ "\($0)/\(tool)" }).first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw Failure(description: "Không tìm thấy \(tool): cài gói postgresql-client (\(tool) not found: install postgresql-client).")
        }
        return binary
    }

    @discardableResult
    private static func output(_ binary: String, _ arguments: [String], environment: [String: String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.environment = environment
        // Errors to a file: a full pipe would stop the tool while we wait for its output.
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("chiso-\(UUID().uuidString).log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: log) }
        let logHandle = try FileHandle(forWritingTo: log)
        defer { try? logHandle.close() }
        let out = Pipe()
        process.standardOutput = out
        process.standardError = logHandle
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let errors = (try? Data(contentsOf: log)) ?? Data()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "\((binary as NSString).lastPathComponent) thất bại (failed): \(String(decoding: errors, as: UTF8.self))")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
