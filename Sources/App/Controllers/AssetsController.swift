import Vapor

/// Serves the stylesheet and icon (cached for a year: their names carry a version).
enum AssetsController {
    static func serve(_ request: Request) async throws -> Response {
        let file = request.parameters.get("file") ?? ""
        let body: String
        let type: HTTPMediaType
        switch SiteURL.asset(.value(file)).path {
        case Assets.stylesheetPath: (body, type) = (Assets.stylesheet, .css)
        case Assets.iconPath: (body, type) = (Assets.icon, HTTPMediaType(type: "image", subType: "svg+xml"))
        default: throw Abort(.notFound)
        }
        let response = Response(status: .ok, body: .init(string: body))
        response.headers.contentType = type
        response.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=31536000, immutable")
        return response
    }
}
