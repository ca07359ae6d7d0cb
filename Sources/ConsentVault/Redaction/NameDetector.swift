/// Person names. German capitalizes every noun, so capitalization alone never makes a name; a
/// run of name-shaped words counts when something vouches for it:
/// - a strong cue before it (`Herr`, `Frau`, `Kundin`, `Inhaber`, `Tochter`, `Name:`, `ich bin`,
///   `my name is`, a greeting such as `Hallo`/`Dear`), or a line of its own after a closing
///   formula (`Viele Grüße`, `Best,`): any capitalized words, in chat also lowercase lexicon names;
/// - a weak cue (`an`, `für`, `von`, `to`, `for`) or none: a given name from the lexicon (not one
///   that is also an ordinary word, unless a surname follows), optionally with surnames;
/// - a name found once marks its other mentions in the same text (`Lena` after `Lena zur Mühlen`).
/// Particles (`von der`, `van`, `de la`, `zur`), double names (`Hansen-Weiß`), `O'`/`Mc` names and
/// possessives (`Annas`, `Sarah's`: the name without the `s`) are part of the grammar.
enum NameDetector {
    /// Names in `text`, whose words are `words`.
    static func names(in text: ScalarText, words: NameWords) -> [Detection] {
        var found: [Detection] = []
        var vouched: Set<String> = []
        // Words already inside a found name, so the second pass costs linear time.
        var covered = [Bool](repeating: false, count: words.count)
        /// Records words `first...last` as one name found by a cue-like shape, and their keys as vouched for.
        func accept(_ first: Int, _ last: Int, end: Int? = nil) {
            found.append(Detection(type: .person, start: words[first].start, end: end ?? words.nameEnd(last), priority: DetectionPriority.cueName))
            for word in first...last {
                covered[word] = true
                if let key = vouchingKey(word, in: words) { vouched.insert(key) }
            }
        }
        var index = 0
        while index < words.count {
            // A word inside a handle, address or file name (`@schuhhaus_albrecht`, `x.com/anna`) is not read as a name.
            if words.isInsideToken(index) { index += 1; continue }
            // A brand shaped like a name (`Ralph Lauren`) is passed over whole, not word by word, unless it signs after a closing (`Gruß Peter Hahn`).
            if index + 1 < words.count, words.areAdjacent(index, index + 1), NameCues.brandPhrases.contains(words[index].lower + " " + words[index + 1].lower),
               !signsAfterClosing(index, in: words) {
                index += 2
                continue
            }
            // An initial and a surname: `L. Iyer`, `G. Esposito`.
            if let surname = initialAndSurname(at: index, in: words) {
                found.append(Detection(type: .person, start: words[index].start, end: words.nameEnd(surname), priority: DetectionPriority.cueName))
                covered[index] = true
                covered[surname] = true
                if let key = vouchingKey(surname, in: words) { vouched.insert(key) }
                index = surname + 1
                continue
            }
            // A surname first, as lists and forms write it: `Haas, Günter`, `JONES, Harriet`.
            if let given = surnameCommaGiven(at: index, in: words) {
                accept(index, given)
                index = given + 1
                continue
            }
            // A surname and a given name in a CSV row's cells: `CV00021971;Michalska;Grażyna;…`, `…,MacLeod,Morag,…`.
            if let given = surnameCellGiven(at: index, in: words) {
                accept(index, index)
                accept(given, given)
                index = given + 1
                continue
            }
            // A couple joined by a slash, as registries and lists write households: `Haddad/Huber`.
            if slashCouple(at: index, in: words) {
                accept(index, index)
                accept(index + 1, index + 1)
                index += 2
                continue
            }
            // A name with its role right after it: `Jack (driver) reports`, `Anna Becker, neighbour, took it`.
            if let last = nameBeforeRole(at: index, in: words) {
                accept(index, last)
                index = last + 1
                continue
            }
            // A two-word chat speaker: `chase bishop: …`, `[Messenger] Sky White: …`.
            if speakerPair(at: index, in: words) {
                accept(index, index + 1, end: words[index + 1].end)
                index += 2
                continue
            }
            let context = NameCues.context(before: index, in: words)
            let inList = found.last.map { words.listSeparates(from: $0.end, to: index) } ?? false
            guard let run = run(from: index, context: context, inList: inList, in: words) else { index += 1; continue }
            accept(run.first, run.last, end: run.end)
            index = run.last + 1
        }
        found = withGivenNamePrefixes(found, in: words)
        found = withJoinedGivenNames(found, covered: &covered, vouched: &vouched, in: words)
        found.removeAll { namesStreetOrFirm($0, in: text) }
        guard !vouched.isEmpty else { return found }
        // Keys of names found written in lowercase (`hauke: …`), whose other lowercase mentions count too.
        // So do a chat speaker's given names that are no words (`Dakota: it's dakota garcia`).
        let lowercaseVouched = Set((0..<words.count).compactMap { index -> String? in
            guard covered[index], let key = vouchingKey(index, in: words) else { return nil }
            return !words[index].isCapitalized || words.isSpeakerLabel(index) && !NameLexicon.isAmbiguousGivenName(key: key) ? key : nil
        })
        // Other mentions of a name already found (a first name alone in the signature), also with a possessive `s`
        // the lexicon does not know the name for (`an Gernots Mail` after `Gernot:`).
        for position in 0..<words.count where !covered[position] {
            let word = words[position]
            let writtenAsFound = word.isCapitalized || word.isInLowercase || !lowercaseVouched.isEmpty
            guard writtenAsFound, word.end - word.start >= 3, !words.isInsideToken(position) else { continue }
            let lower = word.lower.isEmpty ? text.string(word.start, word.end).lowercased() : word.lower
            var key = word.key.isEmpty ? NameLexicon.key(lower) : word.key
            var end = words.nameEnd(position)
            let possessiveStem = !vouched.contains(key) && lower.count > 4 && lower.hasSuffix("s") && !lower.hasSuffix("ss") && end == word.end
                ? String(lower.dropLast()) : nil
            if let possessiveStem {
                key = NameLexicon.key(possessiveStem)
                end = word.end - 1
            }
            // A month found as a name marks its capitalized mentions that no date word or number stands by (`Thanks June,`).
            let monthAsName = Self.monthGivenNames.contains(lower) && word.isCapitalized && !words.separatorHasDigit(before: position)
                && !(position > 0 && Self.datePrepositions.contains(words[position - 1].lower))
            guard vouched.contains(key), !NameCues.isStopWord(lower) || monthAsName, !(possessiveStem.map(NameCues.isStopWord) ?? false),
                  word.isCapitalized || (word.isInLowercase || lowercaseVouched.contains(key)) && !Self.auxiliaries.contains(lower) else { continue }
            guard !namesStreetOrFirm(Detection(type: .person, start: word.start, end: end, priority: DetectionPriority.cueName), in: text) else { continue }
            found.append(Detection(type: .person, start: word.start, end: end, priority: DetectionPriority.cueName))
        }
        return found
    }

    /// Whether a name found names a street or a firm: a street type right after it (`the Hope Street store`) or a
    /// firm's `& Sons` (`Supplier Baker & Sons`).
    static func namesStreetOrFirm(_ name: Detection, in text: ScalarText) -> Bool {
        guard text.isSpace(name.end) else { return false }
        var start = name.end + 1
        let afterAmpersand = text.is(start, "&") && text.isSpace(start + 1)
        if afterAmpersand { start += 2 }
        var end = start
        while text.isLetter(end), end - start < 12 { end += 1 }
        guard end > start, !text.isLetter(end), text.isUpper(start) else { return false }
        let word = text.string(start, end).lowercased()
        return afterAmpersand ? firmWords.contains(word) : streetTypesAfterName.contains(word)
    }

    /// Street types that make the capitalized word before them a street's name.
    private static let streetTypesAfterName: Set<String> = ["street", "road", "lane", "avenue", "drive", "crescent", "terrace", "gardens", "boulevard",
                                                            "straße", "strasse", "allee", "gasse"]
    /// What follows `&` in a firm's name.
    private static let firmWords: Set<String> = ["sons", "son", "co", "söhne", "sohn", "partner", "partners", "daughters", "family", "friends"]

    /// The key by which found word `index` marks the name's other mentions: three letters or more, no particle, and for a lowercase
    /// word of a text with capitals only one the name lists know (`hans-peter!` … `Hans-Peter (Service):`).
    private static func vouchingKey(_ index: Int, in words: NameWords) -> String? {
        let key = words.lookupKey(index)
        guard key.count >= 3, !NameCues.particles.contains(words[index].lower),
              !words[index].key.isEmpty || key.split(separator: "-").allSatisfy({ NameLexicon.isListed(String($0)) }) else { return nil }
        return key
    }

    /// `found` with a short given name just before a name joined to it (`Thu Trang Tran`, `Li Na Wang`): a
    /// capitalized lexicon given name of two to four letters, no cue word, one space before the name; it
    /// also joins two names it stands between (`Li` · `Na` · `Wang`). Such first parts are often words
    /// elsewhere (`Thu`, `Na`), so they count only next to a name found otherwise. In chat, a lowercase given name that
    /// is a word before a lowercase surname found (`im hunter byrne`).
    private static func withGivenNamePrefixes(_ found: [Detection], in words: NameWords) -> [Detection] {
        var joined: [Detection] = []
        var wordIndex = 0
        for name in found {
            while wordIndex < words.count, words[wordIndex].end <= name.start { wordIndex += 1 }
            var name = name
            let before = wordIndex - 1
            let joinsPrevious = before >= 0 && joined.last?.end == words[before].start - 1
            guard before >= 0, words[wordIndex].start == name.start, joined.last.map({ $0.end <= words[before].start }) ?? true,
                  words.areAdjacent(before, wordIndex) else { joined.append(name); continue }
            // Not a German preposition (`Zum Nikolaus gibt es …`, `Bei Peter`).
            let shortPrefix = words[before].isCapitalized && (2...4).contains(words[before].text.count) && !NameCues.isCueWord(words[before].lower)
                && !germanPrepositions.contains(words[before].lower) && !prepositionParticles.contains(words[before].lower)
                && (NameLexicon.isGivenName(key: words[before].key) && (NameLexicon.isAnyGivenName(key: words[wordIndex].key) || joinsPrevious)
                    // A given name that is also a word before a double surname (`Jack García López`).
                    || NameLexicon.isAnyGivenName(key: words[before].key) && NameLexicon.isSurname(words.stem(wordIndex))
                        && name.end > words[wordIndex].end + 1 && !NameCues.isStopWord(words[before].lower) && !imperatives.contains(words[before].lower))
            // A lowercase given name that is also a word before a lowercase surname found (`im hunter byrne`), not after a determiner.
            let lowercasePrefix = words[before].isInLowercase && !words[before].isCapitalized && !words[wordIndex].isCapitalized && words[before].text.count >= 3
                && !NameCues.weakWords.contains(words[before].lower)
                && !NameCues.particles.contains(words[wordIndex].lower)
                && NameLexicon.isAmbiguousGivenName(key: words[before].key) && isSurname(words.stem(wordIndex)) && !NameCues.isStopWord(words[before].lower)
                && !auxiliaries.contains(words[before].lower) && !adverbs.contains(words[before].lower) && !imperatives.contains(words[before].lower)
                && !(before > 0 && determiners.contains(words[before - 1].lower))
            // A month that is a given name before a short name found (`Mai Anh`, `May Lin`), not a date (`im Mai Anh…`).
            let monthPrefix = words[before].isCapitalized && monthGivenNames.contains(words[before].lower) && words[wordIndex].text.count <= 4
                && name.end == words[wordIndex].end && !(before > 0 && datePrepositions.contains(words[before - 1].lower)) && !words.separatorHasDigit(before: before)
            // A Vietnamese middle name before a short given name found, after the family name (`Tran Van Minh`, `(Van Minh & Thi Lan)`).
            let middlePrefix = words[before].isCapitalized && Self.vietnameseMiddleNames.contains(words[before].lower) && words[wordIndex].isCapitalized
                && words[wordIndex].text.count <= 5 && !joinsPrevious
            if shortPrefix || lowercasePrefix || monthPrefix || middlePrefix {
                name.start = words[before].start
                if joinsPrevious, let previous = joined.popLast() { name.start = previous.start }
                if middlePrefix, before > 0, words.areAdjacent(before - 1, before), words[before - 1].isCapitalized, isSurname(words.stem(before - 1)),
                   joined.last.map({ $0.end <= words[before - 1].start }) ?? true {
                    name.start = words[before - 1].start
                }
            }
            joined.append(name)
        }
        return joined
    }

    /// `found` with the given names joined to a found name by `und`, `and`, `oder`, `or` or `+`, before or after
    /// it (`horst und sven`, `Krzysztof + Kostas`), and surnames joined by a slash (`Okonkwo/Schulz`): a lexicon given name, also one that is an ordinary word, written
    /// as the found name is (both capitalized, or lowercase in a lowercase text), when the found name starts with a
    /// given name too or the joined one is no ordinary word. (`&` often joins a firm's names: `isCouple` decides there.)
    private static func withJoinedGivenNames(_ found: [Detection], covered: inout [Bool], vouched: inout Set<String>, in words: NameWords) -> [Detection] {
        var joined: [Detection] = []
        var wordIndex = 0
        func joinable(_ candidate: Int, first name: Int, last: Int) -> Bool {
            guard candidate >= 0, candidate < words.count, !covered[candidate] else { return false }
            let word = words[candidate], other = words[name]
            // Two surnames on one doorbell (`Okonkwo/Schulz`).
            if candidate < name ? words.joinedBySlash(candidate, name) : words.joinedBySlash(last, candidate) {
                return word.isCapitalized && word.text.count >= 3 && !NameCues.isStopWord(word.lower) && (isSurname(words.stem(candidate)) || hasForeignLetters(word.text))
            }
            guard candidate < name ? words.joinedByConjunction(candidate, name) : words.joinedByConjunction(last, candidate) else { return false }
            // A month that is a given name too, listed last (`Margaret, Olive and June`).
            let listedMonth = candidate > name && word.isCapitalized && Self.monthGivenNames.contains(word.lower)
            guard word.text.count >= 3, !words.isInsideToken(candidate), !words.endsWithPossessive(candidate) || candidate > name,
                  word.isCapitalized ? other.isCapitalized : !other.isCapitalized && word.isInLowercase,
                  !NameCues.isStopWord(word.lower) || listedMonth, !NameCues.isCueWord(word.lower) else { return false }
            let key = NameLexicon.key(word.stem)
            // A given name the lists do not know, opening an entry before a given name (`Beschwerde: Gzim und Juana Kessler`,
            // `– Ansgar und Svenja –`).
            let unlistedOpening = candidate < name && word.isCapitalized && words.opensEntry(candidate) && !words.startsLine(candidate) && !NameLexicon.isListed(key)
                && NameLexicon.isAnyGivenName(key: NameLexicon.key(other.stem))
            guard NameLexicon.isGivenName(key: key) || NameLexicon.isAnyGivenName(key: key) && NameLexicon.isAnyGivenName(key: NameLexicon.key(other.stem))
                    || unlistedOpening
            else { return false }
            // Part of a brand (`Jil Sander und Hugo`).
            let inBrand = candidate > 0 && words.areAdjacent(candidate - 1, candidate) && NameCues.brandPhrases.contains(words[candidate - 1].lower + " " + word.lower)
                || candidate + 1 < words.count && words.areAdjacent(candidate, candidate + 1) && NameCues.brandPhrases.contains(word.lower + " " + words[candidate + 1].lower)
            return !inBrand
        }
        for name in found {
            while wordIndex < words.count, words[wordIndex].end <= name.start { wordIndex += 1 }
            guard wordIndex < words.count, words[wordIndex].start == name.start else { joined.append(name); continue }
            var lastWord = wordIndex
            while lastWord + 1 < words.count, words[lastWord + 1].end <= name.end { lastWord += 1 }
            var additions: [Detection] = []
            for candidate in [wordIndex - 1, wordIndex - 2, lastWord + 1, lastWord + 2]
            where joinable(candidate, first: wordIndex, last: lastWord) && !additions.contains(where: { $0.start == words[candidate].start }) {
                covered[candidate] = true
                if let key = vouchingKey(candidate, in: words) { vouched.insert(key) }
                additions.append(Detection(type: .person, start: words[candidate].start, end: words.nameEnd(candidate), priority: DetectionPriority.cueName))
            }
            joined.append(contentsOf: additions.filter { $0.start < name.start })
            joined.append(name)
            joined.append(contentsOf: additions.filter { $0.start > name.start })
        }
        return joined
    }

    /// Whether words `index` and `index + 1` are two surnames joined by a slash (`Haddad/Huber`, `Smith/Jones`): both
    /// capitalized, listed as surnames and no ordinary words, and the slash joins nothing else (not `shop.de/Haddad/Huber`).
    /// (`withJoinedGivenNames` adds a surname slashed to a name found otherwise: `Familie Okonkwo/Schulz`.)
    private static func slashCouple(at index: Int, in words: NameWords) -> Bool {
        guard index + 1 < words.count, words.joinedBySlash(index, index + 1), !words.isInsideToken(index), words[index].isCapitalized,
              words[index + 1].isCapitalized, !(index + 2 < words.count && words.joinedBySlash(index + 1, index + 2)) else { return false }
        return [index, index + 1].allSatisfy { words[$0].text.count >= 3 && NameLexicon.isPlainSurname(words.stem($0)) && !NameCues.isStopWord(words[$0].lower) }
    }

    /// The last word of a name at `index` that a role follows in brackets or after a comma (`Jack (driver)`, `Maria (Fahrerin)`,
    /// `Anna Becker, neighbour`): a capitalized lexicon given name, perhaps with a listed surname; nil when none.
    private static func nameBeforeRole(at index: Int, in words: NameWords) -> Int? {
        let first = words[index]
        guard first.isCapitalized, first.text.count >= 3, !words.isInsideToken(index), !NameCues.isStopWord(first.lower),
              NameLexicon.isAnyGivenName(key: first.key) else { return nil }
        if words.followedByRole(index, in: appositionRoles) { return index }
        let surname = index + 1
        guard surname < words.count, words.areAdjacent(index, surname), words[surname].isCapitalized, !NameCues.isStopWord(words[surname].lower),
              NameLexicon.isSurname(words.stem(surname)), words.followedByRole(surname, in: appositionRoles) else { return nil }
        return surname
    }

    /// Roles written after a person's name (`Jack (driver)`, `Anna Becker, neighbour`).
    private static let appositionRoles: Set<String> = NameCues.familyRoles.union([
        "driver", "courier", "fahrer", "fahrerin", "kurier", "kurierin", "zusteller", "zustellerin", "paketbote", "neighbour", "neighbor",
        "nachbar", "nachbarin", "cashier", "kassierer", "kassiererin", "colleague", "kollege", "kollegin", "azubi", "trainee",
        "filialleiter", "filialleiterin", "teamleiter", "teamleiterin",
    ])

    /// Whether words `index` and `index + 1` are a speaker's name labelling a chat line: both written
    /// alike (lowercase or capitalized), neither a role or ordinary cue word, and either the first is
    /// a given name while another line of the text has a speaker too, or the pair labels two lines.
    private static func speakerPair(at index: Int, in words: NameWords) -> Bool {
        guard words.labelsLineAsPair(index) else { return false }
        let first = words[index], second = words[index + 1]
        guard first.isCapitalized == second.isCapitalized, first.text.count >= 2, second.text.count >= 2,
              !NameCues.isStopWord(first.lower), !NameCues.isStopWord(second.lower), !NameCues.isShopWord(first.lower), !NameCues.isShopWord(second.lower)
        else { return false }
        let otherSpeakers = words.labelledLineCount >= 2
        return otherSpeakers && NameLexicon.isAnyGivenName(key: NameLexicon.key(first.text)) || words.speakerPairLines(index) >= 2
    }

    /// `Haas, Günter`, `De Luca, Stefano`, `JONES, Harriet`: one or two capitalized words, a comma
    /// and a given name from the lexicon that ends the clause, where an entry starts (a line, a
    /// numbered item, after `:`, a dash or a bracket) or after a cue (`KD Chevalier, Manon`). Returns the given name's word.
    private static func surnameCommaGiven(at index: Int, in words: NameWords) -> Int? {
        guard words[index].isCapitalized, !NameCues.isStopWord(words[index].lower) else { return nil }
        for length in 1...2 where index + length < words.count {
            let last = index + length - 1, given = index + length
            guard (index...last).allSatisfy({ (words[$0].isCapitalized && words[$0].text.count >= 2) || NameCues.particles.contains(words[$0].lower) }),
                  (index..<last).allSatisfy({ words.areAdjacent($0, $0 + 1) }) else { return nil }
            guard words.separatedByComma(last, given), words[given].isCapitalized, words[given].text.count >= 3, NameLexicon.isAnyGivenName(key: words[given].key)
            else { continue }
            // A given name that is a word too: a frequent one, or after surnames that are no words (`Baker, Grace`, not `Wolf Grey, Sage`).
            let givenIsWord = NameLexicon.isAmbiguousGivenName(key: words[given].key) && !NameLexicon.isFrequentGivenName(words[given].text)
            guard !givenIsWord || words.fillQuotedCell(index, given) || (index...last).allSatisfy({ !NameLexicon.isAmbiguousSurname(words.stem($0)) }),
                  words.endsEntry(given), !(index...last).contains(where: { NameCues.isStopWord(words[$0].lower) }) else { continue }
            // The cue is looked up last: it costs the most.
            return words.opensEntry(index) || [.strong, .weak].contains(NameCues.context(before: index, in: words)) ? given : nil
        }
        return nil
    }

    /// The given name's word when word `index` is a surname in a CSV row's cell and the next cell holds a given name: the surname
    /// listed or the given name no word (`;Weber;Andreas;`, `,MacLeod,Morag,`).
    private static func surnameCellGiven(at index: Int, in words: NameWords) -> Int? {
        let given = index + 1
        guard given < words.count, words[index].isCapitalized, words[given].isCapitalized, words[index].text.count >= 3, words[given].text.count >= 3,
              words.startsCell(index), words.separatedByCellDelimiter(index, given), words.endsEntry(given),
              !NameCues.isStopWord(words[index].lower), !NameCues.isStopWord(words[given].lower), NameLexicon.isAnyGivenName(key: words[given].key),
              isSurname(words.stem(index)) || NameLexicon.isGivenName(key: words[given].key) else { return nil }
        return given
    }

    /// A name run starting at word `index`: its first and last word and where it ends (a possessive
    /// `s` left out), or nil when nothing vouches for it in `context`.
    /// `inList`: the run follows a name found just before it in a list (`Frank Sommer, Till Winter`).
    private static func run(from origin: Int, context: NameCues.Context, inList: Bool, in words: NameWords) -> (first: Int, last: Int, end: Int)? {
        var index = origin
        // After a title, a name may start with its particle: `Frau von Bergen`, `Mr. zur Mühlen`.
        // A German article right after the title is the noun's (`seine Frau das Armband`), not a particle (`Frau von der Heide`).
        // Without a title, `zum`/`zur`/`vom` opens a name only before a listed surname (`Frau zur Mühlen`, not `Kundin zum Lieferstatus`).
        while context == .strong, !words.isSpeakerLabel(index), index + 1 < words.count,
              NameCues.particles.contains(words[index].lower)
                && !(Self.germanArticles.contains(words[index].lower) && (index == origin || NameCues.titleWords.contains(words[index - 1].lower)))
                && !(Self.prepositionParticles.contains(words[index].lower) && !(index > 0 && (Self.surnameTitles.contains(words[index - 1].lower)
                     || NameCues.titleWords.contains(words[index - 1].lower))) && !NameLexicon.isSurname(words.stem(index + 1)))
                || NameCues.titleWords.contains(words[index].lower) {
            index += 1
        }
        guard index == origin || words[index].isCapitalized else { return nil }
        // A lowercase word right before `u`/`you` is a verb (`hope u can sort it`, `thank you`), not a name.
        if !words[index].isCapitalized, index + 1 < words.count, words.areAdjacent(index, index + 1), ["u", "you"].contains(words[index + 1].lower) { return nil }
        // A title chain belongs before the name, not in it.
        let origin = (origin..<index).first { !NameCues.titleWords.contains(words[$0].lower) } ?? index
        let first = words[index]
        // A month that is a given name too, before a surname that is no word, or any surname after a cue (`April Taylor`, `Kind regards⏎June Brooks`).
        let monthGiven = Self.monthGivenNames.contains(first.lower) && first.isCapitalized && (index + 1 < words.count && words.areAdjacent(index, index + 1)
            && words[index + 1].isCapitalized
            && (NameLexicon.isPlainSurname(words.stem(index + 1))
                || (context == .strong || context == .signature || words.followedByPhone(index + 1) || beforePeopleVerb(index + 1, in: words))
                    && NameLexicon.isSurname(words.stem(index + 1)))
            // Alone right after a role or title, ending the clause (`Kundin Mai.`, `customer June,`).
            || context == .strong && origin == index && index > 0 && words.areAdjacent(index - 1, index) && NameCues.strongWords.contains(words[index - 1].lower)
                && (words.endsClause(index) || words.endsLine(index))
            // Alone as a labelled first name (`First name: June`).
            || (context == .naming || context == .strong) && origin == index && words.separator(before: index, contains: ":") && words.endsLine(index))
        // A given name joined to the writer (`will and i both have cards`, `Summer und ich waren da`).
        let joinsWriter = NameLexicon.isAnyGivenName(key: words[index].key) && index + 2 < words.count && words.areAdjacent(index, index + 1)
            && words.areAdjacent(index + 1, index + 2) && ["and", "und"].contains(words[index + 1].lower) && ["i", "me", "ich"].contains(words[index + 2].lower)
        // A surname that is also a word right after a title (`Mrs Mann`, `Mr Love`), or a month that is a given name after a relative
        // (`my daughter April used my card`).
        let titledWord = context == .strong && index > 0
            && (first.isCapitalized && Self.surnameTitles.contains(words[index - 1].lower) && NameLexicon.isSurname(words.stem(index))
                || NameCues.familyRoles.contains(words[index - 1].lower) && Self.monthGivenNames.contains(first.lower))
        // A month that is a given name, alone on the line that signs off (`Kind regards,⏎June`, `Thanks!⏎April` ending the text);
        // any given name alone on the text's last line (`Can you take a look?⏎Will`).
        let signingMonth = first.isCapitalized && words.startsLine(index) && words.endsLine(index)
            && (Self.monthGivenNames.contains(first.lower) && (words.signsOffText(index) || signsAfterClosing(index, in: words))
                || words.signsOffText(index) && NameLexicon.isAnyGivenName(key: words[index].key) && !NameCues.isStopWord(first.lower))
        // A word before a capitalized one ending the line or clause, after a naming cue or on a closing's line of its own (`Name laut
        // Konto: Else Rädel`, `Grüße⏎Line Grob`).
        // Also after a field's colon that names a person (`Kunde: Max Schneider-Kaiser,`, `Winner: Mark Eisl`).
        let labelled = context == .strong && index == origin && words.separator(before: index, contains: ":") && !words.startsLine(index)
        let namedGiven = (context == .naming || labelled || words.startsLine(index) && signsAfterClosing(index, in: words)) && first.isCapitalized && index + 1 < words.count
            && words.areAdjacent(index, index + 1) && words[index + 1].isCapitalized
            && (!NameCues.isStopWord(words[index + 1].lower)
                || NameLexicon.isAnyGivenName(key: first.key) && NameLexicon.isSurname(words[index + 1].text) && words.endsLine(index + 1))
            && (words.endsLine(index + 1) || words.endsClause(index + 1)) && !NameCues.greetsOrCloses(first.lower) && !Self.monthGivenNames.contains(first.lower)
        // A month that is a given name labelling two or more chat lines (`June: it's my bday …`).
        let monthSpeaker = Self.monthGivenNames.contains(first.lower) && first.isCapitalized && words.isSpeakerLabel(index) && words.speakerLines(index) >= 2
        // A given name that is also a word, before a surname from a place or doing what people do (`Max Wiesbauer aus Althofen`).
        let wordGivenPair = first.isCapitalized && !Self.determiners.contains(first.lower) && !Self.germanArticles.contains(first.lower) && NameLexicon.isAnyGivenName(key: words[index].key) && index + 1 < words.count
            && words.areAdjacent(index, index + 1) && words[index + 1].isCapitalized && !NameCues.isStopWord(words[index + 1].lower)
            && (NameLexicon.isSurname(words.stem(index + 1)) || hasSurnameEnding(words[index + 1].lower)) && (NameCues.followedByPlace(index + 1, in: words) || beforePeopleVerb(index + 1, in: words))
        // A given name that is also a word announcing itself at an entry's start, `here` ending the clause (`Frank here :)`, `Till hier 🙂`,
        // `Good afternoon, Hope speaking.`).
        let announcesWordName = first.isCapitalized && origin == index
            && (words.opensEntry(index) || index > 0 && Self.introductionGreetings.contains(words[index - 1].lower))
            && NameLexicon.isAnyGivenName(key: words[index].key) && index + 1 < words.count && words.areAdjacent(index, index + 1)
            && ["here", "hier", "speaking"].contains(words[index + 1].lower)
            && (index + 2 == words.count || words.endsClause(index + 1) || words.endsLine(index + 1) || words.followedBySymbol(index + 1))
        // A word alone after `name is` or `heiße`, ending the clause (`my name is Thu 🙄`, `ich heiße Mai.`).
        let namedAlone = first.isCapitalized && origin == index && Self.followsNameVerb(index, in: words)
            && (index + 1 == words.count || words.endsClause(index) || words.endsLine(index) || words.followedBySymbol(index))
        // A word naming itself (`Steiner mein Name`, `Hope is my name`).
        let namesItself = first.isCapitalized && origin == index && Self.namesItself(index, in: words)
        // A German article before a word that is a noun too makes it the noun (`Der Keller der Filiale`, `Die Punkte-App`), not a given name.
        // Without a cue, a German preposition opens a phrase (`In der App`, `Bei der Filiale`, `Zum Nikolaus gibt es`), not a name.
        if index == origin, context != .strong, context != .naming, Self.germanPrepositions.contains(first.lower) || Self.prepositionParticles.contains(first.lower) {
            return nil
        }
        if index == origin, first.isCapitalized, !first.isInLowercase, context != .strong, context != .naming, followsGermanArticle(index, in: words), !NameLexicon.isAnyGivenName(key: words[index].key),
           !NameLexicon.isPlainSurname(words.stem(index)) { return nil }
        // A month that is a given name, listed after a name found just before it and ending the line (`Love, Giulia & April`).
        let listedMonth = inList && first.isCapitalized && Self.monthGivenNames.contains(first.lower)
            && (index + 1 == words.count || words.endsLine(index) || words.endsClause(index))
        guard !NameCues.isStopWord(first.lower) || monthGiven || titledWord || signingMonth || namedGiven || monthSpeaker || wordGivenPair || announcesWordName
                || listedMonth || namedAlone || namesItself,
              !words.endsWithPossessive(index) || !NameCues.isStopWord(words.stem(index).lowercased()),
              !words.followsDot(index),
              // A lowercase verb only people do is what the cue's person did (`customer rang again`).
              first.isCapitalized || !Self.peopleVerbs.contains(first.lower) else { return nil }
        // An acronym or a code in capitals (`IBAN`, `EAN`, `UK`, `HERBST`) is no name without a cue that says so,
        // unless it is a given name followed by another word in capitals (`from DMITRI BANERJEE`).
        let isShouted = { (word: NameWords.Word) in word.text.count >= 2 && word.text == word.text.uppercased() }
        let shoutedName = isShouted(first) && NameLexicon.isGivenName(key: words[index].key) && index + 1 < words.count
            && words.areAdjacent(index, index + 1) && isShouted(words[index + 1]) && words[index + 1].text.count >= 3
        if isShouted(first), !shoutedName, context == .none || context == .weak { return nil }
        // After a greeting or a closing, a lowercase word that ends the clause or line (`hallo jonas,`, `lieber vroni,`, `cheers ngozi`, `hey wade 😊`).
        let greeted = !first.isCapitalized && (context == .strong || context == .signature) && origin > 0
            && NameCues.greetsOrCloses(words[origin - 1].lower) && first.text.count >= 3 && !NameCues.isAddressedGroup(first.lower)
            // after `no problem,` only a given name (`no problem, ale!`, not `kein problem, geburtsdatum?`)
            && (!["problem", "worries"].contains(words[origin - 1].lower) || NameLexicon.isAnyGivenName(first.text))
            // not a past participle (`Thanks, noted.`, `thanks, sorted`)
            && !first.lower.hasSuffix("ed")
            && (words.endsClause(index) || words.endsLine(index) || words.followedBySymbol(index))
        // After a cue, a lowercase word that only a name looks like (`für şahin?`, `for popov today`), or a given name that is no word (`für annie (App-User`).
        let cuedForeign = !first.isCapitalized && (context == .strong || context == .weak) && first.text.count >= 3
            && (hasForeignLetters(first.text) || hasSurnameEnding(first.lower) || NameLexicon.isGivenName(first.text)
                // a given name that is also a word before a surname that is none (`bei lily winkler`)
                || NameLexicon.isAnyGivenName(first.text) && index + 1 < words.count && words.areAdjacent(index, index + 1)
                    && NameLexicon.isPlainSurname(words.stem(index + 1)))
        // A lowercase given name (and surname) from a place, opening a note (`quick note: tunde from Dublin`, `Notiz: fritz brandt aus Düsseldorf`).
        let fromPlaceLowercase = !first.isCapitalized && words.opensEntry(index) && first.text.count >= 3 && NameLexicon.isGivenName(first.text)
            && [1, 2].contains { gap in index + gap + 1 < words.count && ["from", "aus"].contains(words[index + gap].lower) && words[index + gap + 1].isCapitalized
                && (gap == 1 || NameLexicon.isSurname(words[index + 1].text)) }
        // A lowercase name before a verb only people do (`okafor rang again`).
        let speaksLowercase = !first.isCapitalized && beforePeopleVerb(index, in: words)
            && (first.text.count >= 4 && (NameLexicon.isPlainSurname(words.stem(index)) || hasForeignLetters(first.text)
                || hasSurnameEnding(first.lower) || NameLexicon.isGivenName(key: words[index].key))
                // a short given name that is a word too (`rob said …`), not a thing after a determiner (`the sole came off`)
                || first.text.count >= 3 && NameLexicon.isAnyGivenName(first.text) && !Self.auxiliaries.contains(first.lower)
                    && !Self.adverbs.contains(first.lower) && !(origin > 0 && Self.determiners.contains(words[origin - 1].lower)))
            || surnameComesOrHad(index, in: words)
        // A given name that is also a word, owning something personal (`pls email Graces address`, `an haukes Mail`), or a lowercase
        // one whose possessive is no name itself and follows none (`könnt ihr eleonores karte prüfen`, `miras iban`, not `thomas konto`).
        let ownsSomething = index + 1 < words.count && words.areAdjacent(index, index + 1) && Self.personalNouns.contains(words[index + 1].lower)
        // A three-letter name only when it is no word (`ist oles karte`, `idas anfrage`).
        let lowercasePossessive = ownsSomething && !first.isCapitalized && first.lower.hasSuffix("s")
            && (first.lower.count >= 5 || first.lower.count == 4 && NameLexicon.isGivenName(String(first.lower.dropLast())))
            && !first.lower.contains("'" as Character) && !first.lower.contains("’" as Character)
            && NameLexicon.isAnyGivenName(String(first.lower.dropLast())) && !NameLexicon.isAnyGivenName(first.lower)
            && !(index > 0 && words.areAdjacent(index - 1, index) && NameLexicon.isAnyGivenName(words[index - 1].text))
        let ownsPersonal = ownsSomething && (words.endsWithPossessive(index) && (NameLexicon.isAnyGivenName(words.stem(index))
            || NameLexicon.isPlainSurname(words.stem(index))) || lowercasePossessive)
        // A lowercase given name and surname before an address or number (`again: ivy sterling, 74 heather close`).
        let pairBeforeAddress = !first.isCapitalized && index + 1 < words.count && words.areAdjacent(index, index + 1)
            && NameLexicon.isAnyGivenName(first.text) && NameLexicon.isSurname(words.stem(index + 1)) && words.followedByStreet(index + 1)
        // A lowercase given name and surname before a verb only people do (`note: chloë delgado came in`).
        // A given name that is a word too when the pair opens an entry (`notiz: frank wolf ruft morgen`).
        let pairSpeaksLowercase = !first.isCapitalized && index + 1 < words.count && words.areAdjacent(index, index + 1)
            && (beforePeopleVerb(index + 1, in: words) || words.opensEntry(index) && index + 2 < words.count && ["will", "möchte", "hat", "wants"].contains(words[index + 2].lower))
            && (NameLexicon.isGivenName(first.text) || words.opensEntry(index) && NameLexicon.isAnyGivenName(first.text))
            && (NameLexicon.isSurname(words[index + 1].text) || hasSurnameEnding(words[index + 1].lower))
        // The writer after `it's me,` (`hi its me, ivy, my parcel …`, `ich bins nochmal, lena.`).
        let meAt = origin > 1 && ["again", "agian", "nochmal", "wieder"].contains(words[origin - 1].lower) ? origin - 2 : origin - 1
        let itsMe = meAt > 0 && (words[meAt].lower == "me" && ["its", "it's", "it’s"].contains(words[meAt - 1].lower)
                                 || words[meAt].lower == "bins" && words[meAt - 1].lower == "ich")
            && words.separator(before: index, contains: ",") && NameLexicon.isAnyGivenName(first.text) && (words.endsClause(index) || words.endsLine(index))
        // A lowercase given name after a relative (`can my brother peter pick it up`, `mit seinem enkel luigi`).
        let afterRelative = !first.isCapitalized && context == .strong && origin > 0 && NameCues.familyRoles.contains(words[origin - 1].lower)
            && first.text.count >= 3 && !Self.auxiliaries.contains(first.lower) && !Self.peopleVerbs.contains(first.lower)
            && (NameLexicon.isGivenName(first.text) || NameLexicon.isFrequentGivenName(first.text) || Self.monthGivenNames.contains(first.lower)
                // any given name before what the relative will do (`my husband yaw will pick it up`)
                || NameLexicon.isAnyGivenName(first.text) && index + 1 < words.count && words.areAdjacent(index, index + 1)
                    && (Self.auxiliaries.contains(words[index + 1].lower) || Self.peopleVerbs.contains(words[index + 1].lower)))
        // Introducing oneself (`ich bin christel stiffel`, `hi im harry marsh-baker`).
        let introducesSelf = (context == .strong || Self.introducedAfterGreeting(origin, in: words)) && origin > 0
            && ["bin", "im", "i'm", "i’m", "heiße", "heisse", "hier", "its", "it's", "it’s"].contains(words[origin - 1].lower)
        // A lowercase given name before a double surname (`wer hat den fall charlotte müller-lüdenscheidt?`).
        let doubleSurnameNext = !first.isCapitalized && index + 1 < words.count && words.areAdjacent(index, index + 1) && words[index + 1].text.contains("-" as Character)
            && NameLexicon.isAnyGivenName(first.text) && isDoubleSurname(words[index + 1].text)
        // A surname after `der`/`die` before what the person did (`der schmidt hat schon wieder …`, `die Meyer-Lohse war da`); capitalized,
        // only a double one (`der Bon war unleserlich` is a receipt).
        let articleSurname = origin > 0 && (!first.isCapitalized || first.text.contains("-" as Character)) && Self.articles.contains(words[origin - 1].lower) && index + 1 < words.count && words.areAdjacent(index, index + 1)
            && (Self.auxiliaries.contains(words[index + 1].lower) || Self.peopleVerbs.contains(words[index + 1].lower))
            && (NameLexicon.isPlainSurname(words.stem(index)) || first.text.contains("-" as Character) && isDoubleSurname(first.text))
        // A lowercase surname opening a chat line's speech before what the person did (`steffen: schär hat im laden angerufen`).
        let surnameOpensSpeech = !first.isCapitalized && first.isInLowercase && words.opensEntry(index) && first.text.count >= 4
            && index + 1 < words.count && words.areAdjacent(index, index + 1) && Self.auxiliaries.contains(words[index + 1].lower)
            && NameLexicon.isPlainSurname(words.stem(index)) && !NameLexicon.isAnyGivenName(first.text)
        // A lowercase given name opening a clause in chat before an auxiliary (`autumn is covering`, `lol august hat schon wieder …`,
        // `omg may just pasted …`), not a thing after a determiner (`the jade is sold out`).
        let givenOpensClause = !first.isCapitalized && first.isInLowercase && first.text.count >= 3 && origin == index
            && (words.opensEntry(index) || words.separator(before: index, contains: ",") || index > 0 && Self.chatOpeners.contains(words[index - 1].lower))
            && index + 1 < words.count && words.areAdjacent(index, index + 1)
            && (Self.clauseAuxiliaries.contains(words[index + 1].lower)
                || Self.adverbs.contains(words[index + 1].lower) && index + 2 < words.count && words[index + 2].lower.hasSuffix("ed"))
            && NameLexicon.isAnyGivenName(first.text) && !NameCues.isStopWord(first.lower) && !Self.auxiliaries.contains(first.lower)
            && !Self.adverbs.contains(first.lower) && !Self.determiners.contains(first.lower)
            // A colour may be a product's (`rose is out of stock`): only before what a person is doing (`autumn is covering`).
            && (!NameLexicon.isColourName(first.lower) || index + 2 < words.count && (words[index + 2].lower.hasSuffix("ing") || words[index + 2].lower.hasSuffix("ed")))
        // A colleague asked something at a line's start (`milan kannst du …`, `Mark, can you …`).
        let addressed = index + 2 < words.count && Self.questionPronouns.contains(words[index + 2].lower)
            && Self.questionOpenings.contains(words[index + 1].lower + " " + words[index + 2].lower) && words.opensEntry(index) && NameLexicon.isAnyGivenName(first.text)
        // A lowercase surname after a title (`mit herr rüegg wegen …`); not `frau`, which is also a wife.
        let titledLowercase = !first.isCapitalized && context == .strong && origin > 0 && ["herr", "herrn", "mr", "mrs", "ms", "mx"].contains(words[origin - 1].lower)
            && (first.text.count >= 4 || isSurname(words.stem(index))) && !Self.auxiliaries.contains(first.lower) && !Self.titleFollowers.contains(first.lower)
        // A lowercase given name to contact, ending the clause or before what to tell them (`ask hope, she did …`, `tell precious her parcel's in`).
        let contactedLowercase = !first.isCapitalized && origin > 0 && Self.contactVerbs.contains(words[origin - 1].lower) && first.text.count >= 3
            && NameLexicon.isAnyGivenName(first.text) && !Self.auxiliaries.contains(first.lower) && !Self.adverbs.contains(first.lower)
            && (words.endsClause(index) || words.endsLine(index) || index + 1 < words.count && Self.objectFollowers.contains(words[index + 1].lower))
        // A name called back at a number (`callback baker (0117) 496 0586`, `pls call back bell on +44 …`).
        let calledBackAtNumber = origin > 0 && (Self.callbackWords.contains(words[origin - 1].lower)
                || origin > 1 && words[origin - 1].lower == "back" && Self.callWords.contains(words[origin - 2].lower))
            && first.text.count >= 3 && !["unter", "under"].contains(first.lower)
            && (isSurname(words.stem(index)) || NameLexicon.isAnyGivenName(first.text)) && words.followedByPhone(index)
        // A word with letters only Slavic or Turkish names use (`ja genau, Hodžić wie im Ausweis`, `das paket soll paweł annehmen`), not a place
        // after its preposition (`nach Kraków`).
        let slavicName = first.text.count >= 4 && hasSlavicLetters(first.text) && !NameCues.isBrandOrPlace(first.lower)
            && !(origin > 0 && Self.placePrepositions.contains(words[origin - 1].lower))
        // A lowercase given name that is no word, opening an entry (`Chat: ottokar ärgert sich`, `Team: william aus dem Chat`).
        let givenOpensEntry = !first.isCapitalized && first.text.count >= 4 && words.opensEntry(index) && NameLexicon.isGivenName(first.text)
        // A lowercase given name alone ending the text after a sentence's end (`coming now. austin`, `can u merge them? bill`).
        let signsOff = !first.isCapitalized && first.text.count >= 4 && words.signsOffText(index) && NameLexicon.isAnyGivenName(first.text)
            && !NameCues.isStopWord(first.lower) && !Self.auxiliaries.contains(first.lower) && !Self.adverbs.contains(first.lower)
        let coupleAnnouncing = isLowercaseCoupleAnnouncing(index, in: words)
        if !first.isCapitalized, context != .naming, !greeted, !speaksLowercase, !signsOff, !ownsPersonal, !pairBeforeAddress, !itsMe, !pairSpeaksLowercase, !afterRelative, !coupleAnnouncing,
           !articleSurname, !surnameOpensSpeech, !givenOpensClause, !addressed, !titledLowercase, !calledBackAtNumber, !contactedLowercase, !givenOpensEntry, !slavicName {
            // Before `Name`, a possessive (`auf sabines Namen`).
            // Chat without capitals: a given name that is no ordinary word, after a title or role a surname,
            // or a speaker who labels two or more lines (`jonno: …`, `al: …`).
            // A lowercase speaker who is a given name and no ordinary word labels even one line (`johanna: DE35 …`).
            let repeatedSpeaker = words.isChatSpeaker(index) || words.isSpeakerLabel(index) && (words.speakerLines(index) >= 2 && first.text.count >= 2
                || first.text.count >= 3 && NameLexicon.isGivenName(key: words[index].key))
            // Announcing oneself: `hallo, tobias müller-lüdenscheidt hier`, `hello, miles king here`.
            let announcesSelf = (context == .strong || words.opensEntry(index)) && (1...3).contains { index + $0 < words.count && ["hier", "here"].contains(words[index + $0].lower) }
                && NameLexicon.isAnyGivenName(first.text)
            let namesOwner = words.endsWithPossessive(index) && index + 1 < words.count && ["name", "namen"].contains(words[index + 1].lower)
                && NameLexicon.isAnyGivenName(key: words[index].key)
            // After an introduction, a given name that is no word, in any text (`ICH BIN eugen krüger`, `HI IM kwame byrne`).
            // A given name that is a word too, when a surname or the clause's end follows (`i'm martin haynes`, `it's dawn.`).
            let afterGreeting = Self.introducedAfterGreeting(origin, in: words)
            let introduced = origin > 0 && first.text.count >= 3
                && (context == .strong && ["bin", "bins", "im", "i'm", "i’m", "am", "heiße", "heisse", "is", "ist"].contains(words[origin - 1].lower)
                    || afterGreeting)
            let cuedGiven = introduced && (NameLexicon.isGivenName(first.text) || NameLexicon.isAnyGivenName(first.text)
                && (afterGreeting
                    || ["i'm", "i’m"].contains(words[origin - 1].lower) && (words.endsClause(index) || words.endsLine(index))
                    || index + 1 < words.count && words.areAdjacent(index, index + 1) && NameLexicon.isPlainSurname(words.stem(index + 1))))
            guard repeatedSpeaker || cuedForeign || namesOwner || cuedGiven || announcesSelf || fromPlaceLowercase || words.pointsToGroup(index)
                    || first.isInLowercase && (first.text.count >= 3 && NameLexicon.isGivenName(key: words[index].key)
                    || (context == .strong && first.text.count >= 4 && isSurname(words.stem(index)) && !Self.auxiliaries.contains(first.lower))) else { return nil }
        }
        var last = index
        while !lowercasePossessive, last - index < 4, last + 1 < words.count,
              words.areAdjacent(last, last + 1) || words.endsWithInitial(last) && words.joinedByAbbreviationDot(last, last + 1), !words.endsWithPossessive(last) {
            var next = last + 1
            while next + 1 < words.count, NameCues.particles.contains(words[next].lower),
                  words.areAdjacent(next, next + 1) || words[next].lower == "st" && words.joinedByAbbreviationDot(next, next + 1) { next += 1 }
            let candidate = words[next]
            // A degree ends the name (`Ute Wagner B.A.`, `Lena Roth M.Sc.`).
            guard !words.isDegree(next) else { break }
            // `vom` before no surname says where the person is from (`Salvatore vom Buchladen Eselsohr`), not who.
            guard !(last + 1..<next).contains(where: { words[$0].lower == "vom" }) || isSurname(words.stem(next)) else { break }
            // After a given name and a surname, `zum`/`zur`/`von der` before no listed surname says what for or where from
            // (`Jonas Scholz zur Prüfung`, `Anna Weber von der Firma Müller`), unlike a second given name's particle (`Anna Lotte zur Mühlen`).
            guard next == last + 1 || last == index || !isSurname(words.stem(last)) || isSurname(words.stem(next))
                    || !(last + 1..<next).contains(where: { Self.prepositionParticles.contains(words[$0].lower) || Self.germanArticles.contains(words[$0].lower)
                        || words[$0].lower == "von" }) else { break }
            // A code in capitals (`Code HERBST15`) ends a name, unless a cue vouches for it.
            let shouted = isShouted(candidate) && !shoutedName && context != .strong && context != .naming
            // A surname that is also a nationality, right after a given name (`Will English`, `Zoe English`).
            let nationalitySurname = last == index && next == last + 1 && candidate.isCapitalized && NameCues.isNationality(candidate.lower)
                && NameLexicon.isAnyGivenName(key: first.key) && NameLexicon.isSurname(candidate.text)
            // A team after a preposition-like particle signs for the name, not with it (`Anna vom Security-Team`).
            // A surname that is also a month or weekday, right after a given name that is no word (`Matthias Freitag`, `Archie May`).
            let calendarSurname = last == index && next == last + 1 && candidate.isCapitalized && first.isCapitalized && Self.calendarWords.contains(candidate.lower)
                && NameLexicon.isGivenName(key: first.key) && NameLexicon.isSurname(candidate.text)
            // A surname that is also a role or word, after a title and a given name (`Herr Horst-Peter Bruder`).
            let titledSurname = last == index && next == last + 1 && candidate.isCapitalized && origin > 0 && NameCues.personalTitles.contains(words[origin - 1].lower)
                && NameLexicon.isAnyGivenName(key: first.key) && NameLexicon.isSurname(candidate.text)
            // A short given name after a name with letters German does not use (`Vũ Thu`).
            let foreignPair = last == index && next == last + 1 && candidate.isCapitalized && candidate.text.count <= 4 && hasForeignLetters(first.text)
                && NameLexicon.isAnyGivenName(key: candidate.key)
            // A short given name after a Vietnamese middle name, also a month (`Hoang Thi Mai`).
            let afterMiddleName = candidate.isCapitalized && candidate.text.count <= 5 && Self.vietnameseMiddleNames.contains(words[next - 1].lower)
            // A listed surname that is also a stop word, right after a given name that is no word or signing (`Kirsty Allen`, `Best,⏎Mark Allen`).
            let stopWordSurname = last == index && next == last + 1 && first.isCapitalized && candidate.isCapitalized && !isShouted(candidate)
                && NameLexicon.isSurname(candidate.text) && (NameLexicon.isGivenName(key: first.key) || NameLexicon.isAnyGivenName(key: first.key)
                    && (context == .signature || words.startsLine(index) && signsAfterClosing(index, in: words)))
            guard !NameCues.isStopWord(candidate.lower) || nationalitySurname || calendarSurname || titledSurname || foreignPair || afterMiddleName
                    || stopWordSurname, !shouted,
                  next == last + 1 || !NameCues.isShopWord(candidate.lower) else { break }
            // After a lowercase given name and a cue (`kunde noemi moser`, `send to marcus cook`, `kunde aleksandra Lange`),
            // a surname even if it is also a word.
            let surnameAfterCuedGiven = last == index && (context == .strong || context == .weak) && NameLexicon.isGivenName(first.text)
                && candidate.text.count >= 3 && (isSurname(words.stem(next)) || hasSurnameEnding(candidate.lower))
                && !Self.auxiliaries.contains(candidate.lower) && !Self.peopleVerbs.contains(candidate.lower)
            let continues = first.isCapitalized ? candidate.isCapitalized
                : context == .naming ? candidate.text.count <= 20 && last - index < 2
                : surnameAfterCuedGiven || candidate.text.count >= 4 && (NameLexicon.isPlainSurname(words.stem(next))
                    // In chat, a second given name (`maría josé`).
                    || last == index && NameLexicon.isGivenName(key: words[index].key)
                        && NameLexicon.isGivenName(key: words[next].key))
                // A lowercase surname before an address (`harry bishop, 36 harebell walk`), or any word ending the line or clause, or
                // hyphenated, after an introduction (`hallo ich bin christel stiffel`, `hi im harry marsh-baker,`).
                || last == index && candidate.text.count >= 3 && NameLexicon.isAnyGivenName(first.text)
                    && (NameLexicon.isSurname(words.stem(next)) && words.followedByStreet(next)
                        || introducesSelf && (words.endsLine(next) || words.endsClause(next) || candidate.text.contains("-" as Character)
                            || candidate.text.count >= 4 && next + 1 < words.count && ["und", "and"].contains(words[next + 1].lower)))
                // A lowercase surname before a verb only people do (`omar nasser rang`).
                || last == index && next == last + 1 && candidate.text.count >= 3 && NameLexicon.isAnyGivenName(first.text) && beforePeopleVerb(next, in: words)
                    && !NameCues.isStopWord(candidate.lower)
                // A double surname after a lowercase given name (`charlotte müller-lüdenscheidt`, `hans jürgen koch-schlosser`).
                || candidate.text.contains("-" as Character) && NameLexicon.isAnyGivenName(words[last].text) && isDoubleSurname(candidate.text)
                // The surname after `name` and a given name (`name rosita ditschlerin`), ending the clause or line.
                || last == index && origin > 0 && ["name", "namens"].contains(words[origin - 1].lower) && candidate.text.count >= 3
                    && !NameCues.isStopWord(candidate.lower) && (words.endsClause(next) || words.endsLine(next))
                // A lowercase surname that is also a word, signing after a closing (`lg pia schwarz`).
                || last == index && context == .signature && NameLexicon.isAnyGivenName(first.text) && isSurname(words.stem(next)) && words.endsLine(next)
                // The surname of a lowercase name announcing itself (`grace tremlett here`, `leonardo luttenberger hier`).
                || last == index && candidate.text.count >= 3 && next + 1 < words.count && (words[next + 1].lower == "here" || words[next + 1].lower == "hier")
                    && words.opensEntry(index)
                // The surname of a lowercase name from a place, also one that is a word (`svenja braun aus Düsseldorf`).
                || fromPlaceLowercase && last == index && NameLexicon.isSurname(words.stem(next))
                // After a lexicon given name, a surname with letters German does not use (`emine koç`).
                || last == index && NameLexicon.isGivenName(key: words[index].key) && candidate.text.count >= 3 && hasForeignLetters(candidate.text)
                // After a given name that is no word, a surname that is one ending the clause or line (`bernard brown (as typed in chat)`).
                || last == index && NameLexicon.isGivenName(key: words[index].key) && candidate.text.count >= 3 && isSurname(words.stem(next))
                    && (words.endsClause(next) || words.endsLine(next) || words.followedByBracket(next))
                    && !NameCues.isStreetType(candidate.lower) && !NameCues.isStreetType(String(candidate.lower.dropLast()))
                    && !Self.auxiliaries.contains(candidate.lower) && !Self.peopleVerbs.contains(candidate.lower) && !Self.adverbs.contains(candidate.lower)
                // A particle that is no German word and the word after it ending the clause or line (`felix van dijk`).
                || last == index && next > last + 1 && NameLexicon.isAnyGivenName(first.text) && candidate.text.count >= 3
                    && (last + 1..<next).allSatisfy { Self.foreignParticles.contains(words[$0].lower) } && (words.endsClause(next) || words.endsLine(next))
            guard continues else { break }
            last = next
        }
        // A brand after its title (`Dr. Oetker-Artikel`), or anywhere in the run (`Jacke von Marc O'Polo`).
        if origin > 0, NameCues.brandPhrases.contains(words[origin - 1].lower + " " + (first.lower.split(separator: "-").first.map(String.init) ?? "")) {
            return nil
        }
        // After a closing a person signs, even one named like a brand (`Gruß⏎Peter Hahn`).
        if !signsAfterClosing(origin, in: words), (index...last).contains(where: { $0 + 1 < words.count && words.areAdjacent($0, $0 + 1)
            && NameCues.brandPhrases.contains(words[$0].lower + " " + (words[$0 + 1].lower.split(separator: "-").first.map(String.init) ?? "")) }) {
            return nil
        }
        // A city's name before a verb only people do is a person's (`Charlotte has a birthday on …`), unless a place's preposition
        // stands before it (`from Austin called`).
        // Or after a closing (`Regards, Austin`).
        // A capitalized speaker whose role follows in brackets (`[09:14] Ernst (Support): …`, `Florence (Customer Care): …`).
        let speakerWithRole = last == index && first.isCapitalized && words.isSpeakerBeforeRole(index) && !NameCues.isStopWord(first.lower)
            && (NameLexicon.isAnyGivenName(key: first.key) || NameLexicon.isSurname(words.stem(index)))
        if speakerWithRole { return (origin, last, words.nameEnd(last)) }
        if context != .signature, !addressed, !signingMonth, NameCues.isCity(at: index, alone: last == index, context: context, in: words),
           !beforePeopleVerb(last, in: words) || origin > 0 && Self.placePrepositions.contains(words[origin - 1].lower) {
            return nil
        }
        // A brand's name before a surname that is no word is a given name (`Chloé Dubois`, `Zara Ahmed`; not `Zara Home`).
        if context == .none || context == .weak, !addressed, NameCues.isBrandOrPlace(first.lower),
           last == index || !NameLexicon.isPlainSurname(words.stem(last)) { return nil }
        // A shop welcoming to its chat (`welcome to Sunny Side Grocers live chat`, `willkommen beim Chat von Sportwelt Nord`).
        if context == .none || context == .weak, (max(0, origin - 4)..<origin).contains(where: {
            welcomeWords.contains(words[$0].lower) && $0 + 1 < origin && welcomePrepositions.contains(words[$0 + 1].lower) }) { return nil }
        if context != .naming {
            // A shop named after a person (`Schuhhaus Brenner`, `Dear Hollis Home`, `Sender Quill & Ember Books`), or a
            // product (`Peter Kaiser-Schuhe`); after a title or role only what follows the name counts.
            let shopBefore = context != .strong && origin > 0 && words.areAdjacent(origin - 1, origin) && NameCues.isShopWord(words[origin - 1].lower)
            let shopAfter = last + 1 < words.count && words.areAdjacent(last, last + 1) && (NameCues.isShopWord(words[last + 1].lower)
                || context != .strong && NameCues.isProductWord(words[last + 1].lower))
            let firmAfter = words.followedByAmpersand(last)
                && (last + 1..<min(words.count, last + 4)).contains { NameCues.isShopWord(words[$0].lower) }
            if shopBefore || shopAfter || firmAfter || (index...last).contains(where: { NameCues.isShopWord(words[$0].lower)
                || $0 > index && NameCues.isProductWord(words[$0].lower) }) {
                return nil
            }
        }
        if context != .strong, context != .naming {
            // A product in quotes (`Sofa „Greta“`), a street or branch (`Baker Street`, `Victoria Road`), or two
            // words that are both ordinary words (`Summer Sale`, `Rose Gold`) is no person without a cue.
            // A given name and a surname in quotes is still a name (`review from "Sandeep Menon"`).
            let quotedPerson = last > index && NameLexicon.isGivenName(key: words[index].key) && isSurname(words.stem(last))
                || last == index + 1 && words[last].text.count == 1 && NameLexicon.isAnyGivenName(key: words[index].key)
                || last == index && receivedDelivery(index, origin: origin, in: words)
            // A surname that is a street type still names whoever is found at an address (`away from Eric Lane at 102 Joseph Views`).
            if words.areQuoted(origin, last) && !quotedPerson
                || last > index && NameCues.isStreetType(words[last].lower) && !words.followedByAddressAt(last) { return nil }
            // A place named after a person (`from Marc Ville`, `Greetings from Lake Gregory`).
            if NameCues.isPlaceEnding(words[last].lower)
                || index > 0 && words.areAdjacent(index - 1, index) && words[index - 1].isCapitalized && NameCues.isPlacePrefix(words[index - 1].lower) { return nil }
            // Unless a verb only people do follows (`John Smith called`, `Jasmine Miller complains`),
            // or an address follows (`for Will Rich, 84 Oakfield Drive`).
            // Or the pair signs off the text on a line of its own (`… for good!⏎Grace Mark`).
            // Or the pair receives a parcel or prescription (`Parcel for Rob Fisher`), unless it is a colour (`order for Rose Gold`).
            let pairSpeaks = beforePeopleVerb(last, in: words) || words.followedByCommaAndNumber(last) || words.followedByPhone(last)
                || words.followedByStreetLine(last) || words.followedByAddressAt(last) || words.followedByBracketedHandle(last)
                || last == index + 1 && words.startsLine(index) && words.signsOffText(last, from: index)
                || last == index + 1 && origin > 1 && origin == index && ["for", "für", "to", "an"].contains(words[origin - 1].lower)
                    && Self.deliveredThings.contains(words[origin - 2].lower) && !NameLexicon.isColourPair(given: first.text, surname: words.stem(last))
            // A pair signing after a closing (`Cheers, May Baker`) is a name.
            // So is a pair ending the clause after a preposition (`reported stolen by Rose Brown.`), unless it is a colour.
            let pairEndsAfterPreposition = context == .weak && (words.endsClause(last) || words.endsLine(last))
                && !NameLexicon.isColourPair(given: first.text, surname: words.stem(last))
            if !inList, !pairSpeaks, !pairEndsAfterPreposition, context != .signature, last == index + 1, NameLexicon.isAmbiguousGivenName(key: words[index].key),
               NameLexicon.isAmbiguousSurname(words.stem(last)),
               // A pair of frequent names is a person, but not after `the` (`from the Rose Hill estate`).
               !NameLexicon.isCommonNamePair(given: first.text, surname: words.stem(last)) || origin > 0 && words[origin - 1].lower == "the" { return nil }
        }
        // Two given names joined by a hyphen before a surname (`Hans-Adolf Röhricht`): alone they are often a double surname (`Newton-Graham`).
        let isGiven = NameLexicon.isGivenName(key: words[index].key) || last > index && isDoubleGivenName(first)
        // Shops named with their `'s` in a list of them (`Macy's, Kohl's and Lowe's`), or before a capitalized word (`Newman's Own`, not
        // `Joe's NHS number`): shops, without a cue.
        let isPossessive = { (word: Int) in words[word].isCapitalized && words[word].lower.unicodeScalars.last == "s" && !NameCues.isStopWord(words.stem(word).lowercased())
            && (words[word].text.hasSuffix("'s") || words[word].text.hasSuffix("’s")) }
        if context == .none || context == .weak, last == index, isPossessive(index),
           (max(0, index - 3)...min(words.count - 1, index + 3)).contains(where: { $0 != index && isPossessive($0) })
            || index + 1 < words.count && words.areAdjacent(index, index + 1) && words[index + 1].isCapitalized && words[index + 1].text != words[index + 1].text.uppercased() {
            return nil
        }
        // `Schreib Jonas Becker`: without a strong cue, a name starts at its given name, not at the word before it.
        if context != .strong, !NameLexicon.isAnyGivenName(key: words[index].key), last > index + 1, NameLexicon.isAnyGivenName(key: words[index + 1].key) { return nil }
        // `Johnson & Johnson`, `Ben & Jerry's`: a firm, unless a cue says otherwise or two given names make a couple.
        let couple = isCouple(index, last, in: words) || joinsFullNames(index, last, in: words)
        if context == .none || context == .weak, !couple, !coupleAnnouncing, words.followedByAmpersand(last) || words.precededByAmpersand(index) { return nil }
        // A capitalized word after particles is a surname too (`Peter van Dijk`, `Peter de Vries`).
        let hasSurname = last > index && (isSurname(words.stem(last)) || hasForeignLetters(words[last].text) || hasSurnameEnding(words[last].lower)
            || hasGaelicPrefix(words[last].text)
            || last > index + 1 && words[last].isCapitalized && words[last].text.count >= 3 && surnameParticles.contains(words[index + 1].lower)
                && (index + 1..<last).allSatisfy { NameCues.particles.contains(words[$0].lower) })
        // A given name before a relative in brackets (`Hardy (Bruder)`, `pickup by Summer (daughter)`).
        let relativeInBrackets = last == index && index + 1 < words.count && words.separator(before: index + 1, contains: "(")
            && words.closesBracket(index + 1) && NameCues.familyRoles.contains(words[index + 1].lower) && NameLexicon.isAnyGivenName(key: words[index].key)
        if coupleAnnouncing { return (origin, last, words.nameEnd(last)) }
        switch context {
        case .strong, .naming:
            break
        case .speaker:
            // Speech after a role label (`Kundin: Ja hallo`): a lexicon name, a pair of short capitalized
            // words, or a lone surname ending the clause (`Kundin: Pichler-Haas hier`).
            let shortPair = last > index && first.isCapitalized && (index...last).allSatisfy { words[$0].text.count <= 12 }
            let loneSurname = last == index && first.isCapitalized && isSurname(words.stem(index))
                && (words.endsClause(index) || words.endsLine(index) || index + 1 < words.count && ["hier", "here"].contains(words[index + 1].lower))
            guard isGiven || shortPair || loneSurname || isDoubleGivenName(first) else { return nil }
        case .signature:
            // Capitalized, or in chat a given name (`lg tim`); ending the line, the clause (`Gruß, Zofia Kowalczyk, Kundennummer …`) or before `&`.
            // Or, like without a cue, a given name or a given name and surname (`Phone message – Bartosz Malinowski wants …`).
            let endsSignature = (first.isCapitalized || isGiven || greeted)
                && (words.endsLine(last) || words.endsClause(last) || words.followedByAmpersand(last) || NameCues.followedByPlace(last, in: words)
                    || words.followedByBracket(last) && NameLexicon.isAnyGivenName(key: first.key) || words.followedByBracketedNumber(last)
                    || words.followedBySymbol(last) && NameLexicon.isAnyGivenName(key: first.key)
                    // A couple signing (`Cheers, Will and Rose`).
                    || (1...2).contains { last + $0 < words.count && words.joinedByConjunction(last, last + $0) && NameLexicon.isAnyGivenName(key: words[last + $0].key) })
            guard endsSignature || isGiven || hasSurname && NameLexicon.isAnyGivenName(key: words[index].key) else { return nil }
        case .weak:
            // A given name, or words ending in a surname whose first word could be a given name (not `Grillzubehör von Weber`).
            // Or, after the preposition, two or three short capitalized words that end there (`für Emre Kaya formulieren`).
            let shortPair = last > index && first.isCapitalized
                && (index...last).allSatisfy { (words[$0].text.count <= 10 || $0 > index && NameLexicon.isAnyGivenName(key: words[index].key))
                    && !NameCues.particles.contains(words[$0].lower) }
                && (last + 1 >= words.count || !words[last + 1].isCapitalized || !words.areAdjacent(last, last + 1))
            // An ambiguous given name alone that ends the clause (`Note from Josh:`, `thanks to Grace.`).
            let givenEndingClause = last == index && first.isCapitalized && !words.startsSentence(index)
                && NameLexicon.isAnyGivenName(key: words[index].key) && words.endsClause(index)
            // A surname or given name alone called back (`Rückruf an Schwarz erledigt`, `Callback to Page done`).
            let calledBack = last == index && first.isCapitalized && origin > 1 && ["callback", "rückruf", "reply", "antwort"].contains(words[origin - 2].lower)
                && (isSurname(words.stem(index)) || NameLexicon.isAnyGivenName(key: words[index].key))
                && (words.endsClause(index) || words.endsLine(index) || index + 1 < words.count && ["done", "erledigt", "completed", "gemacht"].contains(words[index + 1].lower))
            // A surname alone that a parcel goes to at an address (`couldn't deliver to Gross at 151 Robin Meadows`, `geht an Wesack, Alf-Hein-Straße 69`).
            let deliveredAt = last == index && first.isCapitalized
                && (isSurname(words.stem(index)) && (words.followedByAddressAt(index) || words.followedByStreet(index))
                    || first.text.count >= 4 && words.followedByStreetLine(index) && !NameCues.isShopWord(first.lower))
            // A surname that is no word, alone, ending the clause (`Sneaker für Feldmann, Versand an …`).
            let surnameEndingClause = last == index && first.isCapitalized && !words.startsSentence(index) && first.text.count >= 4
                && origin == index && index > 0 && words.areAdjacent(index - 1, index) && NameCues.weakWords.contains(words[index - 1].lower)
                && NameLexicon.isPlainSurname(words.stem(index)) && words.endsClause(index)
            // A name alone that a parcel is for (`Paket für Till liegt bereit`, `parcel for McMangan undeliverable`).
            let parcelFor = last == index && first.isCapitalized && origin == index && origin > 1 && ["for", "für"].contains(words[origin - 1].lower)
                && Self.deliveredThings.contains(words[origin - 2].lower)
                && (NameLexicon.isAnyGivenName(key: words[index].key) || NameLexicon.isPlainSurname(words.stem(index))
                    || hasGaelicPrefix(first.text))
            // A surname alone before the number it owns in brackets (`Retourenlabel für Fuchs (cv 1536 7126)`).
            let ownsNumber = last == index && first.isCapitalized && isSurname(words.stem(index)) && words.followedByBracketedNumber(index)
            // A surname in quotes who took the delivery (`zugestellt an „Nowak“`, `signed for by "Ward"`).
            let quotedReceiver = last == index && first.isCapitalized && words.areQuoted(origin, last) && Self.receivedDelivery(index, origin: origin, in: words)
            guard isGiven || shortPair || givenEndingClause || couple || cuedForeign || ownsPersonal || calledBack || deliveredAt || relativeInBrackets
                    || surnameEndingClause || parcelFor || ownsNumber || quotedReceiver || (hasSurname && (NameLexicon.isAnyGivenName(key: words[index].key) || first.text.count <= 10))
            else { return nil }
        case .none:
            if !first.isCapitalized {
                // Chat: a given name that is no ordinary word, or a name before a verb only people do or from a place.
                // Or announcing oneself at an entry's start (`grace tremlett here, where is my parcel`).
                let announces = words.opensEntry(index) && (1...2).contains { index + $0 < words.count && (words[index + $0].lower == "here" || words[index + $0].lower == "hier") }
                guard isGiven || givenOpensEntry || slavicName || joinsWriter || speaksLowercase || fromPlaceLowercase || ownsPersonal || pairBeforeAddress || itsMe || pairSpeaksLowercase
                        || articleSurname || surnameOpensSpeech || givenOpensClause || addressed || calledBackAtNumber || doubleSurnameNext || contactedLowercase || signsOff
                        || coupleAnnouncing
                        || (Self.introducedAfterGreeting(origin, in: words) || announces)
                        && NameLexicon.isAnyGivenName(first.text)
                else { return nil }
            } else {
                // A given name, or a pair ending in a surname whose first word is a given name or, not
                // opening a sentence, short enough to be one (not `Lieblingsfarbe Blau`).
                // At a sentence start the pair must be followed by a lowercase word or punctuation (`Lukas Schmidt fragt`).
                let followedByLowercase = last + 1 >= words.count || !words.areAdjacent(last, last + 1) || !words[last + 1].isCapitalized
                let givenShaped = NameLexicon.isAnyGivenName(key: words[index].key)
                    || (first.text.count <= 10 && (!words.startsSentence(index) || followedByLowercase))
                // Two words, or a given name and a surname with particles between them (`Dieter ter Horst`).
                let isPair = last == index + 1
                    || last > index && NameLexicon.isAnyGivenName(key: words[index].key) && (index + 1..<last).allSatisfy { NameCues.particles.contains(words[$0].lower) }
                // A given name that is also a word, alone before a verb only people do (`Will said …`, `Max fragt …`).
                // Or any capitalized word opening a note before a caller's verb (`Olli rang - officially Oliver`).
                // Or a listed surname opening an entry (`Wallace reports: Hanratty refused the delivery`).
                // A listed surname that is no word before a caller's verb, anywhere (`… the parcel. Schwartz complains about staff`).
                let speaks = last == index && beforePeopleVerb(index, in: words)
                    && (NameLexicon.isAnyGivenName(key: words[index].key) || words.opensEntry(index) && first.text.count >= 3 && Self.callerVerbs.contains(words[index + 1].lower)
                        || words.opensEntry(index) && !words.startsLine(index) && NameLexicon.isPlainSurname(words.stem(index))
                        || first.text.count >= 4 && Self.callerVerbs.contains(words[index + 1].lower) && NameLexicon.isPlainSurname(words.stem(index)))
                // A surname or given name alone after a request to contact someone (`please ring Iyer.`, `call Sarah`).
                let contacted = last == index && origin > 0 && Self.contactVerbs.contains(words[origin - 1].lower)
                    && (isSurname(words.stem(index)) || NameLexicon.isAnyGivenName(key: words[index].key)) && (words.endsClause(index) || words.endsLine(index))
                // A surname alone opening a numbered item: a listed one, one with letters German does not use, or two listed surnames
                // (`1. Schmidt, …`, `4) Baker - …`, `4) Wójcik – …`, `2. Lüders-Voß, …`).
                let itemSurname = last == index && words.opensNumberedItem(index) && !NameCues.isShopWord(first.lower)
                    && (hasForeignLetters(first.text) || NameLexicon.isSurname(words.stem(index))
                    || first.text.contains("-" as Character) && first.text.split(separator: "-").allSatisfy { NameLexicon.isSurname(String($0)) })
                // A given name that is also a word, before `from` and a place or team (`Grace from Ballymun asked`, `Grace from the Leeds
                // store`, `Mark from security`), not before a person (`Call from Wade Parrish`).
                let fromPlace = last == index && NameLexicon.isAnyGivenName(key: words[index].key) && index + 2 < words.count
                    && words.areAdjacent(index, index + 1) && words[index + 1].lower == "from"
                    && (words[index + 2].isCapitalized && !NameCues.isStopWord(words[index + 2].lower) && !NameLexicon.isAnyGivenName(key: words[index + 2].key)
                        || words[index + 2].lower == "the" && index + 3 < words.count && words[index + 3].isCapitalized
                        || Self.teams.contains(words[index + 2].lower))
                // A given name that is also a word, listed after a name found just before it (`Mary-Kate and Bill`).
                let listedGiven = inList && NameLexicon.isAnyGivenName(key: words[index].key)
                // The writer after a greeting and `it's` (`Hiya, it's Bill Black in Madison`), or a frequent given name signing off a
                // text (`… mailings. Grace`, not `… 1350::38. Link`).
                let introduced = Self.introducedAfterGreeting(origin, in: words) && NameLexicon.isAnyGivenName(key: words[index].key)
                    || last == index && words.signsOffText(index) && NameLexicon.isFrequentGivenName(first.text)
                // A given name alone before the phone it is reached on (`…, Mark unter 030 71717435`, `Hope on 07700 900123`); one that
                // is a word not opening a sentence (`Call +1 415 …`).
                let reachedOnPhone = last == index && index + 1 < words.count && ["unter", "on", "at"].contains(words[index + 1].lower)
                    && words.followedByPhone(index)
                    && (NameLexicon.isGivenName(key: words[index].key) || NameLexicon.isAnyGivenName(key: words[index].key) && !words.startsSentence(index))
                // A surname or given name alone that a courier may find absent (`falls Brückner nicht da ist`, `if Baker is out`).
                let absentAtDelivery = last == index && origin > 0 && ["falls", "wenn", "if"].contains(words[origin - 1].lower)
                    && Self.isAbsence(after: index, in: words)
                    // In German a capitalized noun may stand there too (`falls Ware nicht da ist`): a surname that is no word.
                    && (NameLexicon.isAnyGivenName(key: words[index].key) || NameLexicon.isPlainSurname(words.stem(index))
                        || words[index + 1].lower != "nicht" && isSurname(words.stem(index)))
                // A listed surname or a given name opening a report's clause, absent (`reports: Boateng not home`).
                let reportedAbsent = last == index && (words.separator(before: index, contains: ":") || words.startsSentence(index))
                    && (NameLexicon.isPlainSurname(words.stem(index)) || NameLexicon.isGivenName(key: words[index].key)) && Self.isAbsence(after: index, in: words)
                // A given name alone before being away from work (`Rob is away on holiday`, `Till ist krankgeschrieben`).
                let awayFromWork = last == index && NameLexicon.isAnyGivenName(key: words[index].key) && Self.isAwayFromWork(after: index, in: words)
                // A surname naming a household (`the Brooks couple`, `the Okafor family`).
                let household = last == index && origin > 0 && words[origin - 1].lower == "the" && index + 1 < words.count
                    && words.areAdjacent(index, index + 1) && ["couple", "family", "household"].contains(words[index + 1].lower)
                    && (isSurname(words.stem(index)) || hasSurnameEnding(words[index].lower) || hasForeignLetters(first.text))
                guard isGiven || slavicName && last == index || speaks || contacted || listedGiven || couple || itemSurname || fromPlace || introduced || signingMonth || joinsWriter || reachedOnPhone || absentAtDelivery || awayFromWork || household || ownsPersonal || itsMe
                        || articleSurname || addressed || calledBackAtNumber || relativeInBrackets || announcesWordName || (hasSurname && givenShaped && isPair)
                        || namedAlone || namesItself || reportedAbsent
                else { return nil }
            }
        }
        return (origin, last, lowercasePossessive ? words[index].end - 1 : words.generationalSuffixEnd(after: last) ?? words.nameEnd(last))
    }

    /// Whether word `index` (a name of one word, `last == index`) is one of two capitalized given names joined by `&`,
    /// at least one of them no surname, both in brackets, announcing themselves or signing off the text (`Birgit & Günter`,
    /// `Alejandro & Iñaki`, `(Khaled & Fatima)`, `Alexandra & Karl here`);
    /// not a brand whose second name has a possessive (`Ben & Jerry's`).
    private static func isCouple(_ index: Int, _ last: Int, in words: NameWords) -> Bool {
        guard last == index, words[index].isCapitalized, NameLexicon.isAnyGivenName(key: words[index].key) else { return false }
        let other = words.followedByAmpersand(index) ? index + 1 : words.precededByAmpersand(index) ? index - 1 : -1
        guard other >= 0, other < words.count, words[other].isCapitalized, NameLexicon.isAnyGivenName(key: words[other].key),
              // Firms are named by surnames (`Johnson & Johnson`, `Marks & Spencer`): one of the two must be no surname, or the pair stands in brackets.
              // Or the pair announces itself or signs off the text (`Alexandra & Karl here`, `…⏎Alexandra & Karl`).
              !NameLexicon.isSurname(words.stem(index)) || !NameLexicon.isSurname(words.stem(other)) || words.isBracketedPair(index, other)
                || words.signsOffText(max(index, other), from: min(index, other))
                || max(index, other) + 1 < words.count && ["here", "hier"].contains(words[max(index, other) + 1].lower) else { return false }
        let second = max(index, other)
        return !words.endsWithPossessive(second) && !(second + 1 < words.count && words.areAdjacent(second, second + 1)
            && (NameCues.isShopWord(words[second + 1].lower) || NameCues.isProductWord(words[second + 1].lower)))
    }

    /// Whether the name `index...last`, a given name and a surname, is joined by `&` to another such pair (`Esther Ellison &
    /// Danielle Jones`): firms join single names (`Marks & Spencer`, `Abercrombie & Fitch`), people their full names.
    private static func joinsFullNames(_ index: Int, _ last: Int, in words: NameWords) -> Bool {
        func isFullName(_ first: Int) -> Bool {
            first >= 0 && first + 1 < words.count && words.areAdjacent(first, first + 1) && words[first].isCapitalized && words[first + 1].isCapitalized
                && NameLexicon.isAnyGivenName(key: words[first].key) && NameLexicon.isSurname(words.stem(first + 1))
                && !NameCues.isStopWord(words[first].lower) && !NameCues.isStopWord(words[first + 1].lower)
        }
        guard last == index + 1, isFullName(index) else { return false }
        return words.followedByAmpersand(last) && isFullName(last + 1) || words.precededByAmpersand(index) && isFullName(index - 2)
    }

    /// Whether lowercase word `index` is a listed surname, also a word, opening a clause in a lowercase note before when the
    /// person comes or what they had open (`…, öztürk kommt erst montag`, `süß hatte noch umtausch offen`).
    private static func surnameComesOrHad(_ index: Int, in words: NameWords) -> Bool {
        let first = words[index]
        guard !first.isCapitalized, first.isInLowercase, first.text.count >= 3, index + 2 < words.count, words.areAdjacent(index, index + 1),
              words.opensEntry(index) || words.separator(before: index, contains: ",") || words.separator(before: index, contains: ".") else { return false }
        let verb = words[index + 1].lower, next = words[index + 2].lower
        guard ["kommt", "kam"].contains(verb) && ["erst", "morgen", "heute", "später"].contains(next) || verb == "hatte" && next == "noch" else { return false }
        return NameLexicon.isSurname(words.stem(index))
    }

    /// Whether lowercase word `index` is one of two given names joined by `&` that announce themselves (`faith & josé here`,
    /// `azad & büşra hier`): one a lexicon given name, the other one too or written with letters only names use here.
    private static func isLowercaseCoupleAnnouncing(_ index: Int, in words: NameWords) -> Bool {
        guard !words[index].isCapitalized else { return false }
        let other = words.followedByAmpersand(index) ? index + 1 : words.precededByAmpersand(index) ? index - 1 : -1
        guard other >= 0, other < words.count, !words[other].isCapitalized, max(index, other) + 1 < words.count,
              ["here", "hier"].contains(words[max(index, other) + 1].lower) else { return false }
        let isName = { (word: Int) in NameLexicon.isAnyGivenName(words[word].text) || hasForeignLetters(words[word].text) }
        return isName(index) && isName(other) && (NameLexicon.isAnyGivenName(words[index].text) || NameLexicon.isAnyGivenName(words[other].text))
    }

    /// Whether the word before `origin` is `it's` or `i'm` with a greeting at most three words before it (`hi, it's rachel`, `hi guys 😊 it's dawn`, `hi im amber`).
    private static func introducedAfterGreeting(_ origin: Int, in words: NameWords) -> Bool {
        guard origin > 1, ["it's", "it’s", "its", "i'm", "i’m", "im"].contains(words[origin - 1].lower) else { return false }
        // German `im` is no `I'm` (`hallo im Laden`): only after an English greeting.
        let greetings = words[origin - 1].lower == "im" ? englishGreetings : introductionGreetings
        return (max(0, origin - 4)..<origin - 1).contains { greetings.contains(words[$0].lower) }
    }

    /// Greetings before `it's`/`i'm` and a name, and the English ones among them.
    private static let introductionGreetings: Set<String> = ["hi", "hey", "hello", "hallo", "hiya", "heya", "morning", "evening", "afternoon"]
    private static let englishGreetings: Set<String> = ["hi", "hey", "hello", "hiya", "heya"]

    /// Whether word `index` signs after a closing, on its line (`Gruß Peter Hahn`) or the next (`Viele Grüße⏎Peter Hahn`).
    private static func signsAfterClosing(_ index: Int, in words: NameWords) -> Bool {
        let context = NameCues.context(before: index, in: words)
        return context == .signature || context == .strong && words.startsLine(index) && NameCues.isSignature(at: index, in: words)
    }

    /// Titles before a surname alone (`Mrs Mann`); not `Dr.`, which also opens brands (`Dr. Martens`).
    private static let surnameTitles: Set<String> = ["mr", "mrs", "ms", "miss", "mx", "herr", "herrn", "frau"]

    /// Prepositions before a place's name (`from Austin`, `nach Charlotte`).
    private static let placePrepositions: Set<String> = ["from", "to", "in", "at", "aus", "nach", "bei"]

    /// Verbs that follow a relative where a name could (`my brother will …`, `mein Mann kann …`).
    private static let auxiliaries: Set<String> = ["will", "kann", "can", "may", "might", "must", "shall", "should", "would", "could", "muss", "soll",
                                                   "darf", "mag", "hat", "has", "had", "ist", "wird", "war", "was", "did", "does", "said", "sagt", "bill", "bin"]

    /// What a person owns or is to others, after a possessive name (`Graces address`, `haukes Mail`).
    private static let personalNouns: Set<String> = ["address", "adresse", "mail", "email", "e-mail", "account", "konto", "number", "nummer",
                                                     "handynummer", "phone", "handy", "karte", "card", "points", "punkte", "birthday", "geburtstag",
                                                     "daughter", "son", "mum", "mom", "tochter", "sohn", "mutter", "husband", "wife",
                                                     "iban", "paket", "parcel", "order", "bestellung", "gutschein", "voucher", "rechnung", "invoice",
                                                     "profil", "profile", "kundennummer", "geburtsdatum", "kundenkarte", "vertrag", "contract", "details", "daten",
                                                     "return", "retoure", "refund", "erstattung", "complaint", "reklamation", "bday", "gift",
                                                     "geschenk", "wishlist", "wunschliste", "membership", "mitgliedschaft", "kundenkonto", "lieferadresse",
                                                     "anfrage", "request", "nachricht", "message"]

    /// What is handed to a person named after `for` (`Parcel for Rob Fisher`, `Rezept für Till Koch`).
    /// Particles that open a surname, unlike an article (`Peter van Dijk`, `Till von Ahlen`, not `Bei der Abholung`).
    private static let surnameParticles: Set<String> = foreignParticles.union(["von", "zu"])
    /// Vietnamese middle names that stand between the family name and the given name.
    private static let vietnameseMiddleNames: Set<String> = ["van", "văn", "thi", "thị"]

    private static let deliveredThings: Set<String> = ["parcel", "delivery", "package", "prescription", "collection", "paket", "lieferung",
                                                       "sendung", "rezept", "abholung", "päckchen", "label", "etikett"]

    /// Words before a month that make it the month (`in June`, `bis Mai`).
    private static let datePrepositions: Set<String> = ["in", "im", "of", "on", "am", "until", "till", "bis", "from", "seit", "since", "ab", "end",
                                                        "mid", "early", "late", "next", "last", "this", "anfang", "mitte", "ende", "nächsten", "letzten"]

    /// Particles that are prepositions too (`zum Lieferstatus`, `vom Markt`).
    private static let prepositionParticles: Set<String> = ["zum", "zur", "vom", "zu"]

    /// Months (and `Jan`, a month written short) that are given names too.
    private static let monthGivenNames: Set<String> = ["april", "may", "june", "july", "august", "mai", "jan"]

    /// Verbs that open a request before a name (`Call Sarah Miller`, `Ask Tom Baker`): never a given name there.
    private static let imperatives: Set<String> = ["call", "ask", "tell", "send", "email", "text", "ring", "phone", "contact", "message", "write",
                                                   "invite", "thank", "remind", "page", "schreib", "ruf", "frag", "sag", "grüß", "mail"]

    /// Verbs of someone who got in touch, which things and question words do not do (`Olli rang`, not `Evri says`, `Warum fragt`).
    private static let callerVerbs: Set<String> = ["rang", "phoned", "called", "emailed", "complained", "complains", "rief", "reklamiert", "reklamierte"]

    /// Verbs whose object is a person to contact (`please ring Iyer.`).
    private static let contactVerbs: Set<String> = ["call", "ring", "phone", "text", "email", "ask", "tell", "remind", "contact", "thank",
                                                    "anrufen", "ruf", "frag", "fragen", "sag", "informieren", "kontaktieren"]

    /// Whether word `index` comes right before a verb only people do (`Will said`, `John Smith called`).
    /// Adverbs that may stand between a name and its verb, and the possessives that make a thing given one's own.
    private static let verbAdverbs: Set<String> = ["also", "auch", "just", "already", "then", "dann", "schon"]
    private static let ownPossessives: Set<String> = ["her", "his", "their", "ihre", "seine"]
    /// A shop's welcome before its name (`welcome to …`, `willkommen beim …`).
    private static let welcomeWords: Set<String> = ["welcome", "willkommen"]
    private static let welcomePrepositions: Set<String> = ["to", "beim", "bei", "im"]

    private static func beforePeopleVerb(_ index: Int, in words: NameWords) -> Bool {
        guard index + 1 < words.count, words.areAdjacent(index, index + 1) else { return false }
        var verb = words[index + 1].lower
        // One adverb may stand between (`Daisy also gave her passport number`); giving is a person's when it is theirs.
        if verbAdverbs.contains(verb), index + 2 < words.count, words.areAdjacent(index + 1, index + 2) {
            verb = words[index + 2].lower
            if verb == "gave" || verb == "gab" { return index + 3 < words.count && ownPossessives.contains(words[index + 3].lower) }
        }
        // `Grace has a birthday on …`, `Charlotte hat am 3. Mai Geburtstag`.
        // `Rose Rose is authorised to collect`, `April Gray has already referred five friends`.
        return peopleVerbs.contains(verb) || (verb == "has" || verb == "hat")
            && (index + 2..<min(words.count, index + 6)).contains { ["birthday", "geburtstag", "bday"].contains(words[$0].lower) }
            || ["is", "was", "has", "ist", "hat"].contains(verb) && (index + 2..<min(words.count, index + 4)).contains { peopleParticiples.contains(words[$0].lower) }
    }

    /// Whether word `index`, a surname or a word with Slavic letters, took a delivery, as the words before `origin` say
    /// (`zugestellt an „Nowak“`, `signed for by "Ward"`).
    private static func receivedDelivery(_ index: Int, origin: Int, in words: NameWords) -> Bool {
        (isSurname(words.stem(index)) || hasSlavicLetters(words[index].text)) && signedForDelivery(before: origin, in: words)
    }

    /// Whether the words before word `origin` say who took a delivery.
    private static func signedForDelivery(before origin: Int, in words: NameWords) -> Bool {
        guard origin >= 2, ["an", "by", "to", "von"].contains(words[origin - 1].lower) else { return false }
        return deliveryVerbs.contains(words[origin - 2].lower) || origin >= 3 && deliveryVerbs.contains(words[origin - 3].lower)
    }
    /// Verbs of handing over a delivery.
    private static let deliveryVerbs: Set<String> = ["zugestellt", "übergeben", "ausgehändigt", "abgegeben", "angenommen", "signed", "delivered",
                                                     "handed", "received", "accepted"]

    /// Whether word `index` follows `name is`/`Name ist`/`Name lautet`, `heiße`/`namens` or `named`.
    private static func followsNameVerb(_ index: Int, in words: NameWords) -> Bool {
        guard index > 0, words.areAdjacent(index - 1, index) else { return false }
        let previous = words[index - 1].lower
        return NameCues.namingWords.contains(previous) || previous == "named"
            || index > 1 && NameCues.nameVerbs.contains(previous) && NameCues.nameNouns.contains(words[index - 2].lower)
    }

    /// Whether the words after word `index` say it is the writer's name (`mein Name`, `ist mein Name`, `is my name`).
    private static func namesItself(_ index: Int, in words: NameWords) -> Bool {
        guard index + 2 < words.count, words.areAdjacent(index, index + 1) else { return false }
        let first = words[index + 1].lower, second = words[index + 2].lower
        if first == "mein" { return second == "name" }
        return index + 3 < words.count && (first == "ist" || first == "is") && (second == "mein" || second == "my") && words[index + 3].lower == "name"
    }

    /// Whether the words after word `index` say someone is not at home (`nicht da`, `nicht zu Hause`, `is out`, `isn't in`, `is not home`).
    private static func isAbsence(after index: Int, in words: NameWords) -> Bool {
        let next = (index + 1..<min(words.count, index + 4)).map { words[$0].lower }
        guard let verb = next.first else { return false }
        if verb == "nicht", next.count > 1 { return ["da", "zu", "daheim", "anwesend", "erreichbar"].contains(next[1]) }
        if verb == "not", next.count > 1 { return ["home", "in", "there", "around"].contains(next[1]) }
        guard ["is", "isn't", "isn’t"].contains(verb), next.count > 1 else { return false }
        let rest = next[1] == "not" && next.count > 2 ? next[2] : next[1]
        return ["out", "in", "home", "away", "there"].contains(rest) && (next[1] != "in" || verb != "is")
    }

    /// Whether the words after word `index` say someone is away from work (`is away`, `is off sick`, `is on holiday`,
    /// `ist im Urlaub`, `ist krank`).
    private static func isAwayFromWork(after index: Int, in words: NameWords) -> Bool {
        guard index + 2 < words.count, words.areAdjacent(index, index + 1), ["is", "ist"].contains(words[index + 1].lower) else { return false }
        // The state may come a few words later in the clause (`Rose ist ab 14 Uhr krank`, `Will is on annual leave`).
        for position in index + 2..<min(words.count, index + 7) {
            let state = words[position].lower, before = words[position - 1].lower
            if ["away", "krank", "krankgeschrieben", "sick"].contains(state) || state == "urlaub" && before == "im"
                || ["holiday", "leave", "vacation"].contains(state) && ["on", "annual"].contains(before) { return true }
            if words.endsClause(position) || words.endsLine(position) { break }
        }
        return false
    }

    /// Verbs after a lone word that make it a person (`Will said`, `Grace rang`, `Hans fragt`).
    private static let peopleVerbs: Set<String> = [
        "said", "says", "rang", "phoned", "called", "calls", "emailed", "wrote", "writes", "asked", "asks", "replied", "complained", "complains",
        "wants", "visited", "reports", "feels", "came",
        "sagt", "sagte", "fragt", "fragte", "schreibt", "schrieb", "rief", "meint", "meinte", "möchte", "beschwert", "bestellte", "bittet",
        "reklamiert", "reklamierte", "refused", "refuses", "insists", "insisted", "claims", "claimed", "verweigerte", "verweigert",
        "behauptet", "behauptete", "tagged", "commented", "messaged", "texted", "informed", "notified", "ruft", "holt", "turns", "turned",
        "denies", "denied", "disputes", "disputed", "confirms", "confirmed", "read", "bestätigt", "bestätigte", "bestreitet",
        "thinks", "thought", "believes", "believed", "hopes", "hoped", "wonders", "wondered", "knows", "knew",
        "explained", "explains", "mentioned", "mentions", "promised", "told", "tells", "recommended", "suggested", "noticed",
        "apologised", "apologized", "thanked", "praised", "threatened", "demanded", "requested", "forgot", "remembered", "decided",
        "denkt", "dachte", "glaubt", "glaubte", "hofft", "hoffte", "weiß", "wusste", "erklärt", "erklärte", "erwähnt", "erwähnte",
        "erzählt", "erzählte", "verspricht", "versprach", "bedankt", "bedankte", "lobt", "lobte", "droht", "drohte", "verlangt",
        "verlangte", "beschwerte", "wünscht", "wünschte", "entschuldigt", "entschuldigte",
    ]

    /// Participles after `is`/`has` that only people are (`authorised`, `referred`).
    private static let peopleParticiples: Set<String> = ["authorised", "authorized", "referred", "entitled", "bevollmächtigt", "berechtigt",
                                                         "angerufen", "geschrieben", "gefragt", "gemeldet", "reklamiert", "called", "emailed",
                                                         "complained", "phoned", "rung"]

    /// The surname after an initial at word `index` (`L.` then `Iyer`), if the word after the dot is one.
    private static func initialAndSurname(at index: Int, in words: NameWords) -> Int? {
        let initial = words[index]
        guard initial.text.count == 1, initial.isCapitalized, index + 1 < words.count, words.separator(before: index + 1, contains: "."),
              words[index + 1].start == initial.end + 2, words[index + 1].isCapitalized,
              // not inside an abbreviation of initials (`z. B.`, `d. h.`)
              index == 0 || words[index - 1].text.count > 1 || !words.separator(before: index, contains: ".") else { return nil }
        let surname = words[index + 1]
        // After a title any capitalized word is the surname (`Frau Z. Öztürk`).
        let titled = index > 0 && words.areAdjacent(index - 1, index) && NameCues.personalTitles.contains(words[index - 1].lower)
        // After `von`, `by` or `für` (`bearbeitet von G. Junken`), or signing on a line of its own (`– T. Trubin, Team Nord`).
        let cued = index > 0 && words.areAdjacent(index - 1, index) && NameCues.weakWords.contains(words[index - 1].lower)
        let signing = (words.startsLine(index) || words.opensEntry(index)) && (words.endsLine(index + 1) || words.endsClause(index + 1))
        guard !NameCues.isStopWord(surname.lower), titled || isSurname(words.stem(index + 1)) || hasSurnameEnding(surname.lower) || hasForeignLetters(surname.text)
                || (cued || signing) && surname.text.count >= 3 && !NameCues.isShopWord(surname.lower)
        else { return nil }
        return index + 1
    }

    /// Whether `word` has letters German does not use (`Çelik`, `Wiśniewska`, `Kılıç`): a name, not a German noun.
    private static func hasForeignLetters(_ word: String) -> Bool {
        word.unicodeScalars.contains { $0.value >= 0xc0 && $0.properties.isAlphabetic && !"äöüÄÖÜß".unicodeScalars.contains($0) }
    }

    /// Whether `word` has letters that only Slavic, Baltic, Hungarian or Turkish names use among the texts here (`Hodžić`, `paweł`, `Kılıç`).
    private static func hasSlavicLetters(_ word: String) -> Bool {
        word.unicodeScalars.contains { slavicLetters.contains($0) }
    }

    private static let slavicLetters: Set<Unicode.Scalar> = ["ć", "č", "ž", "š", "đ", "ł", "ń", "ś", "ź", "ż", "ğ", "ş", "ı", "ř", "ő", "ű", "ė", "ą", "ę",
                                                             "Ć", "Č", "Ž", "Š", "Đ", "Ł", "Ś", "Ź", "Ż", "Ş", "İ", "Ř"]

    /// Endings that mark surnames in many languages (`Kovalenko`, `Nowakowski`, `Papadopoulos`, `Öztürkoğlu`, `Ramanathan`).
    private static let surnameEndings = ["enko", "ovych", "ovich", "ović", "ovic", "evič", "ski", "ska", "sky", "wicz", "czyk", "escu", "opoulos", "poulos",
                                         "idis", "akis", "oglu", "oğlu", "ishvili", "dze", "athan", "swamy", "murthy", "yan", "yev", "yeva", "ova", "ov"]

    private static func hasSurnameEnding(_ lower: String) -> Bool {
        lower.count >= 5 && surnameEndings.contains { lower.hasSuffix($0) }
    }

    /// Whether `word` is shaped like an Irish or Scottish surname: `Mc`, `Mac` or `O'` and a capitalized rest of three
    /// letters or more (`McCurtin`, `MacNab`, `O'Shaughnessy`), not a product (`MacBook`).
    private static func hasGaelicPrefix(_ word: String) -> Bool {
        let rest: Substring
        if word.hasPrefix("Mc") { rest = word.dropFirst(2) }
        else if word.hasPrefix("Mac") { rest = word.dropFirst(3) }
        else if word.hasPrefix("O'") || word.hasPrefix("O’") { rest = word.dropFirst(2) }
        else { return false }
        guard rest.count >= 3, let initial = rest.first, initial.isUppercase, rest.dropFirst().allSatisfy({ $0.isLowercase }) else { return false }
        return !["Book", "Pro", "Air", "Mini"].contains { rest.hasPrefix($0) }
    }

    /// Whether `word` is two capitalized given names joined by a hyphen (`Hans-Adolf`, `Franz-Josef`), one of them no ordinary word.
    private static func isDoubleGivenName(_ word: NameWords.Word) -> Bool {
        guard word.isCapitalized, word.key.contains("-" as Character) else { return false }
        let parts = word.key.split(separator: "-").map(String.init)
        return parts.count == 2 && parts.allSatisfy { $0.count >= 3 && NameLexicon.isAnyGivenName(key: $0) } && parts.contains { NameLexicon.isGivenName(key: $0) }
    }

    /// Whether `word` is two surnames joined by a hyphen (`müller-lüdenscheidt`, `Koch-Schlosser`), one of them listed.
    private static func isDoubleSurname(_ word: String) -> Bool {
        let parts = word.split(separator: "-")
        return parts.count == 2 && parts.allSatisfy { $0.count >= 3 && $0.allSatisfy(\.isLetter) } && parts.contains { NameLexicon.isSurname(String($0)) }
    }

    /// Adverbs that stand where a lowercase name could, before a verb (`she just rang`, `er hat gerade angerufen`).
    private static let adverbs: Set<String> = ["just", "also", "then", "finally", "already", "still", "never", "always", "often", "again", "only",
                                               "even", "eventually", "actually", "apparently", "jetzt", "gerade", "auch", "schon", "dann", "nur", "noch",
                                               "yet", "now", "soon", "later", "today", "tomorrow", "asap", "back", "first", "instead", "too",
                                               "anyway", "please", "pls", "bald", "heute", "morgen", "nochmal", "sofort"]
    /// Auxiliaries after a name opening a clause in chat (`autumn is covering`, `thorben ist krankgeschrieben`).
    private static let clauseAuxiliaries: Set<String> = ["is", "ist", "has", "hat", "was", "war", "hatte", "had", "isn't", "hasn't", "wasn't"]
    /// Interjections and conjunctions that open a clause in chat (`lol`, `omg`, `and`).
    private static let chatOpeners: Set<String> = ["lol", "omg", "ok", "okay", "btw", "fyi", "and", "und", "but", "aber", "so", "also", "oh", "ah", "hm", "hmm"]
    /// Words before a noun that no name follows in a lowercase chat (`the sole came off`, `my bill was wrong`).
    /// Whether a German article or its contraction with a preposition stands right before word `index` (`Der Keller`, `zum Sankt-Martin-Umzug`).
    private static func followsGermanArticle(_ index: Int, in words: NameWords) -> Bool {
        index > 0 && words.areAdjacent(index - 1, index) && articlesBeforeNouns.contains(words[index - 1].lower)
    }

    private static let articlesBeforeNouns = germanArticles.union(["zum", "zur"])

    /// German definite articles, some of them given names too (`Der Bauer vom Wochenmarkt`).
    private static let germanArticles: Set<String> = ["der", "die", "das", "dem", "den", "des"]
    /// German prepositions that are given names too (`In`, `Bei`, `Am`).
    private static let germanPrepositions: Set<String> = ["in", "im", "bei", "am", "an", "auf", "aus", "mit", "nach", "vor", "zu", "von"]
    private static let determiners: Set<String> = ["the", "a", "an", "my", "your", "his", "her", "its", "our", "their", "this", "that",
                                                   "these", "those", "every", "each", "no", "some", "any", "das", "ein", "eine", "einen",
                                                   "mein", "meine", "dein", "deine", "sein", "seine", "ihr", "ihre", "unser", "unsere"]

    /// Teams a colleague is from, written in lowercase (`Mark from security has the key`).
    private static let teams: Set<String> = ["security", "accounts", "finance", "hr", "it", "support", "warehouse", "marketing", "returns",
                                             "dispatch", "logistics", "payroll", "facilities", "customer", "head", "menswear", "womenswear"]

    /// Words after a person to contact that say what to tell them (`tell precious her parcel's in`).
    private static let objectFollowers: Set<String> = ["her", "him", "them", "that", "to", "about", "if", "whether", "when", "ob", "dass", "wegen", "bitte"]

    /// Lowercase words after `herr`/`mr` that are no surname (`der herr mit dem Audi`, `mr whoever`).
    private static let titleFollowers: Set<String> = ["mit", "von", "aus", "vom", "hier", "dort", "da", "bei", "with", "from", "here", "there", "whoever",
                                                      "who", "wer", "den", "dem", "des", "und", "and", "oder", "or", "ist", "is", "war", "was", "hat", "has"]

    /// Particles of names that are no German words (`van`, `de la`), which may join lowercase names in chat.
    private static let foreignParticles: Set<String> = ["van", "de", "del", "della", "di", "du", "la", "le", "dos", "ten", "ter", "mac"]

    /// Articles before a surname in chat (`der schmidt hat …`).
    private static let articles: Set<String> = ["der", "die"]
    /// Words before a name called back (`callback baker (0117) …`, `call back bell on …`).
    private static let callbackWords: Set<String> = ["callback", "rückruf"]
    private static let callWords: Set<String> = ["call", "ring", "phone"]
    /// The pronouns that end `questionOpenings`, checked first.
    private static let questionPronouns: Set<String> = ["du", "you"]

    /// Two words after a name that ask the person something (`kannst du`, `can you`).
    private static let questionOpenings: Set<String> = ["kannst du", "könntest du", "hast du", "bist du", "machst du", "schaust du", "can you",
                                                        "could you", "would you", "did you", "have you", "are you", "do you"]

    /// Months and weekdays that are surnames too (`Freitag`, `May`).
    private static let calendarWords: Set<String> = ["mai", "may", "april", "june", "july", "august", "freitag", "sonntag", "montag", "winter", "sommer"]

    /// A surname from the lexicon, or a double name (`Hansen-Weiß`) with one.
    private static func isSurname(_ word: String) -> Bool {
        word.split(separator: "-").contains { NameLexicon.isSurname(String($0)) }
    }
}
