import Fluent
import Foundation
import SQLKit

/// 019: a database that held the demo province and ran migration 014 as it first landed (before 014
/// learnt to keep the demo's identity) has no installation identity, so it lost the demo banner.
/// This gives it the demo province's identity; any other database is left as it is. Data only:
/// reverting keeps the row (the administrator's identity is never removed by a migration).
struct BackfillDemoIdentity: AsyncMigration {
    var name: String { "019_BackfillDemoIdentity" }

    func prepare(on database: any Database) async throws {
        // Plain SQL: a migration must not change with the models.
        let sql = database as! any SQLDatabase
        let identities = try await sql.raw("SELECT COUNT(*) AS n FROM installation_identity").first()?.decode(column: "n", as: Int.self) ?? 0
        guard identities == 0 else { return }
        let demo = try await sql.raw("SELECT COUNT(*) AS n FROM audit_events WHERE action = 'demo.load'").first()?.decode(column: "n", as: Int.self) ?? 0
        guard demo > 0 else { return }
        try await sql.insert(into: "installation_identity")
            .columns("id", "province", "issuing_body", "place", "demo", "updated_at")
            .values(SQLBind(UUID()), SQLBind("Tỉnh Minh Hoạ"), SQLBind("UBND TỈNH MINH HOẠ"), SQLBind("Minh Hoạ"), SQLBind(true), SQLBind(Date()))
            .run()
    }

    func revert(on database: any Database) async throws {}
}
