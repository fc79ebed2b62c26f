import Vapor

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
                reason = abort.status.code < 500 ? abort.reason : nil
            } else {
                request.logger.report(error: error)
                status = .internalServerError
                reason = nil
            }
            if status == .unauthorized, !request.isAPI { return request.redirect(to: "/login") }
            if request.isAPI {
                let response = Response(status: status)
                try response.content.encode(["error": reason ?? status.reasonPhrase])
                return response
            }
            return request.page(status: status) { ErrorPage.view($0, status: status, reason: reason) }
        }
    }
}
