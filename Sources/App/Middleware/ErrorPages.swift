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
            if let abort = error as? any AbortError {
                status = abort.status
                // Our own typed errors are written for the user; other server errors say nothing of the inside.
                reason = abort.status.code < 500 || abort is APIError ? abort.reason : nil
            } else {
                request.logger.report(error: error)
                status = .internalServerError
                reason = nil
            }
            if status == .unauthorized, !request.isAPI { return request.redirect(to: "/login") }
            if request.isAPI {
                let response = Response(status: status)
                let code = (error as? PolicyRefusal)?.refusal.code ?? (error as? APIError)?.code ?? String(status.code)
                try response.content.encode(APIErrorBody(error: .init(code: code, message: reason ?? status.reasonPhrase)))
                return response
            }
            return request.page(status: status) { ErrorPage.view($0, status: status, reason: reason) }
        }
    }
}
