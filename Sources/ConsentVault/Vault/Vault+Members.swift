/// Member data: enroll, set, unset, purpose-bound read, find, list. Every call names the acting
/// principal, is checked against its role and is audited.
extension Vault {
    /// A field name with the value given for it, as the caller typed it.
    public typealias FieldInput = (name: String, value: String)

    /// The new member and what happened to the consents recorded with it.
    public struct Enrollment: Sendable, Equatable {
        /// The new member's id.
        public let member: MemberID
        /// One result per consent given at sign-up (pending ones carry their token).
        public let consents: [GrantResult]
    }

    /// What a purpose-bound read returned, and what it withheld.
    public struct ReadResult: Sendable, Equatable {
        /// The member.
        public let member: MemberID
        /// Field values the purpose may use now.
        public let fields: [String: String]
        /// Fields withheld, with the reason.
        public let denied: [FieldDenial]
    }

    /// Enrolls a new member with `fields` and the `consents` given at sign-up, all or nothing:
    /// every value is validated first; member, fields, index entries, consents and the audit
    /// entry go in one transaction.
    public func enroll(_ fields: [FieldInput], consents: [ConsentRequest] = [], channel: Channel,
                       evidence: ConsentEvidence = ConsentEvidence(), as principal: Principal) throws -> Enrollment {
        guard !fields.isEmpty else { throw VaultError.noFields }
        let values = try normalize(fields)
        let member = MemberID.random()
        let now = Timestamp.string(clock())
        return try audited(principal, .memberEnroll, member: member, fields: values.map(\.0.name)) { _ in
            try insertMember(member, values: values, consents: consents, channel: channel, evidence: evidence, actor: principal, now: now)
        }
    }

    /// Writes a new member with validated `values` and `consents` inside the caller's transaction.
    func insertMember(_ member: MemberID, values: [(FieldDefinition, NormalizedValue)], consents: [ConsentRequest], channel: Channel,
                      evidence: ConsentEvidence, actor principal: Principal, now: String) throws -> Enrollment {
        let masterVersion = try writeKeyVersion()
        let dataKey = try SecureBytes.random(count: KeyDerivation.keyByteCount)
        let wrapped = try keys.wrapDataKey(dataKey, member: member, masterVersion: masterVersion, dataKeyVersion: 1)
        try insertMemberRow(member, channel: channel, masterVersion: masterVersion, wrappedDataKey: wrapped, now: now)
        var sealed: [String: (ciphertext: [UInt8], dataKeyVersion: Int)] = [:]
        for (definition, value) in values {
            sealed[definition.name] = (try store(value, of: definition, for: member, dataKey: dataKey, dataKeyVersion: 1, now: now), 1)
        }
        let birthday = values.first { $0.0.type == .dateOfBirth }?.1.stored
        let grants = try consents.map {
            try recordGrant($0, for: member, birthday: birthday, channel: channel, evidence: evidence, actor: principal)
        }
        let record = MemberRecord(id: member, masterKeyVersion: masterVersion, dataKeyVersion: 1, wrappedDataKey: wrapped,
                                  isErased: false, isRestricted: false)
        _ = try evaluateRewards(for: StoredMember(record: record, sealedValues: sealed, keys: keys, dataKey: dataKey), actor: principal)
        return Enrollment(member: member, consents: grants)
    }

    /// The `members` row of a new member with its wrapped data key (version 1) and erasure tag.
    func insertMemberRow(_ member: MemberID, channel: Channel, masterVersion: Int, wrappedDataKey: [UInt8], now: String) throws {
        try database.statement("""
            INSERT INTO members (id, created_at, updated_at, source_channel, master_key_version, data_key_version, wrapped_data_key, erasure_tag)
            VALUES (?1, ?2, ?2, ?3, ?4, 1, ?5, ?6)
            """).run([.text(member.rawValue), .text(now), .text(channel.rawValue), .integer(Int64(masterVersion)), .blob(wrappedDataKey),
                      .text(try keys.erasureTag(member))])
    }

    /// Sets or replaces one field of an existing member. Sharing a value again lifts a restriction.
    public func set(_ field: String, to value: String, for member: MemberID, as principal: Principal) throws {
        let (definition, normalized) = try normalize([(field, value)])[0]
        let now = Timestamp.string(clock())
        try audited(principal, .memberSet, member: member, fields: [field]) { _ in
            try replaceField(normalized, of: definition, for: member, now: now)
            _ = try evaluateRewards(for: member, actor: principal)
        }
    }

    /// Removes one field of a member; returns whether it was there.
    @discardableResult
    public func unset(_ field: String, for member: MemberID, as principal: Principal) throws -> Bool {
        guard catalog.definition(of: field) != nil else { throw FieldValueError.unknownField(field) }
        return try audited(principal, .memberUnset, member: member, fields: [field]) { _ in
            _ = try memberRecord(member)
            let removed = try removeField(field, of: member)
            if removed { try touch(member, now: Timestamp.string(clock())) }
            return removed
        }
    }

    /// Reads the member's fields for `purpose`: just `names`, or every stored field the purpose
    /// uses. Only fields the purpose may use for this member right now are returned; the rest
    /// come back as denials naming the reason. Withdrawal takes effect on the very next read.
    public func read(_ member: MemberID, purpose purposeID: String, fields names: [String]? = nil,
                     as principal: Principal) throws -> ReadResult {
        for name in names ?? [] where catalog.definition(of: name) == nil { throw FieldValueError.unknownField(name) }
        return try audited(principal, .memberRead, purpose: purposeID, member: member, fields: names ?? []) { record in
            guard let purpose = policies.purposes.purpose(purposeID) else { throw ConsentError.unknownPurpose(purposeID) }
            let stored = try loadMember(member)
            let requested = names ?? catalog.fields.map(\.name).filter { stored.fieldNames.contains($0) && purpose.fields.contains($0) }
            let (allowed, denied) = try accessDecisions(for: stored, purpose: purpose, fields: requested)
            let values = try stored.values(allowed)
            record.fieldsRequested = requested
            record.fieldsReturned = values.keys.sorted()
            if values.isEmpty && !denied.isEmpty { record.outcome = .denied }
            return ReadResult(member: member, fields: values, denied: denied)
        }
    }

    /// Which of `fields` `purpose` may use for `member` right now, and why the others not.
    func accessDecisions(for member: StoredMember, purpose: Purpose, fields: [String]) throws -> (allowed: [String], denied: [FieldDenial]) {
        let events = try ConsentLedger(database: database).events(of: member.id)
        let restricted = try restrictedFields(of: member.id)
        let isMinor = try age(of: member).map { $0 < purpose.effectiveMinimumAge } ?? false
        let memberRestricted = member.record.isRestricted || member.record.isErased
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
        return (allowed, denied)
    }

    /// Members whose `field` (an indexed one) equals `value` after normalization.
    public func find(_ field: String, equals value: String, as principal: Principal) throws -> [MemberID] {
        guard let definition = catalog.definition(of: field) else { throw FieldValueError.unknownField(field) }
        guard definition.indexed else { throw FieldValueError.notIndexed(field) }
        let normalized = try normalizer().normalize(value, for: definition)
        let hash = try keys.blindIndex(field: field, lookupKey: normalized.lookupKey)
        return try audited(principal, .memberFind, fields: [field]) { _ in
            try database.statement("SELECT member_id FROM blind_indexes WHERE field = ?1 AND hash = ?2 ORDER BY member_id")
                .rows([.text(field), .blob(hash)]).map { try MemberID($0[0].text ?? "") }
        }
    }

    /// Member ids in id order, `limit` at a time, starting after `after`.
    public func listMembers(limit: Int = 100, after: MemberID? = nil, as principal: Principal) throws -> [MemberID] {
        try audited(principal, .memberList) { _ in
            try database.statement("SELECT id FROM members WHERE id > ?1 AND erased_at IS NULL ORDER BY id LIMIT ?2")
                .rows([.text(after?.rawValue ?? ""), .integer(Int64(max(0, limit)))]).map { try MemberID($0[0].text ?? "") }
        }
    }

    /// Number of members in the vault (no personal data, not audited).
    public func memberCount() throws -> Int {
        Int(try database.statement("SELECT count(*) FROM members").rows().first?.first?.integer ?? 0)
    }
}
