/// Email addresses, IP addresses and URLs with personal data in their query.
enum NetworkDetectors {
    /// Local parts of role mailboxes: departments, not people.
    private static let roleMailboxes: Set<String> = [
        "info", "service", "kundenservice", "customerservice", "support", "help", "hilfe", "kontakt", "contact", "hello", "hallo", "team",
        "office", "jobs", "careers", "karriere", "bewerbung", "hr", "personal", "einkauf", "buying", "purchasing", "sales", "vertrieb",
        "orders", "bestellung", "bestellungen", "wareneingang", "goodsin", "returns", "retoure", "retouren", "datenschutz", "privacy", "dpo",
        "presse", "press", "marketing", "newsletter", "noreply", "no-reply", "donotreply", "buchhaltung", "accounting", "billing",
        "rechnung", "invoice", "invoices", "shop", "webmaster", "postmaster", "admin", "abuse", "security",
        "loyalty", "treue", "treueprogramm", "bonus", "bonusprogramm", "club", "kundenclub", "clubservice", "rewards", "members", "membership",
        "mitglieder", "mitgliederservice", "customercare", "care", "kundenbetreuung", "kundendienst", "vip", "events", "promo", "promotions",
        "aktion", "aktionen", "news", "community", "social", "redaktion", "verkauf", "filiale", "store", "online", "kasse", "lager", "versand",
    ]

    /// Email addresses: a local part, `@`, and a domain with a top-level domain of letters; not a role mailbox.
    static func emails(in text: ScalarText) -> [Detection] {
        var found: [Detection] = []
        var index = 0
        while index < text.count {
            defer { index += 1 }
            guard text.is(index, "@") else { continue }
            var start = index
            while start > 0, index - start < 64, isLocal(text, start - 1) { start -= 1 }
            while start < index, text.is(start, ".") { start += 1 }
            guard start < index else { continue }
            var end = index + 1
            var lastDot = -1
            while end < text.count, end - index < 255, text.isAlphanumeric(end) || text.is(end, "-") || (text.is(end, ".") && text.isAlphanumeric(end + 1)) {
                if text.is(end, ".") { lastDot = end }
                end += 1
            }
            guard lastDot > index + 1, end - lastDot > 2, (lastDot + 1..<end).allSatisfy({ text.isLetter($0) }) else { continue }
            // A shop's role mailbox (`service@…`, `jobs@…`) reaches a department, not a person; not on a family's own domain
            // (`hello@thefletcherfamily.net`).
            if roleMailboxes.contains(text.string(start, index).lowercased()), !isPersonalDomain(text.string(index + 1, lastDot).lowercased()) {
                index = end - 1
                continue
            }
            found.append(Detection(type: .email, start: start, end: end, priority: DetectionPriority.structured))
            index = end - 1
        }
        return found
    }

    /// Whether a mail domain is a family's (`familie-hoffmann.de`, `thefletcherfamily.net`). A domain spelling a person's
    /// name is often a shop's too (`harperfinch.com`), so it does not count.
    private static func isPersonalDomain(_ domain: String) -> Bool { domain.contains("famil") }

    private static let localSpecials: Set<UInt32> = Set("._%+-".unicodeScalars.map(\.value))

    /// How people write `@` and `.` to hide an address from robots: `(at)`, `[at]`, ` at `, `(dot)`, `(punkt)`, ` dot `.
    private static let spelledAt = ScalarText.lowercased(["(at)", "[at]", "{at}", " (at) ", " [at] ", " at ", "(ät)", " ät "])
    private static let spelledDot = ScalarText.lowercased(["(dot)", "[dot]", "{dot}", " (dot) ", " [dot] ", " dot ", "(punkt)", " (punkt) ", " punkt ", "."])

    /// Email addresses written out (`m.nowak (at) t-online (punkt) de`, `emily dot watson at gmail dot com`): a local
    /// part, a spelled `@`, and a domain of at least two labels joined by spelled dots, ending in a TLD of letters.
    static func spelledEmails(in text: ScalarText) -> [Detection] {
        var found: [Detection] = []
        var index = 0
        while index < text.count {
            defer { index += 1 }
            guard text.is(index, "(") || text.is(index, "[") || text.is(index, "{") || text.isSpace(index),
                  let at = spelledAt.first(where: { text.lowercasedMatches($0, at: index) }) else { continue }
            // The local part: name labels joined by dots or spelled dots, back from the `at`.
            var start = index
            var labels = 0
            while labels < 4 {
                var labelStart = start
                while labelStart > 0, isLocal(text, labelStart - 1), !text.is(labelStart - 1, "."), start - labelStart < 40 { labelStart -= 1 }
                guard labelStart < start else { break }
                start = labelStart
                labels += 1
                guard let dot = spelledDot.first(where: { $0.count <= start && text.lowercasedMatches($0, at: start - $0.count) }),
                      start - dot.count > 0, isLocal(text, start - dot.count - 1) else { break }
                start -= dot.count
            }
            // A web address is a site, not a mail domain (`Info at www.example.co.uk`).
            guard labels > 0, !text.lowercasedMatches(webPrefix, at: index + at.count) else { continue }
            var end = index + at.count
            var domainLabels = 0
            var lastLabelLetters = false
            while domainLabels < 5 {
                let labelStart = end
                while text.isAlphanumeric(end) || text.is(end, "-"), end - labelStart < 63 { end += 1 }
                guard end > labelStart else { break }
                domainLabels += 1
                // A top-level domain is written in one case (`de`, `COM`): `ordered at s.Oliver` names a brand, not a mail domain.
                lastLabelLetters = end - labelStart >= 2 && (labelStart..<end).allSatisfy { text.isLetter($0) }
                    && (labelStart..<end).allSatisfy { text.isUpper($0) == text.isUpper(labelStart) }
                guard let dot = spelledDot.first(where: { text.lowercasedMatches($0, at: end) }), text.isAlphanumeric(end + dot.count) else { break }
                end += dot.count
            }
            // `confirmation at qbao.pham@gmail.com`: the "domain" is the local part of a written address.
            guard domainLabels >= 2, lastLabelLetters, !text.is(end, "@") else { continue }
            found.append(Detection(type: .email, start: start, end: end, priority: DetectionPriority.structured))
            index = end
        }
        return found
    }

    private static let webPrefix = ScalarText.lowercased(["www."])[0]

    private static func isLocal(_ text: ScalarText, _ index: Int) -> Bool {
        text.isAlphanumeric(index) || localSpecials.contains(text[index])
    }

    /// IPv4 (four numbers 0–255) and IPv6 (hex groups with `::` or seven colons, optionally ending in IPv4).
    static func ipAddresses(in text: ScalarText) -> [Detection] {
        var found: [Detection] = []
        var index = 0
        while index < text.count {
            let boundary = index == 0 || !(text.isAlphanumeric(index - 1) || text.is(index - 1, ".") || text.is(index - 1, ":"))
            if boundary, let end = ipv4End(text, from: index) ?? ipv6End(text, from: index), !text.hasCue(versionCues, before: index, window: 12) {
                // A network in CIDR notation (`10.0.0.0/24`) is no one's address.
                if text.is(end, "/"), text.isDigit(end + 1) { index = end; continue }
                found.append(Detection(type: .ipAddress, start: index, end: end, priority: DetectionPriority.structured))
                index = end
            } else {
                index += 1
            }
        }
        return found
    }

    /// Words before a dotted number that make it a version, not an address (`App version 2.14.3.1`).
    private static let versionCues = ScalarText.lowercased(["version", "ver.", "v.", "build", "release", "firmware", "update"])

    /// End of an IPv4 address at `start` (`84.144.177.170`), or nil.
    static func ipv4End(_ text: ScalarText, from start: Int) -> Int? {
        var index = start
        for part in 0..<4 {
            var value = 0
            let digitsStart = index
            while text.isDigit(index), index - digitsStart < 3 { value = value * 10 + Int(text[index] - 0x30); index += 1 }
            guard index > digitsStart, value <= 255 else { return nil }
            if part < 3 { guard text.is(index, ".") else { return nil }; index += 1 }
        }
        return text.isAlphanumeric(index) || (text.is(index, ".") && text.isDigit(index + 1)) ? nil : index
    }

    private static func ipv6End(_ text: ScalarText, from start: Int) -> Int? {
        var probe = start
        while probe - start < 5, isHex(text, probe) { probe += 1 }
        guard text.is(probe, ":") else { return nil }
        var index = start
        var colons = 0
        var doubleColon = false
        var groupLength = 0
        var groupStart = start
        var hasLetterOrLongGroup = false
        while index < text.count, index - start < 45 {
            if text.is(index, ":") {
                if text.is(index - 1, ":") { if doubleColon { return nil }; doubleColon = true }
                colons += 1
                groupLength = 0
                groupStart = index + 1
            } else if text.is(index, "."), colons >= 2, (groupStart..<index).allSatisfy({ text.isDigit($0) }) {
                // An IPv4 address as the last 32 bits (`::ffff:10.0.0.1`): the whole of it, not only the part before its first dot.
                if let end = ipv4End(text, from: groupStart) { return end }
                break
            } else if isHex(text, index) {
                groupLength += 1
                if groupLength > 4 { return nil }
                if !text.isDigit(index) || groupLength > 2 { hasLetterOrLongGroup = true }
            } else {
                break
            }
            index += 1
        }
        guard (doubleColon && colons >= 2) || colons == 7, hasLetterOrLongGroup || doubleColon, !text.isAlphanumeric(index) else { return nil }
        return text.is(index - 1, ":") && !text.is(index - 2, ":") ? index - 1 : index
    }

    private static func isHex(_ text: ScalarText, _ index: Int) -> Bool {
        text.isDigit(index) || (text[index] | 0x20 >= 0x61 && text[index] | 0x20 <= 0x66)
    }

    private static let trailingPunctuation: Set<UInt32> = Set(".,);!?".unicodeScalars.map(\.value))
    private static let schemes = [Array("https://".unicodeScalars.map(\.value)), Array("http://".unicodeScalars.map(\.value))]

    /// Query parameters that carry personal data: names, contacts, customer and card numbers, address parts, birthdays.
    private static let personalParameters: Set<String> = [
        "email", "mail", "e-mail", "e_mail", "name", "fn", "ln", "first", "last", "firstname", "lastname", "first_name", "last_name",
        "fullname", "full_name", "vorname", "nachname", "phone", "tel", "mobile", "handy", "user", "username", "login", "iban",
        "customer", "customerid", "customer_id", "cust", "cust_id", "kunde", "kd", "kdnr", "kundennr", "kundennummer", "member",
        "memberid", "member_id", "mitglied", "card", "cardno", "card_no", "karte", "address", "adresse", "street", "strasse", "zip",
        "plz", "postcode", "pc", "dob", "birthday", "geburtstag", "geb", "surname", "given", "givenname", "given_name", "fname", "lname",
        "uid", "userid", "user_id", "account", "acct", "konto", "recipient", "empfaenger", "subscriber", "contact", "mitgliedsnummer",
        "cid", "custid", "clientid", "client_id", "mid", "knr", "mnr", "cardnumber", "card_number", "membernumber", "member_no",
    ]

    /// URLs whose query carries personal data (a parameter of `personalParameters`, or a value with
    /// `@`/`%40`), with or without a scheme: `https://…`, `www.…`, `shop.example.de/…?…`.
    static func personalURLs(in text: ScalarText) -> [Detection] {
        var found: [Detection] = []
        var index = 0
        while index < text.count {
            // A URL starts after a space or an opening bracket or quote (`(«https://…»)`), never at one.
            let opening = text.is(index, "(") || text.is(index, "«") || text.is(index, "\"") || text.is(index, "„") || text.is(index, "[")
            guard !text.isWhitespace(index), !opening, index == 0 || text.isWhitespace(index - 1) || text.is(index - 1, "(") || text.is(index - 1, "«")
                    || text.is(index - 1, "\"") || text.is(index - 1, "„") || text.is(index - 1, ":") || text.is(index - 1, "[")
            else { index += 1; continue }
            var end = index
            var question = -1, slash = -1, dot = -1
            // After a scheme, the host starts past `://`.
            for scheme in schemes where text.hasPrefix(scheme, at: index) { end = index + scheme.count }
            let hostStart = end
            while end < text.count, !text.isWhitespace(end), !text.is(end, ">"), !text.is(end, "\""), !text.is(end, "»"), !text.is(end, "“") {
                if text.is(end, "?"), question < 0 { question = end }
                if text.is(end, "/"), slash < 0 { slash = end }
                if text.is(end, "."), dot < 0, slash < 0 { dot = end }
                end += 1
            }
            while end > index, trailingPunctuation.contains(text[end - 1]) { end -= 1 }
            defer { index = max(end, index + 1) }
            guard dot > hostStart, slash > dot, question > slash, question < end else { continue }
            let query = text.string(question + 1, end).lowercased()
            let parameters = query.split(whereSeparator: { $0 == "&" || $0 == ";" }).map { $0.split(separator: "=", maxSplits: 1) }
            let personal = parameters.contains { parameter in
                parameter.first.map { personalParameters.contains(String($0)) } ?? false || parameter.count == 2 && (parameter[1].contains("@" as Character) || parameter[1].contains("%40"))
            }
            if personal {
                found.append(Detection(type: .url, start: index, end: end, priority: DetectionPriority.structured))
            }
        }
        return found
    }
}
