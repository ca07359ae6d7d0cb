/// GDPR Art. 12(3) deadlines: one calendar month from receipt, extendable by two further months.
/// A month later than the 31st is the last day of the shorter month (31 January → 28/29 February).
enum DueDate {
    /// `day` plus `months` calendar months, clamped to the end of the target month.
    static func adding(months: Int, to day: BirthDate.Day) -> BirthDate.Day {
        let monthIndex = day.year * 12 + (day.month - 1) + months
        let year = monthIndex / 12
        let month = monthIndex % 12 + 1
        return BirthDate.Day(year: year, month: month, day: min(day.day, BirthDate.daysIn(month: month, year: year)))
    }

    /// Parses `YYYY-MM-DD`.
    static func day(_ text: String) -> BirthDate.Day? {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, text.count == 10 else { return nil }
        let day = BirthDate.Day(year: parts[0], month: parts[1], day: parts[2])
        return (1...12).contains(day.month) && (1...BirthDate.daysIn(month: day.month, year: day.year)).contains(day.day) ? day : nil
    }
}
