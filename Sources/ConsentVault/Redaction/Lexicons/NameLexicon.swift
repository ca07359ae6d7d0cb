import Foundation

/// Given names and surnames from public statistics (see NOTICE.md), parsed once on first use.
/// Lookups fold case, umlauts (ä → ae, ß → ss) and other diacritics (also ł, ı, ø, đ), so `Müller`
/// finds `mueller`, `José` finds `jose` and `Paweł` finds `pawel`.
enum NameLexicon {
    /// Given names that are not also ordinary words: the census lists' and those of `nam_dict.txt` (`Jannik`, `Ansgar`, `Jekaterina`).
    static let givenNames: Set<String> = Set((givenNameList + " " + worldGivenNameList).split(whereSeparator: \.isWhitespace).map(String.init))
        .subtracting(ambiguousGivenNames)
    /// Given names that are also ordinary words (`will`, `rose`, `mark`): names only next to a surname or after a cue.
    static let ambiguousGivenNames: Set<String> = Set(ambiguousGivenNameList.split(whereSeparator: \.isWhitespace).map(String.init))
        .subtracting(frequentGermanGivenNames)
    /// The most frequent given names of Germany, Austria and Switzerland (6 of 13 or more in `nam_dict.txt`, see NOTICE.md) that
    /// the census lists mark as words only for a rare German noun spelled so (`Hans`/`Hanse`, `Horst`): names, not words.
    private static let frequentGermanGivenNames: Set<String> = ["georg", "hans", "heidi", "horst", "simon"]
    /// Surnames.
    static let surnames: Set<String> = Set(surnameList.split(whereSeparator: \.isWhitespace).map(String.init))
    /// Surnames that are also ordinary words (`braun`, `sagen`): names in chat only after a cue, not as the next word.
    static let ambiguousSurnames: Set<String> = Set(ambiguousSurnameList.split(whereSeparator: \.isWhitespace).map(String.init))
    /// Ambiguous given names and surnames that are among the most frequent names (`grace`, `jack`; `miller`, `baker`):
    /// such a pair is a person (`Grace Baker`), unlike a pair of rarer names or words (`Rose Gold`, `Will Power`).
    private static let commonAmbiguousGivenNames: Set<String> = Set(commonAmbiguousGivenNameList.split(whereSeparator: \.isWhitespace).map(String.init))
    private static let commonAmbiguousSurnames: Set<String> = Set(commonAmbiguousSurnameList.split(whereSeparator: \.isWhitespace).map(String.init))
    /// Colours that are given names too (`Olive Green`, `Pearl White`): before a colour surname, a product's colour.
    private static let colourGivenNames: Set<String> = ["olive", "pearl", "hazel", "ivory", "amber", "ruby", "jade", "rose", "coral", "violet",
                                                        "scarlet", "ginger", "honey", "sienna", "sky", "misty", "dusty", "crystal", "jet", "cherry",
                                                        "lily", "snow", "dawn", "storm", "autumn", "forest", "silver", "gray", "grey", "hunter"]
    /// Whether a lowercase word is a colour that is also a given name (`rose`, `amber`, `autumn`).
    static func isColourName(_ lower: String) -> Bool { colourGivenNames.contains(lower) }
    private static let colourSurnames: Set<String> = ["green", "white", "brown", "black", "gray", "grey", "blue", "red", "gold", "silver", "pink", "rose"]
    /// Whether a lowercase word names a colour (`olive`, `green`, `navy`): the name model never scores one.
    static func isColourWord(_ lower: String) -> Bool { colourGivenNames.contains(lower) || colourSurnames.contains(lower) || lower == "navy" }

    /// Whether `word` is a given name that is no word, or one that is a word but among the most frequent names (`Grace`, not `Summer`).
    static func isFrequentGivenName(_ word: String) -> Bool {
        let folded = key(word)
        return givenNames.contains(folded) || commonAmbiguousGivenNames.contains(folded)
    }

    /// Whether a given name and a surname that are both ordinary words are still a person's name: both among the
    /// most frequent names, and not a colour (`Grace Baker`, `Maria Brown`; not `Olive Green`, `Rose Gold`).
    static func isCommonNamePair(given: String, surname: String) -> Bool {
        let given = key(given), surname = key(surname)
        return commonAmbiguousGivenNames.contains(given) && commonAmbiguousSurnames.contains(surname) && !isColourPair(given: given, surname: surname)
    }

    /// Whether a given name and a surname are a product's colour (`Olive Green`, `Rose Gold`, `Hunter Green`).
    static func isColourPair(given: String, surname: String) -> Bool {
        colourGivenNames.contains(key(given)) && colourSurnames.contains(key(surname))
    }

    /// The lookup key of `word`: lowercase, umlauts spelled out, other diacritics and apostrophes
    /// (`O'Donoghue` → `odonoghue`, as the statistics write it) removed. A name
    /// the lists hold only without the umlaut's dots (Turkish `Ömer` → `omer`, `Gülşen` → `gulsen`)
    /// gets that key instead.
    static func key(_ word: String) -> String {
        // Most words are ASCII without an apostrophe: their key is their lowercase form.
        if word.utf8.allSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: "'") }) { return word.lowercased() }
        let german = key(word, spellingUmlauts: true)
        guard word.unicodeScalars.contains(where: { umlauts.contains($0) }) else { return german }
        if isListed(german) { return german }
        let plain = key(word, spellingUmlauts: false)
        // A German noun is no surname without its dots (`Größe` is not `Grosse`); a Turkish name has letters German lacks (`Öztürk`).
        let foreign = word.unicodeScalars.contains { $0.value >= 0xc0 && $0.properties.isAlphabetic && !"äöüÄÖÜß".unicodeScalars.contains($0) }
        return givenNames.contains(plain) || ambiguousGivenNames.contains(plain) || foreign && surnames.contains(plain) ? plain : german
    }

    /// Umlauts in either case, which a key spells out (`ü` → `ue`) unless the lists hold the name without the dots.
    private static let umlauts: Set<Unicode.Scalar> = ["ä", "ö", "ü", "Ä", "Ö", "Ü"]

    /// Whether a key is in any name list: given name or surname, ordinary word or not.
    static func isListed(_ key: String) -> Bool {
        givenNames.contains(key) || ambiguousGivenNames.contains(key) || surnames.contains(key)
    }

    private static func key(_ word: String, spellingUmlauts: Bool) -> String {
        var spelled = ""
        for scalar in word.lowercased().unicodeScalars {
            switch scalar {
            case "ä" where spellingUmlauts: spelled += "ae"
            case "ö" where spellingUmlauts: spelled += "oe"
            case "ü" where spellingUmlauts: spelled += "ue"
            case "ß": spelled += "ss"
            case "'", "’": break
            case "ł": spelled += "l"
            case "ı": spelled += "i"
            case "ø": spelled += "o"
            case "đ": spelled += "d"
            default: spelled.unicodeScalars.append(scalar)
            }
        }
        guard !spelled.allSatisfy(\.isASCII) else { return spelled }
        return spelled.folding(options: [.diacriticInsensitive], locale: nil)
    }

    /// Whether `word` is a given name that is not also an ordinary word; a double name (`Karl-Heinz`) when each part is one.
    static func isGivenName(_ word: String) -> Bool { isGivenName(key: key(word)) }
    /// `isGivenName` for a word already folded by `key`.
    static func isGivenName(key folded: String) -> Bool {
        givenNames.contains(folded) || (folded.contains("-" as Character) && folded.split(separator: "-").allSatisfy { givenNames.contains(String($0)) })
    }
    /// Whether `word` is a given name, ordinary word or not (a double name when each part is one).
    static func isAnyGivenName(_ word: String) -> Bool { isAnyGivenName(key: key(word)) }
    /// `isAnyGivenName` for a word already folded by `key`.
    static func isAnyGivenName(key folded: String) -> Bool {
        func given(_ part: String) -> Bool { givenNames.contains(part) || ambiguousGivenNames.contains(part) }
        return given(folded) || (folded.contains("-" as Character) && folded.split(separator: "-").allSatisfy { given(String($0)) })
    }
    /// Whether a word folded by `key` is a given name that is also an ordinary word.
    static func isAmbiguousGivenName(key folded: String) -> Bool { ambiguousGivenNames.contains(folded) }
    /// Whether `word` is a surname that is also an ordinary word.
    static func isAmbiguousSurname(_ word: String) -> Bool { ambiguousSurnames.contains(key(word)) }
    /// Whether a name part (each part of `Karl-Heinz`) may also be an ordinary word: a listed given name or
    /// surname that is one, or a part of three letters or fewer.
    static func isOrdinaryWord(_ name: String) -> Bool {
        name.split(whereSeparator: { $0 == " " || $0 == "-" }).contains { part in
            let folded = key(String(part) as String)
            return part.count <= 3 || ambiguousGivenNames.contains(folded) || ambiguousSurnames.contains(folded)
        }
    }
    /// Whether `word` is a surname.
    static func isSurname(_ word: String) -> Bool { surnames.contains(key(word)) }
    /// Whether `word` is a surname that is no ordinary word.
    static func isPlainSurname(_ word: String) -> Bool { let folded = key(word); return surnames.contains(folded) && !ambiguousSurnames.contains(folded) }
}
