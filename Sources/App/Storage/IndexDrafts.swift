import ChiSoCore
import Fluent
import Foundation
import SQLKit
import Vapor

/// Saving a draft index: only over the revision the editor showed, with its audit row, in one
/// transaction, so that two people editing one draft never overwrite each other silently.
enum IndexDrafts {
    /// Writes `table` as the draft's next revision if its revision is still `expected`; false when
    /// someone saved in between (nothing written then).
    static func save(_ draft: IndexDraftModel, table: IndexTable, expecting expected: Int, action: String, detail: String,
                     on request: Request) async throws -> Bool {
        let content = try IndexDraftModel.encode(table)
        let (id, title) = (try draft.requireID(), table.settings.title.isEmpty ? draft.title : table.settings.title)
        let origin = request.auditOrigin
        let now = Date()
        return try await request.write { db in
            let written = try await (db as! any SQLDatabase).raw("""
                UPDATE \(unsafeRaw: IndexDraftModel.schema) SET content = \(bind: content), title = \(bind: title), \
                revision = revision + 1, updated_by = \(bind: origin.userID), updated_at = \(bind: now) \
                WHERE id = \(bind: id) AND revision = \(bind: expected) AND published_version_id IS NULL RETURNING id
                """).all()
            guard !written.isEmpty else { return false }
            try await Audit.record(on: db, origin, action: action, targetType: "index-draft", target: "\(title) (\(id))",
                                   after: ["revision": String(expected + 1), "change": detail], at: now)
            return true
        }
    }

    static func find(_ request: Request) async throws -> IndexDraftModel {
        guard let id = request.parameters.get("draftID", as: UUID.self),
              let draft = try await IndexDraftModel.query(on: request.db).filter(\.$id == id).with(\.$baseVersion).first()
        else { throw Abort(.notFound) }
        return draft
    }

    /// The next year's code and title for a clone: `so-2026` → `so-2027`, "… năm 2026" → "… năm 2027".
    static func nextYear(_ table: IndexTable) -> IndexTable {
        var table = table
        func bump(_ text: String) -> String {
            var result = text
            // The last four-digit year in the text, one more.
            let characters = Array(text)
            var end = characters.count
            while end >= 4 {
                let slice = characters[(end - 4)..<end]
                if slice.allSatisfy(\.isASCII), slice.allSatisfy(\.isNumber), let year = Int(String(slice)), (1990...2200).contains(year),
                   end == characters.count || !characters[end].isNumber, end == 4 || !characters[end - 5].isNumber {
                    result = String(characters[..<(end - 4)]) + String(year + 1) + String(characters[end...])
                    break
                }
                end -= 1
            }
            return result
        }
        table.settings.id = bump(table.settings.id)
        table.settings.title = bump(table.settings.title)
        return table
    }
}
