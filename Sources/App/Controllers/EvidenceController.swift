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
        let record = try await request.assessments.load(link.$assessment.id)
        try request.authorize(.viewAssessment, record.target())
        let bytes = try await EvidenceStore.content(of: link.$file.id, on: request.db)
        return fileResponse(bytes, type: link.file.contentType, name: link.fileName)
    }

    /// A stored file as a download: typed by its content, named safely, never run.
    static func fileResponse(_ bytes: [UInt8], type: String, name stored: String) -> Response {
        // Cleaned again: names stored before the cleaning was complete, and extensions that lied about the type.
        let name = FileNames.clean(stored, contentType: type)
        let response = Response(status: .ok, body: .init(data: Data(bytes)))
        response.headers.replaceOrAdd(name: .contentType, value: type)
        let inline = inlineTypes.contains(type)
        let disposition = inline ? "inline" : "attachment"
        let ascii = String(name.unicodeScalars.map { $0.isASCII && $0 != "\"" && $0 != "\\" ? Character($0) : "_" })
        let encoded = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ascii
        response.headers.replaceOrAdd(name: .contentDisposition, value: "\(disposition); filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)")
        // Evidence is data, never code: no script of ours runs with it. PDFs and images may be
        // previewed in a frame of our own pages (Chromium's PDF viewer does not run in a sandbox).
        response.headers.replaceOrAdd(name: "Content-Security-Policy", value: inline && type == "application/pdf"
            ? "default-src 'none'; frame-ancestors 'self'" : "default-src 'none'; img-src 'self'; frame-ancestors 'self'; sandbox")
        response.headers.replaceOrAdd(name: .xFrameOptions, value: "SAMEORIGIN")
        return response
    }
}

/// Attaching evidence to a leaf: upload (streamed), reuse a file already
/// uploaded to this assessment, or remove a link. Allowed whenever the
/// agency may edit its self-assessment.
extension EvidenceController {
    static func upload(_ request: Request) async throws -> Response {
        let record = try await request.assessments.load(request.parameters.get("assessmentID", as: UUID.self))
        // Evidence is added while self-assessing, or with an explanation after release.
        let user = try request.authorize(record.state == .released ? .explainLeaf : .editSelfAssessment, record.target())
        let code = try leafCode(request, record)
        let stored: EvidenceUpload.Stored
        do {
            stored = try await EvidenceUpload.receive(request, expectedCSRF: request.bearerAuthenticated ? nil : user.csrfToken)
        } catch {
            switch error {
            case .noFile, .tooLarge, .notAllowed:
                if !request.isAPI { return try await refusedUpload(request, record: record, user: user, code: code, error: error) }
            default:
                break
            }
            throw APIError(status: error.status, code: error.code, reason: error.message(request.language))
        }
        try await link(stored.fileID, named: stored.fileName, to: code, of: record, by: user, action: "evidence.upload",
                       details: ["size": String(stored.size), "type": stored.contentType], on: request)
        let say = request.language.phrases(AssessmentText.self)
        let page = record.state == .released ? SiteURL.assessment(.value(record.id), .appraisal).path + record.explanationAnchor(code)
            : SiteURL.assessment(.value(record.id), .show).path + "#leaf-\(code)"
        return request.redirect(to: page, notice: say(.uploadedNotice, stored.fileName))
    }

    /// A file refused for its type or size, or no file: the page the user was on, with the problem at the
    /// top and at the leaf's upload form (which takes the focus).
    static func refusedUpload(_ request: Request, record: AssessmentRecord, user: CurrentUser, code: String,
                              error: EvidenceUpload.Failure) async throws -> Response {
        let message = error.message(request.language)
        let label = "\(code) \(record.index.title(of: code) ?? ""): \(message)"
        if record.state == .released {
            let scope = try await AppraisalScope.load(for: record, on: request.db)
            var model = try await AppraisalController.model(record, scope: scope, user: user, request: request)
            model.uploadRefusal = (code, message)
            let target = model.changes.contains { $0.code == code } ? "xf-\(code)" : "leaf-\(code)"
            return request.page(status: error.status, problems: [Problem(message: label, target: target)]) {
                AppraisalPages.assessment($0, model: model)
            }
        }
        var model = try await AssessmentController.model(record, user: user, language: request.language, on: request.db)
        model.uploadRefusal = (code, message)
        return request.page(status: error.status, problems: [Problem(message: label, target: "f-\(code)")]) {
            AssessmentPage.view($0, model: model)
        }
    }

    struct AttachForm: Content {
        var linkID: UUID?
    }

    /// The files of this assessment not yet on this leaf, to choose one to attach.
    static func attachPage(_ request: Request) async throws -> Response {
        let record = try await request.assessments.load(request.parameters.get("assessmentID", as: UUID.self))
        try request.authorize(.editSelfAssessment, record.target())
        let code = try leafCode(request, record)
        guard let node = record.index.nodes.first(where: { $0.code == code }) else { throw Abort(.notFound) }
        return request.page {
            AttachEvidencePage.view($0, model: .init(assessmentID: record.id, agencyName: record.agency.name, periodName: record.period.name,
                                                     node: node, files: reusableFiles(record, for: code)))
        }
    }

    /// One link per file of the assessment, leaving out the files already on `code`.
    static func reusableFiles(_ record: AssessmentRecord, for code: String) -> [EvidenceLink] {
        var seen = Set(record.links.filter { $0.criterionCode == code }.map(\.fileID))
        return record.links.filter { seen.insert($0.fileID).inserted }
    }

    /// The same file, already uploaded for another leaf of this assessment, attached here too.
    static func attach(_ request: Request) async throws -> Response {
        try request.verifyCSRF()
        let record = try await request.assessments.load(request.parameters.get("assessmentID", as: UUID.self))
        let user = try request.authorize(.editSelfAssessment, record.target())
        let code = try leafCode(request, record)
        guard let sourceID = try request.content.decode(AttachForm.self).linkID,
              let source = record.links.first(where: { $0.id == sourceID }) else {
            throw Abort(.badRequest, reason: Catalogue(language: request.language)(.invalid))
        }
        if record.links.contains(where: { $0.criterionCode == code && $0.fileID == source.fileID }) {
            return request.redirect(to: SiteURL.assessment(.value(record.id), .show).path + "#leaf-\(code)")
        }
        try await link(source.fileID, named: source.fileName, to: code, of: record, by: user, action: "evidence.attach", on: request)
        return request.redirect(to: SiteURL.assessment(.value(record.id), .show).path + "#leaf-\(code)", notice: T.saved.rawValue)
    }

    /// Removes a file from a leaf (the file itself stays while other leaves use it).
    static func detach(_ request: Request) async throws -> Response {
        try request.verifyCSRF()
        let record = try await request.assessments.load(request.parameters.get("assessmentID", as: UUID.self))
        try request.authorize(.editSelfAssessment, record.target())
        guard let linkID = request.parameters.get("linkID", as: UUID.self),
              let link = record.links.first(where: { $0.id == linkID }) else { throw Abort(.notFound) }
        let origin = request.auditOrigin
        try await request.write { db in
            try await EvidenceLinkModel.query(on: db).filter(\.$id == linkID).delete()
            try await Audit.record(on: db, origin, action: "evidence.detach", targetType: "assessment",
                                   target: "\(record.agency.code) / \(record.period.name) / \(link.criterionCode)",
                                   before: ["file": link.fileName])
        }
        return request.redirect(to: SiteURL.assessment(.value(record.id), .show).path + "#leaf-\(link.criterionCode)", notice: T.saved.rawValue)
    }

    static func leafCode(_ request: Request, _ record: AssessmentRecord) throws -> String {
        let code = request.parameters.get("code") ?? ""
        // A leaf or bonus item the agency enters (a sourced one is given by the data, but may carry files).
        guard record.index.enteredByAgency(code) != nil || record.index.nodes.contains(where: { $0.code == code && $0.isLeaf }) else {
            throw Abort(.notFound)
        }
        return code
    }
}

extension EvidenceController {
    /// Links a stored file to a leaf, with its audit row, in one transaction (an upload and a reuse alike).
    static func link(_ fileID: UUID, named name: String, to code: String, of record: AssessmentRecord, by user: CurrentUser,
                     action: String, details: [String: String] = [:], on request: Request) async throws {
        let link = EvidenceLinkModel()
        link.$assessment.id = record.id
        link.criterionCode = code
        link.$file.id = fileID
        link.fileName = name
        link.$uploadedBy.id = user.id
        let event = Audit.Event(origin: request.auditOrigin, action: action, targetType: "assessment",
                                target: "\(record.agency.code) / \(record.period.name) / \(code)", after: details.merging(["file": name]) { $1 })
        try await request.write { db in
            try await link.create(on: db)
            try await Audit.record(event, on: db)
        }
    }
}
