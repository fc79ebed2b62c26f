import ChiSoCore

/// Texts of the assessment page and of attaching a file already uploaded, in both languages.
enum AssessmentText: String, Phrasebook {
    // The assessment's head and totals
    case explanationRoundOpen, seeChanges
    case extendedUntil, appraisalAndExplanations, finalResultAndProposals, criteriaEntered, evidenceMissingInline
    // Organiser's forms
    case returnTitle, returnButton, extendTitle, extendButton, until, reason
    // A leaf's form
    case savedNewerValue, yourValueKept, note
    case resultYesNo, level, percentageOrRatio, figure, count, points
    case notEnteredOption, yes, no
    // A sourced leaf
    case figureFromData, asOf, taskTally, seeTasks, noTaskData, noSurveyResult, surveyResults, notRatedByLeaders, agencyDoesNotEnter,
        submittedOnTime, submittedLate, notSubmittedYet,
        itemsTitle, bonusTitle, deductionTitle, bonusTotal, bonusCapped, deductionTotal, deductionCapped, deductionNotEntered,
        deductionsAfterRelease, proposedValue, bonusProposedList, confirmSubmit
    // A leaf's files
    case evidenceRequiredMark, noneYet, removeFile, remove, uploadDocument, upload, useUploadedFile
    // Submission
    case submitTitle, selfAssessedTotal, notEnteredList, evidenceMissingList, noneListed, afterSubmission, submit
    // Attaching a file already uploaded
    case attachTitle, noOtherFile, filesAlreadyUploaded, criterion, attach, backToAssessment
    // AssessmentController
    case sourcedNotEntered, savedNotice, submittedNotice, returnedNotice, returnedBecause, keptNotice, keptLeaf, exceptionInPast, exceptionAfterAppraisalDeadline
    case extendedNotice
    // EvidenceController
    case uploadedNotice

    var vietnamese: String {
        switch self {
        case .extendedUntil: "gia hạn đến %@"
        case .appraisalAndExplanations: "Kết quả thẩm định và giải trình"
        case .finalResultAndProposals: "Kết quả cuối cùng và đề xuất xếp loại"
        case .criteriaEntered: "Đã nhập %@/%@ tiêu chí"
        case .evidenceMissingInline: "thiếu tài liệu kiểm chứng: "
        case .returnTitle: "Trả lại hồ sơ cho đơn vị"
        case .returnButton: "Trả lại"
        case .extendTitle: "Gia hạn tự đánh giá cho đơn vị"
        case .extendButton: "Gia hạn"
        case .until: "Đến ngày"
        case .reason: "Lý do"
        case .savedNewerValue: "%@ đã lưu giá trị mới hơn"
        case .yourValueKept: "Giá trị bạn nhập vẫn còn trong ô dưới đây: kiểm tra rồi lưu lại nếu vẫn muốn thay."
        case .note: "Ghi chú"
        case .resultYesNo: "Kết quả (có/không)"
        case .level: "Mức đánh giá"
        case .percentageOrRatio: "Tỷ lệ % (hoặc a/b)"
        case .figure: "Tỷ lệ / số liệu"
        case .count: "Số lượng"
        case .points: "Điểm tự chấm"
        case .notEnteredOption: "— chưa nhập —"
        case .yes: "Có / đạt"
        case .no: "Không / không đạt"
        case .figureFromData: "Số liệu tự động"
        case .asOf: "tính đến"
        case .taskTally: "%@ nhiệm vụ đến hạn: %@ hoàn thành đúng hạn, %@ hoàn thành quá hạn, %@ chưa hoàn thành đã quá hạn."
        case .seeTasks: "Xem danh sách nhiệm vụ"
        case .noTaskData: "chưa có dữ liệu nhiệm vụ."
        case .noSurveyResult: "chưa có kết quả điều tra."
        case .surveyResults: "Kết quả điều tra"
        case .notRatedByLeaders: "lãnh đạo tỉnh chưa đánh giá."
        case .submittedOnTime: "nộp lần đầu ngày %@, trong hạn %@ → 0 (đúng hạn)."
        case .submittedLate: "nộp lần đầu ngày %@, sau hạn %@ → 1 (chậm nộp)."
        case .notSubmittedYet: "chưa nộp (hạn %@)."
        case .itemsTitle: "Điểm thưởng và điểm trừ"
        case .bonusTitle: "Điểm thưởng (đơn vị đề xuất, Hội đồng thẩm định)"
        case .deductionTitle: "Điểm trừ"
        case .bonusTotal: "Tổng điểm thưởng: %@."
        case .bonusCapped: "Tổng điểm thưởng: cộng %@ điểm, tính tối đa %@."
        case .deductionTotal: "Tổng điểm trừ: %@."
        case .deductionCapped: "Tổng điểm trừ: trừ %@ điểm, tính tối đa %@."
        case .deductionNotEntered: "Điểm trừ %@ do Sở Nội vụ hoặc Hội đồng thẩm định ghi nhận, đơn vị không tự nhập."
        case .deductionsAfterRelease: "Điểm trừ do Sở Nội vụ hoặc Hội đồng ghi nhận; đơn vị xem và giải trình sau khi có kết quả thẩm định sơ bộ."
        case .proposedValue: "Đề xuất"
        case .bonusProposedList: "Điểm thưởng đề xuất: "
        case .confirmSubmit: "Tôi xác nhận nộp hồ sơ: Hội đồng sẽ thẩm định; đơn vị không sửa được nữa, trừ khi Sở Nội vụ trả lại."
        case .agencyDoesNotEnter: "Đơn vị không nhập tiêu chí này; thành viên thẩm định có thể điều chỉnh kèm nhận xét."
        case .evidenceRequiredMark: " (bắt buộc)"
        case .noneYet: "chưa có"
        case .removeFile: "Gỡ %@"
        case .remove: "gỡ"
        case .uploadDocument: "Tải lên tài liệu (PDF, ảnh, Word, Excel, ZIP)"
        case .upload: "Tải lên"
        case .useUploadedFile: "Hoặc dùng tệp đã tải lên (%@ tệp)"
        case .submitTitle: "Nộp hồ sơ tự đánh giá"
        case .selfAssessedTotal: "Tổng điểm tự chấm: %@"
        case .notEnteredList: "Chưa nhập: "
        case .evidenceMissingList: "Thiếu tài liệu kiểm chứng: "
        case .noneListed: "không"
        case .afterSubmission: "Sau khi nộp, đơn vị không thể sửa hồ sơ (trừ khi Sở Nội vụ trả lại)."
        case .submit: "Nộp hồ sơ"
        case .attachTitle: "Dùng tệp đã tải lên cho %@"
        case .noOtherFile: "Chưa có tệp nào khác trong hồ sơ này."
        case .filesAlreadyUploaded: "Tệp đã tải lên"
        case .criterion: "tiêu chí"
        case .attach: "Đính kèm"
        case .backToAssessment: "Quay lại hồ sơ"
        case .sourcedNotEntered: "Tiêu chí %@ lấy số liệu tự động, đơn vị không nhập."
        case .savedNotice: "Đã lưu %@."
        case .submittedNotice: "Đã nộp hồ sơ."
        case .returnedNotice: "Đã trả lại hồ sơ."
        case .returnedBecause: "Sở Nội vụ trả lại hồ sơ để bổ sung:"
        case .keptNotice: "Phiên làm việc đã hết hạn trước khi bạn lưu. Những gì bạn đã nhập được giữ lại (chưa lưu): "
        case .keptLeaf: "Giá trị bạn nhập trước khi phiên làm việc hết hạn, chưa được lưu: kiểm tra rồi bấm Lưu."
        case .exceptionInPast: "Ngày gia hạn phải là một ngày trong tương lai."
        case .exceptionAfterAppraisalDeadline: "Ngày gia hạn không được sau hạn thẩm định (%@)."
        case .extendedNotice: "Đã gia hạn đến %@."
        case .uploadedNotice: "Đã tải lên %@."
        case .explanationRoundOpen: "Hội đồng đã gửi kết quả thẩm định sơ bộ và điều chỉnh %@ mục; đơn vị giải trình đến hết ngày %@."
        case .seeChanges: "Xem các mục được điều chỉnh và giải trình"
        }
    }

    var english: String {
        switch self {
        case .extendedUntil: "extended until %@"
        case .appraisalAndExplanations: "Appraisal and explanations"
        case .finalResultAndProposals: "Final result and rating proposals"
        case .criteriaEntered: "%@/%@ criteria entered"
        case .evidenceMissingInline: "evidence missing: "
        case .returnTitle: "Return to the agency"
        case .returnButton: "Return"
        case .extendTitle: "Extend the self-assessment deadline"
        case .extendButton: "Extend"
        case .until: "Until"
        case .reason: "Reason"
        case .savedNewerValue: "%@ saved a newer value"
        case .yourValueKept: "What you typed is still in the form below: check it and save again to replace theirs."
        case .note: "Note"
        case .resultYesNo: "Result (yes/no)"
        case .level: "Level"
        case .percentageOrRatio: "Percentage (or a/b)"
        case .figure: "Figure"
        case .count: "Count"
        case .points: "Points"
        case .notEnteredOption: "— not entered —"
        case .yes: "Yes"
        case .no: "No"
        case .figureFromData: "Figure from the data"
        case .asOf: "as of"
        case .taskTally: "%@ tasks due: %@ done on time, %@ done late, %@ overdue and not done."
        case .seeTasks: "See the tasks"
        case .noTaskData: "no task data yet."
        case .noSurveyResult: "no survey result yet."
        case .surveyResults: "Survey results"
        case .notRatedByLeaders: "not rated by the provincial leaders yet."
        case .submittedOnTime: "first submitted on %@, within the deadline %@ → 0 (on time)."
        case .submittedLate: "first submitted on %@, after the deadline %@ → 1 (late)."
        case .notSubmittedYet: "not submitted yet (deadline %@)."
        case .itemsTitle: "Bonus and deduction points"
        case .bonusTitle: "Bonus points (proposed by the agency, appraised by the council)"
        case .deductionTitle: "Deductions"
        case .bonusTotal: "Bonus total: %@."
        case .bonusCapped: "Bonus total: %@ points, counted up to %@."
        case .deductionTotal: "Deduction total: %@."
        case .deductionCapped: "Deduction total: %@ points, counted up to %@."
        case .deductionNotEntered: "Deduction %@ is recorded by the Department of Home Affairs or the council, not by the agency."
        case .deductionsAfterRelease: "Deductions are recorded by the Department of Home Affairs or the council; the agency sees and may explain them once the preliminary result is out."
        case .proposedValue: "Proposed"
        case .bonusProposedList: "Bonus proposed: "
        case .confirmSubmit: "I confirm the submission: the council will appraise it; the agency can no longer change it unless it is returned."
        case .agencyDoesNotEnter: "The agency does not enter this criterion; an appraiser may adjust it with a comment."
        case .evidenceRequiredMark: " (required)"
        case .noneYet: "none"
        case .removeFile: "Remove %@"
        case .remove: "remove"
        case .uploadDocument: "Upload a document (PDF, image, Word, Excel, ZIP)"
        case .upload: "Upload"
        case .useUploadedFile: "Or use a file already uploaded (%@)"
        case .submitTitle: "Submit the self-assessment"
        case .selfAssessedTotal: "Self-assessed total: %@"
        case .notEnteredList: "Not entered: "
        case .evidenceMissingList: "Evidence missing: "
        case .noneListed: "none"
        case .afterSubmission: "After submission the agency cannot change anything (unless the organiser returns it)."
        case .submit: "Submit"
        case .attachTitle: "Use an uploaded file for %@"
        case .noOtherFile: "There is no other file in this assessment yet."
        case .filesAlreadyUploaded: "Files already uploaded"
        case .criterion: "criterion"
        case .attach: "Attach"
        case .backToAssessment: "Back to the assessment"
        case .sourcedNotEntered: "Criterion %@ takes its figure from the data; it is not entered."
        case .savedNotice: "Saved %@."
        case .submittedNotice: "Submitted."
        case .returnedNotice: "Returned."
        case .returnedBecause: "The organiser returned the assessment to complete:"
        case .keptNotice: "Your session ended before you saved. What you typed is kept (not saved yet): "
        case .keptLeaf: "What you typed before your session ended, not saved yet: check it and press Save."
        case .exceptionInPast: "The exception must end in the future."
        case .exceptionAfterAppraisalDeadline: "The exception cannot end after the appraisal deadline (%@)."
        case .extendedNotice: "Extended until %@."
        case .uploadedNotice: "Uploaded %@."
        case .explanationRoundOpen: "The council released its preliminary appraisal and changed %@ items; the agency may explain until the end of %@."
        case .seeChanges: "See the changed items and explain"
        }
    }
}
