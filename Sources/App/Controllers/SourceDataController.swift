import ChiSoCore
import Fluent
import Foundation
import Vapor

/// The data behind `survey` and `leaders` criteria of a period: survey
/// results imported by the organiser (levels given by provincial leaders: ``LeaderRatingController``).
enum SourceDataController {
    /// An agency of the period with its index's sourced criteria.
    struct Subject: Sendable {
        var agency: AgencyModel
        var index: Index
        var surveyCriteria: [Criterion]
        var leaderCriteria: [Criterion]
    }

    static func subjects(of period: PeriodModel, on request: Request) async throws -> [Subject] {
        let assessments = try await AssessmentModel.query(on: request.db).filter(\.$period.$id == period.requireID())
            .with(\.$agency).with(\.$indexVersion).all()
        var subjects: [Subject] = []
        for assessment in assessments {
            let index = try await request.application.indexCache.index(for: assessment.indexVersion)
            let leaves = index.nodes.filter { $0.leaf != nil }
            subjects.append(Subject(agency: assessment.agency, index: index,
                                    surveyCriteria: leaves.filter { $0.leaf?.source == .survey },
                                    leaderCriteria: leaves.filter { $0.leaf?.source == .leaders }))
        }
        return subjects.sorted { ($0.agency.group, $0.agency.code) < ($1.agency.group, $1.agency.code) }
    }

    static func findPeriod(_ request: Request) async throws -> PeriodModel {
        guard let id = request.parameters.get("periodID", as: UUID.self), let period = try await PeriodModel.find(id, on: request.db)
        else { throw Abort(.notFound) }
        return period
    }

    /// Published results do not change: no new survey results or ratings then.
    static func requireUnpublished(_ period: PeriodModel, _ request: Request) throws {
        guard period.status != .published else {
            let say = request.language.phrases(SourceDataText.self)
            throw APIError(status: .conflict, code: "wrong_state", reason: say(.periodPublished))
        }
    }

    // MARK: Surveys

    static func surveys(_ request: Request) async throws -> Response {
        let user = request.currentUser!
        let period = try await findPeriod(request)
        let seesAll = user.actor.roles.contains(where: \.seesAllAgencies)
        try request.authorize(.viewMonitoring, seesAll ? .none : .agency(user.actor.agencyID))
        var results = try await SurveyResultModel.query(on: request.db).filter(\.$period.$id == period.requireID()).with(\.$agency).all()
        if !seesAll { results = results.filter { $0.$agency.id == user.actor.agencyID } }
        results.sort { ($0.agency.code, $0.criterionCode) < ($1.agency.code, $1.criterionCode) }
        let canImport = Policy.allows(user.actor, .manageSurveys) && period.status != .published
        return request.page { SourceDataPages.surveys($0, period: period, results: results, canImport: canImport, problems: [],
                                                    limit: request.application.settings.importLimitNote(request.language)) }
    }

    struct UploadForm: Content {
        var file: File?
    }

    /// Imports a survey file (CSV or .xlsx): all rows or, if any is bad, none.
    static func importSurveys(_ request: Request) async throws -> Response {
        try request.verifyCSRF()
        try request.authorize(.manageSurveys)
        let period = try await findPeriod(request)
        try requireUnpublished(period, request)
        let form = try request.content.decode(UploadForm.self)
        let say = request.language.phrases(SourceDataText.self)
        let name = FileNames.clean(form.file?.filename ?? "", fallback: "surveys")
        let subjects = try await subjects(of: period, on: request)
        var problems: [String] = []
        var results: [SurveyResult] = []
        do throws(LineProblems) {
            let rows = try SpreadsheetRows.read(form.file.map { Array($0.data.readableBytesView) } ?? [])
            if let problem = request.application.settings.importProblem(rows: rows.count - 1, request.language) {
                throw LineProblems([LineProblem(line: 1, english: problem, vietnamese: problem)])
            }
            let criteria = Dictionary(subjects.map { ($0.agency.code, $0.surveyCriteria.map(\.code)) }, uniquingKeysWith: { first, _ in first })
            let read = SurveyRowReader.read(rows: rows, criteria: criteria)
            results = read.results
            problems = read.problems.map { $0.formatted(file: name, language: request.language) }
        } catch {
            problems = error.problems.map { $0.formatted(file: name, language: request.language) }
        }
        if problems.isEmpty, results.isEmpty { problems = [say(.noResultRows)] }
        guard problems.isEmpty else {
            if request.isAPI { throw APIError(status: .unprocessableEntity, code: "invalid_rows", reason: problems.joined(separator: "; ")) }
            let existing = try await SurveyResultModel.query(on: request.db).filter(\.$period.$id == period.requireID()).with(\.$agency).all()
            return request.page(status: .unprocessableEntity) {
                SourceDataPages.surveys($0, period: period, results: existing, canImport: true, problems: problems,
                                        limit: request.application.settings.importLimitNote(request.language))
            }
        }
        let periodID = try period.requireID()
        let agencyIDs = Dictionary(subjects.map { ($0.agency.code, $0.agency.id!) }, uniquingKeysWith: { first, _ in first })
        let origin = request.auditOrigin
        let imported = results
        try await request.write { db in
            let existing = try await SurveyResultModel.query(on: db).filter(\.$period.$id == periodID).all()
            for result in imported {
                guard let agencyID = agencyIDs[result.agency] else { continue }
                let model = existing.first { $0.$agency.id == agencyID && $0.criterionCode == result.criterion }
                    ?? SurveyResultModel(periodID: periodID, agencyID: agencyID, criterionCode: result.criterion, percentage: "", surveyName: "", sampleSize: 0)
                let before = ["percentage": model.percentage, "survey": model.surveyName, "sample_size": model.sampleSize == 0 ? "" : String(model.sampleSize)]
                model.percentage = result.percentage.description
                model.surveyName = result.survey
                model.sampleSize = result.sampleSize
                let change = Audit.difference(before, ["percentage": model.percentage, "survey": model.surveyName, "sample_size": String(model.sampleSize)])
                guard !change.after.isEmpty else { continue }
                try await model.save(on: db)
                try await Audit.record(on: db, origin, action: "survey.import", targetType: "period",
                                       target: "\(period.name) / \(result.agency) / \(result.criterion)", before: change.before, after: change.after)
            }
        }
        return request.redirect(to: SiteURL.period(.value(periodID), .surveys).path,
                                notice: say(.importedNotice, "\(results.count)"))
    }
}
