import App
import ChiSoCore
import Foundation
import ArgumentParser

/// `chiso user add …`, `chiso user reset-password …`
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Manage accounts from the server's shell (the first administrator, lost passwords).",
        subcommands: [Add.self, ResetPassword.self, Token.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create an account; prints a temporary password that must be changed at first login."
        )

        @Option(help: "Username (a-z, 0-9, . - _).") var username: String
        @Option(help: "Full name.") var name: String
        @Option(help: "Code of the user's agency.") var agency: String
        @Option(help: "Name of the agency, to create it if it does not exist.") var agencyName: String?
        @Option(help: "Ranking group of the agency, to create it.") var group: String?
        @Option(help: "A role: admin, organizer, editor, head, appraiser, chair, leader, viewer (repeatable).") var role: [String] = []

        func run() async throws {
            let password = try await AdminTasks.addUser(username: username, displayName: name, agencyCode: agency,
                                                        agencyName: agencyName, group: group, roles: role)
            print("Đã tạo tài khoản \(username.lowercased()). Mật khẩu tạm (đổi khi đăng nhập lần đầu): \(password)")
        }
    }

    struct ResetPassword: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reset-password",
            abstract: "Give an account a temporary password (to be changed at next login) and end its sessions."
        )

        @Argument(help: "Username.") var username: String

        func run() async throws {
            let password = try await AdminTasks.resetPassword(username: username)
            print("Mật khẩu tạm của \(username.lowercased()) (đổi khi đăng nhập): \(password)")
        }
    }
}

extension UserCommand {
    struct Token: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a token for the JSON API acting as this user (printed once)."
        )

        @Argument(help: "Username.") var username: String
        @Option(help: "What the token is for.") var name = "api"
        @Option(help: "Days until it expires (default: CHISO_API_TOKEN_DAYS, 90).") var days: Int?

        func run() async throws {
            if let days, days < 1 { throw ValidationError("--days must be at least 1.") }
            let (token, expires) = try await AdminTasks.createToken(username: username, name: name, days: days)
            print("Mã truy cập API của \(username.lowercased()) (chỉ hiện một lần / shown once): \(token)")
            FileHandle.standardError.write(Data("Hết hạn / expires: \(VietnamDate.format(expires))\n".utf8))
        }
    }
}
