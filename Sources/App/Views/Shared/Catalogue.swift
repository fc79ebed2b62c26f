import ChiSoCore

typealias Lang = ChiSoCore.Language

/// The texts shared by every page (navigation, forms, refusals, common table headings); a
/// feature's own texts are in its phrasebook beside its pages.
enum T: String, CaseIterable, Sendable {
    case appName, appTagline, demoNotice, demoNoticeLabel, problemsHeading, backToPrevious, refusedNothingChanged, skipToContent, mainNavigation
    case navHome, navAppraisal, navCouncil, navDashboard, navMonitoring, navTasks, navAgencies, navUsers, navAudit, navIdentity, navIndexes, navPeriods, navAccount, logout, login
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
    // Refusals of the error pages (ErrorPages)
    case unreadableBody, storageFull
    // The footer
    case publishedResultsLink
}

struct Catalogue: Sendable {
    let language: Lang

    func callAsFunction(_ key: T) -> String { key.text(language) }

    /// `%@` placeholders filled in order.
    func format(_ key: T, _ values: String...) -> String { Placeholders.fill(key.text(language), values) }
}

/// The shared texts in both languages: one `case` per text in each `switch`, so a text without its
/// translation does not compile.
extension T: Phrasebook {
    var vietnamese: String {
        switch self {
        case .appName: "ChiSo"
        case .appTagline: "Đánh giá chất lượng hoạt động cơ quan nhà nước"
        case .demoNotice: "Dữ liệu minh hoạ: tỉnh, đơn vị và số liệu đều là giả định."
        case .demoNoticeLabel: "Lưu ý về dữ liệu"
        case .problemsHeading: "Chưa thực hiện được (%@ vấn đề):"
        case .backToPrevious: "Quay lại trang bạn vừa xem"
        case .refusedNothingChanged: "Yêu cầu không được thực hiện; không có gì bị thay đổi."
        case .skipToContent: "Bỏ qua, đến nội dung chính"
        case .mainNavigation: "Điều hướng chính"
        case .navHome: "Trang chủ"
        case .navAppraisal: "Thẩm định"
        case .navCouncil: "Hội đồng"
        case .navDashboard: "Tổng quan"
        case .navMonitoring: "Theo dõi"
        case .navTasks: "Nhiệm vụ"
        case .navAgencies: "Đơn vị"
        case .navUsers: "Tài khoản"
        case .navAudit: "Nhật ký"
        case .navIdentity: "Thông tin cơ quan"
        case .navIndexes: "Bộ chỉ số"
        case .navPeriods: "Kỳ đánh giá"
        case .navAccount: "Đổi mật khẩu"
        case .logout: "Đăng xuất"
        case .login: "Đăng nhập"
        case .languageSwitch: "English"
        case .loginTitle: "Đăng nhập ChiSo"
        case .username: "Tên đăng nhập"
        case .password: "Mật khẩu"
        case .loginButton: "Đăng nhập"
        case .loginFailed: "Tên đăng nhập hoặc mật khẩu không đúng."
        case .loginThrottled: "Đăng nhập sai nhiều lần liên tiếp. Vui lòng chờ %@ rồi thử lại."
        case .sessionExpired: "Phiên làm việc đã hết hạn, vui lòng đăng nhập lại."
        case .changePasswordTitle: "Đổi mật khẩu"
        case .changePasswordIntro: "Tài khoản do quản trị viên cấp: hãy đặt mật khẩu của riêng bạn trước khi làm việc."
        case .currentPassword: "Mật khẩu hiện tại"
        case .newPassword: "Mật khẩu mới"
        case .repeatPassword: "Nhập lại mật khẩu mới"
        case .save: "Lưu"
        case .cancel: "Huỷ"
        case .passwordChanged: "Đã đổi mật khẩu."
        case .passwordMismatch: "Hai mật khẩu mới không khớp nhau."
        case .passwordWrong: "Mật khẩu hiện tại không đúng."
        case .passwordPolicy: "Mật khẩu cần ít nhất 10 ký tự, có chữ hoa, chữ thường và chữ số, và khác tên đăng nhập."
        case .homeTitle: "Trang chủ"
        case .yourAgency: "Đơn vị"
        case .yourRoles: "Vai trò"
        case .currentPeriods: "Kỳ đánh giá"
        case .noPeriods: "Chưa có kỳ đánh giá nào."
        case .deadline: "Hạn"
        case .daysLeft: "còn %@ ngày"
        case .overdue: "đã quá hạn"
        case .agencies: "Đơn vị"
        case .agencyCode: "Mã"
        case .agencyName: "Tên đơn vị"
        case .agencyGroup: "Khối"
        case .agencyTags: "Nhãn"
        case .newAgency: "Thêm đơn vị"
        case .editAgency: "Sửa đơn vị"
        case .importAgencies: "Nhập danh sách từ CSV"
        case .importHelp: "Tệp CSV UTF-8 có dòng tiêu đề code,name,group,tags (nhãn cách nhau bởi dấu ;). Đơn vị đã có được cập nhật theo mã."
        case .importButton: "Nhập tệp"
        case .importedAgencies: "Đã nhập %@ đơn vị (%@ thêm mới, %@ cập nhật)."
        case .created: "Đã thêm."
        case .updated: "Đã cập nhật."
        case .saved: "Đã lưu."
        case .actions: "Thao tác"
        case .edit: "Sửa"
        case .none: "(không có)"
        case .all: "Tất cả"
        case .filter: "Lọc"
        case .search: "Tìm"
        case .users: "Tài khoản"
        case .displayName: "Họ tên"
        case .roles: "Vai trò"
        case .agency: "Đơn vị"
        case .active: "Đang hoạt động"
        case .inactive: "Đã khoá"
        case .mustChangePassword: "Phải đổi mật khẩu khi đăng nhập"
        case .newUser: "Thêm tài khoản"
        case .editUser: "Sửa tài khoản"
        case .resetPassword: "Đặt lại mật khẩu"
        case .temporaryPassword: "Mật khẩu tạm"
        case .passwordResetDone: "Đã đặt lại mật khẩu; người dùng phải đổi mật khẩu khi đăng nhập."
        case .lastLogin: "Đăng nhập gần nhất"
        case .audit: "Nhật ký thay đổi"
        case .auditAt: "Thời điểm"
        case .auditWho: "Người thực hiện"
        case .auditAction: "Thao tác"
        case .auditTarget: "Đối tượng"
        case .auditChange: "Trước → sau"
        case .auditFrom: "Địa chỉ"
        case .auditEmpty: "Không có sự kiện nào."
        case .from: "Từ ngày"
        case .to: "Đến ngày"
        case .indexes: "Bộ chỉ số"
        case .indexCode: "Mã"
        case .indexVersion: "Phiên bản"
        case .indexTitle: "Tên bộ chỉ số"
        case .indexLeaves: "Tiêu chí thành phần"
        case .uploadIndex: "Tải lên một phiên bản đã hoàn chỉnh (YAML hoặc Excel)"
        case .indexFile: "Tệp bộ chỉ số"
        case .uploadButton: "Tải lên"
        case .indexUploaded: "Đã lưu bộ chỉ số %@, phiên bản %@."
        case .indexRejected: "Tệp chưa hợp lệ, chưa lưu. Các lỗi:"
        case .indexFrozen: "Đã khoá (đang dùng trong kỳ đã mở)"
        case .indexEditable: "Chưa dùng"
        case .maxPoints: "Điểm tối đa"
        case .rule: "Cách chấm"
        case .viewIndex: "Xem"
        case .criteria: "Tiêu chí"
        case .periods: "Kỳ đánh giá"
        case .newPeriod: "Tạo kỳ đánh giá"
        case .periodName: "Tên kỳ"
        case .periodKind: "Loại kỳ"
        case .periodYear: "Năm"
        case .periodNumber: "Quý/tháng"
        case .periodStatus: "Trạng thái"
        case .selfDeadline: "Hạn tự đánh giá"
        case .appraisalDeadline: "Hạn thẩm định"
        case .explanationDeadline: "Hạn giải trình"
        case .assignIndexes: "Bộ chỉ số áp dụng cho từng khối"
        case .group: "Khối"
        case .indexForGroup: "Bộ chỉ số"
        case .assign: "Áp dụng"
        case .assessments: "Hồ sơ đánh giá"
        case .state: "Trạng thái"
        case .score: "Điểm"
        case .classification: "Xếp loại"
        case .kindYear: "Năm"
        case .kindQuarter: "Quý"
        case .kindMonth: "Tháng"
        case .statusDraft: "Đang chuẩn bị"
        case .statusOpen: "Đang mở"
        case .statusClosed: "Đã đóng"
        case .statusPublished: "Đã công bố"
        case .openPeriod: "Mở kỳ đánh giá"
        case .forbiddenTitle: "Không có quyền"
        case .notFoundTitle: "Không tìm thấy"
        case .errorTitle: "Có lỗi xảy ra"
        case .backHome: "Về trang chủ"
        case .csrfFailed: "Biểu mẫu đã hết hạn. Vui lòng tải lại trang và thử lại."
        case .required: "Không được để trống."
        case .invalid: "Giá trị không hợp lệ."
        case .rank: "Thứ hạng"
        case .malformedMultipart: "Dữ liệu gửi lên không hợp lệ: thiếu hoặc sai ranh giới (boundary) của biểu mẫu nhiều phần."
        case .seconds: "%@ giây"
        case .minutes: "%@ phút"
        case .passwordTooLong: "Mật khẩu dài tối đa 128 ký tự."
        case .passwordRepetitive: "Mật khẩu lặp lại quá nhiều: cần ít nhất 5 ký tự khác nhau (ví dụ \"Aaaaaaaaaa1\" không được chấp nhận)."
        case .passwordPersonal: "Mật khẩu không được chứa tên đăng nhập, tên hệ thống (ChiSo) hay tên tỉnh: những thứ ấy dễ đoán."
        case .passwordCommon: "Mật khẩu này thuộc loại phổ biến, dễ bị đoán (ví dụ \"Matkhau@123\", \"Admin12345\"). Hãy chọn một cụm từ riêng của bạn."
        case .tooLong: "Dài quá mức cho phép: tối đa %@ ký tự."
        case .stateChangedMeanwhile: "Hồ sơ vừa được người khác chuyển trạng thái. Hãy tải lại trang."
        case .tooManyFields: "Biểu mẫu có quá nhiều trường (tối đa %@): chưa có gì được lưu."
        case .moreProblems: "… và %@ lỗi khác."
        case .looksLikeFormula: "Không được bắt đầu bằng %@: bảng tính (Excel) sẽ chạy nội dung này như một công thức."
        case .fieldTooLong: "Nội dung ô \"%@\" dài quá mức cho phép: tối đa %@ ký tự. Chưa có gì được lưu."
        case .importTooManyRows: "Tệp có %@ dòng dữ liệu, vượt giới hạn %@ dòng cho một lần nhập: chưa dòng nào được nhập. Hãy chia tệp thành nhiều phần."
        case .importRowLimit: "Tối đa %@ dòng dữ liệu mỗi lần nhập."
        case .criterion: "Tiêu chí"
        case .selfShort: "Tự chấm"
        case .appraisedShort: "Thẩm định"
        case .finalShort: "Cuối cùng"
        case .comment: "Nhận xét"
        case .largestSelfAppraised: "Tiêu chí chênh lệch nhiều nhất giữa tự chấm và thẩm định"
        case .largestSelfFinal: "Chênh lệch lớn nhất giữa tự chấm và kết quả cuối"
        case .assessmentTitle: "Hồ sơ tự đánh giá"
        case .officialResult: "Kết quả chính thức"
        case .officialNote: "Điểm sau thẩm định; bảng dưới là điểm tự chấm của đơn vị."
        case .provisionalTotal: "Tổng điểm tạm tính"
        case .selfPoints: "Điểm tự chấm"
        case .points: "Điểm"
        case .input: "Số liệu"
        case .why: "Cách tính"
        case .evidence: "Tài liệu kiểm chứng"
        case .notApplicable: "Không áp dụng"
        case .unreadableBody: "Không đọc được dữ liệu gửi lên."
        case .storageFull: "Máy chủ đã hết dung lượng lưu trữ: thay đổi này chưa được lưu, dữ liệu đã có vẫn nguyên vẹn. Vui lòng báo quản trị hệ thống và thử lại sau."
        case .publishedResultsLink: "Kết quả đã công bố"
        }
    }

    var english: String {
        switch self {
        case .appName: "ChiSo"
        case .appTagline: "Quality of operations of state agencies"
        case .demoNotice: "Demo data: the province, its agencies and figures are invented."
        case .demoNoticeLabel: "About the data"
        case .problemsHeading: "Not done (%@ problems):"
        case .backToPrevious: "Back to the page you were on"
        case .refusedNothingChanged: "The request was not carried out; nothing was changed."
        case .skipToContent: "Skip to main content"
        case .mainNavigation: "Main navigation"
        case .navHome: "Home"
        case .navAppraisal: "Appraisal"
        case .navCouncil: "Council"
        case .navDashboard: "Dashboard"
        case .navMonitoring: "Monitoring"
        case .navTasks: "Tasks"
        case .navAgencies: "Agencies"
        case .navUsers: "Accounts"
        case .navAudit: "Audit log"
        case .navIdentity: "Installation"
        case .navIndexes: "Indexes"
        case .navPeriods: "Periods"
        case .navAccount: "Change password"
        case .logout: "Log out"
        case .login: "Log in"
        case .languageSwitch: "Tiếng Việt"
        case .loginTitle: "Log in to ChiSo"
        case .username: "Username"
        case .password: "Password"
        case .loginButton: "Log in"
        case .loginFailed: "Wrong username or password."
        case .loginThrottled: "Too many failed logins in a row. Please wait %@ and try again."
        case .sessionExpired: "Your session expired; please log in again."
        case .changePasswordTitle: "Change password"
        case .changePasswordIntro: "Your account was created by an administrator: choose your own password before going on."
        case .currentPassword: "Current password"
        case .newPassword: "New password"
        case .repeatPassword: "Repeat the new password"
        case .save: "Save"
        case .cancel: "Cancel"
        case .passwordChanged: "Password changed."
        case .passwordMismatch: "The two new passwords differ."
        case .passwordWrong: "The current password is wrong."
        case .passwordPolicy: "A password needs at least 10 characters with upper and lower case letters and a digit, and must differ from the username."
        case .homeTitle: "Home"
        case .yourAgency: "Agency"
        case .yourRoles: "Roles"
        case .currentPeriods: "Assessment periods"
        case .noPeriods: "No assessment period yet."
        case .deadline: "Deadline"
        case .daysLeft: "%@ days left"
        case .overdue: "overdue"
        case .agencies: "Agencies"
        case .agencyCode: "Code"
        case .agencyName: "Name"
        case .agencyGroup: "Group"
        case .agencyTags: "Tags"
        case .newAgency: "Add an agency"
        case .editAgency: "Edit agency"
        case .importAgencies: "Import a list from CSV"
        case .importHelp: "A UTF-8 CSV with the header code,name,group,tags (tags separated by ;). Existing agencies are updated by code."
        case .importButton: "Import"
        case .importedAgencies: "Imported %@ agencies (%@ new, %@ updated)."
        case .created: "Added."
        case .updated: "Updated."
        case .saved: "Saved."
        case .actions: "Actions"
        case .edit: "Edit"
        case .none: "(none)"
        case .all: "All"
        case .filter: "Filter"
        case .search: "Search"
        case .users: "Accounts"
        case .displayName: "Full name"
        case .roles: "Roles"
        case .agency: "Agency"
        case .active: "Active"
        case .inactive: "Locked"
        case .mustChangePassword: "Must change password at login"
        case .newUser: "Add an account"
        case .editUser: "Edit account"
        case .resetPassword: "Reset password"
        case .temporaryPassword: "Temporary password"
        case .passwordResetDone: "Password reset; the user must change it at login."
        case .lastLogin: "Last login"
        case .audit: "Audit log"
        case .auditAt: "When"
        case .auditWho: "Who"
        case .auditAction: "Action"
        case .auditTarget: "Target"
        case .auditChange: "Before → after"
        case .auditFrom: "Address"
        case .auditEmpty: "No events."
        case .from: "From"
        case .to: "To"
        case .indexes: "Indexes"
        case .indexCode: "Code"
        case .indexVersion: "Version"
        case .indexTitle: "Title"
        case .indexLeaves: "Sub-criteria"
        case .uploadIndex: "Upload a finished version (YAML or Excel)"
        case .indexFile: "Index file"
        case .uploadButton: "Upload"
        case .indexUploaded: "Saved index %@, version %@."
        case .indexRejected: "The file is not valid and was not saved. Problems:"
        case .indexFrozen: "Frozen (used by an open period)"
        case .indexEditable: "Not in use"
        case .maxPoints: "Max points"
        case .rule: "Rule"
        case .viewIndex: "View"
        case .criteria: "Criteria"
        case .periods: "Periods"
        case .newPeriod: "Create a period"
        case .periodName: "Name"
        case .periodKind: "Kind"
        case .periodYear: "Year"
        case .periodNumber: "Quarter/month"
        case .periodStatus: "Status"
        case .selfDeadline: "Self-assessment deadline"
        case .appraisalDeadline: "Appraisal deadline"
        case .explanationDeadline: "Explanation deadline"
        case .assignIndexes: "Index for each group"
        case .group: "Group"
        case .indexForGroup: "Index"
        case .assign: "Apply"
        case .assessments: "Assessments"
        case .state: "State"
        case .score: "Score"
        case .classification: "Class"
        case .kindYear: "Year"
        case .kindQuarter: "Quarter"
        case .kindMonth: "Month"
        case .statusDraft: "Being prepared"
        case .statusOpen: "Open"
        case .statusClosed: "Closed"
        case .statusPublished: "Published"
        case .openPeriod: "Open the period"
        case .forbiddenTitle: "Not allowed"
        case .notFoundTitle: "Not found"
        case .errorTitle: "Something went wrong"
        case .backHome: "Back to home"
        case .csrfFailed: "The form has expired. Please reload the page and try again."
        case .required: "Must not be empty."
        case .invalid: "Not a valid value."
        case .rank: "Rank"
        case .malformedMultipart: "The request is malformed: its multipart boundary is missing or invalid."
        case .seconds: "%@ seconds"
        case .minutes: "%@ minutes"
        case .passwordTooLong: "A password has at most 128 characters."
        case .passwordRepetitive: "The password repeats itself too much: it needs at least 5 different characters (\"Aaaaaaaaaa1\" is refused, for example)."
        case .passwordPersonal: "A password must not contain the username, the system's name (ChiSo) or the province's: they are easy to guess."
        case .passwordCommon: "This password is among the commonest and easy to guess (\"Matkhau@123\", \"Admin12345\", for example). Choose a phrase of your own."
        case .tooLong: "Too long: at most %@ characters."
        case .stateChangedMeanwhile: "Someone else just changed this assessment's state. Please reload."
        case .tooManyFields: "The form has too many fields (at most %@): nothing was saved."
        case .moreProblems: "… and %@ more problems."
        case .looksLikeFormula: "Must not begin with %@: a spreadsheet (Excel) would run it as a formula."
        case .fieldTooLong: "The field \"%@\" is too long: at most %@ characters. Nothing was saved."
        case .importTooManyRows: "The file has %@ data rows, more than the %@ one import may take: nothing was imported. Split the file into parts."
        case .importRowLimit: "At most %@ data rows per import."
        case .criterion: "Criterion"
        case .selfShort: "Self"
        case .appraisedShort: "Appraised"
        case .finalShort: "Final"
        case .comment: "Comment"
        case .largestSelfAppraised: "Largest differences between self and appraised points"
        case .largestSelfFinal: "Largest differences between self and final points"
        case .assessmentTitle: "Self-assessment"
        case .officialResult: "Official result"
        case .officialNote: "Score after appraisal; the table below shows the agency's self-assessed points."
        case .provisionalTotal: "Provisional total"
        case .selfPoints: "Self-assessed points"
        case .points: "Points"
        case .input: "Input"
        case .why: "How it was computed"
        case .evidence: "Evidence"
        case .notApplicable: "Not applicable"
        case .unreadableBody: "The request's body could not be read."
        case .storageFull: "The server's storage is full: this change was not saved; the data already there is intact. Please tell the administrator and try again later."
        case .publishedResultsLink: "Published results"
        }
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
