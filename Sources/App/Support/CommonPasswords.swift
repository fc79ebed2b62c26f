import Foundation

/// The small list of guessable passwords shipped with the app: the commonest
/// passwords worldwide and in Vietnam, and the words they are built from.
/// A password is compared by what is left of it without case, accents,
/// digits, symbols and look-alike digits ("M@tkh4u-2026" is "matkhau").
enum CommonPasswords {
    /// Words that, decorated with digits and symbols, make the commonest passwords.
    static let words: Set<String> = [
        "password", "passw", "passwd", "pass", "matkhau", "mk", "admin", "administrator", "root", "user", "login", "guest",
        "qwerty", "qwertyuiop", "asdf", "asdfgh", "asdfghjkl", "zxcvbn", "zxcvbnm", "qwe", "qweasd", "qazwsx", "abc", "abcd",
        "abcde", "abcdef", "abcdefg", "abcdefgh", "abcdefghij", "aaaa", "xyz",
        "iloveyou", "loveyou", "love", "lover", "anhyeuem", "emyeuanh", "yeuem", "yeuanh", "toiyeuem", "anhyeuemnhieu",
        "welcome", "letmein", "hello", "hellohello", "xinchao", "chaoban", "trustno", "changeme", "secret", "default",
        "dragon", "monkey", "football", "baseball", "soccer", "master", "sunshine", "princess", "superman", "batman", "shadow",
        "michael", "jennifer", "jordan", "hunter", "ranger", "buster", "thomas", "tigger", "charlie", "freedom", "whatever",
        "starwars", "pokemon", "computer", "internet", "google", "samsung", "iphone", "apple", "microsoft", "windows",
        "vietnam", "vietnamese", "hanoi", "saigon", "hochiminh", "danang", "haiphong", "cantho", "hue",
        "nguyen", "tran", "pham", "hoang", "huynh", "phan", "dang", "bui", "ngo", "duong", "vietnamoi", "ngocanh", "thanhhuong",
        "conga", "concho", "conmeo", "hoahong", "muaxuan", "baby", "babyboy", "babygirl", "angel", "flower",
        "company", "office", "congty", "vanphong", "coquan", "ubnd", "ubndtinh", "sonoivu", "noivu", "thamdinh", "danhgia",
        "chiso", "chisocchc", "caicach", "hanhchinh", "caicachhanhchinh", "test", "testing", "demo", "sample", "example",
    ]

    /// Whole passwords too common to allow even when they pass the other rules.
    static let passwords: Set<String> = [
        "password1", "password12", "password123", "password1234", "passw0rd", "p@ssw0rd", "p@ssword1", "matkhau123",
        "matkhau@123", "admin@123", "admin12345", "qwerty123", "qwerty12345", "abc@12345", "abcd@1234", "123456789a",
        "1234567890a", "a123456789", "aa123456789", "iloveyou123", "anhyeuem123", "welcome123", "welcome@123",
        "changeme123", "vietnam123", "vietnam@123", "hanoi123456", "chiso@2026", "chiso@2025", "chiso2026",
    ]

    static func isCommon(_ password: String) -> Bool {
        passwords.contains(password.lowercased())
    }

    /// The letters of `text`, lower case, without accents, digits that stand for letters read as those letters.
    static func letters(of text: String) -> String {
        let lookalikes: [Character: Character] = ["0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b",
                                                  "@": "a", "$": "s", "!": "i"]
        let plain = text.lowercased().replacingOccurrences(of: "đ", with: "d")
            .folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        // Look-alike digits count only between letters ("m4tkhau"), not as the usual trailing number.
        let characters = Array(plain)
        var out = ""
        for (index, character) in characters.enumerated() {
            if character.isASCII, character.isLetter {
                out.append(character)
            } else if let letter = lookalikes[character], index > 0, index < characters.count - 1,
                      characters[index - 1].isLetter || lookalikes[characters[index - 1]] != nil,
                      characters[index + 1].isLetter {
                out.append(letter)
            }
        }
        return out
    }

    /// The province's name as a password might hold it ("Tỉnh Minh Hoạ" gives "minhhoa").
    static func placeWords(_ province: String) -> [String] {
        let words = province.split(separator: " ").map { letters(of: String($0)) }.filter { !$0.isEmpty }
        let name = words.drop { ["tinh", "thanh", "pho", "tp"].contains($0) }
        let joined = name.joined()
        return joined.count >= 4 ? [joined] : []
    }
}
