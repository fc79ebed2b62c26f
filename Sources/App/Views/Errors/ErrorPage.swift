import Vapor

/// 403, 404 and every other error, in words.
enum ErrorPage {
    /// `back`: the page the user came from (same site), offered as the way back; `refusedChange`: the
    /// request would have changed something and was turned away, so nothing changed.
    static func view(_ context: PageContext, status: HTTPStatus, reason: String?, back: String? = nil, refusedChange: Bool = false) -> HTMLNode {
        let t = context.t
        let title: String = switch status.code {
        case 403: t(.forbiddenTitle)
        case 404: t(.notFoundTitle)
        default: t(.errorTitle)
        }
        return Layout.page(context, title: title) {
            if let reason, status != .notFound { p(.class("errors"), .role("alert")) { reason } }
            if refusedChange { p { t(.refusedNothingChanged) } }
            p {
                if let back {
                    a(.href(back), .class("button")) { t(.backToPrevious) }
                    " "
                }
                a(.href(SiteURL.home.path)) { t(.backHome) }
            }
        }
    }
}
