/// Postal addresses: a German street (`…straße`, `…str.`, `…weg`, `…allee`, `…platz`, `…gasse`,
/// `…ring`, `…damm`, or `Am …`, `An der …`, `Im …`) or an English one (`12 Baker Street`) with a
/// house number, optionally followed by postal code and city.
enum AddressDetector {
    private static let suffixes = ScalarText.lowercased(["straße", "strasse", "str.", "weg", "allee", "platz", "gasse", "ring", "damm", "ufer", "chaussee"])
    private static let prefixes = ["am", "an der", "an den", "auf dem", "auf der", "im", "in der", "zum", "zur"]
    private static let englishTypes = ["street", "st.", "road", "rd.", "avenue", "ave.", "lane", "drive", "close", "way", "court"]

    /// Last letters of the street suffixes (`…straße`, `…weg`, `…platz`, `…damm`, `…ufer`), checked
    /// before the suffixes themselves.
    private static let suffixEndings = ScalarText.letterMask("egzmr")

    /// First letters of the `Am …`/`An der …` prefixes, to skip other short words cheaply.
    private static let prefixInitials = ScalarText.letterMask("aiz")

    /// Every address found.
    static func addresses(in text: ScalarText) -> [Detection] {
        var found: [Detection] = []
        var index = 0
        while index < text.count {
            guard !text.isLetter(index - 1), !text.isDigit(index - 1) else { index += 1; continue }
            if let end = german(text, index) ?? english(text, index) {
                found.append(Detection(type: .address, start: index, end: extendWithCity(text, end), priority: DetectionPriority.address))
                index = end
            } else {
                index += 1
            }
        }
        return found
    }

    /// End of `Straßenname 12a` starting at `start`.
    private static func german(_ text: ScalarText, _ start: Int) -> Int? {
        guard text.isUpper(start) else { return nil }
        var cursor = start
        var streetEnd: Int?
        for _ in 0..<4 {
            var wordEnd = cursor
            while text.isLetter(wordEnd) || text.is(wordEnd, "-") || text.is(wordEnd, "ß") { wordEnd += 1 }
            if text.is(wordEnd, ".") { wordEnd += 1 }
            guard wordEnd > cursor else { break }
            if text.initial(wordEnd - 1, in: suffixEndings) || text.is(wordEnd - 1, "."),
               suffixes.contains(where: { $0.count <= wordEnd - cursor && text.lowercasedMatches($0, at: wordEnd - $0.count) }) {
                streetEnd = wordEnd
                break
            }
            guard wordEnd - cursor <= 4, text.initial(start, in: prefixInitials) else {
                guard text.isSpace(wordEnd) || text.is(wordEnd, "-") else { break }
                cursor = wordEnd + 1
                continue
            }
            let word = text.string(cursor, wordEnd).lowercased()
            let phrase = text.string(start, wordEnd).lowercased()
            if cursor == start, !prefixes.contains(where: { $0.hasPrefix(word) }) && word.count > 20 { return nil }
            if prefixes.contains(phrase), text.isSpace(wordEnd), text.isUpper(wordEnd + 1) {
                var nameEnd = wordEnd + 1
                while text.isLetter(nameEnd) || text.is(nameEnd, "-") { nameEnd += 1 }
                streetEnd = nameEnd
                break
            }
            guard text.isSpace(wordEnd) || text.is(wordEnd, "-") else { break }
            cursor = wordEnd + 1
        }
        guard let streetEnd else { return nil }
        return houseNumberEnd(text, streetEnd)
    }

    private static func houseNumberEnd(_ text: ScalarText, _ streetEnd: Int) -> Int? {
        var cursor = streetEnd
        guard text.isSpace(cursor) else { return nil }
        cursor += 1
        let numberStart = cursor
        while text.isDigit(cursor), cursor - numberStart < 4 { cursor += 1 }
        guard cursor > numberStart else { return nil }
        if text.isASCIILetter(cursor), !text.isLetter(cursor + 1) { cursor += 1 }
        if text.is(cursor, "-"), text.isDigit(cursor + 1) { cursor += 1; while text.isDigit(cursor) { cursor += 1 } }
        return text.isDigit(cursor) ? nil : cursor
    }

    /// End of `221b Baker Street`.
    private static func english(_ text: ScalarText, _ start: Int) -> Int? {
        guard text.isDigit(start) else { return nil }
        var cursor = start
        while text.isDigit(cursor), cursor - start < 5 { cursor += 1 }
        if text.isASCIILetter(cursor), text.isSpace(cursor + 1) { cursor += 1 }
        for _ in 0..<3 {
            guard text.isSpace(cursor), text.isUpper(cursor + 1) else { return nil }
            cursor += 1
            let wordStart = cursor
            while text.isLetter(cursor) { cursor += 1 }
            if text.is(cursor, ".") { cursor += 1 }
            if englishTypes.contains(text.string(wordStart, cursor).lowercased()) { return cursor }
        }
        return nil
    }

    /// Includes `, 10115 Berlin` (or `10115 Berlin`) after the street, if present.
    private static func extendWithCity(_ text: ScalarText, _ end: Int) -> Int {
        var cursor = end
        if text.is(cursor, ",") { cursor += 1 }
        guard text.isSpace(cursor) else { return end }
        cursor += 1
        let codeStart = cursor
        while text.isDigit(cursor) { cursor += 1 }
        guard cursor - codeStart == 5 || cursor - codeStart == 4, text.isSpace(cursor), text.isUpper(cursor + 1) else { return end }
        cursor += 1
        while text.isLetter(cursor) || (text.is(cursor, "-") && text.isUpper(cursor + 1)) { cursor += 1 }
        return cursor
    }
}
