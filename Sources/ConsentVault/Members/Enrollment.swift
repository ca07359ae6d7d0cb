/// The one cross-capability flow of a sign-up, read top to bottom: the member row with a fresh
/// data key, each sealed value, each consent given at sign-up, then the rewards those earn. It
/// runs inside the caller's transaction (one audited enrolment, or one import batch).
extension VaultContext {
    /// The keys a new member's secrets are made with: the newest master key both sides know, and
    /// the blind-index keys of `fields` (default: every indexed field of the catalog).
    func enrollmentKeys(for fields: [FieldDefinition]? = nil) throws -> VaultKeys.EnrollmentKeys {
        try keys.enrollmentKeys(masterVersion: try writeKeyVersion(), indexedFields: (fields ?? catalog.fields).filter(\.indexed).map(\.name))
    }

    /// Writes a new member with validated `values` and `consentRequests`.
    func enrollMember(_ member: MemberID, values: [(FieldDefinition, NormalizedValue)], consentRequests: [ConsentRequest],
                      channel: Channel, evidence: ConsentEvidence, actor principal: Principal, now: String) throws -> Enrollment {
        let dataKey = try SecureBytes.random(count: KeyDerivation.keyByteCount)
        let secrets = try enrollmentKeys(for: values.map(\.0)).prepare(values, for: member, dataKey: dataKey)
        return try enrollMember(secrets, consentRequests: consentRequests, channel: channel, evidence: evidence, actor: principal, now: now)
    }

    /// Writes a new member whose secrets were made ahead (`prepare`), with `consentRequests`.
    func enrollMember(_ secrets: MemberSecrets, consentRequests: [ConsentRequest],
                      channel: Channel, evidence: ConsentEvidence, actor principal: Principal, now: String) throws -> Enrollment {
        // 1. The member row, with a data key wrapped under the newest master key both sides know.
        let member = secrets.member, masterVersion = secrets.masterVersion, dataKey = secrets.dataKey, wrapped = secrets.wrappedDataKey
        try members.insert(member, channel: channel, masterVersion: masterVersion, wrappedDataKey: wrapped, erasureTag: secrets.erasureTag, now: now)
        // 2. Every value, sealed under the data key, with its blind index.
        var sealed: [String: SealedValue] = [:]
        for prepared in secrets.values {
            try writeValue(prepared, for: member, now: now)
            sealed[prepared.definition.name] = prepared.sealed
        }
        // 3. The consents given at sign-up (age-checked against the birthday just given).
        let birthday = secrets.values.first { $0.definition.type == .dateOfBirth }?.value.stored
        let grants = try consentRequests.map {
            try recordGrant($0, for: member, birthday: birthday, channel: channel, evidence: evidence, actor: principal)
        }
        // 4. Rewards the new member has earned (a first share, a consent).
        let record = MemberRecord(id: member, masterKeyVersion: masterVersion, dataKeyVersion: 1, wrappedDataKey: wrapped)
        _ = try evaluateRewards(for: StoredMember(record: record, isRestricted: false, sealedValues: sealed, keys: keys, dataKey: dataKey),
                                actor: principal)
        return Enrollment(member: member, consents: grants)
    }
}
