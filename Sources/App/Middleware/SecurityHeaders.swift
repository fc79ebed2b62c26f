import Vapor

/// Security headers on every response: a Content-Security-Policy that
/// allows no inline script and nothing from elsewhere, no MIME sniffing,
/// no framing, no referrer leaks, and no caching of pages behind a login.
struct SecurityHeaders: AsyncMiddleware {
    static let contentSecurityPolicy = [
        "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "font-src 'self'",
        "object-src 'none'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'",
    ].joined(separator: "; ")

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        if !response.headers.contains(name: "Content-Security-Policy") {
            response.headers.replaceOrAdd(name: "Content-Security-Policy", value: Self.contentSecurityPolicy)
        }
        response.headers.replaceOrAdd(name: .xContentTypeOptions, value: "nosniff")
        if !response.headers.contains(name: .xFrameOptions) {
            response.headers.replaceOrAdd(name: .xFrameOptions, value: "DENY")
        }
        response.headers.replaceOrAdd(name: "Referrer-Policy", value: "same-origin")
        response.headers.replaceOrAdd(name: "Cross-Origin-Opener-Policy", value: "same-origin")
        if request.currentUser != nil, !request.url.path.hasPrefix(SiteURL.asset(.value("")).path) {
            response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        }
        return response
    }
}
