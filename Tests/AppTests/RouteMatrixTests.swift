import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import App

/// Every route × every role × own agency / other agency, against the
/// expected decision; every POST also without its CSRF token. A route
/// added without a row here fails `everyRouteIsInTheMatrix`.
@Suite("Route × role matrix", .serialized)
struct RouteMatrixTests {
    enum Access {
        /// Anyone, logged in or not.
        case anyone
        /// Any logged-in user.
        case signedIn
        /// These roles only.
        case roles(Set<Role>)
        /// Everyone for their own agency's target; these roles for another agency's.
        case ownOrRoles(Set<Role>)
        /// These roles, for their own agency's target only.
        case ownOnly(Set<Role>)
        /// `own` roles for their own agency's target; `any` roles for every agency's.
        case ownOr(own: Set<Role>, any: Set<Role>)
    }

    struct Row: Sendable {
        var method: HTTPMethod
        var pattern: String
        var access: Access
        var form: [(String, String)] = []
        /// Sent as a multipart upload (streamed route) instead of a form.
        var multipart = false
    }

    static let readers: Set<Role> = [.admin, .organizer, .appraiser, .chair, .leader]

    static let rows: [Row] = [
        Row(method: .GET, pattern: "/assets/:file", access: .anyone),
        Row(method: .GET, pattern: "/health", access: .anyone),
        Row(method: .GET, pattern: "/login", access: .anyone),
        Row(method: .POST, pattern: "/login", access: .anyone, form: [("username", "nobody"), ("password", "x")]),
        Row(method: .GET, pattern: "/language/:code", access: .anyone),
        Row(method: .GET, pattern: "/", access: .signedIn),
        Row(method: .GET, pattern: "/account/password", access: .signedIn),
        Row(method: .POST, pattern: "/account/password", access: .signedIn, form: [("current", "wrong")]),
        Row(method: .GET, pattern: "/admin/agencies", access: .roles([.admin])),
        Row(method: .GET, pattern: "/admin/agencies/new", access: .roles([.admin])),
        Row(method: .POST, pattern: "/admin/agencies", access: .roles([.admin]), form: [("code", "")]),
        Row(method: .GET, pattern: "/admin/agencies/:agencyID", access: .roles([.admin])),
        Row(method: .POST, pattern: "/admin/agencies/:agencyID", access: .roles([.admin]), form: [("code", "")]),
        Row(method: .POST, pattern: "/admin/agencies/import", access: .roles([.admin])),
        Row(method: .GET, pattern: "/admin/users", access: .roles([.admin])),
        Row(method: .GET, pattern: "/admin/users/new", access: .roles([.admin])),
        Row(method: .POST, pattern: "/admin/users", access: .roles([.admin]), form: [("username", "")]),
        Row(method: .GET, pattern: "/admin/users/:userID", access: .roles([.admin])),
        Row(method: .POST, pattern: "/admin/users/:userID", access: .roles([.admin]), form: [("displayName", "")]),
        Row(method: .POST, pattern: "/admin/users/:userID/password", access: .roles([.admin])),
        Row(method: .GET, pattern: "/admin/audit", access: .roles([.admin])),
        Row(method: .GET, pattern: "/indexes", access: .roles(readers)),
        Row(method: .POST, pattern: "/indexes", access: .roles([.organizer])),
        Row(method: .GET, pattern: "/indexes/:indexID", access: .roles(readers)),
        Row(method: .GET, pattern: "/periods", access: .roles(readers)),
        Row(method: .GET, pattern: "/periods/new", access: .roles([.organizer])),
        Row(method: .POST, pattern: "/periods", access: .roles([.organizer]), form: [("name", "")]),
        Row(method: .GET, pattern: "/periods/:periodID", access: .roles(readers)),
        Row(method: .POST, pattern: "/periods/:periodID/indexes", access: .roles([.organizer])),
        Row(method: .POST, pattern: "/periods/:periodID/open", access: .roles([.organizer])),
        Row(method: .POST, pattern: "/periods/:periodID/assignments", access: .roles([.organizer])),
        Row(method: .POST, pattern: "/periods/:periodID/assignments/:assignmentID/delete", access: .roles([.organizer])),
        Row(method: .POST, pattern: "/periods/:periodID/publish", access: .roles([.organizer])),
        Row(method: .GET, pattern: "/periods/:periodID/surveys", access: .signedIn),
        Row(method: .POST, pattern: "/periods/:periodID/surveys", access: .roles([.organizer])),
        Row(method: .GET, pattern: "/periods/:periodID/ratings", access: .roles([.leader])),
        Row(method: .POST, pattern: "/periods/:periodID/ratings/:agencyID", access: .roles([.leader])),
        Row(method: .GET, pattern: "/tasks", access: .signedIn),
        Row(method: .GET, pattern: "/tasks/new", access: .roles([.taskOfficer])),
        Row(method: .POST, pattern: "/tasks", access: .roles([.taskOfficer]), form: [("content", "")]),
        Row(method: .GET, pattern: "/tasks/import", access: .roles([.taskOfficer])),
        Row(method: .POST, pattern: "/tasks/import", access: .roles([.taskOfficer])),
        Row(method: .GET, pattern: "/tasks/import/:importID", access: .roles([.taskOfficer])),
        Row(method: .POST, pattern: "/tasks/import/:importID", access: .roles([.taskOfficer]), form: [("col-agency", "0")]),
        Row(method: .GET, pattern: "/tasks/:taskID", access: .ownOrRoles(readers.union([.taskOfficer]))),
        Row(method: .POST, pattern: "/tasks/:taskID", access: .roles([.taskOfficer]), form: [("content", "")]),
        Row(method: .POST, pattern: "/tasks/:taskID/extensions", access: .roles([.taskOfficer]), form: [("extensionDocument", "")]),
        Row(method: .POST, pattern: "/tasks/:taskID/evidence", access: .roles([.taskOfficer]), multipart: true),
        Row(method: .GET, pattern: "/tasks/:taskID/evidence/:evidenceID", access: .ownOrRoles(readers.union([.taskOfficer]))),
        Row(method: .GET, pattern: "/public", access: .anyone),
        Row(method: .GET, pattern: "/public/periods/:periodID", access: .anyone),
        Row(method: .GET, pattern: "/periods/:periodID/results", access: .roles(readers)),
        Row(method: .GET, pattern: "/periods/:periodID/results/ranking.csv", access: .roles(readers)),
        Row(method: .GET, pattern: "/periods/:periodID/results/inputs.csv", access: .roles(readers)),
        Row(method: .GET, pattern: "/periods/:periodID/results/agencies.csv", access: .roles(readers)),
        Row(method: .GET, pattern: "/periods/:periodID/results/ranking.pdf", access: .roles(readers)),
        Row(method: .GET, pattern: "/periods/:periodID/results/ranking.xlsx", access: .roles(readers)),
        Row(method: .GET, pattern: "/periods/:periodID/results/matrix.xlsx", access: .roles(readers)),
        Row(method: .GET, pattern: "/assessments/:assessmentID/results", access: .roles(readers)),
        Row(method: .GET, pattern: "/assessments/:assessmentID/results/scoresheet.pdf", access: .roles(readers)),
        Row(method: .GET, pattern: "/indexes/:indexID/yaml", access: .roles(readers)),
        Row(method: .GET, pattern: "/assessments/:assessmentID/whatif", access: .ownOr(own: [.editor, .head, .viewer], any: [.admin, .organizer])),
        Row(method: .POST, pattern: "/assessments/:assessmentID/whatif", access: .ownOr(own: [.editor, .head, .viewer], any: [.admin, .organizer]),
            form: [("v-1.2", "50")]),
        Row(method: .GET, pattern: "/dashboard", access: .signedIn),
        Row(method: .GET, pattern: "/agencies/:agencyID/deputies", access: .ownOr(own: [.head], any: [.admin, .organizer])),
        Row(method: .POST, pattern: "/agencies/:agencyID/deputies", access: .ownOr(own: [.head], any: [.admin, .organizer]), form: [("name", "")]),
        Row(method: .POST, pattern: "/agencies/:agencyID/deputies/:deputyID", access: .ownOr(own: [.head], any: [.admin, .organizer]),
            form: [("name", "")]),
        Row(method: .GET, pattern: "/monitoring", access: .signedIn),
        Row(method: .GET, pattern: "/monitoring/:periodID/agencies/:agencyID", access: .ownOrRoles(readers.union([.taskOfficer]))),
        Row(method: .GET, pattern: "/appraisal", access: .roles([.appraiser, .chair])),
        Row(method: .GET, pattern: "/council", access: .roles([.chair, .organizer, .admin, .leader])),
        Row(method: .GET, pattern: "/assessments/:assessmentID", access: .ownOrRoles(readers)),
        Row(method: .POST, pattern: "/assessments/:assessmentID/entries/:code", access: .ownOnly([.editor]), form: [("value", "90"), ("revision", "0")]),
        Row(method: .POST, pattern: "/assessments/:assessmentID/exception", access: .roles([.organizer]), form: [("reason", "")]),
        Row(method: .POST, pattern: "/assessments/:assessmentID/return", access: .roles([.organizer]), form: [("reason", "Thiếu tài liệu")]),
        Row(method: .POST, pattern: "/assessments/:assessmentID/entries/:code/evidence", access: .ownOnly([.editor]), multipart: true),
        Row(method: .GET, pattern: "/assessments/:assessmentID/entries/:code/evidence/attach", access: .ownOnly([.editor])),
        Row(method: .POST, pattern: "/assessments/:assessmentID/entries/:code/evidence/attach", access: .ownOnly([.editor]), form: [("linkID", "x")]),
        Row(method: .GET, pattern: "/evidence/:linkID", access: .ownOrRoles(readers)),
        // Nothing is appraised in the fixture: the agency may not see an appraisal before release.
        Row(method: .GET, pattern: "/assessments/:assessmentID/appraisal", access: .roles(readers)),
        // The fixture's index names no appraiser agency: its leaves fall to the chair.
        Row(method: .POST, pattern: "/assessments/:assessmentID/appraisal/confirm", access: .roles([.chair])),
        Row(method: .POST, pattern: "/assessments/:assessmentID/appraisal/:code", access: .roles([.chair])),
        Row(method: .POST, pattern: "/assessments/:assessmentID/release", access: .roles([.chair])),
        Row(method: .POST, pattern: "/assessments/:assessmentID/explanations/:code", access: .ownOnly([.editor]), form: [("explanation", "x")]),
        Row(method: .POST, pattern: "/assessments/:assessmentID/finalise", access: .roles([.chair])),
        Row(method: .POST, pattern: "/assessments/:assessmentID/reopen", access: .roles([.admin]), form: [("reason", "x")]),
        Row(method: .POST, pattern: "/assessments/:assessmentID/evidence/:linkID/delete", access: .ownOnly([.editor])),
        // The JSON API: the same handlers, the same rights.
        Row(method: .GET, pattern: "/api/openapi.json", access: .anyone),
        Row(method: .GET, pattern: "/api/v1/me", access: .signedIn),
        Row(method: .GET, pattern: "/api/v1/assessments", access: .signedIn),
        Row(method: .GET, pattern: "/api/v1/assessments/:assessmentID", access: .ownOrRoles(readers)),
        Row(method: .POST, pattern: "/api/v1/assessments/:assessmentID/entries/:code", access: .ownOnly([.editor]), form: [("value", "91"), ("revision", "1")]),
        Row(method: .POST, pattern: "/api/v1/assessments/:assessmentID/exception", access: .roles([.organizer]), form: [("reason", "")]),
        Row(method: .POST, pattern: "/api/v1/assessments/:assessmentID/return", access: .roles([.organizer]), form: [("reason", "x")]),
        Row(method: .POST, pattern: "/api/v1/assessments/:assessmentID/appraisal/confirm", access: .roles([.chair])),
        Row(method: .POST, pattern: "/api/v1/assessments/:assessmentID/appraisal/:code", access: .roles([.chair])),
        Row(method: .POST, pattern: "/api/v1/assessments/:assessmentID/release", access: .roles([.chair])),
        Row(method: .POST, pattern: "/api/v1/assessments/:assessmentID/explanations/:code", access: .ownOnly([.editor]), form: [("explanation", "x")]),
        Row(method: .POST, pattern: "/api/v1/assessments/:assessmentID/finalise", access: .roles([.chair])),
        Row(method: .POST, pattern: "/api/v1/assessments/:assessmentID/reopen", access: .roles([.admin]), form: [("reason", "x")]),
        Row(method: .POST, pattern: "/api/v1/periods/:periodID/publish", access: .roles([.organizer])),
        Row(method: .POST, pattern: "/api/v1/periods/:periodID/assignments", access: .roles([.organizer])),
        Row(method: .GET, pattern: "/api/v1/evidence/:linkID", access: .ownOrRoles(readers)),
        Row(method: .GET, pattern: "/api/v1/tasks", access: .signedIn),
        Row(method: .POST, pattern: "/api/v1/tasks", access: .roles([.taskOfficer]), form: [("content", "")]),
        Row(method: .POST, pattern: "/api/v1/tasks/:taskID", access: .roles([.taskOfficer]), form: [("content", "")]),
        Row(method: .POST, pattern: "/api/v1/tasks/:taskID/extensions", access: .roles([.taskOfficer]), form: [("extensionDocument", "")]),
        Row(method: .GET, pattern: "/api/v1/periods/:periodID/monitoring", access: .signedIn),
        Row(method: .GET, pattern: "/api/v1/periods/:periodID/results", access: .roles(readers)),
        Row(method: .POST, pattern: "/api/v1/periods/:periodID/surveys", access: .roles([.organizer])),
        Row(method: .POST, pattern: "/api/v1/periods/:periodID/ratings/:agencyID", access: .roles([.leader])),
        Row(method: .POST, pattern: "/api/v1/assessments/:assessmentID/entries/:code/evidence", access: .ownOnly([.editor]), multipart: true),
        Row(method: .POST, pattern: "/api/v1/assessments/:assessmentID/submit", access: .ownOnly([.head])),
        // Removing a deputy: after every other use of it.
        Row(method: .POST, pattern: "/agencies/:agencyID/deputies/:deputyID/delete", access: .ownOr(own: [.head], any: [.admin, .organizer])),
        // Last but one: the head's submission changes the state for everything after it.
        Row(method: .POST, pattern: "/assessments/:assessmentID/submit", access: .ownOnly([.head])),
        // Last: it ends the session.
        Row(method: .POST, pattern: "/logout", access: .signedIn),
    ]

    static func key(_ method: HTTPMethod, _ pattern: String) -> String { "\(method.rawValue) \(pattern)" }

    @Test func everyRouteIsInTheMatrix() async throws {
        try await TestApp.run { app, _ in
            let routes = Set(app.routes.all.map { route in
                Self.key(route.method, "/" + route.path.map { "\($0)" }.joined(separator: "/"))
            })
            let matrix = Set(Self.rows.map { Self.key($0.method, $0.pattern) })
            #expect(routes.subtracting(matrix).isEmpty, "routes missing from the matrix: \(routes.subtracting(matrix).sorted())")
            #expect(matrix.subtracting(routes).isEmpty, "matrix rows with no route: \(matrix.subtracting(routes).sorted())")
        }
    }

    /// Concrete paths for a row: for the user's own agency and for another.
    static func paths(_ row: Row, _ fixture: Fixture, otherUser: UUID) -> (own: String, other: String) {
        func fill(_ agency: UUID, _ assessment: UUID) -> String {
            row.pattern
                .replacingOccurrences(of: ":file", with: String(Assets.stylesheetPath.dropFirst("/assets/".count)))
                .replacingOccurrences(of: "/language/:code", with: "/language/en")
                .replacingOccurrences(of: ":agencyID", with: agency.uuidString)
                .replacingOccurrences(of: ":userID", with: otherUser.uuidString)
                .replacingOccurrences(of: ":indexID", with: fixture.indexVersion.uuidString)
                .replacingOccurrences(of: ":periodID", with: fixture.period.uuidString)
                .replacingOccurrences(of: ":assessmentID", with: assessment.uuidString)
                .replacingOccurrences(of: ":code", with: "1.2")
                .replacingOccurrences(of: ":assignmentID", with: UUID().uuidString)
                .replacingOccurrences(of: ":taskID", with: (agency == fixture.own ? fixture.ownTask : fixture.otherTask).uuidString)
                .replacingOccurrences(of: ":evidenceID", with: (agency == fixture.own ? fixture.ownTaskEvidence : fixture.otherTaskEvidence).uuidString)
                .replacingOccurrences(of: ":deputyID", with: (agency == fixture.own ? fixture.ownDeputy : fixture.otherDeputy).uuidString)
                .replacingOccurrences(of: ":importID", with: fixture.taskImport.uuidString)
                .replacingOccurrences(of: ":linkID", with: (assessment == fixture.ownAssessment ? fixture.ownEvidence : fixture.otherEvidence).uuidString)
        }
        return (fill(fixture.own, fixture.ownAssessment), fill(fixture.other, fixture.otherAssessment))
    }

    static func allowed(_ access: Access, role: Role, own: Bool) -> Bool {
        switch access {
        case .anyone, .signedIn: true
        case let .roles(roles): roles.contains(role)
        case let .ownOrRoles(roles): own || roles.contains(role)
        case let .ownOnly(roles): own && roles.contains(role)
        case let .ownOr(ownRoles, anyRoles): anyRoles.contains(role) || (own && ownRoles.contains(role))
        }
    }

    @Test("Each role gets exactly its rights on every route", arguments: Role.allCases)
    func matrix(role: Role) async throws {
        try await TestApp.run { app, fixture in
            let otherUser = try #require(try await UserModel.query(on: app.db).filter(\.$username == "t.sxd.editor").first()?.id)
            let browser = Browser(app)
            try await browser.signIn(fixture.userByRole[role]!)
            for row in Self.rows {
                let (ownPath, otherPath) = Self.paths(row, fixture, otherUser: otherUser)
                for (path, own) in [(ownPath, true), (otherPath, false)] {
                    let expectAllowed = Self.allowed(row.access, role: role, own: own)
                    func send(csrf: Bool) async throws -> Browser.Page {
                        if row.method == .GET { return try await browser.get(path) }
                        if row.multipart {
                            return try await browser.upload(path, field: "file", fileName: "a.pdf", content: Array("%PDF-1.4 matrix".utf8), csrf: csrf)
                        }
                        return try await browser.post(path, row.form, csrf: csrf)
                    }
                    if row.method == .POST {
                        // Without the CSRF token: always refused, whoever asks.
                        let forged = try await send(csrf: false)
                        #expect(forged.status == .forbidden, "\(role) \(row.method) \(path) without CSRF → \(forged.status)")
                    }
                    let page = try await send(csrf: true)
                    if expectAllowed {
                        // (A failed login answers 401 by design: the route itself was allowed.)
                        #expect(page.status != .forbidden && (page.status != .unauthorized || row.pattern == "/login"),
                                "\(role) \(row.method) \(path) (own: \(own)) should be allowed, got \(page.status)")
                    } else {
                        #expect(page.status == .forbidden, "\(role) \(row.method) \(path) (own: \(own)) should be refused, got \(page.status)")
                    }
                    if row.pattern == "/logout" { break }
                }
            }
        }
    }

    @Test("Without a session, pages behind the login redirect to it")
    func anonymous() async throws {
        try await TestApp.run { app, fixture in
            let browser = Browser(app)
            for row in Self.rows {
                guard case .anyone = row.access else {
                    let (path, _) = Self.paths(row, fixture, otherUser: fixture.own)
                    let page = row.method == .GET ? try await browser.get(path) : try await browser.post(path, row.form, csrf: false)
                    if path.hasPrefix("/api/") {
                        #expect(page.status == .unauthorized, "\(row.method) \(path) → \(page.status)")
                    } else if row.method == .GET {
                        #expect(page.status == .seeOther && page.location?.hasPrefix("/login") == true, "\(row.method) \(path) → \(page.status)")
                    } else {
                        #expect(page.status == .seeOther || page.status == .forbidden, "\(row.method) \(path) → \(page.status)")
                    }
                    continue
                }
            }
        }
    }
}
