/// The figures the application's own data give for one agency in one
/// period, and the inputs they become for leaves with a `source` (spec §4).
///
/// A sourced input is read exactly like a typed one: its text goes through
/// ``InputReading/read(_:rule:max:)`` with the leaf's rule and max, and a
/// value the rule refuses gives no input. A figure also reaches only the
/// rules it makes sense for (a percentage is not a count, a count is not a
/// yes/no answer), so an index that puts a source on an unsuitable rule
/// leaves the leaf missing instead of scoring nonsense:
///
/// | source | rules |
/// |---|---|
/// | `tasks.onTimeRate` | `ratio` (the exact fraction `onTime/due`), `tiers`, `percent`, `manual` (the rate) |
/// | `tasks.doneLate`, `tasks.overdue` | `count`, `deduct` |
/// | `survey` | `percent`, `ratio`, `tiers` |
/// | `leaders` | `levels` |
/// | `submission.late` | `count`, `deduct` (leaves); `count` (bonus and deduction items) |
public struct SourceFigures: Sendable {
    /// `nil`: the application has no task data at all for this period.
    public var tasks: TaskTally?
    /// Leaf code → satisfaction percentage, 0…100.
    public var surveys: [String: DecimalNumber]
    /// Leaf code → level code (of that leaf's `levels` rule).
    public var leaderLevels: [String: String]
    /// Whether the head's first submission came after the self-assessment
    /// deadline; `nil` while the assessment has not been submitted.
    public var submittedLate: Bool?

    public init(tasks: TaskTally?, surveys: [String: DecimalNumber] = [:], leaderLevels: [String: String] = [:],
                submittedLate: Bool? = nil) {
        self.tasks = tasks
        self.surveys = surveys
        self.leaderLevels = leaderLevels
        self.submittedLate = submittedLate
    }

    /// The input a bonus or deduction item with a `source` gets, or `nil`
    /// (the item then scores 0, spec §3.6). Only counts reach items.
    public func input(for item: AdjustmentItem) -> InputValue? {
        guard let text = inputText(for: item) else { return nil }
        guard case let .success(value) = InputReading.read(text, rule: item.rule) else { return nil }
        return value
    }

    /// The text of ``input(for:)-(AdjustmentItem)``.
    public func inputText(for item: AdjustmentItem) -> String? {
        guard let source = item.source, case .count = item.rule else { return nil }
        return text(for: source, code: item.code, rule: .count(per: 1, cap: nil))
    }

    /// The input a sourced leaf gets, or `nil` when the data give none yet
    /// (the leaf is then missing, as in spec §3.6). `tasks.onTimeRate` is
    /// `NA` when no task fell due in the period (spec §4).
    public func input(for node: Criterion) -> InputValue? {
        reading(for: node)?.value
    }

    /// The text of ``input(for:)`` as a user would type it: `NA`, `7/9`,
    /// `3`, `85.5`, `B`.
    public func inputText(for node: Criterion) -> String? {
        reading(for: node)?.text
    }

    /// The text the data give for `node` and its reading under the leaf's rule.
    private func reading(for node: Criterion) -> (text: String, value: InputValue)? {
        guard let leaf = node.leaf, let source = leaf.source,
              let text = text(for: source, code: node.code, rule: leaf.rule) else { return nil }
        guard case let .success(value) = InputReading.read(text, rule: leaf.rule, max: node.max) else { return nil }
        return (text, value)
    }

    /// The figure of `source` as input text for `rule`, or `nil`.
    private func text(for source: InputSource, code: String, rule: Rule) -> String? {
        switch source {
        case .tasksOnTimeRate:
            guard let tasks else { return nil }
            switch rule {
            case .ratio, .tiers, .percent, .manual: break
            case .yesno, .count, .deduct, .levels: return nil
            }
            guard let fraction = tasks.onTimeFraction, let rate = tasks.onTimeRate else { return "NA" }
            if case .ratio = rule { return "\(fraction.onTime)/\(fraction.due)" }
            return rate.description
        case .tasksDoneLate, .tasksOverdue:
            guard let tasks else { return nil }
            switch rule {
            case .count, .deduct: return String(source == .tasksDoneLate ? tasks.doneLate : tasks.openOverdue)
            case .manual, .yesno, .tiers, .ratio, .percent, .levels: return nil
            }
        case .survey:
            guard let percentage = surveys[code], !percentage.isNegative, percentage <= .hundred else { return nil }
            switch rule {
            case .percent, .ratio, .tiers: return percentage.description
            case .manual, .yesno, .count, .deduct, .levels: return nil
            }
        case .submissionLate:
            guard let submittedLate else { return nil }
            switch rule {
            case .count, .deduct: return submittedLate ? "1" : "0"
            case .manual, .yesno, .tiers, .ratio, .percent, .levels: return nil
            }
        case .leaders:
            // `NA` would read as "not applicable", which only a task rate without due tasks may give.
            guard case .levels = rule, let level = leaderLevels[code], !InputReading.isNA(level) else { return nil }
            return level
        }
    }
}
