import Vapor

/// MultipartKit 4.7's parser traps (crashes the server) on a header name
/// byte above 127: it indexes a 128-entry table with it. This guard reads a
/// multipart body as it arrives and refuses such a header before the parser
/// sees it. The delimiter is found with Knuth–Morris–Pratt, so a boundary
/// chosen by the client cannot hide one.
struct MultipartHeaderGuard {
    private let delimiter: [UInt8]
    private let failure: [Int]
    private var matched = 0
    /// Parts begun so far.
    private(set) var parts = 0
    private var inHeaders = false
    private var nameDone = false
    private var lineLength = 0

    init(boundary: String) {
        delimiter = Array("--\(boundary)\r\n".utf8)
        var failure = [Int](repeating: 0, count: delimiter.count)
        var k = 0
        for i in 1..<delimiter.count {
            while k > 0 && delimiter[i] != delimiter[k] { k = failure[k - 1] }
            if delimiter[i] == delimiter[k] { k += 1 }
            failure[i] = k
        }
        self.failure = failure
    }

    /// False when a part header's name holds a byte the parser cannot take.
    mutating func accepts(_ bytes: some Sequence<UInt8>) -> Bool {
        for byte in bytes {
            if inHeaders {
                if byte == UInt8(ascii: "\n") {
                    if lineLength <= 1 { inHeaders = false }  // the empty line after the headers
                    lineLength = 0
                    nameDone = false
                } else {
                    lineLength += 1
                    if !nameDone {
                        if byte == UInt8(ascii: ":") { nameDone = true } else if byte >= 128 { return false }
                    }
                }
            }
            while matched > 0 && byte != delimiter[matched] { matched = failure[matched - 1] }
            if byte == delimiter[matched] { matched += 1 }
            if matched == delimiter.count {
                parts += 1
                inHeaders = true
                nameDone = false
                lineLength = 0
                matched = failure[matched - 1]
            }
        }
        return true
    }
}

/// The `multipart/form-data` decoder every `request.content.decode` uses:
/// the guard first, then MultipartKit's own decoder. Installed globally in
/// `configure`, so no handler can decode a hostile body unchecked; streamed
/// uploads check their chunks themselves (``EvidenceUpload``).
struct GuardedFormDataDecoder: ContentDecoder {
    func decode<D: Decodable>(_ decodable: D.Type, from body: ByteBuffer, headers: HTTPHeaders) throws -> D {
        try decode(D.self, from: body, headers: headers, userInfo: [:])
    }

    func decode<D: Decodable>(_ decodable: D.Type, from body: ByteBuffer, headers: HTTPHeaders,
                              userInfo: [CodingUserInfoKey: any Sendable]) throws -> D {
        guard let boundary = MultipartBoundary.valid(in: headers) else { throw Abort(.badRequest, reason: "The multipart boundary is missing or invalid.") }
        var headerGuard = MultipartHeaderGuard(boundary: boundary)
        guard headerGuard.accepts(body.readableBytesView) else { throw Abort(.badRequest, reason: "The upload is malformed.") }
        // MultipartKit's decoder takes time quadratic in the number of parts: 20,000 of them held an event loop 9 s.
        guard headerGuard.parts <= Limits.formFields else { throw TooManyFields() }
        return try FormDataDecoder().decode(D.self, from: body, headers: headers, userInfo: userInfo)
    }
}

/// The boundary of a multipart body, as RFC 2046 §5.1.1 allows it: 1 to 70
/// characters from `bchars`, the last not a space. MultipartKit's parser
/// traps on an empty boundary (`boundary=`, `boundary=""`, `boundary=;`),
/// so no boundary reaches it unchecked: ``MultipartBoundaryCheck`` refuses
/// such a request before any handler or decoder runs, and the decoders
/// check again.
enum MultipartBoundary {
    /// The boundary of a multipart request, or nil when it has none or it is not valid.
    static func valid(in headers: HTTPHeaders) -> String? {
        guard let boundary = headers.contentType?.parameters["boundary"], isValid(boundary) else { return nil }
        return boundary
    }

    static func isValid(_ boundary: String) -> Bool {
        let scalars = Array(boundary.unicodeScalars)
        guard (1...70).contains(scalars.count), scalars.last != " " else { return false }
        return scalars.allSatisfy { scalar in
            switch scalar {
            case "0"..."9", "a"..."z", "A"..."Z", "'", "(", ")", "+", "_", ",", "-", ".", "/", ":", "=", "?", " ": true
            default: false
            }
        }
    }
}

/// Refuses, before any handler reads the body, a request whose Content-Type
/// is multipart without a valid boundary (400), whatever its route.
struct MultipartBoundaryCheck: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if Self.claimsMultipart(request.headers), MultipartBoundary.valid(in: request.headers) == nil {
            throw Abort(.badRequest, reason: Catalogue(language: request.isAPI ? .english : request.language)(.malformedMultipart))
        }
        return try await next.respond(to: request)
    }

    /// Any Content-Type header naming a multipart type, parsed or not.
    static func claimsMultipart(_ headers: HTTPHeaders) -> Bool {
        if headers.contentType?.type.lowercased() == "multipart" { return true }
        return headers[.contentType].contains { $0.trimmingCharacters(in: .whitespaces).lowercased().hasPrefix("multipart") }
    }
}

/// ChiSo upgrades no connection (no WebSocket, no HTTP/2 over cleartext). Vapor, on a request that asks
/// for an upgrade, holds every byte that follows it, without a limit, until the request is answered,
/// while a route that reads the body waits for bytes that never reach it: no answer, and memory
/// without bound (found by `bench/fuzz/http.py`). Such a request is answered at once, from its head,
/// before anything waits for its body; Vapor then lets the held bytes go.
struct UpgradeRefusal: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let asksUpgrade = request.headers.contains(name: .upgrade)
            || request.headers[.connection].contains { $0.lowercased().contains("upgrade") }
        guard !asksUpgrade else { throw Abort(.badRequest, headers: ["Connection": "close"], reason: "ChiSo does not upgrade connections.") }
        return try await next.respond(to: request)
    }
}
