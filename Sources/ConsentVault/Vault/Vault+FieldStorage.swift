/// The building blocks of member operations: validation, encryption and the rows behind them.
/// None of these checks roles or writes audit entries; the public operations do.
extension Vault {
    func normalizer() -> FieldNormalizer {
        FieldNormalizer(catalog: catalog, today: BirthDate.Day.today(clock()))
    }

    /// Validates all inputs first, so a bad value stops the request before any write.
    func normalize(_ fields: [FieldInput]) throws -> [(FieldDefinition, NormalizedValue)] {
        var seen: Set<String> = []
        let normalizer = normalizer()
        return try fields.map { input in
            guard let definition = catalog.definition(of: input.name) else { throw FieldValueError.unknownField(input.name) }
            guard seen.insert(input.name).inserted else { throw FieldValueError.duplicateField(input.name) }
            return (definition, try normalizer.normalize(input.value, for: definition))
        }
    }

    func memberRecord(_ member: MemberID) throws -> MemberRecord {
        let rows = try database.statement("SELECT \(MemberRecord.columns) FROM members WHERE id = ?1").rows([.text(member.rawValue)])
        guard let row = rows.first else { throw VaultError.memberNotFound(member.rawValue) }
        return try MemberRecord(row: row)
    }

    func unwrapDataKey(of record: MemberRecord) throws -> SecureBytes {
        try keys.unwrapDataKey(record.wrappedDataKey, member: record.id, masterVersion: record.masterKeyVersion,
                               dataKeyVersion: record.dataKeyVersion)
    }

    /// The member's row and sealed values, for one operation's decisions and reads.
    func loadMember(_ member: MemberID) throws -> StoredMember {
        let record = try memberRecord(member)
        var sealed: [String: (ciphertext: [UInt8], dataKeyVersion: Int)] = [:]
        for row in try database.statement("SELECT field, ciphertext, data_key_version FROM member_fields WHERE member_id = ?1")
            .rows([.text(member.rawValue)]) {
            sealed[row[0].text ?? ""] = (row[1].blob ?? [], Int(row[2].integer ?? 0))
        }
        return StoredMember(record: record, sealedValues: sealed, keys: keys)
    }

    /// Decrypts `names` (or every stored field) without any purpose check: for the vault's own
    /// decisions (age) and for callers that have already checked access.
    func decryptFields(of member: MemberID, names: [String]? = nil) throws -> [String: String] {
        try loadMember(member).values(names)
    }

    /// Names of the fields the member has a value for (without fetching the values).
    func storedFieldNames(of member: MemberID) throws -> Set<String> {
        _ = try memberRecord(member)
        return Set(try database.statement("SELECT field FROM member_fields WHERE member_id = ?1").rows([.text(member.rawValue)])
            .compactMap { $0[0].text })
    }

    /// Fields kept but restricted after the last consent for them was withdrawn.
    func restrictedFields(of member: MemberID) throws -> Set<String> {
        Set(try database.statement("SELECT field FROM field_restrictions WHERE member_id = ?1").rows([.text(member.rawValue)])
            .compactMap { $0[0].text })
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
        try birthday(of: member).flatMap { BirthDate.age(of: $0, on: BirthDate.Day.today(clock())) }
    }

    /// Seals and writes one value (and its blind index entry); returns the sealed value.
    @discardableResult
    func store(_ value: NormalizedValue, of definition: FieldDefinition, for member: MemberID,
               dataKey: SecureBytes, dataKeyVersion: Int, now: String) throws -> [UInt8] {
        let binding = keys.fieldBinding(member: member, field: definition.name, dataKeyVersion: dataKeyVersion)
        let ciphertext = try AEAD.seal(value.stored, using: dataKey, authenticating: binding)
        try database.statement("""
            INSERT INTO member_fields (member_id, field, ciphertext, data_key_version, updated_at) VALUES (?1, ?2, ?3, ?4, ?5)
            """).run([.text(member.rawValue), .text(definition.name), .blob(ciphertext), .integer(Int64(dataKeyVersion)), .text(now)])
        guard definition.indexed else { return ciphertext }
        let hash = try keys.blindIndex(field: definition.name, lookupKey: value.lookupKey)
        if definition.unique {
            let taken = try database.statement("SELECT 1 FROM blind_indexes WHERE field = ?1 AND hash = ?2 AND member_id <> ?3 LIMIT 1")
                .rows([.text(definition.name), .blob(hash), .text(member.rawValue)])
            if !taken.isEmpty { throw VaultError.duplicateValue(field: definition.name) }
        }
        try database.statement("INSERT INTO blind_indexes (field, hash, member_id) VALUES (?1, ?2, ?3)")
            .run([.text(definition.name), .blob(hash), .text(member.rawValue)])
        return ciphertext
    }

    /// Replaces the member's value of a field and lifts any restriction on it (sharing again is a
    /// fresh decision by the member).
    func replaceField(_ value: NormalizedValue, of definition: FieldDefinition, for member: MemberID, now: String) throws {
        let record = try memberRecord(member)
        let dataKey = try unwrapDataKey(of: record)
        try removeField(definition.name, of: member)
        try store(value, of: definition, for: member, dataKey: dataKey, dataKeyVersion: record.dataKeyVersion, now: now)
        try database.statement("DELETE FROM field_restrictions WHERE member_id = ?1 AND field = ?2")
            .run([.text(member.rawValue), .text(definition.name)])
        try touch(member, now: now)
    }

    @discardableResult
    func removeField(_ field: String, of member: MemberID) throws -> Bool {
        try database.statement("DELETE FROM member_fields WHERE member_id = ?1 AND field = ?2").run([.text(member.rawValue), .text(field)])
        let removed = database.changes > 0
        try database.statement("DELETE FROM blind_indexes WHERE member_id = ?1 AND field = ?2").run([.text(member.rawValue), .text(field)])
        return removed
    }

    func touch(_ member: MemberID, now: String) throws {
        try database.statement("UPDATE members SET updated_at = ?2 WHERE id = ?1").run([.text(member.rawValue), .text(now)])
    }
}
