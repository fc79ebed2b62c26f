import Vapor

/// Registering a route at a ``SiteURL`` (with `.key` parameters): the same definition the links are built from.
extension RoutesBuilder {
    @discardableResult
    func get<Response: VaporSendableMetatype>(
        _ url: SiteURL,
        use closure: @Sendable @escaping (Request) async throws -> Response
    ) -> Route where Response: AsyncResponseEncodable {
        on(.GET, url, use: closure)
    }

    @discardableResult
    func post<Response: VaporSendableMetatype>(
        _ url: SiteURL,
        use closure: @Sendable @escaping (Request) async throws -> Response
    ) -> Route where Response: AsyncResponseEncodable {
        on(.POST, url, use: closure)
    }

    @discardableResult
    func on<Response: VaporSendableMetatype>(
        _ method: HTTPMethod,
        _ url: SiteURL,
        body: HTTPBodyStreamStrategy = .collect,
        use closure: @Sendable @escaping (Request) async throws -> Response
    ) -> Route where Response: AsyncResponseEncodable {
        on(method, url.pathComponents.map { PathComponent(stringLiteral: $0) }, body: body, use: closure)
    }
}
