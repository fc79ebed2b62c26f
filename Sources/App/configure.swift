import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import SQLKit
import Vapor

/// Sets up the database (SQLite by default, PostgreSQL when `DATABASE_URL`
/// is set), migrations, middleware and routes.
public func configure(_ app: Application, settings: Settings = Settings()) async throws {
    app.settings = settings
    if let url = settings.databaseURL {
        try PostgresPool.start(url: url, on: app)
        app.writeGate = nil
    } else {
        try FileManager.default.createDirectory(atPath: settings.dataDirectory, withIntermediateDirectories: true)
        // Readers run side by side in WAL mode; writers queue at the write gate.
        app.databases.use(.sqlite(.file(settings.sqlitePath), maxConnectionsPerEventLoop: 3), as: .sqlite)
        app.writeGate = WriteGate()
        // WAL: readers never wait for the writer; the setting stays with the file.
        if let sql = app.db as? any SQLDatabase {
            try await sql.raw("PRAGMA journal_mode=WAL").run()
        }
    }
    app.migrations.add(Migrations.all)

    app.serverSecrets = ServerSecrets()
    app.refusalBudget = RefusalLog.Budget()
    app.middleware = Middlewares()
    // MultipartKit's parser traps on some hostile headers: every multipart body is checked first.
    ContentConfiguration.global.use(decoder: LimitedTextDecoder(base: GuardedFormDataDecoder()), for: .formData)
    // Every text a form or a JSON body carries is held to its limit (Support/Limits.swift).
    ContentConfiguration.global.use(decoder: LimitedTextDecoder(base: URLEncodedFormDecoder()), for: .urlEncodedForm)
    ContentConfiguration.global.use(decoder: LimitedTextDecoder(base: JSONDecoder.custom(dates: .iso8601)), for: .json)
    ContentConfiguration.global.use(decoder: LimitedTextDecoder(base: JSONDecoder.custom(dates: .iso8601)), for: .jsonAPI)
    app.middleware.use(SecurityHeaders()) // outermost: error pages get the headers too
    _ = app.identityCache // one cache, made before requests share it
    app.middleware.use(IdentityRefresh())
    app.middleware.use(ErrorPages())
    app.middleware.use(UpgradeRefusal()) // from the head alone: nothing waits for the body
    app.middleware.use(MultipartBoundaryCheck()) // before anything reads a body
    app.middleware.use(SessionAuthentication())
    app.routes.defaultMaxBodySize = "2mb"
    // A connection that sends and receives nothing for two minutes is closed (a slow client holds no memory for ever).
    app.http.server.configuration.idleTimeout = .seconds(120)

    try routes(app)
}
