import ChiSoCore

/// Years side by side, in both languages.
enum MultiYearText: String, Phrasebook {
    case agencyTitle, ancestry, noResults, agencyCaption, periodColumn, agencyColumn, finalColumn, classColumn, rankColumn, fieldsColumn
    case noResultThatYear, through, groupTitle, groupLabel, showButton, groupCaption, groupNote, subPeriodsHeading, rollupSum
    case rollupAverage, rollupNone, yearFigure, agencyYearsLink, groupYearsLink

    var vietnamese: String {
        switch self {
        case .agencyTitle: "%@ qua các năm"
        case .ancestry: "Đơn vị được hình thành từ: %@. Những năm trước đó là kết quả của các đơn vị này."
        case .noResults: "Chưa có kết quả năm nào."
        case .agencyCaption: "Điểm cuối cùng, xếp loại, hạng trong khối và điểm từng lĩnh vực qua các năm"
        case .periodColumn: "Kỳ"
        case .agencyColumn: "Đơn vị"
        case .finalColumn: "Điểm"
        case .classColumn: "Xếp loại"
        case .rankColumn: "Hạng trong khối"
        case .fieldsColumn: "Các lĩnh vực"
        case .noResultThatYear: "Không có kết quả"
        case .through: "qua %@"
        case .groupTitle: "Khối %@ qua các năm"
        case .groupLabel: "Khối"
        case .showButton: "Xem"
        case .groupCaption: "Điểm · xếp loại · hạng của từng đơn vị qua các năm"
        case .groupNote: "Đơn vị hình thành sau hợp nhất, chia tách: những năm trước là kết quả của các đơn vị tiền thân (ghi \"qua …\")."
        case .subPeriodsHeading: "Các kỳ trong năm"
        case .rollupSum: "Kết quả năm là tổng điểm các kỳ trong năm."
        case .rollupAverage: "Kết quả năm là trung bình điểm các kỳ trong năm."
        case .rollupNone: "Các kỳ trong năm được hiển thị cạnh nhau; quy định không tổng hợp thành kết quả năm."
        case .yearFigure: "%@ (tổng hợp)"
        case .agencyYearsLink: "Kết quả qua các năm"
        case .groupYearsLink: "Cả khối qua các năm"
        }
    }

    var english: String {
        switch self {
        case .agencyTitle: "%@ over the years"
        case .ancestry: "The agency was formed from: %@. Earlier years are their results."
        case .noResults: "No year's results yet."
        case .agencyCaption: "Final score, class, rank in the group and each field's points by year"
        case .periodColumn: "Period"
        case .agencyColumn: "Agency"
        case .finalColumn: "Score"
        case .classColumn: "Class"
        case .rankColumn: "Rank in group"
        case .fieldsColumn: "Fields"
        case .noResultThatYear: "No result"
        case .through: "through %@"
        case .groupTitle: "%@ over the years"
        case .groupLabel: "Group"
        case .showButton: "Show"
        case .groupCaption: "Score · class · rank of each agency by year"
        case .groupNote: "Agencies formed by a merger or a split: earlier years are their predecessors' results (marked \"through …\")."
        case .subPeriodsHeading: "The periods within the year"
        case .rollupSum: "The year's result is the sum of its periods' scores."
        case .rollupAverage: "The year's result is the average of its periods' scores."
        case .rollupNone: "The year's periods are shown side by side; the regulation makes no year's figure of them."
        case .yearFigure: "%@ (rolled up)"
        case .agencyYearsLink: "Results over the years"
        case .groupYearsLink: "The whole group over the years"
        }
    }
}
