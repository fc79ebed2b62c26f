import Foundation
import Testing
import Vapor
import VaporTesting
@testable import App

/// A test client that behaves like a browser: it keeps cookies, reads the
/// CSRF token from the last page, and posts forms with it.
final class Browser: @unchecked Sendable {
    let app: Application
    private(set) var cookies: [String: String] = [:]
    private(set) var csrfToken: String?
    /// An API token sent as `Authorization: Bearer` (an API client has no cookies: set none).
    var bearer: String?
    /// Extra headers sent with every request (a `Referer`, as a browser sends).
    var extraHeaders: [(String, String)] = []

    init(_ app: Application) {
        self.app = app
    }

    struct Page {
        var status: HTTPStatus
        var headers: HTTPHeaders
        var body: String
        var bytes: [UInt8]
        var location: String? { headers.first(name: .location) }
    }

    @discardableResult
    func get(_ path: String) async throws -> Page {
        try await send(.GET, path, body: nil, contentType: nil)
    }

    /// Posts a form, with the CSRF token unless `csrf` is false.
    @discardableResult
    func post(_ path: String, _ fields: [(String, String)] = [], csrf: Bool = true) async throws -> Page {
        var all = fields
        if csrf, let token = csrfToken { all.append(("_csrf", token)) }
        let body = all.map { "\(encode($0.0))=\(encode($0.1))" }.joined(separator: "&")
        return try await send(.POST, path, body: body, contentType: "application/x-www-form-urlencoded")
    }

    /// Posts a multipart form with one file.
    @discardableResult
    func upload(_ path: String, field: String, fileName: String, content: [UInt8], csrf: Bool = true) async throws -> Page {
        let boundary = "chiso-\(UUID().uuidString)"
        var body = Data()
        func add(_ text: String) { body.append(contentsOf: Array(text.utf8)) }
        if csrf, let token = csrfToken {
            add("--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(token)\r\n")
        }
        add("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field)\"; filename=\"\(fileName)\"\r\nContent-Type: application/octet-stream\r\n\r\n")
        body.append(contentsOf: content)
        add("\r\n--\(boundary)--\r\n")
        return try await send(.POST, path, body: body, contentType: "multipart/form-data; boundary=\(boundary)")
    }

    /// Sets a cookie as a hostile page or a tampering user could.
    func setCookie(_ name: String, _ value: String?) {
        cookies[name] = value
    }

    /// Sends any request as it is (headers and body of the caller's choosing), with this browser's cookies.
    @discardableResult
    func raw(_ method: HTTPMethod, _ path: String, contentType: String?, body: [UInt8]) async throws -> Page {
        try await send(method, path, body: Data(body), contentType: contentType)
    }

    func login(_ username: String, password: String = Fixture.password) async throws -> Page {
        try await get("/login")
        return try await post("/login", [("username", username), ("password", password)])
    }

    /// Logs in and loads the home page (so that the session's CSRF token is known).
    func signIn(_ username: String) async throws {
        let page = try await login(username)
        #expect(page.status == .seeOther, "login of \(username) answered \(page.status)")
        try await get("/")
    }

    private func send(_ method: HTTPMethod, _ path: String, body: Any?, contentType: String?) async throws -> Page {
        var headers = HTTPHeaders()
        if !cookies.isEmpty {
            headers.add(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
        }
        if let contentType { headers.add(name: .contentType, value: contentType) }
        if let bearer { headers.bearerAuthorization = BearerAuthorization(token: bearer) }
        for (name, value) in extraHeaders { headers.add(name: name, value: value) }
        var buffer: ByteBuffer?
        if let text = body as? String { buffer = ByteBuffer(string: text) }
        if let data = body as? Data { buffer = ByteBuffer(bytes: data) }
        let response = try await app.testing().sendRequest(method, path, headers: headers, body: buffer)
        for header in response.headers[.setCookie] {
            let pair = header.split(separator: ";", maxSplits: 1).first.map(String.init) ?? ""
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count >= 1 else { continue }
            let value = parts.count == 2 ? parts[1] : ""
            if value.isEmpty || header.contains("Max-Age=0") { cookies[parts[0]] = nil } else { cookies[parts[0]] = value }
        }
        let text = response.body.string
        if let token = Browser.csrf(in: text) { csrfToken = token }
        return Page(status: response.status, headers: response.headers, body: text, bytes: Array(response.body.readableBytesView))
    }

    static func csrf(in html: String) -> String? {
        guard let range = html.range(of: "name=\"_csrf\" value=\"") else { return nil }
        let rest = html[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }

    private func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }
}
