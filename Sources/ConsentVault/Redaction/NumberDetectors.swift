/// Numbers that are personal data: IBANs (country length; mod-97 makes them certain), payment cards
/// (Luhn and issuer ranges, also several listed in a row), German tax ids (Steuer-ID, check digit) and phone numbers. Order numbers, dates and
/// prices are not phones.
enum NumberDetectors {
    private static let ibanLengths: [String: Int] = [
        "DE": 22, "AT": 20, "CH": 21, "NL": 18, "BE": 16, "LU": 20, "FR": 27, "IT": 27, "ES": 24, "GB": 22, "IE": 22, "PL": 28,
        "DK": 18, "SE": 24, "CZ": 24, "PT": 25, "FI": 18, "NO": 15, "LI": 21, "MC": 27, "GR": 27, "HU": 28, "SK": 24, "SI": 19,
    ]

    /// IBANs, with or without spaces in groups of four.
    static func ibans(in text: ScalarText) -> [Detection] {
        var found: [Detection] = []
        var index = 0
        while index + 15 <= text.count {
            // The check digits may stand apart from the country (`DE 89 3704 …`).
            let checkDigits = text.isSpace(index + 2) ? index + 3 : index + 2
            guard text.isASCIILetter(index), text.isASCIILetter(index + 1), text.isDigit(checkDigits), text.isDigit(checkDigits + 1),
                  !text.isAlphanumeric(index - 1), let length = ibanLengths[text.string(index, index + 2).uppercased()] else { index += 1; continue }
            // Upper- or lowercase, in groups separated by single spaces or hyphens, or wrapped onto the next line between groups.
            var characters: [UInt32] = []
            var end = index
            var wrapped = false
            while end < text.count, characters.count < length {
                if text.isDigit(end) { characters.append(text[end]) }
                else if text.isASCIILetter(end) { characters.append(text[end] & ~0x20) }
                else if text.is(end, "\n"), characters.count % 4 == 0, text.isAlphanumeric(end + 1), !wrapped { wrapped = true }
                else if !((text.isSpace(end) || text.is(end, "-")) && text.isAlphanumeric(end + 1)) { break }
                end += 1
            }
            // A wrapped number, or one with its check digits apart, counts only in capitals and when its checksum holds: the next
            // line may be something else, and `at 6471 Lincoln Way` is no Austrian account.
            let loose = wrapped || checkDigits > index + 2
            // Nor is a broken one that runs into lowercase words (`Retoure BE79432988 auf die IBAN …`).
            let intoWords = (index + 4..<end).contains { text.isLetter($0) && !text.isUpper($0) }
            if characters.count == length, !text.isAlphanumeric(end), !loose || mod97(characters) == 1 && text.isUpper(index) && text.isUpper(index + 1),
               !intoWords || mod97(characters) == 1 {
                // A broken checksum is a typo, not a reason to leak the account: still an IBAN, with less certainty.
                let valid = mod97(characters) == 1
                found.append(Detection(type: .iban, start: index, end: end, priority: valid ? DetectionPriority.checksum : DetectionPriority.structured))
                index = end
            } else {
                index += 1
            }
        }
        return found
    }

    private static func mod97(_ characters: [UInt32]) -> Int {
        var remainder = 0
        for character in characters[4...] + characters[..<4] {
            let value = character <= 0x39 ? Int(character - 0x30) : Int(character - 0x41 + 10)
            remainder = value >= 10 ? (remainder * 100 + value) % 97 : (remainder * 10 + value) % 97
        }
        return remainder
    }

    private static let separatorScalars: [UInt32] = [0x20, 0x2d]

    /// Digit runs of at least `minimumDigits` digits with optional single spaces or dashes between
    /// digits: start, end, digits. Shorter runs are skipped without allocating.
    static func digitRuns(in text: ScalarText, minimumDigits: Int) -> [(start: Int, end: Int, digits: [Int])] {
        var runs: [(Int, Int, [Int])] = []
        var index = 0
        let separatorValues = separatorScalars
        while index < text.count {
            guard text.isDigit(index), !text.isAlphanumeric(index - 1) else { index += 1; continue }
            guard text.isDigit(index + 1) || separatorValues.contains(text[index + 1]) else { index += 2; continue }
            var count = 0
            var end = index
            while end < text.count {
                if text.isDigit(end) { count += 1; end += 1 }
                else if separatorValues.contains(text[end]), text.isDigit(end + 1), count < 40 { end += 1 }
                else { break }
            }
            if count >= minimumDigits, !text.isLetter(end) {
                runs.append((index, end, (index..<end).filter { text.isDigit($0) }.map { Int(text[$0] - 0x30) }))
            }
            index = end + 1
        }
        return runs
    }

    /// Words before an article number, which may pass Luhn too.
    private static let articleCues = ScalarText.lowercased(["ean", "gtin", "isbn", "art.-nr", "artikel"])

    /// Words before a payment card's number.
    private static let cardCues = ScalarText.lowercased(["kreditkarte", "credit card", "debit card", "debitkarte", "karte", "card", "visa",
                                                         "mastercard", "amex", "kartennummer"])

    /// Payment card numbers (13–19 digits, Luhn, a known issuer range) and German tax ids (Steuer-ID,
    /// a NATIONAL_ID), from one scan of the digit runs.
    static func cardsAndSteuerIDs(in text: ScalarText) -> [Detection] {
        digitRuns(in: text, minimumDigits: 11).flatMap { run -> [Detection] in
            // An article number (`EAN 4063537728184`) may pass Luhn too.
            // An international phone (`+49 177 56344462`) may pass Luhn too.
            // After a card's cue any issuer counts (`Kreditkarte 3599-9856-1741-8358`).
            if (13...19).contains(run.digits.count), luhn(run.digits), issuerKnown(run.digits) || text.hasWordCue(cardCues, before: run.start, window: 24),
               !text.is(run.start - 1, "+"),
               !text.hasWordCue(articleCues, before: run.start, window: 12) {
                return [Detection(type: .card, start: run.start, end: run.end, priority: DetectionPriority.checksum)]
            }
            if run.digits.count == 11, !(run.start..<run.end).contains(where: { text.is($0, "-") }), isTaxID(run.digits) {
                return [Detection(type: .nationalID, start: run.start, end: run.end, priority: DetectionPriority.checksum)]
            }
            return run.digits.count > 19 || !(13...19).contains(run.digits.count) ? cardsInList(text, run.start, run.end) : []
        }
    }

    /// Cards in a run of digit groups that holds several numbers separated by single spaces
    /// (`4111111111111111 5500000000000004`): from each group, the longest valid card of whole groups.
    private static func cardsInList(_ text: ScalarText, _ start: Int, _ end: Int) -> [Detection] {
        var groups: [(start: Int, end: Int)] = []
        var cursor = start
        while cursor < end {
            let groupStart = cursor
            while cursor < end, text.isDigit(cursor) { cursor += 1 }
            if cursor > groupStart { groups.append((groupStart, cursor)) }
            cursor += 1
        }
        var found: [Detection] = []
        var first = 0
        while first < groups.count {
            var best: Int?
            var digits: [Int] = []
            for last in first..<groups.count {
                digits += (groups[last].start..<groups[last].end).map { Int(text[$0] - 0x30) }
                if digits.count > 19 { break }
                if digits.count >= 13, luhn(digits), issuerKnown(digits) { best = last }
            }
            guard let last = best else { first += 1; continue }
            found.append(Detection(type: .card, start: groups[first].start, end: groups[last].end, priority: DetectionPriority.checksum))
            first = last + 1
        }
        return found
    }

    private static func luhn(_ digits: [Int]) -> Bool {
        var sum = 0
        for (offset, digit) in digits.reversed().enumerated() {
            let doubled = offset % 2 == 1 ? digit * 2 : digit
            sum += doubled > 9 ? doubled - 9 : doubled
        }
        return sum % 10 == 0
    }

    private static func issuerKnown(_ digits: [Int]) -> Bool {
        let prefix = { (count: Int) in digits.prefix(count).reduce(0) { $0 * 10 + $1 } }
        switch digits[0] {
        case 1: return digits.count == 15                                                    // UATP
        case 4: return [13, 16, 19].contains(digits.count)                                   // Visa
        case 5: return ((51...55).contains(prefix(2)) && digits.count == 16)                 // Mastercard, Dankort (5019)
            || prefix(4) == 5019 || ([50, 56, 57, 58].contains(prefix(2)) && digits.count >= 12)  // Maestro
        case 2: return (2221...2720).contains(prefix(4)) && digits.count == 16               // Mastercard 2-series
        case 3: return ([34, 37].contains(prefix(2)) && digits.count == 15) || ((3528...3589).contains(prefix(4)) && digits.count >= 16)
            || (((300...305).contains(prefix(3)) || [36, 38, 39].contains(prefix(2))) && (14...19).contains(digits.count))  // Diners
        case 6: return (prefix(4) == 6011 || prefix(2) == 65 || (644...649).contains(prefix(3))) && digits.count >= 16
            || digits.count >= 12                                                            // Maestro (6…)
        default: return false
        }
    }

    /// A German tax id: 11 digits, first not 0, ISO 7064 MOD 11,10 check digit, and in the first
    /// ten digits exactly one digit repeated (twice or three times).
    private static func isTaxID(_ digits: [Int]) -> Bool {
        guard digits[0] != 0, taxCheckDigit(Array(digits.prefix(10))) == digits[10] else { return false }
        var counts = [Int](repeating: 0, count: 10)
        for digit in digits.prefix(10) { counts[digit] += 1 }
        return counts.filter({ $0 > 1 }).count == 1 && counts.contains(where: { $0 == 2 || $0 == 3 })
    }

    private static func taxCheckDigit(_ digits: [Int]) -> Int {
        var product = 10
        for digit in digits {
            var sum = (digit + product) % 10
            if sum == 0 { sum = 10 }
            product = (sum * 2) % 11
        }
        let check = 11 - product
        return check == 10 ? 0 : check
    }

    /// North American numbers: `(617) 555-0142`, `617-555-0142`, `617.555.0142`, `617 555 0142`,
    /// with `+1`/`1-` before them; the area code starts with 2–9.
    static func northAmericanPhones(in text: ScalarText) -> [Detection] {
        var found: [Detection] = []
        var index = 0
        while index < text.count {
            defer { index += 1 }
            let afterCountryCode = countryCodeStart(text, before: index) != nil
            guard text.is(index, "(") || text.is(index, "[") || (text.isDigit(index) && !text.isAlphanumeric(index - 1)
                    && ((!text.is(index - 1, "-") && !text.is(index - 1, ".")) || afterCountryCode)) else { continue }
            var start = index
            var cursor = index
            // `(617) 555-0142`, or in square brackets `[773] 555-0119`.
            let closing: Unicode.Scalar = text.is(cursor, "[") ? "]" : ")"
            let bracketed = text.is(cursor, "(") || text.is(cursor, "[")
            if bracketed { cursor += 1 }
            if !bracketed, let end = digitsRunTogether(text, start) {
                found.append(Detection(type: .phone, start: start, end: end, priority: DetectionPriority.structured))
                index = end
                continue
            }
            guard let area = threeDigits(text, cursor), area.first >= 2 else { continue }
            cursor += 3
            if bracketed { guard text.is(cursor, closing) else { continue }; cursor += 1; if text.isSpace(cursor) { cursor += 1 } }
            let separator = text[cursor]
            if !bracketed {
                guard [0x2d, 0x2e, 0x20].contains(separator) else { continue }
                cursor += 1
            } else if text.is(cursor, "-") || text.is(cursor, ".") { cursor += 1 }
            guard threeDigits(text, cursor) != nil else { continue }
            cursor += 3
            guard text.is(cursor, "-") || text.is(cursor, ".") || text.isSpace(cursor), bracketed || text[cursor] == separator else { continue }
            cursor += 1
            // An extension written right after it (`…-0142x725`) is the redactor's to add (`Redactor.withExtension`).
            let extensionFollows = (text.is(cursor + 4, "x") || text.is(cursor + 4, "X")) && text.isDigit(cursor + 5)
            guard (0..<4).allSatisfy({ text.isDigit(cursor + $0) }), !text.isAlphanumeric(cursor + 4) || extensionFollows,
                  !(text.is(cursor + 4, "-") && text.isDigit(cursor + 5)) else { continue }
            let end = cursor + 4
            start = countryCodeStart(text, before: start) ?? start
            found.append(Detection(type: .phone, start: start, end: end, priority: DetectionPriority.structured))
            index = end
        }
        return found
    }

    /// Where a country code before a NANP number at `start` begins: `+1 `, `+1-`, `1-`, `1 `, `001-`, `+1.`; nil when none.
    private static func countryCodeStart(_ text: ScalarText, before start: Int) -> Int? {
        guard text.is(start - 1, "-") || text.isSpace(start - 1) || text.is(start - 1, "."), text.is(start - 2, "1") else { return nil }
        var codeStart = start - 2
        if text.is(codeStart - 1, "0"), text.is(codeStart - 2, "0") { codeStart -= 2 } else if text.is(codeStart - 1, "+") { codeStart -= 1 }
        // A `1` after a letter, digit or dot is part of something else (`v1.617…`, `2.1.617…`).
        guard !text.isAlphanumeric(codeStart - 1), !text.is(codeStart - 1, ".") else { return nil }
        return codeStart
    }


    /// The end of ten digits run together at `start` that read as a NANP number (`5036431957`: area and exchange from 2):
    /// a phone only after a phone word or alone on its line; elsewhere such digits are order numbers. After a phone word,
    /// also eleven to fifteen digits not opening with 0.
    private static func digitsRunTogether(_ text: ScalarText, _ start: Int) -> Int? {
        // Eleven to fifteen digits after a phone word: an international number written without `+` (`Rückruf: 4915112345678`).
        var runEnd = start
        while text.isDigit(runEnd), runEnd - start <= 15 { runEnd += 1 }
        if (11...15).contains(runEnd - start), !text.isAlphanumeric(runEnd), text[start] != 0x30, !text.is(start - 1, "+"),
           text.hasWordCue(bareNumberCues, before: start, window: 28) {
            return runEnd
        }
        guard (start..<start + 10).allSatisfy({ text.isDigit($0) }), !text.isAlphanumeric(start + 10), text[start] >= 0x32, text[start + 3] >= 0x32,
              text.hasWordCue(bareNumberCues, before: start, window: 28)
                || (start == 0 || text.isWhitespace(start - 1) && !text.isSpace(start - 1)) && (start + 10 == text.count || text.isWhitespace(start + 10) && !text.isSpace(start + 10))
                || isContactField(text, start, start + 10)
        else { return nil }
        return start + 10
    }

    /// Whether `start..<end` is a field of its own in a contact record: set off by commas, semicolons, bars, tabs or quotes on
    /// both sides, on a line that also holds a given name (`"O'Brien, Dylan","6083533096",…`, `Megan Khan, 6086589760, megan17@…`).
    private static func isContactField(_ text: ScalarText, _ start: Int, _ end: Int) -> Bool {
        func isDelimiter(_ index: Int) -> Bool {
            text.is(index, ",") || text.is(index, ";") || text.is(index, "|") || text.is(index, "\t") || text.is(index, "\"")
        }
        var before = start - 1, after = end
        while before >= 0, text.isSpace(before) { before -= 1 }
        while text.isSpace(after) { after += 1 }
        guard before >= 0, isDelimiter(before), after < text.count, isDelimiter(after) else { return false }
        // The given names on the line, up to a bound so a long line costs no more than a short one.
        var lineStart = start
        while lineStart > 0, start - lineStart < lineBound, !(text.isWhitespace(lineStart - 1) && !text.isSpace(lineStart - 1)) { lineStart -= 1 }
        var index = lineStart
        while index < text.count, index - lineStart < 2 * lineBound, !(text.isWhitespace(index) && !text.isSpace(index)) {
            guard text.isUpper(index), !text.isLetter(index - 1) else { index += 1; continue }
            var wordEnd = index
            while text.isLetter(wordEnd) { wordEnd += 1 }
            if wordEnd - index >= 3, NameLexicon.isGivenName(text.string(index, wordEnd)) { return true }
            index = wordEnd
        }
        return false
    }

    /// How far around a number a contact record's line is read for a given name.
    private static let lineBound = 120

    /// Words before ten digits run together that make them a phone number.
    private static let bareNumberCues = ScalarText.lowercased(["phone", "call", "callback", "cell", "mobile", "tel", "reach me", "text me",
                                                               "ring me", "had", "number", "contact", "whatsapp", "on file", "sms", "rückruf",
                                                               "anruf", "anrufen", "handy", "mobil", "telefon", "notification", "benachrichtigung"])

    private static func threeDigits(_ text: ScalarText, _ index: Int) -> (first: Int, end: Int)? {
        guard text.isDigit(index), text.isDigit(index + 1), text.isDigit(index + 2), !text.isDigit(index + 3) else { return nil }
        return (Int(text[index] - 0x30), index + 3)
    }

    private static let notPhoneCues = ScalarText.lowercased(["bestell", "order", "rechnung", "invoice", "artikel", "art.-nr", "auftrag", "kunden-nr", "kundennr",
                                       "sendung", "tracking", "ticket", "gutschein", "voucher", "bon", "plz", "iban", "konto", "#",
                                       "receipt", "item", "sku", "beleg", "kaufbeleg", "kassenbon", "quittung", "ref", "case n", "case #", "case id", "case:", "vorgang", "paket", "parcel", "ean", "gtin", "isbn",
                                       "dhl", "hermes", "ups", "dpd", "gls",
                                       // A firm's register number (`Registered in England and Wales No. 01234567`, `HRB 12345`).
                                       "registered in", "company no", "company number", "hrb", "hra", "handelsregister"])

    /// Whether a phone's digits open with a toll-free prefix (`0800`, `0808`, `00800`, `+800`): a business's line, never a person's.
    private static func isTollFree(_ digits: [Int], international: Bool) -> Bool {
        let national = international ? Array(digits.drop { $0 == 0 }) : Array(digits.dropFirst())
        return national.starts(with: [8, 0, 0]) && (international ? national.count == 11 : true) || !international && national.starts(with: [8, 0, 8])
    }

    /// Where a separator between a phone's digit groups ends: one to three of space, `/`, `-`, `–`
    /// and `.` (`089 - 123 456`, `030 / 2 34`, `0171–2345678`, `0171.2345678`), or nil.
    private static func separatorRunEnd(_ text: ScalarText, _ index: Int) -> Int? {
        var end = index
        while end - index < 3, text.isSpace(end) || text.is(end, "/") || text.is(end, "-") || text.is(end, "–") || text.is(end, ".") { end += 1 }
        guard end > index, (index..<end).filter({ !text.isSpace($0) }).count <= 1 else { return nil }
        return end
    }

    /// Phone numbers: international (`+49 …`, `0049 …`) or national (`0…` with an area code),
    /// 7–15 digits, not a date, price, order number or other known number.
    static func phones(in text: ScalarText) -> [Detection] {
        var found: [Detection] = []
        var index = 0
        while index < text.count {
            let plus = text.is(index, "+") && text.isDigit(index + 1)
            let paren = text.is(index, "(") && text.is(index + 1, "0")
            // Not after a decimal point or comma (`3,05`), but after a comma that ends a word (a CSV field: `…me,0871234567`).
            // Nor inside a code after its hyphen (`400-0715670`).
            guard plus || paren || (text.is(index, "0") && !text.isAlphanumeric(index - 1) && !text.is(index - 1, ".")
                                    && !(text.is(index - 1, ",") && text.isDigit(index - 2)) && !(text.is(index - 1, "-") && text.isAlphanumeric(index - 2))),
                  !text.isDigit(index - 1) else { index += 1; continue }
            var end = plus || paren ? index + 1 : index
            var digits: [Int] = []
            var lastDigitEnd = end
            while end < text.count, digits.count <= 16 {
                if text.isDigit(end) { digits.append(Int(text[end] - 0x30)); end += 1; lastDigitEnd = end }
                else if let next = separatorRunEnd(text, end), text.isDigit(next) || text.is(next, "(") { end = next }
                else if text.is(end, "(") && text.is(end + 1, "0") && text.is(end + 2, ")") { end += 3 }
                else if plus, text.is(end, "("), let close = (end + 2...end + 5).first(where: { text.is($0, ")") }),
                        (end + 1..<close).allSatisfy({ text.isDigit($0) }) { end += 1 }
                else if text.is(end, ")") && !digits.isEmpty { end += 1 }
                else { break }
            }
            end = lastDigitEnd
            defer { index = max(end, index + 1) }
            // A longer digit run (a 20-digit parcel number) is no phone.
            guard !text.isLetter(end), !text.isDigit(end), !(text.is(end, ",") && text.isDigit(end + 1)), !(text.is(end, ".") && text.isDigit(end + 1)) else { continue }
            let international = plus || (digits.count > 2 && digits[0] == 0 && digits[1] == 0)
            // An extension after a hyphen (`0251 7923613-201`) does not count towards the number's length.
            var extensionDigits = 0
            while extensionDigits < 4, text.isDigit(end - 1 - extensionDigits) { extensionDigits += 1 }
            if !(text.is(end - 1 - extensionDigits, "-") && text.isDigit(end - 2 - extensionDigits)) || extensionDigits == 0 { extensionDigits = 0 }
            let validLength = { (count: Int) in international ? (8...15).contains(count - (plus ? 0 : 2)) : (7...13).contains(count) }
            let valid = (validLength(digits.count) || validLength(digits.count - extensionDigits))
                && (international ? digits[plus ? 0 : 2] != 0 : digits[0] == 0 && digits[1] != 0)
            // A cue for another number counts in the phone's own line and sentence only (`Order #: 123⏎Tel: +44 …` and
            // `cancel order #1448016. I'm on 085-3555871` are phones), and never before a `+`. A sentence ends after a number
            // or at `!`/`?`; a dot after a word may be an abbreviation (`Bestell-Nr. 0123`).
            var lineStart = index
            while lineStart > 0, index - lineStart < 25, !(text.isWhitespace(lineStart - 1) && !text.isSpace(lineStart - 1)),
                  !(text.isSpace(lineStart - 1) && (text.is(lineStart - 2, "!") || text.is(lineStart - 2, "?")
                                                    || text.is(lineStart - 2, ".") && text.isDigit(lineStart - 3))) { lineStart -= 1 }
            guard valid, plus || !text.hasWordCue(notPhoneCues, before: index, window: index - lineStart), !isTollFree(digits, international: international)
            else { continue }
            // A bracket that opens a remark around the whole number is not the phone's (`Frau Prem (0463 63999463-63)`).
            let start = paren && !(index..<end).contains(where: { text.is($0, ")") }) ? index + 1 : index
            found.append(Detection(type: .phone, start: start, end: end, priority: DetectionPriority.structured))
        }
        return found
    }
}
