/// Member data: enrol, set, unset, purpose-bound read, find, list. Every call names the acting
/// principal, is checked against its role and is audited.
public struct MemberOperations {
    let context: VaultContext

    /// Enrols a new member with `fields` and the `consents` given at sign-up, all or nothing:
    /// every value is validated first; member, fields, index entries, consents and the audit
    /// entry go in one transaction. A purpose with another lawful basis (the loyalty contract)
    /// needs no consent: listing it records nothing and is no error, as in `importMembers`.
    public func enroll(_ fields: [FieldInput], consents: [ConsentRequest] = [], channel: Channel,
                       evidence: ConsentEvidence = ConsentEvidence(), as principal: Principal) throws -> Enrollment {
        guard !fields.isEmpty else { throw MemberError.noFields }
        guard consents.count <= ConsentRequest.maximumPerRequest else {
            throw ConsentError.tooManyConsents(maximum: ConsentRequest.maximumPerRequest)
        }
        let values = try context.normalize(fields)
        let member = MemberID.random()
        let now = context.timestamp
        let consentBased = consents.filter { (context.policies.purposes.purpose($0.purpose)?.lawfulBasis ?? .consent) == .consent }
        return try context.audited(principal, .memberEnroll, member: member, fields: values.map(\.0.name)) { _ in
            try context.enrollMember(member, values: values, consentRequests: consentBased, channel: channel, evidence: evidence,
                                     actor: principal, now: now)
        }
    }

    /// Sets or replaces one field of an existing member. Sharing a value again lifts a restriction.
    public func set(_ field: String, to value: String, for member: MemberID, as principal: Principal) throws {
        let (definition, normalized) = try context.normalize([FieldInput(field, value)])[0]
        let now = context.timestamp
        try context.audited(principal, .memberSet, member: member, fields: [field]) { _ in
            try context.replaceField(normalized, of: definition, for: member, now: now)
            _ = try context.evaluateRewards(for: member, actor: principal)
        }
    }

    /// Removes one field of a member; returns whether it was there. A contact removed while the
    /// member's erasure or objection request is open is put on the suppression list first.
    @discardableResult
    public func unset(_ field: String, for member: MemberID, as principal: Principal) throws -> Bool {
        guard context.catalog.definition(of: field) != nil else { throw FieldValueError.unknownField(field) }
        return try context.audited(principal, .memberUnset, member: member, fields: [field]) { _ in
            _ = try context.memberRecord(member)
            // A contact removed while the member's erasure or objection is pending still goes on the suppression list.
            if let pending = try context.requests.openRequests(of: member).first(where: { $0.type == .erasure || $0.type == .objection }),
               context.contactFields.contains(field), let value = try context.decryptFields(of: member, names: [field])[field],
               let definition = context.catalog.definition(of: field) {
                let normalized = try context.normalizer().normalize(value, for: definition)
                try context.addSuppression(try context.suppressionHashes(of: normalized.lookupKey, type: definition.type),
                                           reason: pending.type == .objection ? .objection : .erasure)
            }
            let removed = try context.members.deleteValue(field, of: member)
            if context.catalog.definition(of: field)?.type == .email { try context.consents.deleteUnusedTokens(of: member) }
            if removed { try context.record(.unset(tag: try context.keys.erasureTag(member), field: field)) }
            if removed { try context.members.touch(member, now: context.timestamp) }
            return removed
        }
    }

    /// Reads the member's fields for `purpose`: just `names`, or every stored field the purpose
    /// uses. Only fields the purpose may use for this member right now are returned; the rest
    /// come back as denials naming the reason. Withdrawal takes effect on the very next read.
    public func read(_ member: MemberID, purpose purposeID: String, fields names: [String]? = nil,
                     as principal: Principal) throws -> ReadResult {
        for name in names ?? [] where context.catalog.definition(of: name) == nil { throw FieldValueError.unknownField(name) }
        return try context.audited(principal, .memberRead, purpose: purposeID, member: member, fields: names ?? []) { record in
            guard let purpose = context.policies.purposes.purpose(purposeID) else { throw ConsentError.unknownPurpose(purposeID) }
            let stored = try context.loadMember(member)
            let requested = names ?? context.catalog.fields.map(\.name).filter { stored.fieldNames.contains($0) && purpose.fields.contains($0) }
            let decision = try context.accessDecisions(for: stored, purpose: purpose, fields: requested)
            let values = try stored.values(decision.allowed)
            record.fieldsRequested = requested
            record.fieldsReturned = values.keys.sorted()
            if values.isEmpty && !decision.denied.isEmpty { record.outcome = .denied }
            return ReadResult(member: member, fields: values, denied: decision.denied)
        }
    }

    /// Members whose `field` (an indexed one) equals `value` after normalization.
    public func find(_ field: String, equals value: String, as principal: Principal) throws -> [MemberID] {
        guard let definition = context.catalog.definition(of: field) else { throw FieldValueError.unknownField(field) }
        guard definition.indexed else { throw FieldValueError.notIndexed(field) }
        let normalized = try context.normalizer().normalize(value, for: definition)
        let hash = try context.keys.blindIndex(field: field, lookupKey: normalized.lookupKey)
        return try context.audited(principal, .memberFind, fields: [field]) { _ in
            let found = try context.members.members(withIndex: hash, field: field)
            for member in found { _ = try context.memberRecord(member) }
            return found
        }
    }

    /// Members who hold `contact` in any contact field of its type (`email` and a retailer's
    /// `work_email`), after normalization; the same search a request by contact makes.
    public func find(contact: RequesterContact, as principal: Principal) throws -> [MemberID] {
        let (type, value): (FieldType, String)
        switch contact {
        case .email(let email): (type, value) = (.email, email)
        case .phone(let phone): (type, value) = (.phone, phone)
        }
        let fields = context.contactFields(of: type)
        guard let first = fields.first, let definition = context.catalog.definition(of: first) else { throw FieldValueError.unknownField(type.rawValue) }
        let normalized = try context.normalizer().normalize(value, for: definition)
        let indexes = try fields.map { ($0, try context.keys.blindIndex(field: $0, lookupKey: normalized.lookupKey)) }
        return try context.audited(principal, .memberFind, fields: fields) { _ in
            var found: [MemberID] = []
            for (field, index) in indexes {
                for member in try context.members.members(withIndex: index, field: field) where !found.contains(member) {
                    _ = try context.memberRecord(member)
                    found.append(member)
                }
            }
            return found
        }
    }

    /// Member ids in id order, `limit` at a time, starting after `after`.
    public func list(limit: Int = 100, after: MemberID? = nil, as principal: Principal) throws -> [MemberID] {
        try context.audited(principal, .memberList) { _ in try context.members.list(after: after, limit: limit) }
    }

    /// Number of members in the vault (no personal data, not audited).
    public func count() throws -> Int {
        try context.members.count()
    }

    /// Decrypts `names` (or every stored field) with no purpose check and no audit entry: for the
    /// library's own tests and tooling only.
    func decryptFields(of member: MemberID, names: [String]? = nil) throws -> [String: String] {
        try context.decryptFields(of: member, names: names)
    }
}
