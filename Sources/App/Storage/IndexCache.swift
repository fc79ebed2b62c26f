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

    /// The parsed index of a version, reading its YAML from the database only the first time.
    func index(versionID id: UUID, on db: any Database) async throws -> Index {
        if let index = parsed[id] { return index }
        guard let version = try await IndexVersionModel.find(id, on: db) else { throw Abort(.notFound) }
        return try index(for: version)
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
    /// number of evidence files attached to each leaf. Sourced leaves take
    /// the data's figure instead of anything typed.
    static func selfSheet(index: Index, entries: [CriterionEntry], evidenceCounts: [String: Int],
                          sources: SourceFigures) -> ScoreSheet {
        sheet(index: index, entries: entries, evidenceCounts: evidenceCounts, sources: sources, appraised: false)
    }

    /// The appraised sheet: what the appraiser decided where they have, the self input elsewhere.
    static func appraisedSheet(index: Index, entries: [CriterionEntry], evidenceCounts: [String: Int],
                               sources: SourceFigures) -> ScoreSheet {
        sheet(index: index, entries: entries, evidenceCounts: evidenceCounts, sources: sources, appraised: true)
    }

    private static func sheet(index: Index, entries: [CriterionEntry], evidenceCounts: [String: Int],
                              sources: SourceFigures, appraised: Bool) -> ScoreSheet {
        var sheet = ScoreSheet(for: index)
        let items = index.itemsByCode()
        func read(_ text: String?, _ item: ItemReference) -> InputValue? {
            guard let trimmed = text?.trimmingCharacters(in: .whitespaces), !trimmed.isEmpty else { return nil }
            return try? InputReading.read(trimmed, for: item, in: index).get()
        }
        for (position, node) in index.nodes.enumerated() where node.leaf?.source != nil {
            sheet[.criterion(position)] = Entry(value: sources.input(for: node), evidence: evidenceCounts[node.code] ?? 0)
        }
        for entry in entries {
            guard let item = items[entry.criterionCode] else { continue }
            let evidence = evidenceCounts[entry.criterionCode] ?? 0
            if appraised, entry.appraisedAt != nil {
                sheet[item] = Entry(value: read(entry.appraisedInput, item), evidence: evidence)
            } else if case let .criterion(position) = item, index.nodes[position].leaf?.source != nil {
                continue
            } else {
                sheet[item] = Entry(value: read(entry.selfInput, item), evidence: evidence)
            }
        }
        return sheet
    }
}
