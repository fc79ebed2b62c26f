import ChiSoCore
import Fluent
import Foundation
import NIOCore
import Testing
import Vapor
import VaporTesting
@testable import App

/// The findings of the security review (issue 14), each as a test that
/// failed on the code before the fix.
@Suite("Hardening", .serialized)
struct HardeningTests {
    // MARK: 1. A multipart request without a valid boundary

    static let badBoundaries = [
        "multipart/form-data; boundary=", "multipart/form-data; boundary=\"\"", "multipart/form-data; boundary=;",
        "multipart/form-data; boundary", "multipart/form-data", "multipart/form-data; boundary= ",
        "multipart/form-data; boundary=" + String(repeating: "a", count: 71), "multipart/form-data; boundary=ạ",
        "multipart/form-data; boundary=\"a\u{1}b\"", "multipart/mixed; boundary=", "MULTIPART/FORM-DATA; BOUNDARY=",
    ]

    @Test("RFC 2046 boundaries: 1 to 70 allowed characters, not ending in a space")
    func boundaryRule() {
        for good in ["a", "----WebKitFormBoundary7MA4YWxkTrZu0gW", String(repeating: "z", count: 70), "a b", "'()+_,-./:=?"] {
            #expect(MultipartBoundary.isValid(good), "\(good)")
        }
        for bad in ["", " ", "a ", String(repeating: "z", count: 71), "ạ", "a\u{0}", "a\"b", "a;b", "a\\b"] {
            #expect(!MultipartBoundary.isValid(bad), "\(bad.debugDescription)")
        }
    }

    @Test("A multipart request with an empty or invalid boundary gets 400 on every route, logged in or not, and the server stays up")
    func emptyBoundaryEverywhere() async throws {
        try await TestApp.run { app, fixture in
            let anonymous = Browser(app)
            let admin = Browser(app)
            try await admin.signIn("t.admin")
            let body = Array("--\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\nx\r\n----\r\n".utf8)
            // The route patterns with every parameter filled in: the crash was reached before any handler.
            let paths = app.routes.all.map { route in
                "/" + route.path.map { component -> String in
                    if case .constant(let text) = component { return text }
                    return fixture.ownAssessment.uuidString
                }.joined(separator: "/")
            }
            for contentType in Self.badBoundaries {
                for browser in [anonymous, admin] {
                    let login = try await browser.raw(.POST, "/login", contentType: contentType, body: body)
                    #expect(login.status == .badRequest, "\(contentType) → \(login.status)")
                }
            }
            for path in Set(paths) {
                for method in [HTTPMethod.POST, .GET] {
                    let page = try await admin.raw(method, path, contentType: "multipart/form-data; boundary=", body: body)
                    #expect(page.status == .badRequest, "\(method) \(path) → \(page.status)")
                }
            }
            // Still serving, and the refusals are on record.
            #expect(try await anonymous.get("/health").status == .ok)
            let refused = try await AuditEventModel.query(on: app.db).filter(\.$action == "request.refused").count()
            #expect(refused > 0)
        }
    }

    @Test("Random Content-Type headers and bodies on every route that reads one: never a 5xx, never a crash")
    func randomContentTypes() async throws {
        try await TestApp.run { app, fixture in
            let admin = Browser(app)
            try await admin.signIn("t.admin")
            var generator = DemoRandom(seed: "content-types")
            let types = ["multipart/form-data", "multipart/mixed", "application/x-www-form-urlencoded", "application/json", "text/plain",
                         "application/octet-stream", "MULTIPART/Form-Data", "multipart", "application/json; charset=utf-16", ""]
            let parameters = ["boundary=", "boundary=\"\"", "boundary=;", "boundary", "boundary=a", "boundary=\"a b\"", "boundary= x",
                              "boundary=" + String(repeating: "z", count: 71), "boundary=\u{7F}", "charset=x", "boundary=a; boundary=", "=", ";;"]
            let bodies: [[UInt8]] = [
                [], Array("--a\r\n\r\n--a--\r\n".utf8), Array("--a\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\nx\r\n--a--".utf8),
                Array("{\"value\": [[[[[[]]]]]]}".utf8), Array("_csrf[]=1&value[x]=2&%FF=%".utf8), [0xFF, 0xFE, 0x00, 0x2D, 0x2D],
                Array("--a\r\n".utf8) + [0xC3, 0x80] + Array(": x\r\n\r\n".utf8),
            ]
            let posts = app.routes.all.filter { $0.method == .POST }.map { route in
                "/" + route.path.map { component -> String in
                    if case .constant(let text) = component { return text }
                    return fixture.ownAssessment.uuidString
                }.joined(separator: "/")
            }
            for _ in 0..<400 {
                let path = posts.randomElement(using: &generator)!
                var contentType = types.randomElement(using: &generator)!
                for _ in 0..<Int.random(in: 0...2, using: &generator) { contentType += "; " + parameters.randomElement(using: &generator)! }
                let page = try await admin.raw(.POST, path, contentType: contentType.isEmpty ? nil : contentType,
                                               body: bodies.randomElement(using: &generator)!)
                #expect(page.status.code < 500, "POST \(path) with Content-Type \(contentType.debugDescription) → \(page.status)")
            }
            #expect(try await admin.get("/health").status == .ok)
        }
    }

    @Test("Page numbers past any page (up to Int.max) answer an empty page or 400, never a trap (found by bench/fuzz/http.py)")
    func hugePages() async throws {
        try await TestApp.run { app, _ in
            let admin = Browser(app)
            try await admin.signIn("t.admin")
            for page in ["9223372036854775807", "184467440737095516", "100001", "-9223372036854775808", "0"] {
                #expect(try await admin.get("/admin/audit?page=\(page)").status == .ok, "audit page \(page)")
                #expect(try await admin.get("/tasks?page=\(page)").status == .ok, "tasks page \(page)")
                let api = try await APITests.call(app, .GET, "/api/v1/tasks?page=\(page)", token: try await APITests.token(app, "t.admin"))
                #expect(api.status == .badRequest && api.code == "invalid_parameter", "API page \(page)")
            }
            #expect(try await admin.get("/health").status == .ok)
        }
    }

    @Test("A form of more fields or parts than any of ChiSo's is refused before it is decoded (Vapor and MultipartKit take quadratic time)")
    func tooManyFields() async throws {
        try await TestApp.run { app, _ in
            let browser = Browser(app)
            try await browser.get("/login")
            // 40,000 times the same key: before, anonymous and 10 s of an event loop.
            let repeated = Array((["username=x", "password=y"] + Array(repeating: "a=1", count: 40_000)).joined(separator: "&").utf8)
            let clock = ContinuousClock()
            let started = clock.now
            let login = try await browser.raw(.POST, "/login", contentType: "application/x-www-form-urlencoded", body: repeated)
            #expect(login.status == .payloadTooLarge)
            let editor = Browser(app)
            try await editor.signIn("t.editor")
            let tasks = try await editor.raw(.POST, "/account/password", contentType: "application/x-www-form-urlencoded",
                                             body: Array((["_csrf=\(editor.csrfToken ?? "")"] + Array(repeating: "a=1", count: 3_000)).joined(separator: "&").utf8))
            #expect(tasks.status == .payloadTooLarge)
            #expect(tasks.body.contains("Biểu mẫu có quá nhiều trường (tối đa 2.000)"))
            var parts = ""
            for number in 0..<2_500 { parts += "--b\r\nContent-Disposition: form-data; name=\"f\(number)\"\r\n\r\nx\r\n" }
            parts += "--b--\r\n"
            let multipart = try await editor.raw(.POST, "/account/password", contentType: "multipart/form-data; boundary=b", body: Array(parts.utf8))
            #expect(multipart.status == .payloadTooLarge)
            // (Quick: no decoder ran. The bound is generous for a debug build on a loaded machine.)
            #expect(clock.now - started < .seconds(20))
            #expect(try await browser.get("/health").status == .ok)
        }
    }

    // MARK: 2. Open redirects

    static let redirectBypasses = [
        "//evil.example", "/\t/evil.example/steal", "/\\evil.example", "\\\\evil.example", "/\\/evil.example",
        "https://evil.example", "http:/evil.example", "/\n/evil.example", "/\r/evil.example", " /evil", "/ /evil.example",
        "//\tevil.example", "/\u{0}/evil", "javascript:alert(1)", "evil.example", "", "/\u{3000}/evil.example", "/é/evil",
        "///evil.example", "/\u{7F}/evil",
    ]

    @Test("next= and back= accept only a path of this site")
    func openRedirects() async throws {
        for bypass in Self.redirectBypasses {
            #expect(AccountController.safeNext(bypass) == "/", "\(bypass.debugDescription)")
        }
        for fine in ["/", "/assessments/x#leaf-1.2", "/periods?x=1&y=%2F%2Fz", "/tasks?q=a%20b"] {
            #expect(AccountController.safeNext(fine) == fine)
        }
        try await TestApp.run { app, _ in
            let browser = Browser(app)
            for raw in ["/%09/evil.example/steal", "//evil.example", "/%5Cevil.example", "/%0D%0A/evil.example", "%2F%2Fevil.example"] {
                let page = try await browser.get("/language/en?back=" + raw)
                #expect(page.location == "/", "back=\(raw) → \(page.location ?? "nil")")
            }
            try await browser.get("/login")
            let login = try await browser.post("/login", [("username", "t.admin"), ("password", Fixture.password), ("next", "/\t/evil.example")])
            #expect(login.location == "/")
        }
    }

    // MARK: 3 and 4. Login throttling

    @Test("Concurrent wrong passwords for one username: exactly the free ones are checked, the rest wait")
    func throttleRace() async throws {
        try await TestApp.run { app, _ in
            let browsers = (0..<15).map { _ in Browser(app) }
            for browser in browsers { try await browser.get("/login") }
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for browser in browsers {
                    group.addTask { try await browser.post("/login", [("username", "t.editor"), ("password", "Sai-mat-khau-1")]).status }
                }
                return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
            }
            // CHISO_LOGIN_MAX_FAILURES is 3 in the tests.
            #expect(statuses.filter { $0 == .unauthorized }.count == 3)
            #expect(statuses.filter { $0 == .tooManyRequests }.count == 12)
            let checked = try await AuditEventModel.query(on: app.db).filter(\.$action == "login.failed").count()
            #expect(checked == 3)
            let throttled = try await AuditEventModel.query(on: app.db).filter(\.$action == "login.throttled").count()
            #expect(throttled == 12)
        }
    }

    @Test("Waits grow with each failure and are capped; a key left alone starts over")
    func delaySchedule() {
        let cap: TimeInterval = 900
        #expect(LoginThrottle.delay(afterFailures: 2, free: 5, cap: cap) == 0)
        #expect(LoginThrottle.delay(afterFailures: 5, free: 5, cap: cap) == 30)
        #expect(LoginThrottle.delay(afterFailures: 6, free: 5, cap: cap) == 60)
        #expect(LoginThrottle.delay(afterFailures: 9, free: 5, cap: cap) == 480)
        #expect(LoginThrottle.delay(afterFailures: 10, free: 5, cap: cap) == 900)
        #expect(LoginThrottle.delay(afterFailures: 1000, free: 5, cap: cap) == 900)
    }

    @Test("An outsider's failures do not lock out the officer's own browser, which logged in before")
    func knownDevicePasses() async throws {
        try await TestApp.run { app, _ in
            let officer = Browser(app)
            #expect(try await officer.login("t.editor").status == .seeOther)
            #expect(officer.cookies[KnownDevice.cookieName] != nil)
            try await officer.post("/logout")
            let outsider = Browser(app)
            for _ in 0..<6 { _ = try await outsider.login("t.editor", password: "Doan-bua-123") }
            #expect(try await outsider.login("t.editor").status == .tooManyRequests) // even the right password waits
            #expect(try await officer.login("t.editor").status == .seeOther)
            // A device cookie for another username, or forged, counts for nothing.
            let forger = Browser(app)
            forger.setCookie(KnownDevice.cookieName, officer.cookies[KnownDevice.cookieName])
            #expect(try await forger.login("t.head", password: "Sai-mat-khau-1").status == .unauthorized)
            forger.setCookie(KnownDevice.cookieName, "abc.def")
            #expect(try await forger.login("t.editor").status == .tooManyRequests)
        }
    }

    @Test("Behind trusted proxies the client is the rightmost untrusted X-Forwarded-For entry")
    func forwardedFor() async throws {
        try await TestApp.run(settings: ["CHISO_TRUSTED_PROXIES": "127.0.0.1, 10.0.0.0/8"]) { app, _ in
            func address(peer: String, _ forwarded: [String]) throws -> String {
                var headers = HTTPHeaders()
                for value in forwarded { headers.add(name: .xForwardedFor, value: value) }
                let request = Request(application: app, method: .GET, url: "/", headers: headers,
                                      remoteAddress: try SocketAddress(ipAddress: peer, port: 5000), on: app.eventLoopGroup.next())
                return request.clientAddress
            }
            let cases: [(String, [String], String)] = [
                ("127.0.0.1", ["6.6.6.6, 203.0.113.9"], "203.0.113.9"), // the spoofed leftmost is ignored
                ("127.0.0.1", ["6.6.6.6, 203.0.113.9, 10.1.2.3"], "203.0.113.9"),
                ("127.0.0.1", ["6.6.6.6", "203.0.113.9"], "203.0.113.9"),
                ("198.51.100.7", ["6.6.6.6"], "198.51.100.7"), // not from a proxy of ours
                ("127.0.0.1", ["evil, 10.0.0.1"], "127.0.0.1"), // garbage ends the walk
                ("127.0.0.1", [], "127.0.0.1"),
            ]
            for (peer, forwarded, expected) in cases {
                let found = try address(peer: peer, forwarded)
                #expect(found == expected, "\(peer) \(forwarded)")
            }
        }
        try await TestApp.run { app, _ in
            var headers = HTTPHeaders()
            headers.add(name: .xForwardedFor, value: "6.6.6.6")
            let request = Request(application: app, method: .GET, url: "/", headers: headers,
                                  remoteAddress: try SocketAddress(ipAddress: "127.0.0.1", port: 5000), on: app.eventLoopGroup.next())
            #expect(request.clientAddress == "127.0.0.1") // no proxy trusted by default
        }
        #expect(IPRange("10.0.0.0/8")?.contains(IPRange.parse("10.200.1.1")!) == true)
        #expect(IPRange("10.0.0.0/8")?.contains(IPRange.parse("11.0.0.1")!) == false)
        #expect(IPRange("fd00::/8")?.contains(IPRange.parse("fd12::1")!) == true)
        #expect(IPRange("::ffff:127.0.0.1") == IPRange("127.0.0.1"))
        #expect(IPRange("10.0.0.0/33") == nil)
        #expect(IPRange("not an address") == nil)
    }

    // MARK: 5. API tokens

    @Test("API tokens expire, end with a password reset or change and a disabled account, and wait for a pending change")
    func tokens() async throws {
        try await TestApp.run { app, fixture in
            func me(_ token: String) async throws -> APITests.Reply { try await APITests.call(app, .GET, "/api/v1/me", token: token) }
            let token = try await APITests.token(app, "t.editor")
            #expect(try await me(token).status == .ok)

            // Expired.
            let old = try await APITests.token(app, "t.head")
            try await APITokenModel.query(on: app.db).filter(\.$tokenHash == Sessions.hash(old)).set(\.$expiresAt, to: Date().addingTimeInterval(-1)).update()
            #expect(try await me(old).code == "invalid_token")

            // Reset by the administrator: the token ends, and stays ended after the new password is set.
            let admin = Browser(app)
            try await admin.signIn("t.admin")
            let editor = try #require(try await UserModel.query(on: app.db).filter(\.$username == "t.editor").first())
            #expect(try await admin.post("/admin/users/\(editor.id!)/password").status == .ok)
            #expect(try await me(token).status == .unauthorized)
            // While the password change is pending, even a new token is refused.
            let pending = try await APITests.token(app, "t.editor")
            let refused = try await me(pending)
            #expect(refused.status == .forbidden)
            #expect(refused.code == "password_change_required")

            // Disabled, then enabled again: the token made before does not come back.
            let viewer = try await APITests.token(app, "t.viewer")
            let viewerID = try #require(try await UserModel.query(on: app.db).filter(\.$username == "t.viewer").first()?.id)
            let form = [("displayName", "Người viewer"), ("agencyID", fixture.own.uuidString), ("roles[]", "viewer")]
            #expect(try await admin.post("/admin/users/\(viewerID)", form).status == .seeOther) // no "active": disabled
            #expect(try await me(viewer).status == .unauthorized)
            #expect(try await admin.post("/admin/users/\(viewerID)", form + [("active", "on")]).status == .seeOther)
            #expect(try await me(viewer).status == .unauthorized)
            let revoked = try await APITokenModel.query(on: app.db).filter(\.$revokedAt != nil).all()
            #expect(Set(revoked.compactMap(\.revokedReason)) == ["password_reset", "account_disabled"])

            // The user's own password change ends the tokens made under the old one.
            let chair = try await APITests.token(app, "t.chair")
            let browser = Browser(app)
            try await browser.signIn("t.chair")
            let changed = try await browser.post("/account/password", [("current", Fixture.password), ("new", "Tho-Dong-Song-Hong-7"),
                                                                       ("repeated", "Tho-Dong-Song-Hong-7")])
            #expect(changed.status == .seeOther)
            #expect(try await me(chair).status == .unauthorized)
        }
    }

    // MARK: 6. Unbounded work

    @Test("A note of 1.9 MB is refused with a clear message and nothing is stored")
    func longTexts() async throws {
        try await TestApp.run { app, fixture in
            let editor = Browser(app)
            try await editor.signIn("t.editor")
            let huge = String(repeating: "a", count: 1_900_000)
            let page = try await editor.post("/assessments/\(fixture.ownAssessment)/entries/1.2", [("value", "90"), ("note", huge), ("revision", "0")])
            #expect(page.status == .unprocessableEntity)
            #expect(page.body.contains("tối đa 10.000 ký tự"))
            #expect(try await SelfAssessmentTests.entry(app, fixture.ownAssessment, "1.2")?.selfInput == "87,5")
            let fine = try await editor.post("/assessments/\(fixture.ownAssessment)/entries/1.2",
                                             [("value", "90"), ("note", String(repeating: "a", count: Limits.note)), ("revision", "0")])
            #expect(fine.status == .seeOther)
            // Names too, and through the API (in English).
            let organizer = Browser(app)
            try await organizer.signIn("t.organizer")
            let reason = try await organizer.post("/assessments/\(fixture.otherAssessment)/exception",
                                                  [("reason", String(repeating: "x", count: Limits.reason + 1)), ("until", "20/12/2026")])
            #expect(reason.status == .unprocessableEntity)
            let token = try await APITests.token(app, "t.taskofficer")
            let api = try await APITests.call(app, .POST, "/api/v1/tasks", token: token,
                                              body: ["sourceID": String(repeating: "T", count: Limits.name + 1), "content": "x"])
            #expect(api.status == .unprocessableEntity)
            #expect(api.code == "text_too_long")
        }
    }

    @Test("An import larger than the row limit is refused, and the limit is stated on the page")
    func importRowLimit() async throws {
        try await TestApp.run(settings: ["CHISO_IMPORT_MAX_ROWS": "3"]) { app, _ in
            let officer = Browser(app)
            try await officer.signIn("t.taskofficer")
            let form = try await officer.get("/tasks/import")
            #expect(form.body.contains("Tối đa 3 dòng dữ liệu mỗi lần nhập."))
            var csv = "ma,so van ban,don vi,noi dung,han xu ly\n"
            for number in 1...4 { csv += "T-\(number),1/UBND,SNV,Việc \(number),30/06/2026\n" }
            let page = try await officer.upload("/tasks/import", field: "file", fileName: "tasks.csv", content: Array(csv.utf8))
            #expect(page.status == .unprocessableEntity)
            #expect(page.body.contains("Tệp có 4 dòng dữ liệu, vượt giới hạn 3 dòng cho một lần nhập"))
            #expect(try await TaskImportModel.query(on: app.db).count() == 1) // the fixture's, nothing new
        }
    }

    // MARK: 7. One reading of an input

    @Test("The appraisal refuses NA where the rule refuses it, and the total does not move")
    func appraisalNA() async throws {
        try await TestApp.run { app, fixture in
            let a = fixture.ownAssessment
            let editor = Browser(app), head = Browser(app), chair = Browser(app)
            try await editor.signIn("t.editor")
            try await head.signIn("t.head")
            try await chair.signIn("t.chair")
            #expect(try await editor.post("/assessments/\(a)/entries/1.1", [("value", "có"), ("revision", "0")]).status == .seeOther)
            #expect(try await head.post("/assessments/\(a)/submit").status == .seeOther)
            try await chair.get("/assessments/\(a)/appraisal")
            let na = try await chair.post("/assessments/\(a)/appraisal/1.2", [("value", "NA"), ("comment", "Không áp dụng")])
            #expect(na.status == .unprocessableEntity)
            #expect(na.body.contains("không cho phép"))
            #expect(try await SelfAssessmentTests.entry(app, a, "1.2")?.appraisedInput == nil)
            let api = try await APITests.call(app, .POST, "/api/v1/assessments/\(a)/appraisal/1.2", token: try await APITests.token(app, "t.chair"),
                                              body: ["value": "na", "comment": "x"])
            #expect(api.status == .unprocessableEntity)
            #expect(api.code == "invalid_input")
        }
    }

    // MARK: 8. CSV formula injection

    @Test("Agency names and tags that a spreadsheet would run are refused at entry")
    func formulaNames() async throws {
        try await TestApp.run { app, _ in
            let admin = Browser(app)
            try await admin.signIn("t.admin")
            try await admin.get("/admin/agencies/new")
            for (field, value) in [("name", "=HYPERLINK(\"http://evil.example\",\"Bấm\")"), ("tags", "noi-dia; @SUM(1+1)"), ("code", "-X1")] {
                var form = ["code": "SYT", "name": "Sở Y tế", "group": "so", "tags": ""]
                form[field] = value
                let page = try await admin.post("/admin/agencies", form.map { ($0.key, $0.value) })
                #expect(page.status == .unprocessableEntity, "\(field)")
                #expect(page.body.contains("bảng tính (Excel) sẽ chạy nội dung này như một công thức"), "\(field)")
            }
            let csv = "code,name,group,tags\nSYT,\"=HYPERLINK(\"\"x\"\")\",so,\nSCT,Sở Công Thương,so,+cmd\n"
            let page = try await admin.upload("/admin/agencies/import", field: "file", fileName: "a.csv", content: Array(csv.utf8))
            #expect(page.status == .unprocessableEntity)
            #expect(page.body.contains("a.csv:2: đơn vị SYT: tên"))
            #expect(page.body.contains("a.csv:3: đơn vị SCT: nhãn &quot;+cmd&quot;") || page.body.contains("a.csv:3: đơn vị SCT: nhãn \"+cmd\""))
            #expect(try await AgencyModel.query(on: app.db).count() == 4)
        }
    }

    // MARK: 9. Refusals on record

    @Test("Refused requests are audited with user, address and reason, at most 20 a minute per source")
    func refusalsAudited() async throws {
        try await TestApp.run { app, fixture in
            let editor = Browser(app)
            try await editor.signIn("t.editor")
            for _ in 0..<30 { #expect(try await editor.get("/admin/users").status == .forbidden) }
            let rows = try await AuditEventModel.query(on: app.db).filter(\.$action == "request.refused").all()
            #expect(rows.count == RefusalLog.perSource)
            let first = try #require(rows.first)
            #expect(first.username == "t.editor")
            #expect(first.target == "GET /admin/users")
            #expect(Audit.fields(first.after)["status"] == "403")
            #expect(Audit.fields(first.after)["code"] == "missing_role")
            // Without a session: by address; a CSRF failure is a refusal too.
            let anonymous = Browser(app)
            #expect(try await anonymous.post("/login", [("username", "x")], csrf: false).status == .forbidden)
            let anonymousRows = try await AuditEventModel.query(on: app.db).filter(\.$action == "request.refused").filter(\.$username == "-").count()
            #expect(anonymousRows == 1)
            _ = fixture
        }
    }

    @Test("The refusal budget says how many rows it left out")
    func refusalBudget() {
        let budget = RefusalLog.Budget()
        let start = Date()
        for _ in 0..<RefusalLog.perSource { #expect(budget.admit("a", now: start).admitted) }
        #expect(!budget.admit("a", now: start).admitted)
        #expect(!budget.admit("a", now: start).admitted)
        #expect(budget.admit("b", now: start).admitted)
        let next = budget.admit("a", now: start.addingTimeInterval(61))
        #expect(next.admitted && next.leftOut == 2)
    }

    // MARK: 10 and 13. File names

    @Test("File names are cleaned wherever they are stored or sent, and end with their type's extension")
    func fileNames() async throws {
        #expect(FileNames.clean("..\\..\\bao\u{1}cao\u{1B}\u{7F}\u{202E}fdp.exe", contentType: "application/pdf") == "baocaofdp.pdf")
        #expect(FileNames.clean("anh.JPEG", contentType: "image/jpeg") == "anh.JPEG")
        #expect(FileNames.clean("bang.xlsx", contentType: "application/zip") == "bang.xlsx")
        #expect(FileNames.clean("khong-duoi", contentType: "image/png") == "khong-duoi.png")
        #expect(FileNames.clean("", contentType: "application/pdf") == "tai-lieu.pdf")
        try await TestApp.run { app, fixture in
            let officer = Browser(app)
            try await officer.signIn("t.taskofficer")
            try await officer.get("/tasks/\(fixture.ownTask)")
            let hostile = "..\\..\\bao\u{1}cao\u{1B}\u{7F}\u{202E}fdp.exe"
            let upload = try await officer.upload("/tasks/\(fixture.ownTask)/evidence", field: "file", fileName: hostile,
                                                  content: Array("%PDF-1.4\n% bao cao\n%%EOF\n".utf8))
            #expect(upload.status == .seeOther)
            let stored = try #require(try await TaskEvidenceModel.query(on: app.db).filter(\.$task.$id == fixture.ownTask).sort(\.$createdAt, .descending).first())
            #expect(stored.fileName.hasSuffix("fdp.pdf"), "\(stored.fileName.debugDescription)")
            #expect(!stored.fileName.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F || $0 == "\u{202E}" || $0 == "\\" || $0 == "/" })
            let download = try await officer.get("/tasks/\(fixture.ownTask)/evidence/\(stored.id!)")
            let disposition = try #require(download.headers.first(name: .contentDisposition))
            #expect(disposition.contains("filename=\"\(stored.fileName)\""))
            #expect(!disposition.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F })

            // Assessment evidence: a PDF named .exe is stored and served as .pdf.
            let editor = Browser(app)
            try await editor.signIn("t.editor")
            try await editor.get("/assessments/\(fixture.ownAssessment)")
            let evidence = try await editor.upload("/assessments/\(fixture.ownAssessment)/entries/1.1/evidence", field: "file",
                                                   fileName: "bao-cao.exe", content: Array("%PDF-1.4\n% khac\n%%EOF\n".utf8))
            #expect(evidence.status == .seeOther)
            let link = try #require(try await EvidenceLinkModel.query(on: app.db).filter(\.$assessment.$id == fixture.ownAssessment)
                .filter(\.$fileName == "bao-cao.pdf").first())
            let served = try await editor.get("/evidence/\(link.id!)")
            #expect(served.headers.first(name: .contentDisposition)?.contains("filename=\"bao-cao.pdf\"") == true)
            #expect(served.headers.first(name: .contentType) == "application/pdf")
        }
    }

    // MARK: 11. Login CSRF

    @Test("The login form's CSRF cookie must carry the server's signature")
    func signedLoginCSRF() async throws {
        try await TestApp.run { app, _ in
            let attacker = Browser(app)
            // A cookie planted by someone else (double submit with a value they chose) is refused.
            attacker.setCookie(CSRF.cookieName, "planted")
            let planted = try await attacker.raw(.POST, "/login", contentType: "application/x-www-form-urlencoded",
                                                 body: Array("username=t.admin&password=\(Fixture.password)&_csrf=planted".utf8))
            #expect(planted.status == .forbidden)
            // The page replaces an unsigned cookie with a signed one, which works.
            let browser = Browser(app)
            browser.setCookie(CSRF.cookieName, "planted")
            try await browser.get("/login")
            #expect(browser.cookies[CSRF.cookieName] != "planted")
            #expect(browser.cookies[CSRF.cookieName]?.contains(".") == true)
            #expect(try await browser.post("/login", [("username", "t.admin"), ("password", Fixture.password)]).status == .seeOther)
            // A signature made with another secret (another installation) is refused.
            let other = SymmetricKey(size: .bits256)
            let foreign = SignedTokens.make(.loginCSRF, key: other)
            attacker.setCookie(CSRF.cookieName, foreign)
            let forged = try await attacker.raw(.POST, "/login", contentType: "application/x-www-form-urlencoded",
                                                body: Array("username=t.admin&password=\(Fixture.password)&_csrf=\(foreign)".utf8))
            #expect(forged.status == .forbidden)
            // The secret is in the database: every instance signs alike.
            #expect(try await ServerSecretModel.find(ServerSecrets.hmacName, on: app.db) != nil)
        }
    }

    // MARK: 12. Weak passwords

    @Test("Guessable passwords are refused, each with its reason in Vietnamese")
    func weakPasswords() {
        let cases: [(String, String, T?)] = [
            ("Aaaaaaaaaa1", "t.admin", .passwordRepetitive), ("Abababababab1", "x", .passwordRepetitive),
            ("Matkhau@123", "x", .passwordCommon), ("M@tkh4u-2026", "x", .passwordCommon), ("Password123", "x", .passwordCommon),
            ("Admin@12345", "x", .passwordCommon), ("Qwerty12345", "x", .passwordCommon), ("Anhyeuem2026", "x", .passwordCommon),
            ("Vietnam@2026", "x", .passwordCommon), ("Ab1234567890", "x", .passwordCommon),
            ("ChiSo@2026x", "x", .passwordPersonal), ("Daumoi-Snv-2026", "snv.daumoi", .passwordPersonal),
            ("MinhHoa-2026!", "x", .passwordPersonal), ("Nguyenvana2026", "nguyenvana", .passwordPersonal),
            (String(repeating: "Ab1", count: 50), "x", .passwordTooLong), ("Ngan-1", "x", .passwordPolicy),
            ("Song-Hong-Chay-Ve-Bien-3", "t.editor", nil), ("Tho-Dong-Song-Hong-7", "t.chair", nil),
        ]
        for (password, username, expected) in cases {
            #expect(Passwords.problem(password, username: username, province: "Tỉnh Minh Hoạ") == expected, "\(password)")
        }
        for problem in [T.passwordRepetitive, .passwordCommon, .passwordPersonal, .passwordTooLong] {
            #expect(Catalogue(language: .vietnamese)(problem) != problem.rawValue)
        }
    }
}
