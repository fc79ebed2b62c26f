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
        if request.currentUser != nil { return request.redirect(to: SiteURL.home.path) }
        let expired = request.query[String.self, at: "expired"] == "1"
        let next = safeNext(request.query[String.self, at: "next"])
        return request.page { LoginPage.view($0, model: .init(username: "", next: next, message: expired ? $0.t(.sessionExpired) : nil)) }
    }

    static func login(_ request: Request) async throws -> Response {
        try request.verifyCSRF()
        let form = try request.content.decode(LoginForm.self)
        let username = String((form.username ?? "").trimmingCharacters(in: .whitespaces).lowercased().prefix(Limits.username))
        let password = form.password ?? ""
        let next = safeNext(form.next)
        let address = request.clientAddress
        let settings = request.application.settings

        // A browser that logged in to this account before is throttled on its own; any other
        // attempt counts against the address it comes from and the username it tries.
        let device = KnownDevice.id(in: request, for: username)
        let keys: [LoginThrottle.Key] = device.map { [.device($0 + ":" + username)] } ?? [.address(address), .username(username)]
        if case let .waiting(key, until) = try await LoginThrottle.claim(keys, on: request) {
            let wait = max(1, Int(until.timeIntervalSinceNow.rounded(.up)))
            await RefusalLog.record(request, action: "login.throttled", target: username.isEmpty ? "-" : username,
                                    details: ["key": key.text, "wait_seconds": String(wait)])
            return request.page(status: .tooManyRequests) {
                LoginPage.view($0, model: .init(username: username, next: next,
                                                message: $0.t.format(.loginThrottled, Formats.waitingTime(seconds: wait, $0.language))))
            }
        }

        let user = try await UserModel.query(on: request.db).filter(\.$username == username).filter(\.$active == true).first()
        // Verify against a fixed hash when there is no such user, so that timing does not tell.
        // (bcrypt reads 72 bytes: a longer password is refused without hashing megabytes.)
        let valid = password.utf8.count <= Limits.password
            && Passwords.verify(password, hash: user?.passwordHash ?? Passwords.unknownUserHash) && user != nil
        guard let user, valid else {
            try await request.write { db in
                try await Audit.record(on: db, Audit.Origin(userID: user?.id, username: username.isEmpty ? "-" : username, clientAddress: address),
                                       action: "login.failed", targetType: "user", target: username.isEmpty ? "-" : username)
            }
            return request.page(status: .unauthorized) {
                LoginPage.view($0, model: .init(username: username, next: next, message: $0.t(.loginFailed)))
            }
        }
        let userID = try user.requireID()
        let oldToken = request.cookies[SessionAuthentication.cookieName]?.string
        let now = Date()
        try await request.write { db in
            if let oldToken { try await SessionModel.query(on: db).filter(\.$id == Sessions.hash(oldToken)).delete() }
            try await LoginThrottle.succeeded(keys, settings: settings, now: now, on: db)
            try await UserModel.query(on: db).filter(\.$id == userID).set(\.$lastLoginAt, to: now).update()
            try await Audit.record(on: db, Audit.Origin(userID: userID, username: username, clientAddress: address),
                                   action: "login.succeeded", targetType: "user", target: username)
        }
        let cookie = try await Sessions.start(for: userID, on: request)
        let response = request.redirect(to: user.mustChangePassword ? SiteURL.accountPassword.path : next, redirectType: .normal)
        response.cookies[SessionAuthentication.cookieName] = cookie
        if device == nil, let known = KnownDevice.cookie(for: username, on: request) {
            response.cookies[KnownDevice.cookieName] = known
        }
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
        let response = request.redirect(to: SiteURL.login.path, redirectType: .normal)
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
        if let problem = Passwords.problem(form.new ?? "", username: user.username, province: request.application.identity.province) {
            errors.append(t(problem))
        }
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
            // So do the API tokens made under the old password.
            try await APITokenModel.revokeAll(of: user.id, reason: "password_changed", on: db)
            try await Audit.record(on: db, origin, action: "user.password_changed", targetType: "user", target: user.username,
                                   before: user.mustChangePassword ? ["must_change_password": "true"] : nil,
                                   after: user.mustChangePassword ? ["must_change_password": "false"] : nil)
        }
        return request.redirect(to: SiteURL.home.path, notice: T.passwordChanged.rawValue)
    }

    static func switchLanguage(_ request: Request) async throws -> Response {
        let code = request.parameters.get("code") == "en" ? "en" : "vi"
        let response = request.redirect(to: safeNext(request.query[String.self, at: "back"]), redirectType: .normal)
        response.cookies[Request.languageCookie] = HTTPCookies.Value(string: code, expires: Date().addingTimeInterval(365 * 86400),
                                                                     path: "/", isHTTPOnly: true, sameSite: .lax)
        return response
    }

    /// Only a path on this site: a single `/` followed by anything but `/` or `\\`, in printable ASCII
    /// without spaces (a tab, a newline or a backslash would let a browser read `//elsewhere`).
    /// Anything else goes home.
    static func safeNext(_ next: String?) -> String {
        guard let next else { return SiteURL.home.path }
        let bytes = Array(next.utf8)
        guard bytes.first == UInt8(ascii: "/"),
              bytes.allSatisfy({ (0x21...0x7E).contains($0) && $0 != UInt8(ascii: "\\") }),
              bytes.count == 1 || bytes[1] != UInt8(ascii: "/")
        else { return SiteURL.home.path }
        return next
    }
}

extension Passwords {
    /// A bcrypt hash of a random string: verifying against it costs the same
    /// time as against a real account.
    static let unknownUserHash = (try? Bcrypt.hash(Sessions.randomToken(), cost: 12)) ?? ""
}
