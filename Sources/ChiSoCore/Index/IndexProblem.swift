/// One thing wrong with an index file, found by ``IndexReader``.
///
/// Printed as `FILE:LINE: SUBJECT: message`, where the subject names the
/// node (`node 1.2.1`), class, bonus or deduction item, or `index` for the
/// file as a whole.
public struct IndexProblem: Sendable, Hashable, Error {
    public var line: Int
    /// `node 1.2.1`, `class TB`, `bonus B1`, `index`.
    public var subject: String
    /// A stable, machine-readable name of the problem (`duplicate-code`).
    public var code: String
    public var english: String
    public var vietnamese: String

    public init(line: Int, subject: String, code: String, english: String, vietnamese: String) {
        self.line = line
        self.subject = subject
        self.code = code
        self.english = english
        self.vietnamese = vietnamese
    }

    public func message(_ language: Language) -> String {
        language == .vietnamese ? vietnamese : english
    }

    /// `FILE:LINE: SUBJECT: message`.
    public func formatted(file: String, language: Language = .english) -> String {
        "\(file):\(line): \(subject): \(message(language))"
    }
}

/// The two languages of ChiSo's messages: Vietnamese first, English second.
public enum Language: String, Sendable, CaseIterable {
    case vietnamese = "vi"
    case english = "en"

    /// The language a user switches to.
    public var other: Language {
        switch self {
        case .vietnamese: .english
        case .english: .vietnamese
        }
    }
}
