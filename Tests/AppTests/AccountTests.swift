import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import App

@Suite("Login, sessions, passwords", .serialized)
struct AccountTests {
    @Test("Login sets an HttpOnly SameSite session cookie, renewed at every login; logout ends the session")
    func loginAndLogout() async throws {
        try await TestApp.run { app, fixture in
            let browser = Browser(app)
            let first = try await browser.login("t.organizer")
            #expect(first.status == .seeOther)
            let cookie = try #require(first.headers[.setCookie].first { $0.hasPrefix("chiso_session=") })
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Lax"))
            let firstToken = browser.cookies["chiso_session"]
            let home = try await browser.get("/")
            #expect(home.status == .ok)
            #expect(home.body.contains("Người organizer"))
            // Logging in again replaces the session (no fixation).
            _ = try await browser.login("t.organizer")
            #expect(browser.cookies["chiso_session"] != firstToken)
            #expect(try await SessionModel.query(on: app.db).count() == 1)
            try await browser.get("/")
            let out = try await browser.post("/logout")
            #expect(out.status == .seeOther)
            #expect(try await SessionModel.query(on: app.db).count() == 0)
            #expect(try await browser.get("/").location?.hasPrefix("/login") == true)
        }
    }

    @Test("A wrong password says so in Vietnamese, keeps the username, and is audited")
    func wrongPassword() async throws {
        try await TestApp.run { app, _ in
            let browser = Browser(app)
            let page = try await browser.login("t.admin", password: "Sai-mat-khau-1")
            #expect(page.status == .unauthorized)
            #expect(page.body.contains("Tên đăng nhập hoặc mật khẩu không đúng."))
            #expect(page.body.contains("value=\"t.admin\""))
            let events = try await AuditEventModel.query(on: app.db).filter(\.$action == "login.failed").all()
            #expect(events.count == 1)
        }
    }

    @Test("Failures beyond the free ones make the username wait, said in words (429); other accounts are not affected")
    func throttling() async throws {
        try await TestApp.run { app, _ in
            let browser = Browser(app)
            for _ in 0..<3 { #expect(try await browser.login("t.editor", password: "Sai-mat-khau-1").status == .unauthorized) }
            let waiting = try await browser.login("t.editor")
            #expect(waiting.status == .tooManyRequests)
            // The wait as it stands when the page is made: 30 seconds after the third failure, less the time since.
            #expect(waiting.body.contains("Đăng nhập sai nhiều lần liên tiếp. Vui lòng chờ "))
            #expect((1...30).contains { waiting.body.contains("chờ \($0) giây rồi thử lại.") })
            // Another account is not slowed by these failures.
            #expect(try await browser.login("t.head").status == .seeOther)
        }
    }

    @Test("Login without the CSRF token is refused")
    func loginCSRF() async throws {
        try await TestApp.run { app, _ in
            let browser = Browser(app)
            let page = try await browser.post("/login", [("username", "t.admin"), ("password", Fixture.password)], csrf: false)
            #expect(page.status == .forbidden)
            #expect(browser.cookies["chiso_session"] == nil)
        }
    }

    @Test("An account made by an admin must change its password first; the policy is enforced")
    func mustChangePassword() async throws {
        try await TestApp.run { app, fixture in
            let admin = Browser(app)
            try await admin.signIn("t.admin")
            let created = try await admin.post("/admin/users", [
                ("username", "moi.nguoi"), ("displayName", "Người mới"), ("agencyID", fixture.own.uuidString), ("roles[]", "editor"),
                ("active", "on"),
            ])
            #expect(created.status == .ok)
            let temporary = try #require(created.body.range(of: "id=\"temporary-password\">").map { range in
                String(created.body[range.upperBound...].prefix { $0 != "<" })
            })
            let user = Browser(app)
            let login = try await user.login("moi.nguoi", password: temporary)
            #expect(login.location == "/account/password")
            #expect(try await user.get("/").location == "/account/password")
            _ = try await user.get("/account/password")
            let weak = try await user.post("/account/password", [("current", temporary), ("new", "ngan"), ("repeated", "ngan")])
            #expect(weak.status == .unprocessableEntity)
            #expect(weak.body.contains("ít nhất 10 ký tự"))
            let done = try await user.post("/account/password", [("current", temporary), ("new", "Mot-Mat-Khau-Moi-9"),
                                                                  ("repeated", "Mot-Mat-Khau-Moi-9")])
            #expect(done.status == .seeOther)
            #expect(try await user.get("/").status == .ok)
            let audit = try await AuditEventModel.query(on: app.db).filter(\.$action == "user.password_changed").all()
            #expect(audit.count == 1)
        }
    }

    @Test("A session idle longer than the timeout ends")
    func idleTimeout() async throws {
        try await TestApp.run { app, _ in
            let browser = Browser(app)
            try await browser.signIn("t.viewer")
            try await SessionModel.query(on: app.db).set(\.$lastSeenAt, to: Date().addingTimeInterval(-31 * 60)).update()
            let page = try await browser.get("/")
            #expect(page.location == "/login?next=/&expired=1")
            #expect(try await SessionModel.query(on: app.db).count() == 0)
            let login = try await browser.get(page.location!)
            #expect(login.body.contains("Phiên làm việc đã hết hạn"))
        }
    }

    @Test("A leaf saved after the session ran out: the login says so, leads back to the leaf, and offers what was typed until it is saved")
    func timedOutSave() async throws {
        try await TestApp.run { app, fixture in
            let a = fixture.ownAssessment
            let editor = Browser(app)
            try await editor.signIn("t.editor")
            _ = try await editor.get("/assessments/\(a)")
            try await SessionModel.query(on: app.db).set(\.$lastSeenAt, to: Date().addingTimeInterval(-31 * 60)).update()
            let save = try await editor.post("/assessments/\(a)/entries/1.2", [("value", "66,5"), ("note", "Theo báo cáo quý IV"), ("revision", "0")])
            #expect(save.status == .seeOther)
            #expect(save.location == "/login?next=/assessments/\(a)%23leaf-1.2&expired=1", "\(save.location ?? "")")
            // Nothing was saved, nothing was lost.
            let stored = try await CriterionEntryModel.query(on: app.db).filter(\.$assessment.$id == a).filter(\.$criterionCode == "1.2").first()
            #expect(stored?.selfInput != "66,5")
            #expect(try await KeptEntryModel.query(on: app.db).count() == 1)
            let login = try await editor.get(save.location!)
            #expect(login.body.contains("Phiên làm việc đã hết hạn"))
            let back = try await editor.post("/login", [("username", "t.editor"), ("password", Fixture.password), ("next", "/assessments/\(a)#leaf-1.2")])
            #expect(back.location == "/assessments/\(a)#leaf-1.2")
            let page = try await editor.get("/assessments/\(a)")
            #expect(page.body.contains("Phiên làm việc đã hết hạn trước khi bạn lưu."))
            #expect(page.body.contains("value=\"66,5\"") && page.body.contains("Theo báo cáo quý IV"))
            // Another user of the same agency is not offered it.
            let head = Browser(app)
            try await head.signIn("t.head")
            #expect(!(try await head.get("/assessments/\(a)").body.contains("66,5")))
            // Saved: kept no more.
            let revision = try await CriterionEntryModel.query(on: app.db).filter(\.$assessment.$id == a).filter(\.$criterionCode == "1.2").first()?.revision ?? 0
            #expect(try await editor.post("/assessments/\(a)/entries/1.2", [("value", "66,5"), ("note", "Theo báo cáo quý IV"),
                                                                              ("revision", String(revision))]).status == .seeOther)
            #expect(try await KeptEntryModel.query(on: app.db).count() == 0)
            #expect(!(try await editor.get("/assessments/\(a)").body.contains("trước khi bạn lưu")))
            // A form that did not come from that session's pages (no CSRF token) is not kept.
            try await SessionModel.query(on: app.db).set(\.$lastSeenAt, to: Date().addingTimeInterval(-31 * 60)).update()
            let forged = try await editor.post("/assessments/\(a)/entries/1.1", [("value", "không"), ("revision", "0")], csrf: false)
            #expect(forged.location?.hasPrefix("/login?next=/assessments/") == true)
            #expect(try await KeptEntryModel.query(on: app.db).count() == 0)
        }
    }

    @Test("Pages carry the security headers")
    func headers() async throws {
        try await TestApp.run { app, _ in
            let page = try await Browser(app).get("/login")
            let csp = try #require(page.headers.first(name: "Content-Security-Policy"))
            #expect(csp.contains("script-src 'self'"))
            #expect(!csp.contains("unsafe-inline"))
            #expect(csp.contains("frame-ancestors 'none'"))
            #expect(page.headers.first(name: "X-Content-Type-Options") == "nosniff")
            #expect(page.headers.first(name: "X-Frame-Options") == "DENY")
            #expect(!page.body.contains("<script"))
            #expect(!page.body.contains("style=\""))
        }
    }

    @Test("Only local paths are followed after login")
    func safeNext() {
        #expect(AccountController.safeNext("/periods") == "/periods")
        #expect(AccountController.safeNext("//evil.example") == "/")
        #expect(AccountController.safeNext("https://evil.example") == "/")
        #expect(AccountController.safeNext("/\\evil") == "/")
        #expect(AccountController.safeNext(nil) == "/")
    }

    @Test("The password policy")
    func policy() {
        #expect(Passwords.problem("Ngan-1", username: "a") != nil)
        #expect(Passwords.problem("khongcochuhoa1", username: "a") != nil)
        #expect(Passwords.problem("KHONGCOCHUTHUONG1", username: "a") != nil)
        #expect(Passwords.problem("KhongCoChuSo", username: "a") != nil)
        #expect(Passwords.problem("Nguyenvana2026", username: "nguyenvana") != nil)
        #expect(Passwords.problem("Mat-khau-2026", username: "t.admin") == .passwordCommon) // "mật khẩu" with decoration
        #expect(Passwords.problem("Mot-Mat-Khau-Moi-9", username: "t.admin") == nil)
        #expect(Passwords.problem(Passwords.temporary(), username: "x") == nil)
    }
}
