import Fluent
import Foundation
import SQLKit
import Vapor

/// Slows password guessing without letting an outsider lock anyone out.
///
/// Each key (a username, a client address, or a device that has logged in
/// to that username before) counts its failed logins in one row of
/// `login_throttles`. The first `free` failures cost nothing; after that
/// each one makes the key wait, doubling from ``baseDelay`` up to the
/// configured window (`CHISO_LOGIN_WINDOW_MINUTES`). A key left alone for a
/// day starts again from zero.
///
/// An attempt is *claimed* before the password is checked: one statement
/// counts it as a failure and sets the wait, and only if the key is not
/// waiting already. So concurrent attempts on one key are counted one by one,
/// in the database, and several instances agree; a correct password then
/// takes its own count back.
///
/// A browser that has logged in to an account before carries a signed
/// device cookie (``KnownDevice``) and is throttled on that device alone:
/// someone guessing an officer's password from elsewhere slows down their
/// own attempts, not the officer's.
enum LoginThrottle {
    /// What an attempt is counted against.
    enum Key: Sendable, Hashable {
        case username(String)
        case address(String)
        case device(String)

        var text: String {
            switch self {
            case let .username(name): "user:" + name
            case let .address(address): "addr:" + address
            case let .device(id): "device:" + id
            }
        }

        /// Addresses are shared (an office behind one NAT): they get more free failures.
        func freeFailures(_ settings: Settings) -> Int {
            if case .address = self { return settings.loginMaxFailures * 4 }
            return settings.loginMaxFailures
        }
    }

    /// The first wait, doubled at each further failure.
    static let baseDelay: TimeInterval = 30
    /// A key untouched this long starts again from zero.
    static let forgetAfter: TimeInterval = 24 * 3600

    /// How long a key must wait after `failures` failures (0 while they are free).
    static func delay(afterFailures failures: Int, free: Int, cap: TimeInterval) -> TimeInterval {
        guard failures >= free else { return 0 }
        let doublings = min(failures - free, 20)
        return min(cap, baseDelay * pow(2, Double(doublings)))
    }

    enum Claim: Sendable, Equatable {
        /// The attempt may go on.
        case allowed
        /// The key waits until this moment: the password is not checked.
        case waiting(Key, until: Date)
    }

    /// Counts the attempt against each key in turn, stopping at the first that must wait.
    /// (A username that must wait still counts against the address it was tried from.)
    static func claim(_ keys: [Key], now: Date = Date(), on request: Request) async throws -> Claim {
        let settings = request.application.settings
        for key in keys {
            if let until = try await claim(key, now: now, settings: settings, on: request) {
                return .waiting(key, until: until)
            }
        }
        return .allowed
    }

    /// One key: nil when the attempt was counted, or the moment the key must wait for.
    private static func claim(_ key: Key, now: Date, settings: Settings, on request: Request) async throws -> Date? {
        let free = key.freeFailures(settings)
        let cap = settings.loginWindow
        // The wait after the new count, as a CASE over that count: the schedule is short, so it is
        // written out rather than computed with SQL functions the two databases spell differently.
        var schedule = SQLQueryString("CASE")
        let longest = free + Int((log2(cap / baseDelay)).rounded(.up))
        schedule.appendInterpolation(unsafeRaw: " WHEN \(Self.newCount) >= \(longest) THEN ")
        schedule.appendInterpolation(bind: now.addingTimeInterval(delay(afterFailures: longest, free: free, cap: cap)))
        if longest > free {
            for count in stride(from: longest - 1, through: free, by: -1) {
                schedule.appendInterpolation(unsafeRaw: " WHEN \(Self.newCount) = \(count) THEN ")
                schedule.appendInterpolation(bind: now.addingTimeInterval(delay(afterFailures: count, free: free, cap: cap)))
            }
        }
        schedule.appendInterpolation(unsafeRaw: " ELSE ")
        schedule.appendInterpolation(bind: now)
        schedule.appendInterpolation(unsafeRaw: " END")
        let firstWait = now.addingTimeInterval(delay(afterFailures: 1, free: free, cap: cap))
        let stale = now.addingTimeInterval(-forgetAfter)
        let table = LoginThrottleModel.schema
        let statement: SQLQueryString = """
            INSERT INTO \(unsafeRaw: table) ("key", "failures", "blocked_until", "updated_at") \
            VALUES (\(bind: key.text), 1, \(bind: firstWait), \(bind: now)) \
            ON CONFLICT ("key") DO UPDATE SET \
            "failures" = CASE WHEN \(unsafeRaw: table)."updated_at" < \(bind: stale) THEN 1 ELSE \(unsafeRaw: table)."failures" + 1 END, \
            "blocked_until" = CASE WHEN \(unsafeRaw: table)."updated_at" < \(bind: stale) THEN \(bind: firstWait) ELSE \(schedule) END, \
            "updated_at" = \(bind: now) \
            WHERE \(unsafeRaw: table)."blocked_until" <= \(bind: now) \
            RETURNING "failures"
            """
        let counted = try await request.write { db in
            try await !(db as! any SQLDatabase).raw(statement).all().isEmpty
        }
        if counted { return nil }
        let row = try await LoginThrottleModel.find(key.text, on: request.db)
        return row?.blockedUntil ?? now
    }

    /// The count that the update would give (used inside the CASE of the wait).
    private static let newCount = "(\(LoginThrottleModel.schema).\"failures\" + 1)"

    /// A correct password: the username's and the device's failures are forgotten, and the attempt
    /// counted against the address is taken back.
    static func succeeded(_ keys: [Key], settings: Settings, now: Date = Date(), on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        for key in keys {
            if case .address = key {
                // Back below the free failures, the address no longer waits.
                try await sql.raw("""
                    UPDATE \(unsafeRaw: LoginThrottleModel.schema) SET "failures" = "failures" - 1, \
                    "blocked_until" = CASE WHEN "failures" - 1 < \(literal: key.freeFailures(settings)) THEN \(bind: now) \
                    ELSE "blocked_until" END \
                    WHERE "key" = \(bind: key.text) AND "failures" > 0
                    """).run()
            } else {
                try await LoginThrottleModel.query(on: db).filter(\.$id == key.text).delete()
            }
        }
    }
}
