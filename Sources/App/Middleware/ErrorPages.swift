import Vapor

/// `{"error": {"code": "...", "message": "..."}}`
struct APIErrorBody: Content {
    struct Detail: Content {
        var code: String
        var message: String
    }

    var error: Detail
}

/// An API error with its own code (invalid input, stale revision, …).
struct APIError: AbortError {
    var status: HTTPStatus
    var code: String
    var reason: String
}

/// Errors as pages in the user's language (or JSON for the API), never a
/// stack trace. A refusal by the policy says why.
struct ErrorPages: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            let status: HTTPStatus
            let reason: String?
            if let tooLong = error as? TextTooLong {
                status = tooLong.status
                reason = tooLong.message(request.isAPI ? .english : request.language)
            } else if error is TooManyFields {
                status = .payloadTooLarge
                reason = Catalogue(language: request.isAPI ? .english : request.language)
                    .format(.tooManyFields, Formats.count(Limits.formFields, request.isAPI ? .english : request.language))
            } else if let abort = error as? any AbortError {
                status = abort.status
                // Our own typed errors are written for the user; other server errors say nothing of the inside.
                reason = abort.status.code < 500 || abort is APIError ? abort.reason : nil
            } else if ErrorPages.isUnreadableBody(error) {
                // A body that is not the form it claims to be: the client's mistake, not the server's.
                status = .badRequest
                reason = Catalogue(language: request.language)(.unreadableBody)
            } else if ErrorPages.isStorageFull(error) {
                // Nothing was written (the transaction rolled back); the user can try again later.
                request.logger.critical("storage full: \(String(reflecting: error))")
                status = .insufficientStorage
                reason = Catalogue(language: request.language)(.storageFull)
            } else {
                request.logger.report(error: error)
                status = .internalServerError
                reason = nil
            }
            if ErrorPages.isRefusal(status, error) {
                var details = ["status": String(status.code)]
                if let refusal = error as? PolicyRefusal { details["code"] = refusal.refusal.code }
                if let reason { details["reason"] = String(reason.prefix(Limits.reason)) }
                await RefusalLog.record(request, details: details)
            }
            if status == .unauthorized, !request.isAPI { return request.redirect(to: SiteURL.login.path) }
            // A path that exists with other methods: 405 and what it allows, as HTTP says.
            // (A route of this very method answered 404 itself: the thing asked for does not exist.)
            let allowed = status == .notFound ? ErrorPages.allowedMethods(for: request) : []
            if !allowed.isEmpty, !allowed.contains(request.method.rawValue) {
                let response = Response(status: .methodNotAllowed)
                response.headers.replaceOrAdd(name: .allow, value: allowed.joined(separator: ", "))
                if request.isAPI {
                    try response.content.encode(APIErrorBody(error: .init(code: "method_not_allowed", message: "Allowed: \(allowed.joined(separator: ", "))")))
                }
                return response
            }
            let code = status == .insufficientStorage ? "storage_full" : nil
            if request.isAPI {
                let response = Response(status: status)
                let code = code ?? (error as? PolicyRefusal)?.refusal.code ?? (error as? APIError)?.code
                    ?? (error is TextTooLong ? "text_too_long" : String(status.code))
                try response.content.encode(APIErrorBody(error: .init(code: code, message: reason ?? status.reasonPhrase)))
                return response
            }
            let back = ErrorPages.cameFrom(request)
            let refusedChange = request.method != .GET && request.method != .HEAD && (400..<500).contains(status.code)
            return request.page(status: status) { ErrorPage.view($0, status: status, reason: reason, back: back, refusedChange: refusedChange) }
        }
    }

    /// The page of this site the request came from (its Referer, same host only), as a path to link back
    /// to; nil when there is none or it is the page that failed.
    static func cameFrom(_ request: Request) -> String? {
        guard let referer = request.headers.first(name: .referer), let url = URL(string: referer),
              let host = url.host, host == request.headers.first(name: .host)?.split(separator: ":").first.map(String.init)
        else { return nil }
        let path = url.path(percentEncoded: true).isEmpty ? "/" : url.path(percentEncoded: true)
        guard path.hasPrefix("/"), !path.hasPrefix("//"), !path.contains("\\") else { return nil }
        let target = path + (url.query.map { "?\($0)" } ?? "")
        if request.method == .GET, target == request.url.string { return nil }
        return target
    }

    /// A request turned away (not a mistake in a form or a missing page): these go to the audit log.
    static func isRefusal(_ status: HTTPStatus, _ error: any Error) -> Bool {
        error is PolicyRefusal || [.badRequest, .unauthorized, .forbidden, .payloadTooLarge, .unsupportedMediaType, .tooManyRequests]
            .contains(status)
    }

    /// The methods of the routes whose path matches this request's (none: the path does not exist).
    static func allowedMethods(for request: Request) -> [String] {
        let parts = request.url.path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        var methods = Set<String>()
        for route in request.application.routes.all where route.path.count == parts.count {
            let matches = zip(route.path, parts).allSatisfy { component, part in
                switch component {
                case let .constant(text): text == part
                case .parameter: true
                default: false
                }
            }
            if matches { methods.insert(route.method.rawValue) }
        }
        return methods.sorted()
    }

    /// Errors of the multipart and URL-encoded form decoders (not Vapor's `AbortError`s).
    static func isUnreadableBody(_ error: any Error) -> Bool {
        let type = String(reflecting: Swift.type(of: error))
        return type.contains("Multipart") || type.contains("URLEncodedForm")
    }

    /// A full disk, as SQLite ("database or disk is full") or PostgreSQL (SQLSTATE 53100, "No space left on device") says it.
    static func isStorageFull(_ error: any Error) -> Bool {
        let text = String(reflecting: error)
        return text.contains("database or disk is full") || text.contains("SQLITE_FULL") || text.contains("53100")
            || text.contains("No space left on device") || text.contains("disk full")
    }
}
