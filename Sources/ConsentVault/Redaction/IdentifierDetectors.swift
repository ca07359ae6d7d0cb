/// Identifiers with a distinctive shape, found without a cue: US Social Security numbers
/// (`123-45-6789`), UK National Insurance numbers (`QQ 12 34 56 C`), German licence plates written
/// with their hyphen (`M-AB 1234`), social-media handles (`@lena.k`) and profile URLs
/// (`instagram.com/lena.k`, `linkedin.com/in/sarah-miller`).
enum IdentifierDetectors {
    /// SSNs (area not 000, 666 or 9xx; group and serial not zero) and National Insurance numbers.
    static func nationalIDs(in text: ScalarText) -> [Detection] {
        var found: [Detection] = []
        var index = 0
        while index < text.count {
            defer { index += 1 }
            guard !text.isAlphanumeric(index - 1) else { continue }
            if let end = socialSecurityNumber(text, index) ?? nationalInsuranceNumber(text, index) ?? cuedDocumentNumber(text, index) {
                found.append(Detection(type: .nationalID, start: index, end: end, priority: DetectionPriority.structured))
                index = end
            }
        }
        return found
    }

    /// Words that say an identity document was shown or sent (`Ausweis von Herrn X gesehen (Nr. …)`, `passport checked, no. …`).
    private static let documentCues = ScalarText.lowercased(["ausweis", "reisepass", "pass ", "passkopie", "passport", "perso", "identity", "id card"])
    /// The letters of German identity card and passport numbers (no vowels, no B, D, Q, S).
    private static let documentLetters: Set<UInt32> = Set("CFGHJKLMNPRTVWXYZ".unicodeScalars.map(\.value))

    /// End of a German identity card or passport number at `start` with a document named up to 60 characters before it: nine
    /// capitals and digits of that alphabet, two of each at least (`LVXLC97CN`, `J4H0RT1LZ`, `18K07G293`), and the check digit
    /// the card prints after them, if written (`CK278LXNT9`).
    private static func cuedDocumentNumber(_ text: ScalarText, _ start: Int) -> Int? {
        let end = text.isDigit(start + 9) ? start + 10 : start + 9
        guard end <= text.count, !text.isAlphanumeric(end), (start..<start + 9).allSatisfy({ text.isDigit($0) || documentLetters.contains(text[$0]) })
        else { return nil }
        let digitCount = (start..<start + 9).filter { text.isDigit($0) }.count
        guard (2...7).contains(digitCount), text.hasCue(documentCues, before: start, window: 60) else { return nil }
        return end
    }

    private static func digits(_ text: ScalarText, _ start: Int, _ count: Int) -> Int? {
        var value = 0
        for offset in 0..<count {
            guard text.isDigit(start + offset) else { return nil }
            value = value * 10 + Int(text[start + offset] - 0x30)
        }
        return value
    }

    private static func socialSecurityNumber(_ text: ScalarText, _ start: Int) -> Int? {
        guard let area = digits(text, start, 3), text.is(start + 3, "-"), let group = digits(text, start + 4, 2), text.is(start + 6, "-"),
              let serial = digits(text, start + 7, 4), !text.isAlphanumeric(start + 11), !(text.is(start + 11, "-") && text.isAlphanumeric(start + 12)),
              area != 0, area != 666, area < 900, group != 0, serial != 0 else { return nil }
        return start + 11
    }

    /// `AB 12 34 56 C` or `AB123456C`: two prefix letters (not D, F, I, Q, U, V; second not O), six digits, suffix A–D.
    private static let forbiddenFirst: Set<UInt32> = [0x44, 0x46, 0x49, 0x51, 0x55, 0x56], forbiddenSecond = forbiddenFirst.union([0x4f])

    /// End of a National Insurance number at `start`, or nil.
    static func nationalInsuranceNumber(_ text: ScalarText, _ start: Int) -> Int? {
        guard text.isUpper(start), text.isASCIILetter(start), text.isUpper(start + 1), text.isASCIILetter(start + 1),
              !forbiddenFirst.contains(text[start]), !forbiddenSecond.contains(text[start + 1]) else { return nil }
        var cursor = start + 2
        var count = 0
        while count < 6 {
            if text.isSpace(cursor), count % 2 == 0 { cursor += 1 }
            guard text.isDigit(cursor) else { return nil }
            cursor += 1
            count += 1
        }
        if text.isSpace(cursor) { cursor += 1 }
        guard (0x41...0x44).contains(text[cursor]), !text.isAlphanumeric(cursor + 1) else { return nil }
        return cursor + 1
    }

    /// German plates with the district hyphen (`M-AB 1234`, `WÜ-TH 576H`, `OS-F5643E`) and current
    /// UK plates (`KX19 WPL`: two letters, two digits, a space, three letters).
    static func licensePlates(in text: ScalarText) -> [Detection] {
        var found: [Detection] = []
        var index = 0
        while index < text.count {
            defer { index += 1 }
            // Not inside a code that began before (`Art.-Nr. TS-BLK-M-5686`).
            guard text.isUpper(index), !text.isAlphanumeric(index - 1), !(text.is(index - 1, "-") && text.isAlphanumeric(index - 2)) else { continue }
            if let end = ukPlateEnd(text, index) {
                found.append(Detection(type: .licensePlate, start: index, end: end, priority: DetectionPriority.structured))
                index = end
                continue
            }
            var cursor = index
            while text.isUpper(cursor), cursor - index < 3 { cursor += 1 }
            guard text.is(cursor, "-"), text.isUpper(cursor + 1) else { continue }
            cursor += 1
            let letters = cursor
            while text.isUpper(cursor), text.isASCIILetter(cursor), cursor - letters < 2 { cursor += 1 }
            // A space or a second hyphen before the digits (`MS-KD 6441`, `MS-KD-6441H`).
            if text.isSpace(cursor) || text.is(cursor, "-") && cursor > letters && text.isDigit(cursor + 1) { cursor += 1 }
            let numbers = cursor
            while text.isDigit(cursor), cursor - numbers < 4 { cursor += 1 }
            guard cursor > numbers else { continue }
            if text.is(cursor, "E") || text.is(cursor, "H") { cursor += 1 }
            // A code that goes on after a hyphen or slash is a batch or article code (`GC-FR5100-H`).
            guard !text.isAlphanumeric(cursor), !((text.is(cursor, "-") || text.is(cursor, "/")) && text.isAlphanumeric(cursor + 1)) else { continue }
            found.append(Detection(type: .licensePlate, start: index, end: cursor, priority: DetectionPriority.structured))
            index = cursor
        }
        return found
    }

    private static func ukPlateEnd(_ text: ScalarText, _ start: Int) -> Int? {
        isUKPlate(text, start, spaced: true) && !text.isAlphanumeric(start + 8) ? start + 8 : nil
    }

    /// Whether a current UK plate's shape starts at `start`: two capitals, two digits, a space (when `spaced`) and three capitals
    /// (`KX19 WPL`, `BB26WHJ`).
    static func isUKPlate(_ text: ScalarText, _ start: Int, spaced: Bool) -> Bool {
        func capital(_ index: Int) -> Bool { text.isUpper(index) && text.isASCIILetter(index) }
        let letters = spaced ? start + 5 : start + 4
        return capital(start) && capital(start + 1) && text.isDigit(start + 2) && text.isDigit(start + 3) && (!spaced || text.isSpace(start + 4))
            && capital(letters) && capital(letters + 1) && capital(letters + 2)
    }

    private static let socialCues = ScalarText.lowercased(["instagram", "insta", "tiktok", "twitter", "threads", "facebook", "snapchat", "handle",
                                                           "profil", "follow", "folg", "dm", "mastodon", "youtube", "x.com", "linkedin", "influencer",
                                                           "creator", "pinterest", "nutzer", "user", "posted", "gepostet", "kommentiert", "commented",
                                                           "post by", "post von", "post from", "posts", "beitrag", "kommentar", "comment", "review",
                                                           "bewertung", "story", "stories", "reel", "tweet", "tagged", "markiert", "social",
                                                           "kooperation", "collab", "partnership", " ig "])

    /// Words right before a handle that name who sent something.
    private static let senderWords: Set<String> = ["von", "from", "by"]

    private static let urlPrefixes = ScalarText.lowercased(["www.", "https://", "http://", "https://www.", "http://www."])

    /// Sites whose `site/name` paths are people's profiles.
    private static let socialSites = ScalarText.lowercased(["instagram.com/", "facebook.com/", "fb.com/", "tiktok.com/", "linkedin.com/in/",
                                                            "twitter.com/", "x.com/", "youtube.com/@", "xing.com/profile/", "pinterest.com/",
                                                            "threads.net/", "snapchat.com/add/", "github.com/", "mastodon.social/@", "pinterest.de/",
                                                            "pinterest.at/", "pinterest.ch/", "pinterest.co.uk/", "pinterest.ie/", "facebook.de/"])

    /// `@handle` (not inside an email address) and profile URLs of social sites, with any scheme and `www.`.
    static func socialHandles(in text: ScalarText) -> [Detection] {
        var found: [Detection] = []
        var index = 0
        while index < text.count {
            defer { index += 1 }
            if text.is(index, "@"), !text.isAlphanumeric(index - 1), !text.is(index - 1, "."), handleCharacter(text, index + 1) {
                var end = index + 1
                while handleCharacter(text, end), end - index <= 31 { end += 1 }
                while text.is(end - 1, ".") { end -= 1 }
                // A handle of letters only (`@home`, `@SAVE20` has a digit) needs a social cue nearby.
                // and a code in capitals (`@SAVE20`) is a coupon, not a handle.
                let plain = (index + 1..<end).allSatisfy { text.isASCIILetter($0) }
                let shouted = !(index + 1..<end).contains { text.isASCIILetter($0) && !text.isUpper($0) }
                // Or it mentions a colleague in a chat: a given name, or a word opening a line (`@mia kannst du …`, `@sam can you …`).
                let mention = plain && (NameLexicon.isAnyGivenName(text.string(index + 1, end)) || opensLine(text, index) && text.isSpace(end))
                    || plain && end - index > 6 && spellsName(text.string(index + 1, end).lowercased())
                // A social cue may also follow the handle (`@itslukaszs, ca. 48.000 Follower`).
                // Or whom a message came from, written in lowercase as people's handles are (`Anfrage von @ruppersbergeri`,
                // `complaint from @cartwrightz:`; a shop's is capitalized: `We replied from @HighStreetStyle`).
                let cued = text.hasCue(socialCues, before: index, window: 60) || text.hasCue(socialCues, before: min(text.count, end + 30), window: 30)
                    || text.isSpace(index - 1) && senderWords.contains(text.wordBefore(index).lowercased()) && !(index + 1..<end).contains { text.isUpper($0) }
                if end - index >= 3, !text.is(end, "@"), !shouted, !plain || mention || cued {
                    found.append(Detection(type: .socialHandle, start: index, end: end, priority: DetectionPriority.structured))
                    index = end
                }
                continue
            }
            if text.isASCIILetter(index), !text.isAlphanumeric(index - 1), let handle = handleAfterPlatform(text, index) {
                found.append(Detection(type: .socialHandle, start: handle.start, end: handle.end, priority: DetectionPriority.structured))
                index = handle.end
                continue
            }
            guard text.isLetter(index), !text.isLetter(index - 1), !text.is(index - 1, ".") || text.is(index - 4, "w"),
                  let site = socialSites.first(where: { text.lowercasedMatches($0, at: index) }),
                  handleCharacter(text, index + site.count) || text.is(index + site.count, "@") && handleCharacter(text, index + site.count + 1) else { continue }
            var start = index
            for prefix in urlPrefixes where start - prefix.count >= 0 && text.lowercasedMatches(prefix, at: start - prefix.count) { start -= prefix.count }
            var end = index + site.count
            while end < text.count, end - index < 200, !text.isWhitespace(end), !text.is(end, ")"), !text.is(end, ","), !text.is(end, "\""),
                  !text.is(end, "»") { end += 1 }
            while text.is(end - 1, ".") { end -= 1 }
            found.append(Detection(type: .socialHandle, start: start, end: end, priority: DetectionPriority.structured))
            index = end
        }
        return withoutOwnAccounts(found, in: text)
    }

    /// Whether a handle of letters only spells a person's name: a given name of six letters or more that is no word, opening it
    /// after an optional `the`/`its`/`iam`/`real` (`@barbarastyle`, `@itsjekaterina`), a listed surname of five letters or more
    /// ending it (`@justinbythompson`), or a given name and a listed surname run together (`@markallen`).
    private static func spellsName(_ handle: String) -> Bool {
        var letters = Substring(handle)
        for prefix in ["the", "its", "iam", "real"] where letters.hasPrefix(prefix) && letters.count > prefix.count + 4 {
            letters = letters.dropFirst(prefix.count)
            break
        }
        let count = letters.count
        return count >= 6 && (6...min(count, 12)).contains { NameLexicon.isGivenName(key: String(letters.prefix($0))) }
            || count > 7 && (5...min(count - 3, 12)).contains { NameLexicon.isPlainSurname(String(letters.suffix($0))) }
            || count >= 8 && (4...min(count - 4, 12)).contains { NameLexicon.isAnyGivenName(key: String(letters.prefix($0))) && NameLexicon.isSurname(String(letters.dropFirst($0))) }
    }

    /// Parts of an account name that make it a business's, anywhere in it (`modehaus`, `schuhhaus`).
    private static let shopNameParts = ["kaufhaus", "modehaus", "schuhhaus", "sporthaus", "möbelhaus", "autohaus", "wohnwelt", "drogerie",
                                        "apotheke", "buchhandlung", "boutique", "outfitters", "bakery", "baeckerei"]
    /// Words of an account name that make it a business's only ending a word of it (`@casaverde_shop`, `@fitzgeraldsstore`,
    /// not `@priya_shops` or `@jule.shopping`, a person who shops).
    private static let shopNameWords: Set<String> = ["store", "stores", "shop"]

    /// Words just before a handle that make it the shop's own account (`our @example_store`, `Folgt uns: …`).
    /// Words right before a handle that make it the account a post is written for or the customer tagged (`Instagram post
    /// for @example_de`, `i tagged you at @example_uk`, `ich hab euch auf @example_de markiert`).
    private static let accountOfPostCues = ScalarText.lowercased(["post for", "caption for", "post für", "posting for", "tagged you at",
                                                                  "tagged you in", "euch auf", "euch bei"])
    /// Words right before a handle that make it the account a post or message is made for (`post for Instagram (@example)`).
    private static let behalfCues = ScalarText.lowercased(["on behalf of", "im namen von", "in the name of", "for instagram (", "für instagram (",
                                                           "for tiktok (", "für tiktok (", "for facebook (", "für facebook ("])
    private static let personRoleCues = ScalarText.lowercased(["customer", "kundin", "kunde", "member", "mitglied", "winner", "gewinner",
                                                               "gewinnerin", "user", "nutzer", "nutzerin", "fan"])
    private static let ownAccountCues = ScalarText.lowercased(["our ", "unser", "follow us", "folgt uns", "folge uns", "folge uns", "tag us", "markiert uns",
                                                               "markiere uns", "our channels", "brand account", "shop account", "store account",
                                                               "find us", "us on", "us at", "uns auf", "uns unter", "reply via", "nur über"])

    /// `handles` without the shop's own accounts: one with an own-account cue just before it, and
    /// every other mention of the same account (`@example_store`, `x.com/example_store`, `facebook.com/examplestore`).
    private static func withoutOwnAccounts(_ handles: [Detection], in text: ScalarText) -> [Detection] {
        func account(_ handle: Detection) -> String {
            let written = text.string(handle.start, handle.end).lowercased()
            let name = written.split(separator: "/").last(where: { !$0.isEmpty }).map(String.init) ?? written
            return name.filter { $0.isLetter || $0.isNumber }
        }
        // An account named for a kind of shop (`@schuhhaus_albrecht`, `@kaufhaus.nordlicht`, `@casaverde_shop`) is a business's.
        let shop = { (handle: Detection) in
            let written = text.string(handle.start, handle.end).lowercased()
            return shopNameParts.contains { written.contains($0) }
                || written.split(whereSeparator: { !$0.isLetter }).contains { word in shopNameWords.contains { word.hasSuffix($0) } }
        }
        // A handle in brackets names whoever was just mentioned (`@example_store account (instagram.com/declan.bell)`).
        // A person's role just before it makes it theirs after all (`our customer instagram.com/lisa43`, `unsere Kundin @…`).
        // Not so a post for the platform in brackets, or a message sent on the account's behalf (`post for Instagram (@example)`,
        // `DM on behalf of @example:`, `im Namen von @example`).
        let own = Set(handles.filter { text.hasWordCue(behalfCues, before: $0.start, window: 22)
            || !text.is($0.start - 1, "(") && !text.hasWordCue(personRoleCues, before: $0.start, window: 12)
            && (text.hasWordCue(ownAccountCues, before: $0.start, window: 40) || text.hasWordCue(accountOfPostCues, before: $0.start, window: 15)) }.map(account))
        return handles.filter { !own.contains(account($0)) && !shop($0) }
    }

    /// Whether only spaces stand between the start of its line and `index`.
    private static func opensLine(_ text: ScalarText, _ index: Int) -> Bool {
        var position = index - 1
        while position >= 0, text.isSpace(position) { position -= 1 }
        return position < 0 || text.isWhitespace(position)
    }

    /// Letters, digits, `_`, `.`, and a hyphen between letters (`@grace.little-whitaker`, as people write handles).
    /// A handle written without `@` after a platform's name, a colon or `ist`/`is` (`ig: anna.schmidt_87`, `meine insta ist
    /// rosawinter_`, `auf insta mats_fuchs8`): a name with a digit, `_` or `.`, or after a colon one in lowercase that is no stop word.
    private static func handleAfterPlatform(_ text: ScalarText, _ index: Int) -> (start: Int, end: Int)? {
        guard text.initial(index, in: platformInitials),
              let label = platformLabels.first(where: { text.lowercasedMatches($0, at: index) && !text.isLetter(index + $0.count) }) else { return nil }
        var cursor = index + label.count
        let colon = text.is(cursor, ":")
        if colon {
            cursor += 1
        } else {
            guard text.isSpace(cursor) else { return nil }
            if let link = platformLinks.first(where: { text.lowercasedMatches($0, at: cursor + 1) && text.isSpace(cursor + 1 + $0.count) }) { cursor += 1 + link.count }
        }
        while text.isSpace(cursor) { cursor += 1 }
        let start = cursor
        while handleCharacter(text, cursor), cursor - start <= 31 { cursor += 1 }
        while text.is(cursor - 1, ".") { cursor -= 1 }
        // A profile URL (`TikTok: instagram.com/anna`) is the site rule's.
        guard (3...30).contains(cursor - start), !text.isLetter(cursor), !text.is(cursor, "@"), !text.is(cursor, "/") else { return nil }
        let handle = text.string(start, cursor)
        let marked = handle.contains { $0.isNumber || $0 == "_" || $0 == "." } && handle.contains { $0.isLetter }
        guard marked || colon && handle == handle.lowercased() && !NameCues.isStopWord(handle) else { return nil }
        return (start, cursor)
    }
    private static let platformLabels = ScalarText.lowercased(["instagram", "insta", "ig", "tiktok", "snapchat", "snap", "twitter", "threads",
                                                               "telegram", "bluesky", "mastodon", "twitch"])
    private static let platformLinks = ScalarText.lowercased(["ist", "is", "=", "handle", "name"])
    private static let platformInitials = ScalarText.letterMask("itsbm")

    private static func handleCharacter(_ text: ScalarText, _ index: Int) -> Bool {
        (text.isASCIILetter(index) || text.isDigit(index) || text.is(index, "_") || text.is(index, ".")
            || text.is(index, "-") && text.isASCIILetter(index - 1) && text.isASCIILetter(index + 1)) && index < text.count
    }
}
