import ChiSoCore

/// Texts of the appraisal council's overview, in both languages.
enum CouncilText: String, Phrasebook {
    case title, noOpenPeriod, progressCaption, agencyColumn, stateColumn, appraisedCountColumn, selfColumn, appraisedColumn, differenceColumn,
        ownAgencyActing, ownAgencyNobody

    var vietnamese: String {
        switch self {
        case .title: "Hội đồng thẩm định"
        case .noOpenPeriod: "Không có kỳ đánh giá nào đang mở."
        case .ownAgencyActing: "Đơn vị của bạn: %@ làm thay Chủ tịch Hội đồng."
        case .ownAgencyNobody: "Đơn vị của bạn: bạn không thẩm định hồ sơ này; cần chỉ định người làm thay."
        case .progressCaption: "Tiến độ thẩm định (chênh lệch lớn nhất trước)"
        case .agencyColumn: "Đơn vị"
        case .stateColumn: "Trạng thái"
        case .appraisedCountColumn: "Đã thẩm định"
        case .selfColumn: "Tự chấm"
        case .appraisedColumn: "Thẩm định"
        case .differenceColumn: "Chênh lệch"
        }
    }

    var english: String {
        switch self {
        case .title: "Appraisal council"
        case .noOpenPeriod: "No period is open."
        case .ownAgencyActing: "Your own agency: %@ acts as chair."
        case .ownAgencyNobody: "Your own agency: you do not judge this assessment; name someone to act for you."
        case .progressCaption: "Appraisal progress (largest differences first)"
        case .agencyColumn: "Agency"
        case .stateColumn: "State"
        case .appraisedCountColumn: "Appraised"
        case .selfColumn: "Self"
        case .appraisedColumn: "Appraised"
        case .differenceColumn: "Difference"
        }
    }
}
