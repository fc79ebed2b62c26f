import ChiSoCore

/// Texts of administering users and agencies (``UserAdminController``, ``AgencyAdminController``), in both languages.
enum AdminText: String, Phrasebook {
    // Users
    case usernameFormat, usernameTaken, chooseRole
    // Agencies
    case agencyCodeTaken

    var vietnamese: String {
        switch self {
        case .usernameFormat: "Tên đăng nhập gồm ít nhất 3 ký tự a-z, 0-9, dấu chấm, gạch ngang hoặc gạch dưới."
        case .usernameTaken: "Tên đăng nhập %@ đã có."
        case .chooseRole: "Chọn ít nhất một vai trò."
        case .agencyCodeTaken: "Mã %@ đã được dùng cho %@."
        }
    }

    var english: String {
        switch self {
        case .usernameFormat: "A username has at least 3 characters among a-z, 0-9, dot, dash and underscore."
        case .usernameTaken: "Username %@ is taken."
        case .chooseRole: "Choose at least one role."
        case .agencyCodeTaken: "Code %@ is already used by %@."
        }
    }
}
