/// Member data: enroll, set, unset, read, find, list.
extension Vault {
    /// A field name with the value given for it, as the caller typed it.
    public typealias FieldInput = (name: String, value: String)

    /// Enrolls a new member with `fields`, all or nothing: every value is validated before
    /// anything is written, and the member, its fields and its index entries go in one transaction.
    public func enroll(_ fields: [FieldInput], channel: Channel) throws -> MemberID {
        guard !fields.isEmpty else { throw VaultError.noFields }
        let values = try normalize(fields)
        let member = MemberID.random()
        let now = Timestamp.string(clock())
        try database.writeTransaction {
            let masterVersion = try writeKeyVersion()
            let dataKey = try SecureBytes.random(count: KeyDerivation.keyByteCount)
            let wrapped = try keys.wrapDataKey(dataKey, member: member, masterVersion: masterVersion, dataKeyVersion: 1)
            try database.statement("""
                INSERT INTO members (id, created_at, updated_at, source_channel, master_key_version, data_key_version, wrapped_data_key)
                VALUES (?1, ?2, ?2, ?3, ?4, 1, ?5)
                """).run([.text(member.rawValue), .text(now), .text(channel.rawValue), .integer(Int64(masterVersion)), .blob(wrapped)])
            for (definition, value) in values {
                try store(value, of: definition, for: member, dataKey: dataKey, dataKeyVersion: 1, now: now)
            }
        }
        return member
    }

    /// Sets or replaces one field of an existing member.
    public func set(_ field: String, to value: String, for member: MemberID) throws {
        let (definition, normalized) = try normalize([(field, value)])[0]
        let now = Timestamp.string(clock())
        try database.writeTransaction {
            let record = try memberRecord(member)
            let dataKey = try unwrapDataKey(of: record)
            try removeField(definition.name, of: member)
            try store(normalized, of: definition, for: member, dataKey: dataKey, dataKeyVersion: record.dataKeyVersion, now: now)
            try touch(member, now: now)
        }
    }

    /// Removes one field of a member; returns whether it was there.
    @discardableResult
    public func unset(_ field: String, for member: MemberID) throws -> Bool {
        guard catalog.definition(of: field) != nil else { throw FieldValueError.unknownField(field) }
        return try database.writeTransaction {
            _ = try memberRecord(member)
            let removed = try removeField(field, of: member)
            if removed { try touch(member, now: Timestamp.string(clock())) }
            return removed
        }
    }

    /// Decrypts the member's fields (all of them, or just `names`), keyed by field name. A value
    /// that fails authentication is an integrity error naming member and field.
    public func read(_ member: MemberID, fields names: [String]? = nil) throws -> [String: String] {
        for name in names ?? [] where catalog.definition(of: name) == nil { throw FieldValueError.unknownField(name) }
        return try database.readTransaction {
            let record = try memberRecord(member)
            let dataKey = try unwrapDataKey(of: record)
            let rows = try database.statement("SELECT field, ciphertext, data_key_version FROM member_fields WHERE member_id = ?1")
                .rows([.text(member.rawValue)])
            var result: [String: String] = [:]
            for row in rows {
                let field = row[0].text ?? ""
                if let names, !names.contains(field) { continue }
                let binding = keys.fieldBinding(member: member, field: field, dataKeyVersion: Int(row[2].integer ?? 0))
                guard let plaintext = try? AEAD.open(row[1].blob ?? [], using: dataKey, authenticating: binding) else {
                    throw VaultError.integrity(member: member.rawValue, field: field)
                }
                result[field] = plaintext.withUnsafeBytes { String(decoding: $0, as: UTF8.self) }
            }
            return result
        }
    }

    /// Members whose `field` (an indexed one) equals `value` after normalization.
    public func find(_ field: String, equals value: String) throws -> [MemberID] {
        guard let definition = catalog.definition(of: field) else { throw FieldValueError.unknownField(field) }
        guard definition.indexed else { throw FieldValueError.notIndexed(field) }
        let normalized = try normalizer().normalize(value, for: definition)
        let hash = try keys.blindIndex(field: field, lookupKey: normalized.lookupKey)
        return try database.statement("SELECT member_id FROM blind_indexes WHERE field = ?1 AND hash = ?2 ORDER BY member_id")
            .rows([.text(field), .blob(hash)]).map { try MemberID($0[0].text ?? "") }
    }

    /// Member ids in id order, `limit` at a time, starting after `after`.
    public func listMembers(limit: Int = 100, after: MemberID? = nil) throws -> [MemberID] {
        try database.statement("SELECT id FROM members WHERE id > ?1 ORDER BY id LIMIT ?2")
            .rows([.text(after?.rawValue ?? ""), .integer(Int64(max(0, limit)))]).map { try MemberID($0[0].text ?? "") }
    }

    /// Number of members in the vault.
    public func memberCount() throws -> Int {
        Int(try database.statement("SELECT count(*) FROM members").rows().first?.first?.integer ?? 0)
    }

    // MARK: - Helpers shared by the operations above

    private func normalizer() -> FieldNormalizer {
        FieldNormalizer(catalog: catalog, today: BirthDate.Day.today(clock()))
    }

    /// Validates all inputs first, so a bad value stops the request before any write.
    private func normalize(_ fields: [FieldInput]) throws -> [(FieldDefinition, NormalizedValue)] {
        var seen: Set<String> = []
        let normalizer = normalizer()
        return try fields.map { input in
            guard let definition = catalog.definition(of: input.name) else { throw FieldValueError.unknownField(input.name) }
            guard seen.insert(input.name).inserted else { throw FieldValueError.duplicateField(input.name) }
            return (definition, try normalizer.normalize(input.value, for: definition))
        }
    }

    func memberRecord(_ member: MemberID) throws -> MemberRecord {
        let rows = try database.statement("""
            SELECT id, master_key_version, data_key_version, wrapped_data_key FROM members WHERE id = ?1
            """).rows([.text(member.rawValue)])
        guard let row = rows.first else { throw VaultError.memberNotFound(member.rawValue) }
        return try MemberRecord(row: row)
    }

    func unwrapDataKey(of record: MemberRecord) throws -> SecureBytes {
        try keys.unwrapDataKey(record.wrappedDataKey, member: record.id, masterVersion: record.masterKeyVersion,
                               dataKeyVersion: record.dataKeyVersion)
    }

    private func store(_ value: NormalizedValue, of definition: FieldDefinition, for member: MemberID,
                       dataKey: SecureBytes, dataKeyVersion: Int, now: String) throws {
        let binding = keys.fieldBinding(member: member, field: definition.name, dataKeyVersion: dataKeyVersion)
        let ciphertext = try AEAD.seal(value.stored, using: dataKey, authenticating: binding)
        try database.statement("""
            INSERT INTO member_fields (member_id, field, ciphertext, data_key_version, updated_at) VALUES (?1, ?2, ?3, ?4, ?5)
            """).run([.text(member.rawValue), .text(definition.name), .blob(ciphertext), .integer(Int64(dataKeyVersion)), .text(now)])
        guard definition.indexed else { return }
        let hash = try keys.blindIndex(field: definition.name, lookupKey: value.lookupKey)
        if definition.unique {
            let taken = try database.statement("SELECT 1 FROM blind_indexes WHERE field = ?1 AND hash = ?2 AND member_id <> ?3 LIMIT 1")
                .rows([.text(definition.name), .blob(hash), .text(member.rawValue)])
            if !taken.isEmpty { throw VaultError.duplicateValue(field: definition.name) }
        }
        try database.statement("INSERT INTO blind_indexes (field, hash, member_id) VALUES (?1, ?2, ?3)")
            .run([.text(definition.name), .blob(hash), .text(member.rawValue)])
    }

    @discardableResult
    private func removeField(_ field: String, of member: MemberID) throws -> Bool {
        try database.statement("DELETE FROM member_fields WHERE member_id = ?1 AND field = ?2").run([.text(member.rawValue), .text(field)])
        let removed = database.changes > 0
        try database.statement("DELETE FROM blind_indexes WHERE member_id = ?1 AND field = ?2").run([.text(member.rawValue), .text(field)])
        return removed
    }

    private func touch(_ member: MemberID, now: String) throws {
        try database.statement("UPDATE members SET updated_at = ?2 WHERE id = ?1").run([.text(member.rawValue), .text(now)])
    }
}
