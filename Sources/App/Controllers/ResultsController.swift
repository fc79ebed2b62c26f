import ChiSoCore
import Fluent
import Foundation
import Vapor

/// Final results: the period's ranking per group, one agency's breakdown
/// (self, preliminary appraisal, final, with the reasons), and the proposals
/// for its head and deputies. Every figure is ChiSoCore's.
enum ResultsController {
    struct GroupQuery: Content {
        var group: String?
    }

    static func findPeriod(_ request: Request) async throws -> PeriodModel {
        guard let id = request.parameters.get("periodID", as: UUID.self), let period = try await PeriodModel.find(id, on: request.db)
        else { throw Abort(.notFound) }
        return period
    }

    /// Final scores of the previous period's agencies, by agency code.
    static func previousFinals(of period: PeriodModel, on request: Request) async throws -> (PeriodModel, [String: GroupResults])? {
        guard let previous = try await PeriodResults.previous(of: period, on: request.db) else { return nil }
        let groups = try await PeriodResults.load(period: previous, store: request.assessments)
        var byAgency: [String: GroupResults] = [:]
        for group in groups { for member in group.members { byAgency[member.agency.code] = group } }
        return (previous, byAgency)
    }

    static func period(_ request: Request) async throws -> Response {
        let period = try await findPeriod(request)
        let user = try request.authorize(.viewResults, .results(ResultsTarget(published: period.status == .published, agencyID: nil)))
        let groups = try await PeriodResults.load(period: period, store: request.assessments)
        // The period before, for each member through the agencies that stood for it then (itself, or its predecessors).
        var previous: ResultsPages.Earlier?
        if var loader = try await PreviousResult.Loader.load(before: period, on: request) {
            var byAssessment: [UUID: [PreviousResult]] = [:]
            for group in groups {
                for member in group.members {
                    byAssessment[member.record.id] = try await loader.results(agencyCode: member.agency.code, current: group.indexVersion, on: request)
                }
            }
            previous = ResultsPages.Earlier(period: loader.period, byAssessment: byAssessment)
        }
        let deputies = Dictionary(grouping: try await DeputyModel.query(on: request.db).all(), by: \.$agency.id)
        let decision = try await OfficialOrigin.of(period, on: request).decision
        let everything = Policy.allows(user.actor, .viewResults, .results(ResultsTarget(published: false, agencyID: nil)))
        let subPeriods = try await MultiYearController.subPeriods(of: period, includeUnpublished: everything, on: request)
        return request.page {
            ResultsPages.period($0, period: period, groups: groups, previous: previous, deputies: deputies, decision: decision,
                                subPeriods: subPeriods)
        }
    }

    /// One agency's final result, for the council side at once and for the agency when published.
    static func agency(_ request: Request) async throws -> Response {
        let record = try await request.assessments.load(request.parameters.get("assessmentID", as: UUID.self))
        try request.authorize(.viewResults, .results(ResultsTarget(published: record.state == .published, agencyID: record.agency.id)))
        let model = try await agencyModel(record, on: request)
        return request.page { ResultsPages.agency($0, model: model) }
    }

    static func agencyModel(_ record: AssessmentRecord, on request: Request) async throws -> ResultsPages.AgencyModel {
        guard record.state.hasFinalResult else {
            let say = request.language.phrases(ResultsText.self)
            throw APIError(status: .conflict, code: "wrong_state", reason: say(.noFinalResultYet))
        }
        let groups = try await PeriodResults.load(period: record.period, store: request.assessments)
        guard let group = groups.first(where: { $0.group == record.agency.group }), let position = group.position(of: record.agency.id!)
        else { throw Abort(.notFound) }
        let final = group.report.scores[position]
        // The preliminary appraisal: what the appraisers decided before re-examining explained leaves.
        let prefix = "\(record.agency.code) / \(record.period.name) / "
        let reexamined = try await AuditEventModel.query(on: request.db).filter(\.$action == "entry.reexamine")
            .filter(\.$target =~ prefix).sort(\.$at).all().filter { $0.target.hasPrefix(prefix) }
        var preliminaryInputs: [String: String] = [:]
        for event in reexamined {
            let code = String(event.target.dropFirst(prefix.count))
            if preliminaryInputs[code] == nil { preliminaryInputs[code] = Audit.fields(event.before)["appraised_input"] ?? "" }
        }
        let member = group.members[position]
        var before: [ItemReference: Entry] = [:]
        for (code, text) in preliminaryInputs {
            guard let item = record.index.itemsByCode()[code] else { continue }
            let value = text.isEmpty ? nil : try? InputReading.read(text, for: item, in: record.index).get()
            before[item] = Entry(value: value, evidence: member.sheet[item].evidence)
        }
        let preliminary = member.record.score(.final, with: before)
        let deputies = try await DeputyModel.query(on: request.db).filter(\.$agency.$id == record.agency.id!).sort(\.$name).all()
        let proposal = LeaderProposal(index: record.index, score: final, deputies: deputies.map(\.deputy))
        var loader = try await PreviousResult.Loader.load(before: record.period, on: request)
        let forerunners = try await loader?.results(agencyCode: record.agency.code, current: group.indexVersion, on: request) ?? []
        let previousScore = forerunners.count == 1 ? forerunners[0] : nil
        return ResultsPages.AgencyModel(record: record, selfScore: record.score(.selfAssessed), preliminary: preliminary, final: final,
                                        rank: group.rank(of: position), groupSize: group.members.count,
                                        reexamined: Set(preliminaryInputs.keys), proposal: proposal, deputies: deputies,
                                        previous: previousScore, forerunners: forerunners, decision: try await OfficialOrigin.of(record.period, on: request).decision)
    }
}
