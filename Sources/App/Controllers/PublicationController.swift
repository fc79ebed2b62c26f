import ChiSoCore
import Fluent
import Foundation
import Vapor

/// What makes a period's results official: the organiser declares the data behind sourced criteria
/// complete (before anything is finalised), then publishes the period with the decision that
/// announces it, and may attach the signed decision; anyone may read it once published.
enum PublicationController {
    struct PublishForm: Content {
        var number: String?
        var signedOn: String?
        var issuer: String?
        var signer: String?
        var signerAuthority: String?
        var signerPosition: String?
    }

    /// The form as typed, with what is wrong with it, shown again on the period's page.
    struct PublishDraft: Sendable {
        var form: PublishForm
        var errors: [String]
    }

    struct DeclareForm: Content {
        var dataSet: String?
        var checkedOn: String?
    }

    // MARK: Publishing

    /// Publishes the period with its announcing decision: every assessment must be final; the
    /// decision's number, date (not after today), issuing body, signer and position are required.
    static func publish(_ request: Request) async throws -> Response {
        try request.verifyCSRF()
        let user = try request.authorize(.publishPeriod)
        let period = try await PeriodController.find(request)
        let periodID = try period.requireID()
        let say = request.language.phrases(PeriodText.self)
        let assessments = try await AssessmentModel.query(on: request.db).filter(\.$period.$id == periodID).with(\.$agency).all()
        let pending = assessments.filter { !(AssessmentState(rawValue: $0.state)?.hasFinalResult ?? false) }
        guard period.status == .open, !assessments.isEmpty, pending.isEmpty else {
            throw Abort(.conflict, reason: pending.isEmpty
                ? say(.notOpen)
                : say(.notFinalised, "\(pending.count)", pending.map(\.agency.code).sorted().joined(separator: ", ")))
        }
        let form = try request.content.decode(PublishForm.self)
        let (decision, problems) = validate(form, language: request.language)
        guard let decision, problems.isEmpty else {
            if request.isAPI { throw APIError(status: .unprocessableEntity, code: "invalid_decision", reason: problems.joined(separator: " ")) }
            return try await PeriodController.page(request, period: period, user: user, publishDraft: PublishDraft(form: form, errors: problems),
                                                   problems: problems.map { Problem(message: $0, target: "publish-errors") },
                                                   status: .unprocessableEntity)
        }
        let origin = request.auditOrigin
        let row = PeriodDecisionModel(periodID: periodID, number: decision.number, signedOn: decision.signedOn.iso, issuer: decision.issuer,
                                      signer: decision.signer, signerAuthority: decision.signerAuthority, signerPosition: decision.signerPosition,
                                      recordedBy: user.id)
        try await request.write { db in
            try await AssessmentTransitions.publishAll(of: period, on: db)
            try await PeriodModel.query(on: db).filter(\.$id == periodID).set(\.$status, to: .published).update()
            try await row.create(on: db)
            try await Audit.record(on: db, origin, action: "period.publish", targetType: "period", target: period.name,
                                   before: ["status": "open"],
                                   after: ["status": "published", "assessments": String(assessments.count),
                                           "decision": decision.citation(.vietnamese), "signer": decision.signer])
        }
        return request.redirect(to: SiteURL.period(.value(periodID), .show).path, notice: say(.publishedNotice, period.name))
    }

    static func validate(_ form: PublishForm, language: Lang) -> (PeriodDecision?, [String]) {
        let say = language.phrases(PublicationText.self)
        func trimmed(_ text: String?) -> String { (text ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        var problems: [String] = []
        let number = trimmed(form.number), issuer = trimmed(form.issuer), signer = trimmed(form.signer)
        let authority = trimmed(form.signerAuthority), position = trimmed(form.signerPosition)
        if number.isEmpty { problems.append(say(.numberRequired)) }
        let signedOn = CivilDate.parse(trimmed(form.signedOn))
        if signedOn == nil { problems.append(say(.dateInvalid)) }
        if let signedOn, signedOn > SourceData.today { problems.append(say(.dateInFuture)) }
        if issuer.isEmpty { problems.append(say(.issuerRequired)) }
        if signer.isEmpty { problems.append(say(.signerRequired)) }
        if position.isEmpty { problems.append(say(.positionRequired)) }
        guard problems.isEmpty, let signedOn else { return (nil, problems) }
        return (PeriodDecision(number: number, signedOn: signedOn, issuer: issuer, signer: signer, signerAuthority: authority,
                               signerPosition: position), [])
    }

    /// Attaches the signed decision (a PDF, recognised by its content) to a published period. The
    /// form's CSRF token comes first in its body: it is checked before anything else is decided.
    static func attachDecision(_ request: Request) async throws -> Response {
        let user = try request.authorize(.publishPeriod)
        let period = try await PeriodController.find(request)
        let periodID = try period.requireID()
        let say = request.language.phrases(PublicationText.self)
        let stored: EvidenceUpload.Stored
        do {
            stored = try await EvidenceUpload.receive(request, expectedCSRF: request.bearerAuthenticated ? nil : user.csrfToken)
        } catch {
            throw APIError(status: error.status, code: error.code, reason: error.message(request.language))
        }
        guard stored.contentType == "application/pdf" else {
            try await EvidenceStore.discardIfUnreferenced(stored.fileID, on: request.db)
            throw APIError(status: .unsupportedMediaType, code: "file_type_not_allowed", reason: say(.onlyPDF))
        }
        guard period.status == .published, let row = try await PeriodDecisionModel.query(on: request.db).filter(\.$period.$id == periodID).first()
        else {
            try await EvidenceStore.discardIfUnreferenced(stored.fileID, on: request.db)
            throw Abort(.conflict, reason: say(.notPublishedYet))
        }
        let origin = request.auditOrigin
        let before = row.fileName.map { ["file": $0] }
        row.$file.id = stored.fileID
        row.fileName = stored.fileName
        try await request.write { db in
            try await row.save(on: db)
            try await Audit.record(on: db, origin, action: "period.decision_file", targetType: "period", target: period.name,
                                   before: before, after: ["file": stored.fileName, "size": String(stored.size)])
        }
        return request.redirect(to: SiteURL.period(.value(periodID), .show).path + "#decision", notice: say(.fileAttached))
    }

    /// The signed decision of a published period: public, like its results.
    static func decisionFile(_ request: Request) async throws -> Response {
        guard let id = request.parameters.get("periodID", as: UUID.self), let period = try await PeriodModel.find(id, on: request.db),
              period.status == .published,
              let row = try await PeriodDecisionModel.query(on: request.db).filter(\.$period.$id == id).with(\.$file).first(),
              let file = row.file else { throw Abort(.notFound) }
        let bytes = try await EvidenceStore.content(of: try file.requireID(), on: request.db)
        return EvidenceController.fileResponse(bytes, type: file.contentType, name: row.fileName ?? "quyet-dinh.pdf")
    }

    // MARK: Declaring the data complete

    /// Declares one data set complete for the period, checked on a day (not after today); declaring
    /// again moves the day. Only data sets the period's indexes read.
    static func declareSource(_ request: Request) async throws -> Response {
        try request.verifyCSRF()
        let user = try request.authorize(.declareSourceData)
        let period = try await PeriodController.find(request)
        let periodID = try period.requireID()
        let say = request.language.phrases(PublicationText.self)
        let form = try request.content.decode(DeclareForm.self)
        guard let set = form.dataSet.flatMap(SourceDataSet.init(rawValue:)) else {
            throw APIError(status: .unprocessableEntity, code: "unknown_data_set", reason: say(.notUsed))
        }
        guard period.status != .published else {
            throw Abort(.conflict, reason: request.language.phrases(PeriodText.self)(.notOpen))
        }
        guard try await dataSets(of: period, on: request).contains(set) else {
            throw APIError(status: .unprocessableEntity, code: "data_set_not_used", reason: say(.notUsed))
        }
        guard let checkedOn = CivilDate.parse((form.checkedOn ?? "").trimmingCharacters(in: .whitespaces)) else {
            throw APIError(status: .unprocessableEntity, code: "invalid_date", reason: say(.checkedOnInvalid))
        }
        guard checkedOn <= SourceData.today else {
            throw APIError(status: .unprocessableEntity, code: "invalid_date", reason: say(.checkedOnFuture))
        }
        let origin = request.auditOrigin
        try await request.write { db in
            let existing = try await SourceDeclarationModel.query(on: db).filter(\.$period.$id == periodID).filter(\.$dataSet == set.rawValue).first()
            let row = existing ?? SourceDeclarationModel(periodID: periodID, dataSet: set, checkedOn: checkedOn, declaredBy: user.id)
            row.checkedOn = checkedOn.iso
            row.$declaredBy.id = user.id
            row.declaredAt = Date()
            try await row.save(on: db)
            try await Audit.record(on: db, origin, action: "period.declare_source", targetType: "period", target: "\(period.name) / \(set.rawValue)",
                                   before: existing.map { ["checked_on": $0.checkedOn] }, after: ["checked_on": checkedOn.iso])
        }
        return request.redirect(to: SiteURL.period(.value(periodID), .show).path + "#data",
                                notice: say(.declaredNotice, set.name(request.language)))
    }

    /// Withdraws a declaration, while no result of the period that reads the data set is final.
    static func withdrawSource(_ request: Request) async throws -> Response {
        try request.verifyCSRF()
        try request.authorize(.declareSourceData)
        let period = try await PeriodController.find(request)
        let periodID = try period.requireID()
        let say = request.language.phrases(PublicationText.self)
        guard let set = request.parameters.get("dataSet").flatMap(SourceDataSet.init(rawValue:)),
              let row = try await SourceDeclarationModel.query(on: request.db).filter(\.$period.$id == periodID)
                .filter(\.$dataSet == set.rawValue).first() else { throw Abort(.notFound) }
        let final = try await AssessmentModel.query(on: request.db).filter(\.$period.$id == periodID)
            .filter(\.$state ~~ [AssessmentState.finalised.rawValue, AssessmentState.published.rawValue]).unique().all(\.$indexVersion.$id)
        for versionID in final where try await request.application.indexCache.index(versionID: versionID, on: request.db).dataSets.contains(set) {
            throw Abort(.conflict, reason: say(.withdrawAfterFinal))
        }
        let origin = request.auditOrigin
        try await request.write { db in
            try await SourceDeclarationModel.query(on: db).filter(\.$id == row.requireID()).delete()
            try await Audit.record(on: db, origin, action: "period.withdraw_source", targetType: "period", target: "\(period.name) / \(set.rawValue)",
                                   before: ["checked_on": row.checkedOn])
        }
        return request.redirect(to: SiteURL.period(.value(periodID), .show).path + "#data",
                                notice: say(.withdrawnNotice, set.name(request.language)))
    }

    /// The data sets the indexes assigned to the period's groups read.
    static func dataSets(of period: PeriodModel, on request: Request) async throws -> [SourceDataSet] {
        let assignments = try await PeriodIndexModel.query(on: request.db).filter(\.$period.$id == period.requireID()).with(\.$indexVersion).all()
        var sets = Set<SourceDataSet>()
        for assignment in assignments {
            sets.formUnion(try await request.application.indexCache.index(for: assignment.indexVersion).dataSets)
        }
        return sets.sorted()
    }
}
