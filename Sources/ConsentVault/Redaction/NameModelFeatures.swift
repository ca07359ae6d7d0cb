/// The features `NameModel` scores a word by, as 32-bit FNV-1a hashes of a template number and its
/// values: the same code computes them for training and for redaction. A capitalized neighbour
/// that is no stop word enters only by its class (which name lists hold it), so the model learns
/// contexts and name shapes, not the names of its training texts.
enum NameModelFeatures {
    /// Whether word `index` is one the model scores: a given name or surname of the lists that is no ordinary word,
    /// written with a capital; no stop word (`Good`, `Case`), not inside a handle or code (`SUMMER24`). A word no list holds
    /// is never scored: without a list of every German noun, `Fenster` looks like `Jungfer`. Nor is a lowercase word: in chat
    /// every verb after a name looks like a surname (`an derya koç machen`), and the rules read chat's names.
    static func isCandidate(_ index: Int, in words: NameWords) -> Bool {
        let word = words[index]
        // The cheap tests first: most capitalized words are nouns no list holds.
        guard word.isCapitalized, !word.key.isEmpty, word.end - word.start >= 2, isNameNoWord(word.key),
              !words.isInsideToken(index), !NameCues.isStopWord(word.lower), !words.followedByDigit(index), !words.followsDot(index),
              !isInBrandPhrase(index, in: words),
              // A firm (`Harper & Finch`), a country or brand (`Ireland`), a city after a place word (`a parcel from Austin`).
              !words.precededByAmpersand(index), !words.followedByAmpersand(index), !NameCues.isBrandOrPlace(word.lower),
              !NameCues.isCity(at: index, alone: false, context: .none, in: words), !namesThing(index, in: words) else { return false }
        return true
    }

    /// Whether a key is a given name or surname that no list marks as also an ordinary word (each part of a double name
    /// listed, one such): `Wolf`, `Power` and `Will` are left to the rules' cues.
    private static func isNameNoWord(_ key: String) -> Bool {
        func plain(_ part: String) -> Bool {
            NameLexicon.isGivenName(key: part) || NameLexicon.surnames.contains(part) && !NameLexicon.ambiguousSurnames.contains(part)
        }
        guard !plain(key) else { return true }
        let parts = key.split(separator: "-").map(String.init)
        return parts.count > 1 && parts.allSatisfy(NameLexicon.isListed) && parts.contains(where: plain)
    }

    /// Whether word `index` is a colour, a day or month, a street type, or names a shop, product, firm or place by the word
    /// beside it (`Chelsea boots`, `Lanz GmbH`, `Parker Lane Market`, `Lake Gregory`, `Lee Ville`, `Rose Gold`).
    private static func namesThing(_ index: Int, in words: NameWords) -> Bool {
        let lower = words[index].stem.lowercased()
        if NameLexicon.isColourWord(lower) || calendarWords.contains(lower) || NameCues.isStreetType(lower) || NameCues.isPlaceEnding(lower) { return true }
        if index + 1 < words.count, words.areAdjacent(index, index + 1) {
            let next = words[index + 1].lower
            if NameCues.isShopWord(next) || NameCues.isProductWord(next) || NameCues.isStreetType(next) || NameCues.isPlaceEnding(next)
                || NameLexicon.isColourWord(next) { return true }
        }
        // A single word in quotes is a product's name (`das Sofa „Greta“`).
        if isQuote(words, words[index].start - 1), isQuote(words, words[index].end) { return true }
        guard index > 0 else { return false }
        let previous = words[index - 1].lower
        // Joined to a noun no list holds (`Salz und Pfeffer`).
        if ["und", "and"].contains(previous), index > 1, words[index - 2].isCapitalized, !NameLexicon.isListed(words[index - 2].key) { return true }
        // After a place word a name is more often a place (`Flights to Milan`, `nach Kraków`); after a shop word, the shop's
        // (`Schuhhaus Brenner`).
        if placeWords.contains(previous) || NameCues.isShopWord(previous) || previous.hasSuffix("haus") { return true }
        return words.areAdjacent(index - 1, index) && NameCues.isPlacePrefix(previous)
    }

    private static func isQuote(_ words: NameWords, _ position: Int) -> Bool {
        words.scalar(at: position).map { "\"'„“”‚‘’«»".unicodeScalars.contains($0) } ?? false
    }

    /// Words before a place.
    private static let placeWords: Set<String> = ["to", "in", "from", "near", "nach", "aus", "im", "ins"]

    /// Days and months, in English and German: `Tuesday's update`, `June`.
    private static let calendarWords: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "montag", "dienstag", "mittwoch", "donnerstag",
        "freitag", "samstag", "sonntag", "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december", "januar", "februar", "märz", "mai", "juni", "juli", "oktober", "dezember",
    ]

    /// Whether word `index` and a word beside it are a brand named for a person (`Kate Spade`, `Betty Crocker`).
    private static func isInBrandPhrase(_ index: Int, in words: NameWords) -> Bool {
        // The second word may carry a product after a hyphen (`Karl Lagerfeld-Tasche`).
        func pair(_ first: Int) -> Bool {
            first >= 0 && first + 1 < words.count && words.areAdjacent(first, first + 1)
                && NameCues.brandPhrases.contains(words[first].lower + " " + (words[first + 1].lower.split(separator: "-").first.map(String.init) ?? ""))
        }
        return pair(index - 1) || pair(index)
    }

    /// For each word, whether one of `detections` (in text order) overlaps it.
    static func wordsCovered(by detections: [Detection], in words: NameWords) -> [Bool] {
        var covered = [Bool](repeating: false, count: words.count)
        var next = 0
        let sorted = detections.sorted { $0.start < $1.start }
        for index in 0..<words.count {
            let word = words[index]
            while next < sorted.count, sorted[next].end <= word.start { next += 1 }
            var probe = next
            while probe < sorted.count, sorted[probe].start < word.end {
                if sorted[probe].end > word.start { covered[index] = true; break }
                probe += 1
            }
        }
        return covered
    }

    /// The feature hashes of word `index`; `previousIsName` says whether the word right before it (one space between) is part of a name.
    static func features(at index: Int, in words: NameWords, text: ScalarText, previousIsName: Bool) -> [UInt32] {
        let word = words[index]
        let lexicon = lexiconClass(word)
        let shape = shape(of: word, in: text)
        let before = separator(before: index, in: words, text: text)
        let after = separator(after: index, in: words, text: text)
        let previous = contextToken(index - 1, in: words), next = contextToken(index + 1, in: words)
        // A word the lists mark as also an ordinary word enters as itself: how often it names someone is learned (`Rose`, `Wolf`).
        // An unknown word does not, so no surname of the training texts is learned by heart.
        let wordLike = lexicon.contains("g") || lexicon.contains("s")
        var features: [UInt32] = [
            hash(0), hash(1, lexicon), hash(2, shape), hash(3, suffix(word.lower, 3)), hash(4, suffix(word.lower, 2)),
            hash(5, previous), hash(6, contextToken(index - 2, in: words)), hash(7, next), hash(8, contextToken(index + 2, in: words)),
            hash(9, before), hash(10, after), hash(11, previous, before), hash(12, after, next), hash(13, lexicon, before, after),
            hash(14, lexicon, previous), hash(15, lexicon, next), hash(16, shape, lexicon), hash(17, previous, next),
        ]
        if wordLike { features.append(hash(18, word.lower)) }
        if previousIsName { features.append(contentsOf: [hash(19), hash(20, lexicon)]) }
        if words.startsLine(index) { features.append(contentsOf: [hash(22, lexicon, after), hash(23, shape, after)]) }
        return features
    }

    /// Which name lists hold the word: `G` a given name that is no word, `g` one that is, `S` a surname that is no word,
    /// `s` one that is; empty for none (a stop word is never scored, and a neighbour that is one enters as itself).
    private static func lexiconClass(_ word: NameWords.Word) -> String {
        var code = ""
        if NameLexicon.isGivenName(key: word.key) { code += "G" } else if NameLexicon.isAmbiguousGivenName(key: word.key) { code += "g" }
        if NameLexicon.ambiguousSurnames.contains(word.key) { code += "s" } else if NameLexicon.surnames.contains(word.key) { code += "S" }
        return code
    }

    /// The word's shape: capitals (`X` first only, `A` all, `x` none), a hyphen, an apostrophe, a possessive `s`, and its length in bands.
    private static func shape(of word: NameWords.Word, in text: ScalarText) -> String {
        var shape = word.isCapitalized ? ((word.start..<word.end).allSatisfy { !text.isLetter($0) || text.isUpper($0) } ? "A" : "X") : "x"
        if word.text.contains("-") { shape += "-" }
        if word.text.contains("'") || word.text.contains("’") { shape += "'" }
        if word.stem.count < word.text.count { shape += "s" }
        let length = word.end - word.start
        shape += length <= 3 ? "3" : length <= 5 ? "5" : length <= 8 ? "8" : "9"
        return shape
    }

    /// A neighbour as context: a lowercase word or stop word as written, a capitalized word by its class, `^`/`$` beyond the text.
    private static func contextToken(_ index: Int, in words: NameWords) -> String {
        guard index >= 0 else { return "^" }
        guard index < words.count else { return "$" }
        let word = words[index]
        if word.lower.isEmpty { return "~" }
        if NameCues.isStopWord(word.lower) { return word.lower }
        if word.isCapitalized || word.isInLowercase && !word.key.isEmpty && NameLexicon.isListed(word.key) {
            return (word.isCapitalized ? "C" : "c") + lexiconClass(word)
        }
        return word.lower
    }

    /// What stands between the word before and word `index`: punctuation as written, `N` for a line break, `0` for digits,
    /// nothing for spaces; at most four marks.
    private static func separator(before index: Int, in words: NameWords, text: ScalarText) -> String {
        marks(from: index == 0 ? max(0, words[index].start - 12) : words[index - 1].end, to: words[index].start, in: text, atStart: index == 0)
    }

    /// What stands between word `index` and the next.
    private static func separator(after index: Int, in words: NameWords, text: ScalarText) -> String {
        let end = index + 1 < words.count ? words[index + 1].start : min(text.count, words[index].end + 12)
        return marks(from: words[index].end, to: end, in: text, atStart: false) + (index + 1 < words.count ? "" : "$")
    }

    private static func marks(from start: Int, to end: Int, in text: ScalarText, atStart: Bool) -> String {
        var marks = atStart ? "^" : ""
        var position = max(start, end - 24)
        while position < end, marks.unicodeScalars.count < 4 {
            defer { position += 1 }
            let mark: Unicode.Scalar
            if text.isDigit(position) { mark = "0" } else if text.isSpace(position) { continue } else if text.isWhitespace(position) { mark = "N" } else {
                guard let scalar = Unicode.Scalar(text[position]) else { continue }
                mark = scalar
            }
            if marks.unicodeScalars.last != mark { marks.unicodeScalars.append(mark) }
        }
        return marks
    }

    private static func suffix(_ lower: String, _ length: Int) -> String {
        lower.isEmpty ? "" : String(lower.unicodeScalars.suffix(length))
    }

    /// FNV-1a over the template number and each value, a separator byte between values.
    private static func hash(_ template: UInt8, _ values: String...) -> UInt32 {
        var hash: UInt32 = 2_166_136_261
        func add(_ byte: UInt8) { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        add(template)
        for value in values {
            add(0x1f)
            for byte in value.utf8 { add(byte) }
        }
        return hash
    }
}
