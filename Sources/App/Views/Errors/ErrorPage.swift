import Vapor

/// 403, 404 and every other error, in words.
enum ErrorPage {
    static func view(_ context: PageContext, status: HTTPStatus, reason: String?) -> HTMLNode {
        let t = context.t
        let title: String = switch status.code {
        case 403: t(.forbiddenTitle)
        case 404: t(.notFoundTitle)
        default: t(.errorTitle)
        }
        return Layout.page(context, title: title) {
            if let reason, status != .notFound { p(.class("errors"), .role("alert")) { reason } }
            p { a(.href(SiteURL.home.path)) { t(.backHome) } }
        }
    }
}
