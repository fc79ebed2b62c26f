import ChiSoCore
import Fluent
import Foundation
import Vapor

/// Deductions (điểm trừ) recorded against an assessment by the organiser or the council, each with
/// the document behind it and a reason. Before release they are recorded or changed freely; after
/// it, only one the agency explained is changed (re-examination), as for a leaf.
enum DeductionController {
    struct Form: Content {
        var value: String?
        var number: String?
        var issuedOn: String?
        var issuer: String?
        var reason: String?
    }

    static func record(_ request: Request) async throws -> Response {
        try request.verifyCSRF()
        let record = try await request.assessments.load(request.parameters.get("assessmentID", as: UUID.self))
        let code = request.parameters.get("code") ?? ""
        // A deduction the data do not give (those with a `source` are confirmed like a leaf).
        guard let item = record.index.itemsByCode()[code], case let .deduction(position) = item,
              record.index.deductions[position].source == nil else { throw Abort(.notFound) }
        let user = try request.authorize(.recordDeduction, record.target())
        let say = request.language.phrases(DeductionText.self)
        let reexamining = record.state == .released || record.state == .reexamining
        if reexamining, record.entry(code)?.explanation == nil {
            throw Abort(.conflict, reason: request.language.phrases(AppraisalText.self)(.onlyExplainedReexamined))
        }
        let form = try request.content.decode(Form.self)
        func trimmed(_ text: String?) -> String { (text ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        let draft = AppraisalPages.DeductionDraft(code: code, value: trimmed(form.value), number: trimmed(form.number),
                                                  issuedOn: trimmed(form.issuedOn), issuer: trimmed(form.issuer), reason: trimmed(form.reason))
        var problems: [String] = []
        if draft.value.isEmpty {
            problems.append(say(.valueRequired))
        } else if case let .failure(problem) = InputReading.read(draft.value, for: item, in: record.index) {
            problems.append(problem.message(request.language))
        }
        if draft.number.isEmpty { problems.append(say(.numberRequired)) }
        let issuedOn = CivilDate.parse(draft.issuedOn)
        if issuedOn == nil { problems.append(say(.dateInvalid)) }
        if draft.issuer.isEmpty { problems.append(say(.issuerRequired)) }
        if draft.reason.isEmpty { problems.append(say(.reasonRequired)) }
        if let issuedOn, issuedOn > SourceData.today { problems.append(say(.dateInFuture)) }
        guard problems.isEmpty else {
            if request.isAPI { throw APIError(status: .unprocessableEntity, code: "invalid_deduction", reason: problems.joined(separator: " ")) }
            var shown = draft
            shown.errors = problems
            let scope = try await AppraisalScope.load(for: record, on: request.db)
            let model = try await AppraisalController.model(record, scope: scope, user: user, request: request, deductionDraft: shown)
            return request.page(status: .unprocessableEntity) { AppraisalPages.assessment($0, model: model) }
        }

        let existing = record.entry(code)
        var entry = existing ?? CriterionEntry(assessmentID: record.id, criterionCode: code)
        entry.appraisedInput = draft.value
        entry.appraisalComment = draft.reason
        entry.appraisedAt = Date()
        entry.appraisedByID = user.id
        let previous = try await DeductionDocumentModel.query(on: request.db).filter(\.$assessment.$id == record.id)
            .filter(\.$criterionCode == code).first()
        let document = previous ?? DeductionDocumentModel(assessmentID: record.id, criterionCode: code, number: "", issuedOn: "", issuer: "",
                                                          recordedBy: nil, recordedAt: Date())
        let before = previous.map { ["value": existing?.appraisedInput ?? "", "reason": existing?.appraisalComment ?? "",
                                     "document": "\($0.number) · \($0.issuedOn) · \($0.issuer)"] }
        document.number = draft.number
        document.issuedOn = issuedOn!.iso
        document.issuer = draft.issuer
        document.$recordedBy.id = user.id
        document.recordedAt = Date()
        let audit = Audit.Event(origin: request.auditOrigin, action: "deduction.record", targetType: "assessment",
                                target: "\(record.agency.code) / \(record.period.name) / \(code)", before: before,
                                after: ["value": draft.value, "reason": draft.reason, "document": "\(draft.number) · \(issuedOn!.iso) · \(draft.issuer)"])
        try await AssessmentTransitions.apply(reexamining ? .reexamine : .appraise, to: record, on: request) { [entry] db in
            if existing == nil { _ = try await entry.inserted(on: db) } else { try await entry.updateAppraisal(on: db) }
            try await document.save(on: db)
            try await Audit.record(audit, on: db)
        }
        return request.redirect(to: SiteURL.assessment(.value(record.id), .appraisal).path + "#leaf-\(code)", notice: say(.recordedNotice, code))
    }
}
