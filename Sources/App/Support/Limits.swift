/// How much one request may carry into the database: every text a person
/// types has a length limit, checked where the form is read, with a clear
/// message (``TextLimit``). Imports have a row limit in ``Settings``.
enum Limits {
    /// Characters in a username.
    static let username = 64
    /// Bytes of a password at login (bcrypt reads 72; more is refused unhashed).
    static let password = 1024
    /// Characters in a new password.
    static let newPassword = 128
    /// Names, codes, titles, document numbers, file names.
    static let name = 300
    /// Reasons for a return, a reopening or an exception; comments of an appraiser.
    static let reason = 2_000
    /// Notes and explanations.
    static let note = 10_000
    /// Characters of an account list sent back from its preview (a line per person, a few thousand people).
    static let accountList = 2_000_000
    /// Fields of one form (or parts of one multipart form); what-if has one per leaf, no other form more than twenty.
    static let formFields = 2_000
    /// The last page number a list takes (`?page=`): a larger one would overflow the offset
    /// (`?page=9223372036854775807` trapped the server).
    static let page = 100_000

    /// A page number from a query, within 1…``page``.
    static func page(_ asked: Int?) -> Int {
        Swift.min(Swift.max(asked ?? 1, 1), page)
    }
}

extension Settings {
    /// Why a file of `rows` data rows may not be imported, or nil (`CHISO_IMPORT_MAX_ROWS`).
    func importProblem(rows: Int, _ language: Lang) -> String? {
        guard rows > importMaxRows else { return nil }
        return Catalogue(language: language).format(.importTooManyRows, Formats.count(rows, language), Formats.count(importMaxRows, language))
    }

    /// The limit as the import pages state it.
    func importLimitNote(_ language: Lang) -> String {
        Catalogue(language: language).format(.importRowLimit, Formats.count(importMaxRows, language))
    }
}
