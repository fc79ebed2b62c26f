/// Why a workflow step is refused (``WorkflowRefusal``), in both languages.
public enum WorkflowText: String, Phrasebook {
    case selfAssessmentDeadlinePassed, explanationDeadlinePassed, appraisalDeadlinePassed, reasonRequired
    case appraisalIncomplete, notAllAppraised, explanationRoundOpen, explanationsWaiting, sourcesNotDeclared
    case submitted, appraising, released, reexamining, finalised, published, closed, notSubmitted, wrongState

    public var vietnamese: String {
        switch self {
        case .selfAssessmentDeadlinePassed: "Đã hết hạn tự đánh giá ngày %@."
        case .explanationDeadlinePassed: "Đã hết hạn giải trình ngày %@."
        case .appraisalDeadlinePassed: "Đã hết hạn thẩm định ngày %@; Sở Nội vụ có thể gia hạn."
        case .reasonRequired: "Cần nêu lý do."
        case .appraisalIncomplete: "Chưa thẩm định xong hồ sơ."
        case .notAllAppraised: "Chưa thẩm định xong: còn %@ tiêu chí (%@)."
        case .explanationRoundOpen: "Chưa thể chốt: đơn vị còn được giải trình đến hết ngày %@."
        case .explanationsWaiting: "Chưa thể chốt: còn giải trình chưa được thẩm định lại (%@); hạn giải trình là %@."
        case .sourcesNotDeclared: "Chưa thể chốt: Sở Nội vụ chưa xác nhận đủ số liệu của kỳ (%@)."
        case .submitted: "Hồ sơ đã nộp, đang chờ thẩm định."
        case .appraising: "Hồ sơ đang được thẩm định."
        case .released: "Đã có kết quả thẩm định sơ bộ: đơn vị chỉ có thể giải trình."
        case .reexamining: "Hồ sơ đang được thẩm định lại."
        case .finalised: "Kết quả đã được chốt."
        case .published: "Kết quả đã công bố."
        case .closed: "Hồ sơ đã đóng (đơn vị không còn trong kỳ): không thể thay đổi."
        case .notSubmitted: "Hồ sơ chưa nộp."
        case .wrongState: "Không thực hiện được ở trạng thái \"%@\"."
        }
    }

    public var english: String {
        switch self {
        case .selfAssessmentDeadlinePassed: "The self-assessment deadline passed on %@."
        case .explanationDeadlinePassed: "The explanation deadline passed on %@."
        case .appraisalDeadlinePassed: "The appraisal deadline passed on %@; the organiser may extend it."
        case .reasonRequired: "A reason is required."
        case .appraisalIncomplete: "The appraisal is not complete."
        case .notAllAppraised: "Not fully appraised: %@ criteria left (%@)."
        case .explanationRoundOpen: "Not yet: the agency may explain until the end of %@."
        case .explanationsWaiting: "Not yet: explanations not re-examined (%@); the explanation deadline is %@."
        case .sourcesNotDeclared: "Not yet: the organiser has not declared the period's data complete (%@)."
        case .submitted: "The assessment was submitted and awaits appraisal."
        case .appraising: "The assessment is being appraised."
        case .released: "Preliminary results are out: the agency may only explain."
        case .reexamining: "The assessment is being re-examined."
        case .finalised: "The result is final."
        case .published: "The result is published."
        case .closed: "The assessment is closed (its agency left the period): nothing can change."
        case .notSubmitted: "The assessment has not been submitted."
        case .wrongState: "Not possible while \"%@\"."
        }
    }
}
