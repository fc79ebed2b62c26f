import Foundation

/// An agency's deputies and their fields.
enum DeputyPages {
    static func list(_ context: PageContext, agency: AgencyModel, deputies: [DeputyModel], choices: [(code: String, title: String)],
                     values: DeputyController.DeputyForm, errors: [String: String]) -> HTMLNode {
        let say = context.phrases(DeputyText.self)
        let hint = choices.map { "\($0.code): \($0.title)" }.joined(separator: " · ")
        return Layout.page(context, title: say(.title, agency.name)) {
            p {
                say(.guidance)
            }
            if deputies.isEmpty { p { say(.noDeputies) } }
            for deputy in deputies {
                form(.method("post"), .action(SiteURL.agency(.value(agency.id!), .deputy(.value(deputy.id!))).path), .class("card")) {
                    Layout.csrfField(context)
                    Fields.text(say(.name), name: "name", id: "name-\(deputy.id!)", value: deputy.name, required: true)
                    Fields.text(say(.position), name: "position", id: "position-\(deputy.id!)", value: deputy.position)
                    Fields.text(say(.assignedFields), name: "fields", id: "fields-\(deputy.id!)", value: deputy.fieldList.joined(separator: "; "),
                                required: true, hint: hint)
                    button(.type("submit")) { say(.save) }
                }
                form(.method("post"), .action(SiteURL.agency(.value(agency.id!), .deleteDeputy(.value(deputy.id!))).path), .class("inline")) {
                    Layout.csrfField(context)
                    button(.type("submit"), .class("secondary")) { say(.remove, deputy.name) }
                }
            }
            h2 { say(.addHeading) }
            Fields.errors(errors.isEmpty ? [] : [say(.correctMarkedFields)])
            form(.method("post"), .action(SiteURL.agency(.value(agency.id!), .deputies).path)) {
                Layout.csrfField(context)
                Fields.text(say(.name), name: "name", value: values.name, error: errors["name"], required: true)
                Fields.text(say(.position), name: "position", value: values.position, hint: say(.positionExample))
                Fields.text(say(.assignedFields), name: "fields", value: values.fields, error: errors["fields"], required: true,
                            hint: hint)
                button(.type("submit")) { say(.add) }
            }
        }
    }
}
