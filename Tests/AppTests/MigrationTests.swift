import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
@testable import App

/// Every migration applies, reverts and applies again, on both databases
/// (CI runs the suite on SQLite and on PostgreSQL).
@Suite("Migrations")
struct MigrationTests {
    @Test("All migrations apply, revert in reverse order, and apply again; nothing is left behind")
    func applyRevertApply() async throws {
        try await TestApp.run { app, _ in
            // The fixture's data is in every table: a revert must drop them in an order the foreign keys allow.
            try await app.autoRevert()
            let sql = app.db as! any SQLDatabase
            let leftOver: [String]
            if app.settings.databaseURL != nil {
                leftOver = try await sql.raw("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'").all()
                    .map { try $0.decode(column: "name", as: String.self) }
            } else {
                leftOver = try await sql.raw("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all()
                    .map { try $0.decode(column: "name", as: String.self) }
            }
            #expect(leftOver.filter { $0 != "_fluent_migrations" }.isEmpty, "\(leftOver)")
            try await app.autoMigrate()
            #expect(try await AgencyModel.query(on: app.db).count() == 0)
            #expect(try await TaskEvidenceModel.query(on: app.db).count() == 0)
            // Applying again changes nothing (every migration is recorded once).
            try await app.autoMigrate()
        }
    }

    @Test("014 keeps the demo banner of a database that held the demo province before it; any other starts with no identity")
    func identityOfAnOlderDemo() async throws {
        try await TestApp.run { app, _ in
            #expect(try await InstallationIdentity.load(on: app.db) == .unset)
            try await CreatePublicationRecords().revert(on: app.db)
            try await Audit.record(on: app.db, .system, action: "demo.load", targetType: "province", target: "demo")
            try await CreatePublicationRecords().prepare(on: app.db)
            #expect(try await InstallationIdentity.load(on: app.db) == .demoProvince)
        }
    }

    @Test("019 gives the demo identity to a demo database that ran 014 as it first landed; once only; others untouched")
    func backfillOfTheDemoIdentity() async throws {
        try await TestApp.run { app, _ in
            // No demo: nothing happens.
            try await BackfillDemoIdentity().prepare(on: app.db)
            #expect(try await InstallationIdentity.load(on: app.db) == .unset)
            // A demo database whose 014 wrote no identity (as 014 first did).
            try await Audit.record(on: app.db, .system, action: "demo.load", targetType: "province", target: "demo")
            try await BackfillDemoIdentity().prepare(on: app.db)
            #expect(try await InstallationIdentity.load(on: app.db) == .demoProvince)
            try await BackfillDemoIdentity().prepare(on: app.db)
            #expect(try await InstallationIdentityModel.query(on: app.db).count() == 1)
        }
    }
}
