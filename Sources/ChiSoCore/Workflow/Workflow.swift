import Foundation

/// The steps of the yearly cycle (domain README): who may move an
/// assessment from which state to which, and until when.
public enum WorkflowAction: String, Sendable, CaseIterable {
    /// The agency changes its self-assessment (inputs, notes, evidence).
    case editSelf
    /// The head submits the self-assessment.
    case submit
    /// The organiser returns a submitted assessment to the agency (with a reason).
    case returnToAgency
    /// An appraiser confirms or adjusts a leaf.
    case appraise
    /// The chair releases the preliminary result to the agency.
    case release
    /// The agency explains a leaf (and may add evidence) after release.
    case explain
    /// An appraiser re-examines an explained leaf.
    case reexamine
    /// The chair finalises the result.
    case finalise
    /// The organiser publishes the period's results.
    case publish
    /// The admin reopens a finalised assessment (with a reason).
    case reopen
    /// The organiser closes an assessment that will have no result (its agency was dissolved or
    /// merged during the period), with a reason; it is left out of the ranking.
    case close
}

/// The dates that bound the cycle, and an exception granted by the organiser.
public struct WorkflowDeadlines: Sendable, Hashable {
    public var selfAssessment: Date
    /// The council appraises (confirms or adjusts leaves) until this date; re-examining explained
    /// leaves, releasing and finalising are not bound by it. `nil`: no appraisal deadline.
    public var appraisal: Date?
    public var explanation: Date
    /// Edits allowed until this date despite the self-assessment deadline.
    public var exceptionUntil: Date?

    public init(selfAssessment: Date, appraisal: Date? = nil, explanation: Date, exceptionUntil: Date? = nil) {
        self.selfAssessment = selfAssessment
        self.appraisal = appraisal
        self.explanation = explanation
        self.exceptionUntil = exceptionUntil
    }

    /// Whether a first submission at `firstSubmission` was late (spec §4, `submission.late`): after
    /// the deadline, even when an exception let it in.
    public func isLate(firstSubmission: Date) -> Bool {
        firstSubmission > selfAssessment
    }
}

/// Where the council's work on one assessment stands: what releasing and
/// finalising need (only a whole appraisal is released or made final).
public struct AppraisalProgress: Sendable, Hashable {
    /// Codes of the leaves and items still to appraise, in index order.
    public var unappraised: [String]
    /// How many leaves the agency explained.
    public var explained: Int
    /// Codes of explained leaves not re-examined since their explanation.
    public var unexamined: [String]
    /// The data sets the assessment's sourced criteria read that the organiser has not yet
    /// declared complete for the period: nothing is final on provisional data.
    public var undeclared: [SourceDataSet]

    public init(unappraised: [String], explained: Int = 0, unexamined: [String] = [], undeclared: [SourceDataSet] = []) {
        self.unappraised = unappraised
        self.explained = explained
        self.unexamined = unexamined
        self.undeclared = undeclared
    }
}

/// Why a step is refused, in words the user understands.
public enum WorkflowRefusal: Error, Sendable, Hashable {
    /// The assessment is not in a state where this step applies.
    case wrongState(AssessmentState, WorkflowAction)
    case selfAssessmentDeadlinePassed(Date)
    case explanationDeadlinePassed(Date)
    case appraisalDeadlinePassed(Date)
    /// Returning or reopening needs a reason.
    case reasonRequired
    /// Releasing or finalising needs every leaf and item appraised (their codes; empty when not known).
    case notAllAppraised([String])
    /// Finalising waits for the explanation round: until its deadline, unless the agency's
    /// explanations are all re-examined (those still waiting, by code).
    case explanationRoundOpen(Date, [String])
    /// Finalising waits for the organiser to declare these data sets complete for the period.
    case sourcesNotDeclared([SourceDataSet])

    public func message(_ language: Language) -> String {
        switch self {
        case let .sourcesNotDeclared(sets):
            return WorkflowText.sourcesNotDeclared.text(language, sets.map { $0.name(language) }.joined(separator: ", "))
        case let .notAllAppraised(codes):
            return codes.isEmpty ? WorkflowText.appraisalIncomplete.text(language)
                : WorkflowText.notAllAppraised.text(language, "\(codes.count)", codes.joined(separator: ", "))
        case let .explanationRoundOpen(deadline, waiting):
            return waiting.isEmpty ? WorkflowText.explanationRoundOpen.text(language, VietnamDate.format(deadline))
                : WorkflowText.explanationsWaiting.text(language, waiting.joined(separator: ", "), VietnamDate.format(deadline))
        case let .selfAssessmentDeadlinePassed(date):
            return WorkflowText.selfAssessmentDeadlinePassed.text(language, VietnamDate.format(date))
        case let .explanationDeadlinePassed(date):
            return WorkflowText.explanationDeadlinePassed.text(language, VietnamDate.format(date))
        case let .appraisalDeadlinePassed(date):
            return WorkflowText.appraisalDeadlinePassed.text(language, VietnamDate.format(date))
        case .reasonRequired:
            return WorkflowText.reasonRequired.text(language)
        case let .wrongState(state, action):
            return Self.stateMessage(state, action, language)
        }
    }

    private static func stateMessage(_ state: AssessmentState, _ action: WorkflowAction, _ language: Language) -> String {
        switch (state, action) {
        case (.submitted, .editSelf), (.submitted, .submit):
            return WorkflowText.submitted.text(language)
        case (.appraising, .editSelf), (.appraising, .submit), (.appraising, .explain):
            return WorkflowText.appraising.text(language)
        case (.released, .editSelf), (.released, .submit):
            return WorkflowText.released.text(language)
        case (.reexamining, _) where action == .editSelf || action == .explain:
            return WorkflowText.reexamining.text(language)
        case (.finalised, _) where action != .publish && action != .reopen:
            return WorkflowText.finalised.text(language)
        case (.published, _):
            return WorkflowText.published.text(language)
        case (.closed, _):
            return WorkflowText.closed.text(language)
        case (.draft, _), (.returned, _):
            return WorkflowText.notSubmitted.text(language)
        default:
            return WorkflowText.wrongState.text(language, language == .vietnamese ? state.vietnamese : state.english)
        }
    }
}

/// The state machine. `check` answers the state after the step, or why not.
public enum Workflow {
    /// `progress` is what the council has done; releasing and finalising are refused without it.
    public static func check(
        _ action: WorkflowAction, state: AssessmentState, now: Date, deadlines: WorkflowDeadlines, reason: String? = nil,
        progress: AppraisalProgress? = nil
    ) -> Result<AssessmentState, WorkflowRefusal> {
        func requireReason() -> WorkflowRefusal? {
            (reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? .reasonRequired : nil
        }
        switch action {
        case .editSelf, .submit:
            guard state.agencyMayEdit else { return .failure(.wrongState(state, action)) }
            if now > deadlines.selfAssessment, (deadlines.exceptionUntil.map { now > $0 } ?? true) {
                return .failure(.selfAssessmentDeadlinePassed(deadlines.selfAssessment))
            }
            return .success(action == .submit ? .submitted : state)
        case .returnToAgency:
            guard state == .submitted else { return .failure(.wrongState(state, action)) }
            if let refusal = requireReason() { return .failure(refusal) }
            return .success(.returned)
        case .appraise:
            guard state == .submitted || state == .appraising else { return .failure(.wrongState(state, action)) }
            if let deadline = deadlines.appraisal, now > deadline { return .failure(.appraisalDeadlinePassed(deadline)) }
            return .success(.appraising)
        case .release:
            guard state == .submitted || state == .appraising else { return .failure(.wrongState(state, action)) }
            guard let progress, progress.unappraised.isEmpty else { return .failure(.notAllAppraised(progress?.unappraised ?? [])) }
            return .success(.released)
        case .explain:
            guard state == .released else { return .failure(.wrongState(state, action)) }
            if now > deadlines.explanation { return .failure(.explanationDeadlinePassed(deadlines.explanation)) }
            return .success(.released)
        case .reexamine:
            guard state == .released || state == .reexamining else { return .failure(.wrongState(state, action)) }
            return .success(.reexamining)
        case .finalise:
            // Only after release: the agency has its explanation round first.
            guard state == .released || state == .reexamining else { return .failure(.wrongState(state, action)) }
            guard let progress, progress.unappraised.isEmpty else { return .failure(.notAllAppraised(progress?.unappraised ?? [])) }
            // The round is over when its deadline has passed, or when the agency explained and every explanation is re-examined.
            let roundOver = now > deadlines.explanation || (progress.explained > 0 && progress.unexamined.isEmpty)
            guard roundOver else { return .failure(.explanationRoundOpen(deadlines.explanation, progress.unexamined)) }
            guard progress.undeclared.isEmpty else { return .failure(.sourcesNotDeclared(progress.undeclared)) }
            return .success(.finalised)
        case .publish:
            guard state == .finalised else { return .failure(.wrongState(state, action)) }
            return .success(.published)
        case .reopen:
            guard state == .finalised || state == .published else { return .failure(.wrongState(state, action)) }
            if let refusal = requireReason() { return .failure(refusal) }
            return .success(.reexamining)
        case .close:
            guard !state.hasFinalResult, state != .closed else { return .failure(.wrongState(state, action)) }
            if let refusal = requireReason() { return .failure(refusal) }
            return .success(.closed)
        }
    }
}

/// Dates as Vietnamese users read them (27/10/2023), in Vietnam's time zone (UTC+7).
public enum VietnamDate {
    public static let timeZone = TimeZone(secondsFromGMT: 7 * 3600)!

    public static func format(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.day, .month, .year], from: date)
        return String(format: "%02d/%02d/%04d", parts.day!, parts.month!, parts.year!)
    }
}
