import ChiSoCore

/// Texts of the public results pages, in both languages.
enum PublicText: String, Phrasebook {
    case title, nothingPublished, periodTitle, publishedPeriodsLink, rankColumn, agencyColumn, scoreColumn, classColumn

    var vietnamese: String {
        switch self {
        case .title: "Kết quả đánh giá đã công bố"
        case .nothingPublished: "Chưa có kỳ đánh giá nào được công bố."
        case .periodTitle: "Kết quả đánh giá %@"
        case .publishedPeriodsLink: "← Các kỳ đã công bố"
        case .rankColumn: "Hạng"
        case .agencyColumn: "Đơn vị"
        case .scoreColumn: "Điểm"
        case .classColumn: "Xếp loại"
        }
    }

    var english: String {
        switch self {
        case .title: "Published results"
        case .nothingPublished: "No period has been published yet."
        case .periodTitle: "Results %@"
        case .publishedPeriodsLink: "← Published periods"
        case .rankColumn: "Rank"
        case .agencyColumn: "Agency"
        case .scoreColumn: "Score"
        case .classColumn: "Class"
        }
    }
}
