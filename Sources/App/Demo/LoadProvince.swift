import ChiSoCore
import Fluent
import Foundation
import Vapor

/// The province the load test plays the last day before the deadline on
/// (`chiso loadtest-seed`): 170 communes, an index of 100 leaves, 3 accounts
/// per agency (editor, head, viewer), an open period, about half of every
/// self-assessment entered and evidence already attached. Written to an
/// empty database; prints what the load script needs as JSON.
enum LoadProvince {
    struct Plan: Codable, Sendable {
        struct Agency: Codable, Sendable {
            var code: String
            var assessment: UUID
            var editor: String
            var head: String
            var viewer: String
            /// Leaf code → revision of its entry now (0: no entry yet).
            var revisions: [String: Int]
        }
        var password: String
        var leaves: [String]
        var agencies: [Agency]
    }

    static let password = "Tai-Tai-2026"

    /// An index of `fields` × `perField` leaves using every rule that takes a typed number or answer.
    static func indexYAML(fields: Int, perField: Int) -> String {
        var lines = ["id: tai-thu", "title: Bộ chỉ số thử tải", "scale: 100", "classes:",
                     "  - {code: XS, title: Xuất sắc, min: 90, leaderRating: HTXSNV}", "  - {code: T, title: Tốt, min: 80, leaderRating: HTTNV}",
                     "  - {code: K, title: Khá, min: 50, leaderRating: HTNV}", "  - {code: Y, title: Yếu, min: 0, leaderRating: KHTNV}", "criteria:"]
        let fieldMax = 100 / fields
        for field in 1...fields {
            lines += ["  - code: \"\(field)\"", "    title: Lĩnh vực \(field)", "    max: \(fieldMax)", "    children:"]
            for leaf in 1...perField {
                let code = "\(field).\(leaf)"
                let max = "\(Double(fieldMax) / Double(perField))".replacingOccurrences(of: ".0", with: "")
                let rule = switch leaf % 4 {
                case 0: "{type: yesno}"
                case 1: "{type: ratio, target: 100}"
                case 2: "{type: percent}"
                default: "{type: manual, step: 0.05}"
                }
                lines.append("      - {code: \"\(code)\", title: Tiêu chí thành phần \(code), max: \(max), rule: \(rule)\(leaf % 5 == 0 ? ", evidence: required" : "")}")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func input(for leaf: Int) -> String {
        switch leaf % 4 {
        case 0: "có"
        case 1: "45/50"
        case 2: "87,5"
        default: "0"
        }
    }

    static func seed(on app: Application, agencies count: Int, fields: Int, perField: Int) async throws -> Plan {
        guard try await UserModel.query(on: app.db).count() == 0 else {
            throw DemoError.invalidData("the database is not empty: seed the load test into a new one")
        }
        let yaml = indexYAML(fields: fields, perField: perField)
        let index = try IndexReader.read(yaml: yaml)
        let hash = try await app.threadPool.runIfActive { try Passwords.hash(password) }
        let evidence = Array("%PDF-1.4\n% kiểm chứng thử tải\n".utf8) + Array(repeating: UInt8(ascii: " "), count: 300 * 1024) + Array("\n%%EOF\n".utf8)
        return try await app.write { db in
            let version = IndexVersionModel(code: index.id, version: 1, title: index.title, yaml: yaml, sha256: "load", leafCount: index.leafPositions.count,
                                            uploadedBy: nil)
            try await version.create(on: db)
            var agencies: [AgencyModel] = []
            for number in 1...count { agencies.append(AgencyModel(code: String(format: "XA%03d", number), name: "UBND xã Thử tải \(number)", group: "xa", tags: [])) }
            try await agencies.create(on: db)
            var users: [UserModel] = []
            for agency in agencies {
                for (suffix, role) in [("daumoi", Role.editor), ("thutruong", .head), ("xem", .viewer)] {
                    users.append(UserModel(username: "\(agency.code.lowercased()).\(suffix)", displayName: "\(suffix) \(agency.code)", passwordHash: hash,
                                           agencyID: agency.id!, roles: [role], mustChangePassword: false))
                }
            }
            for batch in stride(from: 0, to: users.count, by: 300) { try await Array(users[batch..<min(batch + 300, users.count)]).create(on: db) }
            let period = PeriodModel(name: "Năm 2026 (thử tải)", kind: .year, year: 2026, number: nil, status: .draft,
                                     selfAssessmentDeadline: Date().addingTimeInterval(86_400 * 30), appraisalDeadline: Date().addingTimeInterval(86_400 * 40),
                                     explanationDeadline: Date().addingTimeInterval(86_400 * 50))
            try await period.create(on: db)
            let assignment = PeriodIndexModel(periodID: period.id!, group: "xa", indexVersionID: version.id!)
            try await assignment.create(on: db)
            try await PeriodController.openPeriod(period, assignments: [assignment], on: db, origin: .system)
            let file = try await EvidenceStore.store(evidence, on: db)
            let assessments = try await AssessmentModel.query(on: db).with(\.$agency).all()
            var plan = Plan(password: password, leaves: index.leafPositions.map { index.nodes[$0].code }, agencies: [])
            var entries: [CriterionEntryModel] = [], links: [EvidenceLinkModel] = []
            for assessment in assessments.sorted(by: { $0.agency.code < $1.agency.code }) {
                var revisions: [String: Int] = [:]
                for (offset, position) in index.leafPositions.enumerated() {
                    let code = index.nodes[position].code
                    guard offset % 2 == 0 else { revisions[code] = 0; continue }
                    let entry = CriterionEntryModel(assessmentID: assessment.id!, criterionCode: code)
                    entry.selfInput = input(for: offset + 1)
                    entry.revision = 1
                    entries.append(entry)
                    revisions[code] = 1
                    let link = EvidenceLinkModel()
                    link.$assessment.id = assessment.id!
                    link.criterionCode = code
                    link.$file.id = file.id!
                    link.fileName = "\(assessment.agency.code)-\(code).pdf"
                    links.append(link)
                }
                let code = assessment.agency.code.lowercased()
                plan.agencies.append(.init(code: assessment.agency.code, assessment: assessment.id!, editor: "\(code).daumoi", head: "\(code).thutruong",
                                           viewer: "\(code).xem", revisions: revisions))
            }
            for batch in stride(from: 0, to: entries.count, by: 1000) { try await Array(entries[batch..<min(batch + 1000, entries.count)]).create(on: db) }
            for batch in stride(from: 0, to: links.count, by: 1000) { try await Array(links[batch..<min(batch + 1000, links.count)]).create(on: db) }
            return plan
        }
    }
}
