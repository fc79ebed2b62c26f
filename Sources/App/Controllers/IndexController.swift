import ChiSoCore
import Fluent
import Foundation
import Vapor

/// Index versions: list (with the drafts being written), upload (YAML or the annex workbook, validated
/// by ChiSoCore, every problem with its line or cell), the tree of one version, its downloads, and the
/// withdrawal of a version no period uses.
enum IndexController {
    static func list(_ request: Request) async throws -> Response {
        let user = try request.authorize(.viewIndexes)
        let canManage = (try? Policy.decide(user.actor, .manageIndexes).get()) != nil
        let model = try await listModel(request, canManage: canManage)
        return request.page { IndexPages.list($0, model: model) }
    }

    static func listModel(_ request: Request, canManage: Bool, problems: [String] = [], fileName: String? = nil) async throws -> IndexPages.ListModel {
        let versions = try await IndexVersionModel.query(on: request.db).sort(\.$code).sort(\.$version, .descending).all()
        let drafts = canManage
            ? try await IndexDraftModel.query(on: request.db).filter(\.$publishedVersion.$id == nil).sort(\.$updatedAt, .descending).all()
            : []
        return IndexPages.ListModel(versions: versions, drafts: drafts, canManage: canManage, problems: problems, fileName: fileName)
    }

    struct UploadForm: Content {
        var file: File?
    }

    /// Reads an uploaded index file of either format: the extension says which, else the content.
    static func read(_ file: File?) -> (name: String, bytes: [UInt8], result: Result<IndexFile.Read, IndexFile.Problems>) {
        let name = file.flatMap { $0.filename.isEmpty ? nil : $0.filename } ?? "index.yaml"
        let bytes = file.map { Array($0.data.readableBytesView) } ?? []
        let format = IndexFile.Format(fileName: name, content: bytes)
        do {
            return (name, bytes, .success(try IndexFile.read(bytes, format: format)))
        } catch {
            return (name, bytes, .failure(error))
        }
    }

    static func upload(_ request: Request) async throws -> Response {
        try request.verifyCSRF()
        let user = try request.authorize(.manageIndexes)
        let form = try request.content.decode(UploadForm.self)
        let (fileName, bytes, result) = read(form.file)
        let read: IndexFile.Read
        switch result {
        case let .success(value): read = value
        case let .failure(problems):
            let model = try await listModel(request, canManage: true, problems: problems.formatted(file: fileName, language: request.language),
                                            fileName: fileName)
            return request.page(status: .unprocessableEntity) { IndexPages.list($0, model: model) }
        }
        let version = try await IndexVersions.store(read, bytes: bytes, by: user.id, action: "index.upload", on: request)
        let t = Catalogue(language: request.language)
        return request.redirect(to: SiteURL.index(.value(version.id!), .show).path, notice: t.format(.indexUploaded, version.code, String(version.version)))
    }

    static func version(_ request: Request) async throws -> IndexVersionModel {
        guard let id = request.parameters.get("indexID", as: UUID.self),
              let version = try await IndexVersionModel.find(id, on: request.db) else { throw Abort(.notFound) }
        return version
    }

    static func show(_ request: Request) async throws -> Response {
        let user = try request.authorize(.viewIndexes)
        let version = try await version(request)
        let index = try await request.application.indexCache.index(for: version)
        let periods = try await IndexVersions.periodsUsing(version, on: request.db)
        let others = try await IndexVersionModel.query(on: request.db).filter(\.$id != version.requireID())
            .sort(\.$code).sort(\.$version, .descending).all()
        let canManage = (try? Policy.decide(user.actor, .manageIndexes).get()) != nil
        return request.page {
            IndexPages.show($0, model: IndexPages.ShowModel(version: version, index: index, periods: periods, others: others, canManage: canManage))
        }
    }

    /// The version as the annex workbook.
    static func workbook(_ request: Request) async throws -> Response {
        try request.authorize(.viewIndexes)
        let version = try await version(request)
        let index = try await request.application.indexCache.index(for: version)
        let bytes = try IndexWorkbook.bytes(IndexTable(index))
        return ResultExportController.download(bytes, type: ResultExportController.xlsxType, name: "\(version.code)-v\(version.version).xlsx")
    }

    /// Withdraws a version that no period uses (one an opened period uses never changes or goes);
    /// drafts cloned from it keep their rows.
    static func withdraw(_ request: Request) async throws -> Response {
        try request.verifyCSRF()
        try request.authorize(.manageIndexes)
        let version = try await version(request)
        let say = request.language.phrases(IndexAuthoringText.self)
        let periods = try await IndexVersions.periodsUsing(version, on: request.db)
        guard periods.isEmpty else {
            throw Abort(.conflict, reason: say(.withdrawRefused, periods.map(\.name).joined(separator: ", ")))
        }
        let origin = request.auditOrigin
        let (code, number) = (version.code, version.version)
        try await request.write { db in
            // Checked again inside the transaction: a period may have taken it meanwhile.
            guard try await PeriodIndexModel.query(on: db).filter(\.$indexVersion.$id == version.requireID()).count() == 0 else {
                throw Abort(.conflict, reason: say(.withdrawRefused, ""))
            }
            try await version.delete(on: db)
            try await Audit.record(on: db, origin, action: "index.withdraw", targetType: "index", target: "\(code) v\(number)",
                                   before: ["title": version.title, "sha256": version.sha256])
        }
        return request.redirect(to: SiteURL.indexes.path, notice: say(.withdrawn, code, String(number)))
    }
}
