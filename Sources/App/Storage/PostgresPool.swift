import FluentPostgresDriver
import Foundation
import Vapor

/// The app's PostgreSQL connections: one `PostgresClient` (PostgresNIO's own
/// pool, all async) shared by Fluent and by the hot queries, which run on it
/// as named prepared statements (see ``HotQuery``). The client runs in a task
/// of its own from configuration to shutdown.
enum PostgresPool {
    /// The client's configuration from a `DATABASE_URL` such as
    /// `postgres://user:password@host:5432/database?sslmode=require`
    /// (`sslmode` / `tlsmode`: `disable`, `prefer`, the default, or `require`).
    static func configuration(url text: String, connections: Int) throws -> PostgresClient.Configuration {
        guard let url = URLComponents(string: text), ["postgres", "postgresql", "postgres+tcp", "postgresql+tcp"].contains(url.scheme ?? ""),
              let host = url.host, !host.isEmpty, let username = url.user
        else { throw PostgresPoolError.badURL }
        let mode = url.queryItems?.last(where: { ["sslmode", "tlsmode", "ssl", "tls"].contains($0.name.lowercased()) })?.value ?? "prefer"
        let tls: PostgresClient.Configuration.TLS
        switch mode {
        case "disable", "false": tls = .disable
        case "prefer", "allow", "true": tls = .prefer(.makeClientConfiguration())
        case "require", "verify-ca", "verify-full": tls = .require(.makeClientConfiguration())
        default: throw PostgresPoolError.badTLSMode(mode)
        }
        let database = url.path.split(separator: "/").first.map(String.init)
        var configuration = PostgresClient.Configuration(host: host, port: url.port ?? 5432, username: username,
                                                         password: url.password, database: database, tls: tls)
        configuration.options.maximumConnections = connections
        return configuration
    }

    /// Makes the client, starts it and registers it with Fluent; it stops when `app` shuts down.
    static func start(url: String, on app: Application) throws {
        // Four connections per core: a transaction holds one while other requests go on.
        let client = PostgresClient(configuration: try configuration(url: url, connections: 4 * System.coreCount),
                                    eventLoopGroup: app.eventLoopGroup, backgroundLogger: app.logger)
        let running = Task { await client.run() }
        app.lifecycle.use(Stopper(running: running))
        app.postgres = client
        app.databases.use(.postgres(client: client, logger: app.logger), as: .psql)
    }

    /// Cancels the client's task at shutdown (which closes its connections) and waits for it.
    private struct Stopper: LifecycleHandler {
        let running: Task<Void, Never>

        func shutdownAsync(_ application: Application) async {
            running.cancel()
            await running.value
        }
    }
}

enum PostgresPoolError: Error, CustomStringConvertible {
    case badURL
    case badTLSMode(String)

    var description: String {
        switch self {
        case .badURL: "DATABASE_URL must look like postgres://user:password@host:5432/database"
        case let .badTLSMode(mode): "DATABASE_URL: unknown sslmode '\(mode)' (disable, prefer or require)"
        }
    }
}

extension Application {
    private struct PostgresKey: StorageKey {
        typealias Value = PostgresClient
    }

    /// Set when the database is PostgreSQL.
    var postgres: PostgresClient? {
        get { storage[PostgresKey.self] }
        set { storage[PostgresKey.self] = newValue }
    }
}
