import ChiSoCore
import Fluent
import Foundation
import SQLKit
import Vapor

/// An assessment with everything the pages and the policy need: agency,
/// period, index (parsed), entries, evidence links and deadline exception.
struct AssessmentRecord: Sendable {
    var model: AssessmentModel
    var agency: AgencyModel
    var period: PeriodModel
    var index: Index
    var entries: [CriterionEntry]
    var links: [EvidenceLink]
    /// How many evidence files each leaf has (from `links`, or counted by the database for one leaf).
    var evidenceCounts: [String: Int]
    var exception: DeadlineExceptionModel?
    /// What the application's data give for sourced leaves, as of today (or the period's end).
    var sources: SourceFigures

    /// The assessment's id (kept apart from the model: pages use it for every leaf's links).
    let id: UUID
    /// `/assessments/<id>`, made once: a page links to it from every leaf.
    let path: String
    var state: AssessmentState { AssessmentState(rawValue: model.state) ?? .draft }

    var deadlines: WorkflowDeadlines {
        WorkflowDeadlines(selfAssessment: period.selfAssessmentDeadline, explanation: period.explanationDeadline,
                          exceptionUntil: exception?.until)
    }

    func target(now: Date = Date(), reason: String? = nil, leafAssigned: Bool = false) -> Target {
        .assessment(AssessmentTarget(agencyID: agency.id!, state: state, deadlines: deadlines, now: now, reason: reason,
                                     leafAssignedToActor: leafAssigned))
    }

    /// The self-assessment as ChiSoCore scores it.
    var selfSheet: ScoreSheet {
        AssessmentScoring.selfSheet(index: index, entries: entries, evidenceCounts: evidenceCounts, sources: sources)
    }

    var selfScore: AgencyScore {
        Scorer(index: index).score(tags: agency.tagList, sheet: selfSheet)
    }

    /// Scored on what the appraisers decided (self inputs where they have not yet).
    var appraisedScore: AgencyScore {
        Scorer(index: index).score(tags: agency.tagList,
                                   sheet: AssessmentScoring.appraisedSheet(index: index, entries: entries, evidenceCounts: evidenceCounts,
                                                                          sources: sources))
    }

    func entry(_ code: String) -> CriterionEntry? {
        entries.first { $0.criterionCode == code }
    }

    /// Puts `entry` in place of the stored entry of its code (or adds it), for scoring a change before it is saved.
    mutating func replace(_ entry: CriterionEntry) {
        if let position = entries.firstIndex(where: { $0.criterionCode == entry.criterionCode }) {
            entries[position] = entry
        } else {
            entries.append(entry)
        }
    }

    /// The self input of a leaf: the data's figure for a sourced leaf, what the agency typed otherwise.
    func selfInput(_ code: String) -> String? {
        if let node = index.nodes.first(where: { $0.code == code }), node.leaf?.source != nil {
            return sources.inputText(for: node)
        }
        return entry(code)?.selfInput
    }

    /// The assessment's, its agency's, its period's and its latest deadline exception's columns (prefixed `g_`, `p_`, `x_`).
    private static let columns = """
        \(AssessmentModel.prefixedColumnList(of: "a", as: "")), \(AgencyModel.prefixedColumnList(of: "g", as: "g_")), \
        \(PeriodModel.prefixedColumnList(of: "p", as: "p_")), \(DeadlineExceptionModel.prefixedColumnList(of: "x", as: "x_"))
        """
    private static let tables = """
        \(AssessmentModel.schema) a JOIN \(AgencyModel.schema) g ON g.id = a.agency_id JOIN \(PeriodModel.schema) p ON p.id = a.period_id \
        LEFT JOIN \(DeadlineExceptionModel.schema) x ON x.id = \
        (SELECT id FROM \(DeadlineExceptionModel.schema) WHERE assessment_id = a.id ORDER BY until DESC LIMIT 1)
        """

    /// The assessment with its agency, its period and its latest deadline exception (if any), in one query.
    private struct WithAgencyPeriodException: HotQuery {
        static let name = "assessment"
        static let text = "SELECT \(columns) FROM \(tables) WHERE a.id = $1"
        let id: UUID
        var values: [HotValue] { [.uuid(id)] }
    }

    /// The same with one leaf's entry (prefixed `e_`, all NULL when there is none) and its number of
    /// evidence files: everything a save reads about the assessment, in one query.
    private struct WithLeaf: HotQuery {
        static let name = "assessment_with_leaf"
        static let text = """
            SELECT \(columns), \(CriterionEntry.prefixedColumns(of: "e", as: "e_")), \
            (SELECT count(*) FROM \(EvidenceLinkModel.schema) WHERE assessment_id = a.id AND criterion_code = $1) AS evidence_count \
            FROM \(tables) LEFT JOIN \(CriterionEntryModel.schema) e ON e.assessment_id = a.id AND e.criterion_code = $1 \
            WHERE a.id = $2
            """
        let code: String
        let id: UUID
        var values: [HotValue] { [.text(code), .uuid(id)] }
    }

    /// Loads one assessment with plain SQL (no reflection): this runs for every assessment page and
    /// every save. The index's YAML is read only when not yet parsed. With `leaf`, only that leaf's
    /// entry and number of evidence files are read, with the assessment (a save needs no more):
    /// such a record's totals are not the assessment's, and it has no links.
    static func load(_ id: UUID?, leaf: String? = nil, on request: Request) async throws -> AssessmentRecord {
        guard let id else { throw Abort(.notFound) }
        let found = if let leaf {
            try await request.rows(WithLeaf(code: leaf, id: id)).first
        } else {
            try await request.rows(WithAgencyPeriodException(id: id)).first
        }
        guard let columns = found else { throw Abort(.notFound) }
        let row = columns.sqlRow
        let model = try AssessmentModel(row: row)
        let agency = try AgencyModel(row: row, prefix: "g_")
        let period = try PeriodModel(row: row, prefix: "p_")
        let exception = try row.decodeNil(column: "x_id") ? nil : DeadlineExceptionModel(row: row, prefix: "x_")
        let index = try await request.application.indexCache.index(versionID: model.$indexVersion.id, on: request.db)
        let entries: [CriterionEntry], links: [EvidenceLink], evidenceCounts: [String: Int]
        if let leaf {
            let entry = columns.prefixed("e_")
            entries = try entry.isNull("id") ? [] : [CriterionEntry(entry)]
            links = []
            evidenceCounts = [leaf: try columns.int("evidence_count")]
        } else {
            entries = try await CriterionEntry.all(of: id, on: request)
            links = try await EvidenceLink.all(of: id, on: request)
            evidenceCounts = Dictionary(grouping: links, by: \.criterionCode).mapValues(\.count)
        }
        let agencyID = model.$agency.id
        let asOf = period.range?.asOf(SourceData.today) ?? SourceData.today
        // An index without sourced leaves needs none of the source data.
        let sources = index.nodes.contains(where: { $0.leaf?.source != nil })
            ? try await SourceData.figures(period: period, agencyIDs: [agencyID], asOf: asOf, on: request.db) : [:]
        return AssessmentRecord(model: model, agency: agency, period: period, index: index, entries: entries,
                                links: links, evidenceCounts: evidenceCounts, exception: exception, sources: sources[agencyID] ?? SourceFigures(tasks: nil), id: id, path: "/assessments/\(id)")
    }
}
