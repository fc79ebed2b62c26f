import ChiSoCore

/// Texts of the results pages (a period's ranking, an agency's result, its proposals and breakdown), in both languages.
enum ResultsText: String, Phrasebook {
    case downloads, rankingExcel, rankingPDF, matrixExcel, inputsCSV, agenciesCSV, indexYAML
    case bonusItem, deductionItem, bonusTotalRow, deductionTotalRow
    case periodTitle, notPublished, headProposalNote, groupHeading, noneFinalised
    case rankColumn, agencyColumn, scoreColumn, classColumn, headProposalColumn, sincePeriod, notFinalisedYet
    case finalScore, classAndRank, selfToFinal, previousScore, scoreSheetPDF, whatIfLink, criterionByCriterion
    case proposalsHeading, proposalsGuidance, head, indexSetsNone, noProposal, deputyFields, achievedOfPossible
    case loweredToHead, unknownFieldCodes, noDeputies, deputiesLink
    case criterionColumn, maxColumn, selfColumn, preliminaryColumn, finalColumn, whyItDiffersColumn, explanation
    case forerunnersNote, sinceForerunners, comparedThroughMapping, comparedByCodes, noCounterpartList, noCounterpart, inPeriodColumn
    // ResultExportController
    case pdfUnavailable, pdfFailed
    // ResultsController
    case noFinalResultYet

    var vietnamese: String {
        switch self {
        case .bonusItem: "điểm thưởng"
        case .deductionItem: "điểm trừ"
        case .bonusTotalRow: "Cộng điểm thưởng (tối đa ở cột điểm tối đa)"
        case .deductionTotalRow: "Điểm trừ (tối đa ở cột điểm tối đa)"
        case .downloads: "Tải về: "
        case .rankingExcel: "Bảng xếp hạng (Excel)"
        case .rankingPDF: "Báo cáo xếp hạng (PDF)"
        case .matrixExcel: "Bảng điểm chi tiết (Excel)"
        case .inputsCSV: "Dữ liệu đầu vào (CSV)"
        case .agenciesCSV: "Danh sách đơn vị (CSV)"
        case .indexYAML: "Bộ chỉ số (YAML)"
        case .periodTitle: "Kết quả %@"
        case .notPublished: "Kỳ đánh giá chưa công bố: kết quả dưới đây chỉ gồm các hồ sơ đã chốt và chưa được công khai cho đơn vị."
        case .headProposalNote: "Đề xuất xếp loại người đứng đầu theo xếp loại của đơn vị; đây là đề xuất để cấp có thẩm quyền quyết định."
        case .groupHeading: "Khối %@ · %@"
        case .noneFinalised: "Chưa có hồ sơ nào được chốt kết quả."
        case .rankColumn: "Hạng"
        case .agencyColumn: "Đơn vị"
        case .scoreColumn: "Điểm"
        case .classColumn: "Xếp loại"
        case .headProposalColumn: "Đề xuất người đứng đầu"
        case .sincePeriod: "So với %@"
        case .notFinalisedYet: "Chưa chốt kết quả: %@"
        case .finalScore: "Điểm cuối cùng"
        case .classAndRank: "%@ · hạng %@/%@ trong khối"
        case .selfToFinal: "Tự chấm → thẩm định sơ bộ → cuối cùng"
        case .previousScore: "năm trước: %@"
        case .comparedThroughMapping: "So với %@ (bộ chỉ số %@): các tiêu chí được đối chiếu theo ánh xạ tiêu chí giữa hai phiên bản."
        case .sinceForerunners: "¹ So với bình quân kết quả %@ của các đơn vị tiền thân (đơn vị hợp nhất, chia tách): xem trang kết quả của đơn vị."
        case .forerunnersNote: "Đơn vị được hình thành từ (hoặc tiếp nhận) %@: kết quả kỳ trước là của các đơn vị này, so theo bảng đối chiếu tiêu chí nếu có."
        case .comparedByCodes: "So với %@ (bộ chỉ số %@): các tiêu chí được đối chiếu theo mã giống nhau."
        case .noCounterpartList: "Không có tiêu chí tương ứng ở %@: %@."
        case .noCounterpart: "không có tiêu chí tương ứng"
        case .inPeriodColumn: "%@"
        case .scoreSheetPDF: "Phiếu điểm (PDF)"
        case .whatIfLink: "Thử thay đổi số liệu (không lưu)"
        case .criterionByCriterion: "Chi tiết từng tiêu chí"
        case .proposalsHeading: "Đề xuất xếp loại người đứng đầu và cấp phó"
        case .proposalsGuidance: "Hệ thống chỉ đề xuất theo quy định; cấp có thẩm quyền xem xét, quyết định. Người đứng đầu không được xếp cao hơn xếp loại của đơn vị; cấp phó theo tỷ lệ điểm đạt được ở các lĩnh vực được phân công (≥ 90%, ≥ 80%, ≥ 50%) và không cao hơn người đứng đầu."
        case .head: "Người đứng đầu"
        case .indexSetsNone: "(bộ chỉ số không quy định)"
        case .noProposal: "chưa đề xuất được"
        case .deputyFields: "lĩnh vực %@"
        case .achievedOfPossible: "%@/%@ điểm (%@%)"
        case .loweredToHead: ", hạ theo mức của người đứng đầu"
        case .unknownFieldCodes: "; mã không có trong bộ chỉ số: %@"
        case .noDeputies: "Chưa khai báo cấp phó của đơn vị."
        case .deputiesLink: "Cấp phó và lĩnh vực phân công"
        case .criterionColumn: "Tiêu chí"
        case .maxColumn: "Tối đa"
        case .selfColumn: "Tự chấm"
        case .preliminaryColumn: "Thẩm định sơ bộ"
        case .finalColumn: "Cuối cùng"
        case .whyItDiffersColumn: "Lý do chênh lệch · cách tính"
        case .explanation: "Giải trình: %@"
        case .pdfUnavailable: "Máy chủ chưa cài Chromium nên chưa xuất được PDF (cài gói chromium hoặc đặt CHISO_CHROMIUM). Bảng Excel và CSV vẫn tải được."
        case .pdfFailed: "Không tạo được tệp PDF, vui lòng thử lại."
        case .noFinalResultYet: "Hồ sơ chưa được chốt kết quả."
        }
    }

    var english: String {
        switch self {
        case .bonusItem: "bonus"
        case .deductionItem: "deduction"
        case .bonusTotalRow: "Bonus total (cap in the max column)"
        case .deductionTotalRow: "Deduction total (cap in the max column)"
        case .downloads: "Download: "
        case .rankingExcel: "Ranking (Excel)"
        case .rankingPDF: "Ranking report (PDF)"
        case .matrixExcel: "Score matrix (Excel)"
        case .inputsCSV: "Inputs (CSV)"
        case .agenciesCSV: "Agency list (CSV)"
        case .indexYAML: "Index (YAML)"
        case .periodTitle: "Results %@"
        case .notPublished: "Not published: only finalised assessments are shown, and agencies cannot see them yet."
        case .headProposalNote: "The head's proposed rating follows the agency's class: proposals for the competent authority to decide."
        case .groupHeading: "Group %@ · %@"
        case .noneFinalised: "No assessment is finalised yet."
        case .rankColumn: "Rank"
        case .agencyColumn: "Agency"
        case .scoreColumn: "Score"
        case .classColumn: "Class"
        case .headProposalColumn: "Head's proposal"
        case .sincePeriod: "Since %@"
        case .notFinalisedYet: "Not finalised yet: %@"
        case .finalScore: "Final score"
        case .classAndRank: "%@ · rank %@/%@ in the group"
        case .selfToFinal: "Self → preliminary → final"
        case .previousScore: "then: %@"
        case .comparedThroughMapping: "Compared with %@ (index %@): criteria matched through the criterion mapping between the two versions."
        case .sinceForerunners: "¹ Compared with the average %@ result of the agency's predecessors (merged or split): see the agency's result page."
        case .forerunnersNote: "The agency was formed from (or took over) %@: the previous results are theirs, compared through the criterion mapping where one exists."
        case .comparedByCodes: "Compared with %@ (index %@): criteria matched by identical codes."
        case .noCounterpartList: "No corresponding criterion in %@: %@."
        case .noCounterpart: "no corresponding criterion"
        case .inPeriodColumn: "%@"
        case .scoreSheetPDF: "Score sheet (PDF)"
        case .whatIfLink: "What if… (nothing is saved)"
        case .criterionByCriterion: "Criterion by criterion"
        case .proposalsHeading: "Proposed ratings of the head and deputies"
        case .proposalsGuidance: "The system only proposes; the competent authority decides. The head is not rated above the agency's class; a deputy follows the share of points on their fields (≥ 90 %, ≥ 80 %, ≥ 50 %) and never above the head."
        case .head: "Head"
        case .indexSetsNone: "(the index sets none)"
        case .noProposal: "no proposal"
        case .deputyFields: "fields %@"
        case .achievedOfPossible: "%@/%@ points (%@%)"
        case .loweredToHead: ", lowered to the head's"
        case .unknownFieldCodes: "; codes not in the index: %@"
        case .noDeputies: "No deputies are recorded for this agency."
        case .deputiesLink: "Deputies and their fields"
        case .criterionColumn: "Criterion"
        case .maxColumn: "Max"
        case .selfColumn: "Self"
        case .preliminaryColumn: "Preliminary"
        case .finalColumn: "Final"
        case .whyItDiffersColumn: "Why it differs · how computed"
        case .explanation: "Explanation: %@"
        case .pdfUnavailable: "This server has no Chromium, so PDFs cannot be made (install the chromium package or set CHISO_CHROMIUM). Excel and CSV still work."
        case .pdfFailed: "The PDF could not be made; please try again."
        case .noFinalResultYet: "The assessment has no final result yet."
        }
    }
}
