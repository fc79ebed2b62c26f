import ChiSoCore

/// Texts of the dashboards (the province's and an agency's), in both languages.
enum DashboardText: String, Phrasebook {
    case title, noResultsYet, monitoringLink, period, show
    case finalisedOnly, groupHeading, rankingAndDownloads, classesChart, heatMapHeading
    case rankColumn, agencyColumn, finalColumn, evidenceColumn, sincePeriod, fieldList, evidenceGuidance, newField, heatMapChange
    case agencyTitle, classAndRank, sharesHeading, agencyBar, groupAverageBar, sharesChart
    case fieldColumn, pointsColumn, shareColumn, groupAverageColumn, pointsInPeriodColumn, detailedResultLink

    var vietnamese: String {
        switch self {
        case .title: "Tổng quan kết quả"
        case .noResultsYet: "Chưa có kết quả nào để tổng hợp. Trong kỳ đang chạy, xem "
        case .monitoringLink: "Theo dõi điểm"
        case .period: "Kỳ đánh giá"
        case .show: "Xem"
        case .finalisedOnly: "Kỳ chưa công bố: chỉ gồm các hồ sơ đã chốt kết quả."
        case .groupHeading: "Khối %@ · %@"
        case .rankingAndDownloads: "Bảng xếp hạng và tải về"
        case .classesChart: "Phân bố xếp loại"
        case .heatMapHeading: "Bản đồ nhiệt: tỷ lệ điểm đạt theo lĩnh vực (%)"
        case .rankColumn: "Hạng"
        case .agencyColumn: "Đơn vị"
        case .finalColumn: "Tổng"
        case .evidenceColumn: "Minh chứng"
        case .sincePeriod: "So với %@"
        case .newField: "mới"
        case .heatMapChange: "Dưới mỗi ô: thay đổi so với %@ (điểm phần trăm), đối chiếu theo ánh xạ tiêu chí; \"mới\": lĩnh vực không có tương ứng ở kỳ trước."
        case .fieldList: "Lĩnh vực: %@. "
        case .evidenceGuidance: "Minh chứng: số tiêu chí bắt buộc có tài liệu kiểm chứng đã có tệp / cần có."
        case .agencyTitle: "Tổng quan · %@"
        case .classAndRank: "%@ · hạng %@/%@"
        case .sharesHeading: "Tỷ lệ điểm đạt theo lĩnh vực: đơn vị và trung bình khối"
        case .agencyBar: "đơn vị"
        case .groupAverageBar: "TB khối"
        case .sharesChart: "Tỷ lệ điểm đạt theo lĩnh vực"
        case .fieldColumn: "Lĩnh vực"
        case .pointsColumn: "Điểm"
        case .shareColumn: "Tỷ lệ (%)"
        case .groupAverageColumn: "TB khối (%)"
        case .pointsInPeriodColumn: "Điểm %@"
        case .detailedResultLink: "Kết quả chi tiết và đề xuất xếp loại"
        }
    }

    var english: String {
        switch self {
        case .title: "Results dashboard"
        case .noResultsYet: "No results to show yet. While a period runs, see "
        case .monitoringLink: "Monitoring"
        case .period: "Period"
        case .show: "Show"
        case .finalisedOnly: "Not published: finalised assessments only."
        case .groupHeading: "Group %@ · %@"
        case .rankingAndDownloads: "Ranking and downloads"
        case .classesChart: "Classes"
        case .heatMapHeading: "Heat map: share of points by field (%)"
        case .rankColumn: "Rank"
        case .agencyColumn: "Agency"
        case .finalColumn: "Final"
        case .evidenceColumn: "Evidence"
        case .sincePeriod: "Since %@"
        case .newField: "new"
        case .heatMapChange: "Under each cell: the change since %@ (percentage points), through the criterion mapping; \"new\": a field with no counterpart then."
        case .fieldList: "Fields: %@. "
        case .evidenceGuidance: "Evidence: criteria that require evidence and have it / that require it."
        case .agencyTitle: "Dashboard · %@"
        case .classAndRank: "%@ · rank %@/%@"
        case .sharesHeading: "Share of points by field: the agency and its group's average"
        case .agencyBar: "agency"
        case .groupAverageBar: "group avg"
        case .sharesChart: "Share of points by field"
        case .fieldColumn: "Field"
        case .pointsColumn: "Points"
        case .shareColumn: "Share (%)"
        case .groupAverageColumn: "Group avg (%)"
        case .pointsInPeriodColumn: "Points %@"
        case .detailedResultLink: "Detailed result and rating proposals"
        }
    }
}
