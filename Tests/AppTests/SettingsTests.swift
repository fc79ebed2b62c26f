import Testing
import Vapor
@testable import App

@Suite("Settings from the environment")
struct SettingsTests {
    @Test func defaults() {
        let settings = Settings(environment: [:])
        #expect(settings.databaseURL == nil)
        #expect(settings.sqlitePath == "data/chiso.sqlite")
        #expect(settings.sessionIdleTimeout == 30 * 60)
        #expect(settings.loginMaxFailures == 5)
        #expect(settings.uploadMaxBytes == 20 * 1024 * 1024)
        #expect(!settings.secureCookies)
        #expect(settings.threads == System.coreCount)
    }

    @Test func overrides() {
        let settings = Settings(environment: [
            "DATABASE_URL": "postgres://u:p@localhost/chiso", "CHISO_DATA_DIR": "/tmp/x", "CHISO_SESSION_IDLE_MINUTES": "5",
            "CHISO_LOGIN_MAX_FAILURES": "0", "CHISO_SECURE_COOKIES": "1", "CHISO_UPLOAD_MAX_MB": "abc",
        ])
        #expect(settings.databaseURL == "postgres://u:p@localhost/chiso")
        #expect(settings.sqlitePath == "/tmp/x/chiso.sqlite")
        #expect(settings.sessionIdleTimeout == 300)
        #expect(settings.loginMaxFailures == 1) // never 0: that would lock everyone out
        #expect(settings.secureCookies)
        #expect(settings.uploadMaxBytes == 20 * 1024 * 1024) // not a number: the default
        #expect(Settings(environment: ["CHISO_THREADS": "1"]).threads == 1)
        #expect(Settings(environment: ["CHISO_THREADS": "0"]).threads == 1)
    }

    @Test("DATABASE_URL becomes the PostgreSQL pool's configuration; a bad one is refused with what it should look like")
    func postgresURL() throws {
        let configuration = try PostgresPool.configuration(url: "postgres://chiso:b%C3%AD%20m%E1%BA%ADt@db.example:6543/chiso_prod?sslmode=disable",
                                                           connections: 8)
        #expect(configuration.host == "db.example")
        #expect(configuration.port == 6543)
        #expect(configuration.username == "chiso")
        #expect(configuration.password == "bí mật")
        #expect(configuration.database == "chiso_prod")
        #expect(configuration.options.maximumConnections == 8)
        let plain = try PostgresPool.configuration(url: "postgresql://u@localhost", connections: 2)
        #expect(plain.port == 5432 && plain.database == nil && plain.password == nil)
        for bad in ["mysql://u:p@localhost/x", "postgres://localhost/x", "not a url", "postgres://u@/x"] {
            #expect(throws: PostgresPoolError.self) { try PostgresPool.configuration(url: bad, connections: 1) }
        }
        #expect(throws: PostgresPoolError.self) { try PostgresPool.configuration(url: "postgres://u@h/x?sslmode=sometimes", connections: 1) }
    }
}
