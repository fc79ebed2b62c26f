import Crypto
import Fluent
import Foundation

/// Evidence content, addressed by SHA-256 and stored in the database in
/// chunks: several app instances share it and one backup holds everything.
enum EvidenceStore {
    static let chunkSize = 256 * 1024

    /// Stores `bytes` unless the same content is already there; returns the file.
    static func store(_ bytes: [UInt8], on db: any Database) async throws -> EvidenceFileModel {
        let sha = SHA256.hash(data: bytes).hexDigits
        if let existing = try await EvidenceFileModel.query(on: db).filter(\.$sha256 == sha).first() { return existing }
        let chunks = stride(from: 0, to: bytes.count, by: chunkSize).map { Array(bytes[$0..<min($0 + chunkSize, bytes.count)]) }
        let file = EvidenceFileModel(sha256: sha, size: bytes.count, contentType: ContentSniffer.type(of: bytes) ?? "application/octet-stream",
                                     chunkCount: chunks.count)
        try await file.create(on: db)
        let fileID = try file.requireID()
        for (sequence, chunk) in chunks.enumerated() {
            try await EvidenceChunkModel(fileID: fileID, sequence: sequence, data: Data(chunk)).create(on: db)
        }
        return file
    }

    /// Uploads that never finished (the server stopped, or was killed, mid-upload) leave a
    /// file marked `pending:` that nothing links to. Removes those older than `age`
    /// (a running upload on another instance is younger). Returns how many were removed.
    @discardableResult
    static func removeAbandonedUploads(olderThan age: TimeInterval, on db: any Database) async throws -> Int {
        let cutoff = Date().addingTimeInterval(-age)
        let abandoned = try await EvidenceFileModel.query(on: db).filter(\.$sha256 =~ "pending:").all()
            .filter { $0.sha256.hasPrefix("pending:") && ($0.createdAt ?? .distantPast) < cutoff }
        for file in abandoned {
            let id = try file.requireID()
            try await db.transaction { db in
                try await EvidenceChunkModel.query(on: db).filter(\.$file.$id == id).delete()
                try await EvidenceFileModel.query(on: db).filter(\.$id == id).delete()
            }
        }
        return abandoned.count
    }

    /// Removes a file just received that nothing refers to (an upload refused after its bytes
    /// arrived): no evidence link, task evidence or decision. A file stored once for several uses stays.
    static func discardIfUnreferenced(_ fileID: UUID, on db: any Database) async throws {
        try await db.transaction { db in
            let used = try await EvidenceLinkModel.query(on: db).filter(\.$file.$id == fileID).count()
                + TaskEvidenceModel.query(on: db).filter(\.$file.$id == fileID).count()
                + PeriodDecisionModel.query(on: db).filter(\.$file.$id == fileID).count()
            guard used == 0 else { return }
            try await EvidenceChunkModel.query(on: db).filter(\.$file.$id == fileID).delete()
            try await EvidenceFileModel.query(on: db).filter(\.$id == fileID).delete()
        }
    }

    /// The whole content of a file, chunk by chunk in order.
    static func content(of fileID: UUID, on db: any Database) async throws -> [UInt8] {
        let chunks = try await EvidenceChunkModel.query(on: db).filter(\.$file.$id == fileID).sort(\.$sequence).all()
        return chunks.flatMap { Array($0.data) }
    }
}

/// Recognises evidence files by their first bytes, never by their name.
enum ContentSniffer {
    static func type(of bytes: [UInt8]) -> String? {
        func starts(_ prefix: [UInt8]) -> Bool { bytes.count >= prefix.count && Array(bytes.prefix(prefix.count)) == prefix }
        if starts(Array("%PDF-".utf8)) { return "application/pdf" }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "image/png" }
        if starts([0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        if starts([0x50, 0x4B, 0x03, 0x04]) { return "application/zip" } // also .docx/.xlsx (ZIP containers)
        if starts([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return "application/x-ole-storage" } // .doc/.xls
        return nil
    }
}
