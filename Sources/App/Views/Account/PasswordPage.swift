/// Changing one's password (required at first login for accounts made by an admin).
enum PasswordPage {
    struct Model {
        var mustChange: Bool
        var errors: [String]
    }

    static func view(_ context: PageContext, model: Model) -> HTMLNode {
        let t = context.t
        return Layout.page(context, title: t(.changePasswordTitle)) {
            if model.mustChange { p { t(.changePasswordIntro) } }
            Fields.errors(model.errors)
            form(.method("post"), .action(SiteURL.accountPassword.path)) {
                Layout.csrfField(context)
                Fields.text(t(.currentPassword), name: "current", value: nil, type: "password", required: true,
                            autocomplete: "current-password", autofocus: true)
                Fields.text(t(.newPassword), name: "new", value: nil, type: "password", required: true,
                            hint: t(.passwordPolicy), autocomplete: "new-password")
                Fields.text(t(.repeatPassword), name: "repeated", value: nil, type: "password", required: true,
                            autocomplete: "new-password")
                button(.type("submit")) { t(.save) }
            }
        }
    }
}
