#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Testing

/// The real `chiso serve` process, sent malformed headers, bodies and paths
/// on every route it has (as `chiso routes` lists them), anonymously and
/// signed in, over raw sockets: after each request the process must still
/// run, and at the end it must still answer `/health`. A precondition or a
/// force unwrap that a request can reach shows here as a dead process.
/// (The longer campaign is `bench/fuzz/http.py`.)
@Suite("The server under hostile requests", .serialized)
struct HostileRequestTests {
    /// One request, sent as bytes.
    struct Raw {
        var method: String
        var path: String
        var headers: [(String, [UInt8])]
        var body: [UInt8]
        /// Close our sending side after the request: for a body shorter than announced, which the server
        /// would otherwise wait for. (The server then closes without an answer, as it should.)
        var halfClose = false

        var bytes: [UInt8] {
            var out = Array("\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n".utf8)
            for (name, value) in headers { out += Array("\(name): ".utf8) + value + Array("\r\n".utf8) }
            if !headers.contains(where: { $0.0.lowercased() == "content-length" || $0.0.lowercased() == "transfer-encoding" }) {
                out += Array("Content-Length: \(body.count)\r\n".utf8)
            }
            return out + Array("\r\n".utf8) + body
        }
    }

    /// A connected socket to the server, with 5-second timeouts; nil when it cannot connect.
    static func connect(port: UInt16) -> Int32? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(fd)
            return nil
        }
        return fd
    }

    /// Sends `bytes` and reads the whole answer (until the server closes, or 5 s of silence).
    static func exchange(_ bytes: [UInt8], port: UInt16, halfClose: Bool = false) -> [UInt8]? {
        guard let fd = connect(port: port) else { return nil }
        defer { close(fd) }
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { break } // the server may close early on a bad request: that is an answer too
            sent += n
        }
        if halfClose { shutdown(fd, Int32(SHUT_WR)) }
        var answer: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while answer.count < 4_000_000 {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n <= 0 { break }
            answer += buffer[0..<n]
        }
        return answer
    }

    /// Sends `bytes`: the answer's status code, or nil when there was none.
    static func send(_ bytes: [UInt8], port: UInt16, halfClose: Bool = false) -> Int? {
        guard let answer = exchange(bytes, port: port, halfClose: halfClose) else { return nil }
        let head = String(decoding: answer.prefix(16), as: UTF8.self)
        guard head.hasPrefix("HTTP/1.1 ") else { return nil }
        return Int(head.dropFirst(9).prefix(3))
    }

    static func freePort() -> UInt16 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        return UInt16(bigEndian: address.sin_port)
    }

    /// The hostile variants of one route.
    static func variants(method: String, path: String, cookie: [UInt8]?) -> [Raw] {
        var cookies: [(String, [UInt8])] = cookie.map { [("Cookie", $0)] } ?? []
        let form = Array("_csrf=x&value=1&note=a".utf8)
        let multipartBody = Array("--b\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\nx\r\n--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF-1.4\r\n--b--\r\n".utf8)
        var list: [Raw] = []
        for contentType in ["multipart/form-data; boundary=", "multipart/form-data; boundary=\"\"", "multipart/form-data; boundary=;",
                            "multipart/form-data; boundary", "multipart/form-data; boundary=" + String(repeating: "b", count: 200),
                            "multipart/form-data; boundary=b; boundary=", "multipart/mixed; boundary=", "multipart/", "/", ";;;;", "a/b; c=\"",
                            "application/x-www-form-urlencoded; charset=\u{1}", "application/json; charset=utf-32"] {
            list.append(Raw(method: method, path: path, headers: cookies + [("Content-Type", Array(contentType.utf8))], body: multipartBody))
        }
        // A part header name with a byte above 127, a truncated part, an endless preamble.
        list.append(Raw(method: method, path: path, headers: cookies + [("Content-Type", Array("multipart/form-data; boundary=b".utf8))],
                        body: Array("--b\r\n".utf8) + [0xFF, 0xFE] + Array(": x\r\n\r\ny\r\n--b--\r\n".utf8)))
        list.append(Raw(method: method, path: path, headers: cookies + [("Content-Type", Array("multipart/form-data; boundary=b".utf8))],
                        body: Array("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x\"\r\n\r\n%PDF".utf8)))
        list.append(Raw(method: method, path: path, headers: cookies + [("Content-Type", Array("multipart/form-data; boundary=b".utf8))],
                        body: Array(repeating: UInt8(ascii: "-"), count: 20_000)))
        // Forms and JSON that are not what they claim.
        list.append(Raw(method: method, path: path, headers: cookies + [("Content-Type", Array("application/x-www-form-urlencoded".utf8))],
                        body: Array("_csrf[]=1&_csrf[x]=2&value[][]=3&%ZZ=%&note=%E0%A4".utf8)))
        list.append(Raw(method: method, path: path, headers: cookies + [("Content-Type", Array("application/json".utf8))],
                        body: Array(String(repeating: "[", count: 5000).utf8)))
        list.append(Raw(method: method, path: path, headers: cookies + [("Content-Type", Array("application/json".utf8))],
                        body: Array("{\"value\": 1e999999, \"revision\": -99999999999999999999, \"note\": \"\\ud800\"}".utf8)))
        // Framing: short bodies, two lengths, broken chunks.
        list.append(Raw(method: method, path: path, headers: cookies + [("Content-Length", Array("50".utf8))], body: form, halfClose: true))
        list.append(Raw(method: method, path: path, headers: cookies + [("Content-Length", Array("5".utf8)), ("Content-Length", Array("7".utf8))], body: form))
        list.append(Raw(method: method, path: path, headers: cookies + [("Transfer-Encoding", Array("chunked".utf8))], body: Array("zz\r\nabc\r\n0\r\n\r\n".utf8)))
        // Headers no browser sends.
        cookies = [("Cookie", Array("chiso_session=".utf8) + [0xFF, 0x00] + Array("; chiso_csrf=; chiso_lang=\u{202E}; chiso_device=a.b.c; chiso_notice=%ZZ".utf8))]
        list.append(Raw(method: method, path: path, headers: cookies + [("Authorization", Array(("Bearer " + String(repeating: "x", count: 6000)).utf8)),
                                                                       ("X-Forwarded-For", Array("::ffff:, 999.1.1.1, ,".utf8)),
                                                                       ("Range", Array("bytes=99999999999999999999-1".utf8)),
                                                                       ("Accept-Language", [0xC3, 0x28]), ("X-CSRF-Token", [0xE2, 0x82])],
                        body: form))
        list.append(Raw(method: method, path: path, headers: [("Authorization", Array("Bearer".utf8)), ("Authorization", Array("Basic ::::".utf8))], body: []))
        return list
    }

    /// Odd spellings of a path: encoded NUL, CR and LF, `..`, invalid escapes, a very long segment, non-ASCII.
    static func oddPaths(_ pattern: String) -> [String] {
        let replacements = ["%00", "..%2F..%2Fetc%2Fpasswd", "%ZZ", String(repeating: "a", count: 4000), "%E1%BA%A1", "%0D%0ASet-Cookie:%20x=1",
                            "00000000-0000-0000-0000-000000000000", ".."]
        return replacements.map { value in
            pattern.split(separator: "/").map { $0.hasPrefix(":") ? value : String($0) }.joined(separator: "/") + "?a[]=1&a[x]=2&page=-9999999999999999999&asOf=99/99/9999"
        }.map { "/" + $0 }
    }

    // The server here always runs on SQLite (its own data folder): the suite's PostgreSQL pass would only repeat it.
    @Test("Malformed headers, bodies and paths to every route: the process stays up and answers",
          .enabled(if: (ProcessInfo.processInfo.environment["TEST_DATABASE_URL"] ?? "").isEmpty))
    func everyRoute() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chiso-hostile-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let environment = ["CHISO_DATA_DIR": folder.path, "DATABASE_URL": "", "CHISO_THREADS": "2"]
        #expect(try ChisoCommandTests.run(["migrate"], environment: environment).status == 0)
        let added = try ChisoCommandTests.run(["user", "add", "--username", "quantri", "--name", "Quản trị", "--agency", "SNV",
                                               "--agency-name", "Sở Nội vụ", "--group", "so", "--role", "admin"], environment: environment)
        let temporary = try #require(added.out.split(separator: " ").last.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) })
        let routes = try ChisoCommandTests.run(["routes"], environment: environment).out.split(separator: "\n").map(String.init)
        #expect(routes.count > 100)

        let port = Self.freePort()
        let server = Process()
        server.executableURL = ChisoCommandTests.binary
        server.arguments = ["serve", "--port", String(port)]
        server.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let log = folder.appendingPathComponent("server.log")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let logHandle = try FileHandle(forWritingTo: log)
        server.standardOutput = logHandle
        server.standardError = logHandle
        try server.run()
        defer { if server.isRunning { server.terminate(); server.waitUntilExit() } }
        var up = false
        for _ in 0..<100 where !up {
            up = Self.send(Array("GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".utf8), port: port) == 200
            if !up { usleep(100_000) }
        }
        try #require(up, "the server did not start")

        // Signed in: log in with the temporary password (the session exists; pages ask for a new password).
        let loginPage = try #require(Self.fetch("GET /login HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", port: port))
        let csrf = try #require(Self.cookie("chiso_csrf", in: loginPage))
        let form = "username=quantri&password=\(temporary.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")&_csrf=\(csrf)"
        let loggedIn = try #require(Self.fetch("POST /login HTTP/1.1\r\nHost: x\r\nConnection: close\r\nCookie: chiso_csrf=\(csrf)\r\n"
            + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: \(form.utf8.count)\r\n\r\n\(form)", port: port))
        let session = try #require(Self.cookie("chiso_session", in: loggedIn))
        let signedIn = Array("chiso_session=\(session); chiso_csrf=\(csrf)".utf8)

        var sent = 0, answered = 0
        for route in routes {
            let parts = route.split(separator: " ", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { continue }
            let (method, pattern) = (parts[0], parts[1])
            let filled = pattern.split(separator: "/").map { $0.hasPrefix(":") ? UUID().uuidString : String($0) }.joined(separator: "/")
            var requests: [Raw] = []
            for cookie in [nil, signedIn] {
                requests += Self.variants(method: method, path: "/" + filled, cookie: cookie)
                requests += Self.oddPaths(pattern).map { Raw(method: method, path: $0, headers: cookie.map { [("Cookie", $0)] } ?? [], body: []) }
            }
            requests.append(Raw(method: "PUT", path: "/" + filled, headers: [], body: Array("x".utf8)))
            for request in requests {
                if Self.send(request.bytes, port: port, halfClose: request.halfClose) != nil {
                    answered += 1
                } else if ProcessInfo.processInfo.environment["HOSTILE_DEBUG"] != nil { // which requests got no answer
                    print("unanswered:", String(decoding: request.bytes.prefix(400), as: UTF8.self).debugDescription)
                }
                sent += 1
                try #require(server.isRunning, "the server died at \(request.method) \(request.path.prefix(200)): \(String(decoding: request.bytes.prefix(600), as: UTF8.self).debugDescription)")
            }
        }
        // A request that asks for an upgrade, its body still to come: answered at once (Vapor would hold the rest unanswered).
        if let fd = Self.connect(port: port) {
            let head = Array("POST /login HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nContent-Length: 100000\r\n\r\nabc".utf8)
            _ = head.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            var buffer = [UInt8](repeating: 0, count: 4096)
            let n = recv(fd, &buffer, buffer.count, 0)
            close(fd)
            #expect(n > 0 && String(decoding: buffer.prefix(12), as: UTF8.self) == "HTTP/1.1 400", "no answer to a pending upgrade")
        }
        #expect(Self.send(Array("GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".utf8), port: port) == 200)
        #expect(answered > sent * 8 / 10, "\(answered) of \(sent) requests answered")
        let serverLog = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        #expect(!serverLog.contains("Fatal error"), "\(serverLog.suffix(2000))")
    }

    /// The whole answer of one request written out as text.
    static func fetch(_ request: String, port: UInt16) -> String? {
        exchange(Array(request.utf8), port: port).map { String(decoding: $0, as: UTF8.self) }
    }

    /// A cookie's value from the answer's `Set-Cookie` headers.
    static func cookie(_ name: String, in answer: String) -> String? {
        for line in answer.split(separator: "\r\n") where line.lowercased().hasPrefix("set-cookie: \(name)=") {
            return line.dropFirst("set-cookie: \(name)=".count).split(separator: ";").first.map(String.init)
        }
        return nil
    }
}
