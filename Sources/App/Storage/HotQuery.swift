import FluentPostgresDriver
import Foundation
import SQLiteKit
import SQLiteNIO
import Vapor

/// One of the queries that every page view or leaf save runs (the session,
/// the assessment, its entries and evidence). It is written once, as SQL text
/// that SQLite and PostgreSQL read alike, its values named `$1`, `$2`, …,
/// each first used in that order (SQLite numbers such names by first use).
///
/// On PostgreSQL it runs as a named prepared statement on the app's
/// ``PostgresPool``: parsed and planned once per connection, where an
/// unnamed statement was parsed and planned on every request (that planning
/// was a third of the database's CPU on the deadline day), and its rows are
/// read with PostgresNIO's typed decoding rather than through SQLKit.
protocol HotQuery: PostgresPreparedStatement where Row == Columns {
    /// The prepared statement's name: short and unique. PostgreSQL keeps only the first 63 bytes of
    /// a name, and PostgresNIO's default (the type's full name) is longer for a nested private type,
    /// so two statements could end up sharing one.
    static var name: String { get }
    static var text: String { get }
    var values: [HotValue] { get }
}

/// A value bound to a ``HotQuery``.
enum HotValue: Sendable {
    case uuid(UUID?)
    case text(String?)
    case int(Int)
    case date(Date)
}

extension HotQuery {
    static var sql: String { text }

    func makeBindings() throws -> PostgresBindings {
        var bindings = PostgresBindings(capacity: values.count)
        append(to: &bindings)
        return bindings
    }

    /// This query's values, after those already in `bindings`.
    func append(to bindings: inout PostgresBindings) {
        for value in values {
            switch value {
            case let .uuid(uuid): bindings.append(uuid)
            case let .text(text): bindings.append(text)
            case let .int(number): bindings.append(number)
            case let .date(date): bindings.append(date)
            }
        }
    }

    func decodeRow(_ row: PostgresRow) throws -> Columns { Columns(postgres: row) }

    /// The rows of this query on SQLite: the app's database, or a transaction's.
    func rows(onSQLite db: any Database) async throws -> [Columns] {
        guard let sqlite = db as? any SQLiteDatabase else {
            throw Abort(.internalServerError, reason: "The database is neither the app's PostgreSQL pool nor SQLite")
        }
        // As SQLKit binds them (UUIDs as their text, dates as SQLiteKit stores them).
        let encoder = SQLiteDataEncoder()
        let binds = try values.map { value -> SQLiteData in
            switch value {
            case let .uuid(uuid): uuid.map { .text($0.uuidString) } ?? .null
            case let .text(text): text.map { .text($0) } ?? .null
            case let .int(number): .integer(number)
            case let .date(date): try encoder.encode(date)
            }
        }
        return try await sqlite.query(Self.text, binds).map(Columns.init(sqlite:))
    }
}

/// The app's database as the hot queries use it: PostgreSQL's pool, where they run as prepared
/// statements, or SQLite.
struct HotDatabase: Sendable {
    let db: any Database
    let postgres: PostgresClient?

    /// The rows of `query`, outside any transaction.
    func rows<Query: HotQuery>(_ query: Query) async throws -> [Columns] {
        if let postgres {
            var rows: [Columns] = []
            for try await row in try await postgres.execute(query) { rows.append(row) }
            return rows
        }
        return try await query.rows(onSQLite: db)
    }
}

extension Request {
    var hot: HotDatabase { HotDatabase(db: db, postgres: application.postgres) }

    /// The rows of `query`, on the app's database, outside any transaction.
    func rows<Query: HotQuery>(_ query: Query) async throws -> [Columns] {
        try await hot.rows(query)
    }
}

extension Application {
    var hot: HotDatabase { HotDatabase(db: db, postgres: postgres) }
}
