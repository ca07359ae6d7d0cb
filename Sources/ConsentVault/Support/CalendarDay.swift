public import Foundation

/// A day of the proleptic Gregorian calendar, without time or zone: birth dates, request deadlines,
/// legal-hold ends. Written as ISO 8601 `YYYY-MM-DD`.
public struct CalendarDay: Comparable, Hashable, Sendable {
    /// Four-digit year.
    public let year: Int
    /// 1–12.
    public let month: Int
    /// 1–31.
    public let day: Int

    /// A day from its parts; not checked (see `isReal`).
    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly `YYYY-MM-DD` (ASCII digits) naming a real day; nil otherwise.
    public init?(iso text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              let year = Self.number(bytes[0..<4]), let month = Self.number(bytes[5..<7]), let day = Self.number(bytes[8..<10]) else { return nil }
        self.init(year: year, month: month, day: day)
        guard isReal else { return nil }
    }

    /// Parses `YYYY-MM-DD` or the German `D.M.YYYY`/`DD.MM.YYYY` naming a real day; nil otherwise.
    public init?(written text: String) {
        if let iso = CalendarDay(iso: text) { self = iso; return }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count), parts[2].count == 4,
              let day = Self.number(ArraySlice(Array(parts[0].utf8))), let month = Self.number(ArraySlice(Array(parts[1].utf8))),
              let year = Self.number(ArraySlice(Array(parts[2].utf8))) else { return nil }
        self.init(year: year, month: month, day: day)
        guard isReal else { return nil }
    }

    /// The number of days from `self` to `other` (negative when `other` is earlier).
    public func days(until other: CalendarDay) -> Int {
        func number(_ day: CalendarDay) -> Int {
            // Days since 1970-01-01 (H. Hinnant's days_from_civil).
            let year = day.month <= 2 ? day.year - 1 : day.year
            let era = (year >= 0 ? year : year - 399) / 400
            let yearOfEra = year - era * 400
            let dayOfYear = (153 * (day.month + (day.month > 2 ? -3 : 9)) + 2) / 5 + day.day - 1
            let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
            return era * 146_097 + dayOfEra - 719_468
        }
        return number(other) - number(self)
    }

    /// The day `now` falls on in UTC.
    public static func today(_ now: Date = Date()) -> CalendarDay {
        // Days since 1970-01-01 to a proleptic Gregorian date (H. Hinnant's civil_from_days):
        // exact, and far cheaper than a Calendar on every enrollment.
        let days = Int((now.timeIntervalSince1970 / 86_400).rounded(.down)) + 719_468
        let era = (days >= 0 ? days : days - 146_096) / 146_097
        let dayOfEra = days - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return CalendarDay(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }

    /// Orders days chronologically.
    public static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// `YYYY-MM-DD`.
    public var iso: String {
        func padded(_ number: Int, _ width: Int) -> String {
            let digits = String(number)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))"
    }

    /// Whether the month exists and has this day.
    public var isReal: Bool {
        guard (1...12).contains(month), day >= 1 else { return false }
        return day <= Self.daysIn(month: month, year: year)
    }

    /// This day plus `months` calendar months, clamped to the end of a shorter month
    /// (31 January + 1 month = 28/29 February), as GDPR Art. 12(3) deadlines count.
    public func adding(months: Int) -> CalendarDay {
        let monthIndex = year * 12 + (month - 1) + months
        let newYear = monthIndex / 12
        let newMonth = monthIndex % 12 + 1
        return CalendarDay(year: newYear, month: newMonth, day: min(day, Self.daysIn(month: newMonth, year: newYear)))
    }

    /// Days in `month` (1–12) of `year`, with Gregorian leap years.
    public static func daysIn(month: Int, year: Int) -> Int {
        let isLeap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        return [31, isLeap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    }

    /// The value of ASCII decimal digits; nil if any byte is not one.
    static func number(_ digits: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for digit in digits {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(digit) else { return nil }
            value = value * 10 + Int(digit - UInt8(ascii: "0"))
        }
        return value
    }
}
