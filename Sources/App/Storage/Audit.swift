import Fluent
import FluentPostgresDriver
import Foundation
import SQLKit
import Vapor

/// Appends to the audit log, inside the transaction of the change it records.
enum Audit {
    /// Who did it and from where.
    struct Origin: Sendable {
        var userID: UUID?
        var username: String
        var clientAddress: String

        static let system = Origin(userID: nil, username: "system", clientAddress: "-")
    }

    /// One row of the log.
    struct Event: Sendable {
        var id = UUID()
        var at = Date()
        var origin: Origin
        var action: String
        var targetType: String
        var target: String
        var before: [String: String]?
        var after: [String: String]?

        /// The table and its columns, for an INSERT: `audit_events ("id", …)`.
        static let insertInto = """
            \(AuditEventModel.schema) ("id", "at", "user_id", "username", "action", "target_type", "target", "before", "after", "client_address")
            """

        /// On PostgreSQL, for a statement that writes this row with the change it records: the values as
        /// `$first::uuid, …` (typed: they are selected, not inserted directly), bound by ``append(to:)``.
        static func postgresValues(from first: Int) -> String {
            ["uuid", "timestamptz", "uuid", "text", "text", "text", "text", "text", "text", "text"].enumerated()
                .map { "$\(first + $0.offset)::\($0.element)" }.joined(separator: ", ")
        }

        func append(to bindings: inout PostgresBindings) {
            bindings.append(id)
            bindings.append(at)
            bindings.append(origin.userID)
            bindings.append(origin.username)
            bindings.append(action)
            bindings.append(targetType)
            bindings.append(target)
            bindings.append(before.map(json))
            bindings.append(after.map(json))
            bindings.append(origin.clientAddress)
        }
    }

    /// Writes `change` (a statement ending `RETURNING id`) and, only if it wrote a row, `event` with it:
    /// false when it wrote none. On PostgreSQL as one statement, atomic without BEGIN and COMMIT round
    /// trips (`WITH changed AS (change) INSERT INTO audit_events … FROM changed`); on SQLite as two, in
    /// a transaction behind the write gate.
    static func write<Change: HotQuery>(_ change: Change, recording event: Event, on request: Request) async throws -> Bool {
        if let postgres = request.application.postgres {
            var written = false
            for try await _ in try await postgres.execute(WithChange(change: change, event: event)) { written = true } // read to the end
            return written
        }
        return try await request.write { db in
            guard try await !change.rows(onSQLite: db).isEmpty else { return false }
            try await record(event, on: db)
            return true
        }
    }

    /// A change and its audit row as one PostgreSQL statement: the row's values follow the change's.
    private struct WithChange<Change: HotQuery>: PostgresPreparedStatement {
        static var name: String { "audited_" + Change.name }
        static var sql: String {
            """
            WITH changed AS (\(Change.text)) INSERT INTO \(Event.insertInto) \
            SELECT \(Event.postgresValues(from: highestPlaceholder(in: Change.text) + 1)) FROM changed RETURNING id
            """
        }
        let change: Change
        let event: Event

        func makeBindings() throws -> PostgresBindings {
            var bindings = PostgresBindings(capacity: change.values.count + 10)
            change.append(to: &bindings)
            event.append(to: &bindings)
            return bindings
        }

        func decodeRow(_ row: PostgresRow) throws {}
    }

    /// The largest `n` of the `$n` in `text` (0 when there is none).
    static func highestPlaceholder(in text: String) -> Int {
        var highest = 0, number: Int?
        for character in text.utf8 {
            if character == UInt8(ascii: "$") {
                number = 0
            } else if let digits = number, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(character) {
                number = digits * 10 + Int(character - UInt8(ascii: "0"))
                highest = max(highest, number!)
            } else {
                number = nil
            }
        }
        return highest
    }

    static func record(
        on database: any Database, _ origin: Origin, action: String, targetType: String, target: String,
        before: [String: String]? = nil, after: [String: String]? = nil, at: Date = Date()
    ) async throws {
        try await record(Event(at: at, origin: origin, action: action, targetType: targetType, target: target, before: before, after: after),
                         on: database)
    }

    static func record(_ event: Event, on database: any Database) async throws {
        // One INSERT written as SQL text (no model, no builder): every save on the deadline day writes one of these.
        try await (database as! any SQLDatabase).raw("""
            INSERT INTO \(unsafeRaw: Event.insertInto) \
            VALUES (\(bind: event.id), \(bind: event.at), \(bind: event.origin.userID), \(bind: event.origin.username), \(bind: event.action), \
            \(bind: event.targetType), \(bind: event.target), \(bind: event.before.map(json)), \(bind: event.after.map(json)), \
            \(bind: event.origin.clientAddress))
            """).run()
    }

    /// Many rows in one INSERT per batch of 300 (an import's thousands of events).
    static func record(_ events: [Event], on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        var start = 0
        while start < events.count {
            let batch = events[start..<min(start + 300, events.count)]
            start += 300
            var statement: SQLQueryString = "INSERT INTO \(unsafeRaw: Event.insertInto) VALUES "
            for (number, event) in batch.enumerated() {
                statement.appendInterpolation(unsafeRaw: number == 0 ? "(" : ", (")
                statement.appendInterpolation(binds: [event.id, event.at, event.origin.userID, event.origin.username, event.action,
                                                      event.targetType, event.target, event.before.map(json), event.after.map(json),
                                                      event.origin.clientAddress])
                statement.appendInterpolation(unsafeRaw: ")")
            }
            try await sql.raw(statement).run()
        }
    }

    /// Only the fields that changed, before and after.
    static func difference(_ before: [String: String], _ after: [String: String]) -> (before: [String: String], after: [String: String]) {
        var changedBefore: [String: String] = [:], changedAfter: [String: String] = [:]
        for key in Set(before.keys).union(after.keys) where before[key] != after[key] {
            changedBefore[key] = before[key] ?? ""
            changedAfter[key] = after[key] ?? ""
        }
        return (changedBefore, changedAfter)
    }

    /// `{"key":"value",…}`, keys sorted. Written here rather than by `JSONEncoder`, whose set-up
    /// cost every audited save paid; ``fields(_:)`` reads it back.
    static func json(_ fields: [String: String]) -> String {
        var out: [UInt8] = [UInt8(ascii: "{")]
        for (number, key) in fields.keys.sorted().enumerated() {
            if number > 0 { out.append(UInt8(ascii: ",")) }
            appendJSONString(key, to: &out)
            out.append(UInt8(ascii: ":"))
            appendJSONString(fields[key]!, to: &out)
        }
        out.append(UInt8(ascii: "}"))
        return String(decoding: out, as: UTF8.self)
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped, the rest as UTF-8.
    private static func appendJSONString(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case UInt8(ascii: "\n"): out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case UInt8(ascii: "\r"): out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case UInt8(ascii: "\t"): out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0..<0x20: out += Array("\\u00\([byte].hexDigits)".utf8)
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    static func fields(_ text: String?) -> [String: String] {
        guard let text, let data = text.data(using: .utf8) else { return [:] }
        return (try? JSONDecoder().decode([String: String].self, from: data)) ?? [:]
    }
}

extension Request {
    var auditOrigin: Audit.Origin {
        if let user = currentUser {
            return Audit.Origin(userID: user.id, username: user.username, clientAddress: clientAddress)
        }
        return Audit.Origin(userID: nil, username: "-", clientAddress: clientAddress)
    }
}
