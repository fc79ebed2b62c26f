import ChiSoCore

/// Texts of a period's survey results and leader ratings pages, in both languages.
enum SourceDataText: String, Phrasebook {
    // Survey results
    case surveysTitle, noSurveyResults, agency, criterion, satisfaction, survey, sample
    case importSurveyResults, importHelp, resultsFile, importFile
    // Leader ratings
    case ratingsTitle, noLeaderCriteria, notRated, points, ratedBy
    case ratingsGuidance, noneAssignedToYou, groupCaption, ratedByLeader, notAssignedYet, saveGroup, groupRatingSaved
    case criterionUnassigned, criterionOfOther, noSuchLeaderCriterion, notALeader, leaderAssigned, leaderUnassigned
    // The period page: who rates what
    case leadersHeading, leadersGuidance, leaderColumn, assignLeader, noLeaderChosen, criterionColumn
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
        case .periodPublished: "Kỳ đánh giá đã công bố kết quả, không thay đổi số liệu được nữa."
        case .noResultRows: "Tệp không có dòng kết quả nào."
        case .importedNotice: "Đã nhập %@ kết quả điều tra."
        case .unknownLevel: "Mức \"%@\" không có trong tiêu chí %@."
        case .ratingSavedNotice: "Đã lưu đánh giá cho %@."
        case .ratingsGuidance: "Mỗi khối một biểu: chọn mức cho từng đơn vị ở các tiêu chí được phân công cho bạn rồi bấm Lưu một lần. Ô để trống giữ nguyên mức đã có."
        case .noneAssignedToYou: "Sở Nội vụ chưa phân công bạn đánh giá tiêu chí nào trong kỳ này."
        case .groupCaption: "Khối %@ · %@"
        case .ratedByLeader: "do %@ đánh giá"
        case .notAssignedYet: "chưa phân công lãnh đạo đánh giá"
        case .saveGroup: "Lưu đánh giá khối %@"
        case .groupRatingSaved: "Đã lưu %@ mức đánh giá của khối %@."
        case .criterionUnassigned: "Tiêu chí %@ chưa được phân công cho lãnh đạo nào; Sở Nội vụ phân công trên trang kỳ đánh giá."
        case .criterionOfOther: "Tiêu chí %@ do %@ đánh giá, không phải bạn."
        case .noSuchLeaderCriterion: "Không có tiêu chí do lãnh đạo tỉnh đánh giá như vậy trong kỳ này."
        case .notALeader: "Chọn một tài khoản lãnh đạo tỉnh đang hoạt động."
        case .leaderAssigned: "Tiêu chí %@ do %@ đánh giá."
        case .leaderUnassigned: "Đã bỏ phân công tiêu chí %@."
        case .leadersHeading: "Lãnh đạo tỉnh đánh giá"
        case .leadersGuidance: "Mỗi tiêu chí do lãnh đạo tỉnh đánh giá thuộc về một người (Chủ tịch, Phó Chủ tịch phụ trách khối): chỉ người được phân công mới nhập được mức của tiêu chí đó."
        case .leaderColumn: "Lãnh đạo đánh giá"
        case .assignLeader: "Lưu"
        case .noLeaderChosen: "(chưa phân công)"
        case .criterionColumn: "Tiêu chí"
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
        case .periodPublished: "The period's results are published; its data can no longer change."
        case .noResultRows: "The file has no result rows."
        case .importedNotice: "Imported %@ survey results."
        case .unknownLevel: "Level \"%@\" is not one of %@'s."
        case .ratingSavedNotice: "Saved the rating of %@."
        case .ratingsGuidance: "One form per group: choose a level for each agency on the criteria assigned to you, then save once. An empty cell keeps the level already given."
        case .noneAssignedToYou: "The Department of Home Affairs has not assigned you any criterion in this period yet."
        case .groupCaption: "Group %@ · %@"
        case .ratedByLeader: "rated by %@"
        case .notAssignedYet: "no leader assigned yet"
        case .saveGroup: "Save the ratings of group %@"
        case .groupRatingSaved: "Saved %@ levels for group %@."
        case .criterionUnassigned: "Criterion %@ is not assigned to any leader; the Department of Home Affairs assigns it on the period page."
        case .criterionOfOther: "Criterion %@ is rated by %@, not by you."
        case .noSuchLeaderCriterion: "No such leaders' criterion in this period."
        case .notALeader: "Choose an active provincial leader's account."
        case .leaderAssigned: "Criterion %@ is rated by %@."
        case .leaderUnassigned: "Criterion %@ is no longer assigned."
        case .leadersHeading: "Provincial leaders' ratings"
        case .leadersGuidance: "Each leaders' criterion belongs to one person (the chair, the vice-chair in charge of the group): only the leader assigned enters its levels."
        case .leaderColumn: "Rated by"
        case .assignLeader: "Save"
        case .noLeaderChosen: "(not assigned)"
        case .criterionColumn: "Criterion"
        }
    }
}
