import Foundation

/// What is stored for one leaf, bonus or deduction item of an assessment, as its sheet needs it.
public struct StoredInput: Sendable, Hashable {
    public var code: String
    /// What the agency typed.
    public var selfInput: String?
    /// What the appraisers decided, once they have (`appraised`).
    public var appraisedInput: String?
    public var appraised: Bool

    public init(code: String, selfInput: String?, appraisedInput: String?, appraised: Bool) {
        self.code = code
        self.selfInput = selfInput
        self.appraisedInput = appraisedInput
        self.appraised = appraised
    }
}

/// A stage of the cycle at which an assessment is scored.
public enum ScoreStage: Sendable, CaseIterable {
    /// What the agency entered, and the data's figures for sourced leaves.
    case selfAssessed
    /// What the appraisers decided where they have, the agency's entries (and the data's figures) elsewhere.
    case appraised
    /// The council's decisions alone: the final result (every leaf of a final result was appraised;
    /// nothing live enters it).
    case final
}

extension ScoreSheet {
    /// The sheet of a stored assessment at a stage: each stored input read against its rule (an input
    /// that no longer reads counts as missing), with the number of evidence files of each leaf.
    /// Sourced leaves take the data's figure instead of anything typed, until an appraiser decides.
    public static func stored(_ stage: ScoreStage, index: Index, inputs: [StoredInput], evidenceCounts: [String: Int],
                              sources: SourceFigures) -> ScoreSheet {
        var sheet = ScoreSheet(for: index)
        let items = index.itemsByCode()
        let appraised = stage != .selfAssessed
        func read(_ text: String?, _ item: ItemReference) -> InputValue? {
            guard let trimmed = text?.trimmingCharacters(in: .whitespaces), !trimmed.isEmpty else { return nil }
            return try? InputReading.read(trimmed, for: item, in: index).get()
        }
        let live = stage == .final ? SourceFigures(tasks: nil) : sources
        for (position, node) in index.nodes.enumerated() where node.leaf?.source != nil {
            sheet[.criterion(position)] = Entry(value: live.input(for: node), evidence: evidenceCounts[node.code] ?? 0)
        }
        for (position, item) in index.bonus.enumerated() where item.source != nil {
            sheet[.bonus(position)] = Entry(value: live.input(for: item))
        }
        for (position, item) in index.deductions.enumerated() where item.source != nil {
            sheet[.deduction(position)] = Entry(value: live.input(for: item))
        }
        for input in inputs {
            guard let item = items[input.code] else { continue }
            let evidence = evidenceCounts[input.code] ?? 0
            if appraised, input.appraised {
                sheet[item] = Entry(value: read(input.appraisedInput, item), evidence: evidence)
            } else if index.source(of: item) != nil {
                continue
            } else {
                sheet[item] = Entry(value: read(input.selfInput, item), evidence: evidence)
            }
        }
        return sheet
    }
}
