/// One account of an account list: who, in which agency (by code), with which roles.
public struct AccountRow: Sendable, Hashable {
    public var line: Int
    public var username: String
    public var fullName: String
    public var agency: String
    public var roles: [String]
    public var email: String?

    public init(line: Int, username: String, fullName: String, agency: String, roles: [String], email: String?) {
        self.line = line
        self.username = username
        self.fullName = fullName
        self.agency = agency
        self.roles = roles
        self.email = email
    }
}

/// Reads an account list (CSV or .xlsx): `username,full_name,agency,role,email`, roles separated by
/// `;`, e-mail optional. Every bad cell is reported with its line and column; nothing is returned
/// unless every row is good. What needs the database (the agency exists, the username is free) is
/// the caller's to check.
public enum AccountListReader {
    public static let columns = ["username", "full_name", "agency", "role", "email"]

    /// A username as accounts have it: 3 to 64 of a-z, 0-9, `.`, `-`, `_` (lowercased), beginning with a letter or a digit.
    public static func isUsername(_ text: String) -> Bool {
        text.count >= 3 && text.count <= 64 && text.first.map { $0.isLetter || $0.isNumber } == true
            && text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || ".-_".unicodeScalars.contains($0) }
    }

    /// An address as mail servers take it: one `@`, something before it, a dotted domain after it, no space.
    public static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, text.count <= 254, !text.contains(where: \.isWhitespace) else { return false }
        let domain = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return domain.count >= 2 && domain.allSatisfy { !$0.isEmpty }
    }

    /// `problem` at `line`, in column `column`.
    static func problem(_ line: Int, _ column: String, _ english: String, _ vietnamese: String) -> LineProblem {
        LineProblem(line: line, english: "column \(column): \(english)", vietnamese: "cột \(column): \(vietnamese)")
    }

    public static func read(_ bytes: [UInt8], knownRoles: Set<String>) throws(LineProblems) -> [AccountRow] {
        var accounts: [AccountRow] = []
        var problems: [LineProblem] = []
        var firstLine: [String: Int] = [:]
        var positions: [String: Int]?
        try SpreadsheetRows.forEachRecord(in: bytes) { line, fields throws(LineProblems) in
            guard let columns = positions else {
                let header = CSVReader.columns(header: fields, line: line, required: ["username", "full_name", "agency", "role"],
                                               optional: ["email"])
                if !header.problems.isEmpty { throw LineProblems(header.problems) }
                positions = header.positions
                return
            }
            if fields.allSatisfy({ $0.trimmingSpaces.isEmpty }) { return }
            func cell(_ name: String) -> String { columns[name].flatMap { $0 < fields.count ? fields[$0].trimmingSpaces : nil } ?? "" }
            let username = cell("username").lowercased(), fullName = cell("full_name"), agency = cell("agency")
            let roles = cell("role").split(whereSeparator: { $0 == ";" || $0 == "," }).map { String($0).trimmingSpaces.lowercased() }
                .filter { !$0.isEmpty }
            let email = cell("email")
            let before = problems.count
            if username.isEmpty {
                problems.append(problem(line, "username", "empty", "đang để trống"))
            } else if !isUsername(username) {
                problems.append(problem(line, "username", "\"\(username)\" is not 3 to 64 of a-z, 0-9, dot, dash, underscore",
                                        "\"\(username)\" không phải 3–64 ký tự a-z, 0-9, dấu chấm, gạch ngang, gạch dưới"))
            } else if let first = firstLine[username] {
                problems.append(problem(line, "username", "\(username) is already at line \(first)", "\(username) đã có ở dòng \(first)"))
            } else {
                firstLine[username] = line
            }
            if fullName.isEmpty { problems.append(problem(line, "full_name", "empty", "đang để trống")) }
            if agency.isEmpty { problems.append(problem(line, "agency", "empty", "đang để trống")) }
            if roles.isEmpty {
                problems.append(problem(line, "role", "empty", "đang để trống"))
            }
            for role in roles where !knownRoles.contains(role) {
                problems.append(problem(line, "role", "\"\(role)\" is not a role (\(knownRoles.sorted().joined(separator: ", ")))",
                                        "\"\(role)\" không phải vai trò (\(knownRoles.sorted().joined(separator: ", ")))"))
            }
            if !email.isEmpty, !isEmail(email) {
                problems.append(problem(line, "email", "\"\(email)\" is not an e-mail address", "\"\(email)\" không phải địa chỉ thư điện tử"))
            }
            for (column, text) in [("full_name", fullName), ("agency", agency), ("email", email)] where SpreadsheetFormula.looksLikeFormula(text) {
                problems.append(problem(line, column, "\"\(text)\" begins with \(SpreadsheetFormula.describeStart(text)), which a spreadsheet would run as a formula",
                                        "\"\(text)\" bắt đầu bằng \(SpreadsheetFormula.describeStart(text)), bảng tính sẽ chạy nó như một công thức"))
            }
            if problems.count == before {
                accounts.append(AccountRow(line: line, username: username, fullName: fullName, agency: agency, roles: roles,
                                           email: email.isEmpty ? nil : email))
            }
        }
        if positions == nil {
            problems.append(LineProblem(line: 1, english: "the file is empty (expected a header \(columns.joined(separator: ",")))",
                                        vietnamese: "tệp rỗng (cần dòng tiêu đề \(columns.joined(separator: ",")))"))
        }
        if !problems.isEmpty { throw LineProblems(problems) }
        return accounts
    }
}
