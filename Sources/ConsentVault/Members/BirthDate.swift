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
            return Day(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
        }

        /// Orders days chronologically.
        public static func < (lhs: Day, rhs: Day) -> Bool {
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
        // Byte-wise: ASCII digits and separators only, so no Unicode digit ever counts.
        let isISO = text.utf8.contains(UInt8(ascii: "-"))
        let parts = Array(text.utf8).split(separator: UInt8(ascii: isISO ? "-" : "."), omittingEmptySubsequences: false)
        guard parts.count == 3 else { return nil }
        if isISO {
            guard parts[0].count == 4, parts[1].count == 2, parts[2].count == 2 else { return nil }
            return day(year: parts[0], month: parts[1], day: parts[2])
        }
        guard (1...2).contains(parts[0].count), (1...2).contains(parts[1].count), parts[2].count == 4 else { return nil }
        return day(year: parts[2], month: parts[1], day: parts[0])
    }

    private static func day(year: ArraySlice<UInt8>, month: ArraySlice<UInt8>, day: ArraySlice<UInt8>) -> Day? {
        func number(_ digits: ArraySlice<UInt8>) -> Int? {
            var value = 0
            for digit in digits {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(digit) else { return nil }
                value = value * 10 + Int(digit - UInt8(ascii: "0"))
            }
            return value
        }
        guard let y = number(year), let m = number(month), let d = number(day) else { return nil }
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
