/// The building blocks of member operations: validation, encryption and access decisions over
/// `MemberStore`. None of these checks roles or writes audit entries; the public operations do.
extension VaultContext {
    /// A normalizer for the current catalog and day.
    func normalizer() -> FieldNormalizer {
        FieldNormalizer(catalog: catalog, today: today)
    }

    /// Validates all inputs first, so a bad value stops the request before any write.
    func normalize(_ fields: [FieldInput]) throws -> [(FieldDefinition, NormalizedValue)] {
        try normalizer().normalize(fields)
    }

    /// The row of a member that can still change, after checking the member's seal. An unknown
    /// id is `memberNotFound`; an erased member is a tombstone that takes nothing new (`erased`).
    func memberRecord(_ member: MemberID) throws -> MemberRecord {
        let record = try loadMember(member).record
        if let erasedAt = record.erasedAt { throw MemberError.erased(member: member.rawValue, on: controllerDay(of: erasedAt)?.iso ?? String(erasedAt.prefix(10))) }
        return record
    }

    /// The member's data key, unwrapped into protected memory.
    func unwrapDataKey(of record: MemberRecord) throws -> SecureBytes {
        try keys.unwrapDataKey(record.wrappedDataKey, member: record.id, masterVersion: record.masterKeyVersion,
                               dataKeyVersion: record.dataKeyVersion)
    }

    /// The member's row, restriction and sealed values, for one operation's decisions and reads;
    /// throws if the member's rows do not match their seal.
    /// The rows the seal covers are read once and serve the decisions too (values, consent events,
    /// restrictions).
    func loadMember(_ member: MemberID) throws -> StoredMember {
        guard let record = try members.record(of: member) else { throw MemberError.memberNotFound(member.rawValue) }
        let rows = try memberRows(member.rawValue)
        var values: [String: SealedValue] = [:]
        var events: [ConsentEvent] = []
        var restricted: Set<String> = []
        var isRestricted = false
        for row in rows {
            switch row.table {
            case "member_fields": values[try row.text("field")] = SealedValue(ciphertext: try row.blob("ciphertext"), dataKeyVersion: try row.integer("data_key_version"))
            case "consent_events": events.append(try ConsentStore.event(row))
            case "field_restrictions": restricted.insert(try row.text("field"))
            case "member_restrictions": isRestricted = true
            default: break
            }
        }
        try verifySeal(of: record, rows: rows, values: values)
        return StoredMember(record: record, isRestricted: isRestricted, sealedValues: values, keys: keys,
                            consentEvents: events, restrictedFields: restricted)
    }

    /// Decrypts `names` (or every stored field) without any purpose check: for the vault's own
    /// decisions (age) and for callers that have already checked access.
    func decryptFields(of member: MemberID, names: [String]? = nil) throws -> [String: String] {
        try loadMember(member).values(names)
    }

    /// Names of the fields the member has a value for; an unknown member is an error.
    func storedFieldNames(of member: MemberID) throws -> Set<String> {
        _ = try memberRecord(member)
        return try members.fieldNames(of: member)
    }

    /// The name of the catalog's birth-date field, if it has one.
    var birthdayField: String? { catalog.fields.first(where: { $0.type == .dateOfBirth })?.name }

    /// The member's stored birth date (ISO), decrypted for the vault's own age checks only.
    func storedBirthday(of member: MemberID) throws -> String? {
        try birthday(of: loadMember(member))
    }

    /// The birth date (ISO) of a loaded member, decrypted for the vault's own age checks only.
    func birthday(of member: StoredMember) throws -> String? {
        guard let birthdayField else { return nil }
        return try member.values([birthdayField])[birthdayField]
    }

    /// The member's age in whole years from the stored birthday, or nil if none is stored.
    func age(of member: StoredMember) throws -> Int? {
        try birthday(of: member).flatMap { BirthDate.age(of: $0, on: today) }
    }

    /// Seals and writes one value and its blind-index entry, refusing a value another member
    /// already holds in a unique field; returns the sealed value.
    @discardableResult
    func storeValue(_ value: NormalizedValue, of definition: FieldDefinition, for member: MemberID,
                    dataKey: SecureBytes, dataKeyVersion: Int, now: String) throws -> SealedValue {
        let binding = keys.fieldBinding(member: member, field: definition.name, dataKeyVersion: dataKeyVersion)
        let sealed = SealedValue(ciphertext: try AEAD.seal(value.stored, using: dataKey, authenticating: binding), dataKeyVersion: dataKeyVersion)
        let hash = definition.indexed ? try keys.blindIndex(field: definition.name, lookupKey: value.lookupKey) : nil
        try writeValue(PreparedValue(definition: definition, value: value, sealed: sealed, blindIndex: hash), for: member, now: now)
        return sealed
    }

    /// Writes a sealed value and its blind index; a contact on the suppression list or a unique
    /// value another member holds is refused.
    func writeValue(_ prepared: PreparedValue, for member: MemberID, now: String) throws {
        let definition = prepared.definition
        try members.insertValue(prepared.sealed, field: definition.name, of: member, now: now)
        guard let hash = prepared.blindIndex else { return }
        try checkNewContact(field: definition.name, type: definition.type, lookupKey: prepared.value.lookupKey, of: member)
        if definition.unique, try members.isIndexTaken(field: definition.name, hash: hash, byOtherThan: member) {
            throw MemberError.duplicateValue(field: definition.name)
        }
        try members.insertIndex(field: definition.name, hash: hash, for: member)
    }

    /// Replaces the member's value of a field and lifts any restriction on it (sharing again is a
    /// fresh decision by the member).
    func replaceField(_ value: NormalizedValue, of definition: FieldDefinition, for member: MemberID, now: String) throws {
        let record = try memberRecord(member)
        let dataKey = try unwrapDataKey(of: record)
        try members.deleteValue(definition.name, of: member)
        try storeValue(value, of: definition, for: member, dataKey: dataKey, dataKeyVersion: record.dataKeyVersion, now: now)
        try consents.liftRestriction(definition.name, of: member)
        if definition.type == .email { try consents.deleteUnusedTokens(of: member) }
        try members.touch(member, now: now)
    }

    /// Which of `fields` `purpose` may use for `member` right now, and why the others not.
    func accessDecisions(for member: StoredMember, purpose: Purpose, fields: [String]) throws -> AccessDecision {
        let events = try member.consentEvents ?? consents.events(of: member.id)
        let restricted = try member.restrictedFields ?? consents.restrictedFields(of: member.id)
        let isMinor = try age(of: member).map { $0 < purpose.effectiveMinimumAge } ?? false
        let memberRestricted = member.isRestricted || member.record.isErased
        var allowed: [String] = []
        var denied: [FieldDenial] = []
        for field in fields {
            if let reason = FieldAccess.denial(field: field, purpose: purpose, events: events, isMinor: isMinor,
                                               restricted: restricted.contains(field), memberRestricted: memberRestricted, now: clock()) {
                denied.append(FieldDenial(field: field, reason: reason))
            } else {
                allowed.append(field)
            }
        }
        return AccessDecision(allowed: allowed, denied: denied)
    }
}
