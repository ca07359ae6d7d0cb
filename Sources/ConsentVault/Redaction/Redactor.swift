import Foundation

/// Scrubs personal data from free text: the member's known values first, then checksum-validated
/// numbers, structured data, addresses, dates of birth and cue-based names; overlaps go to the
/// higher-priority detection. Every pass is linear in the text's length. Usable without a vault:
/// `try Redactor(catalog: policies.fields).redact(text)`.
///
/// `@unchecked Sendable`: its only reference is an immutable `NSRegularExpression`, which
/// Foundation documents as thread-safe; long texts still give each thread its own copy.
public struct Redactor: @unchecked Sendable {
    /// The member's stored values (decrypted just for this call), field name → value.
    let knownValues: [String: String]
    /// The regular expression of member numbers from the field catalog.
    let memberNumberPattern: NSRegularExpression?

    /// Texts longer than this (bytes) are split in two halves detected on two threads.
    static let parallelThreshold = 200_000
    /// How far (bytes) each half reaches into the other, so no entity is cut at the split.
    static let chunkOverlap = 1_024

    /// Entities in `input`, non-overlapping, in text order.
    func detect(_ input: String) -> [Detection] {
        guard input.utf8.count > Self.parallelThreshold else { return detectSerially(input) }
        let utf8 = Array(input.utf8)
        // Split by bytes, moved forward to the next scalar boundary (never inside a UTF-8 sequence).
        func boundary(_ offset: Int) -> Int {
            var position = offset
            while position < utf8.count, utf8[position] & 0xc0 == 0x80 { position += 1 }
            return position
        }
        func scalarCount(_ bytes: ArraySlice<UInt8>) -> Int { bytes.reduce(0) { $0 + ($1 & 0xc0 == 0x80 ? 0 : 1) } }
        let split = boundary(utf8.count / 2)
        let secondStart = boundary(split - Self.chunkOverlap)
        let firstEnd = boundary(split + Self.chunkOverlap)
        // Scalar offsets: where the second half starts, and the split every detection is assigned by.
        let offset = scalarCount(utf8[..<secondStart])
        let middle = offset + scalarCount(utf8[secondStart..<split])
        let first = String(decoding: utf8[..<firstEnd], as: UTF8.self)
        let second = String(decoding: utf8[secondStart...], as: UTF8.self)
        let results = DetectionGroups(count: 2)
        // The second half gets its own regular expression object rather than sharing one across threads.
        let twin = Redactor(knownValues: knownValues,
                            memberNumberPattern: memberNumberPattern.flatMap { try? NSRegularExpression(pattern: $0.pattern, options: $0.options) })
        DispatchQueue.concurrentPerform(iterations: 2) { half in
            if half == 0 {
                results.store(detectSerially(first).filter { $0.start < middle }, at: 0)
            } else {
                // Everything that reaches past the split; the merge below trims what the first half already covers.
                results.store(twin.detectSerially(second).filter { $0.end + offset > middle }.map {
                    Detection(type: $0.type, start: $0.start + offset, end: $0.end + offset, priority: $0.priority, field: $0.field)
                }, at: 1)
            }
        }
        // The halves may group words differently around the split (a name run of the first half ends
        // inside one of the second): a second-half detection then starts where the first half's
        // coverage ends, so nothing between them is left uncovered.
        var merged: [Detection] = []
        for var detection in results.all {
            let covered = merged.last?.end ?? 0
            guard detection.end > covered else { continue }
            detection.start = max(detection.start, covered)
            merged.append(detection)
        }
        return merged
    }

    /// Entities in `input` found on the calling thread.
    private func detectSerially(_ input: String) -> [Detection] {
        let text = ScalarText(input)
        var candidates = matcher().matches(in: text)
        let memberPhone = knownValues["phone"].map { digits($0) }
        let dates = DateDetector.dates(in: text)
        // A date is never a phone (`03/03/1990`, `24.12.1990`).
        let phones = (NumberDetectors.phones(in: text) + NumberDetectors.northAmericanPhones(in: text)).filter { phone in !dates.contains { $0.start < phone.end && phone.start < $0.end } }
        candidates += phones.map { phone in
            guard let memberPhone, nationalDigits(digits(text.string(phone.start, phone.end))) == nationalDigits(memberPhone) else { return phone }
            return Detection(type: .phone, start: phone.start, end: phone.end, priority: DetectionPriority.knownValue, field: "phone")
        }
        candidates += NetworkDetectors.emails(in: text) + NetworkDetectors.spelledEmails(in: text) + NetworkDetectors.personalURLs(in: text)
            + NetworkDetectors.ipAddresses(in: text)
        candidates += NumberDetectors.ibans(in: text) + NumberDetectors.cardsAndSteuerIDs(in: text)
        candidates += memberNumbers(in: text) + CueDetector.values(in: text) + CueDetector.cardShapedNumbers(in: text)
            + CueDetector.customerPrefixedNumbers(in: text)
        candidates += IdentifierDetectors.nationalIDs(in: text) + IdentifierDetectors.licensePlates(in: text) + IdentifierDetectors.socialHandles(in: text)
        candidates += DateDetector.datesOfBirth(in: dates, of: text, birthday: knownValues["birthday"]) + TableDetector.cells(in: text)
        let addresses = AddressDetector.addresses(in: text)
        // A word of the shop's own address is no person (`Unit 4 Meadowbank Park`).
        let words = NameWords(text)
        let names = Self.outside(addresses.notPersonal, NameDetector.names(in: text, words: words), length: text.count)
        candidates += addresses.personal + names + CueDetector.numbersAfterNames(names, in: text)
        candidates += CueDetector.numbersListed(after: candidates, in: text)
        // Names no rule vouches for, which the model scores as names, among the words nothing else took.
        candidates += NameModel.shipped.names(in: words, text: text, taken: candidates + addresses.notPersonal, ruleNames: names)
        // Placeholders already in the text (`build` fills some in before redacting) are never personal data.
        let placeholders = Self.placeholderSpans(in: text)
        if !placeholders.isEmpty {
            candidates.removeAll { candidate in placeholders.contains { $0.start < candidate.end && candidate.start < $0.end } }
        }
        let resolved = Self.resolve(candidates, length: text.count) { start, end in Self.remainingNames(in: text, from: start, to: end) }
        return Self.mergingNeighbours(resolved, in: text).map { Self.withExtension($0, in: text) }.map(text.original)
    }

    /// `detections` without those that overlap any of `spans`, in time linear in `length`: a prefix count of covered code points
    /// answers each overlap in one step.
    private static func outside(_ spans: [Detection], _ detections: [Detection], length: Int) -> [Detection] {
        guard !spans.isEmpty else { return detections }
        var coveredBefore = [Int](repeating: 0, count: length + 1)
        var covered = [Bool](repeating: false, count: length)
        for span in spans where span.start >= 0 && span.end <= length {
            for index in span.start..<span.end where !covered[index] { covered[index] = true }
        }
        for index in 0..<length { coveredBefore[index + 1] = coveredBefore[index] + (covered[index] ? 1 : 0) }
        return detections.filter { $0.start < 0 || $0.end > length || coveredBefore[$0.end] == coveredBefore[$0.start] }
    }

    /// A phone with the extension written after it (`0161 405 5091 ext. 489`, `030 123456 Durchwahl 12`, `x204`).
    private static func withExtension(_ detection: Detection, in text: ScalarText) -> Detection {
        guard detection.type == .phone else { return detection }
        var cursor = detection.end
        if text.is(cursor, ",") { cursor += 1 }
        if text.isSpace(cursor) { cursor += 1 }
        guard let word = extensionWords.first(where: { text.lowercasedMatches($0, at: cursor) && !text.isLetter(cursor + $0.count) }) else { return detection }
        cursor += word.count
        if text.is(cursor, ".") { cursor += 1 }
        if text.is(cursor, ":") { cursor += 1 }
        if text.isSpace(cursor) { cursor += 1 }
        let digits = cursor
        while text.isDigit(cursor), cursor - digits < 6 { cursor += 1 }
        guard cursor > digits, !text.isAlphanumeric(cursor) else { return detection }
        var extended = detection
        extended.end = cursor
        return extended
    }

    private static let extensionWords = ScalarText.lowercased(["extension", "ext", "x", "durchwahl", "dw", "app", "apparat", "nebenstelle"])

    /// Spans of `[TYPE_N]` placeholders of the vault's entity types.
    private static func placeholderSpans(in text: ScalarText) -> [(start: Int, end: Int)] {
        var spans: [(Int, Int)] = []
        var index = 0
        while index < text.count {
            defer { index += 1 }
            guard text.is(index, "["), text.isUpper(index + 1) else { continue }
            var end = index + 1
            while text.isUpper(end) || text.is(end, "_") || text.isDigit(end), end - index < 24 { end += 1 }
            guard text.is(end, "]"), Placeholder(text.string(index, end + 1)) != nil else { continue }
            spans.append((index, end + 1))
            index = end
        }
        return spans
    }

    /// Keeps the best of overlapping detections: lower priority number first, then longer. A
    /// detection that wholly contains earlier ones of its type replaces them, keeping their catalog
    /// field (`CV 77468233` around the known member number's digits); an email address, URL or
    /// social handle replaces anything inside it (a name inside an address). A name never replaces
    /// a known name part, which keeps its field: the words it adds that `nameSpan` accepts
    /// (`Bianchi` after the known `Giuseppe`) become names of their own.
    static func resolve(_ candidates: [Detection], length: Int, nameSpan: (Int, Int) -> (start: Int, end: Int)? = { _, _ in nil }) -> [Detection] {
        // owner[i] is 1 + the index in `accepted` of the detection covering code point i, or 0.
        var owner = [Int](repeating: 0, count: length)
        var accepted: [Detection] = []
        var replaced = Set<Int>()
        func accept(_ detection: Detection) {
            accepted.append(detection)
            for index in detection.start..<detection.end { owner[index] = accepted.count }
        }
        for candidate in candidates.sorted(by: { ($0.priority, -$0.length, $0.start) < ($1.priority, -$1.length, $1.start) }) {
            guard candidate.start >= 0, candidate.end <= length, candidate.start < candidate.end else { continue }
            let overlapping = Set(owner[candidate.start..<candidate.end].filter { $0 != 0 }.map { $0 - 1 })
            guard !overlapping.isEmpty else { accept(candidate); continue }
            // An address (email, URL, handle) takes over anything inside it, even a known value of the
            // same span: it is never put back by demask. Another type only grows what it contains.
            let takesOver = [.email, .url, .socialHandle].contains(candidate.type)
            let containsThem = overlapping.allSatisfy { part in
                (takesOver || accepted[part].type == candidate.type)
                    && candidate.start <= accepted[part].start && accepted[part].end <= candidate.end
                    && (takesOver || candidate.start < accepted[part].start || accepted[part].end < candidate.end)
            }
            guard containsThem else { continue }
            if candidate.type == .person {
                // The uncovered words, each its own name.
                var position = candidate.start
                while position < candidate.end {
                    guard owner[position] == 0 else { position += 1; continue }
                    var end = position
                    while end < candidate.end, owner[end] == 0 { end += 1 }
                    if let word = nameSpan(position, end) {
                        accept(Detection(type: .person, start: word.start, end: word.end, priority: candidate.priority))
                    }
                    position = end
                }
                continue
            }
            let fields = Set(overlapping.compactMap { accepted[$0].field })
            replaced.formUnion(overlapping)
            var widened = candidate
            if fields.count == 1, !takesOver { widened.field = fields.first }
            accept(widened)
        }
        return accepted.indices.filter { !replaced.contains($0) }.map { accepted[$0] }.sorted { $0.start < $1.start }
    }

    /// The part of `start..<end` (what a name found by the detectors adds to a known name part)
    /// without spaces and punctuation at its ends, if it is one or two words that follow the known
    /// part (`Zielińska` after the member's known first name `Dorota`), or that are each a given
    /// name or surname in the lexicon (a word before it may be a verb: `Schreib Anna`).
    private static func remainingNames(in text: ScalarText, from start: Int, to end: Int) -> (start: Int, end: Int)? {
        var first = start, last = end
        while first < last, !text.isLetter(first) { first += 1 }
        while last > first, !text.isLetter(last - 1) { last -= 1 }
        guard last > first else { return nil }
        let words = text.string(first, last).split(separator: " ")
        let followsKnownPart = first >= 2 && text.isSpace(first - 1) && text.isLetter(first - 2) && text.isUpper(first)
        guard words.count <= 2, followsKnownPart || words.allSatisfy({ NameLexicon.isSurname(String($0)) || NameLexicon.isAnyGivenName(String($0)) })
        else { return nil }
        return (first, last)
    }

    /// `detections` (in text order) with neighbours that are one value joined: addresses with at
    /// most three spaces, commas or line breaks between them (a street, then the city on the next
    /// line); a member's known name parts with one space or a comma between them (`Tom Whelan`,
    /// `Haas, Günter` from the first and last name: one placeholder whose field lists both, so
    /// demask needs both allowed); and a known name part with the initial before it (`F. Schneider`).
    /// Two names the detectors found with one space between them become one. A known part and another name beside it stay
    /// two placeholders (`Giuseppe` can be put back, `Bianchi` cannot), leaving the space between them.
    private static func mergingNeighbours(_ detections: [Detection], in text: ScalarText) -> [Detection] {
        var merged: [Detection] = []
        for var detection in detections {
            if detection.type == .person, detection.field != nil, detection.start >= 3, text.isUpper(detection.start - 3), text.is(detection.start - 2, "."),
               text.isSpace(detection.start - 1), !text.isLetter(detection.start - 4), merged.last.map({ $0.end <= detection.start - 3 }) ?? true {
                detection.start -= 3
            }
            guard let last = merged.last, last.type == detection.type else { merged.append(detection); continue }
            let addressLines = last.type == .address && detection.start - last.end <= 3
                && (last.end..<detection.start).allSatisfy { text.isWhitespace($0) || text.is($0, ",") }
            let oneSpace = detection.start == last.end + 1 && text.isSpace(last.end)
            let comma = detection.start == last.end + 2 && text.is(last.end, ",") && text.isSpace(last.end + 1)
            let nameParts = last.type == .person && (oneSpace || comma)
            if addressLines {
                merged[merged.count - 1] = Detection(type: .address, start: last.start, end: detection.end, priority: last.priority,
                                                     field: last.field ?? detection.field)
            } else if last.type == .person, oneSpace, last.field == nil, detection.field == nil {
                // Two names the detectors found with one space between them are one person's (`derya süß`, `Quang Huy Le`).
                merged[merged.count - 1] = Detection(type: .person, start: last.start, end: detection.end, priority: last.priority)
            } else if nameParts, let first = last.field, let second = detection.field {
                let fields = (first.split(separator: " ") + second.split(separator: " ")).map(String.init)
                merged[merged.count - 1] = Detection(type: .person, start: last.start, end: detection.end, priority: last.priority,
                                                     field: fields.joined(separator: " "))
            } else {
                merged.append(detection)
            }
        }
        return merged
    }

    /// Replaces the detections with typed, numbered placeholders; the same value keeps the same
    /// placeholder, also across earlier calls of the session (`mapping`).
    func redact(_ input: String, mapping: inout [String: PlaceholderValue]) -> Redaction {
        let scalars = Array(input.unicodeScalars)
        // Built as an array and turned into a string once: appending to a string's scalar view copies it.
        var output: [Unicode.Scalar] = []
        output.reserveCapacity(scalars.count)
        var entities: [RedactedEntity] = []
        var book = PlaceholderBook(mapping)
        var cursor = 0
        for detection in detect(input) where detection.start >= cursor {
            output.append(contentsOf: scalars[cursor..<detection.start])
            let value = String(String.UnicodeScalarView(scalars[detection.start..<detection.end]))
            let placeholder = book.placeholder(for: value, type: detection.type, field: detection.field)
            output.append(contentsOf: placeholder.description.unicodeScalars)
            entities.append(RedactedEntity(type: detection.type, placeholder: placeholder, start: detection.start, end: detection.end))
            cursor = detection.end
        }
        output.append(contentsOf: scalars[cursor...])
        mapping = book.mapping
        var text = String.UnicodeScalarView()
        text.append(contentsOf: output)
        return Redaction(text: String(text), entities: entities)
    }

    /// The form two values of `type` are compared in: `0171 234` equals `0171234`, `Müller` equals `MUELLER`.
    static func comparable(_ value: String, type: EntityType) -> String {
        switch type {
        case .phone, .iban, .card, .nationalID: return value.filter { $0.isNumber || $0.isLetter }.uppercased()
        default: return String(String.UnicodeScalarView(KnownValueMatcher.fold(value).compactMap(Unicode.Scalar.init)))
        }
    }

    private func matcher() -> KnownValueMatcher {
        var patterns: [KnownValueMatcher.Pattern] = []
        func add(_ value: String?, _ type: EntityType, _ field: String, needsCapital: Bool = false) {
            guard let value, !value.isEmpty else { return }
            patterns.append(.init(folded: KnownValueMatcher.fold(value), type: type, field: field, needsCapital: needsCapital))
        }
        // A name part that is also an ordinary word (`Koch`, `Rich`) counts only written with a capital; others in any case
        // (`diarmuid: …`, `call from gülsüm kaya`), and so does the full name, even of two words: `mason ward` is the member.
        let first = knownValues["first_name"], last = knownValues["last_name"]
        add(first, .person, "first_name", needsCapital: first.map(NameLexicon.isOrdinaryWord) ?? true)
        add(last, .person, "last_name", needsCapital: last.map(NameLexicon.isOrdinaryWord) ?? true)
        if let first, let last { add("\(first) \(last)", .person, "first_name last_name") }
        add(knownValues["email"], .email, "email")
        add(knownValues["member_number"], .memberNumber, "member_number")
        // The member number's digits alone (`Nummer 00012345` for `CV00012345`), when there are enough of them to be distinctive.
        if let number = knownValues["member_number"], case let digits = number.filter(\.isNumber), digits.count >= 6, digits.count < number.count {
            add(digits, .memberNumber, "member_number")
            // Also in groups of four, as cards print them (`8339 3060`, `8339-3060`).
            if digits.count % 4 == 0 {
                let groups = stride(from: 0, to: digits.count, by: 4).map { String(Array(digits)[$0..<$0 + 4]) }
                add(groups.joined(separator: " "), .memberNumber, "member_number")
                add(groups.joined(separator: "-"), .memberNumber, "member_number")
            }
        }
        if let stored = knownValues["address"] {
            if let address = try? JSONSerialization.jsonObject(with: Data(stored.utf8)) as? [String: String] {
                add("\(address["street"] ?? "") \(address["house_number"] ?? "")", .address, "address")
                if let code = address["postal_code"], let city = address["city"], !code.isEmpty, !city.isEmpty { add("\(code) \(city)", .address, "address") }
            } else {
                // An address given as one line (`Flat 2B, 85 Foxglove Crescent, Norwich NR4 3SP`): each part with a number, never a
                // city alone, which would mark every mention of the town.
                for part in stored.split(whereSeparator: { $0 == "," || $0 == "\n" }).map({ $0.trimmingCharacters(in: .whitespaces) })
                where part.count >= 5 && part.contains(where: \.isNumber) && part.contains(where: \.isLetter) {
                    add(part, .address, "address")
                }
            }
        }
        return KnownValueMatcher(patterns)
    }

    /// Member numbers in the catalog's format, also written with spaces, hyphens or dots inside
    /// (`CV 0001 2345`, `CV-00012345`): the pattern runs on the text with such separators left out
    /// where a digit follows them, and matches map back to the written span.
    private func memberNumbers(in text: ScalarText) -> [Detection] {
        guard let memberNumberPattern else { return [] }
        var compact = String.UnicodeScalarView()
        var origin: [Int] = []
        for index in 0..<text.count {
            let isJoiner = text.isSpace(index) || text.is(index, "-") || text.is(index, ".")
            if isJoiner, text.isAlphanumeric(index - 1), text.isDigit(index + 1) { continue }
            if let scalar = Unicode.Scalar(text[index]) {
                compact.append(scalar)
                for _ in 0..<scalar.utf16.count { origin.append(index) }
            }
        }
        origin.append(text.count)
        let input = String(compact)
        return memberNumberPattern.matches(in: input, range: NSRange(location: 0, length: input.utf16.count)).compactMap { match in
            let start = origin[match.range.location], end = origin[match.range.location + match.range.length - 1] + 1
            // A digit after one space may continue the number; after a tab or a cell's border it is the next cell (`cv00395154⇥1000`).
            guard !text.isAlphanumeric(start - 1), !text.isAlphanumeric(end), !(text.is(end, " ") && text.isDigit(end + 1)) else { return nil }
            return Detection(type: .memberNumber, start: start, end: end, priority: DetectionPriority.structured)
        }
    }

    private func digits(_ text: String) -> String { text.filter(\.isNumber) }

    /// Digits without the country code or trunk prefix, so `+49 171…` equals `0171…`.
    private func nationalDigits(_ digits: String) -> String {
        var national = Substring(digits)
        if national.hasPrefix("0049") { national = national.dropFirst(4) } else if national.hasPrefix("49") { national = national.dropFirst(2) }
        return String(national.drop { $0 == "0" })
    }
}

/// Detections of the two halves of a long text, filled from two threads.
private final class DetectionGroups: @unchecked Sendable {
    private let lock = NSLock()
    private var groups: [[Detection]]

    init(count: Int) { groups = Array(repeating: [], count: count) }

    /// Stores the detections of half `index` (thread-safe).
    func store(_ detections: [Detection], at index: Int) { lock.withLock { groups[index] = detections } }

    /// Every detection, in text order.
    var all: [Detection] { lock.withLock { groups.flatMap { $0 } } }
}
