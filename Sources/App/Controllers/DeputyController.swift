import ChiSoCore
import Fluent
import Foundation
import Vapor

/// An agency's deputies and the fields assigned to them (for the rating
/// proposals): kept by the agency's head, or by the organiser or admin.
enum DeputyController {
    struct DeputyForm: Content {
        var name: String?
        var position: String?
        var fields: String?
    }

    static func findAgency(_ request: Request) async throws -> AgencyModel {
        guard let id = request.parameters.get("agencyID", as: UUID.self), let agency = try await AgencyModel.find(id, on: request.db)
        else { throw Abort(.notFound) }
        return agency
    }

    /// The top-level fields of the indexes the agency's group is assessed on, to choose from.
    static func fieldChoices(for agency: AgencyModel, on request: Request) async throws -> [(code: String, title: String)] {
        guard let assignment = try await PeriodIndexModel.query(on: request.db).filter(\.$group == agency.group).with(\.$indexVersion)
            .with(\.$period).all().max(by: { ($0.period.year, $0.period.number ?? 0) < ($1.period.year, $1.period.number ?? 0) })
        else { return [] }
        let index = try await request.application.indexCache.index(for: assignment.indexVersion)
        return index.nodes.filter { $0.depth == 0 }.map { ($0.code, $0.title) }
    }

    static func list(_ request: Request) async throws -> Response {
        let agency = try await findAgency(request)
        try request.authorize(.manageDeputies, .agency(agency.id!))
        return try await page(request, agency: agency, values: DeputyForm(), errors: [:], status: .ok)
    }

    static func page(_ request: Request, agency: AgencyModel, values: DeputyForm, errors: [String: String], status: HTTPStatus) async throws -> Response {
        let deputies = try await DeputyModel.query(on: request.db).filter(\.$agency.$id == agency.id!).sort(\.$name).all()
        let choices = try await fieldChoices(for: agency, on: request)
        return request.page(status: status) {
            DeputyPages.list($0, agency: agency, deputies: deputies, choices: choices, values: values, errors: errors)
        }
    }

    static func validate(_ form: DeputyForm, language: Lang) -> (String, String, [String], [String: String]) {
        let say = language.phrases(DeputyText.self)
        let name = (form.name ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let position = (form.position ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let fields = (form.fields ?? "").split(whereSeparator: { $0 == ";" || $0 == "," }).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        var errors: [String: String] = [:]
        if name.isEmpty { errors["name"] = say(.nameRequired) }
        if name.count > 200 { errors["name"] = say(.nameTooLong) }
        if fields.isEmpty { errors["fields"] = say(.fieldsRequired) }
        return (name, position, fields, errors)
    }

    static func create(_ request: Request) async throws -> Response {
        try request.verifyCSRF()
        let agency = try await findAgency(request)
        try request.authorize(.manageDeputies, .agency(agency.id!))
        let form = try request.content.decode(DeputyForm.self)
        let (name, position, fields, errors) = validate(form, language: request.language)
        guard errors.isEmpty else {
            if request.isAPI { throw APIError(status: .unprocessableEntity, code: "invalid_deputy", reason: errors.values.sorted().joined(separator: " ")) }
            return try await page(request, agency: agency, values: form, errors: errors, status: .unprocessableEntity)
        }
        let deputy = DeputyModel(agencyID: agency.id!, name: name, position: position, fields: fields)
        let origin = request.auditOrigin
        try await request.write { db in
            try await deputy.create(on: db)
            try await Audit.record(on: db, origin, action: "deputy.create", targetType: "agency", target: agency.code,
                                   after: ["name": name, "position": position, "fields": deputy.fields])
        }
        let say = request.language.phrases(DeputyText.self)
        return request.redirect(to: SiteURL.agency(.value(agency.id!), .deputies).path, notice: say(.addedNotice))
    }

    static func update(_ request: Request) async throws -> Response {
        try request.verifyCSRF()
        let agency = try await findAgency(request)
        try request.authorize(.manageDeputies, .agency(agency.id!))
        let deputy = try await findDeputy(request, agency: agency)
        let form = try request.content.decode(DeputyForm.self)
        let (name, position, fields, errors) = validate(form, language: request.language)
        guard errors.isEmpty else {
            return try await page(request, agency: agency, values: form, errors: errors, status: .unprocessableEntity)
        }
        let before = ["name": deputy.name, "position": deputy.position, "fields": deputy.fields]
        deputy.name = name
        deputy.position = position
        deputy.fields = fields.joined(separator: ";")
        let change = Audit.difference(before, ["name": deputy.name, "position": deputy.position, "fields": deputy.fields])
        let origin = request.auditOrigin
        try await request.write { [deputy] db in
            try await deputy.update(on: db)
            try await Audit.record(on: db, origin, action: "deputy.update", targetType: "agency", target: agency.code,
                                   before: change.before, after: change.after)
        }
        let say = request.language.phrases(DeputyText.self)
        return request.redirect(to: SiteURL.agency(.value(agency.id!), .deputies).path, notice: say(.savedNotice))
    }

    static func delete(_ request: Request) async throws -> Response {
        try request.verifyCSRF()
        let agency = try await findAgency(request)
        try request.authorize(.manageDeputies, .agency(agency.id!))
        let deputy = try await findDeputy(request, agency: agency)
        let origin = request.auditOrigin
        try await request.write { [deputy] db in
            try await deputy.delete(on: db)
            try await Audit.record(on: db, origin, action: "deputy.delete", targetType: "agency", target: agency.code,
                                   before: ["name": deputy.name, "position": deputy.position, "fields": deputy.fields])
        }
        let say = request.language.phrases(DeputyText.self)
        return request.redirect(to: SiteURL.agency(.value(agency.id!), .deputies).path, notice: say(.removedNotice))
    }

    static func findDeputy(_ request: Request, agency: AgencyModel) async throws -> DeputyModel {
        guard let id = request.parameters.get("deputyID", as: UUID.self),
              let deputy = try await DeputyModel.query(on: request.db).filter(\.$id == id).filter(\.$agency.$id == agency.id!).first()
        else { throw Abort(.notFound) }
        return deputy
    }
}
