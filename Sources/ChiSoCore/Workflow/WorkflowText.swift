/// Why a workflow step is refused (``WorkflowRefusal``), in both languages.
public enum WorkflowText: String, Phrasebook {
    case selfAssessmentDeadlinePassed, explanationDeadlinePassed, reasonRequired
    case submitted, appraising, released, reexamining, finalised, published, notSubmitted, wrongState

    public var vietnamese: String {
        switch self {
        case .selfAssessmentDeadlinePassed: "Đã hết hạn tự đánh giá ngày %@."
        case .explanationDeadlinePassed: "Đã hết hạn giải trình ngày %@."
        case .reasonRequired: "Cần nêu lý do."
        case .submitted: "Hồ sơ đã nộp, đang chờ thẩm định."
        case .appraising: "Hồ sơ đang được thẩm định."
        case .released: "Đã có kết quả thẩm định sơ bộ: đơn vị chỉ có thể giải trình."
        case .reexamining: "Hồ sơ đang được thẩm định lại."
        case .finalised: "Kết quả đã được chốt."
        case .published: "Kết quả đã công bố."
        case .notSubmitted: "Hồ sơ chưa nộp."
        case .wrongState: "Không thực hiện được ở trạng thái \"%@\"."
        }
    }

    public var english: String {
        switch self {
        case .selfAssessmentDeadlinePassed: "The self-assessment deadline passed on %@."
        case .explanationDeadlinePassed: "The explanation deadline passed on %@."
        case .reasonRequired: "A reason is required."
        case .submitted: "The assessment was submitted and awaits appraisal."
        case .appraising: "The assessment is being appraised."
        case .released: "Preliminary results are out: the agency may only explain."
        case .reexamining: "The assessment is being re-examined."
        case .finalised: "The result is final."
        case .published: "The result is published."
        case .notSubmitted: "The assessment has not been submitted."
        case .wrongState: "Not possible while \"%@\"."
        }
    }
}
