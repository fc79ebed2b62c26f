/// A feature's texts, each in both languages.
///
/// A feature declares an enum of its texts and gives each its Vietnamese and English in two
/// exhaustive `switch`es, so a text without its translation does not compile:
///
///     enum TaskText: String, Phrasebook {
///         case title, statusAsOf
///         var vietnamese: String {
///             switch self {
///             case .title: "Nhiệm vụ được giao"
///             case .statusAsOf: "Tình trạng tính đến ngày %@"
///             }
///         }
///         var english: String { … }
///     }
///
/// `text(language)` gives one; `Phrasebooks.fill` puts values in its `%@` placeholders, in order.
/// The web app speaks them through `Phrases` (`let say = context.phrases(TaskText.self)`, then
/// `say(.title)` or `say(.statusAsOf, date)`); its `Phrasebooks.all` lists every phrasebook, for the
/// test that checks none is empty and both languages have the same placeholders.
public protocol Phrasebook: CaseIterable, Hashable, Sendable {
    var vietnamese: String { get }
    var english: String { get }
}

extension Phrasebook {
    public func text(_ language: Language) -> String { language == .vietnamese ? vietnamese : english }

    /// The text with its `%@` placeholders filled in order.
    public func text(_ language: Language, _ values: String...) -> String { Placeholders.fill(text(language), values) }
}

public enum Placeholders {
    /// `template` with its `%@` placeholders filled by `values`, in order (a value is never read as a placeholder).
    public static func fill(_ template: String, _ values: [String]) -> String {
        var text = template
        var searchFrom = text.startIndex
        for value in values {
            guard let range = text.range(of: "%@", range: searchFrom..<text.endIndex) else { break }
            text.replaceSubrange(range, with: value)
            searchFrom = text.index(range.lowerBound, offsetBy: value.count)
        }
        return text
    }
}
