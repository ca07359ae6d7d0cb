/// Birth dates: ISO 8601 (`1990-12-24`) or German (`24.12.1990`) in, ISO 8601 stored. A real
/// calendar day, not in the future, and at most 120 years ago.
enum BirthDate {
    /// Whole years between the ISO date `birthday` and `today`; nil if `birthday` is not ISO.
    static func age(of birthday: String, on today: CalendarDay) -> Int? {
        guard let born = parse(birthday) else { return nil }
        let hadBirthday = (today.month, today.day) >= (born.month, born.day)
        return today.year - born.year - (hadBirthday ? 0 : 1)
    }

    /// Whether the birthday `birthday` (ISO) has come in `today`'s calendar year, on or before
    /// `today`; 29 February counts as 28 February in years without it.
    static func hasHadBirthday(_ birthday: String, in today: CalendarDay) -> Bool {
        guard let born = parse(birthday) else { return false }
        var day = born.day
        if born.month == 2 && born.day == 29 && !CalendarDay(year: today.year, month: 2, day: 29).isReal { day = 28 }
        return (today.month, today.day) >= (born.month, day)
    }

    /// Oldest plausible age in years.
    static let maximumAgeYears = 120

    /// The ISO form of `text`, checked for plausibility against `today`.
    static func normalize(_ text: String, field: String, today: CalendarDay) throws(FieldValueError) -> NormalizedValue {
        guard let parsed = parse(text) else {
            throw .invalid(field: field, reason: "expected a date as YYYY-MM-DD or DD.MM.YYYY")
        }
        guard parsed.isReal else { throw .invalid(field: field, reason: "not a day of the calendar") }
        guard parsed <= today else { throw .invalid(field: field, reason: "a birth date cannot be in the future") }
        let oldest = CalendarDay(year: today.year - maximumAgeYears, month: today.month, day: today.day)
        guard parsed >= oldest else { throw .invalid(field: field, reason: "more than \(maximumAgeYears) years ago") }
        return NormalizedValue(stored: parsed.iso, lookupKey: parsed.iso)
    }

    private static func parse(_ text: String) -> CalendarDay? {
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

    private static func day(year: ArraySlice<UInt8>, month: ArraySlice<UInt8>, day: ArraySlice<UInt8>) -> CalendarDay? {
        guard let y = CalendarDay.number(year), let m = CalendarDay.number(month), let d = CalendarDay.number(day) else { return nil }
        return CalendarDay(year: y, month: m, day: d)
    }
}
