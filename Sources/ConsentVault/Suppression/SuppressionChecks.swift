/// The suppression list at work inside other capabilities' transactions: erasure and objection add
/// the member's contact values, and every direct-marketing grant (enrolment, import, consent
/// grant, profile share) is checked against it.
extension VaultContext {
    /// Whether `purpose` reaches people as direct marketing for the suppression list: marked so, or
    /// based on consent and using an email or phone field (a purpose renamed, re-added or added
    /// without the flag still writes to people).
    func isDirectMarketing(_ purpose: Purpose) -> Bool {
        purpose.directMarketing == true || purpose.lawfulBasis == .consent
            && purpose.fields.contains { catalog.definition(of: $0).map { $0.type == .email || $0.type == .phone } ?? false }
    }

    /// Indexed fields whose values reach a person: email addresses and phone numbers.
    var contactFields: Set<String> {
        Set(catalog.fields.filter { $0.indexed && ($0.type == .email || $0.type == .phone) }.map(\.name))
    }

    /// The suppression hashes of the member's stored contact values, by field.
    func contactHashes(of member: MemberID) throws -> [(field: String, hash: [UInt8])] {
        let contacts = contactFields
        return try members.indexEntries(of: member).filter { contacts.contains($0.field) }
            .map { ($0.field, try keys.suppressionHash(field: $0.field, blindIndex: $0.hash)) }
    }

    /// Puts the member's contact values on the suppression list (before an erasure removes them),
    /// under every contact field of the value's type (an address kept in `work_email` is suppressed
    /// as `email` too), each also as a journal line, so a restored older backup (with older values)
    /// gets exactly these hashes back. Called by the data subject's erasure and objection, never by
    /// a replay. A member whose values no longer decrypt (tampered) is suppressed by their own fields' indexes.
    func suppressContacts(of member: MemberID, reason: SuppressionReason) throws {
        try verifyTable("requests")
        try addSuppression(try everySuppressionHash(of: member), reason: reason)
    }

    /// The member's contact values as suppression hashes: by their own fields' indexes, and (when
    /// they decrypt) under every contact field of their type, so an address is one entry whatever
    /// field holds it, also a field the catalog gained later.
    func everySuppressionHash(of member: MemberID) throws -> [(field: String, hash: [UInt8])] {
        var hashes = try contactHashes(of: member)
        if let values = try? decryptFields(of: member, names: contactFields.sorted()) {
            for (name, value) in values.sorted(by: { $0.key < $1.key }) {
                guard let definition = catalog.definition(of: name), let normalized = try? normalizer().normalize(value, for: definition) else { continue }
                hashes += try suppressionHashes(of: normalized.lookupKey, type: definition.type)
            }
        }
        return hashes
    }

    /// The suppression hashes of a normalized contact value: one under its type (`email`), which no
    /// renamed or added field escapes, and one under every contact field of the type (the form of
    /// entries made before type hashes existed).
    func suppressionHashes(of lookupKey: String, type: FieldType) throws -> [(field: String, hash: [UInt8])] {
        let typeKey = "type:" + type.rawValue
        let byType = (type.rawValue, try keys.suppressionHash(field: typeKey, blindIndex: try keys.blindIndex(field: typeKey, lookupKey: lookupKey)))
        return try [byType] + contactFields(of: type).map { field in
            (field, try keys.suppressionHash(field: field, blindIndex: try keys.blindIndex(field: field, lookupKey: lookupKey)))
        }
    }

    /// The indexed contact fields of `type` (`email`, `work_email`), in catalog order.
    func contactFields(of type: FieldType) -> [String] {
        catalog.fields.filter { $0.type == type && contactFields.contains($0.name) }.map(\.name)
    }

    /// Adds `entries` not on the list yet, each with its journal line.
    func addSuppression(_ entries: [(field: String, hash: [UInt8])], reason: SuppressionReason) throws {
        var seen: Set<[UInt8]> = []
        for entry in entries where seen.insert(entry.hash).inserted {
            guard try suppression.entry(entry.hash) == nil else { continue }
            try suppression.add(entry.hash, field: entry.field, reason: reason, on: today.iso)
            try record(.suppress(field: entry.field, hash: Hex.encode(entry.hash), reason: reason, day: today.iso))
        }
    }

    /// Throws `contactSuppressed` when `purpose` is direct marketing and one of the member's
    /// contact values is on the suppression list (a grant, or the confirmation of one).
    func checkNotSuppressed(_ member: MemberID, for purpose: Purpose) throws {
        guard isDirectMarketing(purpose) else { return }
        // Verified first (a list emptied outside the vault is refused), then nothing to decrypt while it is empty.
        try verifySuppressionList()
        guard try !suppression.isEmpty() else { return }
        for contact in try everySuppressionHash(of: member) {
            guard let entry = try suppression.entry(contact.hash) else { continue }
            throw SuppressionError.contactSuppressed(purpose: purpose.id, field: contact.field, reason: entry.reason, since: entry.addedOn)
        }
    }

    /// Throws `contactSuppressed` when a contact value about to be stored for the member
    /// (`member set`, a profile share) is on the suppression list while the member has a
    /// direct-marketing consent given or pending: the value would join marketing through it.
    func checkNewContact(field: String, type: FieldType, lookupKey: String, of member: MemberID) throws {
        guard contactFields.contains(field) else { return }
        let marketing = policies.purposes.purposes.filter(isDirectMarketing)
        guard !marketing.isEmpty else { return }
        try verifySuppressionList()
        guard try !suppression.isEmpty() else { return }
        // Under every field of its type: an address erased from `email` may come back in `newsletter_email`.
        var found: SuppressionEntry?
        for candidate in try suppressionHashes(of: lookupKey, type: type) where found == nil { found = try suppression.entry(candidate.hash) }
        guard let entry = found else { return }
        let events = try consents.events(of: member)
        let now = clock()
        for purpose in marketing {
            let scopes = [nil] + purpose.fields.map(Optional.some)
            let inUse = scopes.contains { scope in
                let state = ConsentEvaluator.derive(events.filter { $0.purpose == purpose.id && $0.field == scope }, purpose: purpose, now: now).state
                // Also a consent that a policy change could bring back (to be confirmed again, run out).
                return [.active, .pending, .needsReconsent, .expired].contains(state)
            }
            if inUse { throw SuppressionError.contactSuppressed(purpose: purpose.id, field: field, reason: entry.reason, since: entry.addedOn) }
        }
    }

    /// Checks the suppression list against its seal, once per change made by another connection
    /// (`PRAGMA data_version`): a row deleted or changed outside the vault is refused at the next
    /// check, while a service answering many sign-ups does not rehash the list for each.
    private func verifySuppressionList() throws {
        let version = try database.dataVersion()
        guard suppressionVerifiedAt != version else { return }
        try verifyTable("requests")
        suppressionVerifiedAt = version
    }
}
