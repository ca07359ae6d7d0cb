/// Identifiers recognised by the word before them rather than by their shape: member and customer
/// numbers in any format (`Kundennummer 4711-0815`, `Kd-Nr. 123456`, `loyalty card CV 0001 2345`),
/// government and insurance ids (`Steuernummer`, `Personalausweis`, `passport`, `NHS number`) and
/// licence plates (`Kennzeichen`), and phone numbers in any format after `Tel.`/`phone`. With a strong cue, what looks like an identifier is redacted
/// even when it fails a structure rule: a leak costs more than a spurious placeholder. A cue is as
/// certain as a checksum, so its type wins over a shape-only reading (`NHS number 943 476 5919` is
/// no US phone).
enum CueDetector {
    /// Cues, lowercase, and the type of the value after them.
    private static let cues: [(cue: [UInt32], type: EntityType)] = {
        let memberNumbers = ["kundennummer", "kundennr", "kunden-nr", "kd-nr", "kd.-nr", "kd nr", "kdnr", "kd.nr", "mitgliedsnummer", "mitgliedsnr",
                             "mitglieds-nr", "mitglied nr", "kundenkarte", "kundenkonto", "kundenkartennummer", "kartennummer", "treuekarte",
                             "clubkarte", "bonuskarte", "member no", "member number", "member id", "membership number", "membership no",
                             "loyalty card", "loyalty number", "loyalty no", "loyalty id", "rewards card", "rewards number", "club card",
                             "customer id", "customer number", "customer no", "customer account", "account number", "account no", "card no",
                             "account", "acct", "konto", "card", "karte", "membership", "mitgliedskarte", "payback", "payback-nr", "payback-karte",
                             "clubcard", "nectar", "nectar card", "deutschlandcard", "miles & more", "bahncard", "rewards", "rewards id", "rewards no",
                             "member card", "membership card", "points card", "bonusnummer", "kundenkonto-nr", "member", "mitglied",
                             "kundenkonten", "familienkarte", "partnerkarte", "meine nr", "seine nr", "ihre nr", "my no", "her no", "his no",
                             "nummer", "number", "no", "nr", "kartennr", "karten-nr",
                             "mitgl.-nr", "mitgl-nr", "mitgl. nr", "mitgl.nr", "mitgl nr", "mitglieds-id", "mitgliedsid", "mitglieds id", "knr", "k-nr",
                             "kundenreferenz", "kundenref", "kunden-id", "kundenid", "kunden id", "stammkundennummer", "stammkunden-nr", "stammkundennr",
                             "clubnummer", "club-nr", "clubnr", "club number", "club no", "customer ref", "customer reference", "membership id",
                             "card number", "treuenummer", "bonuskartennummer", "vorteilsnummer", "vorteilskarte", "member ref", "loyalty ref",
                             // Several accounts, a points account, and a customer's number right after the customer
                             // (`two accounts (78 900 790 and 1515-4895)`, `Punktekonto (2440-0557)`, `Die Kundin (9247359-4)`).
                             "accounts", "konten", "cards", "karten", "punktekonto", "punktekonten", "kunde", "kundin", "customer", "stammkunde", "stammkundin",
                             "numebr", "nummmer",
                             // Several numbers, and a card replaced (`member numbers M-003693 and …`, `Altkarte 698 498 993`).
                             "member numbers", "customer numbers", "kundennummern", "mitgliedsnummern", "altkarte", "alte karte", "old card",
                             // The customer abbreviated with its dot (`Callum McKenzie, Kd. 0625-4635`).
                             "kd.",
                             // A customer's number abbreviated (`cust no. 8728-3677`, `cust. ID 4471`).
                             "cust no", "cust. no", "cust nr", "cust id", "cust. id", "cust ref", "cust number", "cust #"]
        let phones = ["tel", "tel.", "telefon", "telephone", "phone", "mobile", "mobil", "handy", "cell", "fon", "whatsapp", "sms an", "rückruf unter",
                      "call back on", "call", "anrufen unter", "erreichbar unter", "reachable on", "text me at", "call me at", "reach me at",
                      "text me on", "call me on", "ring me on", "whatsapp me at", "reach me on", "contact me on", "contact me at", "telephone me on",
                      "phone me on", "ring me at", "meine nummer", "my number", "contact", "kontakt"]
        let nationalIDs = ["steuer-id", "steuer id", "steuer-idnr", "steueridentifikationsnummer", "steuer-identifikationsnummer", "idnr",
                           "steuernummer", "steuernr", "st.-nr", "personalausweis", "personalausweisnummer", "personalausweisnr", "personalausweis-nr", "ausweisnummer", "ausweis-nr",
                           "ausweis nr", "ausweisnr", "ausweis", "perso", "pa-nr", "pa nr", "pa-nummer", "perso-nr", "reisepass", "reisepassnummer", "reisepassnr", "reisepass-nr", "reisepass nr",
                           // The genitive (`Kopie eines Personalausweises: XG9TK73K5`).
                           "personalausweises", "reisepasses", "ausweises", "passnummer", "pass-nr", "passport", "passport no",
                           "passport number", "krankenversichertennummer", "versichertennummer", "krankenversicherungsnummer", "kv-nummer",
                           "sozialversicherungsnummer", "sozialversicherungsnr", "sv-nr", "svnr", "rentenversicherungsnummer", "sv-nummer", "ssn", "social security", "social security number",
                           "national insurance", "national insurance number", "ni number", "ni no", "nino", "ni:", "pension insurance", "rvnr", "rv-nummer", "nhs number", "nhs no",
                           "führerschein", "führerscheinnummer", "driver's license", "drivers license", "driving licence", "tax id",
                           "kvnr", "kv-nr", "krankenkassennummer", "identifikationsnummer", "steuerliche identifikationsnummer", "versichertennr", "krankenversichertennr", "passnr", "pass nr", "pps", "pps number", "ppsn", "pps no", "ahv", "ahv-nr", "ahv-nummer", "avs", "versicherungsnummer", "versicherten-nr", "steuer-nr", "id card", "id number", "national id", "national id number", "national identity number", "identity card", "identity number", "id check", "id checked", "id verified", "id-nummer",
                           "krankenkassenkarte", "versichertenkarte", "gesundheitskarte", "egk", "egk-nr", "health insurance number", "pass",
                           // A copy sent or seen (`Passkopie geschickt (Nr. GGW0N8366)`, `passport copy received (no. …)`).
                           "passkopie", "ausweiskopie", "passport copy", "copy of passport", "id copy"]
        let plates = ["kennzeichen", "kennz", "kfz-kennzeichen", "nummernschild", "fahrzeug", "auto", "wagen", "pkw", "plate", "number plate",
                      "lieferwagen", "firmenwagen", "dienstwagen", "lkw", "kfz",
                      // Where a car stands (`Parkplatz: UE VK 638`, `car on drive XT13OFF`, `collection bay: YR69EHM`).
                      "parkplatz", "stellplatz", "bay", "drive", "driveway",
                      "licence plate", "license plate", "registration", "reg", "car", "vehicle", "van", "truck", "lorry", "transporter",
                      // Makes of cars (`der blaue Audi (M AB 1234)`, `the silver tesla (7ABC123)`).
                      "audi", "bmw", "vw", "tesla", "opel", "ford", "toyota", "mercedes", "skoda", "fiat", "volvo", "porsche", "renault", "peugeot",
                      "hyundai", "nissan", "mazda", "vauxhall", "honda", "suv", "motorrad", "motorbike"]
        return (memberNumbers.map { ($0, EntityType.memberNumber) } + nationalIDs.map { ($0, .nationalID) } + plates.map { ($0, .licensePlate) }
                + phones.map { ($0, .phone) })
            .map { (ScalarText.lowercased([$0.0])[0], $0.1) }
            .sorted { $0.cue.count > $1.cue.count }
    }()
    private static let vanCue = ScalarText.lowercased(["van"])[0]
    /// First letters of the cues, to pass over other words without comparing.
    private static let cueInitials: UInt32 = cues.reduce(0) { mask, cue in
        let first = cue.cue[0] | 0x20
        return first >= 0x61 && first <= 0x7a ? mask | (1 << (first - 0x61)) : mask
    }
    /// The cues by their first letter (`a` to `z`), longest first, so a word is compared only with the cues it may open.
    private static let cuesByInitial: [[(cue: [UInt32], type: EntityType)]] = (0..<26).map { letter in
        cues.filter { $0.cue[0] | 0x20 == 0x61 + UInt32(letter) }
    }

    /// Cues so general that they count only after a word that makes the number someone's (`Alte Nummer KD 24 9535`,
    /// `his number LC-12345-X`, not `order number ORD-1`), and only for a value opening with a letter or of six digits
    /// or more that opens unlike a phone (`Alte Nummer 63897844`).
    private static let lettersFirstCues = ScalarText.lowercased(["nummer", "number", "numebr", "nummmer"])
    /// Abbreviations that count only after such a word (`Old no. 0068 5051`, `alte Nr. 4711 0815`).
    private static let possessedCues = ScalarText.lowercased(["no", "nr"])
    /// Cues after which a value shaped like a phone is the phone detector's (`my no. 0171 2345678`).
    private static let phoneProneCues = ScalarText.lowercased(["no", "nr", "my no", "her no", "his no", "meine nr", "seine nr", "ihre nr", "kunde", "kundin", "customer"])
    /// The customer as a cue: a number after them needs five digits or more, so a year is none (`Kundin 2019 angemeldet`).
    private static let customerCues = ScalarText.lowercased(["kunde", "kundin", "customer", "stammkunde", "stammkundin"])
    /// Words before `Nummer`/`number` that make it a person's.
    private static let possessingWords: Set<String> = ["alte", "alten", "neue", "neuen", "seine", "ihre", "meine", "deine", "eure", "dahin", "old",
                                                       "new", "his", "her", "my", "their", "your", "mit", "with", "card", "karte", "karten", "account", "konto"]

    /// Lowercase words between a plate's cue and the plate (`Kennzeichen am Tor …`, `reg of the van …`), also a second cue
    /// (`vehicle reg 63B-NQPR`, `auto kennzeichen …`).
    private static let plateJoiners: Set<String> = ["am", "an", "des", "der", "dem", "vom", "im", "the", "of", "on", "at", "his", "her", "my",
                                                    "reg", "plate", "registration", "kennzeichen", "nummernschild",
                                                    // What the car is (`my car is the 6HGW048`, `das Auto ist B K 6492`).
                                                    "is", "ist"]

    /// Words between a cue and its value: `Kundennummer ist …`, `member no.: …`, `Steuer-ID (neu): …`.
    private static let fillers: Set<String> = ["nr", "no", "nummer", "number", "ist", "is", "lautet", "lauten", "neu", "new", "alt", "old", "id", "#", "num",
                                               "on", "file", "was", "war", "of", "iban", "mit", "with", "s", "me", "mir",
                                               // Whose number it is (`Kundennummer bei uns M5590213`, `our member number here 4471`).
                                               "bei", "uns", "our", "unsere", "hier", "here",
                                               // Where it is written (`Kundennummer laut Profil 235879276`, `member number on record 4471`).
                                               "laut", "lt", "profil", "system", "record", "records",
                                               // That it stays (`Kundennr. bleibt VK1606682`, `member no. remains 4471`).
                                               "bleibt", "remains", "stays",
                                               // That a copy of it came (`Passkopie geschickt (Nr. …)`, `passport copy received: …`).
                                               "geschickt", "erhalten", "gesehen", "sent", "received", "seen"]

    /// Values after cues.
    static func values(in text: ScalarText) -> [Detection] {
        var found: [Detection] = []
        var index = 0
        while index < text.count {
            guard text.isLetter(index), !text.isLetter(index - 1), text.initial(index, in: cueInitials),
                  let match = cuesByInitial[Int((text[index] | 0x20) - 0x61)].first(where: {
                      text.lowercasedMatches($0.cue, at: index) && !text.isLetter(index + $0.cue.count) }) else {
                index += 1
                continue
            }
            let cueEnd = index + match.cue.count
            // `Van der Berg (CV81466280)`: a capitalized `Van` before a word (not a plate: `Van ACZ 2775`) is a name's particle, not the vehicle.
            // So is a lowercase `van` after a capitalized word (`Rosa van Dijk (cv00792007)`).
            if match.type == .licensePlate, text.isUpper(index) || text.wordBefore(index).first?.isUppercase == true, match.cue == vanCue,
               text.isSpace(cueEnd), text.isLetter(cueEnd + 1),
               !text.isUpper(cueEnd + 1) || text.isLetter(cueEnd + 2) && !text.isUpper(cueEnd + 2) {
                index = cueEnd
                continue
            }
            if let value = value(in: text, after: cueEnd, type: match.type),
               belongs(value, to: match, cueEnd: cueEnd, owner: text.wordBefore(index).lowercased(), in: text),
               // An IP address is the network detector's (`customer (IP 84.144.177.170)`).
               !(value.start..<value.end).contains(where: { !text.isDigit($0 - 1) && NetworkDetectors.ipv4End(text, from: $0) == value.end }) {
                // A card number after `Karte`/`card` that fails its checks (a typo) is still a card number.
                let digits = (value.start..<value.end).filter { text.isDigit($0) }.count
                // No card number opens with 0 (`her number 0044 131 4427908` is a phone).
                let cardLike = match.type == .memberNumber && (13...19).contains(digits) && !text.is(value.start, "0")
                    && (value.start..<value.end).allSatisfy { text.isDigit($0) || text.isSpace($0) || text.is($0, "-") }
                // So is a National Insurance number after `account` (`for the trade account: GT011446A`).
                let insuranceNumber = match.type == .memberNumber && IdentifierDetectors.nationalInsuranceNumber(text, value.start) == value.end
                // What a customer says in a chat, written like a US phone, is their phone (`Customer: 202-555-0183`).
                // So is a bare `number` written that way (`I've saved your number 720-555-0108`).
                let customerPhone = match.type == .memberNumber && (customerCues.contains(match.cue) || lettersFirstCues.contains(match.cue))
                    && isNorthAmericanShaped(text, value.start, value.end)
                let type = cardLike ? EntityType.card : insuranceNumber ? .nationalID : customerPhone ? .phone : match.type
                found.append(Detection(type: type, start: value.start, end: value.end, priority: DetectionPriority.checksum))
                index = value.end
            } else if match.type == .memberNumber || match.type == .nationalID, !notMemberOwners.contains(text.wordBefore(index).lowercased()),
                      let answer = answerOnNextLine(text, after: cueEnd), !isNumericDate(text, answer.start, answer.end) {
                // A reply to a bare `welche nummer?` that opens like a phone is the phone (`dragan: 040/9387053`).
                let genericCue = lettersFirstCues.contains(match.cue) || possessedCues.contains(match.cue)
                let phoneShaped = isPhoneShaped(text, answer.start, answer.end) || isNorthAmericanShaped(text, answer.start, answer.end)
                let type = genericCue && phoneShaped ? EntityType.phone : match.type
                found.append(Detection(type: type, start: answer.start, end: answer.end, priority: DetectionPriority.checksum))
                index = answer.end
            } else {
                // A phone's cue may hold a member number's (`my number m-405311`): the words inside it are cues too.
                index = match.type == .phone ? index + 1 : cueEnd
            }
        }
        return found
    }

    /// Loyalty-card numbers by their shape alone: two or three capitals, a hyphen, four to eight digits, a hyphen and one or
    /// two capitals (`LC-14225-X`), or all of them in lowercase as chat writes it (`lc-91392-m`); order numbers do not end in a letter group.
    static func cardShapedNumbers(in text: ScalarText) -> [Detection] {
        var found: [Detection] = []
        var index = 0
        while index < text.count {
            defer { index += 1 }
            guard text.isASCIILetter(index), !text.isAlphanumeric(index - 1) else { continue }
            let capitals = text.isUpper(index)
            func letter(_ position: Int) -> Bool { text.isASCIILetter(position) && text.isUpper(position) == capitals }
            var cursor = index
            while letter(cursor), cursor - index < 4 { cursor += 1 }
            guard (2...3).contains(cursor - index), text.is(cursor, "-") else { continue }
            let digits = cursor + 1
            cursor = digits
            while text.isDigit(cursor), cursor - digits < 9 { cursor += 1 }
            guard (4...8).contains(cursor - digits), text.is(cursor, "-") else { continue }
            let suffix = cursor + 1
            cursor = suffix
            while letter(cursor), cursor - suffix < 3 { cursor += 1 }
            // A size after four digits (`ART-8521-L`, `-XL`; a card's five digits may end in `M`: `LC-33625-M`) or an article, order or
            // return prefix makes it a product or order.
            let sized = suffix - digits <= 5 && sizes.contains(text.string(suffix, cursor).uppercased())
            guard (1...2).contains(cursor - suffix), !text.isAlphanumeric(cursor), !sized,
                  !productPrefixes.contains(text.string(index, digits - 1).uppercased()), !text.hasWordCue(orderCues, before: index, window: 24) else { continue }
            found.append(Detection(type: .memberNumber, start: index, end: cursor, priority: DetectionPriority.cueName))
            index = cursor
        }
        return found
    }

    private static let sizes: Set<String> = ["S", "M", "L", "XS", "XL"]
    private static let productPrefixes: Set<String> = ["ART", "SKU", "ORD", "REF", "INV", "WEB", "RMA", "EAN", "PO", "SO", "BO", "GC"]
    /// Words just before such a number that make it an order's, a return's or a gift-card batch's (`Bestellung BO-15037-US`, `batch GC-2141-E`).
    private static let orderCues = ScalarText.lowercased(["bestellung", "order", "rücksendung", "retoure", "return", "sendung", "lieferung", "charge",
                                                          "batch", "gutschein", "gift card", "rechnung", "invoice", "artikel", "tracking",
                                                          "item", "sku", "product", "produkt"])

    /// A customer's number in brackets right after their name in a list or note (`Uwe Fuchs (LC-07393-X)`,
    /// `Weronika Mazur (4596-8224)`, `Lena Vogt (KD 99 1234)`, `(Sean Scott, 2137 7787)`), or their phone when it opens like one: letters, digits and hyphens with at least four digits,
    /// in groups joined by single spaces when each group after the first has a digit and the first is digits or capitals
    /// (not `(seit 2015)`). Phones, dates and ages found otherwise win (this is the weakest reading).
    static func numbersAfterNames(_ names: [Detection], in text: ScalarText) -> [Detection] {
        names.compactMap { name in
            // `Name (number)`, or inside a bracket `(Name, number)`.
            let commaInBracket = text.is(name.end, ",") && text.isSpace(name.end + 1) && text.is(name.start - 1, "(")
            guard text.isSpace(name.end) && text.is(name.end + 1, "(") || commaInBracket else { return nil }
            let start = name.end + 2
            // A UK plate written without its space (`Driver Louis Green (BB26WHJ)`).
            if IdentifierDetectors.isUKPlate(text, start, spaced: false), text.is(start + 7, ")") {
                return Detection(type: .licensePlate, start: start, end: start + 7, priority: DetectionPriority.cueName)
            }
            var end = start
            var digits = 0
            var groupStart = start
            var groupsValid = true
            while end < text.count, end - start < 20 {
                if text.isAlphanumeric(end) && text[end] < 0x80 || text.is(end, "-") {
                    if text.isDigit(end) { digits += 1 }
                    end += 1
                } else if text.is(end, " "), text.isAlphanumeric(end - 1), text.isAlphanumeric(end + 1) {
                    // The group just closed: the first of digits or capitals, every later one with a digit.
                    let group = groupStart..<end
                    groupsValid = groupsValid && (groupStart == start ? group.allSatisfy { text.isDigit($0) || text.isUpper($0) || text.is($0, "-") }
                                                                       : group.contains { text.isDigit($0) })
                    end += 1
                    groupStart = end
                } else {
                    break
                }
            }
            let lastGroupHasDigit = groupStart == start || (groupStart..<end).contains { text.isDigit($0) }
            guard text.is(end, ")"), end - start >= 5, digits >= 4, groupsValid, lastGroupHasDigit,
                  text.isAlphanumeric(start), text.isAlphanumeric(end - 1) else { return nil }
            // Digits that open like a phone are the person's phone (`Frau Prem (0463 63999463-63)`).
            let phone = digits >= 7 && isPhoneShaped(text, start, end) && !(start..<end).contains { text.isLetter($0) }
            return Detection(type: phone ? .phone : .memberNumber, start: start, end: end, priority: DetectionPriority.cueName)
        }
    }

    /// Whether two capitals, two digits and three capitals stand at `start` (`BB26WHJ`).
    /// Customer numbers written with the customer abbreviation (`KD 99 1234`, `Kd-771234`, `KD.4471 8820`): `KD`
    /// in any case as a word, then five to twelve digits in groups joined by single spaces or hyphens.
    static func customerPrefixedNumbers(in text: ScalarText) -> [Detection] {
        var found: [Detection] = []
        var index = 0
        while index + 3 < text.count {
            defer { index += 1 }
            guard text.is(index, "K") || text.is(index, "k"), text.is(index + 1, "D") || text.is(index + 1, "d"),
                  !text.isAlphanumeric(index - 1) else { continue }
            var cursor = index + 2
            if text.is(cursor, " ") || text.is(cursor, "-") || text.is(cursor, ".") { cursor += 1 }
            var digits = 0
            var end = cursor
            while cursor < text.count, digits <= 12 {
                if text.isDigit(cursor) {
                    digits += 1
                    cursor += 1
                    end = cursor
                } else if (text.is(cursor, " ") || text.is(cursor, "-")), text.isDigit(cursor - 1), text.isDigit(cursor + 1) {
                    cursor += 1
                } else {
                    break
                }
            }
            guard (5...12).contains(digits), !text.isAlphanumeric(end) else { continue }
            found.append(Detection(type: .memberNumber, start: index, end: end, priority: DetectionPriority.cueName))
            index = end
        }
        return found
    }

    /// Member numbers listed after one already found (`CV-00080167 und KD 32 1458`, `CV 0484 5276 and
    /// M-209978`, `…, 4711 0815 / KD-77 1234`): a value after `und`, `and`, `oder`, `or`, `sowie`, a comma,
    /// `/` or `&` that opens with a letter or has six digits or more, and is shaped like no phone or IBAN.
    static func numbersListed(after found: [Detection], in text: ScalarText) -> [Detection] {
        var listed: [Detection] = []
        var queue = found.filter { $0.type == .memberNumber }
        guard !queue.isEmpty else { return [] }
        // Where something was found already, marked once so each check is one look (linear on a text of many numbers).
        var taken = [Bool](repeating: false, count: text.count + 1)
        for detection in found { for offset in detection.start..<min(detection.end, text.count) { taken[offset] = true } }
        while let number = queue.popLast(), listed.count < 64 {
            var cursor = number.end
            while text.isSpace(cursor) { cursor += 1 }
            if text.is(cursor, ",") || text.is(cursor, "/") || text.is(cursor, "&") {
                cursor += 1
            } else if let word = listWords.first(where: { text.lowercasedMatches($0, at: cursor) && text.isSpace(cursor + $0.count) }) {
                cursor += word.count
            } else {
                continue
            }
            guard let value = value(in: text, after: cursor, type: .memberNumber) else { continue }
            let digits = (value.start..<value.end).filter { text.isDigit($0) }.count
            guard digits >= 4, text.isLetter(value.start) || digits >= 6, !isPhoneShaped(text, value.start, value.end),
                  !isIBANShaped(text, value.start, value.end), !(value.start..<value.end).contains(where: { taken[$0] }) else { continue }
            let detection = Detection(type: .memberNumber, start: value.start, end: value.end, priority: DetectionPriority.cueName)
            listed.append(detection)
            queue.append(detection)
        }
        return listed
    }

    /// Words that join the items of a list, lowercase.
    private static let listWords = ScalarText.lowercased(["und", "and", "oder", "or", "sowie"])

    /// Whether `value` found after cue `match` (ending at `cueEnd`) is the cue's, given `owner`, the word before the cue.
    private static func belongs(_ value: (start: Int, end: Int), to match: (cue: [UInt32], type: EntityType), cueEnd: Int, owner: String,
                                in text: ScalarText) -> Bool {
        // A date a few words after an id's cue is the date (`Geburtsdatum laut Ausweis 12.04.1984`).
        if isDateShaped(text, value.start, value.end) { return false }
        // An IBAN after `Konto`/`account` is the IBAN detector's.
        if match.type == .memberNumber, isIBANShaped(text, value.start, value.end) { return false }
        // A gift card's number is the shop's voucher, not a customer's (`gift card GIFT-57123`).
        if match.type == .memberNumber, ["gift", "geschenk", "e-gift", "voucher"].contains(owner) { return false }
        let phoneShaped = isPhoneShaped(text, value.start, value.end)
        if phoneProneCues.contains(match.cue), phoneShaped { return false }
        if possessedCues.contains(match.cue), !possessingWords.contains(owner) { return false }
        // The customer as a cue: five digits or more, right after them or in brackets, not what a customer's chat line says (`Kunde: 10764`).
        if customerCues.contains(match.cue), (value.start..<value.end).filter({ text.isDigit($0) }).count < 5
            || (cueEnd..<value.start).contains(where: { !text.isSpace($0) && !text.is($0, "(") }) { return false }
        if lettersFirstCues.contains(match.cue) {
            return (possessingWords.contains(owner) || cardMentioned(before: cueEnd - match.cue.count, in: text))
                && (text.isLetter(value.start) || !phoneShaped && (value.start..<value.end).filter { text.isDigit($0) }.count >= 6)
        }
        return true
    }

    /// Whether a card or account is named shortly before `index` in the same sentence (`Karte verloren, nummer ist 1021 5888`,
    /// `Karte mit echter Nummer 248 165 015`, `lost my card, numebr is 481 238 245`): the number is that card's.
    private static func cardMentioned(before index: Int, in text: ScalarText) -> Bool {
        var start = index
        while start > 0, index - start < 40, !text.is(start - 1, "."), !text.is(start - 1, "?"), !text.is(start - 1, "!"), !text.is(start - 1, "\n") { start -= 1 }
        return cardWords.contains { word in (start..<index).contains { text.lowercasedMatches(word, at: $0) && !text.isLetter($0 - 1) } }
    }

    private static let cardWords = ScalarText.lowercased(["karte", "card", "konto", "account", "kundenkarte"])

    /// The number answering a question for it on the next line (`Wie lautet Ihre Kundennummer?⏎Kunde: 8321336`,
    /// `Bitte Kundennummer eingeben.⏎> KD 31 8929`): the whole reply after an optional `>` or speaker label, a code of
    /// 4–20 characters with at least four digits and at most four letters.
    private static func answerOnNextLine(_ text: ScalarText, after cueEnd: Int) -> (start: Int, end: Int)? {
        var lineEnd = cueEnd
        while lineEnd < text.count, lineEnd - cueEnd < 80, !text.isWhitespace(lineEnd) || text.isSpace(lineEnd) { lineEnd += 1 }
        guard lineEnd < text.count, text.isWhitespace(lineEnd) else { return nil }
        var last = lineEnd - 1
        while last >= cueEnd, text.isSpace(last) { last -= 1 }
        guard text.is(last, "?") || text.is(last, ".") || text.is(last, ":") || text.is(last, "!") else { return nil }
        var start = lineEnd + 1
        while text.isSpace(start) { start += 1 }
        // A chat's time stamp (`[3:41 PM] User: …`).
        if text.is(start, "[") {
            var closing = start + 1
            while closing < text.count, closing - start < 16, !text.is(closing, "]"), !text.isWhitespace(closing) || text.isSpace(closing) { closing += 1 }
            if text.is(closing, "]") { start = closing + 1 }
            while text.isSpace(start) { start += 1 }
        }
        if text.is(start, ">") {
            start += 1
        } else {
            var label = start
            while text.isLetter(label), label - start < 12 { label += 1 }
            if label > start, text.is(label, ":") { start = label + 1 }
        }
        while text.isSpace(start) { start += 1 }
        // A filler before the number (`moment... 1006 0506`, `it says 1585 1440`).
        for _ in 0..<2 {
            var wordEnd = start
            while text.isLetter(wordEnd) || text.is(wordEnd, "'"), wordEnd - start < 12 { wordEnd += 1 }
            guard wordEnd > start, answerFillers.contains(text.string(start, wordEnd).lowercased()) else { break }
            start = wordEnd
            while text.isSpace(start) || text.is(start, ".") || text.is(start, ",") || text.is(start, "…") || text.is(start, ":") { start += 1 }
        }
        var end = start, digits = 0, letters = 0
        while end < text.count, !text.isWhitespace(end) || text.isSpace(end) {
            // The number ends before a comma or `and` that goes on with something else (`71 614 078 and im at …`, `830/8942, deliver to …`).
            if digits >= 4, text.is(end, ",") && text.isSpace(end + 1) || text.isSpace(end) && answerJoiners.contains(where: {
                text.lowercasedMatches($0, at: end + 1) && !text.isLetter(end + 1 + $0.count) }) { break }
            if text.isDigit(end) { digits += 1 } else if text.isLetter(end) { letters += 1 }
            else if !(text.isSpace(end) || text.is(end, "-") || text.is(end, "/") || text.is(end, ".")) { return nil }
            end += 1
        }
        while end > start, !text.isAlphanumeric(end - 1) { end -= 1 }
        guard (4...20).contains(end - start), digits >= 4, letters <= 4, text.isAlphanumeric(start) else { return nil }
        return (start, end)
    }

    /// Words that join more to a reply after its number.
    private static let answerJoiners = ScalarText.lowercased(["and", "und", "&"])

    /// Words before `number`/`Nummer` that make it no customer's (`your order number?`).
    private static let notMemberOwners: Set<String> = ["order", "bestell", "tracking", "sendungs", "auftrags", "rechnungs", "invoice", "ticket", "parcel"]

    /// Words that open a reply before the number it gives.
    private static let answerFillers: Set<String> = ["moment", "sekunde", "momentchen", "ähm", "äh", "ok", "okay", "klar", "ja", "also", "sure", "yes",
                                                     "yeah", "um", "uh", "erm", "it", "says", "it's", "its", "hier", "here"]

    /// Whether a value is a date written with dots (`12.04.1984`, `1.2.90`).
    private static func isDateShaped(_ text: ScalarText, _ start: Int, _ end: Int) -> Bool {
        var groups: [Int] = [0]
        for index in start..<end {
            if text.isDigit(index) { groups[groups.count - 1] += 1 } else if text.is(index, ".") { groups.append(0) } else { return false }
        }
        return groups.count == 3 && (1...2).contains(groups[0]) && (1...2).contains(groups[1]) && [2, 4].contains(groups[2])
    }

    /// Whether a value opens like a phone number: `+`, or one `0` (a trunk prefix, `0171 …`, `07071 - 6917`).
    private static func isPhoneShaped(_ text: ScalarText, _ start: Int, _ end: Int) -> Bool {
        // `+44 …`, `0170 …`, or an international prefix before ten digits or more (`0044 131 4427908`, not `Old no. 0068 5051`).
        text.is(start, "+") || text.is(start, "0") && text.isDigit(start + 1) && !text.is(start + 1, "0")
            || text.is(start, "0") && text.is(start + 1, "0") && text.isDigit(start + 2) && !text.is(start + 2, "0")
                && (start..<end).filter { text.isDigit($0) }.count >= 10
    }

    /// Whether `start..<end` is written like a North American phone: `202-555-0183` or `202.555.0183`, the area code from 2.
    private static func isNorthAmericanShaped(_ text: ScalarText, _ start: Int, _ end: Int) -> Bool {
        guard end - start == 12, text.is(start + 3, "-") || text.is(start + 3, "."), text[start + 3] == text[start + 7], !text.is(start, "0"),
              !text.is(start, "1") else { return false }
        return [0, 1, 2, 4, 5, 6, 8, 9, 10, 11].allSatisfy { text.isDigit(start + $0) }
    }

    /// The colon ending a label of words that a cue opens, on the cue's line within 50 characters; nil when letters and spaces
    /// do not run to one.
    private static func labelColon(_ text: ScalarText, after cueEnd: Int) -> Int? {
        var cursor = cueEnd
        while cursor < text.count, cursor - cueEnd < 50, text.isLetter(cursor) || text.isSpace(cursor) || text.is(cursor, "-") { cursor += 1 }
        return cursor > cueEnd + 1 && text.is(cursor, ":") && text.isSpace(cursor + 1) ? cursor : nil
    }

    private static func isIBANShaped(_ text: ScalarText, _ start: Int, _ end: Int) -> Bool {
        end - start >= 15 && text.isUpper(start) && text.isASCIILetter(start) && text.isUpper(start + 1) && text.isASCIILetter(start + 1)
            && text.isDigit(start + 2) && text.isDigit(start + 3)
    }

    /// Whether `start..<end` is a date of digits: day, month and a two- or four-digit year joined by `/`, `.` or `-` (`10/03/1998`).
    private static func isNumericDate(_ text: ScalarText, _ start: Int, _ end: Int) -> Bool {
        var groups: [Int] = [], length = 0, separator: UInt32 = 0
        for index in start..<end {
            if text.isDigit(index) { length += 1; continue }
            guard text.is(index, "/") || text.is(index, ".") || text.is(index, "-"), length > 0, separator == 0 || separator == text[index] else { return false }
            separator = text[index]
            groups.append(length)
            length = 0
        }
        groups.append(length)
        return groups.count == 3 && (1...2).contains(groups[0]) && (1...2).contains(groups[1]) && [2, 4].contains(groups[2])
    }

    /// The identifier after a cue ending at `cueEnd`: alphanumeric groups joined by single spaces,
    /// hyphens, slashes or dots, 4–24 code points, with a digit; plates also need a letter. A
    /// government id may stand up to four words after its cue within the sentence (`Steuer-ID
    /// angegeben: 93 257 684 144`, `Reisepassnummer geschickt (M48210375)`); then it needs six digits.
    private static func value(in text: ScalarText, after cueEnd: Int, type: EntityType) -> (start: Int, end: Int)? {
        // A plate's or id's cue may open a label that runs to a colon (`Kennzeichen Transporter für Abholung Sperrgut: DD CX 3601`).
        var cursor = type == .licensePlate || type == .nationalID ? labelColon(text, after: cueEnd).map { $0 + 1 } ?? cueEnd : cueEnd
        var skipped = 0, freeWords = 0
        while cursor < text.count, skipped < 4 {
            // A sentence's end stops a free search; the dot of an abbreviation (`Nr.`) does not.
            let abbreviationDot = text.is(cursor, ".") && text.isLetter(cursor - 1) && fillers.contains(text.wordBefore(cursor).lowercased())
            if freeWords > 0, !abbreviationDot,
               text.is(cursor, ".") || text.is(cursor, "!") || text.is(cursor, "?") || text.isWhitespace(cursor) && !text.isSpace(cursor) {
                return nil
            }
            // `|` between a table's label cell and its value cell (`| Mitgliedsnr. | 50046041 |`).
            if text.isSpace(cursor) || text.is(cursor, ":") || text.is(cursor, ".") || text.is(cursor, "(") || text.is(cursor, "#") || text.is(cursor, "-")
                || text.is(cursor, "|")
                || text.is(cursor, "–") || text.is(cursor, "—")
                || text.is(cursor, "«") || text.is(cursor, "\"") || text.is(cursor, "„") || text.is(cursor, "'")
                // A comma after words between a government id's cue and its number (`Ausweis vorgelegt, Nr. YH8MX3T7J`).
                || type == .nationalID && freeWords > 0 && text.is(cursor, ",") { cursor += 1; continue }
            var end = cursor
            while text.isLetter(end) { end += 1 }
            guard end > cursor, !text.isDigit(end) else { break }
            // Capitals before digits open the value (`NI number QQ 12 34 56 C`, `Ausweis L 01X00T47`).
            // Not a filler shouted with it (`MY NUMBER IS 087 501 978`).
            if end - cursor <= 3, (cursor..<end).allSatisfy({ text.isUpper($0) }), text.isSpace(end), text.isDigit(end + 1),
               !fillers.contains(text.string(cursor, end).lowercased()) { break }
            // So does a document number of capitals without a vowel (`Perso vorgezeigt (Nr. MJJVWZMVK)`).
            if type == .nationalID, (8...12).contains(end - cursor),
               (cursor..<end).allSatisfy({ text.isUpper($0) && text.isASCIILetter($0) && !"AEIOU".unicodeScalars.contains(Unicode.Scalar(text[$0]) ?? " ") }) { break }
            if !fillers.contains(text.string(cursor, end).lowercased()) {
                // A government id may stand a few words after its cue; a plate two words, capitalized or short joining words
                // (`Kennzeichen Lieferwagen KI N 198`, `Kennzeichen des Abholers OS BC 4555`, `Kennzeichen am Tor SH-11 847`),
                // never the plate's own lowercase letters (`kennzeichen do-k 6188`).
                let plateWord = text.isUpper(cursor) ? !text.isUpper(cursor + 1) && end - cursor >= 3 : plateJoiners.contains(text.string(cursor, end))
                guard type == .nationalID || type == .licensePlate && freeWords < 2 && plateWord, end - cursor <= 20 else { break }
                freeWords += 1
            }
            cursor = end
            skipped += 1
        }
        guard text.isAlphanumeric(cursor), !text.isAlphanumeric(cursor - 1) else { return nil }
        var end = cursor
        var digits = 0, letters = 0, groups = 0
        // A plate typed in lowercase keeps its lowercase letter groups (`do-k 6188`).
        var typedLowercase = false
        while end < text.count, end - cursor < 24 {
            var groupEnd = end
            var groupDigits = 0, groupLower = 0
            while text.isAlphanumeric(groupEnd), text[groupEnd] < 0x80 || text.isLetter(groupEnd), groupEnd - cursor < 25 {
                if text.isDigit(groupEnd) { groupDigits += 1 } else if !text.isUpper(groupEnd) { groupLower += 1 }
                groupEnd += 1
            }
            let length = groupEnd - end
            // A value starts with digits or capitals (`4711`, `CV`, `KD`); after the first group, a word
            // without digits that is lowercase or long ends it (`… 4711 bitte`).
            // A short lowercase prefix before digits is a code typed in lowercase (`mbr-131487`, `kd 54 2861`).
            // Such a prefix has no vowel: `seit 2013`, `for 10`, `nach 5` are words. One letter needs a hyphen (`m-405311`).
            let lowercasePrefix = type == .memberNumber && groupDigits == 0 && groupLower > 0
                && ((2...4).contains(length) && text.isSpace(groupEnd) || (1...4).contains(length) && text.is(groupEnd, "-"))
                && text.isDigit(groupEnd + 1) && !(end..<groupEnd).contains { "aeiouyäöüAEIOUYÄÖÜ".unicodeScalars.contains(Unicode.Scalar(text[$0]) ?? " ") }
            // A plate typed in lowercase after its cue (`mein kennzeichen do-k 6188`).
            let lowercasePlate = type == .licensePlate && groupDigits == 0 && groupLower > 0 && length <= 3 && (text.is(groupEnd, "-") || text.isSpace(groupEnd))
            if groups == 0, groupDigits == 0, groupLower > 0, !lowercasePrefix, !lowercasePlate { return nil }
            if groups == 0, lowercasePlate || lowercasePrefix { typedLowercase = true }
            // Four capitals after a hyphen still belong (`reg 63B-NQPR`).
            let capitalsAfterHyphen = groupLower == 0 && length <= 4 && text.is(end - 1, "-")
            // A word joining a list ends it (`cv 3824 4845 and CV 61610772`).
            let joinsList = groupDigits == 0 && listWords.contains { text.lowercasedMatches($0, at: end) && $0.count == length }
            if groups > 0, groupDigits == 0, groupLower > 0 && !(typedLowercase && length <= 3) || length > 3 && !capitalsAfterHyphen || joinsList { break }
            // A capital word that opens the next clause (`00412277 I think`) is no part of the value.
            // But an NI number's final letter is (`ZZ 382464 D at check-in`).
            let insuranceLetter = type == .nationalID && length == 1 && digits >= 6 && text.isUpper(end)
            if groups > 0, groupDigits == 0, text.isSpace(end - 1), text.isSpace(groupEnd), text.isLetter(groupEnd + 1), !text.isUpper(groupEnd + 1),
               !insuranceLetter { break }
            guard length > 0 else { break }
            digits += groupDigits
            letters += length - groupDigits
            groups += 1
            end = groupEnd
            let separator = text.isSpace(end) || text.is(end, "-") || text.is(end, "/") || text.is(end, ".")
            guard separator, text.isAlphanumeric(end + 1), !(text.is(end, ".") && text.isSpace(end + 1)) else { break }
            end += 1
        }
        while end > cursor, !text.isAlphanumeric(end - 1) { end -= 1 }
        let length = end - cursor
        let plateShaped = type == .licensePlate && text.isUpper(cursor) && (1...5).contains(digits) && length <= 10
        // A document number a few words after its cue: one group of capitals and digits (`Ausweisnummer laut Bestellung P4X17GZN7`);
        // German ID and passport numbers have no vowels, so capitals without one are a number too (`Reisepass FTCRMMYYC`).
        let documentShaped = type == .nationalID && groups == 1 && (8...12).contains(length) && letters >= 2
            && (cursor..<end).allSatisfy { text.isDigit($0) || text.isUpper($0) && text.isASCIILetter($0) }
        let vowelless = documentShaped && !(cursor..<end).contains { "AEIOU".unicodeScalars.contains(Unicode.Scalar(text[$0]) ?? " ") }
        guard length >= 4, digits >= 1 || vowelless, type != .licensePlate || letters >= 1, freeWords == 0 || digits >= 6 || plateShaped || documentShaped else { return nil }
        if type == .phone, digits < 7 || letters > 0 { return nil }
        // A time or a decimal is no plate or id (`Fahrzeug kam 19:20 Uhr`), nor is a date an id or member number
        // (`driver's license checked, …, DOB 10/03/1998`, `customer DOB 28/11/1989`).
        if type == .licensePlate || type == .nationalID, text.is(end, ":") || text.is(end, ".") || text.is(end, ","), text.isDigit(end + 1) { return nil }
        if type == .nationalID || type == .memberNumber, let firstDigit = (cursor..<end).first(where: { text.isDigit($0) }),
           isNumericDate(text, firstDigit, end) { return nil }
        // A UK postcode after a street named `… Drive` is the address's, not a plate (`169 Claremont Drive Leeds LS6 3HD`).
        if type == .licensePlate, length > 12 || AddressDetector.isUKPostcode(text, from: cursor, to: end) { return nil }
        return (cursor, end)
    }
}
