import ChiSoCore
import Fluent
import Foundation
import Vapor

/// The task register and monitoring as JSON: the same figures as the pages.
extension APIController {
    struct TaskExtensionJSON: Content {
        var document: String
        var documentDate: String?
        var newDeadline: String
    }

    struct TaskJSON: Content {
        var id: UUID
        var sourceID: String
        var document: String
        var documentDate: String?
        var issuer: String
        var agency: String
        var content: String
        var deadline: String
        var effectiveDeadline: String
        var extensions: [TaskExtensionJSON]
        var completedOn: String?
        var completionNote: String
        /// On `asOf`: doneOnTime, doneLate, openWithinDeadline, openOverdue.
        var status: String
    }

    struct TaskList: Content {
        var asOf: String
        var page: Int
        var pageSize: Int
        var total: Int
        var tasks: [TaskJSON]
    }

    static let taskPageSize = 500
    static let taskPageSizeMax = 1000

    /// `GET /api/v1/tasks?agency=CODE&asOf=YYYY-MM-DD`: agency people get their own agency's tasks only.
    static func tasks(_ request: Request) async throws -> TaskList {
        let user = request.currentUser!
        let query = try request.query.decode(TaskController.ListQuery.self)
        let seesAll = user.actor.seesEveryAgency
        var agencyID: UUID? = seesAll ? nil : user.actor.agencyID
        if seesAll, let code = query.agency {
            guard let agency = try await AgencyModel.query(on: request.db).filter(\.$code == code).first() else { throw Abort(.notFound) }
            agencyID = agency.id
        }
        try request.authorize(.viewTasks, agencyID.map { .agency($0) } ?? .none)
        let asOf = query.asOf.flatMap(CivilDate.parse) ?? SourceData.today
        // Paged in SQL, by effective deadline (TaskQueries).
        let filter = TaskQueries.Filter(agencyID: agencyID, asOf: asOf)
        let page = query.page ?? 1, pageSize = query.limit ?? taskPageSize
        guard (1...Limits.page).contains(page), (1...taskPageSizeMax).contains(pageSize) else {
            throw APIError(status: .badRequest, code: "invalid_parameter",
                           reason: "page is from 1 to \(Limits.page); limit is from 1 to \(taskPageSizeMax).")
        }
        let total = try await TaskQueries.counts(filter, on: request.db).values.reduce(0, +)
        let ids = try await TaskQueries.page(filter, page: page, pageSize: pageSize, on: request.db)
        let tasks = try await TaskQueries.load(ids, on: request.db).compactMap { model -> TaskJSON? in
            guard let task = model.assigned(agencyCode: model.agency.code) else { return nil }
            return TaskJSON(id: model.id!, sourceID: model.sourceID, document: model.document, documentDate: model.documentDate,
                            issuer: model.issuer, agency: model.agency.code, content: model.content, deadline: model.deadline,
                            effectiveDeadline: task.effectiveDeadline.iso,
                            extensions: task.extensions.map { TaskExtensionJSON(document: $0.document, documentDate: $0.documentDate?.iso,
                                                                                 newDeadline: $0.newDeadline.iso) },
                            completedOn: model.completedOn, completionNote: model.completionNote, status: task.status(on: asOf).rawValue)
        }
        return TaskList(asOf: asOf.iso, page: page, pageSize: pageSize, total: total, tasks: tasks)
    }

    struct TaskFigures: Content {
        var due: Int
        var doneOnTime: Int
        var doneLate: Int
        var openOverdue: Int
        var dueSoon: Int
        var onTimeRate: String?
    }

    struct AgencyMonitoring: Content {
        var agency: String
        var name: String
        var group: String
        var rank: Int
        var provisional: String
        var classCode: String
        var tasks: TaskFigures?
        /// Sourced criteria and the input the data give them ("NA", "7/9", "85.5", "B"); absent: no data yet.
        var sources: [String: String]
        /// The data sets (`tasks`, `surveys`, `leaders`) its sourced criteria read that the organiser has not
        /// declared complete yet: the score is provisional on them.
        var undeclaredData: [String]
    }

    struct Monitoring: Content {
        var period: String
        var asOf: String
        var agencies: [AgencyMonitoring]
    }

    /// `GET /api/v1/periods/{id}/monitoring`: provisional scores as of today (agency people: their own).
    static func monitoring(_ request: Request) async throws -> Monitoring {
        let user = request.currentUser!
        let seesAll = user.actor.seesEveryAgency
        try request.authorize(.viewMonitoring, seesAll ? .none : .agency(user.actor.agencyID))
        guard let id = request.parameters.get("periodID", as: UUID.self), let period = try await PeriodModel.find(id, on: request.db)
        else { throw Abort(.notFound) }
        let asOf = period.range?.asOf(SourceData.today) ?? SourceData.today
        var scores = try await ProvisionalScores.compute(period: period, asOf: asOf, store: request.assessments)
        if !seesAll { scores = scores.filter { $0.agency.id == user.actor.agencyID } }
        return Monitoring(period: period.name, asOf: asOf.iso, agencies: scores.map { score in
            var texts: [String: String] = [:]
            for node in score.index.nodes where node.leaf?.source != nil {
                if let text = score.sources.inputText(for: node) { texts[node.code] = text }
            }
            return AgencyMonitoring(
                agency: score.agency.code, name: score.agency.name, group: score.agency.group, rank: score.rank,
                provisional: score.score.final.fixed(2), classCode: score.scoreClass.code,
                tasks: score.tasks.map { TaskFigures(due: $0.due, doneOnTime: $0.doneOnTime, doneLate: $0.doneLate, openOverdue: $0.openOverdue,
                                                    dueSoon: $0.dueSoon, onTimeRate: $0.onTimeRate?.fixed(2)) },
                sources: texts, undeclaredData: score.pending.map(\.rawValue))
        })
    }
}
