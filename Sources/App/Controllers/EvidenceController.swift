import Fluent
import Foundation
import Vapor

/// Evidence files: reading one (anyone who may see the assessment).
enum EvidenceController {
    /// PDF and images open in the page (for preview); anything else downloads.
    static let inlineTypes: Set<String> = ["application/pdf", "image/png", "image/jpeg"]

    static func download(_ request: Request) async throws -> Response {
        guard let id = request.parameters.get("linkID", as: UUID.self),
              let link = try await EvidenceLinkModel.query(on: request.db).filter(\.$id == id).with(\.$file).first()
        else { throw Abort(.notFound) }
        let record = try await AssessmentRecord.load(link.$assessment.id, on: request)
        try request.authorize(.viewAssessment, record.target())
        let bytes = try await EvidenceStore.content(of: link.$file.id, on: request.db)
        let response = Response(status: .ok, body: .init(data: Data(bytes)))
        let type = link.file.contentType
        response.headers.replaceOrAdd(name: .contentType, value: type)
        let disposition = inlineTypes.contains(type) ? "inline" : "attachment"
        let ascii = String(link.fileName.unicodeScalars.map { $0.isASCII && $0 != "\"" && $0 != "\\" ? Character($0) : "_" })
        let encoded = link.fileName.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ascii
        response.headers.replaceOrAdd(name: .contentDisposition, value: "\(disposition); filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)")
        // Evidence is data, never code: no script runs from it even when opened inline.
        response.headers.replaceOrAdd(name: "Content-Security-Policy", value: "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox")
        return response
    }
}
