import ChiSoCore

/// Accounts in bulk, in both languages.
enum AccountImportText: String, Phrasebook {
    case title, help, rolesHelp, fileLabel, previewButton, previewTitle, previewSummary, lineColumn, emailColumn, importButton
    case anotherFile, issuedTitle, issuedNotice, shownOnce, downloadPDF, downloadFile, printNote, sheetGone, chooseAccounts
    case notOwnAccount, chooseActiveAgency, bulkDone, importLink, bulkHeading, bulkAction, bulkDisable, bulkEnable, bulkMove
    case bulkAgency, bulkButton, chooseAccount

    var vietnamese: String {
        switch self {
        case .title: "Nhập tài khoản từ tệp"
        case .help: "Tệp CSV hoặc Excel (.xlsx), dòng đầu là tiêu đề username,full_name,agency,role,email; mỗi dòng một người. Vai trò cách nhau bởi dấu chấm phẩy; e-mail có thể để trống. Hoặc nhập được tất cả, hoặc không nhập dòng nào."
        case .rolesHelp: "Vai trò: %@."
        case .fileLabel: "Tệp danh sách tài khoản"
        case .previewButton: "Xem trước"
        case .previewTitle: "Xem trước danh sách tài khoản"
        case .previewSummary: "Tệp hợp lệ: %@ tài khoản sẽ được tạo, mỗi người một mật khẩu dùng một lần."
        case .lineColumn: "Dòng"
        case .emailColumn: "E-mail"
        case .importButton: "Tạo %@ tài khoản"
        case .anotherFile: "Chọn tệp khác"
        case .issuedTitle: "Mật khẩu dùng lần đầu"
        case .issuedNotice: "Đã tạo %@ tài khoản."
        case .shownOnce: "Mật khẩu chỉ hiển thị một lần: in trang này, hoặc tải bản in (PDF) và tệp (CSV), mỗi loại tải được một lần trong 1 giờ. Mỗi người phải đổi mật khẩu ở lần đăng nhập đầu."
        case .downloadPDF: "Tải bản in (PDF)"
        case .downloadFile: "Tải tệp (CSV)"
        case .printNote: "%@ — mỗi người đổi mật khẩu ở lần đăng nhập đầu tiên. Giữ bản này như giữ mật khẩu."
        case .sheetGone: "Bản mật khẩu này đã được tải hoặc đã hết hạn: đặt lại mật khẩu cho từng tài khoản nếu cần."
        case .chooseAccounts: "Chọn ít nhất một tài khoản và một thao tác."
        case .notOwnAccount: "Không thể khoá tài khoản của chính mình."
        case .chooseActiveAgency: "Chọn đơn vị đang hoạt động để chuyển tài khoản đến."
        case .bulkDone: "Đã thay đổi %@ tài khoản."
        case .importLink: "Nhập tài khoản từ tệp"
        case .bulkHeading: "Thao tác với các tài khoản đã chọn"
        case .bulkAction: "Thao tác"
        case .bulkDisable: "Khoá"
        case .bulkEnable: "Mở khoá"
        case .bulkMove: "Chuyển sang đơn vị"
        case .bulkAgency: "Đơn vị (khi chuyển)"
        case .bulkButton: "Thực hiện"
        case .chooseAccount: "Chọn %@"
        }
    }

    var english: String {
        switch self {
        case .title: "Import accounts from a file"
        case .help: "A CSV or Excel (.xlsx) file whose first row is the header username,full_name,agency,role,email; one person per row. Roles separated by semicolons; e-mail may be empty. Every row is imported, or none."
        case .rolesHelp: "Roles: %@."
        case .fileLabel: "Account list file"
        case .previewButton: "Preview"
        case .previewTitle: "Preview of the account list"
        case .previewSummary: "The file is valid: %@ accounts will be created, each with a one-time password."
        case .lineColumn: "Line"
        case .emailColumn: "E-mail"
        case .importButton: "Create %@ accounts"
        case .anotherFile: "Choose another file"
        case .issuedTitle: "One-time passwords"
        case .issuedNotice: "%@ accounts created."
        case .shownOnce: "The passwords are shown once: print this page, or download the printable sheet (PDF) and the file (CSV), each once within an hour. Everyone changes the password at the first login."
        case .downloadPDF: "Download the printable sheet (PDF)"
        case .downloadFile: "Download the file (CSV)"
        case .printNote: "%@ — everyone changes the password at the first login. Keep this sheet as you would keep passwords."
        case .sheetGone: "This sheet of passwords was downloaded already or has expired: reset each account's password if needed."
        case .chooseAccounts: "Choose at least one account and an action."
        case .notOwnAccount: "You cannot disable your own account."
        case .chooseActiveAgency: "Choose an active agency to move the accounts to."
        case .bulkDone: "%@ accounts changed."
        case .importLink: "Import accounts from a file"
        case .bulkHeading: "Act on the chosen accounts"
        case .bulkAction: "Action"
        case .bulkDisable: "Disable"
        case .bulkEnable: "Enable"
        case .bulkMove: "Move to an agency"
        case .bulkAgency: "Agency (to move to)"
        case .bulkButton: "Apply"
        case .chooseAccount: "Choose %@"
        }
    }
}
