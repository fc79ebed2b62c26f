import ChiSoCore

/// Texts of recording a deduction with its document, in both languages.
enum DeductionText: String, Phrasebook {
    case heading, value, number, issuedOn, issuer, reason, save, document, notRecorded
    case valueRequired, numberRequired, dateInvalid, dateInFuture, issuerRequired, reasonRequired, recordedNotice

    var vietnamese: String {
        switch self {
        case .heading: "Điểm trừ (Sở Nội vụ hoặc Hội đồng ghi nhận)"
        case .value: "Số lần / số điểm trừ"
        case .number: "Số văn bản"
        case .issuedOn: "Ngày văn bản (dd/mm/yyyy)"
        case .issuer: "Cơ quan ban hành"
        case .reason: "Lý do"
        case .save: "Ghi nhận điểm trừ"
        case .document: "Văn bản số %@ ngày %@ của %@"
        case .notRecorded: "Chưa ghi nhận."
        case .valueRequired: "Cần nhập số lần hoặc số điểm trừ."
        case .numberRequired: "Cần nhập số văn bản làm căn cứ."
        case .dateInvalid: "Ngày văn bản không hợp lệ (dd/mm/yyyy)."
        case .dateInFuture: "Ngày văn bản không được sau hôm nay."
        case .issuerRequired: "Cần nhập cơ quan ban hành văn bản."
        case .reasonRequired: "Cần nêu lý do trừ điểm."
        case .recordedNotice: "Đã ghi nhận điểm trừ %@."
        }
    }

    var english: String {
        switch self {
        case .heading: "Deductions (recorded by the Department of Home Affairs or the council)"
        case .value: "Occurrences / points"
        case .number: "Document number"
        case .issuedOn: "Document date (dd/mm/yyyy)"
        case .issuer: "Issuing body"
        case .reason: "Reason"
        case .save: "Record the deduction"
        case .document: "Document %@ of %@ by %@"
        case .notRecorded: "Not recorded."
        case .valueRequired: "Enter the occurrences or points deducted."
        case .numberRequired: "Enter the number of the document behind it."
        case .dateInvalid: "The document date is not valid (dd/mm/yyyy)."
        case .dateInFuture: "The document date cannot be after today."
        case .issuerRequired: "Enter the body that issued the document."
        case .reasonRequired: "Give the reason for the deduction."
        case .recordedNotice: "Deduction %@ recorded."
        }
    }
}
