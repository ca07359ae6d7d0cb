import Foundation

/// The words of a text for name detection: runs of letters, with an apostrophe or hyphen inside
/// (`O'Brien`, `Hansen-Weiß`) kept in the word.
struct NameWords {
    /// One word.
    struct Word {
        /// First and one past the last code point (folded text).
        let start: Int
        let end: Int
        /// The word as written (empty for long lowercase words, which are never cues or names).
        let text: String
        /// Lowercased.
        let lower: String
        /// Lexicon key (`NameLexicon.key`), without a possessive `s`; empty for lowercase words in capitalized lines.
        let key: String
        /// The word without a possessive ending (`Annas` → `Anna`, `Sarah's` → `Sarah`).
        let stem: String
        /// Starts with an uppercase letter.
        let isCapitalized: Bool
        /// Stands in a text or a line written without capitals (chat), where lowercase lexicon names count after cues.
        let isInLowercase: Bool
    }

    private let words: [Word]
    /// Letters in the longest cue word (`ansprechpartnerin`): longer lowercase words are never looked at as text.
    private static let longestCue = 17
    /// Letters a line needs before it counts as written without capitals on its own (`ok danke` does not).
    private static let lowercaseLineLetters = 10
    private let text: ScalarText
    /// Lowercase words that open a line followed by `:`, with the number of such lines.
    private var speakerCounts: [String: Int] = [:]
    /// How many lines of the text start with a speaker label.
    private(set) var speakerLineCount = 0
    /// Lines with a colon after one of their first three words (`Kunde: …`, `Harper & Finch: …`).
    private(set) var labelledLineCount = 0
    /// Whether a line label is a chat role (`bot`, `Kundin`) or a given name: then the labelled lines are a chat.
    private(set) var hasChatLabel = false
    /// Capitalized speaker labels that answer a chat role: a line of a role (`Agent:`, `Kunde:`) stands
    /// between two of their lines (`Jülide: …⏎Agent: …⏎Jülide: …`).
    private var speakersAnsweringRole: Set<String> = []
    /// Two-word speaker labels (`chase bishop: …`), by their lowercased words, with the number of lines each labels.
    private var speakerPairCounts: [String: Int] = [:]
    /// The parts of email addresses' local parts (`katrin`, `stroebele`), folded, by line.
    private var emailParts: [Int: Set<String>] = [:]
    /// The line of each word, and which words are part of an email address.
    private var lineOfWord: [Int] = []
    private var isInEmail: [Bool] = []

    init(_ text: ScalarText) {
        self.text = text
        var spans: [(start: Int, end: Int, line: Int)] = []
        var index = 0, line = 0, wordInLine = 0
        var uppercase = 0, letters = 0
        // Letters and capitals per line, without a leading speaker label (`Kunde: bin grad bei lenas konto`).
        var lineLetters: [Int] = [0], lineUppercase: [Int] = [0]
        while index < text.count {
            if text.isWhitespace(index), !text.isSpace(index) {
                line += 1
                wordInLine = 0
                lineLetters.append(0)
                lineUppercase.append(0)
            }
            guard text.isLetter(index), !text.isLetter(index - 1) else { index += 1; continue }
            var end = index, wordUppercase = 0
            while text.isLetter(end) || ((text.is(end, "'") || text.is(end, "’") || text.is(end, "-")) && text.isLetter(end + 1) && text.isLetter(end - 1)) {
                if text.isUpper(end) { wordUppercase += 1 }
                end += 1
            }
            uppercase += wordUppercase
            letters += end - index
            if wordInLine > 1 || !text.is(end, ":") {
                lineLetters[line] += end - index
                lineUppercase[line] += wordUppercase
            }
            spans.append((index, end, line))
            wordInLine += 1
            index = end
        }
        // Chat: almost no capitals, or a text that does not even start with one (`quick q from youssef: … 34 Marsh Lane`);
        // a line of a capitalized text counts on its own when it has no capitals at all (a chat line in a ticket).
        let startsLowercase = spans.first.map { !text.isUpper($0.start) } ?? false
        let lowercaseText = letters > 0 && (uppercase * 20 < letters || startsLowercase)
        let lowercaseLines = zip(lineLetters, lineUppercase).map { letters, uppercase in
            lowercaseText || letters >= Self.lowercaseLineLetters && uppercase == 0
        }
        // Strings only where they can matter: every cue word is short, and only capitalized words
        // (or any word of a text or line written without capitals) can be names.
        words = spans.map { span in
            let capitalized = text.isUpper(span.start)
            let inLowercase = lowercaseLines[span.line]
            guard capitalized || inLowercase || span.end - span.start <= Self.longestCue else {
                return Word(start: span.start, end: span.end, text: "", lower: "", key: "", stem: "", isCapitalized: false, isInLowercase: false)
            }
            let word = text.string(span.start, span.end)
            let stem = capitalized || inLowercase ? Self.withoutPossessive(word, lowercaseText: inLowercase,
                                                                             beforeNoun: text.isSpace(span.end) && text.isUpper(span.end + 1)) : word
            // A lowercase word that labels a line (`johanna: …`) is looked up too: chat speakers are names.
            let labelsLine = text.is(span.end, ":") && (span.start == 0 || text.isWhitespace(span.start - 1) && !text.isSpace(span.start - 1))
            let key = capitalized || inLowercase || labelsLine ? NameLexicon.key(stem) : ""
            return Word(start: span.start, end: span.end, text: word, lower: word.lowercased(), key: key, stem: stem, isCapitalized: capitalized,
                        isInLowercase: inLowercase)
        }
        var counts: [String: Int] = [:]
        // For each label, how many role lines the text had at its last line.
        var roleLinesAtLabel: [String: Int] = [:], roleLines = 0
        for index in words.indices where isSpeakerLabel(index) && !words[index].lower.isEmpty {
            let label = words[index].lower
            counts[label, default: 0] += 1
            if Self.chatRoles.contains(label) { roleLines += 1; continue }
            if words[index].isCapitalized, let before = roleLinesAtLabel[label], before < roleLines { speakersAnsweringRole.insert(label) }
            roleLinesAtLabel[label] = roleLines
        }
        speakerCounts = counts
        speakerLineCount = counts.values.reduce(0, +)
        var pairs: [String: Int] = [:]
        for index in words.indices where labelsLineAsPair(index) {
            pairs[words[index].lower + " " + words[index + 1].lower, default: 0] += 1
        }
        speakerPairCounts = pairs
        collectEmailParts()
        countLabelledLines()
    }

    /// Fills `labelledLineCount` and `hasChatLabel`.
    private mutating func countLabelledLines() {
        var lastLabelled = -1, wordInLine = 0
        for index in words.indices {
            wordInLine = index > 0 && lineOfWord[index] == lineOfWord[index - 1] ? wordInLine + 1 : 0
            guard wordInLine < 3, lineOfWord[index] != lastLabelled, text.is(words[index].end, ":") else { continue }
            lastLabelled = lineOfWord[index]
            labelledLineCount += 1
            if wordInLine == 0, Self.chatRoles.contains(words[index].lower) || NameLexicon.isAnyGivenName(key: NameLexicon.key(words[index].text)) {
                hasChatLabel = true
            }
        }
    }

    /// Labels of chat lines that are roles, not names.
    private static let chatRoles: Set<String> = speakerRoles.union(["bot", "user", "kunde", "kundin", "customer", "visitor", "besucher", "besucherin",
                                                                    "me", "ich", "shop", "store", "chatbot", "assistant", "assistent", "service"])

    /// Whether word `index` labels a line of a chat in lowercase (`diarmuid: can u …` beside `grace: done`):
    /// another line is labelled too, some label is a role or a given name, and speech follows on the line (not `kurz:`).
    func isChatSpeaker(_ index: Int) -> Bool {
        guard isSpeakerLabel(index), !words[index].isCapitalized, words[index].text.count >= 3, labelledLineCount >= 2, hasChatLabel,
              !Self.chatRoles.contains(words[index].lower) else { return false }
        var position = words[index].end + 1
        while text.isSpace(position) { position += 1 }
        return position < text.count && !text.isWhitespace(position)
    }

    /// Fills `lineOfWord`, `isInEmail` and `emailParts`: the words joined by `.`, `_` or `-` before an `@`.
    private mutating func collectEmailParts() {
        var line = 0, position = 0
        for word in words {
            while position < word.start {
                if text.isWhitespace(position), !text.isSpace(position) { line += 1 }
                position += 1
            }
            lineOfWord.append(line)
        }
        isInEmail = [Bool](repeating: false, count: words.count)
        for index in words.indices {
            // The last part may end in digits (`nikolai.iwanow94@`).
            var end = words[index].end
            while text.isDigit(end) { end += 1 }
            guard text.is(end, "@") else { continue }
            // At most a few parts, each word once: adversarial text (`a.a.a…a@a@a@`) stays linear.
            var part = index
            while !isInEmail[part], index - part < Self.emailPartLimit {
                isInEmail[part] = true
                emailParts[lineOfWord[part], default: []].formUnion(Self.foldings(words[part].lower))
                let start = words[part].start
                guard part > 0, words[part - 1].end == start - 1, text.is(start - 1, ".") || text.is(start - 1, "_") || text.is(start - 1, "-")
                else { break }
                part -= 1
            }
            var after = index + 1
            while after < words.count, after - index <= Self.emailPartLimit, words[after].start == words[after - 1].end + 1,
                  !text.isWhitespace(words[after - 1].end) {
                isInEmail[after] = true
                after += 1
            }
        }
    }

    /// Parts of an email's local part looked at (`anna.maria.von.berg@` has four).
    private static let emailPartLimit = 6

    /// `lower` as it may be spelled in an email address: German umlauts written out, or all accents dropped.
    private static func foldings(_ lower: String) -> Set<String> {
        guard !lower.utf8.allSatisfy({ $0 < 0x80 }) else { return [lower] }
        let german = lower.replacingOccurrences(of: "ä", with: "ae").replacingOccurrences(of: "ö", with: "oe")
            .replacingOccurrences(of: "ü", with: "ue").replacingOccurrences(of: "ß", with: "ss")
        return [lower, german, lower.folding(options: .diacriticInsensitive, locale: nil).replacingOccurrences(of: "ł", with: "l")]
    }

    /// Whether capitalized word `index` is spelled in the local part of an email address on its line
    /// (`Katrin;Ströbele;katrin.stroebele@…`, `Nikolai,Iwanow,nikolai.iwanow94@…`): then it names that person.
    func isSpelledInEmail(_ index: Int) -> Bool {
        guard words[index].isCapitalized, words[index].lower.count >= 3, !isInEmail[index], let parts = emailParts[lineOfWord[index]] else { return false }
        return !parts.isDisjoint(with: Self.foldings(words[index].lower))
    }

    /// Number of words.
    var count: Int { words.count }
    /// Word `index`.
    subscript(index: Int) -> Word { words[index] }

    /// Whether words `first` and `second` are separated by exactly one space (no punctuation, no line break).
    func areAdjacent(_ first: Int, _ second: Int) -> Bool {
        words[second].start == words[first].end + 1 && text.isSpace(words[first].end)
    }

    /// Whether the text between word `index - 1` (or the start) and word `index` contains `scalar`.
    func separator(before index: Int, contains scalar: Unicode.Scalar) -> Bool {
        let from = index == 0 ? 0 : words[index - 1].end
        return (from..<words[index].start).contains { text.is($0, scalar) }
    }

    /// Whether a blank line stands between word `index` and the word before it (a new paragraph).
    func followsBlankLine(_ index: Int) -> Bool {
        let from = index == 0 ? 0 : words[index - 1].end
        var newlines = 0
        for position in from..<words[index].start where text.is(position, "\n") { newlines += 1 }
        return newlines >= 2
    }

    /// Whether word `index` opens one to four words that end right before ` <…@…>` on the same line (a
    /// mail header's display name), and does not follow another word of that run.
    func opensDisplayName(_ index: Int) -> Bool {
        guard index == 0 || !areAdjacent(index - 1, index) else { return false }
        var last = index
        while last - index < 4 {
            // A quoted display name closes its quote first (`"Jäntsch, Dana" <dana@…>`).
            let end = text.is(words[last].end, "\"") ? words[last].end + 1 : words[last].end
            if text.isSpace(end), text.is(end + 1, "<") {
                var position = end + 2
                while position < text.count, position - end < 80, !text.is(position, ">"), !text.isWhitespace(position) {
                    if text.is(position, "@") { return true }
                    position += 1
                }
                return false
            }
            guard last + 1 < words.count, areAdjacent(last, last + 1) || text.is(end, "-") || separatedByComma(last, last + 1) else { return false }
            last += 1
        }
        return false
    }

    /// Whether a digit stands between word `index - 1` and word `index` (`innerhalb von 30 Tagen`).
    func separatorHasDigit(before index: Int) -> Bool {
        let from = index == 0 ? 0 : words[index - 1].end
        return (from..<words[index].start).contains { text.isDigit($0) }
    }

    /// Whether word `index` starts a line (only spaces before it since the last line break or the start).
    func startsLine(_ index: Int) -> Bool {
        var position = words[index].start - 1
        while position >= 0, text.isSpace(position) { position -= 1 }
        return position < 0 || !text.isSpace(position) && text.isWhitespace(position)
    }

    /// Whether word `index` opens the answer to a question for a name: it starts its line, or
    /// follows the line's speaker label (`Kunde: stefano gallo`), and the line before ends with a
    /// question that names a name (`Und Ihr Name?`, `And your name?`, `Wie heißen Sie?`).
    func answersNameQuestion(_ index: Int) -> Bool {
        guard startsLine(index) || index > 0 && startsLine(index - 1) && isSpeakerLabel(index - 1) && !startsLine(index) else { return false }
        let lineStart = startsLine(index) ? index : index - 1
        guard lineStart > 0 else { return false }
        var position = words[lineStart - 1].end
        while position < words[lineStart].start, !text.is(position, "?") { position += 1 }
        guard position < words[lineStart].start else { return false }
        var first = lineStart - 1
        while first > 0, !startsLine(first) { first -= 1 }
        return (first..<lineStart).contains { Self.nameQuestionWords.contains(words[$0].lower) }
    }

    /// Words in a question that asks for a name.
    private static let nameQuestionWords: Set<String> = ["name", "namen", "heißen", "heissen", "heisst", "heißt", "nachname", "nachnamen", "vorname",
                                                         "vornamen", "familienname", "surname"]

    /// Whether `&` stands right before word `index` (`Ben & Jerry's`).
    func precededByAmpersand(_ index: Int) -> Bool {
        var position = words[index].start - 1
        while position >= 0, text.isSpace(position) { position -= 1 }
        return text.is(position, "&")
    }

    /// Whether `&` follows word `index` (`Johnson & Johnson`).
    func followedByAmpersand(_ index: Int) -> Bool {
        var position = words[index].end
        while text.isSpace(position) { position += 1 }
        return text.is(position, "&")
    }

    /// The scalar at text position `position`, nil outside the text.
    func scalar(at position: Int) -> Unicode.Scalar? { position >= 0 && position < text.count ? Unicode.Scalar(text[position]) : nil }

    /// Whether a digit follows word `index` with nothing between (`SUMMER24`).
    func followedByDigit(_ index: Int) -> Bool { text.isDigit(words[index].end) }

    /// Whether word `index` is glued to a dot before it (`s.Oliver`, `example.Com`): never a name.
    func followsDot(_ index: Int) -> Bool { text.is(words[index].start - 1, ".") }

    /// Whether an opening bracket follows word `index` after a space (`thanks, Ivy (Team Leader)`).
    func followedByBracket(_ index: Int) -> Bool { text.isSpace(words[index].end) && text.is(words[index].end + 1, "(") }

    /// Whether words `first...last` (one word by default) end the text with nothing after them, after a sentence's end
    /// (`… remove me from mailings. Grace`, `… for good!⏎Grace Mark`, `Can you take a look?⏎Will`, not `… from all lists. Done.`);
    /// a mail app's footer may follow on the last line (`Jay⏎⏎Sent from my iPhone`).
    func signsOffText(_ last: Int, from first: Int? = nil) -> Bool {
        let first = first ?? last
        guard first > 0 else { return false }
        var position = words[last].end
        // Trailing dots or a bang after the name (`… Rückmeldung. Dieter...`).
        while position < text.count, text.isWhitespace(position) || text.is(position, ".") || text.is(position, "!") { position += 1 }
        // A mail app's footer after the name is no text (`Jay⏎⏎Sent from my iPhone`).
        if position < text.count, Self.mailFooters.contains(where: { text.lowercasedMatches($0, at: position) }),
           text.count - position <= 60, !(position..<text.count).contains(where: { text.is($0, "\n") }) {
            position = text.count
        } else if position < text.count, text.is(position - 1, "\n"), (0..<3).allSatisfy({ text.is(position + $0, "-") || text.is(position + $0, "_") }) {
            // A line of dashes after the name opens a forwarded or quoted message: the writer's own text ends there.
            position = text.count
        } else if last != words.count - 1 {
            return false
        }
        var before = words[first].start - 1
        while before >= 0, text.isWhitespace(before) { before -= 1 }
        return position >= text.count && (text.is(before, ".") || text.is(before, "!") || text.is(before, "?")) && before < words[first].start - 1
    }

    /// Footers mail apps add (`Sent from my iPhone`, `Von meinem iPhone gesendet`).
    private static let mailFooters = ScalarText.lowercased(["sent from my", "von meinem", "gesendet von", "get outlook for"])

    /// Whether word `index` is part of a handle, URL or file name: right after `_`, `@` or `/`.
    func isInsideToken(_ index: Int) -> Bool {
        let before = words[index].start - 1
        // `_name`, `@name`, `/name`, and a code after digits and a hyphen (`MX-263-BLK`).
        return text.is(before, "_") || text.is(before, "@") || text.is(before, "/") || text.is(before, "-") && text.isDigit(before - 1)
    }

    /// Whether only a list separator (`, `, ` und `, ` and `, ` & `) stands between `end` and word `index`.
    func listSeparates(from end: Int, to index: Int) -> Bool {
        guard end <= words[index].start, words[index].start - end <= 5 else { return false }
        let gap = text.string(end, words[index].start)
        return [", ", " und ", " and ", " & ", " u. "].contains(gap)
    }

    /// Whether one of `roles` stands right after word `index`, in brackets or after a comma (`Jack (driver)`, `Anna Becker, neighbour`).
    func followedByRole(_ index: Int, in roles: Set<String>) -> Bool {
        guard index + 1 < words.count, roles.contains(words[index + 1].lower) else { return false }
        let end = words[index].end
        guard words[index + 1].start == end + 2 else { return false }
        return text.isSpace(end) && text.is(end + 1, "(") && text.is(words[index + 1].end, ")") || text.is(end, ",") && text.isSpace(end + 1)
    }

    /// Whether word `index` is a letter opening a degree (`B.Sc.`, `M.A.`, `Ph.D.`): a dot and another letter follow at once.
    func isDegree(_ index: Int) -> Bool {
        let end = words[index].end
        return words[index].text.count <= 2 && text.is(end, ".") && text.isLetter(end + 1)
    }

    /// Whether only `und`, `and`, `oder`, `or` or `+` with single spaces stands between words `first` and `second`.
    func joinedByConjunction(_ first: Int, _ second: Int) -> Bool {
        let start = words[first].end, end = words[second].start
        guard (3...6).contains(end - start), text.isSpace(start), text.isSpace(end - 1) else { return false }
        return [" und ", " and ", " oder ", " or ", " + "].contains(text.string(start, end))
    }

    /// Whether words `first` and `second` are joined by a slash alone (`Okonkwo/Schulz` on a doorbell).
    func joinedBySlash(_ first: Int, _ second: Int) -> Bool {
        words[second].start == words[first].end + 1 && text.is(words[first].end, "/")
    }

    /// Whether word `index` begins a sentence: first in the text, or after `.`, `!` or `?`.
    func startsSentence(_ index: Int) -> Bool {
        var position = words[index].start - 1
        while position >= 0, text.isWhitespace(position) { position -= 1 }
        return position < 0 || text.is(position, ".") || text.is(position, "!") || text.is(position, "?")
    }

    /// Whether word `index` ends its line (only spaces, closing punctuation or closing quotes after it).
    func endsLine(_ index: Int) -> Bool {
        var position = words[index].end
        while position < text.count, text.isSpace(position) || text.is(position, ",") || text.is(position, ".") || Self.isQuote(text, position)
                || Self.isSmileyPart(text, position) { position += 1 }
        return position >= text.count || text.isWhitespace(position)
    }

    /// Whether capitalized word `index` is followed by ` / ` and two or three capitals, the last its own initial (`Klein / AK`):
    /// a writer's surname and initials signing a note.
    func signsWithInitials(_ index: Int) -> Bool {
        let word = words[index]
        guard word.isCapitalized, text.isSpace(word.end), text.is(word.end + 1, "/"), text.isSpace(word.end + 2) else { return false }
        let initials = word.end + 3
        var end = initials
        while text.isUpper(end), text.isASCIILetter(end), end - initials < 4 { end += 1 }
        return (2...3).contains(end - initials) && !text.isLetter(end) && text[end - 1] == text[word.start]
    }

    /// Whether the scalar at `position` may be part of a smiley ending a line (`Gruß Dieter :)`, `;-)`).
    private static func isSmileyPart(_ text: ScalarText, _ position: Int) -> Bool {
        text.is(position, ":") || text.is(position, ";") || text.is(position, "-") || text.is(position, ")")
    }

    /// Whether words `first` through `last` stand inside quotation marks of their own (`„Greta“`,
    /// `'Wolf Grey'`): a product or model name, not a person.
    func areQuoted(_ first: Int, _ last: Int) -> Bool {
        Self.isQuote(text, words[first].start - 1) && Self.isQuote(text, nameEnd(last)) && !text.isLetter(nameEnd(last) + 1)
    }

    private static func isQuote(_ text: ScalarText, _ position: Int) -> Bool {
        text.is(position, "\"") || text.is(position, "'") || text.is(position, "„") || text.is(position, "“") || text.is(position, "”")
            || text.is(position, "‚") || text.is(position, "‘") || text.is(position, "’") || text.is(position, "«") || text.is(position, "»")
    }

    /// Whether punctuation that ends a clause (`:`, `,`, `.`, `!`, `?`, `)`) or the end of the text follows word `index`.
    func endsClause(_ index: Int) -> Bool {
        let position = words[index].end
        return position >= text.count || text.is(position, ":") || text.is(position, ",") || text.is(position, ".") || text.is(position, "!")
            || text.is(position, "?") || text.is(position, ")")
    }

    /// Whether word `index` labels a speaker: a colon right after it at the start of a line (or
    /// after a `[14:05]` time), or `(Name):` after a role word.
    func isSpeakerLabel(_ index: Int) -> Bool {
        let end = words[index].end
        guard text.is(end, ":") || text.is(end, ")") || text.isSpace(end) && text.is(end + 1, "(") else { return false }
        // A short word in capitals labels a field, not a speaker (`NI: QQ123456C`, `UK: 07700 900123`, `DOB: …`); so does a
        // word that titles a transcript (`Chat:`).
        let word = words[index]
        if word.text.count <= 4 && word.text == word.text.uppercased() || Self.transcriptTitles.contains(word.lower) { return false }
        // A price or a second label on the line makes it a form's field (`Price: £213`, `Channel: phone / Status: open`).
        if text.is(end, ":"), labelsField(after: end) { return false }
        if text.is(end, ":"), startsLine(index) || text.is(word.start - 2, "]") || followsTimeStamp(index) || startsLineAfterSymbols(index) { return true }
        return isSpeakerAfterRole(index) || isSpeakerBeforeRole(index)
    }

    /// Whether the colon at `colon` labels a form's field: a price follows (`£213`, `€14`), or another capitalized label
    /// on the same line within 60 characters (`phone / Status: open`).
    private func labelsField(after colon: Int) -> Bool {
        var position = colon + 1
        while text.isSpace(position) { position += 1 }
        if text.is(position, "£") || text.is(position, "€") || text.is(position, "$") { return true }
        var wordStart = -1
        while position < text.count, position - colon < 60, !text.isWhitespace(position) || text.isSpace(position) {
            if text.isLetter(position) {
                if !text.isLetter(position - 1) { wordStart = position }
            } else if text.is(position, ":"), text.isLetter(position - 1), wordStart >= 0, text.isUpper(wordStart), text.isSpace(wordStart - 1) {
                return true
            }
            position += 1
        }
        return false
    }

    /// Whether word `index` opens a line, also after a time stamp, as a speaker whose role of up to three words follows in brackets
    /// (`Ruby (Support): …`, `[09:14] Ernst (Support): …`, `Florence (Customer Care): …`, `gaz (warehouse): …`).
    func isSpeakerBeforeRole(_ index: Int) -> Bool {
        let end = words[index].end
        guard startsLine(index) || text.is(words[index].start - 2, "]") || followsTimeStamp(index), index + 1 < words.count, text.isSpace(end),
              text.is(end + 1, "("), words[index + 1].start == end + 2, Self.bracketRoles.contains(words[index + 1].lower) else { return false }
        return (index + 1..<min(words.count, index + 4)).contains { last in
            text.is(words[last].end, ")") && text.is(words[last].end + 1, ":") && (index + 1..<last).allSatisfy { areAdjacent($0, $0 + 1) }
        }
    }

    /// Roles that a speaker's bracket holds, not a name (`(Support)`, `(warehouse)`, `(Customer Care)`, `(Kasse)`).
    private static let bracketRoles: Set<String> = chatRoles.union(["warehouse", "lager", "kasse", "till", "tills", "team", "care", "kundenservice",
                                                                    "hotline", "filiale", "branch", "manager", "managerin", "leitung", "teamleitung",
                                                                    "fahrer", "fahrerin", "driver", "versand", "logistik", "buchhaltung", "marketing",
                                                                    "dispatch", "returns", "retouren", "kundendienst", "empfang", "reception"])

    /// Whether word `index` starts a line after symbols that are no letters, digits or ASCII (`👤 Gian: …`, `★☆☆☆☆ Frank: …`, `> jasmine: …`).
    private func startsLineAfterSymbols(_ index: Int) -> Bool {
        var position = words[index].start - 1
        while position >= 0, text.isSpace(position) { position -= 1 }
        let symbolsEnd = position
        // A quoted reply's `>` counts as such a symbol (`> jasmine: …`).
        while position >= 0, symbolsEnd - position < 8, text[position] > 0x7f || text.is(position, ">"), !text.isAlphanumeric(position),
              !text.isWhitespace(position) { position -= 1 }
        guard position < symbolsEnd else { return false }
        while position >= 0, text.isSpace(position) { position -= 1 }
        return position < 0 || text.isWhitespace(position)
    }
    /// Words that title a transcript or note rather than name its speaker (`Chat:`, `Notiz:`).
    private static let transcriptTitles: Set<String> = ["chat", "notiz", "note", "verlauf", "transcript"]

    /// Whether word `index` names a speaker after a role, in brackets (`Agent (Ffion): …`) or not
    /// (`Agent Thanasis: …` at the start of a line).
    func isSpeakerAfterRole(_ index: Int) -> Bool {
        let end = words[index].end
        // A role in the bracket belongs to the speaker before it (`gaz (warehouse):`).
        if text.is(words[index].start - 1, "("), text.is(end, ")"), text.is(end + 1, ":") { return !Self.bracketRoles.contains(words[index].lower) }
        return index > 0 && text.is(end, ":") && startsLine(index - 1) && areAdjacent(index - 1, index)
            && Self.speakerRoles.contains(words[index - 1].lower)
    }

    /// Whether words `index` and `index + 1` label a line together: one space between them, a colon
    /// right after the second, at the start of a line, after a bracketed source (`[Messenger] Sky White: …`) or a time stamp.
    func labelsLineAsPair(_ index: Int) -> Bool {
        guard index + 1 < words.count, areAdjacent(index, index + 1), text.is(words[index + 1].end, ":") else { return false }
        return startsLine(index) || text.is(words[index].start - 2, "]") && text.isSpace(words[index].start - 1) || followsTimeStamp(index)
    }

    /// Whether word `index` follows a chat export's time and a dash (`17.12.25, 08:04 - Artjom Demirci: …`).
    private func followsTimeStamp(_ index: Int) -> Bool {
        let start = words[index].start
        return text.isSpace(start - 1) && text.is(start - 2, "-") && text.isSpace(start - 3) && text.isDigit(start - 4) && text.isDigit(start - 5)
            && text.is(start - 6, ":")
    }

    /// How many lines the pair at `index` labels as their speaker.
    func speakerPairLines(_ index: Int) -> Int { speakerPairCounts[words[index].lower + " " + words[index + 1].lower] ?? 0 }

    /// Roles that open a chat line before the speaker's name.
    private static let speakerRoles: Set<String> = ["agent", "berater", "beraterin", "mitarbeiter", "mitarbeiterin", "support", "advisor",
                                                    "adviser", "rep", "staff", "operator", "associate", "verkäufer", "verkäuferin"]

    /// Whether word `index` labels a speaker who answers a chat role (`Jülide: …⏎Agent: …⏎Jülide: …`).
    func answersRole(_ index: Int) -> Bool { isSpeakerLabel(index) && speakersAnsweringRole.contains(words[index].lower) }

    /// How many lines word `index` labels as their speaker (`melli: …` on two lines of a chat).
    func speakerLines(_ index: Int) -> Int { speakerCounts[words[index].lower] ?? 0 }


    /// Whether a dash standing alone comes right before word `index` (`… — Tom`), not a range (`2–3 Tage`).
    func followsSigningDash(_ index: Int) -> Bool {
        let start = words[index].start
        if text.isSpace(start - 1), text.is(start - 2, "-") {
            // A hyphen-minus only after text on its line (`… back!" - Ivy from Madison`): at a line's start it is a bullet.
            return text.isSpace(start - 3) && start - 4 >= 0 && !text.isWhitespace(start - 4)
        }
        return text.isSpace(start - 1) && (text.is(start - 2, "—") || text.is(start - 2, "–")) && (start - 3 < 0 || text.isWhitespace(start - 3))
    }

    /// Whether word `index` opens a numbered item of a list (`2. Lüders-Voß`, `4) Wójcik`) and is followed by a dash or a comma.
    func opensNumberedItem(_ index: Int) -> Bool {
        var position = words[index].start - 1
        while position >= 0, text.isSpace(position) { position -= 1 }
        guard position >= 1, text.is(position, ".") || text.is(position, ")"), text.isDigit(position - 1) else { return false }
        var digits = position - 1
        while text.isDigit(digits) { digits -= 1 }
        guard digits < 0 || text.isWhitespace(digits) && !text.isSpace(digits) else { return false }
        let end = words[index].end
        return text.is(end, ",") || text.isSpace(end) && (text.is(end + 1, "–") || text.is(end + 1, "-") || text.is(end + 1, "—")) && text.isSpace(end + 2)
    }

    /// Whether the dash before word `index` follows a quotation or a sentence (`… gekauft.“ – Resi`, `… back!" - Ivy`).
    func dashFollowsQuotation(_ index: Int) -> Bool {
        let before = words[index].start - 4
        return before >= 0 && ["\"", "“", "”", "„", "'", ".", "!", "?", "«", "»"].contains { text.is(before, $0) }
    }

    /// Whether an entry starts at word `index`: a line, a numbered item (`2. `), or after `:`, a dash or an opening bracket.
    func opensEntry(_ index: Int) -> Bool {
        var position = words[index].start - 1
        while position >= 0, text.isSpace(position) { position -= 1 }
        guard position >= 0, !text.isWhitespace(position) else { return true }
        if text.is(position, ":") || text.is(position, "–") || text.is(position, "—") || text.is(position, "(") || text.is(position, "|") || text.is(position, ";") { return true }
        if isCellQuote(position) { return true }
        guard text.is(position, "."), text.isDigit(position - 1) else { return false }
        var digits = position - 1
        while text.isDigit(digits) { digits -= 1 }
        return digits < 0 || text.isWhitespace(digits)
    }

    /// Whether words `first` and `second` are separated by exactly `, `.
    func separatedByComma(_ first: Int, _ second: Int) -> Bool {
        words[second].start == words[first].end + 2 && text.is(words[first].end, ",") && text.isSpace(words[first].end + 1)
    }

    /// Whether words `first` and `second` fill adjacent cells of a CSV row: only `;`, `,` or a tab between them.
    func separatedByCellDelimiter(_ first: Int, _ second: Int) -> Bool {
        words[second].start == words[first].end + 1 && (text.is(words[first].end, ";") || text.is(words[first].end, ",") || text.is(words[first].end, "\t"))
    }

    /// Whether word `index` opens a CSV cell: right after `;`, `,` or a tab, with a cell before it.
    func startsCell(_ index: Int) -> Bool {
        let start = words[index].start
        return start > 0 && (text.is(start - 1, ";") || text.is(start - 1, ",") || text.is(start - 1, "\t")) && !text.isWhitespace(start - 2)
    }

    /// Whether an entry ends after word `index`: a line break, the end, or `,`, `;`, a dash or a bracket (not a dot: `Art.-Nr.`).
    func endsEntry(_ index: Int) -> Bool {
        var position = words[index].end
        while position < text.count, text.isSpace(position) { position += 1 }
        guard position < text.count, !text.isWhitespace(position) else { return true }
        return text.is(position, ",") || text.is(position, ";") || text.is(position, "–") || text.is(position, "—") || text.is(position, ")")
            || text.is(position, "(") || text.is(position, "|") || text.is(position, "-") && text.isSpace(position - 1) && text.isSpace(position + 1)
            || isCellQuote(position)
    }

    /// Whether the `"` at `position` opens or closes a cell of a CSV row (`"Rivers, Chase","+353 …"`): a field delimiter or
    /// a line's end stands on its other side.
    private func isCellQuote(_ position: Int) -> Bool {
        guard text.is(position, "\"") else { return false }
        func delimits(_ index: Int) -> Bool {
            index < 0 || index >= text.count || text.is(index, ",") || text.is(index, ";") || text.is(index, "\t") || text.isWhitespace(index) && !text.isSpace(index)
        }
        return delimits(position - 1) || delimits(position + 1)
    }

    /// Whether words `first` and `last` are the whole of a quoted CSV cell (`"Rivers, Chase"`).
    func fillQuotedCell(_ first: Int, _ last: Int) -> Bool {
        text.is(words[first].start - 1, "\"") && text.is(words[last].end, "\"") && isCellQuote(words[first].start - 1) && isCellQuote(words[last].end)
    }

    /// Whether word `index` is a possessive (`Annas`, `Sarah's`) of a name.
    func endsWithPossessive(_ index: Int) -> Bool { words[index].stem != words[index].text }

    /// The lexicon key of word `index`, also of a lowercase word in a text with capitals (whose `key` is left empty).
    func lookupKey(_ index: Int) -> String { words[index].key.isEmpty && !words[index].stem.isEmpty ? NameLexicon.key(words[index].stem) : words[index].key }

    /// Word `index` without a possessive ending, for lexicon lookups.
    func stem(_ index: Int) -> String { words[index].stem }

    /// Where a name ending in word `index` ends: before `'s`/`’s`, or before an `s` that makes a
    /// lexicon name possessive (`Petras` → `Petra`).
    func nameEnd(_ index: Int) -> Int {
        let word = words[index]
        // An initial keeps its dot (`William M.`).
        if word.text.count == 1, word.isCapitalized, text.is(word.end, "."), index > 0, areAdjacent(index - 1, index), !isDegree(index) { return word.end + 1 }
        // So does a double given name's initial (`Hans-H.`).
        if endsWithInitial(index), text.is(word.end, ".") { return word.end + 1 }
        return word.end - (word.text.unicodeScalars.count - word.stem.unicodeScalars.count)
    }

    /// Where a name ending at word `index` ends with its generational suffix (`Ella Koch II`, `John Smith Jr.`), or nil without one.
    func generationalSuffixEnd(after index: Int) -> Int? {
        guard index + 1 < words.count, areAdjacent(index, index + 1) else { return nil }
        let next = words[index + 1]
        switch next.text {
        case "II", "III", "IV": return next.end
        case "Jr", "Sr": return text.is(next.end, ".") ? next.end + 1 : next.end
        default: return nil
        }
    }

    /// Whether a symbol such as an emoji, not a letter or digit, follows word `index` after a space (`hey wade 😊`).
    func followedBySymbol(_ index: Int) -> Bool {
        let end = words[index].end
        return text.isSpace(end) && end + 1 < text.count && !text.isAlphanumeric(end + 1) && !text.isWhitespace(end + 1)
            && !text.is(end + 1, "&") && !text.is(end + 1, "-") && !text.is(end + 1, "–") && !text.is(end + 1, "(")
    }

    /// Whether an arrow to another word and a colon follow word `index` (`sönke → team: …`).
    func pointsToGroup(_ index: Int) -> Bool {
        let end = words[index].end
        guard text.isSpace(end), text.is(end + 1, "→") || text.is(end + 1, "-") && text.is(end + 2, ">"), index + 1 < words.count else { return false }
        return text.is(words[index + 1].end, ":")
    }

    /// Whether word `first` ends with an abbreviation's dot and `second` follows after one space (`St. Clair`).
    /// Whether word `index` is a given name and an initial joined by a hyphen (`Hans-H`).
    func endsWithInitial(_ index: Int) -> Bool {
        let word = words[index]
        return word.end - word.start >= 4 && word.isCapitalized && text.is(word.end - 2, "-") && text.isUpper(word.end - 1)
    }

    func joinedByAbbreviationDot(_ first: Int, _ second: Int) -> Bool {
        text.is(words[first].end, ".") && text.isSpace(words[first].end + 1) && words[second].start == words[first].end + 2
    }

    /// Whether `, ` and a house number or a flat follow word `index` (`Will Rich, 84 Oakfield Drive`, `Faith Hope, Flat 2`).
    func followedByCommaAndNumber(_ index: Int) -> Bool {
        let end = words[index].end
        guard text.is(end, ","), text.isSpace(end + 1) else { return false }
        if text.isDigit(end + 2) { return true }
        // A flat before the house number (`Faith Hope, Flat 2, 58 Hollybush Lane`).
        guard index + 1 < words.count, words[index + 1].start == end + 2, Self.flatWords.contains(words[index + 1].lower) else { return false }
        let after = words[index + 1].end
        return text.isSpace(after) && text.isDigit(after + 1)
    }

    private static let flatWords: Set<String> = ["flat", "apt", "apartment", "unit", "studio", "suite"]

    /// Whether a bracket holding a number follows word `index` (`für Fuchs (cv 1536 7126)`, `LG Gül (CV-7473-1155)`): whose number it is.
    func followedByBracketedNumber(_ index: Int) -> Bool {
        var position = words[index].end
        if text.isSpace(position) { position += 1 }
        guard text.is(position, "("), (position + 1..<min(text.count, position + 5)).contains(where: { text.isDigit($0) }) else { return false }
        // A number of four digits or more, not a count (`für Wolf (2 Stück)`).
        var digits = 0
        for inside in position + 1..<min(text.count, position + 25) {
            if text.is(inside, ")") { break }
            if text.isDigit(inside) { digits += 1 }
        }
        return digits >= 4
    }

    /// Whether word `index` opens the text's last line, after a blank line and a dash, and a comma and a shop or team
    /// end that line (`⏎⏎- Ruaridh, Lincoln Road store`): the writer signing a note.
    func signsAfterBullet(_ index: Int) -> Bool {
        let start = words[index].start
        guard start >= 4, text.isSpace(start - 1), text.is(start - 2, "-") || text.is(start - 2, "–"), text.is(start - 3, "\n"), text.is(start - 4, "\n"),
              index + 1 < words.count, separator(before: index + 1, contains: ","), !startsLine(index + 1) else { return false }
        var last = index + 1
        while last + 1 < words.count, !startsLine(last + 1), last - index < 6 { last += 1 }
        return last + 1 == words.count && endsLine(last) && NameCues.isShopWord(words[last].lower)
    }

    /// Whether a comma, a house number and a street follow word `index` (`ivy sterling, 74 heather close`): a street type
    /// within three words after the number, not a count of things (`1 point per pound, 15% bonus`, `caster sugar, 4 eggs`).
    func followedByStreet(_ index: Int) -> Bool {
        followedByCommaAndNumber(index) && (index + 1..<Swift.min(words.count, index + 4)).contains { NameCues.isStreetType(words[$0].lower) }
    }

    /// Whether a German street and its number follow word `index` after a comma or on the next line (`Till Koch, Seestr. 137`,
    /// `Till Winter⏎Kirchgasse 14c`).
    func followedByStreetLine(_ index: Int) -> Bool {
        let end = words[index].end
        guard index + 1 < words.count, text.is(end, ",") && text.isSpace(end + 1) && words[index + 1].start == end + 2
                || text.is(end, "\n") && words[index + 1].start == end + 1 else { return false }
        let street = words[index + 1]
        guard street.isCapitalized, Self.streetEndings.contains(where: { street.lower.hasSuffix($0) }) else { return false }
        var position = street.end
        if text.is(position, ".") { position += 1 }
        return text.isSpace(position) && text.isDigit(position + 1)
    }

    /// How German street names end (`Seestr.`, `Kirchgasse`, `Birkenweg`).
    private static let streetEndings = ["straße", "strasse", "str", "gasse", "weg", "allee", "platz", "ring", "damm", "ufer", "chaussee"]

    /// Whether `at` and an address follow word `index`: a house number or a flat (`Gross at 151 Robin Meadows`, `Chambers at Flat 7`).
    func followedByAddressAt(_ index: Int) -> Bool {
        guard index + 1 < words.count, areAdjacent(index, index + 1), words[index + 1].lower == "at" else { return false }
        var position = words[index + 1].end
        while text.isSpace(position) { position += 1 }
        return text.isDigit(position) || index + 2 < words.count && words[index + 2].start == position
            && ["flat", "apt", "apartment", "unit", "suite"].contains(words[index + 2].lower)
    }

    /// Whether the person's social handle or profile follows word `index` in brackets (`Bishop Gray (@bishopfit)`,
    /// `Mark Sale (https://www.tiktok.com/@…)`, `Liberty White (linkedin.com/in/…)`).
    func followedByBracketedHandle(_ index: Int) -> Bool {
        let end = nameEnd(index)
        guard text.isSpace(end), text.is(end + 1, "(") else { return false }
        return text.is(end + 2, "@") || Self.profileOpenings.contains { text.lowercasedMatches($0, at: end + 2) }
    }

    /// How a profile's address opens.
    private static let profileOpenings = ScalarText.lowercased(["http", "www.", "instagram.com/", "tiktok.com/", "linkedin.com/", "x.com/",
                                                                "twitter.com/", "facebook.com/", "youtube.com/"])

    /// Whether a phone number follows word `index`, right away or after `on`, `at`, `unter`, `under` or `auf`: `+`, `(` or `0`
    /// and a digit (`bell on +44 …`, `baker (0117) 496 …`, `June Green on 07700 900123`).
    func followedByPhone(_ index: Int) -> Bool {
        var position = words[index].end
        while text.isSpace(position) { position += 1 }
        if index + 1 < words.count, words[index + 1].start == position, ["on", "at", "unter", "under", "auf"].contains(words[index + 1].lower) {
            position = words[index + 1].end
            while text.isSpace(position) { position += 1 }
        }
        return (text.is(position, "+") || text.is(position, "(") || text.is(position, "0")) && text.isDigit(position + 1)
    }

    /// Whether word `index` stands alone in brackets right after a number of six digits or more, as phones are written
    /// (`0721 868621 (süßebier)`), or opening it before a comma or a surname (`(Grace, marketing)`, `(Hans-Dietrich Hettner)`):
    /// whose number it is. Capitalized, it must be a lexicon name (not `(Erstattung)`).
    func isBracketedAfterNumber(_ index: Int) -> Bool {
        var position = words[index].start - 1
        // Before a comma or a surname only a given name (`(Grace, marketing)`, `(Hans-Dietrich Hettner)`, not `(abends, bitte)`).
        let givenBeforeSurname = index + 1 < words.count && areAdjacent(index, index + 1) && words[index + 1].isCapitalized && closesBracket(index + 1)
        guard text.is(position, "("), closesBracket(index) || (closesBracketOrEntry(index) || givenBeforeSurname) && NameLexicon.isAnyGivenName(key: words[index].key)
        else { return false }
        position -= 1
        while text.isSpace(position) { position -= 1 }
        var digits = 0
        while position >= 0, text.isDigit(position) || text.isSpace(position) || text.is(position, "-") || text.is(position, "/")
                || text.is(position, "(") || text.is(position, ")") || text.is(position, "+") {
            if text.isDigit(position) { digits += 1 }
            position -= 1
        }
        // Not a code that opens with letters (`DE89 3704 …`).
        guard digits >= 6, !(text.isLetter(position) && text.isDigit(position + 1)) else { return false }
        let word = words[index]
        return !word.isCapitalized || NameLexicon.isAnyGivenName(key: word.key) || NameLexicon.isSurname(word.stem)
    }

    /// Whether a closing bracket follows word `index` right away.
    func closesBracket(_ index: Int) -> Bool { text.is(words[index].end, ")") }

    /// Whether a closing bracket, or a comma that opens what the bracket says about the word, follows word `index`
    /// (`(Malte)`, `(Grace, marketing)`, `(Solange, Kundin mit Einwilligung)`).
    func closesBracketOrEntry(_ index: Int) -> Bool {
        closesBracket(index) || words[index].text.count >= 3 && text.is(words[index].end, ",") && text.isSpace(words[index].end + 1)
    }

    /// Whether word `index` is in parentheses with only `&` and one other word (`(Khaled & Fatima)`).
    func isBracketedPair(_ first: Int, _ second: Int) -> Bool {
        let (low, high) = (min(first, second), max(first, second))
        return text.is(words[low].start - 1, "(") && text.is(words[high].end, ")")
    }

    /// `word` without a possessive ending: `'s`, or an `s` after a lexicon given name that is not a
    /// name itself (`Annas`, in chat `małgorzatas`); a surname that is no ordinary word too (`Petras`) when a noun follows.
    private static func withoutPossessive(_ word: String, lowercaseText: Bool, beforeNoun: Bool) -> String {
        if word.hasSuffix("'s") || word.hasSuffix("’s") { return String(word.dropLast(2)) }
        let capitalized = word.first?.isUppercase == true
        guard word.count > 3, word.hasSuffix("s"), capitalized || lowercaseText, !NameLexicon.isAnyGivenName(word) else { return word }
        let stem = String(word.dropLast())
        if !capitalized { return stem.count >= 5 && NameLexicon.isGivenName(stem) && !NameLexicon.isSurname(word) ? stem : word }
        if NameLexicon.isSurname(word) { return beforeNoun && NameLexicon.isPlainSurname(word) && NameLexicon.isGivenName(stem) ? stem : word }
        return NameLexicon.isAnyGivenName(stem) ? stem : word
    }
}
