import ChiSoCore
import Foundation

/// Where every agency of a period stands, for the organiser: its state, how much it has entered,
/// the evidence still missing, the score as it stands (ChiSoCore's, at the stage its state has
/// reached), its deadline and any exception. The period page and `GET /api/v1/periods/{id}/progress`
/// read this one computation.
struct PeriodProgress: Sendable {
    struct Row: Sendable {
        var assessmentID: UUID
        var agency: AgencyModel
        var state: AssessmentState
        var entry: EntryProgress
        /// The score at the stage the state has reached (``ScoreStage/current(for:)``): provisional until finalised.
        var score: DecimalNumber
        var classCode: String
        var stage: ScoreStage
        /// The self-assessment deadline that applies to it: the period's, or the exception's when later.
        var deadline: Date
        var exception: DeadlineExceptionModel?
        var submittedAt: Date?
        var submittedLate: Bool?
        /// Data sets its sourced criteria read that are not declared complete yet.
        var undeclared: [SourceDataSet]

        var isFinal: Bool { stage == .final }
    }

    /// What the organiser narrows the list to (the page's filter form, the API's query).
    struct Filter: Sendable, Decodable {
        var state: String?
        var group: String?
        /// Part of the agency's name or code, in any case.
        var q: String?

        func admits(_ row: Row) -> Bool {
            if let state = state?.nonBlank, row.state.rawValue != state { return false }
            if let group = group?.nonBlank, row.agency.group != group { return false }
            if let words = q?.nonBlank {
                let text = words.lowercased()
                if !row.agency.name.lowercased().contains(text), !row.agency.code.lowercased().contains(text) { return false }
            }
            return true
        }

        var isEmpty: Bool { state?.nonBlank == nil && group?.nonBlank == nil && q?.nonBlank == nil }
    }

    /// Every agency of the period (the totals count them all), and the rows the filter admits.
    var all: [Row]
    var rows: [Row]
    var groups: [String]

    /// How many assessments are in each state, in the workflow's order (states with none left out).
    var totals: [(state: AssessmentState, count: Int)] {
        AssessmentState.allCases.compactMap { state in
            let count = all.filter { $0.state == state }.count
            return count == 0 ? nil : (state, count)
        }
    }

    static func compute(period: PeriodModel, filter: Filter, asOf day: CivilDate, store: AssessmentStore) async throws -> PeriodProgress {
        let all = try await store.period(period, sourcesAsOf: day).map { record in
            let stage = ScoreStage.current(for: record.state)
            let selfScore = record.score(.selfAssessed)
            let score = stage == .selfAssessed ? selfScore : record.score(stage)
            let deadlines = record.deadlines
            return Row(assessmentID: record.id, agency: record.agency, state: record.state,
                       entry: EntryProgress(index: record.index, score: selfScore), score: score.final,
                       classCode: record.index.classes[score.classPosition].code, stage: stage,
                       deadline: max(deadlines.selfAssessment, deadlines.exceptionUntil ?? deadlines.selfAssessment),
                       exception: record.exception, submittedAt: record.model.submittedAt, submittedLate: record.submittedLate,
                       undeclared: stage == .final ? [] : record.declarations.undeclared(of: record.index))
        }
        let groups = Array(Set(all.map(\.agency.group))).sorted(by: Ranking.codePointOrder)
        return PeriodProgress(all: all, rows: all.filter(filter.admits), groups: groups)
    }
}

extension String {
    /// The text trimmed, or nil when nothing is left.
    var nonBlank: String? {
        let trimmed = trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }
}
