import Foundation

/// A day of the (proleptic Gregorian) calendar, without a time or a time
/// zone: a task's deadline, a document's date, a completion date.
///
/// Day arithmetic counts days from 1 January 1970 with Howard Hinnant's
/// days-from-civil algorithm: exact, branch-light, and independent of
/// `Calendar`. Years run from 1 to 9999, so that every date has a
/// four-digit `YYYY-MM-DD` form; that form is also its `Codable` and
/// `description` form.
public struct CivilDate: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
    public let year: Int
    /// 1–12.
    public let month: Int
    /// 1 to the month's length.
    public let day: Int

    /// The years a `CivilDate` may have.
    public static let years = 1...9999

    /// A calendar date, or `nil` when it does not exist (31/4, 29/2 outside
    /// a leap year, a year outside ``years``).
    public init?(year: Int, month: Int, day: Int) {
        guard CivilDate.years.contains(year), (1...12).contains(month),
              (1...CivilDate.daysInMonth(month, of: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The date `days` days after 1 January 1970 (before it when negative).
    /// The result must fall within ``years``.
    public init(daysSince1970 days: Int) {
        // civil_from_days: eras of 400 years (146,097 days) starting on 1 March 0000.
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let marchMonth = (5 * dayOfYear + 2) / 153 // 0 = March … 11 = February
        let month = marchMonth < 10 ? marchMonth + 3 : marchMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        precondition(CivilDate.years.contains(year), "date out of range (year \(year))")
        self.year = year
        self.month = month
        self.day = dayOfYear - (153 * marchMonth + 2) / 5 + 1
    }

    /// Days from 1 January 1970 to this date (negative before it).
    public var daysSince1970: Int {
        // days_from_civil: count from 1 March 0000 so that 29 February ends a year.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let marchMonth = (month + 9) % 12
        let dayOfYear = (153 * marchMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    public static func isLeapYear(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    public static func daysInMonth(_ month: Int, of year: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    // MARK: Arithmetic

    /// The date `days` days later (earlier when negative).
    public func adding(days: Int) -> CivilDate {
        CivilDate(daysSince1970: daysSince1970 + days)
    }

    /// Days from `self` to `other` (`other − self`): 1 from 27/10 to 28/10.
    public func days(until other: CivilDate) -> Int {
        other.daysSince1970 - daysSince1970
    }

    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    // MARK: Instants

    /// The day an instant falls on in `timeZone` (Vietnam's by default).
    public init(_ date: Date, timeZone: TimeZone = VietnamDate.timeZone) {
        let local = date.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: date))
        self.init(daysSince1970: Int((local / 86_400).rounded(.down)))
    }

    /// The first instant of this day in `timeZone` (its midnight).
    public func startDate(timeZone: TimeZone = VietnamDate.timeZone) -> Date {
        let midnightUTC = Date(timeIntervalSince1970: Double(daysSince1970) * 86_400)
        // The offset at local midnight; a second look settles zones whose offset changes that day.
        let guess = midnightUTC.addingTimeInterval(-Double(timeZone.secondsFromGMT(for: midnightUTC)))
        return midnightUTC.addingTimeInterval(-Double(timeZone.secondsFromGMT(for: guess)))
    }

    /// Today in `timeZone` (Vietnam's by default).
    public static func today(timeZone: TimeZone = VietnamDate.timeZone) -> CivilDate {
        CivilDate(Date(), timeZone: timeZone)
    }

    // MARK: Text

    /// `2023-10-27`.
    public var iso: String {
        padded(year, 4) + "-" + padded(month, 2) + "-" + padded(day, 2)
    }

    /// `27/10/2023`, as Vietnamese users write dates.
    public var vietnamese: String {
        padded(day, 2) + "/" + padded(month, 2) + "/" + padded(year, 4)
    }

    /// The ISO form, `2023-10-27`.
    public var description: String { iso }

    private func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// Reads a date as people and exports write it, or `nil`:
    ///
    /// - day first: `27/10/2023`, `27-10-2023`, `27.10.2023` (one separator,
    ///   used twice), day and month of one or two digits (`7/3/2024`);
    /// - ISO: `2023-10-27` (month and day may also have one digit), optionally
    ///   followed by a time after `T` or a space, `2023-10-27T00:00:00` or
    ///   `2023-10-27 08:30` (`HH:MM`, `:SS` and a fraction of a second
    ///   optional, no time zone): the date part is taken as written.
    ///
    /// Spaces around the text are ignored. The year always has four digits
    /// (`27/10/23` is refused: 1923 or 2023?); the date must exist.
    public static func parse(_ text: String) -> CivilDate? {
        var scanner = DateScanner(Array(text.trimmingSpaces.utf8))
        guard let (first, firstDigits) = scanner.number(maxDigits: 4) else { return nil }
        if firstDigits == 4 {
            // ISO: year-month-day [time]
            guard scanner.skip("-"), let (month, _) = scanner.number(maxDigits: 2), scanner.skip("-"),
                  let (day, _) = scanner.number(maxDigits: 2) else { return nil }
            if !scanner.atEnd {
                guard scanner.skip("T") || scanner.skip(" "), scanner.time(), scanner.atEnd else { return nil }
            }
            return CivilDate(year: first, month: month, day: day)
        }
        guard firstDigits <= 2, let separator = scanner.separator(),
              let (month, _) = scanner.number(maxDigits: 2), scanner.skip(separator),
              let (year, yearDigits) = scanner.number(maxDigits: 4), yearDigits == 4, scanner.atEnd else { return nil }
        return CivilDate(year: year, month: month, day: first)
    }

    // MARK: Codable

    /// Decodes the ISO form `YYYY-MM-DD`, exactly as ``encode(to:)`` writes it.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = CivilDate.parse(text), date.iso == text else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a date YYYY-MM-DD: \"\(text)\"")
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}

/// Reads the pieces of a date or time from UTF-8 bytes, left to right.
private struct DateScanner {
    let bytes: [UInt8]
    var position = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { position == bytes.count }

    /// One to `maxDigits` ASCII digits (no more may follow) and how many there were.
    mutating func number(maxDigits: Int) -> (value: Int, digits: Int)? {
        var value = 0, digits = 0
        while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) {
            digits += 1
            guard digits <= maxDigits else { return nil }
            value = value * 10 + Int(bytes[position] - UInt8(ascii: "0"))
            position += 1
        }
        return digits == 0 ? nil : (value, digits)
    }

    mutating func skip(_ character: Unicode.Scalar) -> Bool {
        guard position < bytes.count, bytes[position] == UInt8(ascii: character) else { return false }
        position += 1
        return true
    }

    /// The separator of a day-first date: `/`, `-` or `.`.
    mutating func separator() -> Unicode.Scalar? {
        for candidate: Unicode.Scalar in ["/", "-", "."] where skip(candidate) { return candidate }
        return nil
    }

    /// `H:MM`, `HH:MM`, optionally `:SS` and `.fraction`, within a day.
    mutating func time() -> Bool {
        guard let (hour, _) = number(maxDigits: 2), hour <= 23, skip(":"),
              let (minute, minuteDigits) = number(maxDigits: 2), minuteDigits == 2, minute <= 59 else { return false }
        guard skip(":") else { return true }
        guard let (second, secondDigits) = number(maxDigits: 2), secondDigits == 2, second <= 59 else { return false }
        guard skip(".") else { return true }
        return number(maxDigits: 9) != nil
    }
}
