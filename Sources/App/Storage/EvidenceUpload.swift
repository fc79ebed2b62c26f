import Crypto
import Fluent
import Foundation
import MultipartKit
import Vapor

/// Receives one evidence file from a streamed multipart form: the CSRF
/// field must come first; the file's bytes go to the database in chunks as
/// they arrive (never the whole file in memory); its type is recognised
/// from its first bytes; the size limit stops the upload as soon as it is
/// passed. A file already stored (same SHA-256) is not stored twice.
struct EvidenceUpload {
    /// What the file picker offers (the content decides: see ``receive(_:expectedCSRF:)``).
    static let acceptedExtensions = ".pdf,.png,.jpg,.jpeg,.doc,.docx,.xls,.xlsx,.zip"

    enum Failure: Error {
        case noFile
        case tooLarge(limit: Int)
        case notAllowed
        case csrf
        case malformed
        /// The disk is full: nothing of the file was kept.
        case storageFull
        /// The database failed otherwise (logged): nothing of the file was kept.
        case notStored

        func message(_ language: Lang) -> String {
            let say = language.phrases(EvidenceUploadText.self)
            switch self {
            case .noFile: return say(.noFile)
            case let .tooLarge(limit): return say(.tooLarge, "\(limit / 1024 / 1024)")
            case .notAllowed: return say(.notAllowed)
            case .csrf: return Catalogue(language: language)(.csrfFailed)
            case .malformed: return say(.malformed)
            case .storageFull: return say(.storageFull)
            case .notStored: return say(.notStored)
            }
        }

        var code: String {
            switch self {
            case .noFile: "no_file"
            case .tooLarge: "file_too_large"
            case .notAllowed: "file_type_not_allowed"
            case .csrf: "csrf"
            case .malformed: "malformed_upload"
            case .storageFull: "storage_full"
            case .notStored: "not_stored"
            }
        }

        var status: HTTPStatus {
            switch self {
            case .noFile, .malformed: .badRequest
            case .tooLarge: .payloadTooLarge
            case .notAllowed: .unsupportedMediaType
            case .csrf: .forbidden
            case .storageFull: .insufficientStorage
            case .notStored: .internalServerError
            }
        }
    }

    struct Stored: Sendable {
        var fileID: UUID
        var fileName: String
        var size: Int
        var contentType: String
    }

    /// Types accepted as evidence, recognised by content.
    static let allowedTypes: Set<String> = ["application/pdf", "image/png", "image/jpeg", "application/zip", "application/x-ole-storage"]

    /// Parser callbacks write here; the async loop flushes it to the database.
    private final class Progress {
        var field: String?
        var fileName: String?
        var small: [UInt8] = []
        var pending: [UInt8] = []
        var csrfChecked = false
        var fileStarted = false
        var fileDone = false
        var broken: Failure?
    }

    static func receive(_ request: Request, expectedCSRF: String?) async throws(Failure) -> Stored {
        guard let boundary = MultipartBoundary.valid(in: request.headers) else { throw .malformed }
        let limit = request.application.settings.uploadMaxBytes
        let parser = MultipartParser(boundary: boundary)
        var headerGuard = MultipartHeaderGuard(boundary: boundary)
        let progress = Progress()
        // API clients authenticate with a bearer token (no cookie, no CSRF).
        progress.csrfChecked = expectedCSRF == nil
        parser.onHeader = { name, value in
            guard name.lowercased() == "content-disposition" else { return }
            progress.field = Self.parameter("name", in: value)
            progress.fileName = Self.parameter("filename", in: value)
            if progress.field == "file" {
                if !progress.csrfChecked { progress.broken = progress.broken ?? .csrf }
                progress.fileStarted = true
            }
        }
        parser.onBody = { buffer in
            let bytes = buffer.readBytes(length: buffer.readableBytes) ?? []
            if progress.field == "file" {
                progress.pending += bytes
            } else if progress.small.count + bytes.count <= 4096 {
                progress.small += bytes
            }
        }
        parser.onPartComplete = {
            if progress.field == "_csrf" {
                if let expectedCSRF {
                    progress.csrfChecked = CSRF.equal(String(decoding: progress.small, as: UTF8.self), expectedCSRF)
                    if !progress.csrfChecked { progress.broken = .csrf }
                }
            } else if progress.field == "file" {
                progress.fileDone = true
            }
            progress.small = []
            progress.field = nil
        }

        var writer: ChunkWriter?
        do {
            for try await buffer in request.body {
                guard headerGuard.accepts(buffer.readableBytesView) else { throw Failure.malformed }
                do { try parser.execute(buffer) } catch { throw Failure.malformed }
                if let broken = progress.broken { throw broken }
                if progress.fileStarted, writer == nil, progress.pending.count >= 8 || progress.fileDone {
                    guard let type = ContentSniffer.type(of: progress.pending), allowedTypes.contains(type) else { throw Failure.notAllowed }
                    writer = try await ChunkWriter.start(contentType: type, on: request)
                }
                if let current = writer {
                    if current.size + progress.pending.count > limit { throw Failure.tooLarge(limit: limit) }
                    try await current.write(&progress.pending, final: progress.fileDone, on: request)
                }
                if progress.fileDone { break }
            }
            guard progress.fileDone, let writer, writer.size > 0 else { throw Failure.noFile }
            let fileID = try await writer.finish(on: request)
            return Stored(fileID: fileID, fileName: FileNames.clean(progress.fileName ?? "", contentType: writer.contentType), size: writer.size, contentType: writer.contentType)
        } catch {
            if let writer { try? await writer.abandon(on: request) }
            if let failure = error as? Failure { throw failure }
            request.logger.report(error: error)
            if ErrorPages.isStorageFull(error) { throw .storageFull }
            // The parser's errors came as `.malformed` above: anything else is the store's.
            throw .notStored
        }
    }

    /// `name="value"` out of a Content-Disposition header.
    static func parameter(_ key: String, in header: String) -> String? {
        for part in header.split(separator: ";") {
            let pieces = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pieces.count == 2, pieces[0].lowercased() == key else { continue }
            var value = pieces[1]
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            return value
        }
        return nil
    }
}

/// Writes a file's chunks as they come, under a provisional name, then
/// gives it its content address (or reuses an identical stored file).
final class ChunkWriter: @unchecked Sendable {
    let fileID: UUID
    let contentType: String
    private(set) var size = 0
    private var sequence = 0
    private var hasher = SHA256()

    private init(fileID: UUID, contentType: String) {
        self.fileID = fileID
        self.contentType = contentType
    }

    static func start(contentType: String, on request: Request) async throws -> ChunkWriter {
        let file = EvidenceFileModel(sha256: "pending:\(UUID().uuidString)", size: 0, contentType: contentType, chunkCount: 0)
        try await request.write { db in try await file.create(on: db) }
        return ChunkWriter(fileID: try file.requireID(), contentType: contentType)
    }

    /// Stores full chunks from `pending` (all of it when `final`), leaving the rest there.
    func write(_ pending: inout [UInt8], final: Bool, on request: Request) async throws {
        while pending.count >= EvidenceStore.chunkSize || (final && !pending.isEmpty) {
            let take = min(EvidenceStore.chunkSize, pending.count)
            let chunk = Array(pending[0..<take])
            pending.removeFirst(take)
            hasher.update(data: chunk)
            let model = EvidenceChunkModel(fileID: fileID, sequence: sequence, data: Data(chunk))
            try await request.write { db in try await model.create(on: db) }
            sequence += 1
            size += chunk.count
        }
    }

    /// The stored file's id: this one under its SHA-256, or an identical one stored before.
    func finish(on request: Request) async throws -> UUID {
        let sha = hasher.finalize().hexDigits
        do {
            return try await finish(sha: sha, on: request)
        } catch let error as any DatabaseError where error.isConstraintFailure {
            // The same file was stored by another request at the same moment (PostgreSQL, where
            // uploads are not queued one by one): this time it is found, and used.
            return try await finish(sha: sha, on: request)
        }
    }

    private func finish(sha: String, on request: Request) async throws -> UUID {
        let (fileID, size, sequence) = (self.fileID, self.size, self.sequence)
        return try await request.write { db in
            if let existing = try await EvidenceFileModel.query(on: db).filter(\.$sha256 == sha).first() {
                try await EvidenceChunkModel.query(on: db).filter(\.$file.$id == fileID).delete()
                try await EvidenceFileModel.query(on: db).filter(\.$id == fileID).delete()
                return try existing.requireID()
            }
            try await EvidenceFileModel.query(on: db).filter(\.$id == fileID)
                .set(\.$sha256, to: sha).set(\.$size, to: size).set(\.$chunkCount, to: sequence).update()
            return fileID
        }
    }

    /// Removes what was written of a refused or broken upload.
    func abandon(on request: Request) async throws {
        let fileID = self.fileID
        try await request.write { db in
            try await EvidenceChunkModel.query(on: db).filter(\.$file.$id == fileID).delete()
            try await EvidenceFileModel.query(on: db).filter(\.$id == fileID).delete()
        }
    }
}
