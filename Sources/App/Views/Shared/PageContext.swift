import Vapor

/// What every page needs besides its own model: the language, the user
/// (for navigation by role), the CSRF token for its forms, a one-time
/// notice, and the path (to mark the current navigation item).
struct PageContext: Sendable {
    var t: Catalogue
    var user: CurrentUser?
    var csrfToken: String
    var notice: String?
    var path: String
    /// The installation's identity: its province, and whether it is the demo's.
    var identity: InstallationIdentity = .unset
    /// Why what the user just sent was refused, each linked to the field it concerns: the layout
    /// lists them at the top of the page (the refused form is shown in place, as typed).
    var problems: [Problem] = []

    var language: Lang { t.language }

    /// Whether the reader may open or do what a link or a form would lead to: a page never links
    /// to what the server would refuse its reader (the same rule, `Policy`).
    func may(_ action: Action, _ target: Target = .none) -> Bool {
        guard let user else { return false }
        return Policy.allows(user.actor, action, target)
    }

    /// The form field that carries the CSRF token.
    static let csrfField = "_csrf"
}

/// One reason a form was refused, and the id of the element it concerns (the field, or its card).
struct Problem: Sendable {
    var message: String
    var target: String
}

extension Request {
    static let languageCookie = "chiso_lang"
    static let noticeCookie = "chiso_notice"

    private struct LanguageKey: StorageKey { typealias Value = Lang }

    /// Vietnamese unless the user chose English; the JSON API speaks English.
    /// Read once per request: `cookies` parses the Cookie header at every call.
    var language: Lang {
        if let known = storage[LanguageKey.self] { return known }
        let language: Lang = isAPI ? .english : cookies[Self.languageCookie]?.string == "en" ? .english : .vietnamese
        storage[LanguageKey.self] = language
        return language
    }

    /// The page context; before login, it also makes sure a CSRF cookie exists
    /// (see ``Request/verifyCSRF()``) and returns its token.
    func pageContext(csrfCookie: inout String?) -> PageContext {
        var token = currentUser?.csrfToken
        if token == nil, let key = application.serverSecrets.key {
            // Before login: the signed token of the CSRF cookie, or a new one when it has none this server signed.
            token = cookies[CSRF.cookieName]?.string
            if token.flatMap({ SignedTokens.verify($0, .loginCSRF, key: key) }) == nil {
                token = SignedTokens.make(.loginCSRF, key: key)
                csrfCookie = token
            }
        }
        return PageContext(t: Catalogue(language: language), user: currentUser, csrfToken: token ?? "",
                           notice: noticeText, path: url.path, identity: application.identity)
    }

    /// The one-time notice left by the previous request (a catalogue key, or a text).
    var noticeText: String? {
        guard let raw = cookies[Self.noticeCookie]?.string, !raw.isEmpty else { return nil }
        let decoded = raw.removingPercentEncoding ?? raw
        if let key = T(rawValue: decoded) { return Catalogue(language: language)(key) }
        return decoded
    }

    /// Renders a page: HTML with the notice consumed and, before login, a CSRF cookie; after a
    /// refusal, its `problems` summarised at the top.
    func page(status: HTTPStatus = .ok, problems: [Problem] = [], _ build: (PageContext) -> HTMLNode) -> Response {
        var csrfCookie: String?
        var context = pageContext(csrfCookie: &csrfCookie)
        context.problems = problems
        let response = Response(status: status)
        response.headers.contentType = .html
        var bytes = Array("<!DOCTYPE html>\n".utf8)
        bytes.reserveCapacity(256 * 1024)
        build(context).render(into: &bytes)
        response.body = .init(buffer: ByteBuffer(bytes: bytes))
        if let csrfCookie {
            response.cookies[CSRF.cookieName] = HTTPCookies.Value(string: csrfCookie, path: "/", isSecure: application.settings.secureCookies,
                                                                  isHTTPOnly: true, sameSite: .strict)
        }
        if context.notice != nil {
            response.cookies[Self.noticeCookie] = HTTPCookies.Value(string: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, path: "/")
        }
        return response
    }

    /// Redirects (303, so the browser follows with GET), leaving a notice for the next page.
    /// The JSON API gets `{"ok": true, "message": …, "location": …}` instead.
    func redirect(to location: String, notice: String) -> Response {
        if isAPI {
            let message = T(rawValue: notice).map { Catalogue(language: .english)($0) } ?? notice
            let response = Response(status: .ok)
            try? response.content.encode(APIDone(ok: "true", message: message, location: location))
            return response
        }
        let response = redirect(to: location, redirectType: .normal)
        response.cookies[Self.noticeCookie] = HTTPCookies.Value(
            string: notice.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? notice, path: "/",
            isHTTPOnly: true, sameSite: .lax)
        return response
    }
}
