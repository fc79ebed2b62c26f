import ChiSoCore
import Fluent
import Foundation
import Vapor

/// "Chạy thử": a draft applied to a published period's final inputs, every agency's score, class and
/// rank under the index it was assessed with and under the draft, side by side. Nothing is stored.
enum IndexDryRunController {
    struct Query: Content {
        var period: UUID?
        var group: String?
    }

    /// A group of the period tried with the draft: its agencies' rows, and how the inputs were carried.
    struct Group: Sendable {
        var name: String
        var oldVersion: IndexVersionModel
        var run: IndexDryRun
        /// The draft's rows remember their codes in this group's version (else codes continue as themselves).
        var throughOrigins: Bool
    }

    static func page(_ request: Request) async throws -> Response {
        try request.authorize(.manageIndexes)
        let draft = try await IndexDrafts.find(request)
        let query = try request.query.decode(Query.self)
        let periods = try await PeriodModel.query(on: request.db).filter(\.$status == .published).sort(\.$year, .descending).all()
        let table = try draft.table
        let validation = table.validate()
        // By default the latest published period assessed with the version the draft was cloned from.
        var preferred = periods.first?.id
        if let base = draft.$baseVersion.id {
            let using = Set(try await PeriodIndexModel.query(on: request.db).filter(\.$indexVersion.$id == base).all().map(\.$period.id))
            preferred = periods.first { using.contains($0.id!) }?.id ?? preferred
        }
        guard let index = validation.index, let periodID = query.period ?? preferred,
              let period = periods.first(where: { $0.id == periodID }) else {
            return request.page {
                IndexDraftPages.dryRun($0, model: IndexDraftPages.DryRunModel(draft: draft, periods: periods, period: nil, groups: [],
                                                                              choices: [], chosenGroup: nil, problems: validation.problems.count))
            }
        }
        let results = try await PeriodResults.load(period: period, store: request.assessments)
        let choices = results.map(\.group)
        // The groups assessed with the version the draft was cloned from, unless one is asked for.
        let chosen: [GroupResults] = if let group = query.group, !group.isEmpty {
            results.filter { $0.group == group }
        } else if let base = draft.$baseVersion.id, results.contains(where: { $0.indexVersion.id == base }) {
            results.filter { $0.indexVersion.id == base }
        } else {
            Array(results.prefix(1))
        }
        var groups: [Group] = []
        for group in chosen {
            let throughOrigins = group.indexVersion.id == draft.$baseVersion.id
            let mapping = throughOrigins ? CriterionMapping.origins(of: table, from: group.index) : CriterionMapping.identical(from: group.index, to: index)
            let members = group.members.map { member in
                IndexDryRun.Member(agency: Agency(code: member.agency.code, name: member.agency.name, group: member.agency.group,
                                                  tags: member.agency.tagList),
                                   inputs: member.entries.map(\.stored), evidence: member.evidenceCounts)
            }
            groups.append(Group(name: group.group, oldVersion: group.indexVersion,
                                run: IndexDryRun(old: group.index, draft: index, mapping: mapping, members: members), throughOrigins: throughOrigins))
        }
        return request.page {
            IndexDraftPages.dryRun($0, model: IndexDraftPages.DryRunModel(draft: draft, periods: periods, period: period, groups: groups,
                                                                          choices: choices, chosenGroup: query.group, problems: 0))
        }
    }
}
