import Fluent
import Foundation
import SQLKit

/// 014: what official documents say about where they come from. The installation's identity
/// (province, issuing body, place used in dates; one row, set by the administrator), and the
/// decision that announced each published period (number, date, issuing body, signer; optionally
/// the signed PDF, stored with the evidence files).
struct CreatePublicationRecords: AsyncMigration {
    var name: String { "014_CreatePublicationRecords" }

    func prepare(on database: any Database) async throws {
        try await database.schema(InstallationIdentityModel.schema)
            .id()
            .field("province", .string, .required)
            .field("issuing_body", .string, .required)
            .field("place", .string, .required)
            .field("demo", .bool, .required)
            .field("updated_by", .uuid, .references(UserModel.schema, .id, onDelete: .setNull))
            .field("updated_at", .datetime, .required)
            .create()
        try await database.schema(PeriodDecisionModel.schema)
            .id()
            .field("period_id", .uuid, .required, .references(PeriodModel.schema, .id, onDelete: .cascade))
            .field("number", .string, .required)
            .field("signed_on", .string, .required)
            .field("issuer", .string, .required)
            .field("signer", .string, .required)
            .field("signer_authority", .string, .required)
            .field("signer_position", .string, .required)
            .field("file_id", .uuid, .references(EvidenceFileModel.schema, .id, onDelete: .setNull))
            .field("file_name", .string)
            .field("recorded_by", .uuid, .references(UserModel.schema, .id, onDelete: .setNull))
            .field("recorded_at", .datetime, .required)
            .unique(on: "period_id")
            .create()
        // A database that already holds the demo province (loaded before this migration) keeps its banner.
        // Plain SQL: a migration must not change with the models.
        let sql = database as! any SQLDatabase
        let demo = try await sql.raw("SELECT COUNT(*) AS n FROM audit_events WHERE action = 'demo.load'").first()?.decode(column: "n", as: Int.self) ?? 0
        if demo > 0 {
            try await sql.insert(into: "installation_identity")
                .columns("id", "province", "issuing_body", "place", "demo", "updated_at")
                .values(SQLBind(UUID()), SQLBind("Tỉnh Minh Hoạ"), SQLBind("UBND TỈNH MINH HOẠ"), SQLBind("Minh Hoạ"), SQLBind(true), SQLBind(Date()))
                .run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PeriodDecisionModel.schema).delete()
        try await database.schema(InstallationIdentityModel.schema).delete()
    }
}
