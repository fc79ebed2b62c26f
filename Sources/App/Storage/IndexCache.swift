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
