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
        return request.page { IdentityPage.view($0, form: form, errors: [:]) }
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
            return request.page(status: .unprocessableEntity) { IdentityPage.view($0, form: form, errors: errors) }
        }
        let current = try await InstallationIdentity.load(on: request.db)
        // The demo's banner stays while the demo province is what is named.
        let identity = InstallationIdentity(province: trimmed(form.province), issuingBody: trimmed(form.issuingBody), place: trimmed(form.place),
                                            demo: current.demo && trimmed(form.province) == InstallationIdentity.demoProvince.province)
        let origin = request.auditOrigin
        try await request.write { db in
            try await identity.save(by: user.id, origin: origin, on: db)
        }
        request.application.identityCache.set(identity)
        return request.redirect(to: SiteURL.admin(.identity).path, notice: T.saved.rawValue)
    }
}
