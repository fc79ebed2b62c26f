import Foundation

/// An agency's deputies and their fields.
enum DeputyPages {
    static func list(_ context: PageContext, agency: AgencyModel, deputies: [DeputyModel], choices: [(code: String, title: String)],
                     values: DeputyController.DeputyForm, errors: [String: String]) -> HTMLNode {
        let vi = context.language == .vietnamese
        let hint = choices.map { "\($0.code): \($0.title)" }.joined(separator: " · ")
        return Layout.page(context, title: vi ? "Cấp phó · \(agency.name)" : "Deputies · \(agency.name)") {
            p {
                vi ? "Mỗi cấp phó được đề xuất xếp loại theo tỷ lệ điểm đạt được ở các lĩnh vực được phân công (ghi mã lĩnh vực, cách nhau bởi dấu ;)."
                    : "Each deputy's proposed rating follows the share of points on the fields assigned to them (field codes, separated by ;)."
            }
            if deputies.isEmpty { p { vi ? "Chưa có cấp phó nào." : "No deputies yet." } }
            for deputy in deputies {
                form(.method("post"), .action("/agencies/\(agency.id!)/deputies/\(deputy.id!)"), .class("card")) {
                    Layout.csrfField(context)
                    Fields.text(vi ? "Họ tên" : "Name", name: "name", id: "name-\(deputy.id!)", value: deputy.name, required: true)
                    Fields.text(vi ? "Chức vụ" : "Position", name: "position", id: "position-\(deputy.id!)", value: deputy.position)
                    Fields.text(vi ? "Lĩnh vực phân công" : "Assigned fields", name: "fields", id: "fields-\(deputy.id!)", value: deputy.fieldList.joined(separator: "; "),
                                required: true, hint: hint)
                    button(.type("submit")) { vi ? "Lưu" : "Save" }
                }
                form(.method("post"), .action("/agencies/\(agency.id!)/deputies/\(deputy.id!)/delete"), .class("inline")) {
                    Layout.csrfField(context)
                    button(.type("submit"), .class("secondary")) { vi ? "Xoá \(deputy.name)" : "Remove \(deputy.name)" }
                }
            }
            h2 { vi ? "Thêm cấp phó" : "Add a deputy" }
            Fields.errors(errors.isEmpty ? [] : [vi ? "Vui lòng sửa các ô được đánh dấu." : "Please correct the marked fields."])
            form(.method("post"), .action("/agencies/\(agency.id!)/deputies")) {
                Layout.csrfField(context)
                Fields.text(vi ? "Họ tên" : "Name", name: "name", value: values.name, error: errors["name"], required: true)
                Fields.text(vi ? "Chức vụ" : "Position", name: "position", value: values.position, hint: vi ? "Phó Giám đốc" : "Deputy director")
                Fields.text(vi ? "Lĩnh vực phân công" : "Assigned fields", name: "fields", value: values.fields, error: errors["fields"], required: true,
                            hint: hint)
                button(.type("submit")) { vi ? "Thêm" : "Add" }
            }
        }
    }
}
