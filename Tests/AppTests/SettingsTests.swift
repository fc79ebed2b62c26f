import Testing
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
    }
}
