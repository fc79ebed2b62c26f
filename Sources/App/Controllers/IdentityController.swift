import ChiSoCore
import Fluent
import Foundation
import Vapor

/// The installation's identity (province, issuing body, place used in dates), set by the
/// administrator and printed on every official document.
enum IdentityController {
    struct Form: Content {
        var province: String?
        var issuingBody: String?
        var place: String?
    }

    static func page(_ request: Request) async throws -> Response {
        try request.authorize(.manageIdentity)
        let identity = try await InstallationIdentity.load(on: request.db)
        let form = Form(province: identity.province, issuingBody: identity.issuingBody, place: identity.place)
        let groups = try await groupCodes(on: request)
        return request.page { IdentityPage.view($0, form: form, errors: [:], groups: groups, names: identity.groupNames) }
    }

    /// The groups the agency list uses, in order.
    static func groupCodes(on request: Request) async throws -> [String] {
        try await AgencyModel.query(on: request.db).unique().all(\.$group).sorted(by: Ranking.codePointOrder)
    }

    /// Names every group at once: `name-<code>` and `english-<code>` fields (an empty name: shown by its code).
    static func saveGroups(_ request: Request) async throws -> Response {
        try request.verifyCSRF()
        try request.authorize(.manageIdentity)
        let form = try request.content.decode([String: String].self)
        func trimmed(_ text: String?) -> String { String((text ?? "").trimmingCharacters(in: .whitespacesAndNewlines).prefix(Limits.name)) }
        var names: [String: InstallationIdentity.GroupName] = [:]
        for code in try await groupCodes(on: request) {
            names[code] = .init(vietnamese: trimmed(form["name-\(code)"]), english: trimmed(form["english-\(code)"]))
        }
        let origin = request.auditOrigin
        let groupNames = names
        try await request.write { db in try await InstallationIdentity.saveGroupNames(groupNames, origin: origin, on: db) }
        try await request.application.identityCache.reload(on: request.db)
        return request.redirect(to: SiteURL.admin(.identity).path + "#groups", notice: T.saved.rawValue)
    }

    static func save(_ request: Request) async throws -> Response {
        try request.verifyCSRF()
        let user = try request.authorize(.manageIdentity)
        let form = try request.content.decode(Form.self)
        let say = request.language.phrases(IdentityText.self)
        func trimmed(_ text: String?) -> String { (text ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        var errors: [String: String] = [:]
        if trimmed(form.province).isEmpty { errors["province"] = say(.provinceRequired) }
        if trimmed(form.issuingBody).isEmpty { errors["issuingBody"] = say(.issuingBodyRequired) }
        if trimmed(form.place).isEmpty { errors["place"] = say(.placeRequired) }
        guard errors.isEmpty else {
            let groups = try await groupCodes(on: request)
            let names = request.application.identityCache.current.groupNames
            return request.page(status: .unprocessableEntity) { IdentityPage.view($0, form: form, errors: errors, groups: groups, names: names) }
        }
        let current = try await InstallationIdentity.load(on: request.db)
        // The demo's banner stays while the demo province is what is named.
        var identity = InstallationIdentity(province: trimmed(form.province), issuingBody: trimmed(form.issuingBody), place: trimmed(form.place),
                                            demo: current.demo && trimmed(form.province) == InstallationIdentity.demoProvince.province)
        identity.groupNames = current.groupNames
        let origin = request.auditOrigin
        let saved = identity
        try await request.write { db in
            try await saved.save(by: user.id, origin: origin, on: db)
        }
        request.application.identityCache.set(identity)
        return request.redirect(to: SiteURL.admin(.identity).path, notice: T.saved.rawValue)
    }
}
