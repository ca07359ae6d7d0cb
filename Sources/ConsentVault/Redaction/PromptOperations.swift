import Foundation

/// Privacy-safe prompts: redaction of free text, consented prompt context from templates, and
/// demasking of generated text. Session mappings are sealed in the vault and expire; a value is
/// put back only if the member consented to its field for the session's purpose.
public struct PromptOperations {
    let context: VaultContext

    /// How long a prompt session's mapping is kept.
    static let sessionHours = 24.0

    /// Redacts `text`; with `member`, their stored values are found first (decrypted in memory for
    /// this call only). `session` continues an earlier session of the same member and purpose.
    public func redact(_ text: String, member: MemberID? = nil, purpose purposeID: String, session: String? = nil,
                       as principal: Principal) throws -> PromptRedaction {
        try context.audited(principal, .promptRedact, purpose: purposeID, member: member) { record in
            guard let purpose = context.policies.purposes.purpose(purposeID) else { throw ConsentError.unknownPurpose(purposeID) }
            try context.promptSessions.purgeExpired(before: context.timestamp)
            let known = try member.map { try knownValues(of: $0, purpose: purpose, for: principal) } ?? [:]
            var (id, mapping) = try loadOrCreateSession(session, member: member, purpose: purposeID, principal: principal)
            let redaction = try redactor(known: known).redact(text, mapping: &mapping)
            try saveSession(id, member: member, purpose: purposeID, principal: principal, mapping: mapping)
            record.fieldsRequested = ["session:\(id)"]
            record.fieldsReturned = Self.entityCounts(redaction.entities.map(\.type))
            return PromptRedaction(text: redaction.text, session: id, entities: redaction.entities)
        }
    }

    /// Fills `template`'s `{{attribute}}` slots with the member's attributes that `purpose` may use
    /// now, generalized (birth month, age band, city, sizes); the first name becomes a placeholder
    /// for demasking; other slots get the template's fallback (`{{city|Ihrer Stadt}}`). The result
    /// is redacted too.
    public func build(template: String, member: MemberID, purpose purposeID: String, as principal: Principal) throws -> PromptRedaction {
        try context.audited(principal, .promptBuild, purpose: purposeID, member: member) { record in
            guard let purpose = context.policies.purposes.purpose(purposeID) else { throw ConsentError.unknownPurpose(purposeID) }
            let slots = PromptTemplate.slots(in: template)
            if let unknown = slots.first(where: { PromptAttribute(rawValue: $0.name) == nil }) { throw PromptError.unknownSlot(unknown.name) }
            let attributes = slots.compactMap { PromptAttribute(rawValue: $0.name) }
            let stored = try context.loadMember(member)
            let allowed = try context.accessDecisions(for: stored, purpose: purpose, fields: Array(Set(attributes.map(\.field)))).allowed
            // Every stored value is needed anyway as known values for the redaction below; decrypt once.
            let known = try stored.values()
            let values = known.filter { allowed.contains($0.key) }
            try context.promptSessions.purgeExpired(before: context.timestamp)
            let (id, session) = try loadOrCreateSession(nil, member: member, purpose: purposeID, principal: principal)
            var book = PlaceholderBook(session)
            var filled = template
            for slot in PromptTemplate.slots(in: template).reversed() {
                var replacement = slot.fallback
                if let attribute = PromptAttribute(rawValue: slot.name), let value = values[attribute.field] {
                    replacement = attribute == .firstName
                        ? book.placeholder(for: value, type: .person, field: "first_name").description
                        : attribute.generalize(value, today: context.today)
                }
                filled.replaceSubrange(slot.range, with: replacement)
            }
            var mapping = book.mapping
            let redaction = try redactor(known: known).redact(filled, mapping: &mapping)
            try saveSession(id, member: member, purpose: purposeID, principal: principal, mapping: mapping)
            record.fieldsRequested = ["session:\(id)"] + attributes.map(\.rawValue)
            record.fieldsReturned = Self.entityCounts(redaction.entities.map(\.type)) + allowed.sorted()
            var result = PromptRedaction(text: redaction.text, session: id, entities: redaction.entities)
            var seen: Set<PromptAttribute> = []
            for attribute in attributes where values[attribute.field] == nil && seen.insert(attribute).inserted {
                result.withheld.append(WithheldAttribute(attribute: attribute.rawValue, reason: known[attribute.field] == nil ? .noData : .noConsent))
            }
            return result
        }
    }

    /// Puts back the values of `session` in `text` whose fields the member consented to for the
    /// session's purpose right now; tolerates changed case and markdown around placeholders.
    /// Unknown, expired and unconsented placeholders stay and are reported.
    public func demask(_ text: String, session id: String, as principal: Principal) throws -> DemaskResult {
        // The role is checked before the caller can learn anything about the session; the refusal
        // names the session's member in the audit log when there is one.
        let stored = try context.promptSessions.session(id)
        try context.authorize(principal, .promptDemask, purpose: stored?.purpose ?? "", member: stored?.member)
        let (member, purposeID, mapping) = try readSession(id, for: principal)
        return try context.audited(principal, .promptDemask, purpose: purposeID, member: member) { record in
            guard let purpose = context.policies.purposes.purpose(purposeID) else { throw ConsentError.unknownPurpose(purposeID) }
            // A placeholder for a known full name lists both fields (`first_name last_name`): each must be allowed.
            let fields = Array(Set(mapping.values.compactMap(\.field).flatMap { $0.split(separator: " ").map(String.init) }))
            let allowed = try member.map { Set(try context.accessDecisions(for: context.loadMember($0), purpose: purpose, fields: fields).allowed) } ?? []
            var output = text
            var restored: [EntityType] = []
            var left: [LeftPlaceholder] = []
            let (folded, original) = Self.foldedForPlaceholders(text)
            for match in try Self.placeholderPattern().matches(in: folded, range: NSRange(folded.startIndex..., in: folded)).reversed() {
                guard let range = original(match.range.location, match.range.location + match.range.length),
                      let written = Self.canonicalPlaceholder(match, in: folded) else { continue }
                guard let placeholder = Placeholder(written), let entry = mapping[written] else {
                    left.append(LeftPlaceholder(placeholder: written, reason: .unknown))
                    continue
                }
                guard let field = entry.field, field.split(separator: " ").allSatisfy({ allowed.contains(String($0)) }) else {
                    left.append(LeftPlaceholder(placeholder: placeholder.description, reason: .notConsented))
                    continue
                }
                output.replaceSubrange(range, with: entry.value)
                guard let type = EntityType(rawValue: entry.type) else { throw PromptError.corruptSession(id) }
                restored.append(type)
            }
            record.fieldsRequested = ["session:\(id)"]
            record.fieldsReturned = Self.entityCounts(restored)
            return DemaskResult(text: output, restored: restored.count, leftInPlace: left.reversed())
        }
    }

    /// Placeholders as generated text may write them, matched on the text folded as the redactor reads it (full-width
    /// letters and digits as ASCII, zero-width characters and soft hyphens left out): in square brackets in any case, with
    /// markdown escapes (`[person\\_1]`), in curly, angle or lenticular brackets, URL-encoded or escaped (`%5BPERSON_1%5D`),
    /// unclosed, with spaces, hyphens or colons, doubled or no separators (`[PERSON1]`, `[PERSON__1]`, `[E-Mail_1]`,
    /// `[DATE-OF-BIRTH_1]`, `[P.E.R.S.O.N_1]`); in round brackets in capitals or before an underscore (`(person_1)`, not
    /// `Raum (Person 1)`); a known type bare in capitals (`PERSON_1`, `PERSON 1`, `_PERSON_1_`) or in any case before an
    /// underscore (`person_1`); an unknown type in capitals (`[ADRESSE_1]`) or before an underscore; and a known type in
    /// square brackets without its number (`[PERSON]`, `[NAME]`, `[PERSON_X]`), which can never be put back.
    private static func placeholderPattern() throws -> NSRegularExpression {
        let typeSeparator = #"(?:\\?_|\s|-)"#
        let knownTypes = EntityType.allCases.map { $0 == .email ? "E-?MAIL" : $0.rawValue.replacingOccurrences(of: "_", with: typeSeparator) }
            .joined(separator: "|")
        // In brackets, also with spaces between the letters (`[P E R S O N _ 1]`).
        let spacedTypes = EntityType.allCases.map { type in
            type.rawValue.split(separator: "_").map { $0.map(String.init).joined(separator: #"\p{M}*[\s.\-]?"#) + #"\p{M}*"# }.joined(separator: typeSeparator)
        }.joined(separator: "|")
        // Brackets other than round ones, plain, URL-encoded (once or twice), HTML- or JSON-escaped.
        let notRound = #"[\[{【〔<]|%5B|%255B|&#91;|\\u005[bB]"#
        let open = "(?:" + notRound + #"|\()\s*"#, separator = #"(?:\\?_|\s|-|:|：|\.|/|–|#|‿|ـ)"#
        let close = #"\s*\.?\\?(?:[\]}】〕)>]|%5D|%255D|&#93;|\\u005[dD])"#
        // In round brackets a type in any case needs an underscore (`(person_1)`): `Raum (Person 1)` is a room's person.
        let roundKnown = #"\(\s*(?:(?<roundKnown>"# + knownTypes + ")" + separator + "*|(?<roundAnyCase>(?i:" + knownTypes + #"))\\?_)"#
        let bracketedKnown = "(?:" + notRound + #")\s*"# + "(?i:(?<known>" + knownTypes + "|" + spacedTypes + "))" + separator + "*"
        let bracketedAny = open + #"(?:(?<any>[A-Z]{3,}(?:\\?_[A-Z]+)*)"# + separator + "+" + #"|(?<anyLower>(?i:[a-z]+(?:\\?_[a-z]+)*))\\?_)"#
        let bare = #"(?<![A-Za-z0-9])(?:(?<bare>"# + knownTypes + ")" + separator + "*" + "|(?<bareAnyCase>(?i:" + knownTypes + #"))\\?_)"#
        let number = #"(?<number>[0-9]+)(?![0-9A-Za-z])(?:"# + close + ")?"
        let unnumbered = #"(?:\[|%5B|&#91;)\s*(?<unnumbered>(?:"# + knownTypes + #"|NAME)(?:_[A-Za-z]+)?)_?"# + close
        return try NSRegularExpression(pattern: "(?:" + roundKnown + "|" + bracketedKnown + "|" + bracketedAny + "|" + bare + ")" + number + "|" + unnumbered)
    }

    /// `[TYPE_N]` (or `[TYPE]` when written without a number) for a placeholder found by `placeholderPattern` in `text`.
    private static func canonicalPlaceholder(_ match: NSTextCheckingResult, in text: String) -> String? {
        let typeRange = ["roundKnown", "roundAnyCase", "known", "any", "anyLower", "bare", "bareAnyCase", "unnumbered"].lazy.compactMap { Range(match.range(withName: $0), in: text) }.first
        guard let typeRange else { return nil }
        // Without escapes and marks drawn over letters (`PE̶RSON`); letters written apart (`P.E.R.S.O.N`) are one type's.
        let written = String(String.UnicodeScalarView(text[typeRange].unicodeScalars.filter { $0.properties.generalCategory != .nonspacingMark }))
        let parts = written.replacingOccurrences(of: "\\", with: "").uppercased()
            .split(whereSeparator: { $0 == "_" || $0 == "-" || $0 == ":" || $0 == "." || $0.isWhitespace })
        let letters = parts.joined()
        // `E-Mail` and `DATE-OF-BIRTH` are the types `EMAIL` and `DATE_OF_BIRTH`.
        let type = EntityType.allCases.first { $0.rawValue.replacingOccurrences(of: "_", with: "") == letters }?.rawValue ?? parts.joined(separator: "_")
        guard let numberRange = Range(match.range(withName: "number"), in: text) else { return "[\(type)]" }
        return "[\(type)_\(text[numberRange])]"
    }

    /// `text` folded as the redactor reads it, and for each folded UTF-16 offset that starts a scalar, the range of
    /// original code points it came from: placeholder matches on the folded text map back to the original.
    private static func foldedForPlaceholders(_ text: String) -> (folded: String, original: (Int, Int) -> Range<String.Index>?) {
        let scalars = ScalarText(text)
        var folded = String.UnicodeScalarView()
        var scalarAtUTF16: [Int: Int] = [:]
        var utf16 = 0
        for index in 0..<scalars.count {
            guard let scalar = Unicode.Scalar(scalars[index]).map(Self.placeholderLookalike) else { continue }
            scalarAtUTF16[utf16] = index
            folded.append(scalar)
            utf16 += scalar.utf16.count
        }
        scalarAtUTF16[utf16] = scalars.count
        let originalIndices = Array(text.unicodeScalars.indices) + [text.unicodeScalars.endIndex]
        return (String(folded), { start, end in
            guard let first = scalarAtUTF16[start], let last = scalarAtUTF16[end], last > first else { return nil }
            return originalIndices[scalars.originalStart(first)]..<originalIndices[scalars.originalEnd(last - 1)]
        })
    }

    /// `scalar` as the ASCII letter or digit it looks like in a placeholder: Cyrillic and Greek capitals (`Е`, `Ο`), letters with
    /// accents (`Ó`), and digits of other scripts or superscript (`१`, `¹`). One scalar for one, so offsets stay.
    private static func placeholderLookalike(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        guard scalar.value > 0x7f else { return scalar }
        if let value = scalar.properties.numericValue, (scalar.properties.numericType == .decimal || scalar.properties.numericType == .digit),
           value >= 0, value <= 9, value == value.rounded(), let digit = Unicode.Scalar(0x30 + UInt32(value)) {
            return digit
        }
        if let latin = lookalikes[scalar] { return latin }
        let base = String(scalar).folding(options: .diacriticInsensitive, locale: nil).unicodeScalars
        return base.count == 1 && base.first!.isASCII ? base.first! : scalar
    }

    /// Cyrillic and Greek letters drawn like Latin capitals.
    private static let lookalikes: [Unicode.Scalar: Unicode.Scalar] = [
        "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C", "Т": "T", "Х": "X", "У": "Y", "І": "I",
        "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N", "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X",
        "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "х": "x", "у": "y", "і": "i", "ο": "o",
    ]

    /// The member's values the redactor looks for. The local administrator (who holds the key)
    /// gets every stored value; any other principal only the values `purpose` may use for the
    /// member now, so redaction never confirms a guessed value the caller could not read.
    /// An erased member takes no new session.
    private func knownValues(of member: MemberID, purpose: Purpose, for principal: Principal) throws -> [String: String] {
        _ = try context.memberRecord(member)
        let stored = try context.loadMember(member)
        guard !principal.isLocalAdministrator else { return try stored.values() }
        return try stored.values(context.accessDecisions(for: stored, purpose: purpose, fields: Array(stored.fieldNames)).allowed)
    }

    private func redactor(known: [String: String]) throws -> Redactor {
        try Redactor(catalog: context.catalog, knownValues: known)
    }

    /// `TYPE:count` per entity type, for the audit log (never values).
    private static func entityCounts(_ types: [EntityType]) -> [String] {
        Dictionary(grouping: types, by: \.rawValue).map { "\($0.key):\($0.value.count)" }.sorted()
    }

    /// Associated data of a session's mapping: vault, session and maker, so neither can be changed.
    private func sessionBinding(_ id: String, createdBy: String) -> [UInt8] {
        Array("cv1|prompt-session|\(context.keys.vaultID)|\(id)|\(createdBy)".utf8)
    }

    private func loadOrCreateSession(_ id: String?, member: MemberID?, purpose: String,
                                     principal: Principal) throws -> (String, [String: PlaceholderValue]) {
        guard let id else { return ("ps_" + Hex.encode(Sodium.randomPublicBytes(count: 12)), [:]) }
        let (owner, sessionPurpose, mapping) = try readSession(id, for: principal, administratorMayRead: false)
        guard owner == member, sessionPurpose == purpose else { throw PromptError.sessionMismatch(id) }
        return (id, mapping)
    }

    /// Opens session `id` for `principal`. A session of another principal answers exactly like one
    /// that does not exist; only its maker may continue it, and only its maker or (to demask) the
    /// local administrator may read it.
    private func readSession(_ id: String, for principal: Principal,
                             administratorMayRead: Bool = true) throws -> (MemberID?, String, [String: PlaceholderValue]) {
        guard let session = try context.promptSessions.session(id),
              session.createdBy == principal.name || (administratorMayRead && principal.isLocalAdministrator) else {
            throw PromptError.unknownSession(id)
        }
        guard session.expiresAt > context.clock() else { throw PromptError.expiredSession(id) }
        let plaintext = try AEAD.open(session.sealedMapping, using: context.keys.sessionKey,
                                      authenticating: sessionBinding(id, createdBy: session.createdBy))
        let mapping = try plaintext.withUnsafeBytes { try JSONDecoder().decode([String: PlaceholderValue].self, from: Data($0)) }
        return (session.member, session.purpose, mapping)
    }

    private func saveSession(_ id: String, member: MemberID?, purpose: String, principal: Principal,
                             mapping: [String: PlaceholderValue]) throws {
        var json = try JSONEncoder().encode(mapping)
        defer { json.withUnsafeMutableBytes { Sodium.wipe($0) } }
        let sealed = try json.withUnsafeBytes { try AEAD.seal($0, using: context.keys.sessionKey, authenticating: sessionBinding(id, createdBy: principal.name)) }
        let now = context.clock()
        try context.promptSessions.save(id, member: member, purpose: purpose, createdBy: principal.name, createdAt: Timestamp.string(now),
                                        expiresAt: Timestamp.string(now.addingTimeInterval(Self.sessionHours * 3600)), sealedMapping: sealed)
    }
}
