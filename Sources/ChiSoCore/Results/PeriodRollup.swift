/// How a year's figure is made from its quarters' or months' final scores, where the regulation
/// says so: their sum, or their average (two places, rounded half away from zero as every score).
public enum PeriodRollup: String, Sendable, Hashable, CaseIterable, Codable {
    case sum
    case average

    /// The year's figure, or `nil` while a sub-period has no final score (nothing is made of part of a year).
    public func figure(of finals: [DecimalNumber?]) -> DecimalNumber? {
        guard !finals.isEmpty, finals.allSatisfy({ $0 != nil }) else { return nil }
        let sum = finals.compactMap { $0 }.reduce(DecimalNumber(0), +)
        return switch self {
        case .sum: sum
        case .average: DecimalNumber.quotient(sum, DecimalNumber(finals.count), places: 2)
        }
    }
}
