import Foundation
import Vapor

/// The password policy and hashing (bcrypt, cost 12).
enum Passwords {
    static let minimumLength = 10

    /// Nil when acceptable; otherwise the catalogue key of the reason. Besides length and the mix of
    /// upper case, lower case and digits, a password is refused when what it is made of is guessable:
    /// a common password or word ("Matkhau@123" is "matkhau" with decoration), few distinct
    /// characters ("Aaaaaaaaaa1"), or the username, the system's name or the province.
    static func problem(_ password: String, username: String, province: String = "") -> T? {
        guard password.count <= Limits.newPassword else { return .passwordTooLong }
        let hasUpper = password.contains { $0.isUppercase }
        let hasLower = password.contains { $0.isLowercase }
        let hasDigit = password.contains { $0.isNumber }
        guard password.count >= minimumLength, hasUpper, hasLower, hasDigit else { return .passwordPolicy }
        if Set(password.lowercased()).count < 5 { return .passwordRepetitive }
        let letters = CommonPasswords.letters(of: password)
        let nameParts = username.split(whereSeparator: { !$0.isLetter }).map { CommonPasswords.letters(of: String($0)) }
        let personal = [CommonPasswords.letters(of: username), "chiso"] + nameParts.filter { $0.count >= 4 }
            + CommonPasswords.placeWords(province)
        if personal.contains(where: { $0.count >= 3 && letters.contains($0) }) { return .passwordPersonal }
        if CommonPasswords.isCommon(password) || letters.count < 4 || CommonPasswords.words.contains(letters) {
            return .passwordCommon
        }
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
