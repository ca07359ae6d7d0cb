/// Names after a cue (`Herr`, `Frau`, `Hallo`, `Liebe/r`, `Dear`, `Hi`, `Hello`) followed by one
/// or two capitalized words. Never capitalization alone: German capitalizes every noun.
enum NameDetector {
    private static let cueWords = ["herr", "herrn", "frau", "hallo", "liebe", "lieber", "dear", "hi", "hello", "hey", "mr", "mrs", "ms", "dr", "moin", "servus"]
    private static let cues: Set<String> = Set(cueWords)
    private static let cueScalars = ScalarText.lowercased(cueWords)
    /// Words after a cue that are not names (`Liebe Kundin`, `Hallo Team`).
    private static let notNames: Set<String> = ["kunde", "kundin", "kunden", "kundinnen", "team", "damen", "herren", "freunde", "freundinnen",
                                                "mitglied", "mitglieder", "customer", "customers", "member", "members", "friends", "all", "everyone",
                                                "und", "and", "zusammen", "leute", "sir", "madam", "there", "welt", "world", "shopper", "fans"]

    /// First letters of the cues, to skip other words without building strings.
    private static let cueInitials = ScalarText.letterMask("hfldmsd")

    /// Names after cues.
    static func names(in text: ScalarText) -> [Detection] {
        var found: [Detection] = []
        var index = 0
        while index < text.count {
            guard text.isLetter(index), !text.isLetter(index - 1) else { index += 1; continue }
            var wordEnd = index
            while text.isLetter(wordEnd) { wordEnd += 1 }
            defer { index = wordEnd }
            guard wordEnd - index <= 6, text.initial(index, in: cueInitials),
                  cueScalars.contains(where: { $0.count == wordEnd - index && text.lowercasedMatches($0, at: index) }) else { continue }
            var cursor = wordEnd
            if text.is(cursor, ".") { cursor += 1 }
            var nameStart: Int?
            var nameEnd = cursor
            for _ in 0..<2 {
                guard text.isSpace(nameEnd), text.isUpper(nameEnd + 1) else { break }
                var end = nameEnd + 1
                while text.isLetter(end) || (text.is(end, "-") && text.isUpper(end + 1)) { end += 1 }
                let word = text.string(nameEnd + 1, end).lowercased()
                guard end - nameEnd > 2, !notNames.contains(word), !cues.contains(word) else { break }
                if nameStart == nil { nameStart = nameEnd + 1 }
                nameEnd = end
            }
            if let nameStart {
                found.append(Detection(type: .person, start: nameStart, end: nameEnd, priority: DetectionPriority.cueName))
                wordEnd = nameEnd
            }
        }
        return found
    }
}
