import ChiSoCore

/// Texts of an agency's deputies page, in both languages.
enum DeputyText: String, Phrasebook {
    case title, guidance, noDeputies, name, position, assignedFields, save, remove
    case addHeading, correctMarkedFields, positionExample, add
    // DeputyController
    case nameRequired, nameTooLong, fieldsRequired, addedNotice, savedNotice, removedNotice

    var vietnamese: String {
        switch self {
        case .title: "Cấp phó · %@"
        case .guidance: "Mỗi cấp phó được đề xuất xếp loại theo tỷ lệ điểm đạt được ở các lĩnh vực được phân công (ghi mã lĩnh vực, cách nhau bởi dấu ;)."
        case .noDeputies: "Chưa có cấp phó nào."
        case .name: "Họ tên"
        case .position: "Chức vụ"
        case .assignedFields: "Lĩnh vực phân công"
        case .save: "Lưu"
        case .remove: "Xoá %@"
        case .addHeading: "Thêm cấp phó"
        case .correctMarkedFields: "Vui lòng sửa các ô được đánh dấu."
        case .positionExample: "Phó Giám đốc"
        case .add: "Thêm"
        case .nameRequired: "Cần họ tên."
        case .nameTooLong: "Họ tên quá dài."
        case .fieldsRequired: "Cần ít nhất một lĩnh vực (mã, ví dụ I; III)."
        case .addedNotice: "Đã thêm cấp phó."
        case .savedNotice: "Đã lưu."
        case .removedNotice: "Đã xoá."
        }
    }

    var english: String {
        switch self {
        case .title: "Deputies · %@"
        case .guidance: "Each deputy's proposed rating follows the share of points on the fields assigned to them (field codes, separated by ;)."
        case .noDeputies: "No deputies yet."
        case .name: "Name"
        case .position: "Position"
        case .assignedFields: "Assigned fields"
        case .save: "Save"
        case .remove: "Remove %@"
        case .addHeading: "Add a deputy"
        case .correctMarkedFields: "Please correct the marked fields."
        case .positionExample: "Deputy director"
        case .add: "Add"
        case .nameRequired: "A name is required."
        case .nameTooLong: "The name is too long."
        case .fieldsRequired: "At least one field is required (codes, e.g. I; III)."
        case .addedNotice: "Deputy added."
        case .savedNotice: "Saved."
        case .removedNotice: "Removed."
        }
    }
}
