import ChiSoCore
import Crypto
import Fluent
import Foundation
import Vapor

/// Index versions: list, upload (validated by ChiSoCore, every problem with
/// its line), and the tree of one version.
enum IndexController {
    static func list(_ request: Request) async throws -> Response {
        let user = try request.authorize(.viewIndexes)
        let versions = try await IndexVersionModel.query(on: request.db).sort(\.$code).sort(\.$version, .descending).all()
        let canUpload = (try? Policy.decide(user.actor, .manageIndexes).get()) != nil
        return request.page { IndexPages.list($0, versions: versions, canUpload: canUpload, problems: [], fileName: nil) }
    }

    struct UploadForm: Content {
        var file: File?
    }

    static func upload(_ request: Request) async throws -> Response {
        try request.verifyCSRF()
        let user = try request.authorize(.manageIndexes)
        let form = try request.content.decode(UploadForm.self)
        let fileName = form.file.flatMap { $0.filename.isEmpty ? nil : $0.filename } ?? "index.yaml"
        let bytes = form.file.map { Array($0.data.readableBytesView) } ?? []
        let yaml = String(decoding: bytes, as: UTF8.self)
        let index: Index
        do {
            index = try IndexReader.read(yaml: yaml)
        } catch {
            let versions = try await IndexVersionModel.query(on: request.db).sort(\.$code).sort(\.$version, .descending).all()
            let problems = error.problems.map { $0.formatted(file: fileName, language: request.language) }
            return request.page(status: .unprocessableEntity) {
                IndexPages.list($0, versions: versions, canUpload: true, problems: problems, fileName: fileName)
            }
        }
        let sha = SHA256.hash(data: Data(bytes)).hexDigits
        let origin = request.auditOrigin
        let t = Catalogue(language: request.language)
        let version = try await request.write { db in
            let latest = try await IndexVersionModel.query(on: db).filter(\.$code == index.id).sort(\.$version, .descending).first()
            if let latest, latest.sha256 == sha { return latest }
            let version = IndexVersionModel(code: index.id, version: (latest?.version ?? 0) + 1, title: index.title, yaml: yaml,
                                            sha256: sha, leafCount: index.leafPositions.count, uploadedBy: user.id)
            try await version.create(on: db)
            try await Audit.record(on: db, origin, action: "index.upload", targetType: "index", target: "\(index.id) v\(version.version)",
                                   after: ["title": index.title, "sha256": sha, "leaves": String(version.leafCount)])
            return version
        }
        return request.redirect(to: SiteURL.index(.value(version.id!), .show).path, notice: t.format(.indexUploaded, version.code, String(version.version)))
    }

    static func show(_ request: Request) async throws -> Response {
        try request.authorize(.viewIndexes)
        guard let id = request.parameters.get("indexID", as: UUID.self),
              let version = try await IndexVersionModel.find(id, on: request.db) else { throw Abort(.notFound) }
        let index = try await request.application.indexCache.index(for: version)
        return request.page { IndexPages.show($0, version: version, index: index) }
    }
}
