import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import App

/// `chiso backup` / `chiso restore` on the database the suite runs on
/// (SQLite, or PostgreSQL with pg_dump and pg_restore).
@Suite("Backup and restore", .serialized)
struct BackupTests {
    /// Restores `path` into a new, empty database and returns what it holds.
    static func restoredSummary(_ path: String) async throws -> Backup.Summary {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chiso-restore-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        var environment = ["CHISO_DATA_DIR": folder.path]
        var database: String?
        if let admin = TestApp.postgresURL {
            let name = "chiso_restore_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(12)
            try await TestApp.postgresAdmin(admin, "CREATE DATABASE \(name)")
            database = String(name)
            environment["DATABASE_URL"] = TestApp.replaceDatabase(in: admin, with: String(name))
        }
        let settings = Settings(environment: environment)
        try Backup.restore(from: path, settings: settings, force: false)
        // Restoring over data is refused without --force.
        #expect(throws: Backup.Failure.self) { try Backup.restore(from: path, settings: settings, force: false) }
        let app = try await Application.make(.testing)
        do {
            try await configure(app, settings: settings)
            try await app.autoMigrate()
            let summary = try await Backup.summary(on: app.db)
            try await app.asyncShutdown()
            if let database, let admin = TestApp.postgresURL { try await TestApp.postgresAdmin(admin, "DROP DATABASE IF EXISTS \(database) WITH (FORCE)") }
            return summary
        } catch {
            try await app.asyncShutdown()
            if let database, let admin = TestApp.postgresURL { try await TestApp.postgresAdmin(admin, "DROP DATABASE IF EXISTS \(database) WITH (FORCE)") }
            throw error
        }
    }

    @Test("A backup restores into an empty database with the same rows and evidence bytes")
    func roundTrip() async throws {
        try await TestApp.run { app, _ in
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chiso-backup-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            let path = folder.appendingPathComponent("chiso.backup").path
            let original = try await Backup.summary(on: app.db)
            try await Backup.take(to: path, app: app)
            await #expect(throws: Backup.Failure.self) { try await Backup.take(to: path, app: app) } // never overwrites
            let restored = try await Self.restoredSummary(path)
            #expect(restored == original)
            #expect(restored.rows["audit_events"] ?? 0 > 0)
            #expect(restored.rows["evidence_chunks"] ?? 0 > 0)
        }
    }

    @Test("A backup taken while evidence is being written holds whole files only")
    func consistentWhileWriting() async throws {
        try await TestApp.run { app, _ in
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chiso-backup-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            let path = folder.appendingPathComponent("chiso.backup").path
            let before = try await Backup.summary(on: app.db)
            // 24 files of 600 KB (3 chunks each), each stored in its own transaction, while the backup runs.
            try await withThrowingTaskGroup(of: Void.self) { group in
                for number in 0..<24 {
                    group.addTask {
                        let bytes = Array("%PDF-1.4\n".utf8) + Array(repeating: UInt8(number), count: 600 * 1024) + Array("\n%%EOF\n".utf8)
                        try await app.write { db in _ = try await EvidenceStore.store(bytes, on: db) }
                    }
                }
                group.addTask {
                    try await Task.sleep(for: .milliseconds(30))
                    try await Backup.take(to: path, app: app)
                }
                try await group.waitForAll()
            }
            let after = try await Backup.summary(on: app.db)
            let restored = try await Self.restoredSummary(path)
            #expect(restored.incompleteFiles == 0)
            let files = restored.rows["evidence_files"] ?? 0
            #expect(files >= before.rows["evidence_files"] ?? 0 && files <= after.rows["evidence_files"] ?? 0)
            #expect(restored.rows["evidence_chunks"] == (before.rows["evidence_chunks"] ?? 0) + 3 * (files - (before.rows["evidence_files"] ?? 0)))
        }
    }

    @Test("An upload cut off by a crash is removed after an hour, never while it may still be running")
    func abandonedUploads() async throws {
        try await TestApp.run { app, _ in
            let old = EvidenceFileModel(sha256: "pending:\(UUID().uuidString)", size: 0, contentType: "application/pdf", chunkCount: 0)
            let running = EvidenceFileModel(sha256: "pending:\(UUID().uuidString)", size: 0, contentType: "application/pdf", chunkCount: 0)
            try await old.create(on: app.db)
            try await running.create(on: app.db)
            try await EvidenceChunkModel(fileID: old.id!, sequence: 0, data: Data([1, 2, 3])).create(on: app.db)
            try await EvidenceFileModel.query(on: app.db).filter(\.$id == old.id!).set(\.$createdAt, to: Date().addingTimeInterval(-7200)).update()
            let before = try await Backup.summary(on: app.db)
            #expect(before.incompleteFiles == 0) // pending uploads are not evidence yet
            let removed = try await app.write { db in try await EvidenceStore.removeAbandonedUploads(olderThan: 3600, on: db) }
            #expect(removed == 1)
            #expect(try await EvidenceFileModel.find(old.id, on: app.db) == nil)
            #expect(try await EvidenceFileModel.find(running.id, on: app.db) != nil)
            #expect(try await EvidenceChunkModel.query(on: app.db).filter(\.$file.$id == old.id!).count() == 0)
        }
    }
}
