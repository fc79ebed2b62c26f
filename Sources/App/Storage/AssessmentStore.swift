import ChiSoCore
import Fluent
import Foundation
import Vapor

/// Where assessments are read: one (a page, a save) or a whole period's (council, dashboard,
/// monitoring, results, exports, what-if's peers), each in a fixed small number of queries. It takes
/// a database, not a request, so it is tested directly on both databases; every score is then the
/// loaded record's ``AssessmentRecord/score(_:with:)``.
struct AssessmentStore: Sendable {
    let database: HotDatabase
    let indexes: IndexCache

    /// Loads one assessment with plain SQL (no reflection): this runs for every assessment page and
    /// every save. The index's YAML is read only when not yet parsed. With `leaf`, only that leaf's
    /// entry and number of evidence files are read, with the assessment (a save needs no more):
    /// such a record's totals are not the assessment's, and it has no links.
    func load(_ id: UUID?, leaf: String? = nil) async throws -> AssessmentRecord {
        guard let id else { throw Abort(.notFound) }
        let found = if let leaf {
            try await database.rows(WithLeaf(code: leaf, id: id)).first
        } else {
            try await database.rows(WithAgencyPeriodException(id: id)).first
        }
        guard let columns = found else { throw Abort(.notFound) }
        var record = try await record(columns)
        if let leaf {
            let entry = columns.prefixed("e_")
            record.entries = try entry.isNull("id") ? [] : [CriterionEntry(entry)]
            record.evidenceCounts = [leaf: try columns.int("evidence_count")]
        } else {
            record.entries = try await database.rows(CriterionEntry.OfAssessment(assessmentID: id)).map(CriterionEntry.init)
            record.links = try await database.rows(EvidenceLink.OfAssessment(assessmentID: id)).map(EvidenceLink.init)
            record.evidenceCounts = Dictionary(grouping: record.links, by: \.criterionCode).mapValues(\.count)
        }
        // An index without sourced leaves needs none of the source data.
        if record.index.hasSourcedLeaves {
            let asOf = record.period.range?.asOf(SourceData.today) ?? SourceData.today
            // A leaf's save needs no declarations (they decide finalising and what pages say): one query fewer on the hot path.
            if leaf == nil { record.declarations = try await SourceDeclarations.of(period: record.period.requireID(), on: database.db) }
            let figures = try await SourceData.figures(period: record.period, agencyIDs: [record.agency.id!], asOf: asOf,
                                                       declarations: record.declarations, on: database.db)
            record.sources = figures[record.agency.id!] ?? SourceFigures(tasks: nil)
        }
        record.sources.submittedLate = record.submittedLate
        return record
    }

    /// Every assessment of a period (those in `states` only, when given), by group and agency code (code-point order), with their entries and
    /// evidence links, in four queries, and the data of sourced criteria as of `sourcesAsOf` (one more
    /// query per source table; none when nil: a final result is scored on what the council decided).
    func period(_ period: PeriodModel, states: Set<AssessmentState>? = nil, sourcesAsOf: CivilDate? = nil) async throws -> [AssessmentRecord] {
        let periodID = try period.requireID()
        var records: [AssessmentRecord] = []
        for columns in try await database.rows(OfPeriod(periodID: periodID)) {
            let state = try AssessmentState(rawValue: columns.string("state")) ?? .draft
            if let states, !states.contains(state) { continue }
            records.append(try await record(columns))
        }
        records.sort { $0.agency.group != $1.agency.group ? Ranking.codePointOrder($0.agency.group, $1.agency.group)
            : Ranking.codePointOrder($0.agency.code, $1.agency.code) }
        let ids = records.map(\.id)
        let entries = Dictionary(grouping: try await CriterionEntry.all(of: ids, on: database.db), by: \.assessmentID)
        let links = Dictionary(grouping: try await EvidenceLink.all(of: ids, on: database.db), by: \.assessmentID)
        var figures: [UUID: SourceFigures] = [:]
        var declarations = SourceDeclarations()
        if records.contains(where: \.index.hasSourcedLeaves) {
            declarations = try await SourceDeclarations.of(period: periodID, on: database.db)
            if let sourcesAsOf {
                figures = try await SourceData.figures(period: period, agencyIDs: records.map { $0.agency.id! }, asOf: sourcesAsOf,
                                                       declarations: declarations, on: database.db)
            }
        }
        for number in records.indices {
            let id = records[number].id
            records[number].entries = entries[id] ?? []
            records[number].links = links[id] ?? []
            records[number].evidenceCounts = Dictionary(grouping: records[number].links, by: \.criterionCode).mapValues(\.count)
            records[number].sources = figures[records[number].agency.id!] ?? SourceFigures(tasks: nil)
            records[number].sources.submittedLate = records[number].submittedLate
            records[number].declarations = declarations
        }
        return records
    }

    /// The record of one row of ``columns``, without its entries, links and source figures.
    private func record(_ columns: Columns) async throws -> AssessmentRecord {
        let row = columns.sqlRow
        let model = try AssessmentModel(row: row)
        let id = try model.requireID()
        let agency = try AgencyModel(row: row, prefix: "g_")
        let period = try PeriodModel(row: row, prefix: "p_")
        let exception = try row.decodeNil(column: "x_id") ? nil : DeadlineExceptionModel(row: row, prefix: "x_")
        let index = try await indexes.index(versionID: model.$indexVersion.id, on: database.db)
        return AssessmentRecord(model: model, agency: agency, period: period, index: index, entries: [], links: [], evidenceCounts: [:],
                                exception: exception, sources: SourceFigures(tasks: nil), id: id, path: SiteURL.assessment(.value(id), .show).path)
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

    /// The same for every assessment of a period.
    private struct OfPeriod: HotQuery {
        static let name = "assessments_of_period"
        static let text = "SELECT \(columns) FROM \(tables) WHERE a.period_id = $1"
        let periodID: UUID
        var values: [HotValue] { [.uuid(periodID)] }
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
}

extension Request {
    /// The app's assessments, read on this request's database.
    var assessments: AssessmentStore { AssessmentStore(database: hot, indexes: application.indexCache) }
}

extension Application {
    var assessments: AssessmentStore { AssessmentStore(database: hot, indexes: indexCache) }
}

extension Index {
    /// Whether any leaf takes its figure from the application's data.
    var hasSourcedLeaves: Bool { nodes.contains { $0.leaf?.source != nil } }
}
