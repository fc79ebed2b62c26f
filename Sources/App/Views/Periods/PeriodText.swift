import ChiSoCore

/// Texts of the periods' pages (the form, one period, its appraiser assignments), in both languages.
enum PeriodText: String, Phrasebook {
    case nameExample, dateRange, resultsLink, dashboardLink, provisionalScoresLink, surveyResultsLink, leaderRatingsLink, publish, confirmPublish
    case appraisersHeading, appraisersGuidance, removeAssignment, index, criterionCode, appraiser, assign
    // PeriodController
    case indexesFrozen, alreadyOpen, noGroupIndexed, numberRange, appraisalBeforeSelfDeadline, explanationBeforeAppraisalDeadline
    case chooseIndexAndAppraiser, noSuchCriterion, notOpen, notFinalised, publishedNotice, actionsColumn

    var vietnamese: String {
        switch self {
        case .nameExample: "Ví dụ: Năm 2026"
        case .dateRange: "Từ %@ đến %@"
        case .resultsLink: "Kết quả và xếp hạng"
        case .dashboardLink: "Tổng quan"
        case .provisionalScoresLink: "Theo dõi điểm tạm tính"
        case .surveyResultsLink: "Kết quả điều tra xã hội học"
        case .leaderRatingsLink: "Lãnh đạo tỉnh đánh giá"
        case .publish: "Công bố kết quả kỳ đánh giá"
        case .confirmPublish: "Tôi xác nhận công bố: kết quả và xếp hạng hiển thị cho mọi đơn vị và trên trang công khai; không thể thu hồi."
        case .appraisersHeading: "Phân công thẩm định"
        case .appraisersGuidance: "Tiêu chí (hoặc nhóm) chưa phân công do thành viên thẩm định của cơ quan ghi ở trường appraiser của bộ chỉ số thẩm định; nếu không có, do Chủ tịch Hội đồng."
        case .removeAssignment: "bỏ"
        case .index: "Bộ chỉ số"
        case .criterionCode: "Mã tiêu chí hoặc nhóm"
        case .appraiser: "Thành viên thẩm định"
        case .assign: "Phân công"
        case .indexesFrozen: "Kỳ đánh giá đã mở: không đổi bộ chỉ số được nữa."
        case .alreadyOpen: "Kỳ đánh giá này đã mở."
        case .noGroupIndexed: "Chưa chọn bộ chỉ số cho khối nào."
        case .numberRange: "Nhập quý 1–4 hoặc tháng 1–12."
        case .appraisalBeforeSelfDeadline: "Hạn thẩm định phải sau hạn tự đánh giá."
        case .explanationBeforeAppraisalDeadline: "Hạn giải trình phải sau hạn thẩm định."
        case .chooseIndexAndAppraiser: "Chọn bộ chỉ số và một thành viên thẩm định."
        case .noSuchCriterion: "Không có tiêu chí %@ trong %@."
        case .notOpen: "Kỳ đánh giá này không ở trạng thái đang mở."
        case .notFinalised: "Còn %@ hồ sơ chưa chốt kết quả: %@."
        case .publishedNotice: "Đã công bố kết quả %@."
        case .actionsColumn: "Thao tác"
        }
    }

    var english: String {
        switch self {
        case .nameExample: "For example: Year 2026"
        case .dateRange: "From %@ to %@"
        case .resultsLink: "Results and ranking"
        case .dashboardLink: "Dashboard"
        case .provisionalScoresLink: "Provisional scores"
        case .surveyResultsLink: "Survey results"
        case .leaderRatingsLink: "Leader ratings"
        case .publish: "Publish the period's results"
        case .confirmPublish: "I confirm the publication: results and rankings become visible to every agency and on the public page; it cannot be withdrawn."
        case .appraisersHeading: "Appraiser assignments"
        case .appraisersGuidance: "Criteria (or groups) without an assignment are appraised by the appraisers of the agency named in the index's appraiser field; otherwise by the council chair."
        case .removeAssignment: "remove"
        case .index: "Index"
        case .criterionCode: "Criterion or group code"
        case .appraiser: "Appraiser"
        case .assign: "Assign"
        case .indexesFrozen: "The period is open: its indexes can no longer change."
        case .alreadyOpen: "This period is already open."
        case .noGroupIndexed: "No group has an index yet."
        case .numberRange: "Enter quarter 1–4 or month 1–12."
        case .appraisalBeforeSelfDeadline: "The appraisal deadline must follow the self-assessment deadline."
        case .explanationBeforeAppraisalDeadline: "The explanation deadline must follow the appraisal deadline."
        case .chooseIndexAndAppraiser: "Choose an index and an appraiser."
        case .noSuchCriterion: "No criterion %@ in %@."
        case .notOpen: "This period is not open."
        case .notFinalised: "%@ assessments are not finalised: %@."
        case .publishedNotice: "Published %@."
        case .actionsColumn: "Actions"
        }
    }
}
