import ChiSoCore
import Foundation
import Vapor

/// Where every agency of a period stands, as JSON: the figures of the period page (``PeriodProgress``).
extension APIController {
    struct StateCount: Content {
        var state: String
        var count: Int
    }

    struct AgencyProgress: Content {
        var agency: String
        var name: String
        var group: String
        var state: String
        /// Leaves that count for the agency (applicable, or declared not applicable by it), and those with an input.
        var leaves: Int
        var entered: Int
        var percentEntered: Int
        /// Leaves with an input but without the evidence their rule requires.
        var evidenceMissing: [String]
        /// The score at the stage the state has reached, two decimals.
        var score: String
        /// selfAssessed, appraised or final: only `final` is not provisional.
        var stage: String
        var classCode: String
        /// The self-assessment deadline that applies (the exception's when later), YYYY-MM-DD.
        var deadline: String
        var exceptionUntil: String?
        var exceptionReason: String?
        var submittedOn: String?
        var submittedLate: Bool?
        var undeclaredData: [String]
    }

    struct PeriodProgressJSON: Content {
        var period: String
        var asOf: String
        /// Every assessment of the period by state (whatever the filter).
        var totals: [StateCount]
        /// The agencies the filter admits.
        var agencies: [AgencyProgress]
    }

    /// `GET /api/v1/periods/{id}/progress?state=&group=&q=`: the period page's figures.
    static func progress(_ request: Request) async throws -> PeriodProgressJSON {
        try request.authorize(.viewPeriods)
        guard let id = request.parameters.get("periodID", as: UUID.self), let period = try await PeriodModel.find(id, on: request.db)
        else { throw Abort(.notFound) }
        let filter = try request.query.decode(PeriodProgress.Filter.self)
        if let state = filter.state?.nonBlank, AssessmentState(rawValue: state) == nil {
            throw APIError(status: .badRequest, code: "invalid_parameter",
                           reason: "state is one of \(AssessmentState.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        let asOf = period.range?.asOf(SourceData.today) ?? SourceData.today
        let progress = try await PeriodProgress.compute(period: period, filter: filter, asOf: asOf, store: request.assessments)
        return PeriodProgressJSON(
            period: period.name, asOf: asOf.iso,
            totals: progress.totals.map { StateCount(state: $0.state.rawValue, count: $0.count) },
            agencies: progress.rows.map { row in
                AgencyProgress(agency: row.agency.code, name: row.agency.name, group: row.agency.group, state: row.state.rawValue,
                               leaves: row.entry.leaves, entered: row.entry.entered, percentEntered: row.entry.percentEntered,
                               evidenceMissing: row.entry.evidenceMissing, score: row.score.fixed(2), stage: "\(row.stage)",
                               classCode: row.classCode, deadline: Formats.isoDate(row.deadline),
                               exceptionUntil: row.exception.map { Formats.isoDate($0.until) }, exceptionReason: row.exception?.reason,
                               submittedOn: row.submittedAt.map(Formats.isoDate), submittedLate: row.submittedLate,
                               undeclaredData: row.undeclared.map(\.rawValue))
            })
    }
}
