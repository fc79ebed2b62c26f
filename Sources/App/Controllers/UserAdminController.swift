import ChiSoCore
import Fluent
import Foundation
import Vapor

/// Admin pages for accounts. New accounts and reset passwords get a
/// temporary password, shown once, that must be changed at first login.
enum UserAdminController {
    struct UserForm: Content {
        var username: String?
        var displayName: String?
        var agencyID: UUID?
        var roles: [String]?
        var active: String?
        /// Optional; where mail reaches the person.
        var email: String?
    }

    static func list(_ request: Request) async throws -> Response {
        try request.authorize(.manageUsers)
        let users = try await UserModel.query(on: request.db).with(\.$agency).sort(\.$username).all()
        let agencies = try await AgencyModel.query(on: request.db).sort(\.$code).all()
        return request.page { UserPages.list($0, users: users, agencies: agencies) }
    }

    static func newForm(_ request: Request) async throws -> Response {
        try request.authorize(.manageUsers)
        let agencies = try await AgencyModel.query(on: request.db).sort(\.$code).all()
        return request.page { UserPages.editor($0, id: nil, values: UserForm(active: "on"), agencies: agencies, errors: [:]) }
    }

    static func editForm(_ request: Request) async throws -> Response {
        try request.authorize(.manageUsers)
        let user = try await find(request)
        let agencies = try await AgencyModel.query(on: request.db).sort(\.$code).all()
        let values = UserForm(username: user.username, displayName: user.displayName, agencyID: user.$agency.id,
                              roles: user.roles.sorted().map(\.rawValue), active: user.active ? "on" : nil, email: user.email)
        return request.page { UserPages.editor($0, id: user.id, values: values, agencies: agencies, errors: [:]) }
    }

    static func create(_ request: Request) async throws -> Response {
        try request.verifyCSRF()
        try request.authorize(.manageUsers)
        let form = try request.content.decode(UserForm.self)
        let errors = try await validate(form, existing: nil, on: request)
        guard errors.isEmpty, let agencyID = form.agencyID else {
            let agencies = try await AgencyModel.query(on: request.db).sort(\.$code).all()
            return request.page(status: .unprocessableEntity) { UserPages.editor($0, id: nil, values: form, agencies: agencies, errors: errors) }
        }
        let temporary = Passwords.temporary()
        let hash = try await request.application.threadPool.runIfActive { try Passwords.hash(temporary) }
        let user = UserModel(username: clean(form.username).lowercased(), displayName: clean(form.displayName), passwordHash: hash,
                             agencyID: agencyID, roles: roles(form.roles), mustChangePassword: true, active: form.active != nil)
        user.email = email(form.email)
        let origin = request.auditOrigin
        try await request.write { db in
            try await user.create(on: db)
            try await Audit.record(on: db, origin, action: "user.create", targetType: "user", target: user.username, after: fields(user))
        }
        return request.page { UserPages.temporaryPassword($0, username: user.username, password: temporary) }
    }

    static func update(_ request: Request) async throws -> Response {
        try request.verifyCSRF()
        try request.authorize(.manageUsers)
        let user = try await find(request)
        var form = try request.content.decode(UserForm.self)
        form.username = user.username // the username never changes: the audit log refers to it
        let errors = try await validate(form, existing: user.id, on: request)
        guard errors.isEmpty, let agencyID = form.agencyID else {
            let agencies = try await AgencyModel.query(on: request.db).sort(\.$code).all()
            return request.page(status: .unprocessableEntity) { UserPages.editor($0, id: user.id, values: form, agencies: agencies, errors: errors) }
        }
        let before = fields(user)
        user.displayName = clean(form.displayName)
        user.$agency.id = agencyID
        user.roles = roles(form.roles)
        user.active = form.active != nil
        user.email = email(form.email)
        let change = Audit.difference(before, fields(user))
        let origin = request.auditOrigin
        let userID = try user.requireID()
        try await request.write { [user] db in
            try await user.update(on: db)
            if !user.active {
                try await SessionModel.query(on: db).filter(\.$user.$id == userID).delete()
                try await APITokenModel.revokeAll(of: userID, reason: "account_disabled", on: db)
            }
            if !change.after.isEmpty {
                try await Audit.record(on: db, origin, action: "user.update", targetType: "user", target: user.username,
                                       before: change.before, after: change.after)
            }
        }
        return request.redirect(to: SiteURL.admin(.users).path, notice: T.updated.rawValue)
    }

    static func resetPassword(_ request: Request) async throws -> Response {
        try request.verifyCSRF()
        try request.authorize(.manageUsers)
        let user = try await find(request)
        let temporary = Passwords.temporary()
        let hash = try await request.application.threadPool.runIfActive { try Passwords.hash(temporary) }
        let origin = request.auditOrigin
        let userID = try user.requireID()
        try await request.write { [user] db in
            try await UserModel.query(on: db).filter(\.$id == userID)
                .set(\.$passwordHash, to: hash).set(\.$mustChangePassword, to: true).update()
            try await SessionModel.query(on: db).filter(\.$user.$id == userID).delete()
            try await APITokenModel.revokeAll(of: userID, reason: "password_reset", on: db)
            try await Audit.record(on: db, origin, action: "user.password_reset", targetType: "user", target: user.username,
                                   after: ["must_change_password": "true", "api_tokens": "revoked"])
        }
        return request.page { UserPages.temporaryPassword($0, username: user.username, password: temporary) }
    }

    // MARK: Helpers

    static func find(_ request: Request) async throws -> UserModel {
        guard let id = request.parameters.get("userID", as: UUID.self),
              let user = try await UserModel.query(on: request.db).filter(\.$id == id).with(\.$agency).first()
        else { throw Abort(.notFound) }
        return user
    }

    static func clean(_ text: String?) -> String { (text ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }

    static func email(_ text: String?) -> String? {
        let address = clean(text)
        return address.isEmpty ? nil : address
    }

    static func roles(_ names: [String]?) -> Set<Role> { Set((names ?? []).compactMap(Role.init(rawValue:))) }

    static func fields(_ user: UserModel) -> [String: String] {
        ["username": user.username, "display_name": user.displayName, "agency_id": user.$agency.id.uuidString,
         "roles": user.roleList, "active": String(user.active), "email": user.email ?? ""]
    }

    static func validate(_ form: UserForm, existing: UUID?, on request: Request) async throws -> [String: String] {
        let t = Catalogue(language: request.language)
        let say = request.language.phrases(AdminText.self)
        var errors: [String: String] = [:]
        let username = clean(form.username).lowercased()
        if username.isEmpty {
            errors["username"] = t(.required)
        } else if username.count < 3 || !username.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || ".-_".unicodeScalars.contains($0) }) {
            errors["username"] = say(.usernameFormat)
        } else if existing == nil, try await UserModel.query(on: request.db).filter(\.$username == username).first() != nil {
            errors["username"] = say(.usernameTaken, username)
        }
        if clean(form.displayName).isEmpty { errors["displayName"] = t(.required) }
        if let address = email(form.email), !AccountListReader.isEmail(address) { errors["email"] = t(.invalid) }
        if let agencyID = form.agencyID {
            if try await AgencyModel.find(agencyID, on: request.db) == nil { errors["agencyID"] = t(.invalid) }
        } else {
            errors["agencyID"] = t(.required)
        }
        let chosen = form.roles ?? []
        if chosen.isEmpty {
            errors["roles"] = say(.chooseRole)
        } else if chosen.contains(where: { Role(rawValue: $0) == nil }) {
            errors["roles"] = t(.invalid)
        }
        return errors
    }
}
