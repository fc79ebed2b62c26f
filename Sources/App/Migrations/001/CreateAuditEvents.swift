import Fluent
import SQLKit

/// 001: the audit log, append-only. The database itself refuses to update
/// or delete a row (a trigger on SQLite and on PostgreSQL), so no code path
/// can rewrite history.
struct CreateAuditEvents: AsyncMigration {
    var name: String { "001_CreateAuditEvents" }

    func prepare(on database: any Database) async throws {
        try await database.schema(AuditEventModel.schema)
            .id()
            .field("at", .datetime, .required)
            .field("user_id", .uuid, .references(UserModel.schema, .id))
            .field("username", .string, .required)
            .field("action", .string, .required)
            .field("target_type", .string, .required)
            .field("target", .string, .required)
            .field("before", .string)
            .field("after", .string)
            .field("client_address", .string, .required)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        if sql.dialect.name == "sqlite" {
            for operation in ["UPDATE", "DELETE"] {
                try await sql.raw("""
                CREATE TRIGGER audit_events_no_\(unsafeRaw: operation.lowercased()) BEFORE \(unsafeRaw: operation) ON audit_events
                BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END
                """).run()
            }
        } else {
            try await sql.raw("""
            CREATE FUNCTION audit_events_append_only() RETURNS trigger AS $$
            BEGIN RAISE EXCEPTION 'audit_events is append-only'; END; $$ LANGUAGE plpgsql
            """).run()
            try await sql.raw("""
            CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
            FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()
            """).run()
        }
        try await sql.raw("CREATE INDEX audit_events_at ON audit_events (at)").run()
    }

    func revert(on database: any Database) async throws {
        if let sql = database as? any SQLDatabase, sql.dialect.name != "sqlite" {
            try await sql.raw("DROP TRIGGER IF EXISTS audit_events_append_only ON audit_events").run()
            try await sql.raw("DROP FUNCTION IF EXISTS audit_events_append_only()").run()
        }
        try await database.schema(AuditEventModel.schema).delete()
    }
}
