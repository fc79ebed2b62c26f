import ChiSoCore

/// Texts of publishing a period with its announcing decision, of the data declarations that come
/// before finalising, and of official documents' draft marks, in both languages.
enum PublicationText: String, Phrasebook {
    // The announcing decision
    case decisionHeading, decisionGuidance, number, numberHint, signedOn, issuer, issuerHint, signer, signerAuthority, signerAuthorityHint
    case signerPosition, signerPositionHint, citation, announcedBy, signedFile, attachSignedFile, attach, fileAttached, onlyPDF
    case numberRequired, dateInvalid, dateInFuture, issuerRequired, signerRequired, positionRequired, notPublishedYet, problemsHeading
    // Drafts
    case draftMark, draftNotice, annexOf
    // Data declarations
    case dataHeading, dataGuidance, dataSet, dataStatus, declaredOn, notDeclared, declare, checkedOn, confirmDeclare, withdraw
    case declaredNotice, withdrawnNotice, checkedOnInvalid, checkedOnFuture, notUsed, withdrawAfterFinal, provisionalData, missingData

    var vietnamese: String {
        switch self {
        case .decisionHeading: "Quyết định công bố kết quả"
        case .decisionGuidance: "Kết quả được công bố theo quyết định của cấp có thẩm quyền. Ghi số, ngày, cơ quan ban hành và người ký; các bản xuất (PDF, Excel) in các thông tin này ở phần đầu và khối chữ ký."
        case .number: "Số quyết định"
        case .numberHint: "Ví dụ: 125/QĐ-UBND"
        case .signedOn: "Ngày ký"
        case .issuer: "Cơ quan ban hành"
        case .issuerHint: "Ví dụ: UBND tỉnh Minh Hoạ"
        case .signer: "Người ký"
        case .signerAuthority: "Thẩm quyền ký"
        case .signerAuthorityHint: "Ví dụ: KT. CHỦ TỊCH (để trống nếu người đứng đầu ký)"
        case .signerPosition: "Chức vụ người ký"
        case .signerPositionHint: "Ví dụ: PHÓ CHỦ TỊCH"
        case .citation: "Quyết định số %@ ngày %@ của %@"
        case .announcedBy: "Công bố theo %@."
        case .signedFile: "Bản quyết định đã ký (PDF)"
        case .attachSignedFile: "Đính kèm bản quyết định đã ký (PDF)"
        case .attach: "Đính kèm"
        case .fileAttached: "Đã đính kèm bản quyết định đã ký."
        case .onlyPDF: "Bản quyết định đã ký phải là tệp PDF."
        case .numberRequired: "Cần ghi số quyết định."
        case .dateInvalid: "Ngày ký không hợp lệ (ngày/tháng/năm)."
        case .dateInFuture: "Ngày ký không được sau hôm nay."
        case .issuerRequired: "Cần ghi cơ quan ban hành."
        case .signerRequired: "Cần ghi họ tên người ký."
        case .positionRequired: "Cần ghi chức vụ người ký."
        case .notPublishedYet: "Kỳ đánh giá chưa công bố: chưa có quyết định."
        case .problemsHeading: "Chưa công bố được:"
        case .draftMark: "DỰ THẢO"
        case .draftNotice: "Dự thảo: kết quả chưa được công bố chính thức."
        case .annexOf: "(Kèm theo %@)"
        case .dataHeading: "Số liệu nguồn"
        case .dataGuidance: "Các tiêu chí lấy số liệu từ nhiệm vụ, khảo sát và đánh giá của lãnh đạo chỉ được tính chính thức khi Sở Nội vụ xác nhận số liệu của kỳ đã đầy đủ. Trước đó điểm là tạm tính và không chốt được kết quả."
        case .dataSet: "Số liệu"
        case .dataStatus: "Tình trạng"
        case .declaredOn: "Đã xác nhận đầy đủ (kiểm tra ngày %@)"
        case .notDeclared: "Chưa xác nhận"
        case .declare: "Xác nhận đầy đủ"
        case .checkedOn: "Ngày kiểm tra số liệu"
        case .confirmDeclare: "Tôi xác nhận số liệu đã đầy đủ: điểm các tiêu chí liên quan được tính chính thức (đơn vị không có nhiệm vụ đến hạn: không áp dụng)."
        case .withdraw: "Huỷ xác nhận"
        case .declaredNotice: "Đã xác nhận đầy đủ: %@."
        case .withdrawnNotice: "Đã huỷ xác nhận: %@."
        case .checkedOnInvalid: "Ngày kiểm tra không hợp lệ (ngày/tháng/năm)."
        case .checkedOnFuture: "Ngày kiểm tra không được sau hôm nay."
        case .notUsed: "Bộ chỉ số của kỳ không dùng số liệu này."
        case .withdrawAfterFinal: "Đã có kết quả chốt dùng số liệu này: không huỷ xác nhận được (mở lại hồ sơ trước)."
        case .provisionalData: "Chưa đủ số liệu: %@ chưa được xác nhận đầy đủ; điểm dưới đây là tạm tính."
        case .missingData: "Chưa đủ số liệu: %@ chưa được Sở Nội vụ xác nhận đầy đủ."
        }
    }

    var english: String {
        switch self {
        case .decisionHeading: "Decision announcing the results"
        case .decisionGuidance: "Results are published by a decision of the competent authority. Give its number, date, issuing body and signer; exports (PDF, Excel) print them in their heading and signature block."
        case .number: "Decision number"
        case .numberHint: "For example: 125/QĐ-UBND"
        case .signedOn: "Signed on"
        case .issuer: "Issuing body"
        case .issuerHint: "For example: UBND tỉnh Minh Hoạ"
        case .signer: "Signed by"
        case .signerAuthority: "Signing authority"
        case .signerAuthorityHint: "For example: KT. CHỦ TỊCH (empty when the head signs)"
        case .signerPosition: "Signer's position"
        case .signerPositionHint: "For example: PHÓ CHỦ TỊCH"
        case .citation: "Decision No. %@ of %@ by %@"
        case .announcedBy: "Announced by %@."
        case .signedFile: "Signed decision (PDF)"
        case .attachSignedFile: "Attach the signed decision (PDF)"
        case .attach: "Attach"
        case .fileAttached: "The signed decision is attached."
        case .onlyPDF: "The signed decision must be a PDF file."
        case .numberRequired: "The decision's number is required."
        case .dateInvalid: "The signing date is not valid (day/month/year)."
        case .dateInFuture: "The signing date cannot be after today."
        case .issuerRequired: "The issuing body is required."
        case .signerRequired: "The signer's name is required."
        case .positionRequired: "The signer's position is required."
        case .notPublishedYet: "The period is not published: there is no decision yet."
        case .problemsHeading: "Not published:"
        case .draftMark: "DRAFT"
        case .draftNotice: "Draft: the results are not officially published."
        case .annexOf: "(Annex to %@)"
        case .dataHeading: "Source data"
        case .dataGuidance: "Criteria fed by tasks, surveys and leaders' ratings count officially only once the organiser declares the period's data complete. Until then their scores are provisional and no result can be finalised."
        case .dataSet: "Data"
        case .dataStatus: "Status"
        case .declaredOn: "Declared complete (checked on %@)"
        case .notDeclared: "Not declared"
        case .declare: "Declare complete"
        case .checkedOn: "Day the data were checked"
        case .confirmDeclare: "I declare the data complete: the criteria they feed count officially (an agency with no task due: not applicable)."
        case .withdraw: "Withdraw the declaration"
        case .declaredNotice: "Declared complete: %@."
        case .withdrawnNotice: "Declaration withdrawn: %@."
        case .checkedOnInvalid: "The checking day is not valid (day/month/year)."
        case .checkedOnFuture: "The checking day cannot be after today."
        case .notUsed: "The period's indexes do not use these data."
        case .withdrawAfterFinal: "A final result uses these data: the declaration cannot be withdrawn (reopen the assessment first)."
        case .provisionalData: "Data not complete: %@ not yet declared complete; the scores below are provisional."
        case .missingData: "Data not complete: the organiser has not yet declared the %@ complete."
        }
    }
}
