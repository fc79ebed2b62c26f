/// The days of an assessment period (a year, a quarter or a month), from
/// its first to its last day inclusive.
public struct PeriodRange: Sendable, Hashable {
    public enum Kind: String, Sendable, CaseIterable {
        case year, quarter, month
    }

    public let kind: Kind
    public let year: Int
    /// The quarter (1–4) or month (1–12); `nil` for a year.
    public let number: Int?
    /// The first day.
    public let start: CivilDate
    /// The last day (inclusive).
    public let end: CivilDate

    /// The period, or `nil` when `number` does not fit `kind` (missing for a
    /// quarter or month, out of range, or given for a year) or the year is
    /// outside ``CivilDate/years``.
    public init?(kind: Kind, year: Int, number: Int?) {
        let firstMonth: Int, lastMonth: Int
        switch (kind, number) {
        case (.year, nil):
            (firstMonth, lastMonth) = (1, 12)
        case let (.quarter, quarter?) where (1...4).contains(quarter):
            (firstMonth, lastMonth) = (quarter * 3 - 2, quarter * 3)
        case let (.month, month?) where (1...12).contains(month):
            (firstMonth, lastMonth) = (month, month)
        default:
            return nil
        }
        guard let start = CivilDate(year: year, month: firstMonth, day: 1),
              let end = CivilDate(year: year, month: lastMonth, day: CivilDate.daysInMonth(lastMonth, of: year))
        else { return nil }
        self.kind = kind
        self.year = year
        self.number = number
        self.start = start
        self.end = end
    }

    /// True when `day` lies within the period, first and last days included.
    public func contains(_ day: CivilDate) -> Bool {
        start <= day && day <= end
    }

    /// The day the period's figures are taken on: `today` while the period
    /// runs (or before it starts), its last day once it is over.
    public func asOf(_ today: CivilDate) -> CivilDate {
        min(today, end)
    }

    /// `Năm 2026`, `Quý III/2026`, `Tháng 11/2026`.
    public var vietnameseName: String {
        switch kind {
        case .year: "Năm \(year)"
        case .quarter: "Quý \(PeriodRange.romanQuarters[number! - 1])/\(year)"
        case .month: "Tháng \(number!)/\(year)"
        }
    }

    /// `Year 2026`, `Q3 2026`, `November 2026`.
    public var englishName: String {
        switch kind {
        case .year: "Year \(year)"
        case .quarter: "Q\(number!) \(year)"
        case .month: "\(PeriodRange.englishMonths[number! - 1]) \(year)"
        }
    }

    /// The name in `language`.
    public func name(_ language: Language) -> String {
        language == .vietnamese ? vietnameseName : englishName
    }

    private static let romanQuarters = ["I", "II", "III", "IV"]
    private static let englishMonths = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]
}
