import ChiSoCore
import Fluent
import Foundation
import Vapor

/// Provincial leaders' levels on `leaders` criteria: the organiser assigns each criterion of each
/// index to the leader it belongs to (the chair's, the vice-chair's for the group); a leader rates
/// all agencies of a group in one form, and only on the criteria assigned to them.
enum LeaderRatingController {
    /// A group of the period: its agencies and its index's `leaders` criteria.
    struct Group: Sendable {
        var name: String
        var index: Index
        var agencies: [AgencyModel]
        var criteria: [Criterion]
    }

    static func groups(of period: PeriodModel, on request: Request) async throws -> [Group] {
        let subjects = try await SourceDataController.subjects(of: period, on: request).filter { !$0.leaderCriteria.isEmpty }
        var groups: [Group] = []
        for subject in subjects {
            if let last = groups.indices.last, groups[last].name == subject.agency.group, groups[last].index.id == subject.index.id {
                groups[last].agencies.append(subject.agency)
            } else {
                groups.append(Group(name: subject.agency.group, index: subject.index, agencies: [subject.agency], criteria: subject.leaderCriteria))
            }
        }
        return groups
    }

    /// Who rates what in the period: `index code / criterion code` → the assignment.
    static func assignments(of periodID: UUID, on db: any Database) async throws -> [String: LeaderAssignmentModel] {
        let all = try await LeaderAssignmentModel.query(on: db).filter(\.$period.$id == periodID).with(\.$user).all()
        return Dictionary(all.map { ("\($0.indexCode)/\($0.criterionCode)", $0) }, uniquingKeysWith: { first, _ in first })
    }

    // MARK: The leader's page

    static func page(_ request: Request) async throws -> Response {
        let user = try request.authorize(.rateAgencies)
        let period = try await SourceDataController.findPeriod(request)
        return try await page(request, period: period, user: user, typed: [:], errors: [:], status: .ok)
    }

    static func page(_ request: Request, period: PeriodModel, user: CurrentUser, typed: [String: String], errors: [String: String],
                     status: HTTPStatus) async throws -> Response {
        let periodID = try period.requireID()
        let groups = try await groups(of: period, on: request)
        let assigned = try await assignments(of: periodID, on: request.db)
        let ratings = try await LeaderRatingModel.query(on: request.db).filter(\.$period.$id == periodID).with(\.$ratedBy).all()
        return request.page(status: status) {
            LeaderRatingPages.ratings($0, model: .init(period: period, groups: groups, assignments: assigned, ratings: ratings, userID: user.id,
                                                       typed: typed, errors: errors))
        }
    }

    // MARK: Rating

    /// One level to save: an agency, a criterion, a level code.
    struct Pick: Sendable {
        var agency: AgencyModel
        var criterion: Criterion
        var level: String
    }

    /// Reads `level` for `criterion`, refusing a level the criterion does not have and a criterion
    /// assigned to someone else (or to nobody yet). Empty: nothing to save.
    static func read(_ level: String?, agency: AgencyModel, criterion: Criterion, index: Index, user: CurrentUser,
                     assignments: [String: LeaderAssignmentModel], say: Phrases<SourceDataText>) -> Result<Pick?, RatingRefusal> {
        let level = (level ?? "").trimmingCharacters(in: .whitespaces)
        guard !level.isEmpty else { return .success(nil) }
        guard let assignment = assignments["\(index.id)/\(criterion.code)"] else {
            return .failure(.notYours(say(.criterionUnassigned, criterion.code)))
        }
        guard assignment.$user.id == user.id else {
            return .failure(.notYours(say(.criterionOfOther, criterion.code, assignment.user.displayName)))
        }
        guard case let .levels(levels) = criterion.leaf!.rule, levels.contains(where: { $0.code == level }) else {
            return .failure(.invalid(say(.unknownLevel, level, criterion.code)))
        }
        return .success(Pick(agency: agency, criterion: criterion, level: level))
    }

    enum RatingRefusal: Error {
        case notYours(String)
        case invalid(String)
    }

    /// The whole group's form: `level-<agency code>-<criterion code>` for every agency of `group`.
    static func rateGroup(_ request: Request) async throws -> Response {
        try request.verifyCSRF()
        let user = try request.authorize(.rateAgencies)
        let period = try await SourceDataController.findPeriod(request)
        try SourceDataController.requireUnpublished(period, request)
        let form = try request.content.decode([String: String].self)
        let say = request.language.phrases(SourceDataText.self)
        guard let group = try await groups(of: period, on: request).first(where: { $0.name == form["group"] }) else {
            throw Abort(.unprocessableEntity, reason: say(.noSuchLeaderCriterion))
        }
        let assigned = try await assignments(of: period.requireID(), on: request.db)
        var picks: [Pick] = []
        var errors: [String: String] = [:]
        for agency in group.agencies {
            for criterion in group.criteria {
                let field = "level-\(agency.code)-\(criterion.code)"
                switch read(form[field], agency: agency, criterion: criterion, index: group.index, user: user, assignments: assigned, say: say) {
                case let .success(pick): if let pick { picks.append(pick) }
                case let .failure(.notYours(message)): throw Abort(.forbidden, reason: message)
                case let .failure(.invalid(message)): errors[field] = message
                }
            }
        }
        guard errors.isEmpty else {
            let typed = form.filter { $0.key.hasPrefix("level-") }
            return try await page(request, period: period, user: user, typed: typed, errors: errors, status: .unprocessableEntity)
        }
        let changed = try await save(picks, period: period, by: user, on: request)
        return request.redirect(to: SiteURL.period(.value(period.id!), .ratings).path + "#group-\(group.name)",
                                notice: say(.groupRatingSaved, "\(changed)", request.application.identityCache.current.groupName(group.name, request.language)))
    }

    /// One agency's levels (`level-<criterion code>` fields), for API clients.
    static func rate(_ request: Request) async throws -> Response {
        try request.verifyCSRF()
        let user = try request.authorize(.rateAgencies)
        let period = try await SourceDataController.findPeriod(request)
        try SourceDataController.requireUnpublished(period, request)
        guard let agencyID = request.parameters.get("agencyID", as: UUID.self),
              let subject = try await SourceDataController.subjects(of: period, on: request).first(where: { $0.agency.id == agencyID })
        else { throw Abort(.notFound) }
        let agency = subject.agency
        // No body at all (an API client with nothing to change) is an empty form.
        let form = (request.body.data?.readableBytes ?? 0) == 0 ? [:] : try request.content.decode([String: String].self)
        let assigned = try await assignments(of: period.requireID(), on: request.db)
        let say = request.language.phrases(SourceDataText.self)
        var picks: [Pick] = []
        var problems: [String] = []
        for criterion in subject.leaderCriteria {
            switch read(form["level-\(criterion.code)"], agency: agency, criterion: criterion, index: subject.index, user: user,
                        assignments: assigned, say: say) {
            case let .success(pick): if let pick { picks.append(pick) }
            case let .failure(.notYours(message)): throw APIError(status: .forbidden, code: "not_your_criterion", reason: message)
            case let .failure(.invalid(message)): problems.append(message)
            }
        }
        guard problems.isEmpty else { throw APIError(status: .unprocessableEntity, code: "invalid_level", reason: problems.joined(separator: "; ")) }
        _ = try await save(picks, period: period, by: user, on: request)
        return request.redirect(to: SiteURL.period(.value(period.id!), .ratings).path + "#group-\(agency.group)",
                                notice: say(.ratingSavedNotice, agency.name))
    }

    /// Saves the levels that changed, each with its audit row, in one transaction; how many changed.
    static func save(_ picks: [Pick], period: PeriodModel, by user: CurrentUser, on request: Request) async throws -> Int {
        let periodID = try period.requireID()
        let origin = request.auditOrigin
        return try await request.write { db in
            var changed = 0
            for pick in picks {
                let agencyID = try pick.agency.requireID()
                let existing = try await LeaderRatingModel.query(on: db).filter(\.$period.$id == periodID).filter(\.$agency.$id == agencyID)
                    .filter(\.$criterionCode == pick.criterion.code).first()
                if let existing, existing.level == pick.level { continue }
                let model = existing ?? LeaderRatingModel(periodID: periodID, agencyID: agencyID, criterionCode: pick.criterion.code,
                                                          level: pick.level, ratedBy: user.id, ratedAt: Date())
                let before = existing?.level ?? ""
                model.level = pick.level
                model.$ratedBy.id = user.id
                model.ratedAt = Date()
                try await model.save(on: db)
                try await Audit.record(on: db, origin, action: "leader.rate", targetType: "period",
                                       target: "\(period.name) / \(pick.agency.code) / \(pick.criterion.code)",
                                       before: ["level": before], after: ["level": pick.level])
                changed += 1
            }
            return changed
        }
    }

    // MARK: Assigning criteria to leaders

    struct AssignForm: Content {
        var indexCode: String?
        var criterionCode: String?
        /// Empty: the assignment is withdrawn.
        var userID: String?
    }

    /// The organiser names the leader who rates a `leaders` criterion of an index (or withdraws the naming).
    static func assign(_ request: Request) async throws -> Response {
        try request.verifyCSRF()
        try request.authorize(.assignAppraisers)
        let period = try await SourceDataController.findPeriod(request)
        try SourceDataController.requireUnpublished(period, request)
        let periodID = try period.requireID()
        let form = try request.content.decode(AssignForm.self)
        let say = request.language.phrases(SourceDataText.self)
        guard let group = try await groups(of: period, on: request).first(where: { $0.index.id == form.indexCode }),
              let criterion = group.criteria.first(where: { $0.code == form.criterionCode })
        else { throw Abort(.unprocessableEntity, reason: say(.noSuchLeaderCriterion)) }
        var chosen: UserModel?
        if let raw = form.userID?.nonBlank {
            guard let id = UUID(uuidString: raw), let user = try await UserModel.find(id, on: request.db), user.active, user.roles.contains(.leader)
            else { throw Abort(.unprocessableEntity, reason: say(.notALeader)) }
            chosen = user
        }
        let leader = chosen
        let origin = request.auditOrigin
        let indexCode = group.index.id
        try await request.write { db in
            let existing = try await LeaderAssignmentModel.query(on: db).filter(\.$period.$id == periodID)
                .filter(\.$indexCode == indexCode).filter(\.$criterionCode == criterion.code).with(\.$user).first()
            let before = existing?.user.username ?? ""
            if let existing { try await existing.delete(on: db) }
            if let leader {
                try await LeaderAssignmentModel(periodID: periodID, indexCode: indexCode, criterionCode: criterion.code,
                                                userID: try leader.requireID()).create(on: db)
            }
            try await Audit.record(on: db, origin, action: "period.assign_leader", targetType: "period",
                                   target: "\(period.name) / \(indexCode) / \(criterion.code)",
                                   before: ["leader": before], after: ["leader": leader?.username ?? ""])
        }
        return request.redirect(to: SiteURL.period(.value(periodID), .show).path + "#leaders",
                                notice: leader.map { say(.leaderAssigned, criterion.code, $0.displayName) } ?? say(.leaderUnassigned, criterion.code))
    }
}
