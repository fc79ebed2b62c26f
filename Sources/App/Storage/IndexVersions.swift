import ChiSoCore
import Crypto
import Fluent
import Foundation
import SQLKit
import Vapor

/// Index versions as stored: a new version (from an upload or a published draft), the criterion
/// mapping between two versions, and the withdrawal of a version no period uses.
enum IndexVersions {
    /// Stores `read` as the next version of its code, with its audit row, in one transaction; the same
    /// bytes uploaded again give the version they made. `mapping`: how a draft's base continues in it.
    static func store(_ read: IndexFile.Read, bytes: [UInt8], by user: UUID?, action: String, mapping: (from: UUID, CriterionMapping)? = nil,
                      on request: Request, inTransaction extra: (@Sendable (any Database, IndexVersionModel) async throws -> Void)? = nil)
        async throws -> IndexVersionModel {
        let sha = SHA256.hash(data: Data(bytes)).hexDigits
        let origin = request.auditOrigin
        let index = read.index, yaml = read.yaml
        return try await request.write { db in
            let latest = try await IndexVersionModel.query(on: db).filter(\.$code == index.id).sort(\.$version, .descending).first()
            if let latest, latest.sha256 == sha { return latest }
            let version = IndexVersionModel(code: index.id, version: (latest?.version ?? 0) + 1, title: index.title, yaml: yaml,
                                            sha256: sha, leafCount: index.leafPositions.count, uploadedBy: user)
            try await version.create(on: db)
            if let (from, mapping) = mapping { try await saveMapping(mapping, from: from, to: version.id!, on: db) }
            try await extra?(db, version)
            try await Audit.record(on: db, origin, action: action, targetType: "index", target: "\(index.id) v\(version.version)",
                                   after: ["title": index.title, "sha256": sha, "leaves": String(version.leafCount)])
            return version
        }
    }

    /// The mapping from one version to another: as the organiser wrote it (or a draft's origins left it),
    /// codes continuing as themselves where nobody wrote one.
    static func mapping(from old: IndexVersionModel, to new: IndexVersionModel, on request: Request) async throws -> CriterionMapping {
        let rows = try await CriterionMappingModel.query(on: request.db)
            .filter(\.$fromVersion.$id == old.requireID()).filter(\.$toVersion.$id == new.requireID()).all()
        let (oldIndex, newIndex) = (try await request.application.indexCache.index(for: old), try await request.application.indexCache.index(for: new))
        var mapping = CriterionMapping.identical(from: oldIndex, to: newIndex)
        for row in rows { mapping.set(row.fromCode, to: row.targets) }
        return mapping
    }

    /// Whether the organiser (or a published draft) wrote a mapping for the pair.
    static func hasWrittenMapping(from old: UUID, to new: UUID, on db: any Database) async throws -> Bool {
        try await CriterionMappingModel.query(on: db).filter(\.$fromVersion.$id == old).filter(\.$toVersion.$id == new).count() > 0
    }

    /// Replaces the mapping of a pair (inside the caller's transaction).
    static func saveMapping(_ mapping: CriterionMapping, from: UUID, to: UUID, on db: any Database) async throws {
        try await CriterionMappingModel.query(on: db).filter(\.$fromVersion.$id == from).filter(\.$toVersion.$id == to).delete()
        let rows = mapping.targets.keys.sorted().map { CriterionMappingModel(from: from, to: to, fromCode: $0, toCodes: mapping.targets(of: $0)) }
        if !rows.isEmpty { try await rows.create(on: db) }
    }

    /// The periods that use a version (any status): a version a period uses is never withdrawn.
    static func periodsUsing(_ version: IndexVersionModel, on db: any Database) async throws -> [PeriodModel] {
        let assignments = try await PeriodIndexModel.query(on: db).filter(\.$indexVersion.$id == version.requireID()).with(\.$period).all()
        var seen: Set<UUID> = []
        return assignments.map(\.period).filter { seen.insert($0.id!).inserted }
    }
}
