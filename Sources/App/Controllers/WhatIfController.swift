import ChiSoCore
import Fluent
import Foundation
import Vapor

/// "What if": an agency (or the organiser) changes some inputs of an
/// assessment in a sandbox and sees the new score, class and rank at once.
/// Nothing is saved and nothing is audited: the same scoring function runs
/// on a copy of the sheet.
enum WhatIfController {
    struct Outcome {
        var score: AgencyScore
        var rank: Int
        var groupSize: Int
        /// Leaves and items whose input changed.
        var changed: [String]
    }

    /// The inputs the sandbox starts from: what this user may see (the
    /// appraisers' decisions once visible to them, otherwise the agency's own).
    static func baseline(_ record: AssessmentRecord, request: Request)
        -> (stage: ScoreStage, sheet: ScoreSheet, texts: [String: String], appraised: Bool) {
        let appraised = request.currentUser.map { Policy.allows($0.actor, .viewAppraisal, record.target()) } == true
            && record.state.appraisalStarted
        let stage: ScoreStage = appraised ? .appraised : .selfAssessed
        let sheet = record.sheet(stage)
        var texts: [String: String] = [:]
        let explanation = ScoreExplanation(index: record.index, language: .english)
        for (code, item) in record.index.itemsByCode() {
            if case let .criterion(position) = item, !record.index.nodes[position].isLeaf { continue }
            guard let value = sheet[item].value else { continue }
            // Bonus and deduction inputs are plain counts or numbers: no leaf rule to consult.
            let rule: Rule? = if case let .criterion(position) = item { record.index.nodes[position].leaf?.rule } else { nil }
            texts[code] = explanation.inputText(value, rule: rule)
        }
        return (stage, sheet, texts, appraised)
    }

    /// The other agencies of the group to rank against: published finals, or provisional scores while the period runs.
    static func peers(_ record: AssessmentRecord, request: Request) async throws -> [(code: String, final: DecimalNumber)] {
        if record.period.status == .published {
            let groups = try await PeriodResults.load(period: record.period, store: request.assessments)
            guard let group = groups.first(where: { $0.group == record.agency.group }) else { return [] }
            return zip(group.members, group.report.scores).map { ($0.agency.code, $1.final) }
        }
        let asOf = record.period.range?.asOf(SourceData.today) ?? SourceData.today
        return try await ProvisionalScores.compute(period: record.period, asOf: asOf, store: request.assessments)
            .filter { $0.agency.group == record.agency.group }.map { ($0.agency.code, $0.score.final) }
    }

    static func page(_ request: Request) async throws -> Response {
        let record = try await request.assessments.load(request.parameters.get("assessmentID", as: UUID.self))
        try request.authorize(.whatIf, .agency(record.agency.id!))
        let base = baseline(record, request: request)
        let score = record.score(base.stage)
        return request.page {
            WhatIfPage.view($0, model: .init(record: record, baseline: score, baselineAppraised: base.appraised, values: base.texts,
                                             errors: [:], outcome: nil))
        }
    }

    static func compute(_ request: Request) async throws -> Response {
        try request.verifyCSRF()
        let record = try await request.assessments.load(request.parameters.get("assessmentID", as: UUID.self))
        try request.authorize(.whatIf, .agency(record.agency.id!))
        let base = baseline(record, request: request)
        let baselineScore = record.score(base.stage)
        let form = try request.content.decode([String: String].self)
        var changes: [ItemReference: Entry] = [:]
        var values: [String: String] = [:]
        var errors: [String: String] = [:]
        var changed: [String] = []
        for (code, item) in record.index.itemsByCode() {
            if case let .criterion(position) = item, !record.index.nodes[position].isLeaf { continue }
            let typed = (form["v-\(code)"] ?? base.texts[code] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            values[code] = typed
            guard typed != (base.texts[code] ?? "") else { continue }
            if typed.isEmpty {
                changes[item] = Entry(value: nil, evidence: base.sheet[item].evidence)
                changed.append(code)
                continue
            }
            switch InputReading.read(typed, for: item, in: record.index, agencyTags: record.agency.tagList) {
            case let .failure(problem): errors[code] = problem.message(request.language)
            case let .success(value):
                if value != base.sheet[item].value {
                    changes[item] = Entry(value: value, evidence: base.sheet[item].evidence)
                    changed.append(code)
                }
            }
        }
        guard errors.isEmpty else {
            return request.page(status: .unprocessableEntity) {
                WhatIfPage.view($0, model: .init(record: record, baseline: baselineScore, baselineAppraised: base.appraised, values: values,
                                                 errors: errors, outcome: nil))
            }
        }
        let score = record.score(base.stage, with: changes)
        var others = try await peers(record, request: request).filter { $0.code != record.agency.code }
        others.append((record.agency.code, score.final))
        let agencies = others.map { Agency(code: $0.code, name: $0.code, group: record.agency.group) }
        let ranking = Ranking.rank(agencies: agencies, finals: others.map(\.final))
        let rank = ranking.first { agencies[$0.position].code == record.agency.code }?.rank ?? 1
        let order = Dictionary(uniqueKeysWithValues: record.index.nodes.enumerated().map { ($1.code, $0) })
        changed.sort { (order[$0] ?? Int.max, $0) < (order[$1] ?? Int.max, $1) }
        return request.page {
            WhatIfPage.view($0, model: .init(record: record, baseline: baselineScore, baselineAppraised: base.appraised, values: values,
                                             errors: [:], outcome: Outcome(score: score, rank: rank, groupSize: others.count, changed: changed)))
        }
    }
}
