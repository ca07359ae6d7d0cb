public import Foundation

/// Birth dates: ISO 8601 (`1990-12-24`) or German (`24.12.1990`) in, ISO 8601 stored. A real
/// calendar day, not in the future, and at most 120 years ago.
public enum BirthDate {
    /// A calendar day without time or zone.
    public struct Day: Comparable, Sendable {
        /// Four-digit year.
        public let year: Int
        /// 1–12.
        public let month: Int
        /// 1–31.
        public let day: Int

        /// Today's date in UTC.
        public static func today(_ now: Date = Date()) -> Day {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC")!
            let parts = calendar.dateComponents([.year, .month, .day], from: now)
            return Day(year: parts.year!, month: parts.month!, day: parts.day!)
        }

        /// Orders days chronologically.
        public static func < (lhs: Day, rhs: Day) -> Bool {
            (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
        }

        /// `YYYY-MM-DD`.
        public var iso: String {
            String(format: "%04d-%02d-%02d", year, month, day)
        }
    }

    /// Whole years between the ISO date `birthday` and `today`; nil if `birthday` is not ISO.
    static func age(of birthday: String, on today: Day) -> Int? {
        guard let born = parse(birthday) else { return nil }
        let hadBirthday = (today.month, today.day) >= (born.month, born.day)
        return today.year - born.year - (hadBirthday ? 0 : 1)
    }

    /// Whether the birthday `birthday` (ISO) has come in `today`'s calendar year, on or before
    /// `today`; 29 February counts as 28 February in years without it.
    static func hasHadBirthday(_ birthday: String, in today: Day) -> Bool {
        guard let born = parse(birthday) else { return false }
        var day = born.day
        if born.month == 2 && born.day == 29 && !isRealDay(Day(year: today.year, month: 2, day: 29)) { day = 28 }
        return (today.month, today.day) >= (born.month, day)
    }

    /// Oldest plausible age in years.
    static let maximumAgeYears = 120

    /// The ISO form of `text`, checked for plausibility against `today`.
    static func normalize(_ text: String, field: String, today: Day) throws(FieldValueError) -> NormalizedValue {
        guard let parsed = parse(text) else {
            throw .invalid(field: field, reason: "expected a date as YYYY-MM-DD or DD.MM.YYYY")
        }
        guard isRealDay(parsed) else { throw .invalid(field: field, reason: "not a day of the calendar") }
        guard parsed <= today else { throw .invalid(field: field, reason: "a birth date cannot be in the future") }
        let oldest = Day(year: today.year - maximumAgeYears, month: today.month, day: today.day)
        guard parsed >= oldest else { throw .invalid(field: field, reason: "more than \(maximumAgeYears) years ago") }
        return NormalizedValue(stored: parsed.iso, lookupKey: parsed.iso)
    }

    private static func parse(_ text: String) -> Day? {
        let iso = text.split(separator: "-", omittingEmptySubsequences: false)
        if iso.count == 3, iso[0].count == 4, iso[1].count == 2, iso[2].count == 2 {
            return day(year: iso[0], month: iso[1], day: iso[2])
        }
        let german = text.split(separator: ".", omittingEmptySubsequences: false)
        if german.count == 3, (1...2).contains(german[0].count), (1...2).contains(german[1].count), german[2].count == 4 {
            return day(year: german[2], month: german[1], day: german[0])
        }
        return nil
    }

    private static func day(year: Substring, month: Substring, day: Substring) -> Day? {
        guard [year, month, day].allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let y = Int(year), let m = Int(month), let d = Int(day) else { return nil }
        return Day(year: y, month: m, day: d)
    }

    private static func isRealDay(_ day: Day) -> Bool {
        guard (1...12).contains(day.month), day.day >= 1 else { return false }
        return day.day <= daysIn(month: day.month, year: day.year)
    }

    /// Days in `month` (1–12) of `year`, with Gregorian leap years.
    static func daysIn(month: Int, year: Int) -> Int {
        let isLeap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        return [31, isLeap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    }
}
