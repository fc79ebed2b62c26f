import Fluent
import Foundation
import Vapor

/// Login, logout, password change and the language switch.
enum AccountController {
    struct LoginForm: Content {
        var username: String?
        var password: String?
        var next: String?
    }

    static func loginPage(_ request: Request) async throws -> Response {
        if request.currentUser != nil { return request.redirect(to: "/") }
        let expired = request.query[String.self, at: "expired"] == "1"
        let next = safeNext(request.query[String.self, at: "next"])
        return request.page { LoginPage.view($0, model: .init(username: "", next: next, message: expired ? $0.t(.sessionExpired) : nil)) }
    }

    static func login(_ request: Request) async throws -> Response {
        try request.verifyCSRF()
        let form = try request.content.decode(LoginForm.self)
        let username = (form.username ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        let password = form.password ?? ""
        let next = safeNext(form.next)
        let settings = request.application.settings
        let now = Date()
        let address = request.clientAddress

        // Throttle: too many failures for this username, or from this address, within the window.
        let since = now.addingTimeInterval(-settings.loginWindow)
        let failures = try await LoginAttemptModel.query(on: request.db)
            .filter(\.$succeeded == false).filter(\.$at >= since)
            .group(.or) { $0.filter(\.$username == username).filter(\.$clientAddress == address) }
            .all()
        let byUser = failures.filter { $0.username == username }
        let byAddress = failures.filter { $0.clientAddress == address }
        if byUser.count >= settings.loginMaxFailures || byAddress.count >= settings.loginMaxFailures * 4 {
            let relevant = byUser.count >= settings.loginMaxFailures ? byUser : byAddress
            let oldest = relevant.map(\.at).min() ?? now
            let minutes = max(1, Int((oldest.addingTimeInterval(settings.loginWindow).timeIntervalSince(now) / 60).rounded(.up)))
            return request.page(status: .tooManyRequests) {
                LoginPage.view($0, model: .init(username: username, next: next, message: $0.t.format(.loginThrottled, String(minutes))))
            }
        }

        let user = try await UserModel.query(on: request.db).filter(\.$username == username).filter(\.$active == true).first()
        // Verify against a fixed hash when there is no such user, so that timing does not tell.
        let valid = Passwords.verify(password, hash: user?.passwordHash ?? Passwords.unknownUserHash) && user != nil
        guard let user, valid else {
            try await request.write { db in
                try await LoginAttemptModel(username: username, clientAddress: address, at: now, succeeded: false).create(on: db)
                try await Audit.record(on: db, Audit.Origin(userID: user?.id, username: username.isEmpty ? "-" : username, clientAddress: address),
                                       action: "login.failed", targetType: "user", target: username)
            }
            return request.page(status: .unauthorized) {
                LoginPage.view($0, model: .init(username: username, next: next, message: $0.t(.loginFailed)))
            }
        }
        let userID = try user.requireID()
        let oldToken = request.cookies[SessionAuthentication.cookieName]?.string
        try await request.write { db in
            if let oldToken { try await SessionModel.query(on: db).filter(\.$id == Sessions.hash(oldToken)).delete() }
            try await LoginAttemptModel(username: username, clientAddress: address, at: now, succeeded: true).create(on: db)
            try await UserModel.query(on: db).filter(\.$id == userID).set(\.$lastLoginAt, to: now).update()
            try await Audit.record(on: db, Audit.Origin(userID: userID, username: username, clientAddress: address),
                                   action: "login.succeeded", targetType: "user", target: username)
        }
        let cookie = try await Sessions.start(for: userID, on: request)
        let response = request.redirect(to: user.mustChangePassword ? "/account/password" : next, redirectType: .normal)
        response.cookies[SessionAuthentication.cookieName] = cookie
        return response
    }

    static func logout(_ request: Request) async throws -> Response {
        try request.verifyCSRF()
        let user = try request.authorize(.viewHome)
        if let token = request.cookies[SessionAuthentication.cookieName]?.string {
            let origin = request.auditOrigin
            try await request.write { db in
                try await SessionModel.query(on: db).filter(\.$id == Sessions.hash(token)).delete()
                try await Audit.record(on: db, origin, action: "logout", targetType: "user", target: user.username)
            }
        }
        let response = request.redirect(to: "/login", redirectType: .normal)
        response.cookies[SessionAuthentication.cookieName] = Sessions.expiredCookie(secure: request.application.settings.secureCookies)
        return response
    }

    struct PasswordForm: Content {
        var current: String?
        var new: String?
        var repeated: String?
    }

    static func passwordPage(_ request: Request) async throws -> Response {
        let user = try request.authorize(.changeOwnPassword)
        return request.page { PasswordPage.view($0, model: .init(mustChange: user.mustChangePassword, errors: [])) }
    }

    static func changePassword(_ request: Request) async throws -> Response {
        try request.verifyCSRF()
        let user = try request.authorize(.changeOwnPassword)
        let form = try request.content.decode(PasswordForm.self)
        let t = Catalogue(language: request.language)
        guard let model = try await UserModel.find(user.id, on: request.db) else { throw Abort(.notFound) }
        var errors: [String] = []
        if !Passwords.verify(form.current ?? "", hash: model.passwordHash) { errors.append(t(.passwordWrong)) }
        if (form.new ?? "") != (form.repeated ?? "") { errors.append(t(.passwordMismatch)) }
        if let problem = Passwords.problem(form.new ?? "", username: user.username) { errors.append(t(problem)) }
        if form.new == form.current, errors.isEmpty { errors.append(t(.passwordPolicy)) }
        guard errors.isEmpty else {
            return request.page(status: .unprocessableEntity) {
                PasswordPage.view($0, model: .init(mustChange: user.mustChangePassword, errors: errors))
            }
        }
        let hash = try await request.application.threadPool.runIfActive { try Passwords.hash(form.new ?? "") }
        let origin = request.auditOrigin
        let token = request.cookies[SessionAuthentication.cookieName]?.string ?? ""
        try await request.write { db in
            try await UserModel.query(on: db).filter(\.$id == user.id)
                .set(\.$passwordHash, to: hash).set(\.$mustChangePassword, to: false).update()
            // Every other session of this user ends: a changed password locks out whoever had the old one.
            try await SessionModel.query(on: db).filter(\.$user.$id == user.id).filter(\.$id != Sessions.hash(token)).delete()
            try await Audit.record(on: db, origin, action: "user.password_changed", targetType: "user", target: user.username,
                                   before: user.mustChangePassword ? ["must_change_password": "true"] : nil,
                                   after: user.mustChangePassword ? ["must_change_password": "false"] : nil)
        }
        return request.redirect(to: "/", notice: T.passwordChanged.rawValue)
    }

    static func switchLanguage(_ request: Request) async throws -> Response {
        let code = request.parameters.get("code") == "en" ? "en" : "vi"
        let response = request.redirect(to: safeNext(request.query[String.self, at: "back"]), redirectType: .normal)
        response.cookies[Request.languageCookie] = HTTPCookies.Value(string: code, expires: Date().addingTimeInterval(365 * 86400),
                                                                     path: "/", isHTTPOnly: true, sameSite: .lax)
        return response
    }

    /// Only a path on this site (never `//elsewhere` or `https://…`).
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\"), !next.contains("\n") else { return "/" }
        return next
    }
}

extension Passwords {
    /// A bcrypt hash of a random string: verifying against it costs the same
    /// time as against a real account.
    static let unknownUserHash = (try? Bcrypt.hash(Sessions.randomToken(), cost: 12)) ?? ""
}
