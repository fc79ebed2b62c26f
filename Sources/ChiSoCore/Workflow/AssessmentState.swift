/// Where an agency's assessment is in the yearly cycle.
public enum AssessmentState: String, Sendable, CaseIterable, Codable, Phrasebook {
    /// The agency is self-assessing (tự đánh giá).
    case draft
    /// The head submitted; the agency can no longer change anything.
    case submitted
    /// The organiser returned it to the agency, with a reason.
    case returned
    /// Appraisers are confirming or adjusting (thẩm định).
    case appraising
    /// Preliminary results released to the agency, which may explain (giải trình).
    case released
    /// Appraisers re-examine the explained leaves.
    case reexamining
    /// The council finalised the result.
    case finalised
    /// The organiser published the period's results.
    case published
    /// Closed before a result, with a reason (the agency was dissolved or merged during the
    /// period): kept for the record, left out of the ranking.
    case closed

    public var vietnamese: String {
        switch self {
        case .draft: "Đang tự đánh giá"
        case .submitted: "Đã nộp, chờ thẩm định"
        case .returned: "Bị trả lại"
        case .appraising: "Đang thẩm định"
        case .released: "Đã có kết quả sơ bộ, đang giải trình"
        case .reexamining: "Đang thẩm định lại"
        case .finalised: "Đã chốt kết quả"
        case .published: "Đã công bố"
        case .closed: "Đã đóng, không xếp hạng"
        }
    }

    public var english: String {
        switch self {
        case .draft: "Self-assessing"
        case .submitted: "Submitted, awaiting appraisal"
        case .returned: "Returned"
        case .appraising: "Being appraised"
        case .released: "Preliminary results released, explaining"
        case .reexamining: "Being re-examined"
        case .finalised: "Finalised"
        case .published: "Published"
        case .closed: "Closed, not ranked"
        }
    }

    /// States in which the agency itself may change its self-assessment.
    public var agencyMayEdit: Bool { self == .draft || self == .returned }

    /// The appraisers have begun: their decisions exist (appraising and every later state).
    public var appraisalStarted: Bool { !agencyMayEdit && self != .submitted && self != .closed }

    /// The preliminary appraisal has been released to the agency (released and every later state).
    public var appraisalReleased: Bool { appraisalStarted && self != .appraising }

    /// The council has finalised a result (finalised or published): the final score exists.
    public var hasFinalResult: Bool { self == .finalised || self == .published }
}
