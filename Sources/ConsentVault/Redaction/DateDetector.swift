import Foundation

/// Dates written every way people write them: `24.12.1990`, `22.05.87`, `3. Mai 1952`, `03. Mrz. 90`,
/// `1990-12-24`, `3/3/1990`, `May 3, 1952`, `March 3rd, 1990`, `3 March 1990`, `20. Mai` (a birthday
/// without a year), `12.03.`, `März 1964`, and after a birth cue `19850312` and a year alone (`born in 1961`). Reported as dates of birth only when a birth cue (or a `*`)
/// stands before or right after them, or when they equal the member's stored birthday (by month and day when the year is missing); campaign dates stay. Dates are never phones.
enum DateDetector {
    /// Month names and abbreviations (German and English), lowercase, with their numbers.
    private static let months: [(name: [UInt32], number: Int)] = [
        ("januar", 1), ("jänner", 1), ("january", 1), ("jan", 1), ("februar", 2), ("february", 2), ("feb", 2), ("märz", 3),
        ("maerz", 3), ("march", 3), ("mar", 3), ("april", 4), ("apr", 4), ("mai", 5), ("may", 5), ("juni", 6), ("june", 6),
        ("jun", 6), ("juli", 7), ("july", 7), ("jul", 7), ("august", 8), ("aug", 8), ("september", 9), ("sep", 9), ("sept", 9),
        ("oktober", 10), ("october", 10), ("okt", 10), ("oct", 10), ("november", 11), ("nov", 11), ("dezember", 12),
        ("december", 12), ("dez", 12), ("dec", 12), ("mrz", 3), ("mär", 3), ("sept", 9), ("jän", 1), ("feber", 2),
    ].map { (ScalarText.lowercased([$0.0])[0], $0.1) }
    private static let cues = ScalarText.lowercased(["geb.", "geb ", "geboren", "born", "geburtstag", "birthday", "date of birth", "dob", "d.o.b", "b. ",
                                                     "geburtsdatum", "birth date", "birthdate", "jahrgang", "feiert ", "feiere ", "bday", "b-day", "b'day"])
    /// Words that say someone reaches an age: a cue only with the age beside them (`wird 50 am …`, `turns 40 on …`,
    /// `wird am 5. März 50`), not for an event (`wird am 21. Dezember um 16:00 Uhr eingespielt`).
    private static let ageCues = ScalarText.lowercased(["wird ", "turns ", "turned ", "turning ", "i turn ", "hits "])
    /// Cues that name the birth itself, not a birthday party or campaign: only these make a date of last
    /// year or later a date of birth (`Birthday email brief 10/15/2025` is a campaign date).
    private static let birthCues = ScalarText.lowercased(["geb.", "geb ", "geboren", "born", "date of birth", "dob", "d.o.b", "geburtsdatum",
                                                          "birth date", "birthdate"])
    /// The current year (UTC).
    private static let currentYear = CalendarDay.today(Date()).year

    /// A date found in the text: where, the ISO days it can name (a slash date `3/4/1990` names
    /// two; none when the year is missing), and its month and day when the year is missing.
    struct FoundDate {
        let start: Int
        let end: Int
        let isoDays: [String]
        var monthDay: String? = nil
    }

    /// Dates of birth: dates with a cue just before or after them, or equal to `birthday` (ISO).
    static func datesOfBirth(in dates: [FoundDate], of text: ScalarText, birthday: String?) -> [Detection] {
        dates.indices.compactMap { position in
            let date = dates[position]
            // A date without its year matches the stored birthday by month and day (`2.11.`, `24 Dec`).
            let known = birthday.map { date.isoDays.contains($0) || (date.monthDay != nil && $0.hasSuffix(date.monthDay!)) } ?? false
            let starred = text.is(date.start - 1, "*") || (text.is(date.start - 2, "*") && text.isSpace(date.start - 1))
            let recent = date.isoDays.contains { (Int($0.prefix(4)) ?? 0) >= currentYear - 1 }
            // An end of a range (`vom 29.06. bis 9.11.`, `from 22nd of May to 3 July`) is a campaign's, unless the birth is named.
            let inRange = text.hasWordCue(rangeOpeners, before: date.start, window: 9) || rangeJoiners.contains { text.lowercasedMatches($0, at: date.end) }
                || rangeJoiners.contains { $0.count <= date.start && text.lowercasedMatches($0, at: date.start - $0.count) }
                || dashJoiners.contains { text.lowercasedMatches($0, at: date.end) && text.isDigit(date.end + $0.count) }
                || dashJoiners.contains { $0.count < date.start && text.lowercasedMatches($0, at: date.start - $0.count)
                    && (text.isDigit(date.start - $0.count - 1) || text.is(date.start - $0.count - 1, ".") && text.isDigit(date.start - $0.count - 2)) }
                // `zwischen dem 1. und 7. Mai`, `between 1 and 7 May`.
                || pairJoiners.contains { $0.count < date.start && text.lowercasedMatches($0, at: date.start - $0.count) }
                    && text.hasWordCue(pairOpeners, before: date.start, window: 24)
            let cued = recent || inRange ? text.hasCue(birthCues, before: date.start, window: 45)
                : text.hasCue(cues, before: date.start, window: 45) || text.hasCue(cues, before: min(text.count, date.end + 14), window: 14)
                    || hasAgeCue(before: date, in: text)
            // Without a cue naming the birth itself, a full year no adult member was born in (`wird am 28.11.2024
            // renoviert`) is no birth date; a child's is (`Tochter Renate (geb. 1. Okt. 2021)`).
            let bornThen = { date.isoDays.isEmpty || date.isoDays.contains { birthYears.contains(Int($0.prefix(4)) ?? 0) }
                || text.hasCue(birthCues, before: date.start, window: 45) }
            // A deadline (`20% valid until 16th Jan`, `Rabatt bis 09.09.2024`) or a chat's time stamp (`13/10/2025, 20:36 - Lucy: …`) is no birth.
            if !known, text.hasWordCue(deadlineWords, before: date.start, window: 8) || isTimeStamp(date, in: text) { return nil }
            // A shop's birthday or anniversary (`Unser Haus hat am 3. Mai Geburtstag`, `the store turns 50 on 3 May`) is no person's.
            if !known, text.hasWordCue(shopBirthdayWords, before: date.start, window: 30) { return nil }
            // A recent date after a birth date that took the cue is a visit's (`geb. 1945-03-03, am 11.04.2025 in der Filiale`).
            if !known, recent, position > 0, dates[position - 1].end <= date.start, date.start - dates[position - 1].end < 45,
               !text.hasCue(cues, before: date.start, window: date.start - dates[position - 1].end) { return nil }
            guard known || starred || cued && bornThen() || isBirthShaped(date, in: text) else { return nil }
            // `the 2nd of November`: the article belongs to the date.
            let start = date.start >= 4 && text.lowercasedMatches(theWord, at: date.start - 4) && !text.isLetter(date.start - 5) ? date.start - 4 : date.start
            return Detection(type: .dateOfBirth, start: start, end: date.end,
                             priority: known ? DetectionPriority.knownValue : DetectionPriority.date, field: known ? "birthday" : nil)
        }
    }

    /// Words that make a birthday the shop's (`Unser Haus hat am …`, `the store turns 50 on …`, `Jubiläum`).
    private static let shopBirthdayWords = ScalarText.lowercased(["unser haus", "our store", "the store", "our shop", "the shop", "jubiläum",
                                                                 "anniversary", "unser laden", "unsere filiale", "our branch", "firmengeburtstag"])

    /// Ages written as words (`wird am 26.11. zehn`, `turns ten on 3 May`).
    private static let ageWords = ScalarText.lowercased([
        "eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf", "zwölf", "dreizehn", "vierzehn",
        "fünfzehn", "sechzehn", "siebzehn", "achtzehn", "neunzehn", "zwanzig", "dreißig", "vierzig", "fünfzig", "sechzig", "siebzig",
        "achtzig", "neunzig", "hundert", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty",
        "fifty", "sixty", "seventy", "eighty", "ninety", "hundred",
    ])
    /// Whether an age cue stands before `date` with an age of one to three digits right after the cue or after the date,
    /// or an age and `wird` follow the date.
    private static func hasAgeCue(before date: FoundDate, in text: ScalarText) -> Bool {
        func isAge(at index: Int) -> Bool {
            guard !text.isLetter(index - 1) else { return false }
            if ageWords.contains(where: { text.lowercasedMatches($0, at: index) && !text.isLetter(index + $0.count) }) { return true }
            var end = index
            while text.isDigit(end), end - index < 4 { end += 1 }
            return (1...3).contains(end - index) && !text.isDigit(index - 1) && !text.isDigit(end) && !text.is(end, ":")
        }
        let start = max(0, date.start - 45)
        let cueBeforeAge = ageCues.contains { cue in
            (start...max(start, date.start - cue.count)).contains { text.lowercasedMatches(cue, at: $0) && isAge(at: $0 + cue.count) }
        }
        guard !cueBeforeAge else { return true }
        // The age and `wird` after the date, ending the clause (`die am 20. September 18 wird.`).
        if text.isSpace(date.end), isAge(at: date.end + 1) {
            var end = date.end + 1
            while text.isDigit(end) { end += 1 }
            if endsWithAge(text, end) { return true }
        }
        if text.hasCue(ageCues, before: date.start, window: 45) && (date.end..<min(text.count, date.end + 4)).contains(where: { isAge(at: $0) }) { return true }
        return ageCueFollows(date, in: text, isAge: isAge)
    }

    /// Whether an age cue follows the date within its clause, with up to four words and then an age that ends the clause
    /// (`am 16.12. wird mein Mann Mario 60`, `on 3 May my dad turns 70!`; not `am 3.5. wird Kasse 2 geschlossen`).
    private static func ageCueFollows(_ date: FoundDate, in text: ScalarText, isAge: (_ at: Int) -> Bool) -> Bool {
        let limit = min(text.count, date.end + 40)
        var position = date.end
        while position < limit, !text.is(position, "."), !text.is(position, "\n") || position == date.end {
            defer { position += 1 }
            guard text.isSpace(position), let cue = ageCues.first(where: { text.lowercasedMatches($0, at: position + 1) }) else { continue }
            var cursor = position + 1 + cue.count
            var words = 0
            while words <= 4, cursor < text.count {
                if isAge(cursor) {
                    var end = cursor
                    while text.isDigit(end) || text.isLetter(end) { end += 1 }
                    let next = text.isSpace(end) ? end + 1 : end
                    return next >= text.count || clauseEnds.contains(text[next]) || text.lowercasedMatches(yearsWord, at: end)
                        || text.lowercasedMatches(yearsWordEnglish, at: end)
                }
                guard text.isLetter(cursor) else { return false }
                while text.isLetter(cursor) { cursor += 1 }
                guard text.isSpace(cursor) else { return false }
                cursor += 1
                words += 1
            }
            return false
        }
        return false
    }

    /// What may end the clause after an age (`… 60!`, `… 60 – habt ihr …`).
    private static let clauseEnds: Set<UInt32> = Set(".!?,;:)\n–—-".unicodeScalars.map(\.value))
    private static let yearsWord = ScalarText.lowercased([" jahre"])[0]
    private static let yearsWordEnglish = ScalarText.lowercased([" years"])[0]

    /// Whether `wird` (or `Jahre alt wird`) follows `index` and ends the clause (`… 18 wird.`, not `… 2 wird geliefert`).
    private static func endsWithAge(_ text: ScalarText, _ index: Int) -> Bool {
        for words in [ageAfterDate, yearsAfterDate] where text.lowercasedMatches(words, at: index) {
            let end = index + words.count
            return end >= text.count || !text.isLetter(end) && !(text.isSpace(end) && text.isLetter(end + 1))
        }
        return false
    }
    private static let ageAfterDate = ScalarText.lowercased([" wird"])[0]
    private static let yearsAfterDate = ScalarText.lowercased([" jahre alt wird"])[0]

    private static let theWord = ScalarText.lowercased(["the "])[0]
    /// Words that open a range of dates right before its first (`vom`, `from the`).
    private static let rangeOpeners = ScalarText.lowercased(["vom ", "from ", "from the ", "between ", "zwischen ", "ab dem "])
    /// Words before a deadline's date.
    private static let deadlineWords = ScalarText.lowercased(["until", "till", "bis", "by", "before", "bis zum", "bis spätestens"])
    /// Whether a time follows `date` after a comma or space (`13/10/2025, 20:36`, `17.12.25 08:04`): a message's time stamp.
    private static func isTimeStamp(_ date: FoundDate, in text: ScalarText) -> Bool {
        var cursor = date.end
        if text.is(cursor, ",") { cursor += 1 }
        guard text.isSpace(cursor), text.isDigit(cursor + 1) else { return false }
        cursor += text.isDigit(cursor + 2) ? 3 : 2
        return text.is(cursor, ":") && text.isDigit(cursor + 1) && text.isDigit(cursor + 2)
    }
    /// Words between the two dates of a range.
    private static let rangeJoiners = ScalarText.lowercased([" bis ", " to ", " until ", " till "])
    /// The words between a range's two days, after `zwischen`/`between`.
    private static let pairJoiners = ScalarText.lowercased([" und ", " and "])
    private static let pairOpeners = ScalarText.lowercased(["zwischen", "between"])
    /// Dashes between the two dates of a range, with a digit on their other side (`29.06.–9.11.`, `3 – 17 May`).
    private static let dashJoiners = ScalarText.lowercased([" – ", " - ", "–", "-"])

    /// Words before a date that make it an event rather than a birth (`Kundin seit 12.03.1998`, `ordered on …`).
    private static let eventCues = ScalarText.lowercased(["seit", "since", "bestell", "gekauft", "ordered", "bought", "purchase", "joined",
                                                          "beigetreten", "angemeldet", "registriert", "registered", "eröffnet", "opened",
                                                          "gegründet", "founded", "established", "rechnung", "invoice", "geliefert", "delivered",
                                                          "vom ", "dated", "gültig", "valid", "expir", "ausgestellt", "issued", "mitglied",
                                                          "member", "zuletzt", "last ", "erstellt", "created", "verheiratet", "married",
                                                          "hochzeit", "wedding", "jubiläum", "anniversary", "eingetreten", "gestorben", "died",
                                                          "verstorben", "bis ", "until", "ab ", "from ", "firmware", "version", "software",
                                                          "update", "release"])
    /// Years a living adult customer may be born in: 14 to 105 years before now.
    private static let birthYears: ClosedRange<Int> = (currentYear - 105)...(currentYear - 14)

    /// Whether `date` is a full date whose year only a birth fits in retail text (`09.02.1983`), with
    /// no event word just before it: orders, campaigns and memberships are this year's or recent.
    private static func isBirthShaped(_ date: FoundDate, in text: ScalarText) -> Bool {
        guard date.monthDay == nil, date.isoDays.contains(where: { Int($0.prefix(4)).map(birthYears.contains) ?? false }) else { return false }
        return !text.hasCue(eventCues, before: date.start, window: 30)
    }

    /// Every well-formed date in the text.
    static func dates(in text: ScalarText) -> [FoundDate] {
        var found: [FoundDate] = []
        var index = 0
        while index < text.count {
            // Not inside a code that began before (`Fehler E-1.9.12`).
            let insideCode = text.is(index - 1, "-") && text.isLetter(index - 2)
            if (text.isDigit(index) && !text.isAlphanumeric(index - 1) && !insideCode) || (text.isLetter(index) && !text.isLetter(index - 1)),
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

    /// A year of four digits, or of two (`87` → 1987, `12` → 2012: the century that puts it in the past), also after an apostrophe (`'62`).
    private static func year(_ text: ScalarText, _ index: Int) -> (value: Int, end: Int)? {
        let index = (text.is(index, "'") || text.is(index, "’")) && text.isDigit(index + 1) && text.isDigit(index + 2) && !text.isDigit(index + 3) ? index + 1 : index
        guard let year = number(text, index, maxDigits: 4), !text.isAlphanumeric(year.end) else { return nil }
        switch year.end - index {
        case 4: return (year.value, year.end)
        // Not the start of a time or a range (`30 Dec 10–6`, `24 Dec 10:00`).
        case 2:
            guard !text.is(year.end, "–"), !text.is(year.end, "-"), !text.is(year.end, ":") else { return nil }
            return (year.value <= currentShortYear ? 2000 + year.value : 1900 + year.value, year.end)
        default: return nil
        }
    }

    private static let currentShortYear = currentYear % 100

    private static func make(_ start: Int, _ end: Int, _ year: Int?, _ month: Int, _ day: Int) -> FoundDate? {
        guard (1...12).contains(month), day >= 1 else { return nil }
        guard let year else {
            guard day <= CalendarDay.daysIn(month: month, year: 2000) else { return nil }
            return FoundDate(start: start, end: end, isoDays: [], monthDay: String(format: "-%02d-%02d", month, day))
        }
        guard (1900...2100).contains(year), day <= CalendarDay.daysIn(month: month, year: year) else { return nil }
        return FoundDate(start: start, end: end, isoDays: [CalendarDay(year: year, month: month, day: day).iso])
    }

    /// `24.12.1990`, `22.05.87`, `1990-12-24`, `3/3/1990`, `12-03-1985`, `15-Sep-1952`, `3. Mai 1952`, `3rd March 1990`, `20. Mai`.
    private static func numeric(_ text: ScalarText, _ start: Int) -> FoundDate? {
        if let compact = compactOrYear(text, start) { return compact }
        guard let first = number(text, start, maxDigits: 4) else { return nil }
        if first.end - start == 4, text.is(first.end, "-"), let month = number(text, first.end + 1, maxDigits: 2),
           text.is(month.end, "-"), let day = number(text, month.end + 1, maxDigits: 2), !text.isAlphanumeric(day.end) {
            return make(start, day.end, first.value, month.value, day.value)
        }
        guard first.end - start <= 2 else { return nil }
        // `15-Sep-1952`
        if text.is(first.end, "-"), let (month, monthEnd) = monthName(text, first.end + 1), text.is(monthEnd, "-"), let year = year(text, monthEnd + 1) {
            return make(start, year.end, year.value, month, first.value)
        }
        // `12.VI.1946`: the month in Roman numerals.
        if text.is(first.end, "."), let (month, monthEnd) = romanMonth(text, first.end + 1), text.is(monthEnd, "."), let year = year(text, monthEnd + 1) {
            return make(start, year.end, year.value, month, first.value)
        }
        // `16. 11. 1959`: a dotted date typed with a space after each dot (a four-digit year only).
        if text.is(first.end, "."), text.isSpace(first.end + 1), let second = number(text, first.end + 2, maxDigits: 2), text.is(second.end, "."),
           text.isSpace(second.end + 1), let year = year(text, second.end + 2), year.end - second.end - 2 == 4 {
            return make(start, year.end, year.value, second.value, first.value)
        }
        for separator in ["." as Unicode.Scalar, "/", "-"] where text.is(first.end, separator) {
            // `DOB 9/13` without a year: month/day if only that fits, else day/month.
            if separator == "/", let second = number(text, first.end + 1, maxDigits: 2), !text.isAlphanumeric(second.end), !text.is(second.end, "/"),
               !(text.is(second.end, ".") || text.is(second.end, ",")) || !text.isDigit(second.end + 1) {
                if let date = make(start, second.end, nil, second.value, first.value) ?? make(start, second.end, nil, first.value, second.value) { return date }
            }
            guard let second = number(text, first.end + 1, maxDigits: 2), text.is(second.end, separator) else { continue }
            // `04.10. 1953`: a space before the year.
            if separator == ".", text.isSpace(second.end + 1), let year = year(text, second.end + 2), year.end - second.end - 2 == 4 {
                return make(start, year.end, year.value, second.value, first.value)
            }
            // `12.03.` without a year.
            if separator == ".", !text.isAlphanumeric(second.end + 1), !text.is(second.end + 1, ".") || !text.isDigit(second.end + 2) {
                if let date = make(start, second.end + 1, nil, second.value, first.value) { return date }
            }
            guard let year = year(text, second.end + 1) else { continue }
            // `07.15.1990`: a dotted date whose day cannot be a month is the US order.
            if separator == "." { return make(start, year.end, year.value, second.value, first.value) ?? make(start, year.end, year.value, first.value, second.value) }
            // `12-03-1985` only with a four-digit year (shorter runs of hyphenated digits are too often numbers).
            if separator == "-", year.end - second.end - 1 != 4 { continue }
            // Slash and hyphen dates are day/month in Europe and month/day in the US: both readings count.
            let readings = [make(start, year.end, year.value, second.value, first.value), make(start, year.end, year.value, first.value, second.value)]
                .compactMap { $0 }
            guard !readings.isEmpty else { continue }
            return FoundDate(start: start, end: year.end, isoDays: readings.flatMap(\.isoDays))
        }
        var cursor = first.end
        if text.is(cursor, ".") { cursor += 1 } else { cursor = afterOrdinal(text, cursor) }
        // `26.Oktober 1978`: the space after the day's dot may be missing.
        if text.isSpace(cursor) { cursor += 1 } else if !text.is(cursor - 1, ".") || !text.isLetter(cursor) { return nil }
        if text.lowercasedMatches(ofWord, at: cursor) { cursor += 3 }
        guard let (month, monthEnd) = monthName(text, cursor) else { return nil }
        // Two digits and `wird` after the month are an age, not a year (`am 20. September 18 wird`).
        if text.isSpace(monthEnd), let year = year(text, monthEnd + 1), year.end - monthEnd - 1 > 2 || !endsWithAge(text, year.end) {
            return make(start, year.end, year.value, month, first.value)
        }
        return make(start, monthEnd, nil, month, first.value)
    }

    /// Right after a cue naming the birth: `DOB 19850312` (year, month, day without separators) and a
    /// birth year alone (`born in 1961`, `Jahrgang 1958`, `Geburtsjahr: 1975`), a year an adult member
    /// can be born in. Elsewhere such digits are order numbers and years.
    private static func compactOrYear(_ text: ScalarText, _ start: Int) -> FoundDate? {
        guard let digits = number(text, start, maxDigits: 8), !text.isAlphanumeric(digits.end), !text.is(digits.end, "-"),
              digits.end - start == 8 || digits.end - start == 4 else { return nil }
        if digits.end - start == 4 {
            guard birthYears.contains(digits.value), text.hasCue(yearCues, before: start, window: 18) else { return nil }
            return FoundDate(start: start, end: digits.end, isoDays: [])
        }
        guard text.hasCue(birthCues, before: start, window: 18) else { return nil }
        return make(start, digits.end, digits.value / 10_000, digits.value / 100 % 100, digits.value % 100)
    }

    /// Cues right before a birth year written alone.
    private static let yearCues = ScalarText.lowercased(["born in ", "born ", "geboren ", "geboren im jahr ", "jahrgang ", "geburtsjahr", "year of birth",
                                                         "birth year", "dob ", "geb. ", "geb "])

    /// `May 3, 1952`, `March 3rd, 1990`, `Mar 3 1990`, `February 9th` (no year), `März 1964` (no day).
    private static func named(_ text: ScalarText, _ start: Int) -> FoundDate? {
        guard let (month, monthEnd) = monthName(text, start), text.isSpace(monthEnd) else { return nil }
        if let year = number(text, monthEnd + 1, maxDigits: 4), year.end - monthEnd == 5, (1900...2100).contains(year.value), !text.isAlphanumeric(year.end) {
            return FoundDate(start: start, end: year.end, isoDays: [])
        }
        guard let day = number(text, monthEnd + 1, maxDigits: 2), !text.isLetter(afterOrdinal(text, day.end)) else { return nil }
        let dayEnd = afterOrdinal(text, day.end)
        var cursor = dayEnd
        if text.is(cursor, ",") { cursor += 1 }
        guard text.isSpace(cursor), let year = year(text, cursor + 1) else { return make(start, dayEnd, nil, month, day.value) }
        return make(start, year.end, year.value, month, day.value)
    }

    /// After an English ordinal suffix (`3rd`, `21st`), if there is one.
    private static func afterOrdinal(_ text: ScalarText, _ index: Int) -> Int {
        for suffix in ordinalSuffixes where text.lowercasedMatches(suffix, at: index) && !text.isLetter(index + 2) {
            return index + 2
        }
        return index
    }

    private static let ofWord = ScalarText.lowercased(["of "])[0]
    private static let ordinalSuffixes = ScalarText.lowercased(["st", "nd", "rd", "th"])

    /// First letters of month names (lowercase), to skip other words without building strings.
    private static let monthInitials = ScalarText.letterMask("jfmasond")

    /// The month written in Roman numerals at `start` (`VI`, `XII`) and where it ends.
    private static func romanMonth(_ text: ScalarText, _ start: Int) -> (Int, Int)? {
        var end = start
        while text.is(end, "I") || text.is(end, "V") || text.is(end, "X"), end - start < 4 { end += 1 }
        guard end > start, !text.isLetter(end), let month = romanMonths.firstIndex(of: text.string(start, end)) else { return nil }
        return (month + 1, end)
    }

    private static let romanMonths = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]

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
