import Vapor

/// Configuration from environment variables, with safe defaults.
/// Every variable is listed in the README.
public struct Settings: Sendable {
    /// `DATABASE_URL`: PostgreSQL (`postgres://user:pass@host:5432/db`). When
    /// absent, SQLite in ``dataDirectory``.
    public var databaseURL: String?
    /// `CHISO_DATA_DIR`: where the SQLite file lives (default `./data`).
    public var dataDirectory: String
    /// `CHISO_SESSION_IDLE_MINUTES`: a session unused this long ends (default 30).
    public var sessionIdleTimeout: TimeInterval
    /// `CHISO_LOGIN_MAX_FAILURES` failed logins within
    /// `CHISO_LOGIN_WINDOW_MINUTES` lock an account and address out for that window (defaults 5, 15).
    public var loginMaxFailures: Int
    public var loginWindow: TimeInterval
    /// `CHISO_SECURE_COOKIES=1` marks cookies Secure (behind HTTPS).
    public var secureCookies: Bool
    /// `CHISO_UPLOAD_MAX_MB`: the largest evidence file accepted (default 20).
    public var uploadMaxBytes: Int
    /// `CHISO_TRUSTED_PROXIES`: the reverse proxies in front of the app, as addresses or CIDR blocks
    /// separated by commas (`127.0.0.1,10.0.0.0/8`). A request from one of them is taken to come from
    /// the rightmost `X-Forwarded-For` entry that is not one of them. `CHISO_TRUST_PROXY=1` trusts
    /// loopback (a proxy on the same machine). Default: none, the peer is the client.
    public var trustedProxies: [IPRange]
    /// `CHISO_API_TOKEN_DAYS`: how long a new API token lasts (default 90 days).
    public var apiTokenDays: Int
    public static let defaultAPITokenDays = 90
    /// `CHISO_IMPORT_MAX_ROWS`: the most rows one import (tasks, surveys, agencies) may have (default 20,000).
    public var importMaxRows: Int
    /// `CHISO_CHROMIUM`: the Chromium that prints PDFs (default: the first of
    /// /usr/bin/chromium, chromium-browser, google-chrome that exists).
    public var chromium: String?
    /// `CHISO_THREADS`: the event loop threads that serve requests (default: one per core). Several
    /// instances sharing a machine serve best with their shares of the cores.
    public var threads: Int

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        func number(_ key: String, _ fallback: Int) -> Int {
            environment[key].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }.map { Swift.max($0, 1) } ?? fallback
        }
        databaseURL = environment["DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
        dataDirectory = environment["CHISO_DATA_DIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "data"
        sessionIdleTimeout = TimeInterval(number("CHISO_SESSION_IDLE_MINUTES", 30) * 60)
        loginMaxFailures = number("CHISO_LOGIN_MAX_FAILURES", 5)
        loginWindow = TimeInterval(number("CHISO_LOGIN_WINDOW_MINUTES", 15) * 60)
        secureCookies = ["1", "true", "yes"].contains(environment["CHISO_SECURE_COOKIES"]?.lowercased() ?? "")
        uploadMaxBytes = number("CHISO_UPLOAD_MAX_MB", 20) * 1024 * 1024
        let trustLoopback = ["1", "true", "yes"].contains(environment["CHISO_TRUST_PROXY"]?.lowercased() ?? "")
        trustedProxies = (environment["CHISO_TRUSTED_PROXIES"] ?? "").split(separator: ",").compactMap { IPRange(String($0)) }
            + (trustLoopback ? IPRange.loopback : [])
        apiTokenDays = number("CHISO_API_TOKEN_DAYS", Self.defaultAPITokenDays)
        importMaxRows = number("CHISO_IMPORT_MAX_ROWS", 20_000)
        threads = number("CHISO_THREADS", System.coreCount)
        chromium = environment["CHISO_CHROMIUM"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    public var sqlitePath: String {
        (dataDirectory as NSString).appendingPathComponent("chiso.sqlite")
    }
}

extension Application {
    private struct SettingsKey: StorageKey {
        typealias Value = Settings
    }

    public var settings: Settings {
        get { storage[SettingsKey.self] ?? Settings() }
        set { storage[SettingsKey.self] = newValue }
    }
}
