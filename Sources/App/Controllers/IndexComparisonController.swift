import ChiSoCore
import Fluent
import Foundation
import Vapor

/// Two index versions side by side: what changed (a page and a workbook), and the criterion mapping
/// from the older to the newer that year-over-year figures and dry runs go through.
enum IndexComparisonController {
    struct PairQuery: Content {
        var from: UUID?
        var to: UUID?
    }

    /// The two versions asked for, the older first; `nil` when not both are given.
    static func pair(_ request: Request) async throws -> (IndexVersionModel, IndexVersionModel)? {
        let query = try request.query.decode(PairQuery.self)
        guard let from = query.from, let to = query.to else { return nil }
        guard let old = try await IndexVersionModel.find(from, on: request.db), let new = try await IndexVersionModel.find(to, on: request.db)
        else { throw Abort(.notFound) }
        return (old, new)
    }

    static func comparison(_ old: IndexVersionModel, _ new: IndexVersionModel, on request: Request) async throws -> IndexComparison {
        let mapping = try await IndexVersions.mapping(from: old, to: new, on: request)
        return IndexComparison(old: try await request.application.indexCache.index(for: old),
                               new: try await request.application.indexCache.index(for: new), mapping: mapping)
    }

    static func page(_ request: Request) async throws -> Response {
        let user = try request.authorize(.viewIndexes)
        let versions = try await IndexVersionModel.query(on: request.db).sort(\.$code).sort(\.$version, .descending).all()
        let canManage = (try? Policy.decide(user.actor, .manageIndexes).get()) != nil
        guard let (old, new) = try await pair(request) else {
            return request.page { IndexComparisonPages.compare($0, versions: versions, pair: nil, canManage: canManage) }
        }
        let comparison = try await comparison(old, new, on: request)
        let written = try await IndexVersions.hasWrittenMapping(from: old.requireID(), to: new.requireID(), on: request.db)
        return request.page {
            IndexComparisonPages.compare($0, versions: versions, pair: (old, new, comparison, written), canManage: canManage)
        }
    }

    static func workbook(_ request: Request) async throws -> Response {
        try request.authorize(.viewIndexes)
        guard let (old, new) = try await pair(request) else { throw Abort(.badRequest, reason: "from and to are required") }
        let comparison = try await comparison(old, new, on: request)
        let bytes = try comparison.workbook(oldName: "\(old.code) v\(old.version)", newName: "\(new.code) v\(new.version)").bytes()
        return ResultExportController.download(bytes, type: ResultExportController.xlsxType,
                                               name: "so-sanh-\(old.code)-v\(old.version)-\(new.code)-v\(new.version).xlsx")
    }

    struct MappingQuery: Content {
        var from: UUID?
    }

    /// The mapping into this version from another (`?from=`), as a form: one line per code of the older version.
    static func mapping(_ request: Request) async throws -> Response {
        try request.authorize(.manageIndexes)
        let new = try await IndexController.version(request)
        return try await mappingPage(request, new: new, from: try request.query.decode(MappingQuery.self).from, typed: nil, problems: [])
    }

    static func mappingPage(_ request: Request, new: IndexVersionModel, from: UUID?, typed: [String: String]?, problems: [Problem],
                            status: HTTPStatus = .ok) async throws -> Response {
        let others = try await IndexVersionModel.query(on: request.db).filter(\.$id != new.requireID())
            .sort(\.$code).sort(\.$version, .descending).all()
        let newIndex = try await request.application.indexCache.index(for: new)
        guard let from, let old = others.first(where: { $0.id == from }) else {
            return request.page { IndexComparisonPages.mapping($0, new: new, newIndex: newIndex, others: others, old: nil) }
        }
        let oldIndex = try await request.application.indexCache.index(for: old)
        let mapping = try await IndexVersions.mapping(from: old, to: new, on: request)
        return request.page(status: status, problems: problems) {
            IndexComparisonPages.mapping($0, new: new, newIndex: newIndex, others: others,
                                         old: (old, oldIndex, mapping, typed ?? [:]))
        }
    }

    /// Saves the mapping from `from` to this version: every code named must be one of this version's.
    static func saveMapping(_ request: Request) async throws -> Response {
        try request.verifyCSRF()
        try request.authorize(.manageIndexes)
        let new = try await IndexController.version(request)
        let fields = try request.content.decode([String: String].self)
        guard let from = fields["from"].flatMap(UUID.init(uuidString:)), let old = try await IndexVersionModel.find(from, on: request.db),
              old.id != new.id else { throw Abort(.badRequest, reason: "from names no other version") }
        let oldIndex = try await request.application.indexCache.index(for: old)
        let newIndex = try await request.application.indexCache.index(for: new)
        let newCodes = Set(newIndex.allCodes)
        let say = request.language.phrases(IndexAuthoringText.self)
        var mapping = CriterionMapping(targets: [:])
        var typed: [String: String] = [:]
        var problems: [Problem] = []
        for (position, code) in oldIndex.allCodes.enumerated() {
            let text = fields["to-\(position)"] ?? ""
            typed["to-\(position)"] = text
            let targets = IndexNotation.codes(text)
            let unknown = targets.filter { !newCodes.contains($0) }
            if !unknown.isEmpty {
                problems.append(Problem(message: say(.mappingUnknownCode, code, unknown.joined(separator: ", ")), target: "to-\(position)"))
            }
            mapping.set(code, to: targets)
        }
        guard problems.isEmpty else {
            return try await mappingPage(request, new: new, from: from, typed: typed, problems: problems, status: .unprocessableEntity)
        }
        let origin = request.auditOrigin
        let (newID, oldID) = (try new.requireID(), try old.requireID())
        let saved = mapping
        let summary = mapping.targets.keys.sorted().map { "\($0) → \(mapping.targets(of: $0).joined(separator: ", "))" }.joined(separator: "; ")
        try await request.write { db in
            try await IndexVersions.saveMapping(saved, from: oldID, to: newID, on: db)
            try await Audit.record(on: db, origin, action: "index.mapping", targetType: "index",
                                   target: "\(old.code) v\(old.version) → \(new.code) v\(new.version)", after: ["mapping": summary])
        }
        return request.redirect(to: SiteURL.indexComparison.path + "?from=\(oldID)&to=\(newID)", notice: say(.mappingSaved))
    }
}
