import ChiSoCore
import Crypto
import Fluent
import Foundation
import Vapor

/// Accounts in bulk (the administrator): an account list (CSV or Excel) previewed with every bad
/// cell by line and column, imported all or none, its one-time passwords shown once and given once
/// as a printable PDF and as a file; and accounts disabled, enabled or moved together.
enum AccountImportController {
    struct ImportForm: Content {
        var file: File?
        /// The list as previewed (CSV text), sent back to import it.
        var accountList: String?
        /// `preview` (the default) or `apply`.
        var step: String?
    }

    /// How long a sheet of one-time passwords can be downloaded.
    static let sheetLifetime: TimeInterval = 3600

    static func form(_ request: Request) async throws -> Response {
        try request.authorize(.manageUsers)
        return request.page { AccountImportPages.upload($0, problems: [], limit: request.application.settings.importLimitNote(request.language)) }
    }

    /// Previews an uploaded list, or imports the previewed one (every row, or none).
    static func submit(_ request: Request) async throws -> Response {
        try request.verifyCSRF()
        let admin = try request.authorize(.manageUsers)
        let form = try request.content.decode(ImportForm.self)
        let bytes: [UInt8] = form.step == "apply" ? Array((form.accountList ?? "").utf8) : form.file.map { Array($0.data.readableBytesView) } ?? []
        let name = FileNames.clean(form.file?.filename ?? "", fallback: "tai-khoan.csv")
        let limit = request.application.settings.importLimitNote(request.language)
        let rows: [AccountRow]
        do {
            rows = try await read(bytes, on: request)
        } catch let error as LineProblems {
            let problems = error.problems.map { $0.formatted(file: name, language: request.language) }
            return request.page(status: .unprocessableEntity) { AccountImportPages.upload($0, problems: problems, limit: limit) }
        }
        guard form.step == "apply" else {
            return request.page { AccountImportPages.preview($0, rows: rows, content: csv(rows)) }
        }
        // Every account with its temporary password; written in one transaction, or none.
        let agencies = try await AgencyModel.query(on: request.db).filter(\.$code ~~ Set(rows.map(\.agency))).all()
        let agencyIDs = Dictionary(agencies.map { ($0.code, $0.id!) }, uniquingKeysWith: { first, _ in first })
        var issued: [(row: AccountRow, password: String)] = []
        var users: [UserModel] = []
        for row in rows {
            let temporary = Passwords.temporary()
            let hash = try await request.application.threadPool.runIfActive { try Passwords.hash(temporary) }
            let user = UserModel(username: row.username, displayName: row.fullName, passwordHash: hash, agencyID: agencyIDs[row.agency]!,
                                 roles: Set(row.roles.compactMap(Role.init(rawValue:))), mustChangePassword: true)
            user.email = row.email
            users.append(user)
            issued.append((row, temporary))
        }
        let key = SymmetricKey(size: .bits256)
        let sealed = try AES.GCM.seal(Data(sheetText(issued).utf8), using: key).combined!
        let sheet = CredentialSheetModel(createdBy: admin.id, createdAt: Date(), sealed: sealed, accounts: issued.count)
        let origin = request.auditOrigin
        try await request.write { [users] db in
            // Checked again inside the transaction: a username taken meanwhile refuses the whole list.
            let taken = try await UserModel.query(on: db).filter(\.$username ~~ users.map(\.username)).count()
            guard taken == 0 else { throw Abort(.conflict, reason: "username taken meanwhile") }
            for user in users {
                try await user.create(on: db)
                try await Audit.record(on: db, origin, action: "user.create", targetType: "user", target: user.username,
                                       after: UserAdminController.fields(user).merging(["imported": "true"]) { $1 })
            }
            try await sheet.create(on: db)
            try await Audit.record(on: db, origin, action: "user.import", targetType: "user", target: "\(users.count)",
                                   after: ["accounts": String(users.count), "sheet": sheet.id!.uuidString])
        }
        let keyText = key.withUnsafeBytes { Data($0) }.base64URLEncoded
        return request.page { AccountImportPages.issued($0, issued: issued, sheetID: sheet.id!, key: keyText) }
    }

    struct SheetForm: Content {
        var key: String?
        /// `pdf` or `csv`.
        var format: String?
    }

    /// One form of a sheet of one-time passwords, once, to the administrator who imported it, within the hour.
    static func sheet(_ request: Request) async throws -> Response {
        try request.verifyCSRF()
        let admin = try request.authorize(.manageUsers)
        let say = request.language.phrases(AccountImportText.self)
        let form = try request.content.decode(SheetForm.self)
        guard let id = request.parameters.get("sheetID", as: UUID.self), let format = form.format, format == "pdf" || format == "csv" else {
            throw Abort(.badRequest)
        }
        try await CredentialSheetModel.query(on: request.db).filter(\.$createdAt < Date().addingTimeInterval(-sheetLifetime)).delete()
        guard let sheet = try await CredentialSheetModel.query(on: request.db).filter(\.$id == id).filter(\.$createdBy.$id == admin.id).first(),
              !(format == "pdf" ? sheet.pdfTaken : sheet.fileTaken) else {
            throw APIError(status: .gone, code: "sheet_gone", reason: say(.sheetGone))
        }
        guard let keyData = Data(base64URLEncoded: form.key ?? ""), keyData.count == 32,
              let box = try? AES.GCM.SealedBox(combined: sheet.sealed),
              let opened = try? AES.GCM.open(box, using: SymmetricKey(data: keyData)), let text = String(data: opened, encoding: .utf8) else {
            throw APIError(status: .forbidden, code: "wrong_key", reason: say(.sheetGone))
        }
        let response: Response
        if format == "pdf" {
            var csrf: String?
            let html = AccountImportPages.printable(request.pageContext(csrfCookie: &csrf), text: text).render()
            response = try await ResultExportController.pdf(html, name: "mat-khau-lan-dau.pdf", on: request)
        } else {
            response = ResultExportController.download(Array(text.utf8), type: "text/csv; charset=utf-8", name: "mat-khau-lan-dau.csv")
        }
        let origin = request.auditOrigin
        try await request.write { db in
            if format == "pdf" { sheet.pdfTaken = true } else { sheet.fileTaken = true }
            if sheet.pdfTaken && sheet.fileTaken { try await sheet.delete(on: db) } else { try await sheet.update(on: db) }
            try await Audit.record(on: db, origin, action: "user.import_sheet", targetType: "user", target: id.uuidString, after: ["format": format])
        }
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    /// The list as ChiSoCore reads it, then what needs the database: the agency exists and is active, the username is free.
    static func read(_ bytes: [UInt8], on request: Request) async throws -> [AccountRow] {
        let rows = try AccountListReader.read(bytes, knownRoles: Set(Role.allCases.map(\.rawValue)))
        if let problem = request.application.settings.importProblem(rows: rows.count, request.language) {
            throw LineProblems([LineProblem(line: 1, english: problem, vietnamese: problem)])
        }
        let agencies = try await AgencyModel.query(on: request.db).filter(\.$code ~~ Set(rows.map(\.agency))).all()
        let byCode = Dictionary(agencies.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        let taken = Set(try await UserModel.query(on: request.db).filter(\.$username ~~ rows.map(\.username)).all().map(\.username))
        var problems: [LineProblem] = []
        for row in rows {
            if let agency = byCode[row.agency] {
                if agency.isRetired(on: SourceData.today) {
                    problems.append(LineProblem(line: row.line, english: "column agency: \(row.agency) has ended",
                                                vietnamese: "cột agency: đơn vị \(row.agency) đã kết thúc hoạt động"))
                }
            } else {
                problems.append(LineProblem(line: row.line, english: "column agency: there is no agency \(row.agency)",
                                            vietnamese: "cột agency: không có đơn vị mã \(row.agency)"))
            }
            if taken.contains(row.username) {
                problems.append(LineProblem(line: row.line, english: "column username: \(row.username) already has an account",
                                            vietnamese: "cột username: \(row.username) đã có tài khoản"))
            }
        }
        if !problems.isEmpty { throw LineProblems(problems) }
        return rows
    }

    /// The rows as the CSV the preview sends back.
    static func csv(_ rows: [AccountRow]) -> String {
        csvText([AccountListReader.columns] + rows.map { [$0.username, $0.fullName, $0.agency, $0.roles.joined(separator: ";"), $0.email ?? ""] })
    }

    static func csvText(_ rows: [[String]]) -> String {
        var writer = CSVWriter()
        for row in rows { writer.row(row) }
        return writer.text
    }

    /// One line per person: agency, name, username, one-time password.
    static func sheetText(_ issued: [(row: AccountRow, password: String)]) -> String {
        csvText([["agency", "full_name", "username", "password", "role"]]
            + issued.map { [$0.row.agency, $0.row.fullName, $0.row.username, $0.password, $0.row.roles.joined(separator: ";")] })
    }

    // MARK: Several accounts at once

    struct BulkForm: Content {
        var users: [UUID]?
        /// `disable`, `enable` or `move`.
        var action: String?
        /// The agency to move to (the form sends it empty for the other actions).
        var agencyID: String?
    }

    /// Disables, enables or moves the chosen accounts together (as at a merger), each audited.
    static func bulk(_ request: Request) async throws -> Response {
        try request.verifyCSRF()
        let admin = try request.authorize(.manageUsers)
        let say = request.language.phrases(AccountImportText.self)
        let form = try request.content.decode(BulkForm.self)
        let ids = Array(Set(form.users ?? []))
        guard !ids.isEmpty, let action = form.action, ["disable", "enable", "move"].contains(action) else {
            throw APIError(status: .unprocessableEntity, code: "nothing_chosen", reason: say(.chooseAccounts))
        }
        if action == "disable", ids.contains(admin.id) {
            throw APIError(status: .unprocessableEntity, code: "own_account", reason: say(.notOwnAccount))
        }
        var target: AgencyModel?
        if action == "move" {
            guard let id = form.agencyID.flatMap(UUID.init(uuidString:)), let agency = try await AgencyModel.find(id, on: request.db),
                  !agency.isRetired(on: SourceData.today) else {
                throw APIError(status: .unprocessableEntity, code: "choose_agency", reason: say(.chooseActiveAgency))
            }
            target = agency
        }
        let users = try await UserModel.query(on: request.db).filter(\.$id ~~ ids).with(\.$agency).all()
        guard users.count == ids.count else { throw Abort(.notFound) }
        let origin = request.auditOrigin
        let changed = try await request.write { [target] db -> Int in
            var changed = 0
            for user in users {
                let userID = try user.requireID()
                switch action {
                case "disable" where user.active, "enable" where !user.active:
                    user.active = action == "enable"
                    try await user.update(on: db)
                    if !user.active {
                        try await SessionModel.query(on: db).filter(\.$user.$id == userID).delete()
                        try await APITokenModel.revokeAll(of: userID, reason: "account_disabled", on: db)
                    }
                    try await Audit.record(on: db, origin, action: "user.\(action)", targetType: "user", target: user.username,
                                           before: ["active": String(!user.active)], after: ["active": String(user.active)])
                    changed += 1
                case "move":
                    guard let target, user.$agency.id != target.id else { continue }
                    let from = user.agency.code
                    user.$agency.id = try target.requireID()
                    try await user.update(on: db)
                    try await Audit.record(on: db, origin, action: "user.move", targetType: "user", target: user.username,
                                           before: ["agency": from], after: ["agency": target.code])
                    changed += 1
                default:
                    continue
                }
            }
            return changed
        }
        return request.redirect(to: SiteURL.admin(.users).path, notice: say(.bulkDone, String(changed)))
    }
}

extension Data {
    /// Base64 for a URL or a form field: `-` and `_`, no padding.
    var base64URLEncoded: String {
        base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    init?(base64URLEncoded text: String) {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        self.init(base64Encoded: base64)
    }
}
