/// The login page.
enum LoginPage {
    struct Model {
        var username: String
        var next: String
        var message: String?
    }

    static func view(_ context: PageContext, model: Model) -> HTMLNode {
        let t = context.t
        return Layout.page(context, title: t(.loginTitle)) {
            if let message = model.message { div(.class("errors"), .role("alert")) { p { message } } }
            form(.method("post"), .action(SiteURL.login.path)) {
                Layout.csrfField(context)
                input(.type("hidden"), .name("next"), .value(model.next))
                Fields.text(t(.username), name: "username", value: model.username, required: true, autocomplete: "username",
                            autofocus: true)
                Fields.text(t(.password), name: "password", value: nil, type: "password", required: true,
                            autocomplete: "current-password")
                button(.type("submit")) { t(.loginButton) }
            }
        }
    }
}
