import ChiSoCore

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
        T.self, RoleName.self, AssessmentText.self, AppraisalText.self, DeductionText.self, CouncilText.self, DashboardText.self, DeputyText.self, IndexText.self, IndexAuthoringText.self,
        MonitoringText.self, PeriodText.self, PublicText.self, ReportText.self, ResultsText.self, SourceDataText.self, TaskText.self,
        WhatIfText.self, InboxText.self, EvidenceUploadText.self, AdminText.self, PublicationText.self, IdentityText.self,
        AgencyChangeText.self, PeriodAdminText.self, MultiYearText.self, AccountImportText.self,
        // ChiSoCore's
        ExplanationText.self, WorkflowText.self, IndividualRatingText.self, TaskRowText.self, ScoreReportText.self,
        IndexReaderText.self, YAMLSyntaxText.self, OrganisationText.self,
    ]

    static func fill(_ template: String, _ values: [String]) -> String { Placeholders.fill(template, values) }

    /// Each text of a phrasebook in both languages, for the test.
    static func texts(_ book: any Phrasebook.Type) -> [(key: String, vietnamese: String, english: String)] {
        func list<Book: Phrasebook>(_: Book.Type) -> [(key: String, vietnamese: String, english: String)] {
            Book.allCases.map { ("\(Book.self).\($0)", $0.vietnamese, $0.english) }
        }
        return list(book)
    }
}
