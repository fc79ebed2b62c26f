import Fluent
import Foundation
import SQLKit

/// 008: what the hardening needs. Failed logins counted per key in one row
/// each (a username, an address, a known device), updated atomically so that
/// several instances agree; secrets the instances share (the HMAC key of the
/// login form's CSRF cookie and of known-device cookies); and API tokens that
/// expire and can be revoked; an index for finding a task's extensions. The per-attempt rows of 001 are no longer read
/// or written: their table goes.
struct CreateHardening: AsyncMigration {
    var name: String { "008_CreateHardening" }

    func prepare(on database: any Database) async throws {
        try await database.schema(LoginThrottleModel.schema)
            .field("key", .string, .identifier(auto: false))
            .field("failures", .int, .required)
            .field("blocked_until", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await database.schema(ServerSecretModel.schema)
            .field("name", .string, .identifier(auto: false))
            .field("value", .string, .required)
            .create()
        // SQLite adds one column per statement.
        try await database.schema(APITokenModel.schema).field("expires_at", .datetime).update()
        try await database.schema(APITokenModel.schema).field("revoked_at", .datetime).update()
        try await database.schema(APITokenModel.schema).field("revoked_reason", .string).update()
        // Tokens made before expiry existed get the default lifetime from today.
        let sql = database as! any SQLDatabase
        try await sql.update(APITokenModel.schema)
            .set("expires_at", to: SQLBind(Date().addingTimeInterval(TimeInterval(Settings.defaultAPITokenDays) * 86400)))
            .where("expires_at", .is, SQLLiteral.null).run()
        try await database.schema("login_attempts").delete()
        // The task list finds each task's latest extension in SQL (TaskQueries).
        try await sql.create(index: "task_extensions_task").on(TaskExtensionModel.schema).column("task_id").run()
    }

    func revert(on database: any Database) async throws {
        try await (database as! any SQLDatabase).drop(index: "task_extensions_task").run()
        try await database.schema("login_attempts")
            .id()
            .field("username", .string, .required)
            .field("client_address", .string, .required)
            .field("at", .datetime, .required)
            .field("succeeded", .bool, .required)
            .create()
        try await database.schema(APITokenModel.schema).deleteField("revoked_reason").update()
        try await database.schema(APITokenModel.schema).deleteField("revoked_at").update()
        try await database.schema(APITokenModel.schema).deleteField("expires_at").update()
        try await database.schema(ServerSecretModel.schema).delete()
        try await database.schema(LoginThrottleModel.schema).delete()
    }
}
