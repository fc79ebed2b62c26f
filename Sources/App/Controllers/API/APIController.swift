import ChiSoCore
import Fluent
import Foundation
import Vapor

/// The JSON API's own reads; its actions are the same handlers as the pages
/// (see `routes.swift`), answering JSON under `/api/`.
enum APIController {
    struct Me: Content {
        var username: String
        var displayName: String
        var agency: String
        var roles: [String]
    }

    static func me(_ request: Request) async throws -> Me {
        let user = try request.authorize(.viewHome)
        return Me(username: user.username, displayName: user.displayName, agency: user.agencyCode, roles: user.roles.sorted().map(\.rawValue))
    }

    struct Leaf: Content {
        var code: String
        var title: String
        var max: String
        var applicable: Bool
        var selfInput: String?
        var selfPoints: String
        var why: String
        var note: String?
        var revision: Int
        var evidence: Int
        /// Present when the user may see the appraisal.
        var appraisedInput: String?
        var appraisedPoints: String?
        var appraisalComment: String?
        var explanation: String?
    }

    struct Assessment: Content {
        var id: UUID
        var agency: String
        var period: String
        var state: String
        var selfTotal: String
        var appraisedTotal: String?
        var finalScore: String?
        var classCode: String?
        var leaves: [Leaf]
    }

    static func assessment(_ request: Request) async throws -> Assessment {
        let record = try await request.assessments.load(request.parameters.get("assessmentID", as: UUID.self))
        let user = try request.authorize(.viewAssessment, record.target())
        let seesAppraisal = (try? Policy.decide(user.actor, .viewAppraisal, record.target()).get()) != nil
        let selfScore = record.score(.selfAssessed), appraised = record.score(.appraised)
        let explanation = ScoreExplanation(index: record.index, language: .english)
        let counts = record.evidenceCounts
        let leaves = record.index.leafPositions.map { position -> Leaf in
            let node = record.index.nodes[position]
            let entry = record.entry(node.code)
            return Leaf(code: node.code, title: node.title, max: node.max.description, applicable: selfScore.nodes[position].applicable,
                        selfInput: record.selfInput(node.code), selfPoints: selfScore.nodes[position].points.description,
                        why: explanation.explain(node: position, in: selfScore), note: entry?.selfNote, revision: entry?.revision ?? 0,
                        evidence: counts[node.code] ?? 0,
                        appraisedInput: seesAppraisal ? entry?.appraisedInput : nil,
                        appraisedPoints: seesAppraisal && entry?.appraisedAt != nil ? appraised.nodes[position].points.description : nil,
                        appraisalComment: seesAppraisal ? entry?.appraisalComment : nil, explanation: entry?.explanation)
        }
        // The final result only where the results policy shows it (agencies: once published).
        let seesResult = Policy.allows(user.actor, .viewResults, .results(ResultsTarget(published: record.state == .published,
                                                                                        agencyID: record.agency.id)))
        return Assessment(id: record.id, agency: record.agency.code, period: record.period.name, state: record.state.rawValue,
                          selfTotal: selfScore.final.fixed(2), appraisedTotal: seesAppraisal ? appraised.final.fixed(2) : nil,
                          finalScore: seesResult ? record.model.finalScore : nil, classCode: seesResult ? record.model.classCode : nil, leaves: leaves)
    }

    struct Summary: Content {
        var id: UUID
        var agency: String
        var period: String
        var state: String
    }

    /// The assessments this user may see.
    static func assessments(_ request: Request) async throws -> [Summary] {
        let user = try request.authorize(.viewHome)
        var query = AssessmentModel.query(on: request.db).with(\.$agency).with(\.$period)
        if !user.roles.contains(where: \.seesAllAgencies) { query = query.filter(\.$agency.$id == user.agencyID) }
        return try await query.all().map { Summary(id: $0.id!, agency: $0.agency.code, period: $0.period.name, state: $0.state) }
    }

    static func openAPI(_ request: Request) async throws -> Response {
        let response = Response(status: .ok, body: .init(string: OpenAPIDocument.json))
        response.headers.contentType = .json
        return response
    }
}
