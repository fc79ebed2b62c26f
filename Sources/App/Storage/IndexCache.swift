import ChiSoCore
import Fluent
import Foundation
import Vapor

/// Parsed indexes by version id. A version's YAML never changes once
/// stored, so a parsed index can be kept for the life of the process.
actor IndexCache {
    private var parsed: [UUID: Index] = [:]

    func index(for version: IndexVersionModel) throws -> Index {
        let id = try version.requireID()
        if let index = parsed[id] { return index }
        let index = try IndexReader.read(yaml: version.yaml)
        parsed[id] = index
        return index
    }
}

extension Application {
    private struct IndexCacheKey: StorageKey { typealias Value = IndexCache }

    var indexCache: IndexCache {
        if let cache = storage[IndexCacheKey.self] { return cache }
        let cache = IndexCache()
        storage[IndexCacheKey.self] = cache
        return cache
    }
}

/// Turning stored entries into what ChiSoCore scores.
enum AssessmentScoring {
    /// The self-assessment sheet: each entry's typed input read against its
    /// rule (an input that no longer reads counts as missing), with the
    /// number of evidence files attached to each leaf.
    static func selfSheet(index: Index, entries: [CriterionEntryModel], evidenceCounts: [String: Int]) -> ScoreSheet {
        sheet(index: index, entries: entries, evidenceCounts: evidenceCounts) { $0.selfInput }
    }

    /// The appraised sheet: what the appraiser decided where they have, the self input elsewhere.
    static func appraisedSheet(index: Index, entries: [CriterionEntryModel], evidenceCounts: [String: Int]) -> ScoreSheet {
        sheet(index: index, entries: entries, evidenceCounts: evidenceCounts) { $0.appraisedAt != nil ? $0.appraisedInput : $0.selfInput }
    }

    static func sheet(index: Index, entries: [CriterionEntryModel], evidenceCounts: [String: Int],
                      input: (CriterionEntryModel) -> String?) -> ScoreSheet {
        var sheet = ScoreSheet(for: index)
        let items = index.itemsByCode()
        for entry in entries {
            guard let item = items[entry.criterionCode] else { continue }
            let value: InputValue? = input(entry).flatMap { text in
                let trimmed = text.trimmingCharacters(in: .whitespaces)
                guard !trimmed.isEmpty else { return nil }
                return try? InputReading.read(trimmed, for: item, in: index).get()
            }
            sheet[item] = Entry(value: value, evidence: evidenceCounts[entry.criterionCode] ?? 0)
        }
        return sheet
    }
}
