import ChiSoCore

typealias Lang = ChiSoCore.Language

/// Every text of the interface, Vietnamese first, English second.
/// A test checks that both languages have every key.
enum T: String, CaseIterable, Sendable {
    case appName, appTagline, demoNotice, skipToContent, mainNavigation
    case navHome, navAppraisal, navCouncil, navDashboard, navMonitoring, navTasks, navAgencies, navUsers, navAudit, navIndexes, navPeriods, navAccount, logout, login
    case languageSwitch
    case loginTitle, username, password, loginButton, loginFailed, loginThrottled, sessionExpired
    case changePasswordTitle, changePasswordIntro, currentPassword, newPassword, repeatPassword, save, cancel
    case passwordChanged, passwordMismatch, passwordWrong, passwordPolicy
    case homeTitle, yourAgency, yourRoles, currentPeriods, noPeriods, deadline, daysLeft, overdue
    case agencies, agencyCode, agencyName, agencyGroup, agencyTags, newAgency, editAgency, importAgencies, importHelp, importButton
    case importedAgencies, created, updated, saved, actions, edit, none, all, filter, search
    case users, displayName, roles, agency, active, inactive, mustChangePassword, newUser, editUser, resetPassword
    case temporaryPassword, passwordResetDone, lastLogin
    case audit, auditAt, auditWho, auditAction, auditTarget, auditChange, auditFrom, auditEmpty, from, to
    case indexes, indexCode, indexVersion, indexTitle, indexLeaves, uploadIndex, indexFile, uploadButton
    case indexUploaded, indexRejected, indexFrozen, indexEditable, maxPoints, rule, viewIndex, criteria
    case periods, newPeriod, periodName, periodKind, periodYear, periodNumber, periodStatus, selfDeadline, appraisalDeadline
    case explanationDeadline, assignIndexes, group, indexForGroup, assign, assessments, state, score, classification
    case kindYear, kindQuarter, kindMonth, statusDraft, statusOpen, statusClosed, statusPublished, openPeriod
    case forbiddenTitle, notFoundTitle, errorTitle, backHome, csrfFailed, required, invalid, rank
    // Hardening: refusals and limits
    case malformedMultipart, seconds, minutes, passwordTooLong, passwordRepetitive, passwordPersonal, passwordCommon, tooLong
    case stateChangedMeanwhile
    case tooManyFields
    case moreProblems, looksLikeFormula, fieldTooLong, importTooManyRows, importRowLimit
    // Tables shared by pages
    case criterion, selfShort, appraisedShort, finalShort, comment, largestSelfAppraised, largestSelfFinal
    case assessmentTitle, officialResult, officialNote, provisionalTotal, selfPoints, points, input, why, evidence, notApplicable
}

struct Catalogue: Sendable {
    let language: Lang

    func callAsFunction(_ key: T) -> String {
        (language == .vietnamese ? Catalogue.vietnamese[key] : Catalogue.english[key]) ?? key.rawValue
    }

    static let vietnamese: [T: String] = [
        .appName: "ChiSo", .appTagline: "Đánh giá chất lượng hoạt động cơ quan nhà nước",
        .demoNotice: "Dữ liệu minh hoạ: tỉnh, đơn vị và số liệu đều là giả định.",
        .skipToContent: "Bỏ qua, đến nội dung chính", .mainNavigation: "Điều hướng chính",
        .navHome: "Trang chủ", .navAppraisal: "Thẩm định", .navCouncil: "Hội đồng", .navDashboard: "Tổng quan", .navMonitoring: "Theo dõi", .navTasks: "Nhiệm vụ", .navAgencies: "Đơn vị", .navUsers: "Tài khoản", .navAudit: "Nhật ký",
        .navIndexes: "Bộ chỉ số", .navPeriods: "Kỳ đánh giá", .navAccount: "Đổi mật khẩu", .logout: "Đăng xuất",
        .login: "Đăng nhập", .languageSwitch: "English",
        .loginTitle: "Đăng nhập ChiSo", .username: "Tên đăng nhập", .password: "Mật khẩu", .loginButton: "Đăng nhập",
        .loginFailed: "Tên đăng nhập hoặc mật khẩu không đúng.",
        .loginThrottled: "Đăng nhập sai nhiều lần liên tiếp. Vui lòng chờ %@ rồi thử lại.",
        .sessionExpired: "Phiên làm việc đã hết hạn, vui lòng đăng nhập lại.",
        .changePasswordTitle: "Đổi mật khẩu",
        .changePasswordIntro: "Tài khoản do quản trị viên cấp: hãy đặt mật khẩu của riêng bạn trước khi làm việc.",
        .currentPassword: "Mật khẩu hiện tại", .newPassword: "Mật khẩu mới", .repeatPassword: "Nhập lại mật khẩu mới",
        .save: "Lưu", .cancel: "Huỷ", .passwordChanged: "Đã đổi mật khẩu.",
        .passwordMismatch: "Hai mật khẩu mới không khớp nhau.", .passwordWrong: "Mật khẩu hiện tại không đúng.",
        .passwordPolicy: "Mật khẩu cần ít nhất 10 ký tự, có chữ hoa, chữ thường và chữ số, và khác tên đăng nhập.",
        .homeTitle: "Trang chủ", .yourAgency: "Đơn vị", .yourRoles: "Vai trò", .currentPeriods: "Kỳ đánh giá",
        .noPeriods: "Chưa có kỳ đánh giá nào.", .deadline: "Hạn", .daysLeft: "còn %@ ngày", .overdue: "đã quá hạn",
        .agencies: "Đơn vị", .agencyCode: "Mã", .agencyName: "Tên đơn vị", .agencyGroup: "Khối", .agencyTags: "Nhãn",
        .newAgency: "Thêm đơn vị", .editAgency: "Sửa đơn vị", .importAgencies: "Nhập danh sách từ CSV",
        .importHelp: "Tệp CSV UTF-8 có dòng tiêu đề code,name,group,tags (nhãn cách nhau bởi dấu ;). Đơn vị đã có được cập nhật theo mã.",
        .importButton: "Nhập tệp", .importedAgencies: "Đã nhập %@ đơn vị (%@ thêm mới, %@ cập nhật).",
        .created: "Đã thêm.", .updated: "Đã cập nhật.", .saved: "Đã lưu.", .actions: "Thao tác", .edit: "Sửa",
        .none: "(không có)", .all: "Tất cả", .filter: "Lọc", .search: "Tìm",
        .users: "Tài khoản", .displayName: "Họ tên", .roles: "Vai trò", .agency: "Đơn vị", .active: "Đang hoạt động",
        .inactive: "Đã khoá", .mustChangePassword: "Phải đổi mật khẩu khi đăng nhập", .newUser: "Thêm tài khoản",
        .editUser: "Sửa tài khoản", .resetPassword: "Đặt lại mật khẩu", .temporaryPassword: "Mật khẩu tạm",
        .passwordResetDone: "Đã đặt lại mật khẩu; người dùng phải đổi mật khẩu khi đăng nhập.", .lastLogin: "Đăng nhập gần nhất",
        .audit: "Nhật ký thay đổi", .auditAt: "Thời điểm", .auditWho: "Người thực hiện", .auditAction: "Thao tác",
        .auditTarget: "Đối tượng", .auditChange: "Trước → sau", .auditFrom: "Địa chỉ", .auditEmpty: "Không có sự kiện nào.",
        .from: "Từ ngày", .to: "Đến ngày",
        .indexes: "Bộ chỉ số", .indexCode: "Mã", .indexVersion: "Phiên bản", .indexTitle: "Tên bộ chỉ số",
        .indexLeaves: "Tiêu chí thành phần", .uploadIndex: "Tải lên bộ chỉ số (YAML)", .indexFile: "Tệp YAML",
        .uploadButton: "Tải lên", .indexUploaded: "Đã lưu bộ chỉ số %@, phiên bản %@.",
        .indexRejected: "Tệp chưa hợp lệ, chưa lưu. Các lỗi:", .indexFrozen: "Đã khoá (đang dùng trong kỳ đã mở)",
        .indexEditable: "Chưa dùng", .maxPoints: "Điểm tối đa", .rule: "Cách chấm", .viewIndex: "Xem",
        .criteria: "Tiêu chí",
        .periods: "Kỳ đánh giá", .newPeriod: "Tạo kỳ đánh giá", .periodName: "Tên kỳ", .periodKind: "Loại kỳ",
        .periodYear: "Năm", .periodNumber: "Quý/tháng", .periodStatus: "Trạng thái",
        .selfDeadline: "Hạn tự đánh giá", .appraisalDeadline: "Hạn thẩm định", .explanationDeadline: "Hạn giải trình",
        .assignIndexes: "Bộ chỉ số áp dụng cho từng khối", .group: "Khối", .indexForGroup: "Bộ chỉ số", .assign: "Áp dụng",
        .assessments: "Hồ sơ đánh giá", .state: "Trạng thái", .score: "Điểm", .classification: "Xếp loại",
        .kindYear: "Năm", .kindQuarter: "Quý", .kindMonth: "Tháng", .statusDraft: "Đang chuẩn bị", .statusOpen: "Đang mở",
        .statusClosed: "Đã đóng", .statusPublished: "Đã công bố", .openPeriod: "Mở kỳ đánh giá",
        .forbiddenTitle: "Không có quyền", .notFoundTitle: "Không tìm thấy", .errorTitle: "Có lỗi xảy ra",
        .backHome: "Về trang chủ", .csrfFailed: "Biểu mẫu đã hết hạn. Vui lòng tải lại trang và thử lại.",
        .required: "Không được để trống.", .invalid: "Giá trị không hợp lệ.", .rank: "Thứ hạng",
        .assessmentTitle: "Hồ sơ tự đánh giá", .officialResult: "Kết quả chính thức",
        .officialNote: "Điểm sau thẩm định; bảng dưới là điểm tự chấm của đơn vị.", .provisionalTotal: "Tổng điểm tạm tính", .selfPoints: "Điểm tự chấm",
        .points: "Điểm", .input: "Số liệu", .why: "Cách tính", .evidence: "Tài liệu kiểm chứng",
        .notApplicable: "Không áp dụng",
        .malformedMultipart: "Dữ liệu gửi lên không hợp lệ: thiếu hoặc sai ranh giới (boundary) của biểu mẫu nhiều phần.",
        .seconds: "%@ giây",
        .minutes: "%@ phút",
        .passwordTooLong: "Mật khẩu dài tối đa 128 ký tự.",
        .passwordRepetitive: "Mật khẩu lặp lại quá nhiều: cần ít nhất 5 ký tự khác nhau (ví dụ \"Aaaaaaaaaa1\" không được chấp nhận).",
        .passwordPersonal: "Mật khẩu không được chứa tên đăng nhập, tên hệ thống (ChiSo) hay tên tỉnh: những thứ ấy dễ đoán.",
        .passwordCommon: "Mật khẩu này thuộc loại phổ biến, dễ bị đoán (ví dụ \"Matkhau@123\", \"Admin12345\"). Hãy chọn một cụm từ riêng của bạn.",
        .looksLikeFormula: "Không được bắt đầu bằng %@: bảng tính (Excel) sẽ chạy nội dung này như một công thức.",
        .tooLong: "Dài quá mức cho phép: tối đa %@ ký tự.",
        .fieldTooLong: "Nội dung ô \"%@\" dài quá mức cho phép: tối đa %@ ký tự. Chưa có gì được lưu.",
        .importTooManyRows: "Tệp có %@ dòng dữ liệu, vượt giới hạn %@ dòng cho một lần nhập: chưa dòng nào được nhập. Hãy chia tệp thành nhiều phần.",
        .importRowLimit: "Tối đa %@ dòng dữ liệu mỗi lần nhập.",
        .moreProblems: "… và %@ lỗi khác.",
        .criterion: "Tiêu chí",
        .selfShort: "Tự chấm",
        .comment: "Nhận xét",
        .appraisedShort: "Thẩm định",
        .finalShort: "Cuối cùng",
        .largestSelfAppraised: "Tiêu chí chênh lệch nhiều nhất giữa tự chấm và thẩm định",
        .largestSelfFinal: "Chênh lệch lớn nhất giữa tự chấm và kết quả cuối",
        .tooManyFields: "Biểu mẫu có quá nhiều trường (tối đa %@): chưa có gì được lưu.",
        .stateChangedMeanwhile: "Hồ sơ vừa được người khác chuyển trạng thái. Hãy tải lại trang.",
    ]

    static let english: [T: String] = [
        .appName: "ChiSo", .appTagline: "Quality of operations of state agencies",
        .demoNotice: "Demo data: the province, its agencies and figures are invented.",
        .skipToContent: "Skip to main content", .mainNavigation: "Main navigation",
        .navHome: "Home", .navAppraisal: "Appraisal", .navCouncil: "Council", .navDashboard: "Dashboard", .navMonitoring: "Monitoring", .navTasks: "Tasks", .navAgencies: "Agencies", .navUsers: "Accounts", .navAudit: "Audit log",
        .navIndexes: "Indexes", .navPeriods: "Periods", .navAccount: "Change password", .logout: "Log out",
        .login: "Log in", .languageSwitch: "Tiếng Việt",
        .loginTitle: "Log in to ChiSo", .username: "Username", .password: "Password", .loginButton: "Log in",
        .loginFailed: "Wrong username or password.",
        .loginThrottled: "Too many failed logins in a row. Please wait %@ and try again.",
        .sessionExpired: "Your session expired; please log in again.",
        .changePasswordTitle: "Change password",
        .changePasswordIntro: "Your account was created by an administrator: choose your own password before going on.",
        .currentPassword: "Current password", .newPassword: "New password", .repeatPassword: "Repeat the new password",
        .save: "Save", .cancel: "Cancel", .passwordChanged: "Password changed.",
        .passwordMismatch: "The two new passwords differ.", .passwordWrong: "The current password is wrong.",
        .passwordPolicy: "A password needs at least 10 characters with upper and lower case letters and a digit, and must differ from the username.",
        .homeTitle: "Home", .yourAgency: "Agency", .yourRoles: "Roles", .currentPeriods: "Assessment periods",
        .noPeriods: "No assessment period yet.", .deadline: "Deadline", .daysLeft: "%@ days left", .overdue: "overdue",
        .agencies: "Agencies", .agencyCode: "Code", .agencyName: "Name", .agencyGroup: "Group", .agencyTags: "Tags",
        .newAgency: "Add an agency", .editAgency: "Edit agency", .importAgencies: "Import a list from CSV",
        .importHelp: "A UTF-8 CSV with the header code,name,group,tags (tags separated by ;). Existing agencies are updated by code.",
        .importButton: "Import", .importedAgencies: "Imported %@ agencies (%@ new, %@ updated).",
        .created: "Added.", .updated: "Updated.", .saved: "Saved.", .actions: "Actions", .edit: "Edit",
        .none: "(none)", .all: "All", .filter: "Filter", .search: "Search",
        .users: "Accounts", .displayName: "Full name", .roles: "Roles", .agency: "Agency", .active: "Active",
        .inactive: "Locked", .mustChangePassword: "Must change password at login", .newUser: "Add an account",
        .editUser: "Edit account", .resetPassword: "Reset password", .temporaryPassword: "Temporary password",
        .passwordResetDone: "Password reset; the user must change it at login.", .lastLogin: "Last login",
        .audit: "Audit log", .auditAt: "When", .auditWho: "Who", .auditAction: "Action", .auditTarget: "Target",
        .auditChange: "Before → after", .auditFrom: "Address", .auditEmpty: "No events.", .from: "From", .to: "To",
        .indexes: "Indexes", .indexCode: "Code", .indexVersion: "Version", .indexTitle: "Title",
        .indexLeaves: "Sub-criteria", .uploadIndex: "Upload an index (YAML)", .indexFile: "YAML file",
        .uploadButton: "Upload", .indexUploaded: "Saved index %@, version %@.",
        .indexRejected: "The file is not valid and was not saved. Problems:", .indexFrozen: "Frozen (used by an open period)",
        .indexEditable: "Not in use", .maxPoints: "Max points", .rule: "Rule", .viewIndex: "View", .criteria: "Criteria",
        .periods: "Periods", .newPeriod: "Create a period", .periodName: "Name", .periodKind: "Kind", .periodYear: "Year",
        .periodNumber: "Quarter/month", .periodStatus: "Status", .selfDeadline: "Self-assessment deadline",
        .appraisalDeadline: "Appraisal deadline", .explanationDeadline: "Explanation deadline",
        .assignIndexes: "Index for each group", .group: "Group", .indexForGroup: "Index", .assign: "Apply",
        .assessments: "Assessments", .state: "State", .score: "Score", .classification: "Class",
        .kindYear: "Year", .kindQuarter: "Quarter", .kindMonth: "Month", .statusDraft: "Being prepared", .statusOpen: "Open",
        .statusClosed: "Closed", .statusPublished: "Published", .openPeriod: "Open the period",
        .forbiddenTitle: "Not allowed", .notFoundTitle: "Not found", .errorTitle: "Something went wrong",
        .backHome: "Back to home", .csrfFailed: "The form has expired. Please reload the page and try again.",
        .required: "Must not be empty.", .invalid: "Not a valid value.", .rank: "Rank",
        .assessmentTitle: "Self-assessment", .officialResult: "Official result",
        .officialNote: "Score after appraisal; the table below shows the agency's self-assessed points.", .provisionalTotal: "Provisional total", .selfPoints: "Self-assessed points",
        .points: "Points", .input: "Input", .why: "How it was computed", .evidence: "Evidence",
        .notApplicable: "Not applicable",
        .malformedMultipart: "The request is malformed: its multipart boundary is missing or invalid.",
        .seconds: "%@ seconds",
        .minutes: "%@ minutes",
        .passwordTooLong: "A password has at most 128 characters.",
        .passwordRepetitive: "The password repeats itself too much: it needs at least 5 different characters (\"Aaaaaaaaaa1\" is refused, for example).",
        .passwordPersonal: "A password must not contain the username, the system's name (ChiSo) or the province's: they are easy to guess.",
        .passwordCommon: "This password is among the commonest and easy to guess (\"Matkhau@123\", \"Admin12345\", for example). Choose a phrase of your own.",
        .looksLikeFormula: "Must not begin with %@: a spreadsheet (Excel) would run it as a formula.",
        .tooLong: "Too long: at most %@ characters.",
        .fieldTooLong: "The field \"%@\" is too long: at most %@ characters. Nothing was saved.",
        .importTooManyRows: "The file has %@ data rows, more than the %@ one import may take: nothing was imported. Split the file into parts.",
        .importRowLimit: "At most %@ data rows per import.",
        .moreProblems: "… and %@ more problems.",
        .criterion: "Criterion",
        .selfShort: "Self",
        .comment: "Comment",
        .appraisedShort: "Appraised",
        .finalShort: "Final",
        .largestSelfAppraised: "Largest differences between self and appraised points",
        .largestSelfFinal: "Largest differences between self and final points",
        .tooManyFields: "The form has too many fields (at most %@): nothing was saved.",
        .stateChangedMeanwhile: "Someone else just changed this assessment's state. Please reload.",
    ]

    /// `%@` placeholders filled in order.
    func format(_ key: T, _ values: String...) -> String {
        var text = self(key)
        for value in values {
            guard let range = text.range(of: "%@") else { break }
            text.replaceSubrange(range, with: value)
        }
        return text
    }
}

/// Names of roles in both languages.
enum Labels {
    static func role(_ role: Role, _ language: Lang) -> String { RoleName(role).text(language) }
}

enum RoleName: String, Phrasebook {
    case admin, organizer, editor, head, appraiser, chair, leader, viewer, taskOfficer

    init(_ role: Role) {
        self = switch role {
        case .admin: .admin
        case .organizer: .organizer
        case .editor: .editor
        case .head: .head
        case .appraiser: .appraiser
        case .chair: .chair
        case .leader: .leader
        case .viewer: .viewer
        case .taskOfficer: .taskOfficer
        }
    }

    var vietnamese: String {
        switch self {
        case .admin: "Quản trị hệ thống"
        case .organizer: "Sở Nội vụ (tổ chức đánh giá)"
        case .editor: "Cán bộ đầu mối"
        case .head: "Thủ trưởng đơn vị"
        case .appraiser: "Thành viên thẩm định"
        case .chair: "Chủ tịch Hội đồng thẩm định"
        case .leader: "Lãnh đạo UBND tỉnh"
        case .viewer: "Người xem"
        case .taskOfficer: "Theo dõi nhiệm vụ (Văn phòng UBND tỉnh)"
        }
    }

    var english: String {
        switch self {
        case .admin: "Administrator"
        case .organizer: "Organiser (Home Affairs)"
        case .editor: "Agency editor"
        case .head: "Agency head"
        case .appraiser: "Appraiser"
        case .chair: "Council chair"
        case .leader: "Provincial leader"
        case .viewer: "Viewer"
        case .taskOfficer: "Task office (Provincial People's Committee)"
        }
    }
}
