import ChiSoCore
import Fluent
import Foundation
import Vapor

/// A period's final results as JSON: the same figures as the ranking page and its CSV.
extension APIController {
    struct RankedAgency: Content {
        var rank: Int
        var agency: String
        var name: String
        var raw: String
        var applicableMax: String
        var normalized: String
        var bonus: String
        var deduction: String
        var final: String
        var classCode: String
        var classTitle: String
        /// HTXSNV, HTTNV, HTNV or KHTNV: a proposal, for people to decide.
        var headProposal: String?
    }

    struct GroupRanking: Content {
        var group: String
        var index: String
        var ranking: [RankedAgency]
        /// Agencies of the group without a final result yet.
        var pending: [String]
        /// Agencies whose assessment was closed without a result (they left the period): not ranked.
        var closed: [String]
    }

    /// The decision that announced the results.
    struct Decision: Content {
        var number: String
        /// YYYY-MM-DD.
        var signedOn: String
        var issuer: String
        var signer: String
        var signerAuthority: String
        var signerPosition: String
        /// The signed PDF's address, when one is attached.
        var signedFile: String?
    }

    struct Results: Content {
        var period: String
        var published: Bool
        /// Absent before publication: the figures are a draft.
        var decision: Decision?
        var groups: [GroupRanking]
    }

    /// `GET /api/v1/periods/{id}/results`: agencies only once the period is published.
    static func results(_ request: Request) async throws -> Results {
        let period = try await ResultsController.findPeriod(request)
        try request.authorize(.viewResults, .results(ResultsTarget(published: period.status == .published, agencyID: nil)))
        let groups = try await PeriodResults.load(period: period, store: request.assessments)
        let decision = try await OfficialOrigin.of(period, on: request).decision.map { decision in
            Decision(number: decision.number, signedOn: decision.signedOn.iso, issuer: decision.issuer, signer: decision.signer,
                     signerAuthority: decision.signerAuthority, signerPosition: decision.signerPosition,
                     signedFile: decision.fileName == nil ? nil : SiteURL.publicDecision(.value(try period.requireID())).path)
        }
        return Results(period: period.name, published: period.status == .published, decision: decision, groups: groups.map { group in
            GroupRanking(group: group.group, index: group.index.id, ranking: group.ranked.map { entry in
                let score = group.report.scores[entry.position]
                let agency = group.members[entry.position].agency
                let scoreClass = group.index.classes[score.classPosition]
                return RankedAgency(rank: entry.rank, agency: agency.code, name: agency.name, raw: score.raw.fixed(2),
                                    applicableMax: score.applicableMax.fixed(2), normalized: score.normalized.fixed(2), bonus: score.bonus.fixed(2),
                                    deduction: score.deduction.fixed(2), final: score.final.fixed(2), classCode: scoreClass.code,
                                    classTitle: scoreClass.title, headProposal: scoreClass.leaderRating)
            }, pending: group.pending.map(\.agency.code).sorted(), closed: group.closed.map(\.agency.code).sorted())
        })
    }
}
