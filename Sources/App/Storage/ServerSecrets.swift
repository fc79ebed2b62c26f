import Crypto
import Fluent
import Foundation
import NIOConcurrencyHelpers
import SQLKit
import Vapor

/// The HMAC key every app instance signs with (the login form's CSRF cookie,
/// known-device cookies). It lives in the database, made once by whichever
/// instance needs it first, so that a cookie signed by one instance is
/// accepted by the others; each instance reads it once and keeps it.
final class ServerSecrets: Sendable {
    private let cached = NIOLockedValueBox<SymmetricKey?>(nil)
    static let hmacName = "hmac"

    /// The key, when it was loaded (by ``load(on:)``, which every request's middleware calls).
    var key: SymmetricKey? { cached.withLockedValue { $0 } }

    /// Reads the key, creating it if no instance has yet.
    func load(on request: Request) async throws {
        if key != nil { return }
        let fresh = Sessions.randomToken() + Sessions.randomToken()
        try await request.write { db in
            try await (db as! any SQLDatabase).raw("""
                INSERT INTO \(unsafeRaw: ServerSecretModel.schema) ("name", "value") VALUES (\(bind: Self.hmacName), \(bind: fresh)) \
                ON CONFLICT ("name") DO NOTHING
                """).run()
        }
        guard let stored = try await ServerSecretModel.find(Self.hmacName, on: request.db) else { return }
        cached.withLockedValue { $0 = SymmetricKey(data: Array(stored.value.utf8)) }
    }
}

extension Application {
    private struct ServerSecretsKey: StorageKey { typealias Value = ServerSecrets }

    /// Made once in `configure`, shared by every request of this instance.
    var serverSecrets: ServerSecrets {
        get { storage[ServerSecretsKey.self] ?? ServerSecrets() }
        set { storage[ServerSecretsKey.self] = newValue }
    }
}
