import ChiSoCore
import Fluent
import Foundation

extension PeriodModel {
    /// The calendar days the period covers.
    var range: PeriodRange? {
        PeriodRange(kind: PeriodRange.Kind(rawValue: kind.rawValue) ?? .year, year: year, number: number)
    }
}

/// Reads the application's data behind sourced criteria (spec §4): tasks,
/// survey results and leader ratings, as ChiSoCore's ``SourceFigures``.
enum SourceData {
    /// Every task of these agencies (all of them when `agencyIDs` is nil),
    /// with its extensions, as ChiSoCore reads it, by agency.
    static func tasks(of agencyIDs: [UUID]?, on db: any Database) async throws -> [UUID: [AssignedTask]] {
        var query = TaskModel.query(on: db).with(\.$agency).with(\.$extensions)
        if let agencyIDs { query = query.filter(\.$agency.$id ~~ agencyIDs) }
        var result: [UUID: [AssignedTask]] = [:]
        for task in try await query.all() {
            guard let assigned = task.assigned(agencyCode: task.agency.code) else { continue }
            result[task.$agency.id, default: []].append(assigned)
        }
        return result
    }

    /// The figures of each agency in a period, as of a day. While the task register is empty and
    /// not declared complete, the task sources have no value (not "no task due"); once the
    /// organiser declares it complete, an agency without a task due has none due (spec §4).
    static func figures(period: PeriodModel, agencyIDs: [UUID], asOf day: CivilDate, declarations: SourceDeclarations,
                        on db: any Database) async throws -> [UUID: SourceFigures] {
        guard let range = period.range, let periodID = period.id else { return [:] }
        let registerUsed = try await declarations.isComplete(.tasks) ? true : TaskModel.query(on: db).count() > 0
        let tasks = registerUsed ? try await self.tasks(of: agencyIDs, on: db) : [:]
        let surveys = try await SurveyResultModel.query(on: db).filter(\.$period.$id == periodID)
            .filter(\.$agency.$id ~~ agencyIDs).all()
        let ratings = try await LeaderRatingModel.query(on: db).filter(\.$period.$id == periodID)
            .filter(\.$agency.$id ~~ agencyIDs).all()
        var result: [UUID: SourceFigures] = [:]
        for id in agencyIDs {
            let tally = registerUsed ? TaskTally.tally(tasks[id] ?? [], in: range, asOf: day) : nil
            var figures = SourceFigures(tasks: tally)
            for survey in surveys where survey.$agency.id == id {
                figures.surveys[survey.criterionCode] = try? DecimalNumber.parse(survey.percentage)
            }
            for rating in ratings where rating.$agency.id == id {
                figures.leaderLevels[rating.criterionCode] = rating.level
            }
            result[id] = figures
        }
        return result
    }

    /// Today in Vietnam.
    static var today: CivilDate { CivilDate(Date()) }
}
