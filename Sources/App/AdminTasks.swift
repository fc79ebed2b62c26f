import Fluent
import Foundation
import Vapor

/// What `chiso user …` does: the first administrator of a new installation,
/// and password resets from the server's shell. Audited like the web pages.
public enum AdminTasks {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Creates an agency if missing and an account in it; returns its temporary password.
    public static func addUser(username: String, displayName: String, agencyCode: String, agencyName: String?, group: String?,
                               roles: [String]) async throws -> String {
        let parsedRoles = try roles.map { name -> Role in
            guard let role = Role(rawValue: name) else {
                throw Failure(description: "Vai trò không hợp lệ: \(name) (dùng \(Role.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            return role
        }
        guard !parsedRoles.isEmpty else { throw Failure(description: "Cần ít nhất một vai trò (--role).") }
        return try await Server.withApplication(arguments: ["chiso"]) { app in
            let temporary = Passwords.temporary()
            let hash = try Passwords.hash(temporary)
            try await app.write { db in
                if try await UserModel.query(on: db).filter(\.$username == username.lowercased()).first() != nil {
                    throw Failure(description: "Tên đăng nhập \(username) đã có.")
                }
                var agency = try await AgencyModel.query(on: db).filter(\.$code == agencyCode).first()
                if agency == nil {
                    guard let agencyName, let group else {
                        throw Failure(description: "Chưa có đơn vị \(agencyCode): thêm --agency-name và --group để tạo.")
                    }
                    let created = AgencyModel(code: agencyCode, name: agencyName, group: group, tags: [])
                    try await created.create(on: db)
                    try await Audit.record(on: db, .system, action: "agency.create", targetType: "agency", target: agencyCode,
                                           after: ["code": agencyCode, "name": agencyName, "group": group, "tags": ""])
                    agency = created
                }
                let user = UserModel(username: username.lowercased(), displayName: displayName, passwordHash: hash,
                                     agencyID: try agency!.requireID(), roles: Set(parsedRoles), mustChangePassword: true)
                try await user.create(on: db)
                try await Audit.record(on: db, .system, action: "user.create", targetType: "user", target: user.username,
                                       after: ["username": user.username, "roles": user.roleList, "agency": agencyCode])
            }
            return temporary
        }
    }

    /// Resets a password to a temporary one (to be changed at next login) and ends the user's sessions.
    public static func resetPassword(username: String) async throws -> String {
        try await Server.withApplication(arguments: ["chiso"]) { app in
            let temporary = Passwords.temporary()
            let hash = try Passwords.hash(temporary)
            try await app.write { db in
                guard let user = try await UserModel.query(on: db).filter(\.$username == username.lowercased()).first() else {
                    throw Failure(description: "Không có tài khoản \(username).")
                }
                let userID = try user.requireID()
                try await UserModel.query(on: db).filter(\.$id == userID).set(\.$passwordHash, to: hash)
                    .set(\.$mustChangePassword, to: true).set(\.$active, to: true).update()
                try await SessionModel.query(on: db).filter(\.$user.$id == userID).delete()
                try await APITokenModel.revokeAll(of: userID, reason: "password_reset", on: db)
                try await Audit.record(on: db, .system, action: "user.password_reset", targetType: "user", target: user.username,
                                       after: ["must_change_password": "true", "api_tokens": "revoked"])
            }
            return temporary
        }
    }
}
