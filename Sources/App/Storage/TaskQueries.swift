import ChiSoCore
import Fluent
import Foundation
import SQLKit

/// The register of tasks as lists read it: filtered, counted by status and
/// paged in SQL, so that a page costs the same with 100 tasks or 100,000.
///
/// A task's status on a day (``AssignedTask/status(on:)``) is written here
/// once more, as SQL over ISO dates (which compare as text): its effective
/// deadline is the latest extension's (the one with the latest document
/// date, undated ones last, the later recorded winning a tie), else its own.
/// `TaskQueryTests` holds the two to each other.
enum TaskQueries {
    struct Filter: Sendable {
        var agencyID: UUID?
        var status: TaskStatus?
        var search: String = ""
        var asOf: CivilDate
    }

    /// Each task's latest extension (`e.task_id`, `e.new_deadline`), numbered 1 in its task: one pass over the
    /// extensions, joined, where a subquery per task cost PostgreSQL half a second on 100,000 tasks.
    static let latestExtension = """
        (SELECT task_id, new_deadline, ROW_NUMBER() OVER (PARTITION BY task_id \
        ORDER BY CASE WHEN document_date IS NULL THEN 1 ELSE 0 END, document_date DESC, created_at DESC) AS n \
        FROM \(TaskExtensionModel.schema))
        """

    /// The effective deadline of task `t` (a correlated subquery: for a handful of tasks, as the watch list reads them).
    static let effectiveDeadline = """
        COALESCE((SELECT e.new_deadline FROM \(TaskExtensionModel.schema) e WHERE e.task_id = t.id \
        ORDER BY CASE WHEN e.document_date IS NULL THEN 1 ELSE 0 END, e.document_date DESC, e.created_at DESC LIMIT 1), t.deadline)
        """

    /// The status on the day bound as `day` (an ISO date) of a row of ``tasks(_:)``, as ``TaskStatus`` raw values.
    static func status(day: String) -> SQLQueryString {
        """
        CASE WHEN x.completed_on IS NOT NULL AND x.completed_on <= \(bind: day) THEN \
        (CASE WHEN x.completed_on <= x.effective_deadline THEN 'doneOnTime' ELSE 'doneLate' END) \
        ELSE (CASE WHEN \(bind: day) <= x.effective_deadline THEN 'openWithinDeadline' ELSE 'openOverdue' END) END
        """
    }

    /// The tasks of the agency and the search, as rows `x` with their effective deadline worked out once.
    private static func tasks(_ filter: Filter) -> SQLQueryString {
        var text: SQLQueryString = "(SELECT t.id, t.source_id, t.completed_on, COALESCE(e.new_deadline, t.deadline) AS effective_deadline "
        text.appendInterpolation(unsafeRaw: "FROM \(TaskModel.schema) t LEFT JOIN \(latestExtension) e ON e.task_id = t.id AND e.n = 1 WHERE 1 = 1")
        if let agency = filter.agencyID { text.appendInterpolation(unsafeRaw: " AND t.agency_id = "); text.appendInterpolation(bind: agency) }
        if !filter.search.isEmpty {
            let pattern = "%" + filter.search.lowercased().replacingOccurrences(of: "\\", with: "\\\\")
                .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_") + "%"
            for (number, column) in ["t.content", "t.document", "t.source_id"].enumerated() {
                text.appendInterpolation(unsafeRaw: number == 0 ? " AND (" : " OR ")
                text.appendInterpolation(unsafeRaw: "LOWER(\(column)) LIKE ")
                text.appendInterpolation(bind: pattern)
                text.appendInterpolation(unsafeRaw: " ESCAPE '\\'")
            }
            text.appendInterpolation(unsafeRaw: ")")
        }
        text.appendInterpolation(unsafeRaw: ") x")
        return text
    }

    /// How many tasks have each status on the day (agency and search applied).
    static func counts(_ filter: Filter, on db: any Database) async throws -> [TaskStatus: Int] {
        let rows = try await (db as! any SQLDatabase).raw("""
            SELECT s.status AS status, COUNT(*) AS n FROM (SELECT \(status(day: filter.asOf.iso)) AS status \
            FROM \(tasks(filter))) s GROUP BY s.status
            """).all()
        var counts: [TaskStatus: Int] = [:]
        for row in rows {
            if let status = TaskStatus(rawValue: try row.decode(column: "status", as: String.self)) {
                counts[status] = try row.decode(column: "n", as: Int.self)
            }
        }
        return counts
    }

    /// The ids of one page of tasks, by effective deadline then source id.
    static func page(_ filter: Filter, page: Int, pageSize: Int, on db: any Database) async throws -> [UUID] {
        var query: SQLQueryString = "SELECT x.id AS id FROM \(tasks(filter))"
        if let status = filter.status {
            query.appendInterpolation(unsafeRaw: " WHERE ")
            query.appendInterpolation(self.status(day: filter.asOf.iso))
            query.appendInterpolation(unsafeRaw: " = ")
            query.appendInterpolation(bind: status.rawValue)
        }
        let size = min(max(1, pageSize), 1000)
        let (offset, overflow) = (Limits.page(page) - 1).multipliedReportingOverflow(by: size)
        query.appendInterpolation(unsafeRaw: " ORDER BY x.effective_deadline, x.source_id LIMIT \(size) OFFSET \(overflow ? 0 : offset)")
        return try await (db as! any SQLDatabase).raw(query).all().map { try $0.decode(column: "id", as: UUID.self) }
    }

    /// One agency's tasks to watch on `day`: not completed by then, and overdue or due within `days` days;
    /// by effective deadline (at most `limit`).
    static func watch(agencyID: UUID, day: CivilDate, within days: Int, limit: Int = 500, on db: any Database) async throws -> [UUID] {
        let horizon = day.adding(days: days).iso
        let rows = try await (db as! any SQLDatabase).raw("""
            SELECT t.id AS id FROM \(unsafeRaw: TaskModel.schema) t WHERE t.agency_id = \(bind: agencyID) \
            AND (t.completed_on IS NULL OR t.completed_on > \(bind: day.iso)) AND \(unsafeRaw: effectiveDeadline) <= \(bind: horizon) \
            ORDER BY \(unsafeRaw: effectiveDeadline), t.source_id LIMIT \(unsafeRaw: String(max(1, limit)))
            """).all()
        return try rows.map { try $0.decode(column: "id", as: UUID.self) }
    }

    /// The tasks of `ids`, with their agencies and extensions, in the order of `ids`.
    static func load(_ ids: [UUID], on db: any Database) async throws -> [TaskModel] {
        guard !ids.isEmpty else { return [] }
        let models = try await TaskModel.query(on: db).filter(\.$id ~~ ids).with(\.$agency).with(\.$extensions).all()
        let byID = Dictionary(models.map { ($0.id!, $0) }, uniquingKeysWith: { first, _ in first })
        return ids.compactMap { byID[$0] }
    }
}
