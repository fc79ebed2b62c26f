import Vapor

/// Pages behind a login: without a session, go to the login page (and come
/// back afterwards to the page, never to a form's POST-only address); with a
/// password to change, go to that page first. A leaf save whose session ran
/// out keeps what was typed for its user (``KeptEntries``).
struct RequireLogin: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let user = request.currentUser else {
            if request.isAPI { throw Abort(.unauthorized) }
            var back = request.url.path
            if request.method != .GET {
                back = try await Self.pageOfForm(request)
            }
            var target = SiteURL.login.path + "?next=" + (back.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? SiteURL.home.path)
            if request.sessionExpired { target += "&expired=1" }
            return request.redirect(to: target)
        }
        if user.mustChangePassword, request.method == .GET, request.url.path != SiteURL.accountPassword.path {
            return request.redirect(to: SiteURL.accountPassword.path)
        }
        return try await next.respond(to: request)
    }
}

extension RequireLogin {
    /// The page a form was sent from: the leaf's place on its assessment's page for a leaf save
    /// (what was typed is kept when the session that ran out is known), else the page the browser
    /// names as the referrer on this site, else home.
    static func pageOfForm(_ request: Request) async throws -> String {
        if let (assessmentID, code) = KeptEntries.leafSave(request) {
            // Only a form of that session's own pages (its CSRF token) is kept, for that session's user.
            if let expired = request.expiredSession, let form = try? await Self.urlEncodedForm(request),
               let token = form.csrf, CSRF.equal(token, expired.csrfToken) {
                try await KeptEntries.keep(form, userID: expired.userID, assessmentID: assessmentID, code: code, on: request)
            }
            return SiteURL.assessment(.value(assessmentID), .show).path + "#leaf-" + code
        }
        if let referer = request.headers.first(name: .referer), let url = URL(string: referer), !url.path.isEmpty,
           url.host == nil || url.host == request.headers.first(name: .host)?.split(separator: ":").first.map(String.init) {
            return url.path + (url.query.map { "?" + $0 } ?? "")
        }
        return SiteURL.home.path
    }

    /// The leaf form of a save, read from its (small) urlencoded body.
    static func urlEncodedForm(_ request: Request) async throws -> AssessmentController.EntryForm? {
        guard request.headers.contentType == .urlEncodedForm else { return nil }
        var bytes: [UInt8] = []
        for try await buffer in request.body {
            bytes += buffer.readableBytesView
            if bytes.count > 64 * 1024 { return nil }
        }
        return try URLEncodedFormDecoder().decode(AssessmentController.EntryForm.self, from: String(decoding: bytes, as: UTF8.self))
    }
}

extension Request {
    /// Requests for the JSON API (later issues) get status codes, not pages.
    var isAPI: Bool { url.path.hasPrefix("/api/") }

    /// Asks the policy; throws a 403 whose reason says why, in the user's language.
    @discardableResult
    func authorize(_ action: Action, _ target: Target = .none) throws -> CurrentUser {
        guard let user = currentUser else { throw Abort(.unauthorized) }
        if case let .failure(refusal) = Policy.decide(user.actor, action, target) {
            throw PolicyRefusal(refusal: refusal, language: isAPI ? .english : language)
        }
        return user
    }

    /// Checks the CSRF token posted with a form (`_csrf`) or sent as
    /// `X-CSRF-Token`: the session's token, or before login the token of
    /// the `chiso_csrf` cookie (double submit), which must carry this
    /// server's signature (a cookie planted by someone else is refused).
    func verifyCSRF() throws {
        if bearerAuthenticated { return }
        var posted: String?
        if headers.first(name: "X-CSRF-Token") == nil {
            do {
                posted = try content.get(String.self, at: PageContext.csrfField)
            } catch let tooMany as TooManyFields {
                throw tooMany // said as it is, not as a missing token
            } catch {
                posted = nil
            }
        }
        try verifyCSRF(posted: posted)
    }

    /// The same check, with the form's `_csrf` field already decoded (the form is read once).
    func verifyCSRF(posted: String?) throws {
        if bearerAuthenticated { return }
        let sent = headers.first(name: "X-CSRF-Token") ?? posted
        var expected = currentUser?.csrfToken
        if expected == nil, let cookie = cookies[CSRF.cookieName]?.string, let key = application.serverSecrets.key,
           SignedTokens.verify(cookie, .loginCSRF, key: key) != nil {
            expected = cookie
        }
        guard let sent, let expected, !expected.isEmpty, CSRF.equal(sent, expected) else {
            throw Abort(.forbidden, reason: Catalogue(language: language)(.csrfFailed))
        }
    }
}

/// A refusal by the policy as an HTTP error: "never for you" is 403, "not in
/// this state or after this deadline" is 409. The API answers its code too.
struct PolicyRefusal: AbortError {
    var refusal: Refusal
    var language: Lang

    var status: HTTPStatus {
        switch refusal {
        case .workflow, .periodClosed: return .conflict
        default: return .forbidden
        }
    }

    var reason: String { refusal.message(language) }
}

enum CSRF {
    static let cookieName = "chiso_csrf"

    /// Constant-time comparison.
    static func equal(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for index in x.indices { difference |= x[index] ^ y[index] }
        return difference == 0
    }
}
