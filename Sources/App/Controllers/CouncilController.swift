import ChiSoCore
import Fluent
import Foundation
import Vapor

/// The council chair's overview of an open period: progress of each
/// assessment, and where appraisers disagree most with self-scores.
enum CouncilController {
    struct Row: Sendable {
        var assessmentID: UUID
        var agency: String
        var state: AssessmentState
        var appraised: Int
        var leaves: Int
        var selfTotal: DecimalNumber
        var appraisedTotal: DecimalNumber
        /// The viewer's own agency's assessment (which they do not judge), and who acts as chair for it, if named.
        var ownAgency = false
        var actingChair: String?
        var gap: DecimalNumber { selfTotal - appraisedTotal }
    }

    static func overview(_ request: Request) async throws -> Response {
        try request.authorize(.viewCouncil)
        let periods = try await PeriodModel.query(on: request.db).filter(\.$status == .open).sort(\.$year, .descending).all()
        var sections: [(PeriodModel, [Row], [AgencyLeafDifference])] = []
        for period in periods {
            let (rows, disagreements) = try await progress(of: period, on: request)
            sections.append((period, rows, disagreements))
        }
        return request.page { CouncilPage.view($0, sections: sections) }
    }

    /// Every assessment of the period scored twice by the core (self, appraised), with one query per table.
    static func progress(of period: PeriodModel, on request: Request) async throws -> ([Row], [AgencyLeafDifference]) {
        let asOf = period.range?.asOf(SourceData.today) ?? SourceData.today
        var rows: [Row] = []
        var disagreements: [AgencyLeafDifference] = []
        let records = try await request.assessments.period(period, sourcesAsOf: asOf)
        let actingIDs = records.compactMap { $0.model.$actingChair.id }
        let acting = actingIDs.isEmpty ? [:] : Dictionary(uniqueKeysWithValues: try await UserModel.query(on: request.db)
            .filter(\.$id ~~ actingIDs).all().map { ($0.id!, $0.displayName) })
        for record in records {
            let (id, index, own) = (record.id, record.index, record.entries)
            let selfScore = record.score(.selfAssessed), appraisedScore = record.score(.appraised)
            let byCode = Dictionary(own.map { ($0.criterionCode, $0) }, uniquingKeysWith: { first, _ in first })
            let leaves = index.leafPositions.filter { selfScore.nodes[$0].applicable || selfScore.nodes[$0].reason == .notApplicableDeclared }
            rows.append(Row(assessmentID: id, agency: record.agency.name, state: record.state,
                            appraised: leaves.filter { byCode[index.nodes[$0].code]?.appraisedAt != nil }.count, leaves: leaves.count,
                            selfTotal: selfScore.final, appraisedTotal: appraisedScore.final,
                            ownAgency: record.agency.id == request.currentUser?.agencyID,
                            actingChair: record.model.$actingChair.id.flatMap { acting[$0] }))
            let appraisedLeaves = leaves.filter { byCode[index.nodes[$0].code]?.appraisedAt != nil }
            for difference in LeafDifference.between(selfScore, appraisedScore, at: appraisedLeaves) {
                let node = index.nodes[difference.position]
                disagreements.append(AgencyLeafDifference(assessmentID: id, agency: record.agency.name, code: node.code, title: node.title,
                                                          difference: difference, comment: byCode[node.code]?.appraisalComment))
            }
        }
        return (rows.sorted { $0.gap.magnitude > $1.gap.magnitude || ($0.gap.magnitude == $1.gap.magnitude && $0.agency < $1.agency) },
                LeafDifference.largest(disagreements, limit: 15, size: \.difference.size))
    }
}
