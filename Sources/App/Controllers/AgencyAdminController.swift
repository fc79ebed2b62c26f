import ChiSoCore
import Fluent
import Foundation
import Vapor

/// Admin pages for agencies: list, add, edit, import from the spec's CSV.
enum AgencyAdminController {
    struct AgencyForm: Content {
        var code: String?
        var name: String?
        var group: String?
        var tags: String?
    }

    struct ListQuery: Content {
        /// dd/mm/yyyy or YYYY-MM-DD; default today.
        var asOf: String?
    }

    /// The agencies active on a day (today by default), as they were named then, and those ended before it.
    static func list(_ request: Request) async throws -> Response {
        try request.authorize(.manageAgencies)
        let query = try request.query.decode(ListQuery.self)
        let asOf = query.asOf.flatMap(CivilDate.parse) ?? SourceData.today
        let history = try await AgencyHistory.load(on: request.db)
        return request.page { AgencyPages.list($0, history: history, asOf: asOf, importProblems: [],
                                               limit: request.application.settings.importLimitNote(request.language)) }
    }

    static func newForm(_ request: Request) async throws -> Response {
        try request.authorize(.manageAgencies)
        return request.page { AgencyPages.editor($0, id: nil, values: AgencyForm(), errors: [:]) }
    }

    static func editForm(_ request: Request) async throws -> Response {
        try request.authorize(.manageAgencies)
        let agency = try await find(request)
        let history = try await AgencyHistory.load(on: request.db)
        return request.page {
            AgencyPages.editor($0, id: agency.id, values: AgencyForm(code: agency.code, name: agency.name, group: agency.group,
                                                                  tags: agency.tagList.joined(separator: "; ")), errors: [:],
                               agency: agency, history: history)
        }
    }

    static func create(_ request: Request) async throws -> Response {
        try request.verifyCSRF()
        try request.authorize(.manageAgencies)
        let form = try request.content.decode(AgencyForm.self)
        let errors = try await validate(form, existing: nil, on: request)
        guard errors.isEmpty else {
            return request.page(status: .unprocessableEntity) { AgencyPages.editor($0, id: nil, values: form, errors: errors) }
        }
        let agency = AgencyModel(code: clean(form.code), name: clean(form.name), group: clean(form.group), tags: tags(form.tags))
        let origin = request.auditOrigin
        try await request.write { db in
            try await agency.create(on: db)
            try await Audit.record(on: db, origin, action: "agency.create", targetType: "agency", target: agency.code,
                                   after: fields(agency))
        }
        return request.redirect(to: SiteURL.admin(.agencies).path, notice: T.created.rawValue)
    }

    static func update(_ request: Request) async throws -> Response {
        try request.verifyCSRF()
        try request.authorize(.manageAgencies)
        let agency = try await find(request)
        if let ended = agency.ended, agency.isRetired(on: SourceData.today) {
            throw Abort(.conflict, reason: request.language.phrases(AgencyChangeText.self)(.retiredReadOnly, ended.vietnamese))
        }
        let form = try request.content.decode(AgencyForm.self)
        // Correcting a name here rewrites it; a rename with its date (the old name kept) is an organisation change.
        let errors = try await validate(form, existing: agency.id, on: request)
        guard errors.isEmpty else {
            let history = try await AgencyHistory.load(on: request.db)
            return request.page(status: .unprocessableEntity) {
                AgencyPages.editor($0, id: agency.id, values: form, errors: errors, agency: agency, history: history)
            }
        }
        let before = fields(agency)
        agency.code = clean(form.code)
        agency.name = clean(form.name)
        agency.group = clean(form.group)
        agency.tags = tags(form.tags).joined(separator: ";")
        let change = Audit.difference(before, fields(agency))
        let origin = request.auditOrigin
        try await request.write { [agency] db in
            try await agency.update(on: db)
            if !change.after.isEmpty {
                try await Audit.record(on: db, origin, action: "agency.update", targetType: "agency", target: agency.code,
                                       before: change.before, after: change.after)
            }
        }
        return request.redirect(to: SiteURL.admin(.agencies).path, notice: T.updated.rawValue)
    }

    struct ImportForm: Content {
        var file: File?
    }

    /// The agency CSV of spec §2: every bad row reported with its line, and
    /// nothing changed unless the whole file is good.
    static func importCSV(_ request: Request) async throws -> Response {
        try request.verifyCSRF()
        try request.authorize(.manageAgencies)
        let t = Catalogue(language: request.language)
        let form = try request.content.decode(ImportForm.self)
        let bytes = form.file.map { Array($0.data.readableBytesView) } ?? []
        let limit = request.application.settings.importLimitNote(request.language)
        let listed: [Agency]
        do throws(LineProblems) {
            listed = try AgencyListReader.read(bytes)
            if let problem = request.application.settings.importProblem(rows: listed.count, request.language) {
                throw LineProblems([LineProblem(line: 1, english: problem, vietnamese: problem)])
            }
        } catch {
            let name = FileNames.clean(form.file?.filename ?? "", fallback: "agencies.csv")
            let problems = error.problems.map { $0.formatted(file: name, language: request.language) }
            let history = try await AgencyHistory.load(on: request.db)
            return request.page(status: .unprocessableEntity) {
                AgencyPages.list($0, history: history, asOf: SourceData.today, importProblems: problems, limit: limit)
            }
        }
        let origin = request.auditOrigin
        let (created, updated) = try await request.write { db in
            var created = 0, updated = 0
            let existing = try await AgencyModel.query(on: db).all()
            let byCode = Dictionary(existing.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
            for agency in listed {
                if let model = byCode[agency.code] {
                    let before = fields(model)
                    model.name = agency.name
                    model.group = agency.group
                    model.tags = agency.tags.joined(separator: ";")
                    let change = Audit.difference(before, fields(model))
                    guard !change.after.isEmpty else { continue }
                    try await model.update(on: db)
                    try await Audit.record(on: db, origin, action: "agency.update", targetType: "agency", target: agency.code,
                                           before: change.before, after: change.after)
                    updated += 1
                } else {
                    let model = AgencyModel(code: agency.code, name: agency.name, group: agency.group, tags: agency.tags)
                    try await model.create(on: db)
                    try await Audit.record(on: db, origin, action: "agency.create", targetType: "agency", target: agency.code,
                                           after: fields(model))
                    created += 1
                }
            }
            return (created, updated)
        }
        return request.redirect(to: SiteURL.admin(.agencies).path,
                                notice: t.format(.importedAgencies, String(listed.count), String(created), String(updated)))
    }

    // MARK: Helpers

    static func find(_ request: Request) async throws -> AgencyModel {
        guard let id = request.parameters.get("agencyID", as: UUID.self),
              let agency = try await AgencyModel.find(id, on: request.db) else { throw Abort(.notFound) }
        return agency
    }

    static func clean(_ text: String?) -> String { (text ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }

    static func tags(_ text: String?) -> [String] {
        (text ?? "").split(whereSeparator: { $0 == ";" || $0 == "," }).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    static func fields(_ agency: AgencyModel) -> [String: String] {
        ["code": agency.code, "name": agency.name, "group": agency.group, "tags": agency.tags]
    }

    /// Field name → message.
    static func validate(_ form: AgencyForm, existing: UUID?, on request: Request) async throws -> [String: String] {
        let t = Catalogue(language: request.language)
        let say = request.language.phrases(AdminText.self)
        var errors: [String: String] = [:]
        let code = clean(form.code)
        if code.isEmpty {
            errors["code"] = t(.required)
        } else if !code.unicodeScalars.allSatisfy({ CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_" || $0 == "." }) {
            errors["code"] = t(.invalid)
        } else if let other = try await AgencyModel.query(on: request.db).filter(\.$code == code).first(), other.id != existing {
            errors["code"] = say(.agencyCodeTaken, code, other.name)
        }
        if clean(form.name).isEmpty { errors["name"] = t(.required) }
        if clean(form.group).isEmpty { errors["group"] = t(.required) }
        // Names and tags end up in CSV exports that people open in a spreadsheet.
        for (field, text) in [("code", clean(form.code)), ("name", clean(form.name)), ("group", clean(form.group))]
            + tags(form.tags).map({ ("tags", $0) }) where errors[field] == nil && SpreadsheetFormula.looksLikeFormula(text) {
            errors[field] = t.format(.looksLikeFormula, SpreadsheetFormula.describeStart(text))
        }
        for (field, text) in [("code", clean(form.code)), ("name", clean(form.name)), ("group", clean(form.group)),
                              ("tags", form.tags ?? "")] where errors[field] == nil && text.count > Limits.name {
            errors[field] = t.format(.tooLong, String(Limits.name))
        }
        return errors
    }
}
