import ChiSoCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import App

/// Every route × every role × own agency / other agency × every assessment
/// state (and the period open or published), against the answer written
/// here: where the route is allowed, a success (2xx or 3xx, or the one exact
/// status a row names and explains); where it is not, the exact refusal
/// (403 never for this user, 409 not in this state). The API's routes are
/// sent twice: with the session cookie and with a bearer token. Every POST
/// is also sent without its CSRF token. A route added without a row here
/// fails `everyRouteIsInTheMatrix`.
@Suite("Route × role × state matrix")
struct RouteMatrixTests {
    /// The answer a request must get.
    enum Answer: Equatable, CustomStringConvertible {
        /// 2xx or 3xx.
        case success
        case status(HTTPStatus)

        func accepts(_ status: HTTPStatus) -> Bool {
            switch self {
            case .success: (200..<400).contains(status.code)
            case let .status(wanted): status == wanted
            }
        }

        var description: String {
            switch self {
            case .success: "2xx/3xx"
            case let .status(status): "\(status.code)"
            }
        }
    }

    /// Who asks and about what.
    struct Case: Sendable {
        var role: Role
        var own: Bool
        var state: AssessmentState
        var periodPublished: Bool { state == .published }
    }

    typealias Expect = @Sendable (Case) -> Answer

    struct Row: Sendable {
        var method: HTTPMethod
        var pattern: String
        var expect: Expect
        /// The form (built when sent: a revision or a unique code may be read from the database).
        var form: @Sendable (Context) async throws -> [(String, String)] = { _ in [] }
        /// Sent as a multipart upload of this file (name, bytes) instead of a form.
        var upload: (name: String, bytes: [UInt8])?
        /// The answer depends on the assessment's state: sent in every state (otherwise only with the
        /// period open and with it published).
        var byState = false
    }

    /// What a form may need to know.
    struct Context: Sendable {
        var app: Application
        var fixture: Fixture
        var own: Bool
        var serial: Int
        var assessment: UUID { own ? fixture.ownAssessment : fixture.otherAssessment }
        var agency: UUID { own ? fixture.own : fixture.other }
    }

    // MARK: Who may

    static let readers: Set<Role> = [.admin, .organizer, .appraiser, .chair, .leader]
    static let agencyPeople: Set<Role> = [.editor, .head, .viewer, .taskOfficer]
    static let editable: Set<AssessmentState> = [.draft, .returned]
    static let released: Set<AssessmentState> = [.released, .reexamining, .finalised, .published]

    static let anyone: Expect = { _ in .success }
    static func roles(_ roles: Set<Role>, success: Answer = .success) -> Expect {
        { roles.contains($0.role) ? success : .status(.forbidden) }
    }
    /// Everyone for their own agency's target; these roles for any.
    static func ownOrRoles(_ roles: Set<Role>) -> Expect {
        { $0.own || roles.contains($0.role) ? .success : .status(.forbidden) }
    }
    /// `own` roles for their own agency, `any` roles for every agency.
    static func ownOr(own: Set<Role>, any: Set<Role>) -> Expect {
        { any.contains($0.role) || ($0.own && own.contains($0.role)) ? .success : .status(.forbidden) }
    }
    /// A step of the agency's own people (role, own agency, then state).
    static func ownStep(_ roles: Set<Role>, _ states: Set<AssessmentState>) -> Expect {
        { c in
            guard roles.contains(c.role), c.own else { return .status(.forbidden) }
            return states.contains(c.state) ? .success : .status(.conflict)
        }
    }
    /// A step of the organiser or the council (role, then state), on any agency.
    static func councilStep(_ roles: Set<Role>, _ states: Set<AssessmentState>) -> Expect {
        { c in
            guard roles.contains(c.role) else { return .status(.forbidden) }
            return states.contains(c.state) ? .success : .status(.conflict)
        }
    }
    /// Results: the council side always; the agency's people once the period is published (their own agency's, for one agency).
    /// One agency's result exists once it is finalised (409 before).
    static func results(agencyScoped: Bool, success: Answer = .success) -> Expect {
        { c in
            let exists = !agencyScoped || c.state == .finalised || c.state == .published
            if readers.contains(c.role) { return exists ? success : .status(.conflict) }
            if agencyScoped, !c.own { return .status(.forbidden) }
            return c.periodPublished ? success : .status(.forbidden)
        }
    }

    // MARK: The rows

    static let pdf = Answer.status(.serviceUnavailable) // the matrix runs without Chromium (CHISO_CHROMIUM points nowhere)
    static let pdfBytes = Array("%PDF-1.4\n% matrix\n%%EOF\n".utf8)

    static func entryForm(_ context: Context) async throws -> [(String, String)] {
        let entry = try await CriterionEntryModel.query(on: context.app.db).filter(\.$assessment.$id == context.assessment)
            .filter(\.$criterionCode == "1.2").first()
        return [("value", "90"), ("revision", String(entry?.revision ?? 0))]
    }

    static let decisionForm = [("number", "12/QĐ-UBND"), ("signedOn", "2026-01-20"), ("issuer", "UBND tỉnh Thử"), ("signer", "Trần Văn B"),
                               ("signerAuthority", "KT. CHỦ TỊCH"), ("signerPosition", "PHÓ CHỦ TỊCH")]

    static let rows: [Row] = [
        Row(method: .GET, pattern: "/assets/:file", expect: anyone),
        Row(method: .GET, pattern: "/health", expect: anyone),
        Row(method: .GET, pattern: "/login", expect: anyone),
        // A wrong password: the route answers 401, for anyone.
        Row(method: .POST, pattern: "/login", expect: { _ in .status(.unauthorized) }, form: { _ in [("username", "nobody"), ("password", "x")] }),
        Row(method: .GET, pattern: "/language/:code", expect: anyone),
        Row(method: .GET, pattern: "/", expect: anyone),
        Row(method: .GET, pattern: "/account/password", expect: anyone),
        // A wrong current password: 422, the password stays (the matrix goes on with it).
        Row(method: .POST, pattern: "/account/password", expect: { _ in .status(.unprocessableEntity) },
            form: { _ in [("current", "wrong"), ("new", "Song-Hong-Chay-Ve-Bien-3"), ("repeated", "Song-Hong-Chay-Ve-Bien-3")] }),
        Row(method: .GET, pattern: "/admin/agencies", expect: roles([.admin])),
        Row(method: .GET, pattern: "/admin/agencies/new", expect: roles([.admin])),
        Row(method: .POST, pattern: "/admin/agencies", expect: roles([.admin]),
            form: { c in [("code", "M\(c.serial)"), ("name", "Đơn vị \(c.serial)"), ("group", "so"), ("tags", "")] }),
        Row(method: .GET, pattern: "/admin/agencies/:agencyID", expect: roles([.admin])),
        Row(method: .POST, pattern: "/admin/agencies/:agencyID", expect: roles([.admin]),
            form: { c in [("code", c.own ? "SNV" : "SXD"), ("name", c.own ? "Sở Nội vụ" : "Sở Xây dựng"), ("group", "so"), ("tags", "")] }),
        Row(method: .GET, pattern: "/admin/agencies/changes", expect: roles([.admin])),
        // The preview of a rename (applying one is AgencyHistoryTests').
        Row(method: .POST, pattern: "/admin/agencies/changes", expect: roles([.admin]),
            form: { c in [("kind", "rename"), ("agencies", "SXD"), ("newName", "Sở Xây dựng \(c.serial)"), ("effective", "01/01/2027"),
                          ("note", "Quyết định 1/QĐ-UBND"), ("step", "preview")] }),
        Row(method: .POST, pattern: "/admin/agencies/import", expect: roles([.admin]),
            upload: ("don-vi.csv", Array("code,name,group,tags\nSYT,Sở Y tế,so,\n".utf8))),
        Row(method: .GET, pattern: "/admin/users", expect: roles([.admin])),
        Row(method: .GET, pattern: "/admin/users/import", expect: roles([.admin])),
        // The preview of a list (AccountImportTests import one).
        Row(method: .POST, pattern: "/admin/users/import", expect: roles([.admin]),
            upload: ("tai-khoan.csv", Array("username,full_name,agency,role,email\nm.moi,Người mới,SNV,editor,\n".utf8))),
        // Nothing chosen: refused in words.
        Row(method: .POST, pattern: "/admin/users/bulk", expect: roles([.admin], success: .status(.unprocessableEntity)),
            form: { _ in [("action", "disable")] }),
        // No such sheet (or taken already): gone.
        Row(method: .POST, pattern: "/admin/users/credentials/:sheetID", expect: roles([.admin], success: .status(.gone)),
            form: { _ in [("key", "AAAA"), ("format", "csv")] }),
        Row(method: .GET, pattern: "/admin/users/new", expect: roles([.admin])),
        Row(method: .POST, pattern: "/admin/users", expect: roles([.admin]),
            form: { c in [("username", "moi.\(c.serial)"), ("displayName", "Người mới"), ("agencyID", c.fixture.own.uuidString),
                          ("roles[]", "viewer"), ("active", "on")] }),
        Row(method: .GET, pattern: "/admin/users/:userID", expect: roles([.admin])),
        Row(method: .POST, pattern: "/admin/users/:userID", expect: roles([.admin]),
            form: { c in [("displayName", "Đầu mối SXD"), ("agencyID", c.fixture.other.uuidString), ("roles[]", "editor"), ("active", "on")] }),
        Row(method: .POST, pattern: "/admin/users/:userID/password", expect: roles([.admin])),
        Row(method: .GET, pattern: "/admin/audit", expect: roles([.admin])),
        Row(method: .GET, pattern: "/admin/identity", expect: roles([.admin])),
        Row(method: .POST, pattern: "/admin/identity", expect: roles([.admin]),
            form: { _ in [("province", "Tỉnh Thử"), ("issuingBody", "UBND TỈNH THỬ"), ("place", "Thử")] }),
        Row(method: .POST, pattern: "/admin/identity/groups", expect: roles([.admin]), form: { _ in [("name-so", "sở, ban, ngành")] }),
        Row(method: .GET, pattern: "/indexes", expect: roles(readers)),
        Row(method: .POST, pattern: "/indexes", expect: roles([.organizer]),
            upload: ("chi-so.yaml", Array("""
                id: matrix-upload
                title: Bộ chỉ số tải lên
                scale: 10
                classes:
                  - {code: T, title: Tốt, min: 0}
                criteria:
                  - {code: "1", title: Một, max: 10, rule: {type: yesno}}
                """.utf8))),
        Row(method: .GET, pattern: "/indexes/:indexID", expect: roles(readers)),
        Row(method: .GET, pattern: "/indexes/:indexID/xlsx", expect: roles(readers)),
        // The fixture's version is used by the period: it is never withdrawn (409).
        Row(method: .POST, pattern: "/indexes/:indexID/withdraw", expect: roles([.organizer], success: .status(.conflict))),
        Row(method: .GET, pattern: "/indexes/compare", expect: roles(readers)),
        // Without the two versions to compare (the matrix sends no query), the download is a bad request.
        Row(method: .GET, pattern: "/indexes/compare.xlsx", expect: roles(readers, success: .status(.badRequest))),
        Row(method: .GET, pattern: "/indexes/:indexID/mapping", expect: roles([.organizer])),
        Row(method: .POST, pattern: "/indexes/:indexID/mapping", expect: roles([.organizer]),
            form: { c in
                // Another version to map from: the fixture's own, uploaded again under another code.
                let code = "test-old-" + UUID().uuidString.lowercased()
                let other = IndexVersionModel(code: code, version: 1, title: "Cũ", yaml: try await IndexVersionModel.find(
                    c.fixture.indexVersion, on: c.app.db)!.yaml.replacingOccurrences(of: "id: test-so", with: "id: \(code)"),
                    sha256: code, leafCount: 2, uploadedBy: nil)
                try await other.create(on: c.app.db)
                return [("from", other.id!.uuidString), ("to-0", "I"), ("to-1", "1.1"), ("to-2", "")]
            }),
        Row(method: .POST, pattern: "/index-drafts", expect: roles([.organizer]),
            form: { c in [("from", c.fixture.indexVersion.uuidString)] }),
        Row(method: .GET, pattern: "/index-drafts/:draftID", expect: roles([.organizer])),
        Row(method: .GET, pattern: "/index-drafts/:draftID/xlsx", expect: roles([.organizer])),
        Row(method: .GET, pattern: "/index-drafts/:draftID/dry-run", expect: roles([.organizer])),
        Row(method: .POST, pattern: "/index-drafts/:draftID", expect: roles([.organizer]),
            form: { c in
                let draft = try await IndexDraftModel.find(c.fixture.draft, on: c.app.db)!
                return [("revision", String(draft.revision)), ("sheet", "criteria"), ("position", "1"), ("action", "down")]
            }),
        Row(method: .POST, pattern: "/index-drafts/:draftID/publish", expect: roles([.organizer]),
            form: { c in
                let draft = try await IndexDraftModel.find(c.fixture.draft, on: c.app.db)!
                return [("revision", String(draft.revision)), ("confirm", "1")]
            }),
        // Last of the draft's rows: the draft is gone after it.
        Row(method: .POST, pattern: "/index-drafts/:draftID/delete", expect: roles([.organizer]), form: { _ in [("confirm", "1")] }),
        Row(method: .GET, pattern: "/periods", expect: roles(readers)),
        Row(method: .GET, pattern: "/periods/new", expect: roles([.organizer])),
        Row(method: .POST, pattern: "/periods", expect: roles([.organizer]),
            form: { c in [("name", "Quý \(c.serial)"), ("kind", "year"), ("year", "2027"), ("selfDeadline", "15/12/2027"),
                          ("appraisalDeadline", "20/01/2028"), ("explanationDeadline", "05/02/2028")] }),
        Row(method: .GET, pattern: "/periods/:periodID", expect: roles(readers)),
        // The period is open (or published): its indexes can no longer change, it cannot open again.
        Row(method: .POST, pattern: "/periods/:periodID/indexes", expect: roles([.organizer], success: .status(.conflict)),
            form: { c in [("group", "so"), ("indexVersionID", c.fixture.indexVersion.uuidString)] }),
        Row(method: .POST, pattern: "/periods/:periodID/open", expect: roles([.organizer], success: .status(.conflict))),
        // Every agency of an indexed group is in the period already (XA1's group has no index): 409.
        Row(method: .POST, pattern: "/periods/:periodID/agencies", expect: roles([.organizer], success: .status(.conflict)),
            form: { c in [("agencyID", c.fixture.commune.uuidString)] }),
        // Moving the explanation deadline (a day of March 2028 that changes with each request); not once published.
        Row(method: .POST, pattern: "/periods/:periodID/deadlines",
            expect: { c in c.role == .organizer ? (c.periodPublished ? .status(.conflict) : .success) : .status(.forbidden) },
            form: { c in [("explanationDeadline", String(format: "%02d/03/2028", 1 + c.serial % 28)), ("reason", "Lùi hạn theo chỉ đạo")] }),
        // Closing early without a reason: refused (the matrix goes on with the period open; PeriodAdministrationTests close one).
        Row(method: .POST, pattern: "/periods/:periodID/close",
            expect: { c in c.role == .organizer ? .status(c.periodPublished ? .conflict : .unprocessableEntity) : .status(.forbidden) }),
        Row(method: .POST, pattern: "/periods/:periodID/assignments", expect: roles([.organizer]),
            form: { c in [("indexCode", "test-so"), ("criterionCode", "1.2"),
                          ("userID", try await MatrixData.user(c.app, "t.appraiser").uuidString)] }),
        // Publishing needs every assessment finalised and the period open.
        Row(method: .POST, pattern: "/periods/:periodID/publish",
            expect: { c in c.role != .organizer ? .status(.forbidden) : c.state == .finalised ? .success : .status(.conflict) },
            form: { _ in decisionForm }, byState: true),
        // The fixture's index reads no task, survey or rating data: nothing to declare (422); once published, nothing changes (409).
        Row(method: .POST, pattern: "/periods/:periodID/sources",
            expect: { c in c.role != .organizer ? .status(.forbidden) : .status(c.periodPublished ? .conflict : .unprocessableEntity) },
            form: { _ in [("dataSet", "tasks"), ("checkedOn", "2026-01-05")] }),
        // No declaration to withdraw.
        Row(method: .POST, pattern: "/periods/:periodID/sources/:dataSet/withdraw", expect: roles([.organizer], success: .status(.notFound))),
        // The signed decision is attached once the period is published (MatrixData records its decision).
        Row(method: .POST, pattern: "/periods/:periodID/decision",
            expect: { c in c.role != .organizer ? .status(.forbidden) : c.periodPublished ? .success : .status(.conflict) },
            upload: ("quyet-dinh.pdf", pdfBytes)),
        Row(method: .GET, pattern: "/public/periods/:periodID/decision.pdf", expect: { c in c.periodPublished ? .success : .status(.notFound) }),
        Row(method: .GET, pattern: "/periods/:periodID/surveys", expect: anyone),
        // The fixture's index has no survey criterion: the file is read and refused (422); once published, nothing changes (409).
        Row(method: .POST, pattern: "/periods/:periodID/surveys",
            expect: { c in c.role != .organizer ? .status(.forbidden) : .status(c.periodPublished ? .conflict : .unprocessableEntity) },
            upload: ("dieu-tra.csv", Array("agency,criterion,percentage,survey,sample_size\nSNV,1.2,80,Khảo sát,100\n".utf8))),
        Row(method: .GET, pattern: "/periods/:periodID/ratings", expect: roles([.leader])),
        // Once published, ratings no longer change (409).
        // The fixture's index has no leaders' criterion: a group form or an assignment names nothing (422).
        Row(method: .POST, pattern: "/periods/:periodID/ratings",
            expect: { c in c.role != .leader ? .status(.forbidden) : .status(c.periodPublished ? .conflict : .unprocessableEntity) }),
        Row(method: .POST, pattern: "/periods/:periodID/leaders",
            expect: { c in c.role != .organizer ? .status(.forbidden) : .status(c.periodPublished ? .conflict : .unprocessableEntity) }),
        Row(method: .POST, pattern: "/periods/:periodID/ratings/:agencyID",
            expect: { c in c.role != .leader ? .status(.forbidden) : c.periodPublished ? .status(.conflict) : .success }),
        Row(method: .GET, pattern: "/tasks", expect: anyone),
        Row(method: .GET, pattern: "/tasks/new", expect: roles([.taskOfficer])),
        Row(method: .POST, pattern: "/tasks", expect: roles([.taskOfficer]),
            form: { c in [("sourceID", "M-\(c.serial)"), ("document", "1/UBND"), ("documentDate", "02/03/2026"), ("issuer", "UBND tỉnh"),
                          ("agency", "SNV"), ("content", "Việc mới"), ("deadline", "30/06/2026")] }),
        Row(method: .GET, pattern: "/tasks/import", expect: roles([.taskOfficer])),
        Row(method: .POST, pattern: "/tasks/import", expect: roles([.taskOfficer]),
            upload: ("nhiem-vu.csv", Array("ma,so van ban,don vi,noi dung,han xu ly\nM-1,1/UBND,SNV,Việc,30/06/2026\n".utf8))),
        Row(method: .GET, pattern: "/tasks/import/:importID", expect: roles([.taskOfficer])),
        Row(method: .GET, pattern: "/tasks/:taskID", expect: ownOrRoles(readers.union([.taskOfficer]))),
        Row(method: .POST, pattern: "/tasks/:taskID", expect: roles([.taskOfficer]),
            form: { c in [("sourceID", c.own ? "T-1" : "T-2"), ("document", c.own ? "100/UBND-TH" : "101/UBND-TH"), ("documentDate", "02/03/2026"),
                          ("issuer", "UBND tỉnh"), ("agency", c.own ? "SNV" : "SXD"), ("content", "Nhiệm vụ sửa"), ("deadline", "30/04/2026")] }),
        Row(method: .POST, pattern: "/tasks/:taskID/extensions", expect: roles([.taskOfficer]),
            form: { c in [("extensionDocument", "GH-\(c.serial)"), ("extensionDate", "20/04/2026"), ("extendedDeadline", "31/05/2026")] }),
        Row(method: .POST, pattern: "/tasks/:taskID/evidence", expect: roles([.taskOfficer]), upload: ("bao-cao.pdf", pdfBytes)),
        Row(method: .GET, pattern: "/tasks/:taskID/evidence/:evidenceID", expect: ownOrRoles(readers.union([.taskOfficer]))),
        Row(method: .GET, pattern: "/public", expect: anyone),
        // An unpublished period does not exist on the public side.
        Row(method: .GET, pattern: "/public/periods/:periodID", expect: { c in c.periodPublished ? .success : .status(.notFound) }),
        Row(method: .GET, pattern: "/periods/:periodID/results", expect: results(agencyScoped: false)),
        Row(method: .GET, pattern: "/periods/:periodID/results/ranking.csv", expect: results(agencyScoped: false)),
        Row(method: .GET, pattern: "/periods/:periodID/results/inputs.csv", expect: results(agencyScoped: false)),
        Row(method: .GET, pattern: "/periods/:periodID/results/agencies.csv", expect: results(agencyScoped: false)),
        Row(method: .GET, pattern: "/periods/:periodID/results/ranking.pdf", expect: results(agencyScoped: false, success: pdf)),
        Row(method: .GET, pattern: "/periods/:periodID/results/ranking.xlsx", expect: results(agencyScoped: false)),
        Row(method: .GET, pattern: "/periods/:periodID/results/matrix.xlsx", expect: results(agencyScoped: false)),
        Row(method: .GET, pattern: "/assessments/:assessmentID/results", expect: results(agencyScoped: true), byState: true),
        Row(method: .GET, pattern: "/assessments/:assessmentID/results/scoresheet.pdf", expect: results(agencyScoped: true, success: pdf), byState: true),
        Row(method: .GET, pattern: "/indexes/:indexID/yaml", expect: roles(readers)),
        Row(method: .GET, pattern: "/assessments/:assessmentID/whatif", expect: ownOr(own: [.editor, .head, .viewer], any: [.admin, .organizer])),
        Row(method: .POST, pattern: "/assessments/:assessmentID/whatif", expect: ownOr(own: [.editor, .head, .viewer], any: [.admin, .organizer]),
            form: { _ in [("v-1.2", "50")] }),
        Row(method: .GET, pattern: "/dashboard", expect: anyone),
        Row(method: .GET, pattern: "/agencies/:agencyID/deputies", expect: ownOr(own: [.head], any: [.admin, .organizer])),
        Row(method: .POST, pattern: "/agencies/:agencyID/deputies", expect: ownOr(own: [.head], any: [.admin, .organizer]),
            form: { _ in [("name", "Phó Giám đốc C"), ("position", "Phó Giám đốc"), ("fields", "I")] }),
        Row(method: .POST, pattern: "/agencies/:agencyID/deputies/:deputyID", expect: ownOr(own: [.head], any: [.admin, .organizer]),
            form: { _ in [("name", "Phó Giám đốc A"), ("position", "Phó Giám đốc"), ("fields", "I")] }),
        Row(method: .GET, pattern: "/monitoring", expect: anyone),
        Row(method: .GET, pattern: "/monitoring/:periodID/agencies/:agencyID", expect: ownOrRoles(readers.union([.taskOfficer]))),
        Row(method: .GET, pattern: "/appraisal", expect: roles([.appraiser, .chair])),
        Row(method: .GET, pattern: "/council", expect: roles([.chair, .organizer, .admin, .leader])),
        Row(method: .GET, pattern: "/assessments/:assessmentID", expect: ownOrRoles(readers), byState: true),
        Row(method: .POST, pattern: "/assessments/:assessmentID/entries/:code", expect: ownStep([.editor], editable), form: entryForm, byState: true),
        Row(method: .POST, pattern: "/assessments/:assessmentID/exception", expect: councilStep([.organizer], editable),
            form: { _ in [("reason", "Đơn vị có văn bản xin gia hạn"), ("until", "20/12/2026")] }, byState: true),
        Row(method: .POST, pattern: "/assessments/:assessmentID/return", expect: councilStep([.organizer], [.submitted]),
            form: { _ in [("reason", "Thiếu tài liệu")] }, byState: true),
        // Evidence is added while self-assessing, or with an explanation once released.
        Row(method: .POST, pattern: "/assessments/:assessmentID/entries/:code/evidence", expect: ownStep([.editor], editable.union([.released])),
            upload: ("ke-hoach.pdf", pdfBytes), byState: true),
        Row(method: .GET, pattern: "/assessments/:assessmentID/entries/:code/evidence/attach", expect: ownStep([.editor], editable), byState: true),
        Row(method: .POST, pattern: "/assessments/:assessmentID/entries/:code/evidence/attach", expect: ownStep([.editor], editable),
            form: { c in [("linkID", (c.own ? c.fixture.ownEvidence : c.fixture.otherEvidence).uuidString)] }, byState: true),
        Row(method: .GET, pattern: "/evidence/:linkID", expect: ownOrRoles(readers)),
        // The agency sees its appraisal once it is released.
        Row(method: .GET, pattern: "/assessments/:assessmentID/appraisal", expect: { c in
            if readers.contains(c.role) { return .success }
            guard c.own, [.editor, .head, .viewer].contains(c.role) else { return .status(.forbidden) }
            return released.contains(c.state) ? .success : .status(.forbidden)
        }, byState: true),
        // The fixture's index names no appraiser agency: its leaves fall to the chair.
        Row(method: .POST, pattern: "/assessments/:assessmentID/appraisal/confirm", expect: councilStep([.chair], [.submitted, .appraising]), byState: true),
        Row(method: .POST, pattern: "/assessments/:assessmentID/appraisal/:code",
            expect: councilStep([.chair], [.submitted, .appraising, .released, .reexamining]), form: { _ in [("value", "")] }, byState: true),
        Row(method: .POST, pattern: "/assessments/:assessmentID/release", expect: councilStep([.chair], [.submitted, .appraising]), byState: true),
        Row(method: .POST, pattern: "/assessments/:assessmentID/explanations/:code", expect: ownStep([.editor], [.released]),
            form: { _ in [("explanation", "Đã bổ sung báo cáo")] }, byState: true),
        Row(method: .POST, pattern: "/assessments/:assessmentID/finalise", expect: councilStep([.chair], [.released, .reexamining]), byState: true),
        Row(method: .POST, pattern: "/assessments/:assessmentID/reopen", expect: councilStep([.admin], [.finalised, .published]),
            form: { _ in [("reason", "Sai sót số liệu")] }, byState: true),
        // Closing without a reason is refused in every state (PeriodAdministrationTests close one with its reason).
        Row(method: .POST, pattern: "/assessments/:assessmentID/close", expect: councilStep([.organizer], []), byState: true),
        // Only the chair, only for the chair's own agency (the fixture's chair is of VPUB, which is not assessed: see TransitionTests).
        Row(method: .POST, pattern: "/assessments/:assessmentID/acting-chair", expect: { _ in .status(.forbidden) },
            form: { _ in [("userID", "")] }, byState: true),
        // The fixture's index has no deduction item: the code names none (BonusDeductionTests records one).
        Row(method: .POST, pattern: "/assessments/:assessmentID/deductions/:code", expect: { _ in .status(.notFound) },
            form: { _ in [("value", "1")] }, byState: true),
        // The JSON API: the same handlers, the same rights.
        Row(method: .GET, pattern: "/api/openapi.json", expect: anyone),
        Row(method: .GET, pattern: "/api/v1/me", expect: anyone),
        Row(method: .GET, pattern: "/api/v1/agencies", expect: anyone),
        // Years side by side: an agency's (its own people, or those who see every agency), a group's (published years: anyone).
        Row(method: .GET, pattern: "/agencies/:agencyID/years", expect: ownOrRoles(readers)),
        Row(method: .GET, pattern: "/results/years", expect: anyone),
        Row(method: .GET, pattern: "/api/v1/assessments", expect: anyone),
        Row(method: .GET, pattern: "/api/v1/assessments/:assessmentID", expect: ownOrRoles(readers), byState: true),
        Row(method: .POST, pattern: "/api/v1/assessments/:assessmentID/entries/:code", expect: ownStep([.editor], editable), form: entryForm, byState: true),
        Row(method: .POST, pattern: "/api/v1/assessments/:assessmentID/exception", expect: councilStep([.organizer], editable),
            form: { _ in [("reason", "Gia hạn"), ("until", "20/12/2026")] }, byState: true),
        Row(method: .POST, pattern: "/api/v1/assessments/:assessmentID/return", expect: councilStep([.organizer], [.submitted]),
            form: { _ in [("reason", "x")] }, byState: true),
        Row(method: .POST, pattern: "/api/v1/assessments/:assessmentID/appraisal/confirm", expect: councilStep([.chair], [.submitted, .appraising]), byState: true),
        Row(method: .POST, pattern: "/api/v1/assessments/:assessmentID/appraisal/:code",
            expect: councilStep([.chair], [.submitted, .appraising, .released, .reexamining]), form: { _ in [("value", "")] }, byState: true),
        Row(method: .POST, pattern: "/api/v1/assessments/:assessmentID/release", expect: councilStep([.chair], [.submitted, .appraising]), byState: true),
        Row(method: .POST, pattern: "/api/v1/assessments/:assessmentID/explanations/:code", expect: ownStep([.editor], [.released]),
            form: { _ in [("explanation", "x")] }, byState: true),
        Row(method: .POST, pattern: "/api/v1/assessments/:assessmentID/deductions/:code", expect: { _ in .status(.notFound) },
            form: { _ in [("value", "1")] }, byState: true),
        Row(method: .POST, pattern: "/api/v1/assessments/:assessmentID/finalise", expect: councilStep([.chair], [.released, .reexamining]), byState: true),
        Row(method: .POST, pattern: "/api/v1/assessments/:assessmentID/reopen", expect: councilStep([.admin], [.finalised, .published]),
            form: { _ in [("reason", "x")] }, byState: true),
        Row(method: .POST, pattern: "/api/v1/periods/:periodID/publish",
            expect: { c in c.role != .organizer ? .status(.forbidden) : c.state == .finalised ? .success : .status(.conflict) },
            form: { _ in decisionForm }, byState: true),
        Row(method: .POST, pattern: "/api/v1/periods/:periodID/sources",
            expect: { c in c.role != .organizer ? .status(.forbidden) : .status(c.periodPublished ? .conflict : .unprocessableEntity) },
            form: { _ in [("dataSet", "tasks"), ("checkedOn", "2026-01-05")] }),
        Row(method: .POST, pattern: "/api/v1/periods/:periodID/assignments", expect: roles([.organizer]),
            form: { c in [("indexCode", "test-so"), ("criterionCode", "1.2"),
                          ("userID", try await MatrixData.user(c.app, "t.appraiser").uuidString)] }),
        Row(method: .GET, pattern: "/api/v1/evidence/:linkID", expect: ownOrRoles(readers)),
        Row(method: .GET, pattern: "/api/v1/tasks", expect: anyone),
        Row(method: .POST, pattern: "/api/v1/tasks", expect: roles([.taskOfficer]),
            form: { c in [("sourceID", "A-\(c.serial)"), ("document", "2/UBND"), ("agency", "SNV"), ("content", "Việc API"),
                          ("deadline", "30/06/2026")] }),
        Row(method: .POST, pattern: "/api/v1/tasks/:taskID", expect: roles([.taskOfficer]),
            form: { c in [("sourceID", c.own ? "T-1" : "T-2"), ("document", c.own ? "100/UBND-TH" : "101/UBND-TH"), ("agency", c.own ? "SNV" : "SXD"),
                          ("content", "Nhiệm vụ qua API"), ("deadline", "30/04/2026")] }),
        Row(method: .POST, pattern: "/api/v1/tasks/:taskID/extensions", expect: roles([.taskOfficer]),
            form: { c in [("extensionDocument", "API-\(c.serial)"), ("extendedDeadline", "31/05/2026")] }),
        Row(method: .GET, pattern: "/api/v1/periods/:periodID/monitoring", expect: anyone),
        Row(method: .GET, pattern: "/api/v1/periods/:periodID/progress", expect: roles(readers)),
        Row(method: .GET, pattern: "/api/v1/periods/:periodID/results", expect: results(agencyScoped: false)),
        Row(method: .POST, pattern: "/api/v1/periods/:periodID/surveys",
            expect: { c in c.role != .organizer ? .status(.forbidden) : .status(c.periodPublished ? .conflict : .unprocessableEntity) },
            upload: ("dieu-tra.csv", Array("agency,criterion,percentage,survey,sample_size\nSNV,1.2,80,Khảo sát,100\n".utf8))),
        Row(method: .POST, pattern: "/api/v1/periods/:periodID/ratings/:agencyID",
            expect: { c in c.role != .leader ? .status(.forbidden) : c.periodPublished ? .status(.conflict) : .success }),
        Row(method: .POST, pattern: "/api/v1/assessments/:assessmentID/entries/:code/evidence", expect: ownStep([.editor], editable.union([.released])),
            upload: ("ke-hoach.pdf", pdfBytes), byState: true),
        Row(method: .POST, pattern: "/api/v1/assessments/:assessmentID/submit", expect: ownStep([.head], editable), byState: true),
        // What removes something comes after every other use of it.
        Row(method: .POST, pattern: "/tasks/import/:importID", expect: roles([.taskOfficer]),
            form: { _ in [("col-sourceID", "0"), ("col-document", "1"), ("col-agency", "2"), ("col-content", "3"), ("col-deadline", "4")] }),
        Row(method: .POST, pattern: "/periods/:periodID/assignments/:assignmentID/delete", expect: roles([.organizer])),
        Row(method: .POST, pattern: "/assessments/:assessmentID/evidence/:linkID/delete", expect: ownStep([.editor], editable), byState: true),
        Row(method: .POST, pattern: "/agencies/:agencyID/deputies/:deputyID/delete", expect: ownOr(own: [.head], any: [.admin, .organizer])),
        Row(method: .POST, pattern: "/assessments/:assessmentID/submit", expect: ownStep([.head], editable), byState: true),
        // Last: it ends the session.
        Row(method: .POST, pattern: "/logout", expect: anyone),
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
    static func path(_ row: Row, _ fixture: Fixture, own: Bool, otherUser: UUID, assignment: UUID) -> String {
        let agency = own ? fixture.own : fixture.other
        let sheet = UUID().uuidString
        let path = row.pattern
            .replacingOccurrences(of: ":file", with: String(Assets.stylesheetPath.dropFirst("/assets/".count)))
            .replacingOccurrences(of: "/language/:code", with: "/language/en")
            .replacingOccurrences(of: ":agencyID", with: agency.uuidString)
            .replacingOccurrences(of: ":userID", with: otherUser.uuidString)
            .replacingOccurrences(of: ":indexID", with: fixture.indexVersion.uuidString)
            .replacingOccurrences(of: ":periodID", with: fixture.period.uuidString)
            .replacingOccurrences(of: ":assessmentID", with: (own ? fixture.ownAssessment : fixture.otherAssessment).uuidString)
            .replacingOccurrences(of: ":code", with: "1.2")
            .replacingOccurrences(of: ":assignmentID", with: assignment.uuidString)
            .replacingOccurrences(of: ":taskID", with: (own ? fixture.ownTask : fixture.otherTask).uuidString)
            .replacingOccurrences(of: ":evidenceID", with: (own ? fixture.ownTaskEvidence : fixture.otherTaskEvidence).uuidString)
            .replacingOccurrences(of: ":deputyID", with: (own ? fixture.ownDeputy : fixture.otherDeputy).uuidString)
            .replacingOccurrences(of: ":importID", with: fixture.taskImport.uuidString)
            .replacingOccurrences(of: ":linkID", with: (own ? fixture.ownEvidence : fixture.otherEvidence).uuidString)
            .replacingOccurrences(of: ":dataSet", with: "tasks")
            .replacingOccurrences(of: ":draftID", with: fixture.draft.uuidString)
        return path.replacingOccurrences(of: ":sheetID", with: sheet)
    }

    static let states: [AssessmentState] = AssessmentState.allCases

    @Test("Each role gets exactly its answer on every route, in every state, by session and by token", arguments: Role.allCases)
    func matrix(role: Role) async throws {
        for state in Self.states {
            try await TestApp.run(settings: ["CHISO_CHROMIUM": "/nonexistent/chromium"]) { app, fixture in
                try await MatrixData.prepare(state, app: app, fixture: fixture)
                let otherUser = try await MatrixData.user(app, "t.sxd.editor")
                let assignment = try await MatrixData.chairAssignment(app, fixture)
                let browser = Browser(app)
                try await browser.signIn(fixture.userByRole[role]!)
                let tokenClient = Browser(app)
                tokenClient.bearer = try await APITests.token(app, fixture.userByRole[role]!)
                var serial = 0
                for row in Self.rows where row.byState || state == .draft || state == .published {
                    var sentPaths: Set<String> = []
                    for own in [true, false] {
                        let path = Self.path(row, fixture, own: own, otherUser: otherUser, assignment: assignment)
                        // A route with no agency in its path is the same request twice: once is enough.
                        guard sentPaths.insert(path).inserted else { continue }
                        let expected = row.expect(Case(role: role, own: own, state: state))
                        let clients = path.hasPrefix("/api/v1/") ? [browser, tokenClient] : [browser]
                        for client in clients {
                            serial += 1
                            let context = Context(app: app, fixture: fixture, own: own, serial: serial)
                            func send(csrf: Bool) async throws -> Browser.Page {
                                if row.method == .GET { return try await client.get(path) }
                                if let upload = row.upload {
                                    return try await client.upload(path, field: "file", fileName: upload.name, content: upload.bytes, csrf: csrf)
                                }
                                return try await client.post(path, try await row.form(context), csrf: csrf)
                            }
                            let how = client === tokenClient ? "token" : "session"
                            if row.method == .POST, client === browser, state == .draft {
                                // Without the CSRF token: always refused, whoever asks.
                                let forged = try await send(csrf: false)
                                #expect(forged.status == .forbidden, "\(role) \(row.method) \(path) without CSRF → \(forged.status)")
                            }
                            let page = try await send(csrf: true)
                            #expect(expected.accepts(page.status),
                                    "\(role) \(how) \(row.method) \(row.pattern) own=\(own) \(state): expected \(expected), got \(page.status.code) \(Self.reason(page))")
                            // A change that succeeded may have moved the assessment on: back to the state under test.
                            if row.method == .POST, (200..<400).contains(page.status.code), row.pattern != "/logout" {
                                try await MatrixData.prepare(state, app: app, fixture: fixture)
                            }
                        }
                        if row.pattern == "/logout" { break }
                    }
                }
            }
        }
    }

    /// What a refusal said, to read a failure.
    static func reason(_ page: Browser.Page) -> String {
        if let range = page.body.range(of: "\"message\":\"") { return String(page.body[range.upperBound...].prefix(160)) }
        if let range = page.body.range(of: "<main") { return String(page.body[range.lowerBound...].prefix(400)).replacingOccurrences(of: "\n", with: " ") }
        return String(page.body.prefix(160))
    }

    @Test("Without a session, pages behind the login redirect to it; the API answers 401")
    func anonymous() async throws {
        try await TestApp.run { app, fixture in
            let browser = Browser(app)
            let open = ["/assets/:file", "/health", "/login", "/language/:code", "/public", "/public/periods/:periodID",
                        "/public/periods/:periodID/decision.pdf", "/api/openapi.json"]
            for row in Self.rows where !open.contains(row.pattern) {
                let path = Self.path(row, fixture, own: true, otherUser: fixture.own, assignment: UUID())
                let page = row.method == .GET ? try await browser.get(path) : try await browser.post(path, [], csrf: false)
                if path.hasPrefix("/api/") {
                    #expect(page.status == .unauthorized, "\(row.method) \(path) → \(page.status)")
                } else if row.method == .GET {
                    #expect(page.status == .seeOther && page.location?.hasPrefix("/login") == true, "\(row.method) \(path) → \(page.status)")
                } else {
                    #expect(page.status == .seeOther && page.location?.hasPrefix("/login") == true, "\(row.method) \(path) → \(page.status)")
                }
            }
        }
    }
}

/// Puts the fixture's two assessments (and the period) in one state, with
/// what that state implies: self-assessed inputs, appraisals once appraised,
/// an explanation once released, a final score once finalised.
enum MatrixData {
    static func user(_ app: Application, _ username: String) async throws -> UUID {
        try #require(try await UserModel.query(on: app.db).filter(\.$username == username).first()?.id)
    }

    /// An assignment of the chair to leaf 1.1 (the chair appraises it either way), for the route that removes one.
    static func chairAssignment(_ app: Application, _ fixture: Fixture) async throws -> UUID {
        let assignment = AppraisalAssignmentModel(periodID: fixture.period, indexCode: "test-so", criterionCode: "1.1",
                                                  userID: try await user(app, "t.chair"))
        try await assignment.create(on: app.db)
        return try assignment.requireID()
    }

    static func prepare(_ state: AssessmentState, app: Application, fixture: Fixture) async throws {
        let appraised = ![.draft, .submitted, .returned].contains(state)
        let released = [.released, .reexamining, .finalised, .published].contains(state)
        let finalised = state == .finalised || state == .published
        try await PeriodModel.query(on: app.db).filter(\.$id == fixture.period).set(\.$status, to: state == .published ? .published : .open).update()
        // A published period has its announcing decision, with the signed file; an open one has none.
        let decision = try await PeriodDecisionModel.query(on: app.db).filter(\.$period.$id == fixture.period).first()
        if state == .published, decision == nil {
            let row = PeriodDecisionModel(periodID: fixture.period, number: "12/QĐ-UBND", signedOn: "2026-01-20", issuer: "UBND tỉnh Thử",
                                          signer: "Trần Văn B", signerAuthority: "", signerPosition: "CHỦ TỊCH", recordedBy: nil)
            row.$file.id = try await EvidenceStore.store(RouteMatrixTests.pdfBytes, on: app.db).requireID()
            row.fileName = "quyet-dinh.pdf"
            try await row.create(on: app.db)
        } else if state != .published, let decision {
            try await decision.delete(on: app.db)
        }
        for assessment in [fixture.ownAssessment, fixture.otherAssessment] {
            try await AssessmentModel.query(on: app.db).filter(\.$id == assessment).set(\.$state, to: state.rawValue)
                .set(\.$finalScore, to: finalised ? "7.00" : nil).set(\.$classCode, to: finalised ? "Y" : nil).update()
            for (code, input) in [("1.1", "có"), ("1.2", "70")] {
                let entry = try await CriterionEntryModel.query(on: app.db).filter(\.$assessment.$id == assessment)
                    .filter(\.$criterionCode == code).first() ?? CriterionEntryModel(assessmentID: assessment, criterionCode: code)
                entry.selfInput = entry.selfInput ?? input
                // Release needs every leaf appraised: in the states before it, the chair has appraised them already.
                let hasAppraisal = appraised || state == .submitted
                entry.appraisedInput = hasAppraisal ? input : nil
                entry.appraisedAt = hasAppraisal ? Date() : nil
                entry.explanation = released && code == "1.2" ? "Đã có báo cáo" : nil
                // Explained before it was (re-)appraised: the explanation round is over, so finalising is possible.
                entry.explainedAt = released && code == "1.2" ? Date().addingTimeInterval(-60) : nil
                try await entry.save(on: app.db)
            }
        }
    }
}
