import ChiSoCore

/// Texts of the appraiser's queue and of an assessment's appraisal page, in both languages.
enum AppraisalText: String, Phrasebook {
    // The queue
    case queueTitle, nothingWaiting, agency, period, state, appraisedColumn, newExplanations
    // The assessment's head and actions
    case title, explanationDeadline, selfAssessedScore, appraisedScore, criteriaAppraised, alsoAppraising, appraisers
    case confirmUntouched, release, finalise, reopenReason, reopen
    // A leaf
    case max, appraiser, councilChair, selfAssessedByAgency, appraised, notAppraisedYet, agencyExplanation, previewHere
    case appraisedValue, comment, saveAppraisal, explanation, sendExplanation, appraisedChoice, confirmAsEntered, pointsWord
    // AppraisalController
    case onlyExplainedReexamined, commentRequiredWhenAdjusting, appraisedNotice, confirmedNotice, releasedNotice
    case explanationEmpty, explanationSentNotice, reopenedNotice, finalisedNotice
    // The chair's own agency: who acts as chair
    case actingChairTitle, actingChairExplain, actingChairIs, actingChairLabel, actingChairNone, actingChairSave
    case actingChairNotEligible, actingChairNamed, actingChairWithdrawn, ownAgencyNote
    // Bonus and deduction items
    case itemsHeading, bonusItem, deductionItem
    // Confirmations
    case confirmRelease, confirmFinalise
    // What the council changed (the explanation round)
    case changesHeading, noChanges, changesGuidance, changesCount, appraiserReason, noReasonGiven, notExplainedYet
    case moreEvidence, uploadEvidence, changedByCouncil, evidenceFiles

    var vietnamese: String {
        switch self {
        case .queueTitle: "Hồ sơ cần thẩm định"
        case .nothingWaiting: "Không có hồ sơ nào đang chờ bạn."
        case .agency: "Đơn vị"
        case .period: "Kỳ"
        case .state: "Trạng thái"
        case .appraisedColumn: "Đã thẩm định"
        case .newExplanations: "Giải trình mới"
        case .title: "Thẩm định: %@"
        case .explanationDeadline: "hạn giải trình %@"
        case .selfAssessedScore: "Điểm tự chấm"
        case .appraisedScore: "Điểm thẩm định"
        case .criteriaAppraised: "%@ tiêu chí đã thẩm định"
        case .alsoAppraising: "Cùng thẩm định hồ sơ này"
        case .appraisers: "Người thẩm định"
        case .confirmUntouched: "Xác nhận tất cả tiêu chí chưa thẩm định"
        case .release: "Gửi kết quả sơ bộ cho đơn vị"
        case .finalise: "Chốt kết quả"
        case .reopenReason: "Lý do mở lại"
        case .reopen: "Mở lại hồ sơ"
        case .max: "tối đa"
        case .appraiser: "Thẩm định: "
        case .councilChair: "Chủ tịch Hội đồng"
        case .selfAssessedByAgency: "Đơn vị tự chấm"
        case .appraised: "Thẩm định"
        case .notAppraisedYet: "chưa thẩm định"
        case .agencyExplanation: "Giải trình của đơn vị"
        case .previewHere: "Xem trước trong trang"
        case .appraisedValue: "Giá trị thẩm định (để trống = xác nhận như đơn vị)"
        case .appraisedChoice: "Kết quả thẩm định"
        case .confirmAsEntered: "Xác nhận như đơn vị tự chấm"
        case .pointsWord: "điểm"
        case .comment: "Nhận xét (bắt buộc khi điều chỉnh)"
        case .saveAppraisal: "Lưu thẩm định"
        case .explanation: "Giải trình"
        case .sendExplanation: "Gửi giải trình"
        case .onlyExplainedReexamined: "Chỉ thẩm định lại các tiêu chí đơn vị đã giải trình."
        case .commentRequiredWhenAdjusting: "Khi điều chỉnh điểm, cần ghi nhận xét."
        case .appraisedNotice: "Đã thẩm định %@."
        case .confirmedNotice: "Đã xác nhận %@ tiêu chí."
        case .releasedNotice: "Đã gửi kết quả sơ bộ cho đơn vị."
        case .explanationEmpty: "Nội dung giải trình không được để trống."
        case .explanationSentNotice: "Đã gửi giải trình %@."
        case .reopenedNotice: "Đã mở lại hồ sơ."
        case .finalisedNotice: "Đã chốt kết quả: %@."
        case .actingChairTitle: "Người thay Chủ tịch Hội đồng cho hồ sơ này"
        case .actingChairExplain: "Đây là hồ sơ của đơn vị bạn: bạn không thẩm định, gửi kết quả sơ bộ hay chốt kết quả. Chỉ định một thành viên Hội đồng của đơn vị khác làm thay."
        case .actingChairIs: "Người làm thay Chủ tịch Hội đồng: %@."
        case .actingChairLabel: "Thành viên Hội đồng"
        case .actingChairNone: "— Chưa chỉ định —"
        case .actingChairSave: "Lưu chỉ định"
        case .actingChairNotEligible: "Chỉ chỉ định được thẩm định viên hoặc Chủ tịch Hội đồng đang hoạt động của đơn vị khác."
        case .actingChairNamed: "Đã chỉ định %@ làm thay Chủ tịch Hội đồng cho hồ sơ này."
        case .actingChairWithdrawn: "Đã bỏ chỉ định người làm thay."
        case .ownAgencyNote: "Hồ sơ của đơn vị bạn: bạn chỉ xem, không thẩm định."
        case .itemsHeading: "Điểm thưởng và điểm trừ"
        case .bonusItem: "(điểm thưởng)"
        case .deductionItem: "(điểm trừ)"
        case .confirmRelease: "Tôi xác nhận gửi kết quả sơ bộ: đơn vị xem và giải trình đến hết ngày %@; sau đó chỉ thẩm định lại tiêu chí được giải trình."
        case .confirmFinalise: "Tôi xác nhận chốt kết quả: %@ điểm, xếp loại %@ trở thành kết quả chính thức; chỉ quản trị hệ thống mở lại được, có lý do."
        case .changesHeading: "Những điểm Hội đồng đã điều chỉnh"
        case .noChanges: "Hội đồng giữ nguyên điểm tự đánh giá ở mọi tiêu chí đã thẩm định."
        case .changesGuidance: "Hội đồng đã điều chỉnh %@ mục. Đơn vị có thể giải trình từng mục (kèm thêm tài liệu kiểm chứng) đến hết ngày %@."
        case .changesCount: "Hội đồng đã điều chỉnh %@ mục."
        case .appraiserReason: "Lý do của thành viên thẩm định"
        case .noReasonGiven: "Không ghi lý do"
        case .notExplainedYet: "Chưa giải trình"
        case .moreEvidence: "Thêm tài liệu kiểm chứng"
        case .uploadEvidence: "Tải lên"
        case .evidenceFiles: "Tài liệu kiểm chứng"
        case .changedByCouncil: "Hội đồng đã điều chỉnh điểm mục này — xem và giải trình ở đầu trang"
        }
    }

    var english: String {
        switch self {
        case .queueTitle: "Appraisal queue"
        case .nothingWaiting: "Nothing is waiting for you."
        case .agency: "Agency"
        case .period: "Period"
        case .state: "State"
        case .appraisedColumn: "Appraised"
        case .newExplanations: "New explanations"
        case .title: "Appraisal: %@"
        case .explanationDeadline: "explanation deadline %@"
        case .selfAssessedScore: "Self-assessed"
        case .appraisedScore: "Appraised"
        case .criteriaAppraised: "%@ criteria appraised"
        case .alsoAppraising: "Also appraising"
        case .appraisers: "Appraisers"
        case .confirmUntouched: "Confirm every untouched criterion"
        case .release: "Release to the agency"
        case .finalise: "Finalise"
        case .reopenReason: "Reason for reopening"
        case .reopen: "Reopen"
        case .max: "max"
        case .appraiser: "Appraiser: "
        case .councilChair: "the council chair"
        case .selfAssessedByAgency: "Self-assessed"
        case .appraised: "Appraised"
        case .notAppraisedYet: "not appraised yet"
        case .agencyExplanation: "Agency's explanation"
        case .previewHere: "Preview here"
        case .appraisedValue: "Appraised value (empty = confirm as entered)"
        case .appraisedChoice: "Appraisal"
        case .confirmAsEntered: "Confirm as the agency entered it"
        case .pointsWord: "points"
        case .comment: "Comment (required when adjusting)"
        case .saveAppraisal: "Save appraisal"
        case .explanation: "Explanation"
        case .sendExplanation: "Send explanation"
        case .onlyExplainedReexamined: "Only explained criteria are re-examined."
        case .commentRequiredWhenAdjusting: "A comment is required when adjusting."
        case .appraisedNotice: "Appraised %@."
        case .confirmedNotice: "Confirmed %@ criteria."
        case .releasedNotice: "Released to the agency."
        case .explanationEmpty: "The explanation is empty."
        case .explanationSentNotice: "Explanation sent for %@."
        case .reopenedNotice: "Reopened."
        case .finalisedNotice: "Finalised: %@."
        case .actingChairTitle: "Acting chair for this assessment"
        case .actingChairExplain: "This is your own agency's assessment: you do not appraise, release or finalise it. Name a council member of another agency to act for you."
        case .actingChairIs: "Acting chair: %@."
        case .actingChairLabel: "Council member"
        case .actingChairNone: "— Nobody named —"
        case .actingChairSave: "Save"
        case .actingChairNotEligible: "Only an active appraiser or chair of another agency can be named."
        case .actingChairNamed: "%@ now acts as chair for this assessment."
        case .actingChairWithdrawn: "The acting chair was withdrawn."
        case .ownAgencyNote: "Your own agency's assessment: you may read it, not appraise it."
        case .itemsHeading: "Bonus and deduction points"
        case .bonusItem: "(bonus)"
        case .deductionItem: "(deduction)"
        case .confirmRelease: "I confirm the release: the agency sees the result and may explain until the end of %@; after that, only explained criteria are re-examined."
        case .confirmFinalise: "I confirm the final result: %@ points, class %@ become official; only an administrator can reopen it, with a reason."
        case .changesHeading: "What the council changed"
        case .noChanges: "The council kept the self-assessed points on every criterion it appraised."
        case .changesGuidance: "The council changed %@ items. The agency may explain each (and add evidence) until the end of %@."
        case .changesCount: "The council changed %@ items."
        case .appraiserReason: "The appraiser's reason"
        case .noReasonGiven: "No reason given"
        case .notExplainedYet: "Not explained yet"
        case .moreEvidence: "Add evidence"
        case .uploadEvidence: "Upload"
        case .evidenceFiles: "Evidence"
        case .changedByCouncil: "The council changed this item's points — see and explain it at the top of the page"
        }
    }
}
