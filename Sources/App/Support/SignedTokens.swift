import Crypto
import Foundation

/// Values the server hands out and later checks it made itself: a random
/// part and its HMAC under the instances' shared key (``ServerSecrets``),
/// bound to a purpose (and, for a device, to a username) so that one kind
/// cannot stand in for another.
enum SignedTokens {
    enum Purpose: String {
        /// The login form's CSRF token (double submit, before there is a session).
        case loginCSRF = "login-csrf"
        /// A browser that has logged in to this username before.
        case knownDevice = "device"
    }

    /// `random.signature`
    static func make(_ purpose: Purpose, binding subject: String = "", key: SymmetricKey) -> String {
        let random = Sessions.randomToken()
        return random + "." + signature(purpose, random, subject, key)
    }

    /// The random part of a token this server made for this purpose and subject, or nil.
    static func verify(_ token: String, _ purpose: Purpose, binding subject: String = "", key: SymmetricKey) -> String? {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty else { return nil }
        let random = String(parts[0])
        return CSRF.equal(String(parts[1]), signature(purpose, random, subject, key)) ? random : nil
    }

    private static func signature(_ purpose: Purpose, _ random: String, _ subject: String, _ key: SymmetricKey) -> String {
        let message = purpose.rawValue + "\u{0}" + random + "\u{0}" + subject
        return Array(HMAC<SHA256>.authenticationCode(for: Array(message.utf8), using: key)).hexDigits
    }
}
