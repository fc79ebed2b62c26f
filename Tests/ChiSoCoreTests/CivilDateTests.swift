import Foundation
import PropertyBased
import Testing
@testable import ChiSoCore

/// Calendar days and assessment periods (the dates of assigned tasks).
@Suite("Civil dates and periods")
struct CivilDateTests {
    func date(_ day: Int, _ month: Int, _ year: Int) -> CivilDate { CivilDate(year: year, month: month, day: day)! }

    @Test("Dates as people and exports write them", arguments: [
        ("27/10/2023", "2023-10-27"), ("27-10-2023", "2023-10-27"), ("27.10.2023", "2023-10-27"),
        ("2023-10-27", "2023-10-27"), ("7/3/2024", "2024-03-07"), ("07/03/2024", "2024-03-07"),
        ("  27/10/2023 ", "2023-10-27"), ("\u{A0}27/10/2023\t", "2023-10-27"),
        ("2023-10-27T00:00:00", "2023-10-27"), ("2023-10-27 08:30", "2023-10-27"),
        ("2023-10-27T23:59:59.123", "2023-10-27"), ("2023-10-27 8:30:05", "2023-10-27"),
        ("29/02/2024", "2024-02-29"), ("29/2/2000", "2000-02-29"), ("31/12/9999", "9999-12-31"), ("1/1/0001", "0001-01-01"),
    ])
    func parses(text: String, iso: String) {
        #expect(CivilDate.parse(text)?.iso == iso)
    }

    @Test("Anything else is refused", arguments: [
        "", " ", "27/10/23", "2023/10/27", "27/10-2023", "27-10.2023", "10/2023", "27/10/2023/1", "027/10/2023",
        "27/10/02023", "29/02/2023", "29/02/1900", "31/04/2024", "0/1/2024", "1/13/2024", "1/1/0000",
        "2023-10-27T", "2023-10-27T24:00", "2023-10-27 08:60", "2023-10-27 08", "2023-10-27Z", "2023-10-27T00:00:00Z",
        "2023-10-27T00:00:00+07:00", "2023-10-27  08:30", "27 / 10 / 2023", "hôm qua", "45226", "27/10/2023 08:30",
    ])
    func refuses(text: String) {
        #expect(CivilDate.parse(text) == nil)
    }

    @Test func calendarValidation() {
        #expect(CivilDate(year: 2024, month: 2, day: 29) != nil)
        #expect(CivilDate(year: 2023, month: 2, day: 29) == nil)
        #expect(CivilDate(year: 1900, month: 2, day: 29) == nil) // divisible by 100, not by 400
        #expect(CivilDate(year: 2000, month: 2, day: 29) != nil) // divisible by 400
        #expect(CivilDate(year: 2023, month: 4, day: 31) == nil)
        #expect(CivilDate(year: 2023, month: 12, day: 31) != nil)
        #expect(CivilDate(year: 2023, month: 0, day: 1) == nil)
        #expect(CivilDate(year: 2023, month: 1, day: 0) == nil)
        #expect(CivilDate(year: 0, month: 1, day: 1) == nil)
        #expect(CivilDate(year: 10000, month: 1, day: 1) == nil)
    }

    @Test func arithmeticAcrossMonthAndYearEnds() {
        #expect(date(28, 2, 2024).adding(days: 1) == date(29, 2, 2024))
        #expect(date(28, 2, 2024).adding(days: 2) == date(1, 3, 2024))
        #expect(date(28, 2, 2023).adding(days: 1) == date(1, 3, 2023))
        #expect(date(31, 12, 2023).adding(days: 1) == date(1, 1, 2024))
        #expect(date(1, 1, 2024).adding(days: -1) == date(31, 12, 2023))
        #expect(date(30, 4, 2024).adding(days: 1) == date(1, 5, 2024))
        #expect(date(1, 3, 2100).adding(days: -1) == date(28, 2, 2100))
        #expect(date(27, 10, 2023).adding(days: 0) == date(27, 10, 2023))
        #expect(date(27, 10, 2023).days(until: date(28, 10, 2023)) == 1)
        #expect(date(28, 10, 2023).days(until: date(27, 10, 2023)) == -1)
        #expect(date(1, 1, 2024).days(until: date(1, 1, 2025)) == 366)
        #expect(date(1, 1, 2023).days(until: date(1, 1, 2024)) == 365)
        #expect(date(1, 1, 1970).daysSince1970 == 0)
        #expect(date(31, 12, 1969).daysSince1970 == -1)
        #expect(date(27, 10, 2023).daysSince1970 == 19657)
        #expect(date(1, 1, 1900).days(until: date(1, 1, 2100)) == 73049)
    }

    @Test func orderAndText() {
        #expect(date(31, 12, 2023) < date(1, 1, 2024))
        #expect(date(1, 2, 2024) > date(31, 1, 2024))
        #expect(date(7, 3, 2024).iso == "2024-03-07")
        #expect(date(7, 3, 2024).vietnamese == "07/03/2024")
        #expect(date(7, 3, 2024).description == "2024-03-07")
        #expect(date(1, 1, 1).iso == "0001-01-01")
    }

    @Test("Adding n days then counting them back gives n (1900–2100), and the texts read back")
    func roundTrip() async {
        let first = CivilDate(year: 1900, month: 1, day: 1)!.daysSince1970
        let last = CivilDate(year: 2100, month: 12, day: 31)!.daysSince1970
        await propertyCheck(count: 1000, input: Gen.int(in: first...last), Gen.int(in: first...last)) { start, end in
            let from = CivilDate(daysSince1970: start)
            let n = end - start
            let to = from.adding(days: n)
            #expect(to.daysSince1970 == end)
            #expect(from.days(until: to) == n)
            #expect(to.adding(days: -n) == from)
            #expect((n > 0) == (from < to))
            #expect(CivilDate.parse(to.iso) == to)
            #expect(CivilDate.parse(to.vietnamese) == to)
            #expect(CivilDate(year: to.year, month: to.month, day: to.day) == to)
        }
    }

    @Test("Every day of 1900–2100 agrees with Foundation's Gregorian calendar")
    func agreesWithCalendar() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let first = CivilDate(year: 1900, month: 1, day: 1)!.daysSince1970
        let last = CivilDate(year: 2100, month: 12, day: 31)!.daysSince1970
        var mismatches = 0
        for n in first...last {
            let day = CivilDate(daysSince1970: n)
            let parts = calendar.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: Double(n) * 86_400))
            if parts.year != day.year || parts.month != day.month || parts.day != day.day || day.daysSince1970 != n {
                mismatches += 1
            }
        }
        #expect(mismatches == 0)
    }

    @Test("Instants fall on Vietnam's days (UTC+7)")
    func instants() {
        // 17:00 UTC is midnight in Vietnam.
        #expect(CivilDate(Date(timeIntervalSince1970: 17 * 3600 - 1)) == date(1, 1, 1970))
        #expect(CivilDate(Date(timeIntervalSince1970: 17 * 3600)) == date(2, 1, 1970))
        #expect(CivilDate(Date(timeIntervalSince1970: 17 * 3600), timeZone: TimeZone(identifier: "UTC")!) == date(1, 1, 1970))
        let day = date(27, 10, 2023)
        #expect(day.startDate() == Date(timeIntervalSince1970: Double(day.daysSince1970) * 86_400 - 7 * 3600))
        #expect(CivilDate(day.startDate()) == day)
        #expect(CivilDate(day.startDate().addingTimeInterval(-1)) == date(26, 10, 2023))
        #expect(VietnamDate.format(day.startDate()) == day.vietnamese)
        let today = CivilDate.today()
        #expect(today == CivilDate(Date()) || today.adding(days: 1) == CivilDate(Date()))
    }

    @Test func codableAsISOText() throws {
        let data = try JSONEncoder().encode(["due": date(29, 2, 2024)])
        #expect(String(decoding: data, as: UTF8.self) == #"{"due":"2024-02-29"}"#)
        #expect(try JSONDecoder().decode([String: CivilDate].self, from: data) == ["due": date(29, 2, 2024)])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([CivilDate].self, from: Data(#"["29/02/2024"]"#.utf8)) }
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([CivilDate].self, from: Data(#"["2023-02-29"]"#.utf8)) }
    }

    // MARK: Periods

    @Test func year() throws {
        let period = try #require(PeriodRange(kind: .year, year: 2026, number: nil))
        #expect(period.start == date(1, 1, 2026) && period.end == date(31, 12, 2026))
        #expect(period.vietnameseName == "Năm 2026")
        #expect(period.englishName == "Year 2026")
    }

    @Test func quarters() throws {
        let q3 = try #require(PeriodRange(kind: .quarter, year: 2026, number: 3))
        #expect(q3.start == date(1, 7, 2026) && q3.end == date(30, 9, 2026))
        #expect(q3.vietnameseName == "Quý III/2026")
        #expect(q3.englishName == "Q3 2026")
        #expect(q3.name(.vietnamese) == "Quý III/2026")
        let ends = (1...4).map { PeriodRange(kind: .quarter, year: 2026, number: $0)!.end }
        #expect(ends == [date(31, 3, 2026), date(30, 6, 2026), date(30, 9, 2026), date(31, 12, 2026)])
        #expect(PeriodRange(kind: .quarter, year: 2026, number: 1)!.vietnameseName == "Quý I/2026")
        #expect(PeriodRange(kind: .quarter, year: 2026, number: 4)!.vietnameseName == "Quý IV/2026")
    }

    @Test func months() throws {
        let february = try #require(PeriodRange(kind: .month, year: 2028, number: 2))
        #expect(february.start == date(1, 2, 2028) && february.end == date(29, 2, 2028))
        #expect(PeriodRange(kind: .month, year: 2026, number: 2)!.end == date(28, 2, 2026))
        let november = try #require(PeriodRange(kind: .month, year: 2026, number: 11))
        #expect(november.end == date(30, 11, 2026))
        #expect(november.vietnameseName == "Tháng 11/2026")
        #expect(november.englishName == "November 2026")
        #expect(november.name(.english) == "November 2026")
    }

    @Test func wrongNumbers() {
        #expect(PeriodRange(kind: .year, year: 2026, number: 1) == nil)
        #expect(PeriodRange(kind: .quarter, year: 2026, number: nil) == nil)
        #expect(PeriodRange(kind: .quarter, year: 2026, number: 0) == nil)
        #expect(PeriodRange(kind: .quarter, year: 2026, number: 5) == nil)
        #expect(PeriodRange(kind: .month, year: 2026, number: nil) == nil)
        #expect(PeriodRange(kind: .month, year: 2026, number: 13) == nil)
        #expect(PeriodRange(kind: .year, year: 0, number: nil) == nil)
    }

    @Test func containsAndAsOf() throws {
        let q3 = try #require(PeriodRange(kind: .quarter, year: 2026, number: 3))
        #expect(q3.contains(date(1, 7, 2026)) && q3.contains(date(30, 9, 2026)))
        #expect(!q3.contains(date(30, 6, 2026)) && !q3.contains(date(1, 10, 2026)))
        #expect(q3.asOf(date(15, 8, 2026)) == date(15, 8, 2026))
        #expect(q3.asOf(date(20, 1, 2027)) == date(30, 9, 2026))
        #expect(q3.asOf(date(1, 6, 2026)) == date(1, 6, 2026))
    }
}
