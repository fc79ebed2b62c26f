/// One feature's texts, each in both languages.
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
/// and a page speaks it with `let say = context.phrases(TaskText.self)`, then `say(.title)` or
/// `say(.statusAsOf, date)`. `%@` placeholders are filled in order. Every phrasebook is listed in
/// `Phrasebooks.all`, where `CatalogueTests` checks that no text is empty and that both languages
/// have the same placeholders.
protocol Phrasebook: CaseIterable, Hashable, Sendable {
    var vietnamese: String { get }
    var english: String { get }
}

extension Phrasebook {
    func text(_ language: Lang) -> String { language == .vietnamese ? vietnamese : english }
}

/// A phrasebook in one language: what a page or a controller holds.
struct Phrases<Book: Phrasebook>: Sendable {
    let language: Lang

    func callAsFunction(_ key: Book) -> String { key.text(language) }

    /// The text with its `%@` placeholders filled in order.
    func callAsFunction(_ key: Book, _ values: String...) -> String {
        Phrasebooks.fill(key.text(language), values)
    }
}

extension PageContext {
    func phrases<Book: Phrasebook>(_ book: Book.Type) -> Phrases<Book> { Phrases(language: language) }
}

extension Lang {
    func phrases<Book: Phrasebook>(_ book: Book.Type) -> Phrases<Book> { Phrases(language: self) }
}

enum Phrasebooks {
    /// Every phrasebook of the app, for the test that checks them.
    static let all: [any Phrasebook.Type] = [
        RoleName.self, AssessmentText.self, AppraisalText.self, CouncilText.self, DashboardText.self, DeputyText.self, IndexText.self,
        MonitoringText.self, PeriodText.self, PublicText.self, ReportText.self, ResultsText.self, SourceDataText.self, TaskText.self,
        WhatIfText.self,
    ]

    static func fill(_ template: String, _ values: [String]) -> String {
        var text = template
        var searchFrom = text.startIndex
        for value in values {
            guard let range = text.range(of: "%@", range: searchFrom..<text.endIndex) else { break }
            text.replaceSubrange(range, with: value)
            searchFrom = text.index(range.lowerBound, offsetBy: value.count)
        }
        return text
    }

    /// Each text of a phrasebook in both languages, for the test.
    static func texts(_ book: any Phrasebook.Type) -> [(key: String, vietnamese: String, english: String)] {
        func list<Book: Phrasebook>(_: Book.Type) -> [(key: String, vietnamese: String, english: String)] {
            Book.allCases.map { ("\(Book.self).\($0)", $0.vietnamese, $0.english) }
        }
        return list(book)
    }
}
