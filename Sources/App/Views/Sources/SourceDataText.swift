import ChiSoCore

/// Texts of a period's survey results and leader ratings pages, in both languages.
enum SourceDataText: String, Phrasebook {
    // Survey results
    case surveysTitle, noSurveyResults, agency, criterion, satisfaction, survey, sample
    case importSurveyResults, importHelp, resultsFile, importFile
    // Leader ratings
    case ratingsTitle, noLeaderCriteria, notRated, points, ratedBy, save
    // SourceDataController
    case periodPublished, noResultRows, importedNotice, unknownLevel, ratingSavedNotice

    var vietnamese: String {
        switch self {
        case .surveysTitle: "Kết quả điều tra xã hội học · %@"
        case .noSurveyResults: "Chưa có kết quả điều tra nào cho kỳ này."
        case .agency: "Đơn vị"
        case .criterion: "Tiêu chí"
        case .satisfaction: "Tỷ lệ hài lòng"
        case .survey: "Cuộc điều tra"
        case .sample: "Cỡ mẫu"
        case .importSurveyResults: "Nhập kết quả điều tra"
        case .importHelp: "Tệp CSV (UTF-8) hoặc Excel (.xlsx) có dòng tiêu đề: agency,criterion,percentage,survey,sample_size. Cột criterion để trống khi bộ chỉ số của đơn vị chỉ có một tiêu chí lấy kết quả điều tra. Nhập lại thay kết quả cũ của cùng đơn vị và tiêu chí."
        case .resultsFile: "Tệp kết quả"
        case .importFile: "Nhập tệp"
        case .ratingsTitle: "Lãnh đạo tỉnh đánh giá · %@"
        case .noLeaderCriteria: "Bộ chỉ số của kỳ này không có tiêu chí do lãnh đạo tỉnh đánh giá."
        case .notRated: "(chưa đánh giá)"
        case .points: "điểm"
        case .ratedBy: "Đã đánh giá: %@, %@"
        case .save: "Lưu"
        case .periodPublished: "Kỳ đánh giá đã công bố kết quả, không thay đổi số liệu được nữa."
        case .noResultRows: "Tệp không có dòng kết quả nào."
        case .importedNotice: "Đã nhập %@ kết quả điều tra."
        case .unknownLevel: "Mức \"%@\" không có trong tiêu chí %@."
        case .ratingSavedNotice: "Đã lưu đánh giá cho %@."
        }
    }

    var english: String {
        switch self {
        case .surveysTitle: "Survey results · %@"
        case .noSurveyResults: "No survey results for this period yet."
        case .agency: "Agency"
        case .criterion: "Criterion"
        case .satisfaction: "Satisfaction"
        case .survey: "Survey"
        case .sample: "Sample"
        case .importSurveyResults: "Import survey results"
        case .importHelp: "A CSV (UTF-8) or Excel (.xlsx) file with the header agency,criterion,percentage,survey,sample_size. Leave criterion empty when the agency's index has a single survey criterion. Importing again replaces the same agency and criterion."
        case .resultsFile: "Results file"
        case .importFile: "Import"
        case .ratingsTitle: "Leader ratings · %@"
        case .noLeaderCriteria: "This period's indexes have no criterion rated by leaders."
        case .notRated: "(not rated)"
        case .points: "points"
        case .ratedBy: "Rated by %@, %@"
        case .save: "Save"
        case .periodPublished: "The period's results are published; its data can no longer change."
        case .noResultRows: "The file has no result rows."
        case .importedNotice: "Imported %@ survey results."
        case .unknownLevel: "Level \"%@\" is not one of %@'s."
        case .ratingSavedNotice: "Saved the rating of %@."
        }
    }
}
