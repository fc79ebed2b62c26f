import Foundation
import Vapor

/// A browser that has logged in to an account: after a correct password it
/// gets a signed cookie naming a random device and that username. Its later
/// attempts on that username are throttled on the device alone
/// (``LoginThrottle``), so that guesses from elsewhere cannot lock the
/// officer out of their own account on deadline day.
enum KnownDevice {
    static let cookieName = "chiso_device"
    static let lifetime: TimeInterval = 365 * 86400

    /// The device's id, when the request carries this server's device cookie for `username`.
    static func id(in request: Request, for username: String) -> String? {
        guard let value = request.cookies[cookieName]?.string, let key = request.application.serverSecrets.key else { return nil }
        return SignedTokens.verify(value, .knownDevice, binding: username, key: key)
    }

    /// A new device cookie for `username` (nil while the shared key is not loaded).
    static func cookie(for username: String, on request: Request) -> HTTPCookies.Value? {
        guard let key = request.application.serverSecrets.key else { return nil }
        return HTTPCookies.Value(string: SignedTokens.make(.knownDevice, binding: username, key: key),
                                 expires: Date().addingTimeInterval(lifetime), path: "/",
                                 isSecure: request.application.settings.secureCookies, isHTTPOnly: true, sameSite: .strict)
    }
}
