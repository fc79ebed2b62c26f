import ChiSoCore
import Fluent
import Foundation
import Vapor

/// Writing an index in the browser: a draft cloned from a version or made from a file, edited row by
/// row (the core's validation after every change, problems beside their rows), downloaded as the annex
/// workbook, tried on a published period (the dry run), and published as a new version when it validates.
enum IndexDraftController {
    struct CreateForm: Content {
        var from: UUID?
        var file: File?
    }

    /// A draft from a version (its rows remember their codes there) or from an uploaded file.
    static func create(_ request: Request) async throws -> Response {
        try request.verifyCSRF()
        let user = try request.authorize(.manageIndexes)
        let form = try request.content.decode(CreateForm.self)
        let say = request.language.phrases(IndexAuthoringText.self)
        var table: IndexTable
        var base: UUID?
        if let from = form.from {
            guard let version = try await IndexVersionModel.find(from, on: request.db) else { throw Abort(.notFound) }
            table = IndexDrafts.nextYear(IndexTable(try await request.application.indexCache.index(for: version)).cloned())
            base = from
        } else if let file = form.file, file.data.readableBytes > 0 {
            switch tableOf(file, language: request.language) {
            case let .success(read): table = read
            case let .failure(problems):
                let model = try await IndexController.listModel(request, canManage: true, problems: problems.lines, fileName: file.filename)
                return request.page(status: .unprocessableEntity) { IndexPages.list($0, model: model) }
            }
        } else {
            let model = try await IndexController.listModel(request, canManage: true, problems: [say(.draftSourceMissing)])
            return request.page(status: .unprocessableEntity) { IndexPages.list($0, model: model) }
        }
        if table.settings.title.isEmpty { table.settings.title = say(.untitledDraft) }
        let draft = try IndexDraftModel(table: table, baseVersionID: base, createdBy: user.id)
        let origin = request.auditOrigin
        let (from, rows) = (base?.uuidString ?? "file", String(table.criteria.count))
        try await request.write { db in
            try await draft.create(on: db)
            try await Audit.record(on: db, origin, action: "index-draft.create", targetType: "index-draft", target: "\(draft.title) (\(draft.id!))",
                                   after: ["from": from, "rows": rows])
        }
        return request.redirect(to: SiteURL.indexDraft(.value(draft.id!), .show).path, notice: say(.draftCreated))
    }

    /// A file as a table: a workbook is taken with its cells as they are (the editor shows what is wrong
    /// with them); a YAML file must read as an index.
    struct FileProblems: Error {
        var lines: [String]
    }

    static func tableOf(_ file: File, language: Lang) -> Result<IndexTable, FileProblems> {
        let bytes = Array(file.data.readableBytesView)
        let name = file.filename.isEmpty ? "index" : file.filename
        switch IndexFile.Format(fileName: name, content: bytes) {
        case .xlsx:
            do {
                return .success(try IndexWorkbook.read(bytes).table)
            } catch {
                return .failure(FileProblems(lines: IndexFile.Problems.table(error.problems).formatted(file: name, language: language)))
            }
        case .yaml:
            do {
                return .success(try IndexFile.read(bytes, format: .yaml).table)
            } catch {
                return .failure(FileProblems(lines: error.formatted(file: name, language: language)))
            }
        }
    }

    struct EditQuery: Content {
        /// `criteria:5`: the row shown as a form.
        var edit: String?
    }

    static func show(_ request: Request) async throws -> Response {
        try request.authorize(.manageIndexes)
        let draft = try await IndexDrafts.find(request)
        let editing = try request.query.decode(EditQuery.self).edit.flatMap(Self.row)
        return try await editor(request, draft: draft, table: draft.table, editing: editing, typed: nil, problems: [])
    }

    /// `criteria:5` → (.criteria, 5).
    static func row(_ text: String) -> (IndexTable.Sheet, Int)? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let sheet = IndexTable.Sheet(rawValue: String(parts[0])), let position = Int(parts[1]), position >= 0
        else { return nil }
        return (sheet, position)
    }

    static func editor(_ request: Request, draft: IndexDraftModel, table: IndexTable, editing: (IndexTable.Sheet, Int)?,
                       typed: [String: String]?, problems: [Problem], status: HTTPStatus = .ok) async throws -> Response {
        let periods = try await PeriodModel.query(on: request.db).filter(\.$status == .published).sort(\.$year, .descending).all()
        let model = IndexDraftPages.Model(draft: draft, table: table, validation: table.validate(), editing: editing, typed: typed,
                                          periods: periods)
        return request.page(status: status, problems: problems) { IndexDraftPages.editor($0, model: model) }
    }

    /// One change: a row's cells saved, or a row added, removed, moved, indented or outdented.
    static func edit(_ request: Request) async throws -> Response {
        try request.verifyCSRF()
        try request.authorize(.manageIndexes)
        let draft = try await IndexDrafts.find(request)
        let say = request.language.phrases(IndexAuthoringText.self)
        guard draft.$publishedVersion.id == nil else { throw Abort(.conflict, reason: say(.draftPublishedAlready)) }
        let fields = try request.content.decode([String: String].self)
        guard let revision = fields["revision"].flatMap(Int.init), let sheet = fields["sheet"].flatMap(IndexTable.Sheet.init(rawValue:)),
              let position = fields["position"].flatMap(Int.init), let action = fields["action"] else {
            throw Abort(.badRequest, reason: "revision, sheet, position and action are required")
        }
        // Someone saved first (seen before the change, or by the conditional save): their draft is shown,
        // with what this person typed still in the form.
        func stale(_ draft: IndexDraftModel) async throws -> Response {
            let problem = Problem(message: say(.draftStale, String(draft.revision)), target: "edit-form")
            return try await editor(request, draft: draft, table: try draft.table, editing: action == "save" ? (sheet, position) : nil,
                                    typed: fields, problems: [problem], status: .conflict)
        }
        guard revision == draft.revision else { return try await stale(draft) }
        let current = try draft.table
        var changed: IndexTable
        let detail: String
        if action == "save" {
            guard let updated = Self.saving(fields, sheet: sheet, at: position, in: current) else { throw Abort(.notFound) }
            changed = updated
            detail = "\(sheet.rawValue) \(position + 1): " + sheet.columns.map { fields[$0.field] ?? "" }.filter { !$0.isEmpty }.joined(separator: " | ")
        } else {
            guard let edit = IndexTable.EditAction(rawValue: action) else { throw Abort(.badRequest, reason: "unknown action") }
            do {
                changed = try current.applying(edit, sheet: sheet, at: position)
            } catch {
                let problem = Problem(message: error.message(request.language), target: "row-\(sheet.rawValue)-\(position)")
                return try await editor(request, draft: draft, table: current, editing: nil, typed: nil, problems: [problem],
                                        status: .unprocessableEntity)
            }
            detail = "\(action) \(sheet.rawValue) \(position + 1)"
        }
        guard try await IndexDrafts.save(draft, table: changed, expecting: revision, action: "index-draft.edit", detail: detail, on: request) else {
            return try await stale(try await IndexDrafts.find(request))
        }
        // Back to the row: after an insert, the new row opens as a form.
        let target: (IndexTable.Sheet, Int)
        switch action {
        case "insert": target = (sheet, sheet == .criteria ? insertedPosition(current, at: position) : min(position + 1, changed.rows(sheet) - 1))
        default: target = (sheet, min(position, max(changed.rows(sheet) - 1, 0)))
        }
        let open = action == "insert" ? "?edit=\(target.0.rawValue):\(target.1)" : ""
        return request.redirect(to: SiteURL.indexDraft(.value(draft.id!), .show).path + (open.isEmpty ? "#row-\(target.0.rawValue)-\(target.1)" : open),
                                notice: say(.draftSaved))
    }

    /// Where `insert` put the new criterion: after the subtree of the row at `position`, or at the end.
    static func insertedPosition(_ table: IndexTable, at position: Int) -> Int {
        guard table.criteria.indices.contains(position) else { return table.criteria.count }
        return table.subtreeEnd(position)
    }

    /// The table with one row's cells as the form gives them (the level stays); `nil` for a row that is not there.
    static func saving(_ fields: [String: String], sheet: IndexTable.Sheet, at position: Int, in table: IndexTable) -> IndexTable? {
        var table = table
        func value(_ field: String) -> String { (fields[field] ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        switch sheet {
        case .settings:
            table.settings = IndexTable.Settings(id: value("id"), title: value("title"), scale: value("scale"), naPolicy: value("naPolicy"),
                                                 bonusCap: value("bonusCap"), deductionCap: value("deductionCap"))
        case .criteria:
            guard table.criteria.indices.contains(position) else { return nil }
            table.criteria[position] = IndexTable.CriterionRow(
                level: table.criteria[position].level, code: value("code"), title: value("title"), max: value("max"),
                rule: value("rule"), parameters: parameters(from: fields), evidence: value("evidence"),
                notApplicableFor: value("notApplicableFor"), allowNA: value("allowNA"), appraiser: value("appraiser"),
                source: value("source"), guidance: value("guidance"), origin: value("origin"))
        case .classes:
            guard table.classes.indices.contains(position) else { return nil }
            table.classes[position] = IndexTable.ClassRow(code: value("code"), title: value("title"), min: value("min"),
                                                          leaderRating: value("leaderRating"), requires: value("requires"))
        case .bonus, .deductions:
            let row = IndexTable.AdjustmentRow(code: value("code"), title: value("title"), rule: value("rule"),
                                               parameters: parameters(from: fields, adjustment: true), source: value("source"),
                                               guidance: value("guidance"))
            if sheet == .bonus {
                guard table.bonus.indices.contains(position) else { return nil }
                table.bonus[position] = row
            } else {
                guard table.deductions.indices.contains(position) else { return nil }
                table.deductions[position] = row
            }
        }
        return table
    }

    /// A leaf's parameters as the form sent them: composed from the rule's own fields (`parameterForm`
    /// names the rule they were shown for; a rule changed since starts empty), else the text as typed.
    static func parameters(from fields: [String: String], adjustment: Bool = false) -> String {
        guard let shown = fields["parameterForm"] else { return (fields["parameters"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        let names = adjustment ? IndexNotation.adjustmentRuleNames : IndexNotation.ruleNames
        guard IndexNotation.type(fields["rule"] ?? "", in: names) == shown else { return "" }
        var form = RuleForm(type: shown, adjustment: adjustment)
        for name in RuleForm.fields(of: shown, adjustment: adjustment) { form.values[name] = fields["param-\(name)"] ?? "" }
        var number = 0
        while let first = fields["row-\(number)-0"], let second = fields["row-\(number)-1"], number < 200 {
            form.rows.append([first, second])
            number += 1
        }
        return form.parameters
    }

    struct RevisionForm: Content {
        var revision: Int?
    }

    /// Publishes the draft as a new version, only when it validates and only from the revision shown.
    static func publish(_ request: Request) async throws -> Response {
        try request.verifyCSRF()
        let user = try request.authorize(.manageIndexes)
        let draft = try await IndexDrafts.find(request)
        let say = request.language.phrases(IndexAuthoringText.self)
        guard draft.$publishedVersion.id == nil else { throw Abort(.conflict, reason: say(.draftPublishedAlready)) }
        let revision = try request.content.decode(RevisionForm.self).revision
        let table = try draft.table
        guard revision == draft.revision else {
            return try await editor(request, draft: draft, table: table, editing: nil, typed: nil,
                                    problems: [Problem(message: say(.draftStale, String(draft.revision)), target: "publish")], status: .conflict)
        }
        let validation = table.validate()
        guard let index = validation.index else {
            return try await editor(request, draft: draft, table: table, editing: nil, typed: nil,
                                    problems: [Problem(message: say(.draftInvalid, String(validation.problems.count)), target: "problems")],
                                    status: .unprocessableEntity)
        }
        var mapping: (from: UUID, CriterionMapping)?
        if let base = draft.baseVersion {
            mapping = (try base.requireID(), CriterionMapping.origins(of: table, from: try await request.application.indexCache.index(for: base)))
        }
        let read = IndexFile.Read(index: index, yaml: IndexFile.yaml(table), table: table)
        let draftID = try draft.requireID()
        let version = try await IndexVersions.store(read, bytes: Array(read.yaml.utf8), by: user.id, action: "index.publish", mapping: mapping,
                                                    on: request) { db, version in
            try await IndexDraftModel.query(on: db).filter(\.$id == draftID).set(\.$publishedVersion.$id, to: version.id).update()
        }
        return request.redirect(to: SiteURL.index(.value(version.id!), .show).path, notice: say(.draftPublished, version.code, String(version.version)))
    }

    static func delete(_ request: Request) async throws -> Response {
        try request.verifyCSRF()
        try request.authorize(.manageIndexes)
        let draft = try await IndexDrafts.find(request)
        let say = request.language.phrases(IndexAuthoringText.self)
        let origin = request.auditOrigin
        try await request.write { db in
            try await draft.delete(on: db)
            try await Audit.record(on: db, origin, action: "index-draft.delete", targetType: "index-draft", target: "\(draft.title) (\(draft.id!))",
                                   before: ["revision": String(draft.revision)])
        }
        return request.redirect(to: SiteURL.indexes.path, notice: say(.draftDeleted))
    }

    /// The draft as the annex workbook, cells as typed (a draft that does not validate yet downloads too).
    static func workbook(_ request: Request) async throws -> Response {
        try request.authorize(.manageIndexes)
        let draft = try await IndexDrafts.find(request)
        let table = try draft.table
        let code = String(String.UnicodeScalarView(table.settings.id.lowercased().unicodeScalars.filter {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
        }))
        let name = (code.isEmpty ? "chi-so" : code) + "-du-thao-\(draft.revision).xlsx"
        return ResultExportController.download(try IndexWorkbook.bytes(table), type: ResultExportController.xlsxType, name: name)
    }
}

extension IndexTable {
    /// How many rows a sheet has (the settings count as one).
    func rows(_ sheet: Sheet) -> Int {
        switch sheet {
        case .settings: 1
        case .criteria: criteria.count
        case .classes: classes.count
        case .bonus: bonus.count
        case .deductions: deductions.count
        }
    }
}
