import Foundation

/// Postal addresses: a German street (`…straße`, `…str.`, `…weg`, `…allee`, `…platz`, `…gasse`,
/// `…ring`, `…damm`, or `Am …`, `An der …`, `Im …`) with a house number, optionally followed by
/// postal code and city; a US or UK street (`1600 Pennsylvania Ave NW`, `42 Elm St Apt 3B`,
/// `221B Baker Street`) with its unit, city, state and ZIP (`Springfield, IL 62704-1234`) or
/// postcode; and a UK postcode on its own (`NW1 6XE`).
enum AddressDetector {
    private static let suffixes = ScalarText.lowercased(["straße", "strasse", "str.", "str", "st.", "weg", "allee", "platz", "gasse", "ring", "damm", "ufer",
                                                         "chaussee", "steig", "pfad", "markt", "graben", "wall", "stieg", "kamp", "twiete"])
    private static let prefixes = ["am", "an der", "an den", "auf dem", "auf der", "im", "in der", "zum", "zur"]
    private static let prefixScalars = ScalarText.lowercased(prefixes)
    private static let englishTypes: Set<String> = ["street", "st", "road", "rd", "avenue", "ave", "av", "lane", "ln", "drive", "dr", "close",
                                                    "way", "court", "ct", "boulevard", "blvd", "place", "pl", "terrace", "ter", "parkway",
                                                    "pkwy", "highway", "hwy", "square", "sq", "crescent", "cres", "gardens", "grove", "row",
                                                    "mews", "hill", "circle", "cir", "trail", "walk", "park", "green", "parade", "wharf", "quay",
                                                    "rise", "mall", "broadway", "yard", "gate", "wynd", "approach", "vale", "meadows", "fields", "bank", "brow",
                                                    "view", "lawn", "heights", "downs", "glen", "grange", "manor", "villas", "cottages"]
    /// The other street suffixes of USPS Publication 28 (appendix C1) and their abbreviations. Many are words
    /// too (`Points`, `Club`, `Lake`), so a street ending in one counts only with a unit, a state and ZIP or a
    /// postcode after it, or an address cue before it (`i live at 003 Stewart Islands`).
    private static let uspsTypes: Set<String> = [
        "alley", "aly", "anex", "anx", "arcade", "arc", "bayou", "byu", "beach", "bch", "bend", "bnd", "bluff", "blf", "bluffs", "blfs",
        "bottom", "btm", "branch", "br", "bridge", "brg", "brook", "brk", "brooks", "brks", "burg", "bg", "burgs", "bgs", "bypass", "byp",
        "camp", "cp", "canyon", "cyn", "cape", "cpe", "causeway", "cswy", "center", "ctr", "centers", "ctrs", "circles", "cirs", "cliff",
        "clf", "cliffs", "clfs", "club", "clb", "common", "cmn", "commons", "cmns", "corner", "cor", "corners", "cors", "course", "crse",
        "courts", "cts", "cove", "cv", "coves", "cvs", "creek", "crk", "crest", "crst", "crossing", "xing", "crossroad", "xrd",
        "crossroads", "xrds", "curve", "curv", "dale", "dl", "dam", "dm", "divide", "dv", "drives", "drs", "estate", "est", "estates",
        "ests", "expressway", "expy", "extension", "extensions", "exts", "fall", "falls", "fls", "ferry", "fry", "field", "fld",
        "flds", "flat", "flt", "flats", "flts", "ford", "frd", "fords", "frds", "forest", "frst", "forge", "frg", "forges", "frgs", "fork",
        "frk", "forks", "frks", "fort", "ft", "freeway", "fwy", "garden", "gdn", "gdns", "gateway", "gtwy", "gln", "glens", "glns",
        "grn", "greens", "grns", "grv", "groves", "grvs", "harbor", "hbr", "harbors", "hbrs", "haven", "hvn", "hts", "hl", "hills",
        "hls", "hollow", "holw", "inlet", "inlt", "island", "islands", "iss", "isle", "junction", "jct", "junctions", "jcts", "key",
        "ky", "keys", "kys", "knoll", "knl", "knolls", "knls", "lake", "lk", "lakes", "lks", "land", "landing", "lndg", "light", "lgt",
        "lights", "lgts", "loaf", "lf", "lock", "lck", "locks", "lcks", "ldg", "loop", "mnr", "manors", "mnrs", "meadow", "mdw", "mdws",
        "mill", "ml", "mills", "mls", "mission", "msn", "motorway", "mtwy", "mount", "mt", "mountain", "mtn", "mountains", "mtns", "neck",
        "nck", "orchard", "orch", "oval", "overpass", "opas", "parks", "parkways", "pass", "passage", "psge", "path", "pike", "pine",
        "pne", "pines", "pnes", "plain", "pln", "plains", "plns", "plaza", "plz", "pt", "points", "pts", "port", "prt", "ports", "prts",
        "prairie", "pr", "radial", "radl", "ramp", "ranch", "rnch", "rapid", "rpd", "rapids", "rpds", "rest", "rst", "ridge", "rdg",
        "ridges", "rdgs", "river", "riv", "roads", "rds", "route", "rte", "run", "shoal", "shl", "shoals", "shls", "shore", "shr",
        "shores", "shrs", "skyway", "skwy", "spring", "spg", "springs", "spgs", "spur", "spurs", "squares", "sqs", "station", "sta",
        "stravenue", "stra", "stream", "strm", "streets", "sts", "summit", "smt", "throughway", "trwy", "trace", "trce", "track", "trak",
        "trafficway", "trfy", "trl", "trailer", "trlr", "tunnel", "tunl", "turnpike", "tpke", "underpass", "upas", "union",
        "unions", "uns", "valley", "vly", "valleys", "vlys", "viaduct", "via", "vw", "views", "vws", "village", "vlg", "villages", "vlgs",
        "ville", "vl", "vista", "vis", "walks", "wall", "ways", "well", "wl", "wells", "wls", "lodge", "point",
        // Not in the publication, but streets in French-settled states are named so (`Rue`).
        "rue",
    ]
    /// Street types written as abbreviations, which keep their dot (`Elm St.`, `Ocean Blvd.`).
    private static let streetAbbreviations: Set<String> = ["st", "rd", "ave", "av", "ln", "dr", "ct", "blvd", "pl", "ter", "pkwy", "hwy", "sq",
                                                           "cres", "cir", "mt", "ft", "pt", "expy", "fwy", "tpke", "trl", "xing", "ctr", "hts",
                                                           "jct", "ste", "apt", "gdns", "grv", "cl", "rdg", "vw", "ml", "sta", "smt", "cv", "crk"]
    /// Words before a house number that say an address follows (`i live at 003 Stewart Islands`, `resend to 050 Evan Roads`).
    private static let englishAddressCues = ScalarText.lowercased(["live at", "lives at", "living at", "address", "deliver to", "send to", "mailings to",
                                                                   "ship to", "moved to", "mail to", "post to", "reside at", "delivers to",
                                                                   "delivered to", "ships to", "sent to", "delivery to", "deliveries to",
                                                                   "card to", "parcel to", "package to", "order to", "posted to",
                                                                   "forwarded to", "returned to", "redirected to"])
    private static let directions: Set<String> = ["n", "s", "e", "w", "ne", "nw", "se", "sw", "north", "south", "east", "west"]
    private static let units: Set<String> = ["apt", "apartment", "suite", "ste", "unit", "flat", "floor", "fl", "room", "studio", "#"]
    /// US states and territories, for `City, ST 12345`.
    private static let states: Set<String> = ["AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS",
                                              "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY",
                                              "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV",
                                              "WI", "WY", "PR", "GU", "VI", "AS", "MP", "FM", "MH", "PW"]

    /// Street suffixes that are words too (`Hof`, `Zeile`, `Höhe`): they count only ending a longer word (`Fischerkoppel`,
    /// `Brombeerhang`, `Fliederhöhe`) and before a house number of at most three digits (not `Fragebogen 2025`).
    private static let compoundSuffixes = ScalarText.lowercased(["koppel", "hang", "weide", "wiese", "anger", "kai", "promenade", "redder", "trift",
                                                                 "brink", "hain", "siedlung", "leite", "halde", "horst", "moor", "garten", "berg",
                                                                 "hof", "feld", "höhe", "zeile", "winkel", "bogen", "grund"])
    /// Compounds with those suffixes that are no street (`Betreffzeile 2`, `Fragebogen 3`, `Bahnhof 1`).
    private static let compoundsNoStreet: Set<String> = ["betreffzeile", "kopfzeile", "fußzeile", "textfeld", "suchfeld", "eingabefeld", "spielfeld",
                                                         "umfeld", "vorfeld", "fragebogen", "innenhof", "bahnhof", "friedhof", "kindergarten",
                                                         "biergarten", "sitzhöhe", "blickwinkel", "hintergrund", "vordergrund", "untergrund", "eisberg"]

    /// Last letters of the street suffixes (`…straße`, `…weg`, `…platz`, `…damm`, `…ufer`, `…hof`, `…kai`, `…brink`), checked
    /// before the suffixes themselves.
    private static let suffixEndings = ScalarText.letterMask("egzmrdtnlpfik")

    /// First letters of the `Am …`/`An der …` prefixes, to skip other short words cheaply.
    private static let prefixInitials = ScalarText.letterMask("aiz")

    private static let lowercaseSuffixes = ScalarText.lowercased(["straße", "strasse", "str.", "str", "gasse", "allee", "platz", "weg", "damm", "ring"])
    private static let inWord = ScalarText.lowercased([" in "])[0]
    private static let orderAbbreviation = ScalarText.lowercased(["best."])[0]
    private static let postNumber = ScalarText.lowercased([", postnummer "])[0]

    /// Lowercase words that may stand inside a street name (`An der Alten Ziegelei`, `Weg zum See`). Not
    /// prepositions such as `an`: `Lieferung an Neuer Wall 10` is a delivery to `Neuer Wall 10`.
    private static let streetJoiners = ScalarText.lowercased(["der", "die", "den", "dem", "des", "zum", "zur", "von", "vom"])

    /// Longest word a street or city name may have: every scan stays bounded, so time stays linear
    /// in the text (a hyphen chain `Anna-Anna-…` is not walked again from each of its letters).
    private static let maximumWord = 48

    /// Every address found: the private ones, and the shop's own or a form's sample, whose words are no person either
    /// (`Returns Centre, Unit 4 Meadowbank Park, Leeds`).
    static func addresses(in text: ScalarText) -> (personal: [Detection], notPersonal: [Detection]) {
        var found: [Detection] = []
        var index = 0
        while index < text.count {
            guard !text.isLetter(index - 1), !text.isDigit(index - 1) else { index += 1; continue }
            if let end = military(text, index) {
                found.append(Detection(type: .address, start: index, end: end, priority: DetectionPriority.address))
                index = end
            } else if let street = streetAfterCue(text, index) {
                // A house number first is an English address, whose city follows the English way; a military one has its own form.
                let end = military(text, street.start)
                    ?? (text.isDigit(street.start) ? extendWithEnglishCity(text, street.end) : extendWithCity(text, street.end))
                found.append(Detection(type: .address, start: postcodeAndCityStart(text, before: street.start) ?? street.start, end: end,
                                       priority: DetectionPriority.address))
                index = street.end
            } else if let end = postBox(text, index) {
                // `PO Box 1187, Kodiak, AK 99615` or `Postfach 12 34, 10115 Berlin`.
                // The longer reading wins: a German city without its postcode may be a US town before its state (`, Kodiak, AK 99615`).
                let full = max(extendWithCity(text, end), extendWithEnglishCity(text, end))
                found.append(Detection(type: .address, start: index, end: full, priority: DetectionPriority.address))
                index = full
            } else if let end = foreignStreet(text, index) ?? streetBeforePostcode(text, index) ?? lowercasePrefixedStreet(text, index) {
                found.append(Detection(type: .address, start: index, end: extendWithCity(text, end), priority: DetectionPriority.address))
                index = end
            } else if let end = german(text, index) {
                found.append(Detection(type: .address, start: postcodeAndCityStart(text, before: index) ?? index, end: extendWithCity(text, end),
                                       priority: DetectionPriority.address))
                index = end
            } else if let end = english(text, unitBeforeStreet(text, index) ?? index) ?? streetNameAfterUnit(text, index) {
                let full = extendWithEnglishCity(text, end)
                found.append(Detection(type: .address, start: index, end: full, priority: DetectionPriority.address))
                index = full
            } else if let end = lowercaseEnglish(text, unitBeforeStreet(text, index) ?? index) {
                found.append(Detection(type: .address, start: index, end: end, priority: DetectionPriority.address))
                index = end
            } else if let end = ukPostcode(text, index) ?? eircode(text, index) ?? zipAfterCue(text, index) ?? postcodeAndCityAfterPlaceWord(text, index)
                        ?? townStateZip(text, index) {
                found.append(Detection(type: .address, start: index, end: end, priority: DetectionPriority.address))
                index = end
            } else {
                index += 1
            }
        }
        var personal: [Detection] = [], notPersonal: [Detection] = []
        for address in found + linesBeforePostcodes(in: text) {
            if isShopAddress(address, in: text) || isSampleAddress(address, in: text) { notPersonal.append(address) } else { personal.append(address) }
        }
        return (personal, notPersonal)
    }

    /// Whether an address is a form's sample (`Musterstraße 1, 12345 Musterstadt`, `123 Main Street, Anytown`).
    private static func isSampleAddress(_ address: Detection, in text: ScalarText) -> Bool {
        let value = text.string(address.start, address.end).lowercased()
        return value.hasPrefix("muster") || value.contains("musterstadt") || value.contains("anytown")
    }

    /// Whether an address is the shop's or a firm's, named right before it or opening it (`Filiale Goethestraße 8`,
    /// `Die Filiale Albert-Schweitzer-Straße 3`, `Neue Filiale: Marktgasse 4, …`, `our branch at 3 Nelson Mandela Place`); after a
    /// comma only a firm's (`Example Store Ltd, 221 Baker Street`, `Retourenzentrum, Industriestraße 40`) or a store named by the
    /// same street (`our King Edward Street branch, 22 King Edward Street`). A customer's stays (`near your store, 12 Elm Street`).
    private static func isShopAddress(_ address: Detection, in text: ScalarText) -> Bool {
        var opening = address.start
        if let first = word(text, opening), ["die", "der", "the", "our", "unsere"].contains(first.text.lowercased()), text.isSpace(first.end) { opening = first.end + 1 }
        if let first = word(text, opening), shopWords.contains(first.text.lowercased()) || firmWords.contains(first.text.lowercased()),
           text.isSpace(first.end) { return true }
        var cursor = address.start
        for _ in 0..<3 {
            var end = cursor
            var comma = false
            while end > 0, text.isSpace(end - 1) || text.is(end - 1, ":") || text.is(end - 1, ",") {
                if text.is(end - 1, ",") { comma = true }
                end -= 1
            }
            var wordStart = end
            while wordStart > 0, text.isLetter(wordStart - 1) { wordStart -= 1 }
            guard wordStart < end else { return false }
            let word = text.string(wordStart, end).lowercased()
            if firmWords.contains(word) || shopWords.contains(word) && (!comma || storeNamedByStreet(before: wordStart, address, in: text)) { return true }
            guard !comma, addressLeadIns.contains(word) else { return firmNamedBefore(address.start, in: text) }
            cursor = wordStart
        }
        return false
    }

    /// Whether a returns centre or firm word opens the capitalized name before `start` on its line (`Retourenzentrum Modehaus
    /// Lange, Industriestraße 40`, `Returns Centre, Greenleaf Home, Unit 4 …`): up to six capitalized words and commas back.
    private static func firmNamedBefore(_ start: Int, in text: ScalarText) -> Bool {
        var end = start
        for _ in 0..<6 {
            while end > 0, text.isSpace(end - 1) || text.is(end - 1, ",") { end -= 1 }
            var wordStart = end
            while wordStart > 0, text.isLetter(wordStart - 1) || text.is(wordStart - 1, "&") { wordStart -= 1 }
            guard wordStart < end else { return false }
            let word = text.string(wordStart, end).lowercased()
            if firmWords.contains(word) || returnsWords.contains(word) { return true }
            guard text.isUpper(wordStart) || word == "&" else { return false }
            end = wordStart
        }
        return false
    }

    /// Words that name where returns go (`Returns Centre`, `Rücksendezentrum`).
    private static let returnsWords: Set<String> = ["returns", "rücksendezentrum", "retourenlager", "versandzentrum", "logistikzentrum", "rücksendeadresse"]

    /// Whether the store's name before `index` holds a word of the address's street (`King Edward Street branch, 22 King Edward Street`).
    private static func storeNamedByStreet(before index: Int, _ address: Detection, in text: ScalarText) -> Bool {
        var end = index
        for _ in 0..<2 {
            while end > 0, text.isSpace(end - 1) { end -= 1 }
            var start = end
            while start > 0, text.isLetter(start - 1) || text.is(start - 1, "'") { start -= 1 }
            guard start < end else { return false }
            let name = text.string(start, end)
            if !englishTypes.contains(name.lowercased()), !uspsTypes.contains(name.lowercased()) {
                return name.first?.isUppercase == true && text.string(address.start, address.end).contains(name)
            }
            end = start
        }
        return false
    }

    /// Words that name a shop or branch right before its address, and firms whose address may follow after a comma.
    private static let shopWords: Set<String> = ["filiale", "branch", "store", "shop", "outlet", "standort"]
    private static let firmWords: Set<String> = ["retourenzentrum", "warehouse", "lager", "zentrale", "headquarters", "ltd", "gmbh", "plc", "llc", "inc"]
    /// Words between such a name and the address (`Filiale in der …`, `branch at …`).
    private static let addressLeadIns: Set<String> = ["in", "der", "at", "an", "am", "im", "on", "is", "ist", "now", "jetzt", "new", "neue", "neuen"]
    /// End of a German postcode and its city at `start` right after a word that places a person there
    /// (`Gewinnerin ist Eugen Nowak aus 48155 Münster`, `wohnhaft in 06114 Halle`): it narrows a member down to a street or two.
    private static func postcodeAndCityAfterPlaceWord(_ text: ScalarText, _ start: Int) -> Int? {
        guard (start..<start + 5).allSatisfy({ text.isDigit($0) }), text.isSpace(start + 5), text.isUpper(start + 6),
              placeWords.contains(where: { start >= $0.count && text.lowercasedMatches($0, at: start - $0.count) && !text.isLetter(start - $0.count - 1) })
        else { return nil }
        let end = extendWithCity(text, start - 1)
        return end > start + 6 ? end : nil
    }

    private static let placeWords = ScalarText.lowercased(["aus ", "wohnhaft in ", "wohnt in ", "wohnhaft ", "from ", "lives in ", "living in "])

    /// End of a US ZIP code (`60622`, `60622-1234`) or a UK postcode in any case at `start` right after `ZIP`, `zip code` or `postal code`
    /// (and a colon): alone, it still narrows a member down to a few thousand people.
    private static func zipAfterCue(_ text: ScalarText, _ start: Int) -> Int? {
        guard text.isAlphanumeric(start), text.isSpace(start - 1) else { return nil }
        var cueEnd = start - 1
        if text.is(cueEnd - 1, ":") { cueEnd -= 1 }
        if let link = zipLinks.first(where: { text.lowercasedMatches($0, at: start - $0.count) && text.isSpace(start - $0.count - 1) }) { cueEnd = start - link.count - 1 }
        guard zipCues.contains(where: { cue in text.lowercasedMatches(cue, at: cueEnd - cue.count) && !text.isLetter(cueEnd - cue.count - 1) }) else { return nil }
        // A UK postcode typed in lowercase (`postcode m14 5rt`).
        if !text.isDigit(start) { return lowercasePostcode(text, start) }
        var end = start
        while text.isDigit(end) { end += 1 }
        guard end - start == 5 else { return nil }
        if text.is(end, "-"), (1...4).allSatisfy({ text.isDigit(end + $0) }) { end += 5 }
        return text.isAlphanumeric(end) ? nil : end
    }

    private static let zipCues = ScalarText.lowercased(["zip", "zip code", "zipcode", "postal code", "postcode"])
    /// Words between a ZIP cue and its value (`postcode is m14 5rt`).
    private static let zipLinks = ScalarText.lowercased(["is ", "ist ", "lautet "])

    /// End of a US town with its state and ZIP code and no street (`North Charlesborough, OH 24952`, `St. Louis, MO 63101-1234`):
    /// like a UK postcode alone, it narrows a member down to a few thousand people.
    private static func townStateZip(_ text: ScalarText, _ start: Int) -> Int? {
        guard text.isUpper(start), text.isLetter(start) else { return nil }
        var cursor = start
        for word in 0..<3 {
            guard text.isUpper(cursor) else { return nil }
            var wordEnd = cursor
            while text.isLetter(wordEnd) || text.is(wordEnd, "-") || text.is(wordEnd, "'"), wordEnd - cursor < maximumWord { wordEnd += 1 }
            if text.is(wordEnd, "."), wordEnd - cursor <= 2 { wordEnd += 1 }
            cursor = wordEnd
            if text.is(cursor, ",") { break }
            guard word < 2, text.isSpace(cursor) else { return nil }
            cursor += 1
        }
        guard text.is(cursor, ","), text.isSpace(cursor + 1), states.contains(text.string(cursor + 2, cursor + 4)), text.isSpace(cursor + 4) else { return nil }
        var zip = cursor + 5
        let zipStart = zip
        while text.isDigit(zip) { zip += 1 }
        guard zip - zipStart == 5 else { return nil }
        if text.is(zip, "-"), (1...4).allSatisfy({ text.isDigit(zip + $0) }) { zip += 5 }
        return text.isAlphanumeric(zip) ? nil : zip
    }

    /// Irish and British addresses read back from their postcode (`H91 DHF9`, `YO31 5QF`) or Dublin
    /// district: the lines or comma-separated parts before it that are made of capitalized words,
    /// numbers and particles (`Cois Farraige, Bóthar na Trá, Salthill, Galway, H91 DHF9`,
    /// `93 Elm Close⏎Fulford⏎YORK⏎YO31 5QF`), up to a part that starts with a house number, at most
    /// six parts. A part with a title or `c/o`, or one that is a given name and a surname, is the
    /// addressee and stays out; so does anything after a label (`Address:`).
    private static func linesBeforePostcodes(in text: ScalarText) -> [Detection] {
        var found: [Detection] = []
        var index = 0
        while index < text.count {
            guard !text.isAlphanumeric(index - 1), let end = eircode(text, index) ?? ukPostcode(text, index) ?? dublinDistrict(text, index) else {
                index += 1
                continue
            }
            if let start = partsBefore(text, index), start < index { found.append(Detection(type: .address, start: start, end: end, priority: DetectionPriority.address)) }
            index = end
        }
        return found
    }

    /// `Dublin 14` at `start` after `, `: its end.
    private static func dublinDistrict(_ text: ScalarText, _ start: Int) -> Int? {
        guard start >= 2, text.is(start - 2, ","), text.lowercasedMatches(dublin, at: start), text.isUpper(start), text.isDigit(start + dublin.count) else { return nil }
        var end = start + dublin.count + 1
        if text.isDigit(end) { end += 1 }
        if text.is(end, "W") { end += 1 }
        return text.isAlphanumeric(end) ? nil : end
    }

    /// Where the address parts before a postcode at `anchor` start, or nil when none qualifies.
    private static func partsBefore(_ text: ScalarText, _ anchor: Int) -> Int? {
        var start = anchor, cursor = anchor, parts = 0, numbered = false
        while parts < 6 {
            // The break before `cursor`: spaces, a comma, line breaks.
            var partEnd = cursor
            while partEnd > 0, text.isWhitespace(partEnd - 1) || text.is(partEnd - 1, ",") { partEnd -= 1 }
            guard partEnd < cursor else { break }
            // The part: back to the previous comma or line break.
            var partStart = partEnd
            while partStart > 0, partEnd - partStart < 64, !text.is(partStart - 1, ","), text.isSpace(partStart - 1) || !text.isWhitespace(partStart - 1) {
                partStart -= 1
            }
            // A long part counts only for its last words, the house name before a numbered part.
            guard partEnd > partStart, numbered || partEnd - partStart < 64 else { break }
            // The part's words from its end back; the first that is no address word ends the address there.
            var spans: [(start: Int, end: Int)] = []
            var position = partStart
            while position < partEnd {
                while position < partEnd, text.isSpace(position) { position += 1 }
                let wordStart = position
                while position < partEnd, !text.isSpace(position) { position += 1 }
                if position > wordStart { spans.append((wordStart, position)) }
            }
            let words = spans.map { text.string($0.start, $0.end) }
            guard !words.contains(where: { addresseeWords.contains($0.lowercased()) }), !isAddressee(words) else { break }
            // Before the part with the house number, only a house name or a flat (`The Old Bakery`, `Rose Cottage`, `Flat 2/1`).
            if numbered {
                // The house name is the end of its part (`at Young's (Rose Cottage`, `to her: Flat 2/1`).
                for count in stride(from: min(4, words.count), through: 1, by: -1) {
                    let first = spans.count - count
                    let opensBracket = text.is(spans[first].start, "(")
                    var house = Array(words.suffix(count))
                    if opensBracket { house[0].removeFirst() }
                    if isHousePart(house) {
                        start = spans[first].start + (opensBracket ? 1 : 0)
                        break
                    }
                }
                break
            }
            let kept = words.reversed().prefix(while: isAddressWord).count
            // A date with its year is no part of an address (`date of birth 2 February 1975, of 9 Larkspur Close`).
            let keptWords = words.suffix(kept)
            let holdsDate = zip(keptWords, keptWords.dropFirst()).contains { month, year in
                monthAbbreviations.contains(month.lowercased().trimmingCharacters(in: .punctuationCharacters)) && year.count == 4 && year.allSatisfy(\.isNumber)
            }
            guard kept > 0, !holdsDate else { break }
            start = spans[spans.count - kept].start
            parts += 1
            // A flat opens the address: before it stands the addressee (`Harriet Palmer, Studio 61W, Smith Bridge, …`).
            if kept < words.count || units.contains(words[words.count - kept].lowercased()) { break }
            numbered = text.isDigit(start)
            cursor = partStart
        }
        guard parts >= 2 || parts == 1 && text.isDigit(start) else { return nil }
        // A lowercase particle opening the first part is the sentence's (`…, of 9 Larkspur Close`), not the address's.
        var first = start
        while text.isLetter(first), !text.isUpper(first) {
            var wordEnd = first
            while text.isLetter(wordEnd), wordEnd - first < maximumWord { wordEnd += 1 }
            guard text.isSpace(wordEnd) else { break }
            first = wordEnd + 1
        }
        return first < anchor ? first : start
    }

    /// Whether an address part names a house or a flat: up to four capitalized words with a house word
    /// (`The Old Rectory`, `Rose Cottage`), or a unit and its number (`Flat 2/1`, `Apt 13`, `Basement Flat`).
    private static func isHousePart(_ words: [String]) -> Bool {
        guard (1...4).contains(words.count), let first = words.first?.lowercased() else { return false }
        if units.contains(first) || first == "basement" || first == "apartment" { return words.count <= 3 }
        // A number may open it (`2 Mill Cottages`).
        let named = words.first?.allSatisfy(\.isNumber) == true ? words.dropFirst() : words[...]
        return !named.isEmpty && named.allSatisfy { $0.first?.isUppercase == true } && named.contains { houseWords.contains($0.lowercased()) }
    }

    /// Words of an address part: capitalized words (`Sráid`, `Brigid's`, `YORK`), numbers (`34`, `4B`), particles.
    private static func isAddressWord(_ word: String) -> Bool {
        guard let first = word.unicodeScalars.first else { return false }
        if addressParticles.contains(word) { return true }
        if first.properties.isUppercase { return !word.contains(":" as Character) && !addressLabels.contains(word.lowercased()) }
        return CharacterSet.decimalDigits.contains(first) && word.count <= 5 && !word.contains(":" as Character)
    }

    /// Whether an address part names a person (`Ciara Nolan`): a given name and a listed surname or second given name, no
    /// digit, no street word (`Little Snoring` is a village).
    private static func isAddressee(_ words: [String]) -> Bool {
        guard (2...3).contains(words.count), NameLexicon.isAnyGivenName(words[0]), !placePrefixes.contains(words[0].lowercased()),
              let last = words.last, NameLexicon.isSurname(last) || NameLexicon.isAnyGivenName(last) else { return false }
        return !words.contains {
            englishTypes.contains($0.lowercased()) || uspsTypes.contains($0.lowercased()) || houseWords.contains($0.lowercased())
                || $0.unicodeScalars.contains { CharacterSet.decimalDigits.contains($0) }
        }
    }
    /// First words of places named after a person (`South Lauren`, `North James`, `Port Isaac`).
    private static let placePrefixes: Set<String> = ["north", "south", "east", "west", "upper", "lower", "new", "old", "great", "little",
                                                     "lake", "port", "mount", "st", "saint", "fort", "glen", "bishops"]

    /// Words of house names (`Rose Cottage`, `Ivy House`), which are no addressee.
    private static let houseWords: Set<String> = ["cottage", "house", "lodge", "farm", "villa", "manor", "mill", "forge", "barn", "hall", "cabin",
                                                  "bungalow", "haus", "hof", "bakery", "rectory", "vicarage", "stables", "croft", "grange", "schoolhouse",
                                                  "cottages", "houses", "farmhouse", "mews"]

    /// Words that label an address rather than belong to it (`Address 2 Kingsway, …`).
    private static let addressLabels: Set<String> = ["address", "adresse", "anschrift", "lieferadresse", "postanschrift", "delivery", "sender", "absender"]

    private static let addressParticles: Set<String> = ["na", "an", "de", "le", "of", "on", "upon", "the", "nan", "mac", "Co.", "St", "St."]
    private static let addresseeWords: Set<String> = ["mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "herr", "frau", "c/o", "attn", "attn:"]

    /// Where `70176 Stuttgart, ` starts when it stands right before a street at `start` (the postcode first), or nil. The
    /// postcode has four digits in Austria and Switzerland, and the city may have two words (`6716 St. Pölten, Im Winkel 2`).
    private static func postcodeAndCityStart(_ text: ScalarText, before start: Int) -> Int? {
        guard text.isSpace(start - 1), text.is(start - 2, ",") else { return nil }
        var cityStart = start - 2
        for word in 0..<2 {
            var wordEnd = cityStart
            if word > 0 {
                guard text.isSpace(cityStart - 1) else { break }
                wordEnd = text.is(cityStart - 2, ".") ? cityStart - 2 : cityStart - 1
            }
            var wordStart = wordEnd
            while wordStart > 0, text.isLetter(wordStart - 1) || text.is(wordStart - 1, "-"), wordEnd - wordStart < maximumWord { wordStart -= 1 }
            guard wordStart < wordEnd, text.isUpper(wordStart) else {
                if word == 0 { return nil }
                break
            }
            cityStart = wordStart
            if text.isSpace(cityStart - 1), text.isDigit(cityStart - 2) { break }
        }
        guard text.isSpace(cityStart - 1) else { return nil }
        var codeStart = cityStart - 1
        while codeStart > 0, text.isDigit(codeStart - 1), cityStart - codeStart <= 6 { codeStart -= 1 }
        guard [4, 5].contains(cityStart - 1 - codeStart), !text.isAlphanumeric(codeStart - 1) else { return nil }
        return text.is(codeStart - 1, "-") && text.is(codeStart - 2, "D") && !text.isLetter(codeStart - 3) ? codeStart - 2 : codeStart
    }

    /// Places with a number that are no address (`Parkplatz 3`, `Arbeitsplatz 12`).
    private static let notStreets: Set<String> = ["parkplatz", "stellplatz", "sitzplatz", "arbeitsplatz", "spielplatz", "sportplatz", "zeltplatz",
                                                  "campingplatz", "tabellenplatz", "ring", "weg", "platz"]

    /// End of `Straßenname 12a` starting at `start` (in chat also `schillerstr 14`).
    private static func german(_ text: ScalarText, _ start: Int) -> Int? {
        guard text.isUpper(start) || lowercaseStreet(text, start) else { return nil }
        var firstEnd = start
        while text.isLetter(firstEnd), firstEnd - start < maximumWord { firstEnd += 1 }
        if notStreets.contains(text.string(start, firstEnd).lowercased()), !text.is(firstEnd, "-") { return nil }
        var cursor = start
        var streetEnd: Int?
        for _ in 0..<4 {
            var wordEnd = cursor
            while text.isLetter(wordEnd) || text.is(wordEnd, "-") || text.is(wordEnd, "ß"), wordEnd - cursor < maximumWord { wordEnd += 1 }
            if text.is(wordEnd, ".") { wordEnd += 1 }
            guard wordEnd > cursor else { break }
            if text.initial(wordEnd - 1, in: suffixEndings) || text.is(wordEnd - 1, "."),
               suffixes.contains(where: { $0.count <= wordEnd - cursor && text.lowercasedMatches($0, at: wordEnd - $0.count) }),
               // `Best.` abbreviates an order (`Rückerstattung Best. 3318-2291`), not a street.
               !(wordEnd - cursor == 5 && text.lowercasedMatches(orderAbbreviation, at: cursor)) {
                streetEnd = wordEnd
                break
            }
            if text.initial(wordEnd - 1, in: suffixEndings),
               compoundSuffixes.contains(where: { $0.count < wordEnd - cursor && text.lowercasedMatches($0, at: wordEnd - $0.count) }),
               !compoundsNoStreet.contains(text.string(cursor, wordEnd).lowercased()), !(start..<cursor).contains(where: { text.is($0, ".") }) {
                // Not a measure (`Regalhöhe 1,80 m`).
                guard let end = houseNumberEnd(text, wordEnd), !text.isDigit(wordEnd + 4), !(text.is(end, ",") && text.isDigit(end + 1)) else { return nil }
                return end
            }
            guard wordEnd - cursor <= 4, text.initial(start, in: prefixInitials) else {
                guard text.isSpace(wordEnd) || text.is(wordEnd, "-") else { break }
                guard continuesStreetName(text, cursor, wordEnd) else { break }
                cursor = wordEnd + 1
                continue
            }
            let word = text.string(cursor, wordEnd).lowercased()
            let phrase = text.string(start, wordEnd).lowercased()
            if cursor == start, !prefixes.contains(where: { $0.hasPrefix(word) }) && word.count > 20 { return nil }
            if prefixes.contains(phrase), text.isSpace(wordEnd), text.isUpper(wordEnd + 1) {
                var nameEnd = wordEnd + 1
                while text.isLetter(nameEnd) || text.is(nameEnd, "-") { nameEnd += 1 }
                // Up to two more capitalized words before the house number (`Zur Alten Mühle 12a`, `Am Grünen Weg 4`).
                var probe = nameEnd
                for _ in 0..<2 where text.isSpace(probe) && text.isUpper(probe + 1) {
                    probe += 1
                    while text.isLetter(probe) || text.is(probe, "-"), probe - nameEnd < maximumWord { probe += 1 }
                    if text.isSpace(probe), text.isDigit(probe + 1) { nameEnd = probe; break }
                }
                streetEnd = nameEnd
                break
            }
            guard text.isSpace(wordEnd) || text.is(wordEnd, "-") else { break }
            cursor = wordEnd + 1
        }
        guard let streetEnd else { return nil }
        return houseNumberEnd(text, streetEnd)
    }

    /// Whether a lowercase word at `start` ends in `straße`/`strasse`/`str`/`str.` and a house number follows.
    private static func lowercaseStreet(_ text: ScalarText, _ start: Int) -> Bool {
        guard text.isLetter(start), !text.isLetter(start - 1) else { return false }
        var end = start
        while text.isLetter(end) || text.is(end, "-"), end - start < maximumWord { end += 1 }
        if text.is(end, ".") { end += 1 }
        return lowercaseSuffixes.contains { $0.count < end - start && text.lowercasedMatches($0, at: end - $0.count) } && text.isSpace(end) && text.isDigit(end + 1)
    }

    private static func houseNumberEnd(_ text: ScalarText, _ streetEnd: Int) -> Int? {
        var cursor = streetEnd
        guard text.isSpace(cursor) else { return nil }
        cursor += 1
        let numberStart = cursor
        while text.isDigit(cursor), cursor - numberStart < 4 { cursor += 1 }
        guard cursor > numberStart else { return nil }
        if text.isASCIILetter(cursor), !text.isLetter(cursor + 1) { cursor += 1 }
        // `81 c`: a lowercase letter standing alone after the number; also ending a sentence (`Uhlandstr. 45 a.`), but not an
        // abbreviation (`5 u. 6`, `a. d. Donau`).
        else if text.isSpace(cursor), text.isASCIILetter(cursor + 1), !text.isUpper(cursor + 1), !text.isAlphanumeric(cursor + 2),
                !text.is(cursor + 2, ".") || houseLetterEndsSentence(text, cursor + 1) { cursor += 2 }
        if text.is(cursor, "-"), text.isDigit(cursor + 1) { cursor += 1; while text.isDigit(cursor) { cursor += 1 } }
        // Staircase and door in Austria: `88/2/14`.
        for _ in 0..<3 where text.is(cursor, "/") && text.isDigit(cursor + 1) {
            cursor += 1
            while text.isDigit(cursor) { cursor += 1 }
        }
        return text.isDigit(cursor) ? nil : cursor
    }

    /// Whether the letter at `index` (`a` to `h`, then a dot) ends a sentence: the text, a line or a sentence starts after it.
    private static func houseLetterEndsSentence(_ text: ScalarText, _ index: Int) -> Bool {
        guard let letter = Unicode.Scalar(text[index]), ("a"..."h").contains(letter), text.is(index + 1, ".") else { return false }
        let after = index + 2
        return after >= text.count || text.is(after, "\n") || text.isSpace(after) && (after + 1 >= text.count || text.isUpper(after + 1) && !text.is(after + 2, "."))
    }

    /// A street without a telling suffix (`Rosenhang 27`, `An der Alten Ziegelei 41`) counts when a
    /// five-digit postcode and a city follow it (after `, `, a line break or ` in `): returns the street's end.
    private static func streetBeforePostcode(_ text: ScalarText, _ start: Int) -> Int? {
        // A flat is no street (`Flat 3, 9902 Wang Falls`: an English street follows, not a postcode).
        guard text.isUpper(start), unitEnd(text, start) == nil else { return nil }
        var cursor = start
        for _ in 0..<5 {
            var wordEnd = cursor
            while text.isLetter(wordEnd) || text.is(wordEnd, "-"), wordEnd - cursor < maximumWord { wordEnd += 1 }
            guard wordEnd > cursor, text.isSpace(wordEnd) else { return nil }
            if text.isDigit(wordEnd + 1), let number = houseNumberEnd(text, wordEnd) {
                var probe = number
                for _ in 0..<3 { probe = floorEnd(text, probe) ?? probe }
                probe = separatorEnd(text, probe)
                if text.lowercasedMatches(inWord, at: probe) { probe += inWord.count - 1 }
                guard text.isWhitespace(probe) else { return nil }
                probe = countryPrefixEnd(text, probe + 1)
                let code = probe
                while text.isDigit(probe) { probe += 1 }
                // Five digits (Germany), or four (Austria, Switzerland) before a capitalized city; without a
                // country prefix, four digits that read as a year (`Kapitel 7, 2024 Berlin`) are no postcode.
                let year = text.is(code, "1") && text.is(code + 1, "9") || text.is(code, "2") && text.is(code + 1, "0")
                let fourDigits = probe - code == 4 && text.isUpper(probe + 1) && (!year || text.is(code - 1, "-"))
                guard probe - code == 5 || fourDigits, text.isSpace(probe), text.isLetter(probe + 1) else { return nil }
                return number
            }
            guard continuesStreetName(text, cursor, wordEnd) else { return nil }
            cursor = wordEnd + 1
        }
        return nil
    }

    /// Whether a street's name goes on after its word from `start` to `end` (a space at `end`): a street's
    /// words are capitalized, but for its articles and prepositions (`An der Alten Ziegelei`) and an
    /// adjective after a preposition or article (`Zur alten Mühle`, `Am langen Acker`).
    private static func continuesStreetName(_ text: ScalarText, _ start: Int, _ end: Int) -> Bool {
        // A possessive is no part of a street's name (`Mitarbeiterin Iris seine Adresse Heserallee 12`).
        if possessives.contains(where: { $0.count == end - start && text.lowercasedMatches($0, at: start) }) { return false }
        let next = end + 1
        if text.isUpper(next) || streetJoiners.contains(where: { text.lowercasedMatches($0, at: next) && !text.isLetter(next + $0.count) }) { return true }
        guard adjectiveOpeners.contains(where: { $0.count == end - start && text.lowercasedMatches($0, at: start) }), text.isLetter(next) else { return false }
        var adjectiveEnd = next
        while text.isLetter(adjectiveEnd), adjectiveEnd - next < maximumWord { adjectiveEnd += 1 }
        return adjectiveEnd - next >= 4 && (text.is(adjectiveEnd - 2, "e") && (text.is(adjectiveEnd - 1, "n") || text.is(adjectiveEnd - 1, "r")))
            && text.isSpace(adjectiveEnd) && text.isUpper(adjectiveEnd + 1)
    }
    private static let possessives = ScalarText.lowercased(["seine", "seinen", "ihre", "ihren", "meine", "meinen", "deine", "deinen", "unsere", "unseren",
                                                            "eure", "euren"])
    /// Words after which a street's name may go on with a lowercase adjective (`Zur alten Mühle`, `An der langen Wand`).
    private static let adjectiveOpeners = ScalarText.lowercased(["zur", "zum", "am", "im", "auf", "unter", "hinter", "vor", "beim", "der", "den", "dem"])

    /// Words that say an address follows (`Adresse Wiesengrund 59`, `lives at Kestrel Rise 4`).
    private static let addressCues = ScalarText.lowercased(["lieferadresse", "rechnungsadresse", "wohnadresse", "adresse", "anschrift", "wohnhaft",
                                                            "wohnt", "home address", "delivery address", "shipping address", "billing address",
                                                            "address", "lives at", "living at", "resides at", "wohne", "wohnen", "absender",
                                                            "absenderin"])
    private static let addressCueInitials = ScalarText.letterMask("larwhdsba")
    /// Lowercase words after an address cue that are no street (`ich wohne seit 5 Jahren`, `wohne knapp 3 km weg`).
    private static let notChatStreetWords: Set<String> = ["seit", "schon", "bereits", "knapp", "etwa", "circa", "fast", "über", "ueber", "mehr",
                                                      "genau", "jetzt", "nur", "noch", "erst", "ungefähr", "rund", "since", "about", "for", "only",
                                                      "still", "now", "currently", "probably", "around", "almost", "nearly", "over", "under"]
    /// Fillers that open a street's name when capitalized (`Anschrift Im Winkel 71`, `wohnt In der Au 5`).
    private static let capitalizedStreetOpeners = ScalarText.lowercased(["im", "in"])
    /// Words between an address cue and the street (`Adresse ist jetzt …`, `wohnt in der …`).
    private static let addressFillers = ScalarText.lowercased(["ist", "lautet", "jetzt", "neu", "neue", "is", "now", "new", "in", "der", "im", "at"])

    /// A street without a telling suffix after an address cue: up to four words, the first
    /// capitalized, then a house number. Returns where the street starts and ends.
    private static func streetAfterCue(_ text: ScalarText, _ start: Int) -> (start: Int, end: Int)? {
        guard text.isLetter(start), text.initial(start, in: addressCueInitials),
              let cue = addressCues.first(where: { text.lowercasedMatches($0, at: start) && !text.isLetter(start + $0.count) }) else { return nil }
        var cursor = start + cue.count
        for _ in 0..<3 {
            while text.isSpace(cursor) || text.is(cursor, ":") { cursor += 1 }
            guard let filler = addressFillers.first(where: { text.lowercasedMatches($0, at: cursor) && !text.isLetter(cursor + $0.count) }),
                  !(text.isUpper(cursor) && Self.capitalizedStreetOpeners.contains(filler)) else { break }
            cursor += filler.count
        }
        while text.isSpace(cursor) || text.is(cursor, ":") { cursor += 1 }
        // The house number first (`Lives at 7 Kingsway`, `address 12 Elm Grove`): a number and one to three capitalized words.
        if text.isDigit(cursor) {
            if let end = english(text, unitBeforeStreet(text, cursor) ?? cursor) { return (cursor, end) }
            var end = cursor
            while text.isDigit(end), end - cursor < 5 { end += 1 }
            if text.isASCIILetter(end), !text.isLetter(end + 1) { end += 1 }
            var words = 0
            while words < 3, text.isSpace(end), text.isUpper(end + 1) {
                var wordEnd = end + 1
                while text.isLetter(wordEnd) || text.is(wordEnd, "'") || text.is(wordEnd, "-"), wordEnd - end < maximumWord { wordEnd += 1 }
                end = wordEnd
                words += 1
            }
            return words > 0 && !text.isAlphanumeric(end) ? (cursor, end) : nil
        }
        // In chat, one lowercase word and a house number (`ich wohne jetzt uferzeile 54`).
        if text.isLetter(cursor), !text.isUpper(cursor) {
            var wordEnd = cursor
            while text.isLetter(wordEnd) || text.is(wordEnd, "-"), wordEnd - cursor < maximumWord { wordEnd += 1 }
            guard wordEnd - cursor >= 5, !notChatStreetWords.contains(text.string(cursor, wordEnd)), text.isSpace(wordEnd), text.isDigit(wordEnd + 1) else { return nil }
            return houseNumberEnd(text, wordEnd).map { (cursor, $0) }
        }
        guard text.isUpper(cursor) else { return nil }
        let streetStart = cursor
        for _ in 0..<4 {
            var wordEnd = cursor
            while text.isLetter(wordEnd) || text.is(wordEnd, "-") || text.is(wordEnd, "."), wordEnd - cursor < maximumWord { wordEnd += 1 }
            guard wordEnd > cursor, text.isSpace(wordEnd) else { return nil }
            if text.isDigit(wordEnd + 1) { return houseNumberEnd(text, wordEnd).map { (streetStart, $0) } }
            guard continuesStreetName(text, cursor, wordEnd) else { return nil }
            cursor = wordEnd + 1
        }
        return nil
    }

    /// Where the house number starts after a flat before it (`Flat 2, 138A Hope Street`, `Apt 4 - 12 Elm St`), or nil.
    private static func unitBeforeStreet(_ text: ScalarText, _ start: Int) -> Int? {
        // The street may follow on the next line (`apartment 11⏎28 beechwood court`).
        guard let cursor = unitsEnd(text, start), text.isSpace(cursor) || text.is(cursor, "\n"), text.isDigit(cursor + 1) else { return nil }
        return cursor + 1
    }

    /// End of a flat at `start`, or of two in a row (`Apt 4B, Flat 68`).
    private static func unitsEnd(_ text: ScalarText, _ start: Int) -> Int? {
        guard let first = unitEnd(text, start) else { return nil }
        if text.isSpace(first), let second = unitEnd(text, first + 1) { return second }
        return first
    }

    /// End of a flat and a street's name without a house number after it (`Flat 27, Thomas Shoal`, `Studio 97, Brandon Mountain`),
    /// also on the next line (`Studio 9⏎Gordon Square`): two or three capitalized words, the last a street type.
    private static func streetNameAfterUnit(_ text: ScalarText, _ start: Int) -> Int? {
        guard let unit = unitsEnd(text, start), text.isSpace(unit) || text.is(unit, "\n") else { return nil }
        var cursor = unit
        for wordsRead in 1...3 {
            guard text.isSpace(cursor) || wordsRead == 1, text.isUpper(cursor + 1), let next = word(text, cursor + 1) else { return nil }
            cursor = next.end
            let lower = next.text.lowercased()
            if wordsRead > 1, englishTypes.contains(lower) || uspsTypes.contains(lower) { return cursor }
        }
        return nil
    }

    /// End of a flat and its number at `start`, with a comma and a building after them (`Flat 12, Riverside House,`), or nil.
    private static func unitEnd(_ text: ScalarText, _ start: Int) -> Int? {
        // Compared as scalars: this runs at every word that opens like a flat.
        guard text.initial(start, in: unitInitials),
              let unit = unitWords.first(where: { text.lowercasedMatches($0, at: start) && !text.isLetter(start + $0.count) }) else { return nil }
        // `Apt. 896`: an abbreviation keeps its dot.
        let unitEnd = text.is(start + unit.count, ".") ? start + unit.count + 1 : start + unit.count
        guard text.isSpace(unitEnd), text.isAlphanumeric(unitEnd + 1) else { return nil }
        var cursor = unitEnd + 1
        let numberStart = cursor
        while text.isAlphanumeric(cursor), cursor - numberStart < 6 { cursor += 1 }
        guard text.isDigit(numberStart) || text.isDigit(cursor - 1) else { return nil }
        // `Flat 12 (4th floor), …`
        if text.isSpace(cursor), text.is(cursor + 1, "("), let closing = (cursor + 2..<min(text.count, cursor + 24)).first(where: { text.is($0, ")") }) {
            cursor = closing + 1
        }
        if text.is(cursor, ",") { cursor += 1 }
        // A building between flat and number: `Flat 12, Riverside House, 40 Quay Street`.
        if text.isSpace(cursor), text.isUpper(cursor + 1), let building = buildingEnd(text, cursor + 1), text.is(building, ",") {
            cursor = building + 1
        }
        return cursor
    }

    /// Whether a flat and its number stand right before the house number at `start` (`Apt. 896, 661 Wheeler Ports`).
    private static func flatBefore(_ text: ScalarText, _ start: Int) -> Bool {
        var cursor = start - 1
        while text.isSpace(cursor) || text.is(cursor, ",") { cursor -= 1 }
        let numberEnd = cursor
        while text.isAlphanumeric(cursor), numberEnd - cursor < 6 { cursor -= 1 }
        guard cursor < numberEnd, text.isDigit(cursor + 1) || text.isDigit(numberEnd), text.isSpace(cursor) else { return false }
        cursor -= 1
        if text.is(cursor, ".") { cursor -= 1 }
        let wordEnd = cursor + 1
        while text.isLetter(cursor) { cursor -= 1 }
        return wordEnd > cursor + 1 && units.contains(text.string(cursor + 1, wordEnd).lowercased())
    }

    /// The words of `units`, lowercase scalars.
    private static let unitWords = ScalarText.lowercased(units.filter { $0.first?.isLetter == true })
    /// First letters of `units`, to pass over other words without building a string.
    private static let unitInitials = ScalarText.letterMask("asufr")

    /// Words that end a building's name.
    private static let buildingTypes: Set<String> = ["house", "court", "building", "mansions", "lodge", "tower", "heights", "hall", "point",
                                                     "apartments", "cottage", "farm", "villas", "works", "mill", "centre", "center", "haus", "hof"]

    /// End of up to three capitalized words at `start` ending in a building type (`Kingfisher Court`), or nil.
    private static func buildingEnd(_ text: ScalarText, _ start: Int) -> Int? {
        var cursor = start
        for _ in 0..<3 {
            guard text.isUpper(cursor), let word = word(text, cursor) else { return nil }
            if buildingTypes.contains(word.text.lowercased()), cursor > start { return word.end }
            guard text.isSpace(word.end) else { return nil }
            cursor = word.end + 1
        }
        return nil
    }

    /// End of a US military address at `start`: a unit and box (`PSC 7821, Box 7353`, `Unit 2050 Box 4190`, also alone) or a
    /// ship (`USNS Roach`), then on the same or the next line `APO`, `FPO` or `DPO`, `AA`/`AE`/`AP` and a ZIP; or that last part alone.
    private static func military(_ text: ScalarText, _ start: Int) -> Int? {
        func word(_ from: Int) -> (text: String, end: Int)? { Self.word(text, from) }
        func digits(_ from: Int, _ count: ClosedRange<Int>) -> Int? {
            var end = from
            while text.isDigit(end), end - from <= count.upperBound { end += 1 }
            return count.contains(end - from) && !text.isAlphanumeric(end) ? end : nil
        }
        /// `APO AE 09012` at `from`: its end.
        func postOffice(_ from: Int) -> Int? {
            guard let office = word(from), ["APO", "FPO", "DPO"].contains(office.text), text.isSpace(office.end),
                  let region = word(office.end + 1), ["AA", "AE", "AP"].contains(region.text), text.isSpace(region.end) else { return nil }
            return digits(region.end + 1, 5...5)
        }
        /// Past `, ` or a line break between the parts.
        func partBreak(_ from: Int) -> Int? {
            if text.is(from, ","), text.isWhitespace(from + 1) { return from + 2 }
            return text.isWhitespace(from) ? from + 1 : nil
        }
        // Every form opens with one of these capitals (`PSC`, `CMR`, `Unit`, `USNS`, `APO`, `FPO`, `DPO`).
        guard text.isUpper(start), text.initial(start, in: militaryInitials), let first = word(start) else { return nil }
        if let end = postOffice(start) { return end }
        if ["PSC", "CMR", "Unit"].contains(first.text), text.isSpace(first.end), let number = digits(first.end + 1, 1...5) {
            let comma = text.is(number, ",") ? number + 1 : number
            guard text.isSpace(comma), let box = word(comma + 1), box.text == "Box", text.isSpace(box.end), let boxNumber = digits(box.end + 1, 1...5) else { return nil }
            return partBreak(boxNumber).flatMap(postOffice) ?? boxNumber
        }
        guard ["USNS", "USNV", "USS", "USCGC"].contains(first.text), text.isSpace(first.end), text.isUpper(first.end + 1), let ship = word(first.end + 1) else { return nil }
        return partBreak(ship.end).flatMap(postOffice)
    }

    private static let militaryInitials = ScalarText.letterMask("pcuafd")

    /// `Postfach 12 34`, `PO Box 1234`, `Packstation 123` (with `, Postnummer 12345678`): where people receive mail.
    private static func postBox(_ text: ScalarText, _ start: Int) -> Int? {
        guard text.isUpper(start), let cue = postBoxCues.first(where: { text.lowercasedMatches($0, at: start) }), text.isSpace(start + cue.count),
              text.isDigit(start + cue.count + 1) else { return nil }
        var end = start + cue.count + 1
        while text.isDigit(end) || (text.isSpace(end) && text.isDigit(end + 1)), end - start < 40 { end += 1 }
        if text.lowercasedMatches(postNumber, at: end) {
            var cursor = end + postNumber.count
            let digitsStart = cursor
            while text.isDigit(cursor), cursor - digitsStart < 12 { cursor += 1 }
            if cursor - digitsStart >= 6 { end = cursor }
        }
        return end
    }

    private static let postBoxCues = ScalarText.lowercased(["postfach", "po box", "p.o. box", "pob", "packstation", "postfiliale"])

    /// `Rue de la Paix 8`, `Via Roma 12`, `Calle Mayor 5`, `ul. Długa 3`: a street type before its name, then the number.
    private static func foreignStreet(_ text: ScalarText, _ start: Int) -> Int? {
        // Written with a capital (`Via Roma 5`), not the preposition (`verified via DOB 15th …`); an acronym is no street name.
        guard text.isUpper(start), let prefix = streetPrefixes.first(where: { text.lowercasedMatches($0, at: start) && text.isSpace(start + $0.count) })
        else { return nil }
        var cursor = start + prefix.count
        for _ in 0..<4 {
            guard text.isSpace(cursor), text.isLetter(cursor + 1), !(text.isUpper(cursor + 1) && text.isUpper(cursor + 2)) else { break }
            var wordEnd = cursor + 1
            while text.isLetter(wordEnd) || text.is(wordEnd, "'") || text.is(wordEnd, "-"), wordEnd - cursor < maximumWord { wordEnd += 1 }
            cursor = wordEnd
            if text.isSpace(cursor), text.isDigit(cursor + 1) { return houseNumberEnd(text, cursor) }
        }
        return nil
    }

    /// End of an Irish-language street after its house number (`39 Cnoc na Gréine`, `7 Bóthar an Chloichín`): a street
    /// type, then up to three capitalized words or particles, ending with a capitalized word.
    private static func irishStreetEnd(_ text: ScalarText, _ cursor: Int) -> Int? {
        guard text.isSpace(cursor), text.isUpper(cursor + 1), let type = word(text, cursor + 1),
              irishStreetTypes.contains(type.text.lowercased()) else { return nil }
        var end: Int?
        var position = type.end
        for _ in 0..<4 {
            guard text.isSpace(position), let next = word(text, position + 1) else { break }
            let isParticle = irishParticles.contains(next.text.lowercased())
            guard text.isUpper(position + 1) || isParticle else { break }
            position = next.end
            if !isParticle { end = position }
        }
        return end
    }

    /// End of a British street named with `The` after the house number (`86 The Willows`, `4 The Maltings, Ely`):
    /// a name that such streets take, ending the street (no capitalized word after it).
    private static func streetNamedThe(_ text: ScalarText, _ cursor: Int) -> Int? {
        guard text.isSpace(cursor), let article = word(text, cursor + 1), article.text == "The", text.isSpace(article.end),
              let name = word(text, article.end + 1), theStreetNames.contains(name.text.lowercased()),
              !(text.isSpace(name.end) && text.isUpper(name.end + 1)) else { return nil }
        return name.end
    }

    /// Names of British streets that go by `The …` alone.
    private static let theStreetNames: Set<String> = [
        "willows", "green", "crescent", "avenue", "close", "drive", "maltings", "paddocks", "paddock", "orchard", "orchards", "meadows", "spinney",
        "coppice", "chase", "glebe", "limes", "laurels", "beeches", "firs", "pines", "oaks", "elms", "grove", "square", "parade", "mall", "strand",
        "causeway", "ridgeway", "broadway", "rise", "hollow", "dell", "sidings", "cloisters", "mews", "courtyard", "downs", "uplands", "lawns",
        "gardens", "heights", "terrace", "walk", "links", "granary", "stables", "nurseries", "warren", "copse", "brambles", "hawthorns", "hollies",
        "poplars", "cedars", "sycamores", "larches", "rowans", "maples", "birches", "chestnuts", "leas", "crofts", "croft", "priory", "precinct",
        "quadrant", "quay", "wharf", "row", "lane", "street", "boulevard", "circus", "vale", "glade", "rookery", "shires", "fairway", "greenway",
    ]

    /// Irish street types that open the street's name (`Cnoc`, hill; `Bóthar`, road; `Sráid`, street).
    private static let irishStreetTypes: Set<String> = ["cnoc", "bóthar", "sráid", "ascaill", "lána", "páirc", "radharc", "ard", "gleann", "cúirt",
                                                        "plás", "céide", "corrán", "garrán", "bealach", "faiche", "cearnóg", "clós", "ráth", "bruach",
                                                        "coill", "cluain", "mainistir", "tulach", "baile"]
    /// Articles and particles inside Irish street names (`na`, `an`, `Mhic`); `word` reads letters only, so each is one word.
    private static let irishParticles: Set<String> = ["na", "an", "de", "dhá", "mhic", "uí", "ní", "ó"]

    private static let streetPrefixes = ScalarText.lowercased(["rue", "avenue", "boulevard", "via", "viale", "piazza", "calle", "avenida", "plaza", "rua",
                                                               "ul.", "ulica", "aleja", "straat", "laan", "plein"])

    /// End of `221b Baker Street`, `1600 Pennsylvania Ave NW`, `42 Elm St Apt 3B`: a house number,
    /// up to four capitalized words ending in a street type, a direction and a unit.
    private static func english(_ text: ScalarText, _ start: Int) -> Int? {
        guard text.isDigit(start) else { return nil }
        var cursor = start
        while text.isDigit(cursor), cursor - start < 6 { cursor += 1 }
        if text.is(cursor, "-"), text.isDigit(cursor + 1) { cursor += 1; while text.isDigit(cursor) { cursor += 1 } }
        if text.isASCIILetter(cursor), !text.isLetter(cursor + 1) { cursor += 1 }
        var streetEnd = irishStreetEnd(text, cursor) ?? streetNamedThe(text, cursor)
        var weakType = false
        // A USPS type right after a person's name that is no word, as US streets are named (`9138 Ivan Club`, `102 Joseph Views`), not `500 Bonus Points`.
        var namedForPerson = false
        var previousWord = ""
        var wordsRead = 0
        for _ in 0..<(streetEnd == nil ? 5 : 0) {
            guard text.isSpace(cursor), text.isUpper(cursor + 1) || text.isDigit(cursor + 1) else { break }
            let wordStart = cursor + 1
            var wordEnd = wordStart
            while text.isLetter(wordEnd) || text.isDigit(wordEnd) || (text.is(wordEnd, "'") || text.is(wordEnd, "’")) && text.isLetter(wordEnd + 1),
                  wordEnd - wordStart < maximumWord { wordEnd += 1 }
            let word = text.string(wordStart, wordEnd).lowercased()
            if text.is(wordEnd, ".") { wordEnd += 1 }
            cursor = wordEnd
            wordsRead += 1
            // A type word may name the street itself when another follows (`Park Ave`, `Hill Road`); right after the
            // number it is no street's end (`25 Dr. Oetker Pizza`: a title).
            // `Dr.` before a brand is its title (`3 Paletten Dr. Oetker`); after a street type it ends the street (`7244 Oak Hollow Dr. Tracking …`).
            if word == "dr", streetEnd == nil, text.is(cursor - 1, "."), text.isSpace(cursor), let next = self.word(text, cursor + 1), NameCues.isStopWord(next.text.lowercased()) { return nil }
            // A street of one word ending in `way` (`9 Kingsway`, `3B Broadway`), not a thing (`2 Gateway tickets`).
            if wordsRead == 1, streetEnd == nil, word.count >= 7, word.hasSuffix("way"), !notWayStreets.contains(word),
               !text.isSpace(cursor) || !text.isUpper(cursor + 1) {
                streetEnd = cursor
                break
            }
            // A USPS suffix ends the street unless a common type follows (`12 Lake Shore Drive`).
            if uspsTypes.contains(word), wordsRead > 1, streetEnd == nil {
                streetEnd = cursor
                weakType = true
                namedForPerson = wordsRead == 2 && (NameLexicon.isGivenName(previousWord) || NameLexicon.isPlainSurname(previousWord))
                    && !NameCues.isStopWord(previousWord) && !["points", "pts"].contains(word)
                continue
            }
            previousWord = word
            if englishTypes.contains(word), wordsRead > 1 || text.isSpace(cursor) && self.word(text, cursor + 1).map({ englishTypes.contains($0.text.lowercased()) }) ?? false {
                streetEnd = cursor
                weakType = false
                guard text.isSpace(cursor), let next = self.word(text, cursor + 1), text.isUpper(cursor + 1), englishTypes.contains(next.text.lowercased())
                else { break }
            }
        }
        guard var end = streetEnd else { return nil }
        // A dot after a whole word ends the sentence, not an abbreviation (`to 85 Foxglove Crescent. Lorenzo asked`, `3973 Juniper Bend.`).
        if text.is(end - 1, ".") {
            var wordStart = end - 1
            while text.isLetter(wordStart - 1) { wordStart -= 1 }
            if !streetAbbreviations.contains(text.string(wordStart, end - 1).lowercased()) { end -= 1 }
        }
        // A direction (`NW`) and a unit (`Apt 3B`, `Suite 200`, `#12`).
        if text.isSpace(end), let word = word(text, end + 1), directions.contains(word.text.lowercased()), text.isUpper(end + 1) { end = word.end }
        var probe = end
        var unitTaken = false
        if text.is(probe, ",") { probe += 1 }
        let unitEnd = text.is(probe + 1, "#") ? probe + 2 : word(text, probe + 1).flatMap { units.contains($0.text.lowercased()) ? $0.end : nil }
        if text.isSpace(probe) || text.is(probe, "\n"), let unitEnd {
            var cursor = unitEnd
            if text.is(cursor, ".") { cursor += 1 }
            if text.isSpace(cursor) { cursor += 1 }
            let numberStart = cursor
            while text.isAlphanumeric(cursor), cursor - numberStart < 6 { cursor += 1 }
            if cursor > numberStart, text.isDigit(numberStart) || text.isDigit(cursor - 1) { end = cursor; unitTaken = true }
        }
        guard !weakType || unitTaken || namedForPerson || flatBefore(text, start) || text.hasWordCue(englishAddressCues, before: start, window: 24)
                || townAfterComma(text, end) else { return nil }
        // `Apt 4B (5th floor)`
        if text.isSpace(end), text.is(end + 1, "("), let closing = (end + 2..<min(text.count, end + 20)).first(where: { text.is($0, ")") }),
           text.string(end + 2, closing).lowercased().hasSuffix("floor") {
            end = closing + 1
        }
        return end
    }

    /// Whether a town follows a street at `end` that vouches for a weak type word (`352 Hughes Bypass, East Charlie –`): a ZIP or
    /// postcode after it, or one to three capitalized words after a comma that end the clause.
    private static func townAfterComma(_ text: ScalarText, _ end: Int) -> Bool {
        let townEnd = extendWithEnglishCity(text, end)
        if (end..<townEnd).contains(where: text.isDigit) { return true }
        guard text.is(end, ","), text.isSpace(end + 1), text.isUpper(end + 2), townEnd > end + 2 else { return false }
        return townEnd >= text.count || text.is(townEnd, "\n") || text.isSpace(townEnd) && !text.isLetter(townEnd + 1)
            || clauseEnds.contains(where: { text.is(townEnd, $0) })
    }

    /// Words ending in `way` that are no street.
    private static let notWayStreets: Set<String> = ["gateway", "railway", "subway", "doorway", "hallway", "runway", "stairway", "giveaway",
                                                     "takeaway", "getaway", "halfway", "midway", "motorway", "highway", "airway", "speedway"]

    /// Street types that make lowercase words a street in chat (`14 larch close`, `41 kings rd`).
    private static let lowercaseTypes: Set<String> = ["street", "st", "road", "rd", "avenue", "ave", "lane", "ln", "close", "crescent",
                                                      "terrace", "drive", "court", "grove", "gardens", "blvd", "boulevard", "mews", "pl", "sq", "ct",
                                                      "cres"]
    /// Words before a type that make it no street (`so close`, `very close`).
    private static let notStreetWords: Set<String> = ["very", "so", "too", "quite", "pretty", "really", "is", "are", "was", "be", "and", "or", "the", "a"]

    /// End of an English address written in lowercase (`88 n maple st apt 4, edison nj 08817`, `41 kings rd, reading rg1 3ar`):
    /// a house number, up to three lowercase words ending in a street type, a unit, then a city with a state and ZIP or a postcode.
    private static func lowercaseEnglish(_ text: ScalarText, _ start: Int) -> Int? {
        // Not a day after its month (`Dec 24 stores close`).
        guard text.isDigit(start), !monthAbbreviations.contains(text.wordBefore(start).lowercased()) else { return nil }
        var cursor = start
        while text.isDigit(cursor), cursor - start < 5 { cursor += 1 }
        if text.isASCIILetter(cursor), !text.isLetter(cursor + 1) { cursor += 1 }
        var streetEnd: Int?
        var words = 0
        // A direction and a numbered street (`5921 w 14th street`).
        if text.isSpace(cursor), let direction = word(text, cursor + 1), directions.contains(direction.text), text.isSpace(direction.end),
           let ordinal = ordinalEnd(text, direction.end + 1) {
            cursor = ordinal
            words = 1
        }
        while words < 4, text.isSpace(cursor), text.isLetter(cursor + 1), !text.isUpper(cursor + 1), let word = word(text, cursor + 1) {
            let lower = word.text.lowercased()
            if notStreetWords.contains(lower) { return nil }
            cursor = word.end
            words += 1
            // Any USPS type when a unit follows (`28614 rachel flats suite 792`).
            if lowercaseTypes.contains(lower) || uspsTypes.contains(lower) && unitFollows(text, cursor), words >= 2 { streetEnd = cursor; break }
        }
        guard var end = streetEnd, !text.isLetter(end) else { return nil }
        // A direction after the type (`28 peachtree rd ne #204`).
        if text.isSpace(end), let direction = word(text, end + 1), direction.text.count <= 2, directions.contains(direction.text),
           direction.text.count == 2 || !(text.isSpace(direction.end) && text.isLetter(direction.end + 1)) { end = direction.end }
        // `apt 4`, `flat 2b`, `#12`, also after a comma (`, unit 7`)
        let unitStart = text.isSpace(end) ? end + 1 : text.is(end, ",") && text.isSpace(end + 1) ? end + 2 : nil
        if let unitStart, let unit = word(text, unitStart), units.contains(unit.text.lowercased()) {
            // `apt. 12`: an abbreviation keeps its dot.
            let unitEnd = text.is(unit.end, ".") ? unit.end + 1 : unit.end
            if text.isSpace(unitEnd), text.isDigit(unitEnd + 1) {
                end = unitEnd + 1
                while text.isAlphanumeric(end), end - unitEnd < 6 { end += 1 }
            }
        } else if let unitStart, text.is(unitStart, "#"), text.isDigit(unitStart + 1) {
            end = unitStart + 1
            while text.isAlphanumeric(end), end - unitStart < 6 { end += 1 }
        }
        // `, edison nj 08817`, `, st. louis, mo 63104` or `, reading rg1 3ar`: up to three city words, then a state and ZIP or a postcode;
        // the comma may be missing (`8643 maple avenue seattle wa 98103`).
        // The city may open the next line (`5487 daniel street suite 401⏎emilymouth, ky 88117`).
        guard text.is(end, ",") && text.isSpace(end + 1) || text.isSpace(end) || text.is(end, "\n") else { return end }
        var probe = text.is(end, ",") ? end + 2 : end + 1
        for _ in 0..<3 {
            guard let city = word(text, probe), !text.isUpper(probe) || city.text.count > 2 else { break }
            // An abbreviation (`st.`, `ft.`) or the comma before the state may follow a city word.
            let gap = (text.is(city.end, ".") || text.is(city.end, ",")) && text.isSpace(city.end + 1) ? 1 : 0
            // An Irish or British postcode on the line after the town (`kilkenny⏎r95 w62y`).
            if text.is(city.end, "\n"), let code = lowercasePostcode(text, city.end + 1) { return code }
            guard text.isSpace(city.end + gap) else { break }
            let after = city.end + gap + 1
            if let code = lowercasePostcode(text, after) { return code }
            if let state = word(text, after), state.text.count == 2, states.contains(state.text.uppercased()), text.isSpace(state.end),
               (1...5).allSatisfy({ text.isDigit(state.end + $0) }), !text.isDigit(state.end + 6) {
                return state.end + 6
            }
            probe = after
        }
        return end
    }

    /// Whether a unit and its number follow `end` after a space (` suite 792`, ` apt 4`).
    private static func unitFollows(_ text: ScalarText, _ end: Int) -> Bool {
        guard text.isSpace(end), let unit = word(text, end + 1) else { return false }
        return units.contains(unit.text.lowercased()) && text.isSpace(unit.end) && text.isDigit(unit.end + 1)
    }

    /// End of an ordinal number at `start` (`14th`, `1st`, `2nd`, `3rd`), or nil.
    private static func ordinalEnd(_ text: ScalarText, _ start: Int) -> Int? {
        var cursor = start
        while text.isDigit(cursor), cursor - start < 3 { cursor += 1 }
        guard cursor > start, let suffix = word(text, cursor), ["st", "nd", "rd", "th"].contains(suffix.text.lowercased()) else { return nil }
        return suffix.end
    }

    /// End of the house number of a lowercase street opened by `am`/`im`/`zum` … in chat, before a postcode and a town
    /// (`am lindenhof 139 20095 hamburg`) or after an address or delivery cue (`lieferung an zur alten mühle 5`): the
    /// postcode or the cue vouches for the lowercase words.
    private static func lowercasePrefixedStreet(_ text: ScalarText, _ start: Int) -> Int? {
        guard text.initial(start, in: prefixInitials), !text.isUpper(start), !text.isLetter(start - 1),
              let prefix = prefixScalars.first(where: { text.lowercasedMatches($0, at: start) && text.isSpace(start + $0.count) }),
              !text.isUpper(start + prefix.count + 1), var name = word(text, start + prefix.count + 1) else { return nil }
        // An adjective before the name (`zur alten mühle 5`).
        if text.isSpace(name.end), text.isLetter(name.end + 1), let noun = word(text, name.end + 1), text.isSpace(noun.end), text.isDigit(noun.end + 1) {
            name = noun
        }
        guard text.isSpace(name.end), text.isDigit(name.end + 1), let number = houseNumberEnd(text, name.end) else { return nil }
        // Where the writer lives or wants delivery (`lieferadresse am lindenhof 47`, `lieferung an zur alten mühle 5`): no postcode needed.
        // The number ends the clause there (not `adresse am besten 2 mal prüfen`).
        // So may a word that confirms it (`adresse am hang 78b stimmt`).
        let confirmed = text.isSpace(number) && confirmingWords.contains { text.lowercasedMatches($0, at: number + 1) && !text.isLetter(number + 1 + $0.count) }
        if number >= text.count || !text.isSpace(number) && !text.isAlphanumeric(number) || confirmed,
           text.hasWordCue(addressCues, before: start, window: 24) || text.hasWordCue(deliveryCues, before: start, window: 16) { return number }
        // Otherwise a postcode and a town follow (`am lindenhof 139 20095 hamburg`, also after a comma).
        var code = text.is(number, ",") ? number + 1 : number
        guard text.isSpace(code) else { return nil }
        let codeStart = code + 1
        code = codeStart
        while text.isDigit(code), code - codeStart <= 5 { code += 1 }
        guard code - codeStart == 5, text.isSpace(code), text.isLetter(code + 1) else { return nil }
        return number
    }

    /// Words after a street that confirm it is the address (`… 78b stimmt`).
    private static let confirmingWords = ScalarText.lowercased(["stimmt", "passt", "ist korrekt", "ist richtig", "is correct", "is right"])

    /// Words before a lowercase street that send something there (`lieferung an zur alten mühle 5`).
    private static let deliveryCues = ScalarText.lowercased(["lieferung an", "liefern an", "geht an", "schicken an", "senden an", "paket an"])

    private static let monthAbbreviations: Set<String> = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
                                                           "january", "february", "march", "april", "june", "july", "august", "september",
                                                           "october", "november", "december"]

    /// End of a UK postcode in any case at `start` (`rg1 3ar`, `M1 1AE`).
    private static func lowercasePostcode(_ text: ScalarText, _ start: Int) -> Int? {
        guard text.isASCIILetter(start), !text.isAlphanumeric(start - 1) else { return nil }
        // An Eircode (`r95 w62y`): a letter, two digits, a space and four letters or digits, at least one a digit.
        if text.isDigit(start + 1), text.isDigit(start + 2) || text.is(start + 2, "w"), text.isSpace(start + 3),
           (start + 4..<start + 8).allSatisfy({ text.isDigit($0) || text.isASCIILetter($0) }), (start + 4..<start + 8).contains(where: text.isDigit),
           !text.isAlphanumeric(start + 8) {
            return start + 8
        }
        var cursor = start + 1
        if text.isASCIILetter(cursor) { cursor += 1 }
        guard text.isDigit(cursor) else { return nil }
        cursor += 1
        if text.isDigit(cursor) || text.isASCIILetter(cursor) { cursor += 1 }
        guard text.isSpace(cursor), text.isDigit(cursor + 1), text.isASCIILetter(cursor + 2), text.isASCIILetter(cursor + 3),
              !text.isAlphanumeric(cursor + 4) else { return nil }
        return cursor + 4
    }

    /// The letters or `#` word at `index`.
    private static func word(_ text: ScalarText, _ index: Int) -> (text: String, end: Int)? {
        var end = index
        while text.isLetter(end) { end += 1 }
        return end > index ? (text.string(index, end), end) : nil
    }

    /// Includes `, Springfield, IL 62704(-1234)` (US) or `, London NW1 6XE` (UK) after an English street.
    private static func extendWithEnglishCity(_ text: ScalarText, _ end: Int) -> Int {
        var cursor = end
        if text.is(cursor, ",") { cursor += 1 }
        guard text.isWhitespace(cursor) else { return end }
        cursor += 1
        // A postcode right after the street, then perhaps its town (`10 Cronelly Street P43 F7PX Athenry.`).
        if let code = eircode(text, cursor) ?? ukPostcode(text, cursor) { return townAfterPostcode(text, code) }
        // The city: up to three capitalized words.
        var cityEnd = cursor
        for _ in 0..<3 {
            guard text.isUpper(cityEnd) else { break }
            var wordEnd = cityEnd
            while text.isLetter(wordEnd) || text.is(wordEnd, "-") || text.is(wordEnd, "'"), wordEnd - cityEnd < maximumWord { wordEnd += 1 }
            // `St. Louis`, `Ft. Worth`: an abbreviation keeps its dot.
            if text.is(wordEnd, "."), wordEnd - cityEnd <= 2, text.isSpace(wordEnd + 1), text.isUpper(wordEnd + 2) { wordEnd += 1 }
            // The addressee after the street (`60 Foxglove Walk, Mr. Fairweather`) is no city.
            if titles.contains(text.string(cityEnd, wordEnd).lowercased()) { break }
            // A postal district: `Dublin 6`, `Dublin 6W`.
            if text.isSpace(wordEnd), text.isDigit(wordEnd + 1) {
                var district = wordEnd + 1
                while text.isDigit(district), district - wordEnd <= 2 { district += 1 }
                if text.is(district, "W") { district += 1 }
                if !text.isAlphanumeric(district) { wordEnd = district }
            }
            cityEnd = wordEnd
            if text.is(wordEnd, ","), text.isWhitespace(wordEnd + 1), let postcode = ukPostcode(text, wordEnd + 2) ?? eircode(text, wordEnd + 2) { return postcode }
            if let postcode = ukPostcode(text, wordEnd + 1) ?? eircode(text, wordEnd + 1), text.isWhitespace(wordEnd) { return postcode }
            // `Newcastle upon Tyne`, `Southend on Sea`.
            if text.isSpace(wordEnd), let joiner = englishCityJoiners.first(where: { text.lowercasedMatches($0, at: wordEnd + 1) && text.isSpace(wordEnd + 1 + $0.count) }),
               text.isUpper(wordEnd + 2 + joiner.count) {
                cityEnd = wordEnd + 2 + joiner.count
                continue
            }
            guard text.isSpace(wordEnd), text.isUpper(wordEnd + 1), !states.contains(text.string(wordEnd + 1, wordEnd + 3)) || text.isLetter(wordEnd + 3)
            else { break }
            cityEnd = wordEnd + 1
        }
        while cityEnd > cursor, !text.isLetter(cityEnd - 1) { cityEnd -= 1 }
        guard cityEnd > cursor else { return ukPostcode(text, cursor) ?? end }
        // After an abbreviation's dot and a space only, a capitalized word opens the next sentence unless a state or postcode
        // follows it (`7244 Oak Hollow Dr. Tracking …`, but `12 Main St. Springfield, IL 62704`).
        let opensSentence = text.is(end - 1, ".") && text.isSpace(end)
        let town = opensSentence ? end : cityEnd
        // Ireland: `, Co. Westmeath`, a line `Co. Dublin`, `, Dublin 9`, then an Eircode on the same or the next line.
        if let place = irishPlaceEnd(text, cityEnd) { return place }
        var stateStart = cityEnd
        if text.is(stateStart, ",") { stateStart += 1 }
        // The state and ZIP may stand on the line after the city (`Raleigh⏎NC 27605`); there the ZIP vouches for the state.
        let stateOnNextLine = text.is(stateStart, "\n")
        guard text.isSpace(stateStart) || stateOnNextLine else { return town }
        stateStart += 1
        guard states.contains(text.string(stateStart, stateStart + 2)), !text.isLetter(stateStart + 2) else {
            return ukPostcode(text, stateStart) ?? town
        }
        var zip = stateStart + 2
        guard text.isSpace(zip) else { return stateOnNextLine ? town : zip }
        zip += 1
        let zipStart = zip
        while text.isDigit(zip) { zip += 1 }
        guard zip - zipStart == 5 else { return stateOnNextLine ? town : stateStart + 2 }
        if text.is(zip, "-"), (1...4).allSatisfy({ text.isDigit(zip + $0) }), !text.isDigit(zip + 5) { zip += 5 }
        return zip
    }

    /// End of one or two capitalized words after a postcode that end the clause (the town: `P43 F7PX Athenry.`), else `code`.
    private static func townAfterPostcode(_ text: ScalarText, _ code: Int) -> Int {
        var end = code
        for _ in 0..<2 {
            guard text.isSpace(end), text.isUpper(end + 1), let town = word(text, end + 1), !titles.contains(town.text.lowercased()) else { break }
            end = town.end
        }
        let endsClause = end == text.count || clauseEnds.contains { text.is(end, $0) } || text.isWhitespace(end) && !text.isSpace(end)
        return end > code && endsClause ? end : code
    }

    private static let clauseEnds: [Unicode.Scalar] = [",", ".", "!", "?", ";", ")"]

    /// Titles that open the addressee's name, not a city's.
    private static let titles: Set<String> = ["mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "mx", "mx.", "dr", "dr.", "herr", "frau"]

    private static let englishCityJoiners = ScalarText.lowercased(["upon", "on", "under", "le", "in"])

    private static let countyWords = ScalarText.lowercased(["co. ", "county "])
    private static let dublin = Array("dublin ".unicodeScalars.map(\.value))

    /// End of an Irish county (`Co. Westmeath`, `County Cork`) or Dublin district (`Dublin 9`) after
    /// a town ending at `cityEnd`, with a following Eircode, or of the Eircode alone; nil when neither follows.
    private static func irishPlaceEnd(_ text: ScalarText, _ cityEnd: Int) -> Int? {
        func next(_ index: Int) -> Int? {
            var cursor = index
            if text.is(cursor, ",") { cursor += 1 }
            return text.isWhitespace(cursor) ? cursor + 1 : nil
        }
        var end: Int?
        if let start = next(cityEnd), text.isUpper(start) {
            if let county = countyWords.first(where: { text.lowercasedMatches($0, at: start) }), text.isUpper(start + county.count) {
                end = wordEnd(text, start + county.count)
            } else if text.lowercasedMatches(dublin, at: start), text.isDigit(start + dublin.count) {
                var district = start + dublin.count + 1
                if text.isDigit(district) { district += 1 }
                if text.is(district, "W") { district += 1 }
                if !text.isAlphanumeric(district) { end = district }
            }
        }
        if let codeStart = next(end ?? cityEnd), let code = eircode(text, codeStart) { return code }
        return end
    }

    /// End of a UK postcode at `start` (`NW1 6XE`, `SW1A 1AA`, `M1 1AE`), uppercase, on word boundaries.
    /// Whether `start..<end` is exactly a UK postcode (`LS6 3HD`, `M20 6DB`).
    static func isUKPostcode(_ text: ScalarText, from start: Int, to end: Int) -> Bool { ukPostcode(text, start) == end }

    private static func ukPostcode(_ text: ScalarText, _ start: Int) -> Int? {
        guard text.isUpper(start), text.isASCIILetter(start), !text.isAlphanumeric(start - 1) else { return nil }
        var cursor = start + 1
        if text.isUpper(cursor), text.isASCIILetter(cursor) { cursor += 1 }
        guard text.isDigit(cursor) else { return nil }
        cursor += 1
        if text.isDigit(cursor) || (text.isUpper(cursor) && text.isASCIILetter(cursor)) { cursor += 1 }
        guard text.isSpace(cursor), text.isDigit(cursor + 1), text.isUpper(cursor + 2), text.isASCIILetter(cursor + 2),
              text.isUpper(cursor + 3), text.isASCIILetter(cursor + 3), !text.isAlphanumeric(cursor + 4) else { return nil }
        return cursor + 4
    }

    /// End of an Irish Eircode at `start` (`H91 X2TR`, `D6W XY12`, `E19TW89`): a routing key, a space or none, four letters and
    /// digits (without the space, only the letters Eircodes use).
    private static func eircode(_ text: ScalarText, _ start: Int) -> Int? {
        guard text.isUpper(start), text.isASCIILetter(start), !text.isAlphanumeric(start - 1), text.isDigit(start + 1),
              text.isDigit(start + 2) || text.is(start + 2, "W") else { return nil }
        let spaced = text.isSpace(start + 3)
        let unique = spaced ? start + 4 : start + 3
        guard (unique..<unique + 4).allSatisfy({ text.isDigit($0) || text.isUpper($0) && text.isASCIILetter($0) && (spaced || eircodeLetters.contains(text[$0])) }),
              // Letters only when all are letters Eircodes use (`H91 NTRN`).
              (unique..<unique + 4).contains(where: text.isDigit) || (unique..<unique + 4).allSatisfy({ eircodeLetters.contains(text[$0]) }),
              !text.isAlphanumeric(unique + 4) else { return nil }
        return unique + 4
    }

    /// The letters of an Eircode's unique part.
    private static let eircodeLetters = Set("ACDEFHKNPRTVWXY".unicodeScalars.map(\.value))

    /// Past the mark between street and postcode: `,`, `;` (`Sonnenhang 15b; 80331 München` as pasted from a
    /// spreadsheet) or a middle dot, bar or slash between spaces (`Parkstraße 61 · 33602 Bielefeld`), a dash before a five-digit postcode; the space after it stays.
    private static func separatorEnd(_ text: ScalarText, _ cursor: Int) -> Int {
        if text.is(cursor, ",") || text.is(cursor, ";") { return cursor + 1 }
        if text.isSpace(cursor), text.is(cursor + 1, "·") || text.is(cursor + 1, "|") || text.is(cursor + 1, "/"), text.isSpace(cursor + 2) { return cursor + 2 }
        // A dash before a German postcode (`Zum Sportplatz 73 – 32423 Minden`), or before an Austrian or Swiss one and a
        // city of one word (`Herrengasse 21 - 4020 Linz`), not a street (`DOB 6/13 – 7861 Pine Ct`).
        if text.isSpace(cursor), text.is(cursor + 1, "–") || text.is(cursor + 1, "-"), text.isSpace(cursor + 2),
           (cursor + 3..<cursor + 7).allSatisfy({ text.isDigit($0) }) {
            if text.isDigit(cursor + 7), !text.isAlphanumeric(cursor + 8) { return cursor + 2 }
            if text.isSpace(cursor + 7), text.isUpper(cursor + 8), text.isLetter(cursor + 9) {
                let cityEnd = wordEnd(text, cursor + 8)
                if !(text.isSpace(cityEnd) && text.isUpper(cityEnd + 1)) { return cursor + 2 }
            }
        }
        return cursor
    }

    /// End of a city's one word (four letters or more, or hyphenated) at `start` that ends its clause or line, and is no word that
    /// closes a message (`, danke!`, `, thanks.`); nil otherwise.
    private static func cityWithoutPostcode(_ text: ScalarText, _ start: Int) -> Int? {
        guard text.isLetter(start) else { return nil }
        var end = start
        while text.isLetter(end) || text.is(end, "-") && text.isLetter(end + 1), end - start < maximumWord { end += 1 }
        let endsClause = end >= text.count || text.isWhitespace(end) && !text.isSpace(end) || clauseEnds.contains { text.is(end, $0) }
        guard end - start >= 4, endsClause, !notCities.contains(text.string(start, end).lowercased()) else { return nil }
        return end
    }

    /// Words after a street and a comma that close the message, not name a city.
    private static let notCities: Set<String> = ["danke", "bitte", "sorry", "thanks", "please", "cheers", "gruß", "grüße", "merci", "vielen", "okay",
                                                 "nein", "genau", "richtig", "korrekt", "correct", "right", "oder", "aber", "sonst", "also", "stimmt"]

    /// Past a country prefix of a postcode (`D-10115`, `A-8010`, `CH-4051`), or `cursor` itself.
    private static func countryPrefixEnd(_ text: ScalarText, _ cursor: Int) -> Int {
        for prefix in countryPrefixes where text.lowercasedMatches(prefix, at: cursor) && text.isDigit(cursor + prefix.count) {
            return cursor + prefix.count
        }
        return cursor
    }
    private static let countryPrefixes = ScalarText.lowercased(["d-", "a-", "ch-", "at-", "de-", "fl-", "l-"])

    /// Includes `, 10115 Berlin` (or `10115 Berlin`) after the street, if present.
    private static func extendWithCity(_ text: ScalarText, _ end: Int) -> Int {
        var cursor = end
        // `, Hinterhaus, 2. OG`
        for _ in 0..<3 { cursor = floorEnd(text, cursor) ?? cursor }
        // Without a city, the flat still belongs to the street (`Imhofstrasse 7, Top 4.`).
        let withFlat = cursor
        cursor = separatorEnd(text, cursor)
        if text.lowercasedMatches(inWord, at: cursor), text.isDigit(countryPrefixEnd(text, cursor + inWord.count)) { cursor += inWord.count - 1 }
        // ` in Bremen` ending the sentence or line: the city without its postcode.
        if cursor == end, text.lowercasedMatches(inWord, at: cursor), text.isUpper(cursor + inWord.count), text.isLetter(cursor + inWord.count + 1) {
            let cityEnd = wordEnd(text, cursor + inWord.count)
            if cityEnd >= text.count || text.isWhitespace(cityEnd) && !text.isSpace(cityEnd) || clauseEnds.contains(where: { text.is(cityEnd, $0) }) {
                return cityEnd
            }
        }
        guard text.isWhitespace(cursor) else { return withFlat }
        cursor = countryPrefixEnd(text, cursor + 1)
        let codeStart = cursor
        // A country prefix vouches for a four-digit code before a lowercase town in chat (`a-6020 innsbruck`, `ch-8001 zürich`).
        let countryPrefixed = text.is(codeStart - 1, "-")
        while text.isDigit(cursor) { cursor += 1 }
        // A city without its postcode after a comma, ending the clause or line (`Bergmannstraße 53b, Münster`, `im wiesengrund 134a, köln`).
        if cursor == codeStart, text.is(withFlat, ","), let city = cityWithoutPostcode(text, codeStart) { return city }
        // A German postcode without its city, ending the clause (`Mühlenweg 81 90402.`).
        if cursor - codeStart == 5, codeStart == end + 1, !text.isAlphanumeric(cursor), !(text.isSpace(cursor) && text.isAlphanumeric(cursor + 1)) {
            return cursor
        }
        // The city is capitalized, or in chat lowercase after a five-digit German code (`04109 leipzig`).
        guard cursor - codeStart == 5 || cursor - codeStart == 4, text.isSpace(cursor),
              text.isUpper(cursor + 1) || ((cursor - codeStart == 5 || countryPrefixed) && text.isLetter(cursor + 1)) else { return withFlat }
        cursor += 1
        let cityStart = cursor
        while text.isLetter(cursor) || (text.is(cursor, "-") && (text.isUpper(cursor + 1) || lowercaseCityLink(text, cursor + 1))),
              cursor - cityStart < maximumWord { cursor += 1 }
        // `St. Gallen`: the abbreviation keeps its dot.
        if text.is(cursor, "."), cursor - cityStart <= 3, text.isSpace(cursor + 1), text.isUpper(cursor + 2) { cursor += 1 }
        // `Bad Reichenhall`, `Frankfurt am Main`, `Freiburg im Breisgau`, `Halle (Saale)`.
        // In chat the whole city is lowercase (`bad tölz`, `frankfurt am main`).
        if cityPrefixes.contains(where: { $0.count == cursor - cityStart && text.lowercasedMatches($0, at: cityStart) }), text.isSpace(cursor),
           text.isUpper(cursor + 1) || !text.isUpper(cityStart) && text.isLetter(cursor + 1) {
            cursor = wordEnd(text, cursor + 1)
        }
        if text.isSpace(cursor), let joiner = cityJoiners.first(where: { text.lowercasedMatches($0, at: cursor + 1) && text.isSpace(cursor + 1 + $0.count) }),
           text.isUpper(cursor + 2 + joiner.count) || !text.isUpper(cityStart) && text.isLetter(cursor + 2 + joiner.count) {
            cursor = wordEnd(text, cursor + 2 + joiner.count)
            // A second capitalized word that ends the line or clause (`Purbach am Neusiedler See`).
            if text.isSpace(cursor), text.isUpper(cursor + 1) {
                let second = wordEnd(text, cursor + 1)
                if second >= text.count || text.is(second, "\n") || clauseEnds.contains(where: { text.is(second, $0) }) { cursor = second }
            }
        }
        if text.isSpace(cursor), text.is(cursor + 1, "("), text.isUpper(cursor + 2) {
            var closing = wordEnd(text, cursor + 2)
            if text.is(closing, ".") { closing += 1 }
            if text.is(closing, ")"), cityRegions.contains(text.string(cursor + 2, closing).lowercased()) { cursor = closing + 1 }
        }
        // An Austrian town's region (`Gmünd in Kärnten`, `Rohrbach in Oberösterreich`), a bilingual town's other name (`Biel/Bienne`).
        if text.isSpace(cursor), text.lowercasedMatches(inWord, at: cursor), text.isUpper(cursor + inWord.count),
           austrianRegions.contains(text.string(cursor + inWord.count, wordEnd(text, cursor + inWord.count)).lowercased()) {
            cursor = wordEnd(text, cursor + inWord.count)
        }
        if text.is(cursor, "/"), text.isUpper(cursor + 1) { cursor = wordEnd(text, cursor + 1) }
        // A Swiss canton after the city (`8802 Kilchberg ZH`).
        if text.isSpace(cursor), cantons.contains(text.string(cursor + 1, cursor + 3)), !text.isAlphanumeric(cursor + 3) { cursor += 3 }
        return cursor
    }

    /// The codes of the Swiss cantons.
    private static let cantons: Set<String> = ["AG", "AI", "AR", "BE", "BL", "BS", "FR", "GE", "GL", "GR", "JU", "LU", "NE", "NW", "OW", "SG",
                                               "SH", "SO", "SZ", "TG", "TI", "UR", "VD", "VS", "ZG", "ZH"]

    /// Rivers and regions in brackets after a city's name (`Halle (Saale)`, `Weiden (Oberpf.)`), not a note (`München (Geschenk)`).
    private static let cityRegions: Set<String> = ["saale", "oder", "main", "westf.", "westf", "oberpf.", "oberpf", "opf.", "wied", "donau", "ruhr",
                                                   "rhld.", "rhein", "holst.", "holstein", "sachs.", "sachsen", "elbe", "weser", "lahn", "mosel",
                                                   "havel", "spree", "inn", "breisgau", "allgäu", "vogtl.", "erzgeb.", "thür.", "ostfriesl.",
                                                   "pfalz", "eifel", "harz", "hunsrück", "westerwald", "lausitz", "nahe", "ilm", "isar", "obb.", "ndb."]

    private static let cityPrefixes = ScalarText.lowercased(["bad", "sankt", "st.", "neu", "alt", "groß", "klein", "hansestadt", "la", "le", "les", "wiener", "markt"])
    private static let cityJoiners = ScalarText.lowercased(["am", "an der", "im", "in der", "ob der", "bei", "vor der"])
    /// Austrian regions that name a town's part of the country after `in` (`Gmünd in Kärnten`).
    private static let austrianRegions: Set<String> = ["kärnten", "oberösterreich", "niederösterreich", "tirol", "osttirol", "salzburg", "vorarlberg",
                                                       "burgenland", "steiermark", "mühlkreis", "innkreis", "pongau", "pinzgau", "lungau"]

    /// Whether a short lowercase link between a city's hyphenated parts starts at `start` (`Plan-les-Ouates`, `Châlons-en-Champagne`).
    private static func lowercaseCityLink(_ text: ScalarText, _ start: Int) -> Bool {
        var cursor = start
        while text.isLetter(cursor), !text.isUpper(cursor), cursor - start < 4 { cursor += 1 }
        return cursor > start && text.is(cursor, "-") && text.isUpper(cursor + 1)
    }

    private static func wordEnd(_ text: ScalarText, _ start: Int) -> Int {
        var cursor = start
        while text.isLetter(cursor) || (text.is(cursor, "-") && text.isLetter(cursor + 1)), cursor - start < maximumWord { cursor += 1 }
        return cursor
    }

    /// End of a floor or flat after a street (`, 4. OG`, `, 2. Stock`, ` / 2. Stock`, `, Whg. 5`, `, Hinterhaus`, ` (3. OG)`,
    /// or on a line of its own), or nil.
    private static func floorEnd(_ text: ScalarText, _ end: Int) -> Int? {
        let bracketed = text.isSpace(end) && text.is(end + 1, "(")
        let partStart: Int
        if text.is(end, ","), text.isSpace(end + 1) {
            partStart = end + 2
        } else if text.isSpace(end), text.is(end + 1, "/"), text.isSpace(end + 2) {
            // `Vogelsang 63 a / 4. Stock`
            partStart = end + 3
        } else if text.is(end, "\n") || bracketed {
            partStart = end + (bracketed ? 2 : 1)
        } else {
            return nil
        }
        guard let partEnd = floorPartEnd(text, partStart) else { return nil }
        guard bracketed else { return partEnd }
        return text.is(partEnd, ")") ? partEnd + 1 : nil
    }

    /// End of a floor (`4. OG links`) or flat (`Whg. 5`, `Hinterhaus`) at `start`, or nil.
    private static func floorPartEnd(_ text: ScalarText, _ start: Int) -> Int? {
        var cursor = start
        while text.isDigit(cursor), cursor - start < 3 { cursor += 1 }
        if cursor > start {
            guard text.is(cursor, "."), text.isSpace(cursor + 1), let floor = floorWords.first(where: { text.lowercasedMatches($0, at: cursor + 2) }),
                  !text.isLetter(cursor + 2 + floor.count) else { return nil }
            cursor += 2 + floor.count
            // `1. OG links`
            if text.isSpace(cursor), let side = sideWords.first(where: { text.lowercasedMatches($0, at: cursor + 1) }), !text.isLetter(cursor + 1 + side.count) {
                cursor += 1 + side.count
            }
            return cursor
        }
        // `bei Tür 7`, `bei Top 4` on a line of its own.
        if text.lowercasedMatches(beiWord, at: cursor), text.isLetter(cursor + beiWord.count) { cursor += beiWord.count }
        guard let word = flatWords.first(where: { text.lowercasedMatches($0, at: cursor) }) else { return nil }
        cursor += word.count
        if text.isSpace(cursor), text.isAlphanumeric(cursor + 1) {
            cursor += 1
            while text.isAlphanumeric(cursor) { cursor += 1 }
        }
        return text.isLetter(cursor) ? nil : cursor
    }

    private static let sideWords = ScalarText.lowercased(["links", "rechts", "mitte", "li.", "re."])
    private static let beiWord = ScalarText.lowercased(["bei "])[0]
    private static let floorWords = ScalarText.lowercased(["og", "obergeschoss", "stock", "etage", "ug", "eg"])
    private static let flatWords = ScalarText.lowercased(["whg.", "wohnung", "app.", "apt.", "eg", "hinterhaus", "vorderhaus", "seitenflügel", "dachgeschoss",
                                                          "rückgebäude", "hinterhof", "gartenhaus", "souterrain", "aufgang", "stiege", "top", "tür", "dg"])
}
