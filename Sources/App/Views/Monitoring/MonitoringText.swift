import ChiSoCore

/// Texts of the monitoring pages, in both languages.
enum MonitoringText: String, Phrasebook {
    // The overview and ranking
    case title, noOpenPeriod, period, show, provisionalExplanation, rankWithinGroup
    case group, rank, agency, provisional, scoreClass, tasksOverdue, dueInSevenDays, trend
    // One agency
    case provisionalScoreAsOf, rankWord, tasksDueInPeriod, onTimeBreakdown, monthByMonth, today, trendTitle
    case chartFigures, month, score, tasksOnTimeOfDue, overdue, pointsByField, field, points, max
    case tasksToWatch, nothingToWatch, due, allAgencyTasks

    var vietnamese: String {
        switch self {
        case .title: "Theo dõi điểm"
        case .noOpenPeriod: "Chưa có kỳ đánh giá nào đang mở."
        case .period: "Kỳ đánh giá"
        case .show: "Xem"
        case .provisionalExplanation: "Điểm tạm tính theo số liệu tính đến ngày %@: phần đơn vị đã tự chấm và các tiêu chí lấy số liệu tự động (nhiệm vụ, điều tra, lãnh đạo đánh giá). Đây không phải kết quả chính thức."
        case .rankWithinGroup: "xếp hạng trong khối"
        case .group: "Khối"
        case .rank: "Hạng"
        case .agency: "Đơn vị"
        case .provisional: "Điểm tạm tính"
        case .scoreClass: "Xếp loại"
        case .tasksOverdue: "NV quá hạn trong kỳ"
        case .dueInSevenDays: "Đến hạn trong 7 ngày"
        case .trend: "Diễn biến"
        case .provisionalScoreAsOf: "Điểm tạm tính (%@)"
        case .rankWord: "hạng"
        case .tasksDueInPeriod: "Nhiệm vụ đến hạn trong kỳ"
        case .onTimeBreakdown: "đúng hạn; %@ hoàn thành quá hạn, %@ chưa hoàn thành đã quá hạn"
        case .monthByMonth: "Diễn biến theo tháng"
        case .today: "Hôm nay"
        case .trendTitle: "Điểm tạm tính của %@ theo tháng"
        case .chartFigures: "Số liệu của biểu đồ"
        case .month: "Tháng"
        case .score: "Điểm"
        case .tasksOnTimeOfDue: "NV đúng hạn / đến hạn"
        case .overdue: "NV quá hạn"
        case .pointsByField: "Điểm theo lĩnh vực"
        case .field: "Lĩnh vực"
        case .points: "Điểm"
        case .max: "Tối đa"
        case .tasksToWatch: "Nhiệm vụ cần chú ý"
        case .nothingToWatch: "Không có nhiệm vụ quá hạn hay đến hạn trong 7 ngày tới."
        case .due: "hạn "
        case .allAgencyTasks: "Tất cả nhiệm vụ của đơn vị"
        }
    }

    var english: String {
        switch self {
        case .title: "Monitoring"
        case .noOpenPeriod: "No period is open yet."
        case .period: "Period"
        case .show: "Show"
        case .provisionalExplanation: "Provisional scores from the data as of %@: what agencies have entered so far and the criteria fed by data (tasks, surveys, leader ratings). Not an official result."
        case .rankWithinGroup: "rank within group"
        case .group: "Group"
        case .rank: "Rank"
        case .agency: "Agency"
        case .provisional: "Provisional"
        case .scoreClass: "Class"
        case .tasksOverdue: "Overdue in the period"
        case .dueInSevenDays: "Due in 7 days"
        case .trend: "Trend"
        case .provisionalScoreAsOf: "Provisional score (%@)"
        case .rankWord: "rank"
        case .tasksDueInPeriod: "Tasks due in the period"
        case .onTimeBreakdown: "on time; %@ done late, %@ overdue and not done"
        case .monthByMonth: "Month by month"
        case .today: "Today"
        case .trendTitle: "%@'s provisional score by month"
        case .chartFigures: "The chart's figures"
        case .month: "Month"
        case .score: "Score"
        case .tasksOnTimeOfDue: "Tasks on time / due"
        case .overdue: "Overdue"
        case .pointsByField: "Points by field"
        case .field: "Field"
        case .points: "Points"
        case .max: "Max"
        case .tasksToWatch: "Tasks to watch"
        case .nothingToWatch: "No task overdue or due within 7 days."
        case .due: "due "
        case .allAgencyTasks: "All the agency's tasks"
        }
    }
}
