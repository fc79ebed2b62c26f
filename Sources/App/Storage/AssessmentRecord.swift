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
    /// Which of those data the organiser has declared complete for the period.
    var declarations = SourceDeclarations()

    /// The assessment's id (kept apart from the model: pages use it for every leaf's links).
    let id: UUID
    /// `/assessments/<id>` (``SiteURL``), made once: a page links to it from every leaf
    /// (`SiteURL.AssessmentPage.path(under:)`).
    let path: String
    var state: AssessmentState { AssessmentState(rawValue: model.state) ?? .draft }

    var deadlines: WorkflowDeadlines {
        WorkflowDeadlines(selfAssessment: period.selfAssessmentDeadline, appraisal: period.appraisalDeadline,
                          explanation: period.explanationDeadline, exceptionUntil: exception?.until)
    }

    /// Whether the first submission came after the self-assessment deadline (`nil`: not submitted yet).
    var submittedLate: Bool? {
        model.firstSubmittedAt.map { deadlines.isLate(firstSubmission: $0) }
    }

    /// The assessment as the policy sees it; `progress` (``appraisalProgress()``) where releasing or finalising is asked.
    func target(now: Date = Date(), reason: String? = nil, leafAssigned: Bool = false, progress: AppraisalProgress? = nil) -> Target {
        .assessment(AssessmentTarget(agencyID: agency.id!, state: state, deadlines: deadlines, now: now, reason: reason,
                                     leafAssignedToActor: leafAssigned, progress: progress, actingChairID: model.$actingChair.id,
                                     periodClosed: period.status == .closed))
    }

    /// The codes of the leaves and items the council has decided (confirmed or adjusted).
    var decidedCodes: Set<String> { Set(entries.filter { $0.appraisedAt != nil }.map(\.criterionCode)) }

    /// What the council changed: the decided leaves and items whose points differ from the agency's.
    func councilChanges() -> [CouncilChange] {
        CouncilChange.between(score(.selfAssessed), score(.appraised), in: index, decided: decidedCodes)
    }

    /// Where the agency explains `code` on the appraisal page: its place in the list of changes, or its card.
    func explanationAnchor(_ code: String) -> String {
        councilChanges().contains { $0.code == code } ? "#change-\(code)" : "#leaf-\(code)"
    }

    /// What the council has done: the leaves still to appraise (those that count for the agency, and
    /// those it declared not applicable), and the explanations and whether each was re-examined since.
    func appraisalProgress() -> AppraisalProgress {
        let score = score(.selfAssessed)
        let byCode = Dictionary(entries.map { ($0.criterionCode, $0) }) { first, _ in first }
        let leaves = index.leafPositions.filter { score.nodes[$0].applicable || score.nodes[$0].reason == .notApplicableDeclared }
            .map { index.nodes[$0].code }
        let codes = index.leafPositions.map { index.nodes[$0].code } + index.bonus.map(\.code) + index.deductions.map(\.code)
        let explained = codes.compactMap { code in
            byCode[code].flatMap { entry in entry.explainedAt.map { (code, $0, entry.appraisedAt) } }
        }
        return AppraisalProgress(unappraised: (leaves + itemsToAppraise).filter { byCode[$0]?.appraisedAt == nil },
                                 explained: explained.count,
                                 unexamined: explained.filter { _, at, appraised in appraised.map { $0 <= at } ?? true }.map { $0.0 },
                                 undeclared: declarations.undeclared(of: index))
    }

    /// The sheet ChiSoCore scores at a stage of the cycle, with `changes` in place of what is stored
    /// (a save being checked, a what-if, a preliminary result).
    func sheet(_ stage: ScoreStage, with changes: [ItemReference: Entry] = [:]) -> ScoreSheet {
        var sheet = ScoreSheet.stored(stage, index: index, inputs: entries.map(\.stored), evidenceCounts: evidenceCounts, sources: sources)
        for (item, entry) in changes { sheet[item] = entry }
        return sheet
    }

    /// The assessment's score at a stage, by the one scoring function: every score the app shows,
    /// saves, ranks or exports comes from here.
    func score(_ stage: ScoreStage, with changes: [ItemReference: Entry] = [:]) -> AgencyScore {
        Scorer(index: index).score(tags: agency.tagList, sheet: sheet(stage, with: changes))
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

    /// The self input of a leaf or item: the data's figure for a sourced one, what the agency typed otherwise.
    func selfInput(_ code: String) -> String? {
        // Called for every leaf of a page: a search, not a table of every code built each time.
        if let node = index.nodes.first(where: { $0.code == code }), node.leaf?.source != nil {
            return sources.inputText(for: node)
        }
        if let item = (index.bonus + index.deductions).first(where: { $0.code == code }), item.source != nil {
            return sources.inputText(for: item)
        }
        return entry(code)?.selfInput
    }

    /// Sourced leaves and items the council confirmed as the data gave them (no override, so no
    /// comment) whose figure has changed since: the entries with the data's figure as it stands now.
    /// Finalising writes them, so that a final result counts the data the organiser declared complete.
    func refreshedConfirmations() -> [CriterionEntry] {
        let codes = index.nodes.filter { $0.leaf?.source != nil }.map(\.code) + (index.bonus + index.deductions).filter { $0.source != nil }.map(\.code)
        return codes.compactMap { code in
            guard var entry = entry(code), entry.appraisedAt != nil,
                  (entry.appraisalComment ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
            let figure = selfInput(code) ?? ""
            guard figure != (entry.appraisedInput ?? "") else { return nil }
            entry.appraisedInput = figure
            return entry
        }
    }

    /// The bonus and deduction items the council appraises for this assessment: bonus items the agency
    /// proposed (an input), and items with a `source` that has a figure. Codes, in index order.
    var itemsToAppraise: [String] {
        let bonus = index.bonus.filter { item in selfInput(item.code).map { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? false }
        let deductions = index.deductions.filter { $0.source != nil && selfInput($0.code) != nil }
        return bonus.map(\.code) + deductions.map(\.code)
    }
}

extension CriterionEntry {
    /// What the score sheet reads of this entry.
    var stored: StoredInput {
        StoredInput(code: criterionCode, selfInput: selfInput, appraisedInput: appraisedInput, appraised: appraisedAt != nil)
    }
}
