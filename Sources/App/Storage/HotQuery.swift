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
    static var text: String { get }
    var values: [HotValue] { get }
}

/// A value bound to a ``HotQuery``.
enum HotValue: Sendable {
    case uuid(UUID)
    case text(String)
}

extension HotQuery {
    static var sql: String { text }

    func makeBindings() throws -> PostgresBindings {
        var bindings = PostgresBindings(capacity: values.count)
        for value in values {
            switch value {
            case let .uuid(uuid): bindings.append(uuid)
            case let .text(text): bindings.append(text)
            }
        }
        return bindings
    }

    func decodeRow(_ row: PostgresRow) throws -> Columns { Columns(postgres: row) }

    fileprivate var sqliteValues: [SQLiteData] {
        values.map { value in
            switch value {
            case let .uuid(uuid): .text(uuid.uuidString)
            case let .text(text): .text(text)
            }
        }
    }
}

extension Request {
    /// The rows of `query`, on the app's database, outside any transaction.
    func rows<Query: HotQuery>(_ query: Query) async throws -> [Columns] {
        if let postgres = application.postgres {
            var rows: [Columns] = []
            for try await row in try await postgres.execute(query) { rows.append(row) }
            return rows
        }
        guard let sqlite = db as? any SQLiteDatabase else {
            throw Abort(.internalServerError, reason: "The database is neither the app's PostgreSQL pool nor SQLite")
        }
        return try await sqlite.query(Query.text, query.sqliteValues).map(Columns.init(sqlite:))
    }
}
