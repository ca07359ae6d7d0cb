/// Dates in German, ISO and English forms (`24.12.1990`, `3. Mai 1952`, `1990-12-24`,
/// `May 3, 1952`, `3 May 1952`), reported as dates of birth only when a cue says so or when they
/// equal the member's stored birthday. Campaign dates stay.
enum DateDetector {
    /// Month names and abbreviations (German and English), lowercase, with their numbers.
    private static let months: [(name: [UInt32], number: Int)] = [
        ("januar", 1), ("jänner", 1), ("january", 1), ("jan", 1), ("februar", 2), ("february", 2), ("feb", 2), ("märz", 3),
        ("maerz", 3), ("march", 3), ("mar", 3), ("april", 4), ("apr", 4), ("mai", 5), ("may", 5), ("juni", 6), ("june", 6),
        ("jun", 6), ("juli", 7), ("july", 7), ("jul", 7), ("august", 8), ("aug", 8), ("september", 9), ("sep", 9), ("sept", 9),
        ("oktober", 10), ("october", 10), ("okt", 10), ("oct", 10), ("november", 11), ("nov", 11), ("dezember", 12),
        ("december", 12), ("dez", 12), ("dec", 12),
    ].map { (ScalarText.lowercased([$0.0])[0], $0.1) }
    private static let cues = ScalarText.lowercased(["geb.", "geboren", "born", "geburtstag", "birthday", "date of birth", "dob", "geburtsdatum", "birth date", "jahrgang"])

    /// A date found in the text: where, and the ISO day it names.
    struct FoundDate {
        let start: Int
        let end: Int
        let iso: String
    }

    /// Dates of birth: dates with a cue before them, or equal to `birthday` (ISO).
    static func datesOfBirth(in text: ScalarText, birthday: String?) -> [Detection] {
        dates(in: text).compactMap { date in
            guard date.iso == birthday || text.hasCue(cues, before: date.start, window: 30) else { return nil }
            return Detection(type: .dateOfBirth, start: date.start, end: date.end,
                             priority: date.iso == birthday ? DetectionPriority.knownValue : DetectionPriority.date,
                             field: date.iso == birthday ? "birthday" : nil)
        }
    }

    /// Every well-formed date in the text.
    static func dates(in text: ScalarText) -> [FoundDate] {
        var found: [FoundDate] = []
        var index = 0
        while index < text.count {
            if (text.isDigit(index) && !text.isAlphanumeric(index - 1)) || (text.isLetter(index) && !text.isLetter(index - 1)),
               let date = numeric(text, index) ?? named(text, index) {
                found.append(date)
                index = date.end
            } else {
                index += 1
            }
        }
        return found
    }

    private static func number(_ text: ScalarText, _ index: Int, maxDigits: Int) -> (value: Int, end: Int)? {
        var end = index
        var value = 0
        while text.isDigit(end), end - index < maxDigits { value = value * 10 + Int(text[end] - 0x30); end += 1 }
        return end > index && !text.isDigit(end) ? (value, end) : nil
    }

    private static func make(_ start: Int, _ end: Int, _ year: Int, _ month: Int, _ day: Int) -> FoundDate? {
        guard (1900...2100).contains(year), (1...12).contains(month), (1...CalendarDay.daysIn(month: month, year: year)).contains(day) else { return nil }
        return FoundDate(start: start, end: end, iso: CalendarDay(year: year, month: month, day: day).iso)
    }

    /// `24.12.1990`, `1990-12-24`, `3. Mai 1952`, `3 May 1952`.
    private static func numeric(_ text: ScalarText, _ start: Int) -> FoundDate? {
        guard let first = number(text, start, maxDigits: 4) else { return nil }
        if first.end - start == 4, text.is(first.end, "-"), let month = number(text, first.end + 1, maxDigits: 2),
           text.is(month.end, "-"), let day = number(text, month.end + 1, maxDigits: 2), !text.isAlphanumeric(day.end) {
            return make(start, day.end, first.value, month.value, day.value)
        }
        guard first.end - start <= 2 else { return nil }
        if text.is(first.end, "."), let month = number(text, first.end + 1, maxDigits: 2), text.is(month.end, "."),
           let year = number(text, month.end + 1, maxDigits: 4), year.end - month.end == 5 {
            return make(start, year.end, year.value, month.value, first.value)
        }
        var cursor = first.end
        if text.is(cursor, ".") { cursor += 1 }
        guard text.isSpace(cursor) else { return nil }
        cursor += 1
        guard let (month, monthEnd) = monthName(text, cursor), text.isSpace(monthEnd),
              let year = number(text, monthEnd + 1, maxDigits: 4), year.end - monthEnd == 5 else { return nil }
        return make(start, year.end, year.value, month, first.value)
    }

    /// `May 3, 1952`.
    private static func named(_ text: ScalarText, _ start: Int) -> FoundDate? {
        guard let (month, monthEnd) = monthName(text, start), text.isSpace(monthEnd),
              let day = number(text, monthEnd + 1, maxDigits: 2) else { return nil }
        var cursor = day.end
        if text.is(cursor, ",") { cursor += 1 }
        guard text.isSpace(cursor), let year = number(text, cursor + 1, maxDigits: 4), year.end - cursor == 5 else { return nil }
        return make(start, year.end, year.value, month, day.value)
    }

    /// First letters of month names (lowercase), to skip other words without building strings.
    private static let monthInitials = ScalarText.letterMask("jfmasond")

    private static func monthName(_ text: ScalarText, _ start: Int) -> (Int, Int)? {
        guard text.initial(start, in: monthInitials) else { return nil }
        var end = start
        while text.isLetter(end), end - start < 10 { end += 1 }
        let length = end - start
        guard length >= 3, length <= 9,
              let month = months.first(where: { $0.name.count == length && text.lowercasedMatches($0.name, at: start) }) else { return nil }
        if text.is(end, "."), length <= 4 { end += 1 }
        return (month.number, end)
    }
}
