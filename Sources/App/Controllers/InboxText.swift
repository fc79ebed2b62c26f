import ChiSoCore

/// Texts of the home page's to-do list (``InboxQueries``), in both languages.
enum InboxText: String, Phrasebook {
    case title
    // The agency's assessments
    case returned, selfAssessmentDaysLeft, selfAssessmentOverdue, releasedExplainBefore
    // Assigned tasks
    case agencyTasksOverdue, agencyTasksDueSoon, provinceTasksOverdue
    // The council's side
    case awaitingAppraisal, readyToFinalise, submitted

    var vietnamese: String {
        switch self {
        case .title: "Việc cần làm"
        case .returned: "Hồ sơ %@ bị trả lại"
        case .selfAssessmentDaysLeft: "Tự đánh giá %@: còn %@ ngày (hạn %@)"
        case .selfAssessmentOverdue: "Tự đánh giá %@: đã quá hạn %@"
        case .releasedExplainBefore: "Đã có kết quả thẩm định sơ bộ %@: giải trình trước %@ (còn %@ ngày)"
        case .agencyTasksOverdue: "%@ nhiệm vụ được giao đã quá hạn mà chưa hoàn thành (tính đến hôm nay, mọi kỳ)"
        case .agencyTasksDueSoon: "%@ nhiệm vụ đến hạn trong 7 ngày tới"
        case .provinceTasksOverdue: "%@ nhiệm vụ quá hạn chưa hoàn thành trong toàn tỉnh"
        case .awaitingAppraisal: "%@ hồ sơ có tiêu chí bạn thẩm định đang chờ thẩm định hoặc thẩm định lại"
        case .readyToFinalise: "%@ hồ sơ có thể chốt kết quả"
        case .submitted: "%@ hồ sơ đã nộp"
        }
    }

    var english: String {
        switch self {
        case .title: "Needs you"
        case .returned: "%@ was returned"
        case .selfAssessmentDaysLeft: "Self-assessment %@: %@ days left (deadline %@)"
        case .selfAssessmentOverdue: "Self-assessment %@: deadline %@ passed"
        case .releasedExplainBefore: "Preliminary results %@: explain before %@ (%@ days left)"
        case .agencyTasksOverdue: "%@ assigned tasks are overdue (as of today, any period)"
        case .agencyTasksDueSoon: "%@ tasks fall due within 7 days"
        case .provinceTasksOverdue: "%@ tasks overdue across the province"
        case .awaitingAppraisal: "%@ assessments with criteria you appraise await appraisal or re-examination"
        case .readyToFinalise: "%@ assessments can be finalised"
        case .submitted: "%@ assessments submitted"
        }
    }
}
