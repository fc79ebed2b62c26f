import ChiSoCore

/// A period while it runs: membership, deadlines, closing early, copying a setup; in both languages.
enum PeriodAdminText: String, Phrasebook {
    case periodNotOpen, agencyEnded, groupHasNoIndex, alreadyInPeriod, agencyAdded, assessmentClosed, nothingMoved, deadlinesChanged
    case periodClosed, membershipHeading, notInPeriodHeading, notInPeriodHelp, addButton, leavingHeading, leavingHelp, closeButton
    case closeReasonLabel, deadlinesHeading, changeDeadlinesButton, deadlineReasonLabel, deadlineHistory, deadlineRow
    case closeEarlyHeading, closeEarlyHelp, closeEarlyButton, closedBanner, copyFromLabel, copyFromNone, copiedNotice
    case rollupLabel, rollupNone, rollupSum, rollupAverage, homeChangesHeading, homeChangeRow
    case selfDeadlineName, appraisalDeadlineName, explanationDeadlineName, notRankedHeading, notRankedRow, periodClosedRefusal
    case endedAgencyNote, reasonLabel, agencyNotYetFormed, agencyStillActive

    var vietnamese: String {
        switch self {
        case .periodNotOpen: "Kỳ đánh giá không ở trạng thái cho phép thay đổi này."
        case .agencyEnded: "Đơn vị %@ đã kết thúc hoạt động."
        case .groupHasNoIndex: "Khối %@ chưa được gán bộ chỉ số trong kỳ này."
        case .alreadyInPeriod: "Đơn vị %@ đã có hồ sơ trong kỳ."
        case .agencyAdded: "Đã thêm %@ vào kỳ đánh giá."
        case .assessmentClosed: "Đã đóng hồ sơ của %@: hồ sơ không được xếp hạng."
        case .nothingMoved: "Không có hạn nào thay đổi."
        case .deadlinesChanged: "Đã thay đổi thời hạn; các đơn vị thấy thông báo trên trang chủ."
        case .periodClosed: "Đã đóng kỳ đánh giá."
        case .membershipHeading: "Đơn vị tham gia kỳ"
        case .notInPeriodHeading: "Đơn vị chưa có hồ sơ trong kỳ"
        case .notInPeriodHelp: "Đơn vị mới thành lập (hoặc hình thành sau hợp nhất, chia tách) khi kỳ đang mở: thêm vào kỳ để lập hồ sơ theo bộ chỉ số của khối."
        case .addButton: "Thêm %@ vào kỳ"
        case .leavingHeading: "Hồ sơ của đơn vị đã kết thúc"
        case .leavingHelp: "Đơn vị đã hợp nhất, chia tách hoặc giải thể: đóng hồ sơ (nêu lý do) để không xếp hạng, hoặc để hồ sơ hoàn thành."
        case .closeButton: "Đóng hồ sơ %@"
        case .closeReasonLabel: "Lý do đóng hồ sơ %@"
        case .deadlinesHeading: "Thời hạn"
        case .changeDeadlinesButton: "Thay đổi thời hạn"
        case .deadlineReasonLabel: "Lý do thay đổi"
        case .deadlineHistory: "Các lần thay đổi thời hạn"
        case .deadlineRow: "%@: %@ → %@ (%@; %@, %@)"
        case .closeEarlyHeading: "Đóng kỳ sớm"
        case .closeEarlyHelp: "Đóng kỳ trước thời hạn: mọi hồ sơ của kỳ không thay đổi được nữa. Cần nêu lý do."
        case .closeEarlyButton: "Đóng kỳ"
        case .closedBanner: "Kỳ đã đóng: %@"
        case .copyFromLabel: "Sao chép thiết lập từ kỳ"
        case .copyFromNone: "Không sao chép"
        case .copiedNotice: "Đã tạo kỳ; đã sao chép bộ chỉ số của %@ khối và %@ phân công thẩm định từ %@."
        case .rollupLabel: "Kết quả năm từ các quý, tháng"
        case .rollupNone: "Chỉ hiển thị cạnh nhau"
        case .rollupSum: "Cộng điểm các kỳ"
        case .rollupAverage: "Trung bình điểm các kỳ"
        case .homeChangesHeading: "Thay đổi thời hạn"
        case .homeChangeRow: "%@ — %@: từ %@ thành %@. Lý do: %@"
        case .selfDeadlineName: "Hạn tự đánh giá"
        case .appraisalDeadlineName: "Hạn thẩm định"
        case .explanationDeadlineName: "Hạn giải trình"
        case .notRankedHeading: "Không xếp hạng"
        case .notRankedRow: "%@ — hồ sơ đã đóng: %@"
        case .periodClosedRefusal: "Kỳ đánh giá đã đóng: hồ sơ không thay đổi được nữa."
        case .endedAgencyNote: "kết thúc từ %@"
        case .reasonLabel: "Lý do"
        case .agencyNotYetFormed: "Đơn vị %@ hoạt động từ ngày %@: chưa thể thêm vào kỳ."
        case .agencyStillActive: "Đơn vị %@ vẫn hoạt động: chỉ đóng hồ sơ của đơn vị đã hợp nhất, chia tách hoặc giải thể."
        }
    }

    var english: String {
        switch self {
        case .periodNotOpen: "The period is not in a state that allows this change."
        case .agencyEnded: "Agency %@ has ended."
        case .groupHasNoIndex: "Group %@ has no index in this period."
        case .alreadyInPeriod: "Agency %@ already has an assessment in the period."
        case .agencyAdded: "%@ added to the period."
        case .assessmentClosed: "%@'s assessment is closed: it is not ranked."
        case .nothingMoved: "No deadline changed."
        case .deadlinesChanged: "Deadlines changed; agencies see a notice on their home page."
        case .periodClosed: "The period is closed."
        case .membershipHeading: "Agencies in the period"
        case .notInPeriodHeading: "Agencies without an assessment in the period"
        case .notInPeriodHelp: "Agencies formed (or created) while the period is open: add them to make their assessment on their group's index."
        case .addButton: "Add %@ to the period"
        case .leavingHeading: "Assessments of agencies that ended"
        case .leavingHelp: "The agency was merged, split or dissolved: close its assessment (with a reason) to leave it out of the ranking, or let it finish."
        case .closeButton: "Close %@'s assessment"
        case .closeReasonLabel: "Why %@'s assessment is closed"
        case .deadlinesHeading: "Deadlines"
        case .changeDeadlinesButton: "Change deadlines"
        case .deadlineReasonLabel: "Reason for the change"
        case .deadlineHistory: "Deadline changes"
        case .deadlineRow: "%@: %@ → %@ (%@; %@, %@)"
        case .closeEarlyHeading: "Close early"
        case .closeEarlyHelp: "Close the period before its course has run: none of its assessments can change any more. A reason is required."
        case .closeEarlyButton: "Close the period"
        case .closedBanner: "The period is closed: %@"
        case .copyFromLabel: "Copy the setup of"
        case .copyFromNone: "Do not copy"
        case .copiedNotice: "Period created; copied the indexes of %@ groups and %@ appraiser assignments from %@."
        case .rollupLabel: "The year's result from its quarters or months"
        case .rollupNone: "Side by side only"
        case .rollupSum: "Sum of the periods' scores"
        case .rollupAverage: "Average of the periods' scores"
        case .homeChangesHeading: "Deadline changes"
        case .homeChangeRow: "%@ — %@: from %@ to %@. Reason: %@"
        case .selfDeadlineName: "Self-assessment deadline"
        case .appraisalDeadlineName: "Appraisal deadline"
        case .explanationDeadlineName: "Explanation deadline"
        case .notRankedHeading: "Not ranked"
        case .notRankedRow: "%@ — assessment closed: %@"
        case .periodClosedRefusal: "The period is closed: its assessments can no longer change."
        case .endedAgencyNote: "ended from %@"
        case .reasonLabel: "Reason"
        case .agencyNotYetFormed: "Agency %@ begins on %@: it cannot join the period yet."
        case .agencyStillActive: "Agency %@ is still active: only the assessment of an agency that was merged, split or dissolved is closed."
        }
    }
}
