import Fluent
import Foundation
import Vapor

/// A leaf save that arrived after its session had run out: what was typed is kept for that user
/// (never anyone else), offered back on the assessment's page after they log in again, and
/// dropped once that leaf is saved (or after a week).
enum KeptEntries {
    static let lifetime: TimeInterval = 7 * 24 * 3600

    /// The assessment and the leaf a timed-out save was for, when the request is a leaf save
    /// (its route is ``SiteURL``'s `.assessment(.key, .entry(.key))`).
    static func leafSave(_ request: Request) -> (assessmentID: UUID, code: String)? {
        guard request.route?.path.map(\.description) == SiteURL.assessment(.key, .entry(.key)).pathComponents,
              let id = request.parameters.get("assessmentID", as: UUID.self), let code = request.parameters.get("code") else { return nil }
        return (id, code)
    }

    /// Keeps the posted form's value, note and "not applicable" for the user (replacing what was kept for that leaf).
    static func keep(_ form: AssessmentController.EntryForm, userID: UUID, assessmentID: UUID, code: String, on request: Request) async throws {
        let value = String((form.value ?? "").prefix(Limits.name)), note = String((form.note ?? "").prefix(Limits.note))
        guard !value.isEmpty || !note.isEmpty || form.na != nil else { return }
        try await request.write { db in
            try await KeptEntryModel.query(on: db).filter(\.$keptAt < Date().addingTimeInterval(-lifetime)).delete()
            try await KeptEntryModel.query(on: db).filter(\.$user.$id == userID).filter(\.$assessment.$id == assessmentID)
                .filter(\.$criterionCode == code).delete()
            let kept = KeptEntryModel()
            kept.$user.id = userID
            kept.$assessment.id = assessmentID
            kept.criterionCode = code
            kept.value = value
            kept.note = note
            kept.notApplicable = form.na != nil
            kept.keptAt = Date()
            try await kept.create(on: db)
        }
    }

    /// What the user typed before their session ran out, by leaf, as drafts of the page's forms.
    static func drafts(userID: UUID, assessmentID: UUID, on db: any Database) async throws -> [String: AssessmentPage.Draft] {
        let kept = try await KeptEntryModel.query(on: db).filter(\.$user.$id == userID).filter(\.$assessment.$id == assessmentID)
            .filter(\.$keptAt >= Date().addingTimeInterval(-lifetime)).all()
        return Dictionary(kept.map { ($0.criterionCode, AssessmentPage.Draft(value: $0.value, note: $0.note, notApplicable: $0.notApplicable,
                                                                             error: nil, conflict: nil, kept: true)) }) { first, _ in first }
    }

    /// Drops what was kept for a leaf the user has now saved.
    static func discard(userID: UUID, assessmentID: UUID, code: String, on request: Request) async throws {
        try await request.write { db in
            try await KeptEntryModel.query(on: db).filter(\.$user.$id == userID).filter(\.$assessment.$id == assessmentID)
                .filter(\.$criterionCode == code).delete()
        }
    }
}
