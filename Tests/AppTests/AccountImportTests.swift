import ChiSoCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import App

/// Accounts in bulk: a list previewed with every bad cell, imported all or none, its one-time
/// passwords shown once and given once; accounts disabled, enabled and moved together.
@Suite("Accounts in bulk", .serialized)
struct AccountImportTests {
    static let good = "username,full_name,agency,role,email\nxa1.daumoi,Nguyễn Văn An,XA1,editor,an@xa1.example.test\nxa1.thutruong,Trần Thị Bình,XA1,head;viewer,\n"

    @Test("A bad list: every problem by line and column, nothing created; a good one: preview, then every account with a one-time password")
    func importList() async throws {
        try await TestApp.run { app, _ in
            let admin = Browser(app)
            try await admin.signIn("t.admin")
            _ = try await admin.get("/admin/users/import")
            let bad = try await admin.upload("/admin/users/import", field: "file", fileName: "tai-khoan.csv", content: Array(
                "username,full_name,agency,role,email\nxa1.daumoi,An,KHONGCO,editor,\nt.editor,Trùng,XA1,chief,x@\n".utf8))
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.contains("tai-khoan.csv:3: cột role: &quot;chief&quot; không phải vai trò") || bad.body.contains("tai-khoan.csv:3: cột role: \"chief\" không phải vai trò"))
            #expect(bad.body.contains("cột email"))
            // The database's checks come once the file itself is good.
            let unknown = try await admin.upload("/admin/users/import", field: "file", fileName: "tai-khoan.csv", content: Array(
                "username,full_name,agency,role,email\nxa1.daumoi,An,KHONGCO,editor,\nt.editor,Trùng,XA1,editor,\n".utf8))
            #expect(unknown.body.contains("tai-khoan.csv:2: cột agency: không có đơn vị mã KHONGCO"))
            #expect(unknown.body.contains("tai-khoan.csv:3: cột username: t.editor đã có tài khoản"))
            #expect(try await UserModel.query(on: app.db).filter(\.$username == "xa1.daumoi").count() == 0)

            let preview = try await admin.upload("/admin/users/import", field: "file", fileName: "tai-khoan.csv", content: Array(Self.good.utf8))
            #expect(preview.status == .ok)
            #expect(preview.body.contains("Tệp hợp lệ: 2 tài khoản sẽ được tạo"))
            #expect(try await UserModel.query(on: app.db).filter(\.$username == "xa1.daumoi").count() == 0)
            let content = try #require(preview.body.range(of: "name=\"accountList\" value=\"").map { start in
                String(preview.body[start.upperBound...].prefix { $0 != "\"" })
            })
            let issued = try await admin.post("/admin/users/import", [("accountList", Self.unescape(content)), ("step", "apply")])
            #expect(issued.status == .ok)
            #expect(issued.body.contains("Đã tạo 2 tài khoản."))
            let created = try #require(try await UserModel.query(on: app.db).filter(\.$username == "xa1.thutruong").first())
            #expect(created.roles == [.head, .viewer] && created.mustChangePassword && created.email == nil)
            #expect(try await UserModel.query(on: app.db).filter(\.$username == "xa1.daumoi").first()?.email == "an@xa1.example.test")
            let password = try #require(Self.password(of: "xa1.thutruong", in: issued.body))
            #expect(try await Browser(app).login("xa1.thutruong", password: password).status == .seeOther)
            #expect(try await AuditEventModel.query(on: app.db).filter(\.$action == "user.import").count() == 1)

            // The file: once; then gone. The PDF too (Chromium prints it); once both are taken, nothing is kept.
            let sheet = try #require(issued.body.range(of: "/admin/users/credentials/").map { String(issued.body[$0.upperBound...].prefix(36)) })
            let key = try #require(issued.body.range(of: "name=\"key\" value=\"").map { String(issued.body[$0.upperBound...].prefix { $0 != "\"" }) })
            #expect(try await admin.post("/admin/users/credentials/\(sheet)", [("key", "wrong"), ("format", "csv")]).status == .forbidden)
            let file = try await admin.post("/admin/users/credentials/\(sheet)", [("key", key), ("format", "csv")])
            #expect(file.status == .ok)
            #expect(file.body.contains("XA1,Trần Thị Bình,xa1.thutruong,\(password),head;viewer"))
            #expect(try await admin.post("/admin/users/credentials/\(sheet)", [("key", key), ("format", "csv")]).status == .gone)
            let pdf = try await admin.post("/admin/users/credentials/\(sheet)", [("key", key), ("format", "pdf")])
            #expect(pdf.status == .ok && pdf.bytes.starts(with: Array("%PDF".utf8)))
            #expect(try await CredentialSheetModel.find(UUID(uuidString: sheet), on: app.db) == nil)
            #expect(try await admin.post("/admin/users/credentials/\(sheet)", [("key", key), ("format", "pdf")]).status == .gone)
        }
    }

    @Test("A long list comes back from its preview whole (it is not held to a note's length)")
    func longList() async throws {
        try await TestApp.run { app, _ in
            let admin = Browser(app)
            try await admin.signIn("t.admin")
            _ = try await admin.get("/admin/users/import")
            // 200 rows, about 14,000 characters: over a note's 10,000, read whole (and refused for its agency, nothing created).
            let list = "username,full_name,agency,role,email\n" + (1...200).map { "xa9.canbo\($0),Cán bộ số \($0) của xã Chín,XA9,editor," }.joined(separator: "\n")
            #expect(list.count > 10_000)
            let page = try await admin.post("/admin/users/import", [("accountList", list), ("step", "apply")])
            #expect(page.status == .unprocessableEntity)
            #expect(page.body.contains("tai-khoan.csv:201: cột agency: không có đơn vị mã XA9"))
            #expect(try await UserModel.query(on: app.db).filter(\.$username == "xa9.canbo1").count() == 0)
        }
    }

    @Test("Several accounts disabled, enabled and moved together, each audited; not one's own account")
    func bulk() async throws {
        try await TestApp.run { app, fixture in
            let admin = Browser(app)
            try await admin.signIn("t.admin")
            _ = try await admin.get("/admin/users")
            let editor = try #require(try await UserModel.query(on: app.db).filter(\.$username == "t.editor").first())
            let sxd = try #require(try await UserModel.query(on: app.db).filter(\.$username == "t.sxd.editor").first())
            let me = try #require(try await UserModel.query(on: app.db).filter(\.$username == "t.admin").first())
            let ids = [("users[]", editor.id!.uuidString), ("users[]", sxd.id!.uuidString)]
            #expect(try await admin.post("/admin/users/bulk", ids + [("users[]", me.id!.uuidString), ("action", "disable")]).status == .unprocessableEntity)
            #expect(try await admin.post("/admin/users/bulk", ids + [("action", "disable"), ("agencyID", "")]).status == .seeOther)
            #expect(try await UserModel.find(editor.id, on: app.db)?.active == false)
            #expect(try await Browser(app).login("t.editor").status == .unauthorized)
            #expect(try await admin.post("/admin/users/bulk", ids + [("action", "enable")]).status == .seeOther)
            #expect(try await UserModel.find(sxd.id, on: app.db)?.active == true)
            #expect(try await admin.post("/admin/users/bulk", ids + [("action", "move"), ("agencyID", "")]).status == .unprocessableEntity)
            #expect(try await admin.post("/admin/users/bulk", ids + [("action", "move"), ("agencyID", fixture.commune.uuidString)]).status == .seeOther)
            #expect(try await UserModel.find(editor.id, on: app.db)?.$agency.id == fixture.commune)
            let audit = try await AuditEventModel.query(on: app.db).filter(\.$action ~~ ["user.disable", "user.enable", "user.move"]).count()
            #expect(audit == 6)
            #expect(try await admin.get("/admin/users").body.contains("Đã thay đổi 2 tài khoản."))
        }
    }

    static func unescape(_ html: String) -> String {
        html.replacingOccurrences(of: "&#10;", with: "\n").replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
    }

    /// The one-time password shown on the page for `username`.
    static func password(of username: String, in html: String) -> String? {
        guard let row = html.components(separatedBy: "<tr>").first(where: { $0.contains("<code>\(username)</code>") }) else { return nil }
        let codes = row.components(separatedBy: "<code>").dropFirst().map { $0.prefix { $0 != "<" } }
        return codes.count >= 2 ? String(codes[1]) : nil
    }
}
