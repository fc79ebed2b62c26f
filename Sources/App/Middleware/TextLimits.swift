import Vapor

/// Every form and JSON body the app decodes goes through this decoder
/// (installed for URL-encoded forms, multipart forms and JSON in
/// `configure`), so that no text a person or a client sends reaches the
/// database unchecked: each text field of the decoded value is held to
/// the limit of its kind (``TextLimits/limit(for:)``), and a longer one is
/// refused with 422, naming the field and its limit.
struct LimitedTextDecoder: ContentDecoder {
    let base: any ContentDecoder

    func decode<D: Decodable>(_ decodable: D.Type, from body: ByteBuffer, headers: HTTPHeaders) throws -> D {
        try decode(D.self, from: body, headers: headers, userInfo: [:])
    }

    func decode<D: Decodable>(_ decodable: D.Type, from body: ByteBuffer, headers: HTTPHeaders,
                              userInfo: [CodingUserInfoKey: any Sendable]) throws -> D {
        // Vapor's URL-encoded decoder takes time quadratic in a repeated key: 40,000 of one held an event loop 10 s.
        if headers.contentType == .urlEncodedForm, body.readableBytesView.lazy.filter({ $0 == UInt8(ascii: "&") }).count >= Limits.formFields {
            throw TooManyFields()
        }
        let value = try base.decode(D.self, from: body, headers: headers, userInfo: userInfo)
        if let (field, limit) = TextLimits.firstTooLong(in: value) { throw TextTooLong(field: field, limit: limit) }
        return value
    }
}

enum TextLimits {
    /// The limit of a field, by what its name says it holds: notes, explanations, comments and a
    /// task's content are long texts; reasons are shorter; anything else is a name, a code, a
    /// date or a value.
    static func limit(for field: String) -> Int {
        let name = field.lowercased()
        // A previewed account list sent back to be imported: as long as the list the import allows.
        if name == "accountlist" { return Limits.accountList }
        if ["note", "explanation", "comment", "content", "guidance"].contains(where: name.contains) { return Limits.note }
        if name.contains("reason") { return Limits.reason }
        if name == "username" { return Limits.username }
        return Limits.name
    }

    /// The first text field (by name) over its limit, looking into structures, optionals, arrays and dictionaries.
    static func firstTooLong(in value: Any, field: String = "") -> (String, Int)? {
        if let text = value as? String {
            let limit = limit(for: field)
            return text.count > limit ? (field, limit) : nil
        }
        if value is ByteBuffer || value is Data { return nil } // an uploaded file's bytes: their size is the route's limit
        if let texts = value as? [String: String] {
            return texts.lazy.compactMap { firstTooLong(in: $0.value, field: $0.key) }.first
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional, .collection, .set:
            return mirror.children.lazy.compactMap { firstTooLong(in: $0.value, field: field) }.first
        case .struct, .class:
            return mirror.children.lazy.compactMap { child in
                child.label.flatMap { firstTooLong(in: child.value, field: $0.hasPrefix("_") ? String($0.dropFirst()) : $0) }
            }.first
        default:
            return nil
        }
    }
}

/// A text over its limit: 422, in the user's language (the API's English).
struct TextTooLong: AbortError {
    var field: String
    var limit: Int
    var status: HTTPStatus { .unprocessableEntity }
    var reason: String {
        "The field \"\(field)\" is too long: at most \(limit) characters."
    }

    func message(_ language: Lang) -> String {
        Catalogue(language: language).format(.fieldTooLong, field, Formats.count(limit, language))
    }
}

/// A form with more fields (or parts) than any of ChiSo's has: 413, before any decoder reads it.
struct TooManyFields: AbortError {
    var status: HTTPStatus { .payloadTooLarge }
    var reason: String { "The form has more than \(Limits.formFields) fields." }
}
