/// The one cross-capability flow of a sign-up, read top to bottom: the member row with a fresh
/// data key, each sealed value, each consent given at sign-up, then the rewards those earn. It
/// runs inside the caller's transaction (one audited enrolment, or one import batch).
extension VaultContext {
    /// Writes a new member with validated `values` and `consentRequests`.
    func enrollMember(_ member: MemberID, values: [(FieldDefinition, NormalizedValue)], consentRequests: [ConsentRequest],
                      channel: Channel, evidence: ConsentEvidence, actor principal: Principal, now: String) throws -> Enrollment {
        // 1. The member row, with a data key wrapped under the newest master key both sides know.
        let masterVersion = try writeKeyVersion()
        let dataKey = try SecureBytes.random(count: KeyDerivation.keyByteCount)
        let wrapped = try keys.wrapDataKey(dataKey, member: member, masterVersion: masterVersion, dataKeyVersion: 1)
        try members.insert(member, channel: channel, masterVersion: masterVersion, wrappedDataKey: wrapped,
                           erasureTag: try keys.erasureTag(member), now: now)
        // 2. Every value, sealed under the data key, with its blind index.
        var sealed: [String: SealedValue] = [:]
        for (definition, value) in values {
            sealed[definition.name] = try storeValue(value, of: definition, for: member, dataKey: dataKey, dataKeyVersion: 1, now: now)
        }
        // 3. The consents given at sign-up (age-checked against the birthday just given).
        let birthday = values.first { $0.0.type == .dateOfBirth }?.1.stored
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
