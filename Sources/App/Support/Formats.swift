import ChiSoCore
import Foundation

/// Vietnamese conventions first: 27/10/2023, 14:05, 85,50. Times are shown
/// in Vietnam's time zone (UTC+7, no daylight saving).
enum Formats {
    static let vietnamTime = TimeZone(secondsFromGMT: 7 * 3600)!

    static var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = vietnamTime
        return calendar
    }

    /// `27/10/2023` (both languages: the UI is Vietnamese-first; English uses the same numeric form).
    static func date(_ date: Date) -> String {
        let parts = calendar.dateComponents([.day, .month, .year], from: date)
        return String(format: "%02d/%02d/%04d", parts.day!, parts.month!, parts.year!)
    }

    /// `27/10/2023 14:05`.
    static func dateTime(_ date: Date) -> String {
        let parts = calendar.dateComponents([.hour, .minute], from: date)
        return "\(self.date(date)) \(String(format: "%02d:%02d", parts.hour!, parts.minute!))"
    }

    /// `yyyy-MM-dd` for `<input type=date>` values.
    static func isoDate(_ date: Date) -> String {
        let parts = calendar.dateComponents([.day, .month, .year], from: date)
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }

    /// Reads `yyyy-MM-dd` (an HTML date input) or `dd/MM/yyyy`, as the end of that day in Vietnam.
    static func parseDeadline(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let numbers: [Int]
        if trimmed.contains("-") {
            numbers = trimmed.split(separator: "-").compactMap { Int($0) }
            guard numbers.count == 3 else { return nil }
            return endOfDay(year: numbers[0], month: numbers[1], day: numbers[2])
        }
        numbers = trimmed.split(separator: "/").compactMap { Int($0) }
        guard numbers.count == 3 else { return nil }
        return endOfDay(year: numbers[2], month: numbers[1], day: numbers[0])
    }

    static func endOfDay(year: Int, month: Int, day: Int) -> Date? {
        guard (1...12).contains(month), (1...31).contains(day), (1900...9999).contains(year) else { return nil }
        let components = DateComponents(year: year, month: month, day: day, hour: 23, minute: 59, second: 59)
        guard let date = calendar.date(from: components),
              calendar.component(.day, from: date) == day else { return nil }
        return date
    }

    /// Whole days from `now` until `deadline` (negative when past).
    static func daysLeft(until deadline: Date, now: Date) -> Int {
        let start = calendar.startOfDay(for: now), end = calendar.startOfDay(for: deadline)
        return calendar.dateComponents([.day], from: start, to: end).day ?? 0
    }

    /// A score as the user reads it: `85,50` (Vietnamese) or `85.50`.
    static func score(_ value: DecimalNumber, _ language: Lang, places: Int = 2) -> String {
        language == .vietnamese ? value.vietnamese(places: places) : value.english(places: places)
    }

    /// A wait as people say it: `45 giây`, `3 phút` (rounded up to whole minutes from one minute on).
    static func waitingTime(seconds: Int, _ language: Lang) -> String {
        let t = Catalogue(language: language)
        if seconds < 60 { return t.format(.seconds, String(seconds)) }
        return t.format(.minutes, String((seconds + 59) / 60))
    }

    /// A whole number as the user reads it: `10.000` (Vietnamese) or `10,000`.
    static func count(_ value: Int, _ language: Lang) -> String {
        let digits = String(value.magnitude)
        var out = value < 0 ? "-" : ""
        let separator: Character = switch language {
        case .vietnamese: "."
        case .english: ","
        }
        for (offset, digit) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { out.append(separator) }
            out.append(digit)
        }
        return out
    }
}
