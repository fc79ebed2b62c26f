import ChiSoCore

/// Texts of the printed documents (the ranking report, the score sheet, the national header), in both languages.
enum ReportText: String, Phrasebook {
    case rankingTitle, rankColumn, agencyColumn, normalisedColumn, bonusColumn, deductionColumn, finalColumn, classColumn
    case headProposalColumn, headProposalNote
    case scoreSheetTitle, finalScore, rankInGroup, selfScore, preliminaryScore
    case peoplesCommittee, socialistRepublic, nationalMotto, madeWithChiSo

    var vietnamese: String {
        switch self {
        case .rankingTitle: "Kết quả đánh giá, xếp hạng chất lượng hoạt động"
        case .rankColumn: "Hạng"
        case .agencyColumn: "Đơn vị"
        case .normalisedColumn: "Điểm chuẩn hoá"
        case .bonusColumn: "Điểm thưởng"
        case .deductionColumn: "Điểm trừ"
        case .finalColumn: "Tổng điểm"
        case .classColumn: "Xếp loại"
        case .headProposalColumn: "Đề xuất người đứng đầu"
        case .headProposalNote: "Đề xuất xếp loại người đứng đầu là đề xuất để cấp có thẩm quyền xem xét, quyết định."
        case .scoreSheetTitle: "Phiếu điểm đánh giá chất lượng hoạt động"
        case .finalScore: "Tổng điểm: "
        case .rankInGroup: "hạng %@/%@ trong khối"
        case .selfScore: "Tự chấm %@"
        case .preliminaryScore: " · thẩm định sơ bộ %@"
        case .peoplesCommittee: "ỦY BAN NHÂN DÂN"
        case .socialistRepublic: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
        case .nationalMotto: "Độc lập - Tự do - Hạnh phúc"
        case .madeWithChiSo: "Lập bằng ChiSo ngày %@"
        }
    }

    var english: String {
        switch self {
        case .rankingTitle: "Quality of operations: results and ranking"
        case .rankColumn: "Rank"
        case .agencyColumn: "Agency"
        case .normalisedColumn: "Normalised"
        case .bonusColumn: "Bonus"
        case .deductionColumn: "Deduction"
        case .finalColumn: "Final"
        case .classColumn: "Class"
        case .headProposalColumn: "Head's proposal"
        case .headProposalNote: "The heads' ratings are proposals for the competent authority to decide."
        case .scoreSheetTitle: "Quality of operations score sheet"
        case .finalScore: "Final score: "
        case .rankInGroup: "rank %@/%@ in the group"
        case .selfScore: "Self %@"
        case .preliminaryScore: " · preliminary %@"
        case .peoplesCommittee: "PEOPLE'S COMMITTEE"
        case .socialistRepublic: "SOCIALIST REPUBLIC OF VIET NAM"
        case .nationalMotto: "Independence - Freedom - Happiness"
        case .madeWithChiSo: "Made with ChiSo on %@"
        }
    }
}
