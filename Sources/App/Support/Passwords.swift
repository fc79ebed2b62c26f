import Foundation
import Vapor

/// The password policy and hashing (bcrypt, cost 12).
enum Passwords {
    static let minimumLength = 10

    /// Nil when acceptable; otherwise the catalogue key of the reason.
    static func problem(_ password: String, username: String) -> T? {
        let hasUpper = password.contains { $0.isUppercase }
        let hasLower = password.contains { $0.isLowercase }
        let hasDigit = password.contains { $0.isNumber }
        guard password.count >= minimumLength, hasUpper, hasLower, hasDigit,
              password.lowercased() != username.lowercased(),
              !password.lowercased().contains(username.lowercased()) || username.count < 4
        else { return .passwordPolicy }
        return nil
    }

    static func hash(_ password: String, cost: Int = 12) throws -> String {
        try Bcrypt.hash(password, cost: cost)
    }

    static func verify(_ password: String, hash: String) -> Bool {
        (try? Bcrypt.verify(password, created: hash)) ?? false
    }

    /// A random password that meets the policy, for resets by an admin.
    static func temporary() -> String {
        let letters = Array("abcdefghijkmnpqrstuvwxyz"), upper = Array("ABCDEFGHJKLMNPQRSTUVWXYZ"), digits = Array("23456789")
        var generator = SystemRandomNumberGenerator()
        var characters: [Character] = []
        for _ in 0..<6 { characters.append(letters.randomElement(using: &generator)!) }
        for _ in 0..<3 { characters.append(upper.randomElement(using: &generator)!) }
        for _ in 0..<3 { characters.append(digits.randomElement(using: &generator)!) }
        return String(characters.shuffled(using: &generator))
    }
}
