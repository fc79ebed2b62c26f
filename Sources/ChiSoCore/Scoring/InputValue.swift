/// The one input of a leaf (or of a bonus or deduction item), read and
/// checked against its rule.
public enum InputValue: Sendable, Hashable {
    /// `NA`: the agency declares the node not applicable.
    case notApplicable
    /// yes / no.
    case answer(Bool)
    /// A decimal (tiers, ratio, percent, manual).
    case number(DecimalNumber)
    /// `a/b` for a ratio, meaning 100·a/b.
    case fraction(DecimalNumber, DecimalNumber)
    /// A whole number (count, deduct).
    case count(Int)
    /// A level code, by its position in the rule's levels.
    case level(Int)
}

/// Why an input cannot be taken, in both languages.
public struct InputProblem: Sendable, Hashable, Error {
    public var english: String
    public var vietnamese: String

    public init(english: String, vietnamese: String) {
        self.english = english
        self.vietnamese = vietnamese
    }

    public func message(_ language: Language) -> String {
        language == .vietnamese ? vietnamese : english
    }
}

/// Reading input text for a rule: `0,5` and `0.5` alike; yes/no words after
/// Unicode normalisation and ignoring case; `NA` in any case.
public enum InputReading {
    /// Words taken as yes and as no (compared after NFC, ignoring case).
    public static let yesWords = ["1", "yes", "có", "true", "đạt"]
    public static let noWords = ["0", "no", "không", "false", "không đạt"]

    /// True for `NA` in any letter case.
    public static func isNA(_ text: String) -> Bool {
        let utf8 = text.utf8
        guard utf8.count == 2 else { return false }
        let a = utf8[utf8.startIndex] | 0x20, b = utf8[utf8.index(after: utf8.startIndex)] | 0x20
        return a == UInt8(ascii: "n") && b == UInt8(ascii: "a")
    }

    /// Reads `text` (already trimmed, not empty) for a leaf. `NA` comes back as
    /// ``InputValue/notApplicable``: whether it is allowed is the caller's
    /// question, since it depends on the agency.
    public static func read(_ text: String, rule: Rule, max: DecimalNumber) -> Result<InputValue, InputProblem> {
        if isNA(text) { return .success(.notApplicable) }
        switch rule {
        case .yesno:
            return answer(text)
        case .tiers:
            return decimal(text).map { .number($0) }
        case .percent:
            return decimal(text).flatMap { value in
                value.isNegative || value > .hundred
                    ? .failure(InputProblem(english: "a percentage must be between 0 and 100 (\(text))",
                                            vietnamese: "tỷ lệ phần trăm phải từ 0 đến 100 (\(text))"))
                    : .success(.number(value))
            }
        case .ratio:
            return ratio(text)
        case .count, .deduct:
            return count(text).map { .count($0) }
        case let .manual(step):
            return manual(text, max: max, step: step).map { .number($0) }
        case let .levels(levels):
            if let position = levels.firstIndex(where: { $0.code == text }) { return .success(.level(position)) }
            let codes = levels.map(\.code).joined(separator: ", ")
            return .failure(InputProblem(english: "unknown level \"\(text)\" (use \(codes))",
                                         vietnamese: "mức \"\(text)\" không có trong quy tắc (dùng \(codes))"))
        }
    }

    /// Reads `text` for a bonus or deduction item (`NA` is never allowed there).
    public static func read(_ text: String, rule: AdjustmentRule) -> Result<InputValue, InputProblem> {
        if isNA(text) {
            return .failure(InputProblem(english: "NA is not allowed for a bonus or deduction item",
                                         vietnamese: "không được nhập NA cho mục điểm thưởng/điểm trừ"))
        }
        switch rule {
        case .count:
            return count(text).map { .count($0) }
        case let .manual(max, step):
            return manual(text, max: max, step: step).map { .number($0) }
        }
    }

    /// Reads `text` for any leaf, bonus or deduction item of `index`.
    public static func read(_ text: String, for item: ItemReference, in index: Index) -> Result<InputValue, InputProblem> {
        switch item {
        case let .criterion(position):
            guard let rule = index.nodes[position].leaf?.rule else {
                return .failure(InputProblem(english: "criterion \(index.nodes[position].code) is a group",
                                             vietnamese: "tiêu chí \(index.nodes[position].code) là nhóm"))
            }
            return read(text, rule: rule, max: index.nodes[position].max)
        case let .bonus(position):
            return read(text, rule: index.bonus[position].rule)
        case let .deduction(position):
            return read(text, rule: index.deductions[position].rule)
        }
    }

    /// Reads `text` as entered for one agency (whose tags are `agencyTags`): as ``read(_:for:in:)``,
    /// and `NA` only where that agency may give it (``mayBeNotApplicable(_:in:agencyTags:)``).
    /// Every place that takes an input reads it here: the self-assessment, the appraisal and
    /// re-examination, what-if (pages and API alike) and `chiso score`.
    public static func read(_ text: String, for item: ItemReference, in index: Index, agencyTags: [String]) -> Result<InputValue, InputProblem> {
        let reading = read(text, for: item, in: index)
        if case .success(.notApplicable) = reading, case let .criterion(position) = item,
           !mayBeNotApplicable(position, in: index, agencyTags: agencyTags) {
            return .failure(notApplicableRefused)
        }
        return reading
    }

    /// `NA` is allowed for a criterion that allows it (`allow_na`), or that the agency's tags make not applicable.
    public static func mayBeNotApplicable(_ position: Int, in index: Index, agencyTags: [String]) -> Bool {
        index.nodes[position].allowNA || index.notApplicableByTags(agencyTags)[position] != nil
    }

    static let notApplicableRefused = InputProblem(english: "this criterion does not allow N/A (\"NA\")",
                                                   vietnamese: "tiêu chí này không cho phép \"không áp dụng\" (NA)")

    // MARK: Pieces

    static func decimal(_ text: String) -> Result<DecimalNumber, InputProblem> {
        do {
            return .success(try DecimalNumber.parse(text))
        } catch .tooManyDigits {
            return .failure(InputProblem(
                english: "\"\(text)\" has too many digits (at most \(DecimalNumber.maxSignificantDigits), \(DecimalNumber.maxDecimalPlaces) after the point)",
                vietnamese: "\"\(text)\" có quá nhiều chữ số (tối đa \(DecimalNumber.maxSignificantDigits), \(DecimalNumber.maxDecimalPlaces) chữ số thập phân)"))
        } catch {
            return .failure(InputProblem(english: "not a number (\"\(text)\")",
                                         vietnamese: "không phải là số (\"\(text)\")"))
        }
    }

    static func answer(_ text: String) -> Result<InputValue, InputProblem> {
        // Swift compares strings by canonical equivalence, so a decomposed
        // "có" equals the composed one: this is the NFC comparison of the spec.
        let word = text.lowercased()
        if yesWords.contains(word) { return .success(.answer(true)) }
        if noWords.contains(word) { return .success(.answer(false)) }
        return .failure(InputProblem(
            english: "expected yes or no (có/không, đạt/không đạt, yes/no, true/false, 1/0), not \"\(text)\"",
            vietnamese: "phải là có hoặc không (có/không, đạt/không đạt, yes/no, true/false, 1/0), không phải \"\(text)\""))
    }

    /// The largest count taken (beyond it, products could leave exact arithmetic's range).
    public static let maxCount = 1_000_000_000

    static func count(_ text: String) -> Result<Int, InputProblem> {
        decimal(text).flatMap { value in
            if value.isNegative {
                return .failure(InputProblem(english: "a count cannot be negative (\(text))",
                                             vietnamese: "số lượng không được âm (\(text))"))
            }
            guard let whole = value.intValue else {
                return .failure(InputProblem(english: "a count must be a whole number (\(text))",
                                             vietnamese: "số lượng phải là số nguyên (\(text))"))
            }
            guard whole <= maxCount else {
                return .failure(InputProblem(english: "a count above \(maxCount) is not plausible (\(text))",
                                             vietnamese: "số lượng lớn hơn \(maxCount) là không hợp lý (\(text))"))
            }
            return .success(whole)
        }
    }

    static func ratio(_ text: String) -> Result<InputValue, InputProblem> {
        guard let slash = text.firstIndex(of: "/") else {
            return decimal(text).flatMap { value in
                value.isNegative
                    ? .failure(InputProblem(english: "a ratio cannot be negative (\(text))",
                                            vietnamese: "tỷ lệ không được âm (\(text))"))
                    : .success(.number(value))
            }
        }
        let top = String(text[..<slash]).trimmingSpaces
        let bottom = String(text[text.index(after: slash)...]).trimmingSpaces
        return decimal(top).flatMap { a in
            decimal(bottom).flatMap { b in
                if a.isNegative {
                    return .failure(InputProblem(english: "in a/b, a cannot be negative (\(text))",
                                                 vietnamese: "trong a/b, a không được âm (\(text))"))
                }
                if b.isNegative || b.isZero {
                    return .failure(InputProblem(english: "in a/b, b must be greater than 0 (\(text))",
                                                 vietnamese: "trong a/b, b phải lớn hơn 0 (\(text))"))
                }
                return .success(.fraction(a, b))
            }
        }
    }

    static func manual(_ text: String, max: DecimalNumber, step: DecimalNumber) -> Result<DecimalNumber, InputProblem> {
        decimal(text).flatMap { value in
            if value.isNegative {
                return .failure(InputProblem(english: "points cannot be negative (\(text))",
                                             vietnamese: "điểm không được âm (\(text))"))
            }
            if value > max {
                return .failure(InputProblem(english: "\(text) is above the max \(max)",
                                             vietnamese: "\(text) vượt điểm tối đa \(max.vietnamese())"))
            }
            if !value.isMultiple(of: step) {
                return .failure(InputProblem(english: "\(text) is not a multiple of the step \(step)",
                                             vietnamese: "\(text) không phải bội số của bước chấm \(step.vietnamese())"))
            }
            return .success(value)
        }
    }
}

extension DecimalNumber {
    /// True when `self` is a whole multiple of `step` (step > 0).
    public func isMultiple(of step: DecimalNumber) -> Bool {
        let sc = Swift.max(scale, step.scale)
        let divisor = step.significand(atScale: sc)
        return divisor != 0 && significand(atScale: sc) % divisor == 0
    }
}
