import Foundation

/// The baselines `bench` compares the vault with: the SQLite statements that store or fetch the
/// same data and the libsodium calls that seal, open and hash it, with the same pragmas (WAL,
/// `synchronous = FULL`, `secure_delete`) on the same vault file at the same size, one commit per
/// operation, as the vault does. Left out is the vault's own logic: role checks, validation and
/// normalization (done before timing), policy lookups, consent evaluation, reward rules, and the
/// integrity seals (checked on every read, renewed before every commit), so the ratio shows what
/// they cost. Rows a baseline writes stay unsealed; the benchmark never reads them again.
enum BenchmarkBaselines {
    /// Enrollment: `insertMember`, one member per transaction. Returns operations per second.
    static func enroll(_ vault: Vault, fields: (Int) -> [FieldInput], consents: [ConsentRequest], count: Int) throws -> Double {
        let context = vault.context
        let now = context.timestamp
        let inputs = try (0..<count).map { try context.normalize(fields($0)) }
        let purposes = consents.compactMap { context.policies.purposes.purpose($0.purpose) }
        return try operationsPerSecond(count, on: vault) { index in
            try context.database.writeTransaction { try insertMember(inputs[index], purposes: purposes, channel: .app, in: context, now: now) }
        }
    }

    /// Import: `insertMember`, `batchSize` members per transaction (one commit each, as the vault's
    /// importer), without the importer's line parsing, validation and seals. Returns members per second.
    static func importMembers(_ vault: Vault, fields: (Int) -> [FieldInput], consents: [ConsentRequest], count: Int, batchSize: Int) throws -> Double {
        let context = vault.context
        let now = context.timestamp
        let inputs = try (0..<count).map { try context.normalize(fields($0)) }
        let purposes = consents.compactMap { context.policies.purposes.purpose($0.purpose) }
        let batches = (count + batchSize - 1) / batchSize
        let perBatch = try operationsPerSecond(batches, on: vault) { batch in
            try context.database.writeTransaction {
                for index in batch * batchSize..<min(count, (batch + 1) * batchSize) {
                    try insertMember(inputs[index], purposes: purposes, channel: .import, in: context, now: now)
                }
            }
        }
        return perBatch * Double(count) / Double(batches)
    }

    /// The rows of one member, inside the caller's transaction: a random data key, wrapped; the
    /// member row; per field a seal, its row and, for indexed fields, the uniqueness check and the
    /// blind-index row; one row per consent; the audit entry (head lookup, pseudonym and chain
    /// hashes, insert).
    private static func insertMember(_ values: [(FieldDefinition, NormalizedValue)], purposes: [Purpose], channel: Channel,
                                     in context: VaultContext, now: String) throws {
        let member = MemberID.random()
        let dataKey = try SecureBytes.random(count: KeyDerivation.keyByteCount)
        let version = context.keyRing.activeVersion
        let wrapped = try context.keys.wrapDataKey(dataKey, member: member, masterVersion: version, dataKeyVersion: 1)
        try context.members.insert(member, channel: channel, masterVersion: version, wrappedDataKey: wrapped,
                                   erasureTag: try context.keys.erasureTag(member), now: now)
        for (definition, value) in values {
            try context.storeValue(value, of: definition, for: member, dataKey: dataKey, dataKeyVersion: 1, now: now)
        }
        for purpose in purposes {
            try context.appendConsentEvent(.grant, member: member, purpose: purpose, field: nil, channel: channel, actor: .localAdministrator)
        }
        try context.auditLog.append(AuditLog.Record(principal: .localAdministrator, operation: .memberEnroll, member: member), at: now)
    }

    /// Purpose-checked read of one field: the member row, the data key unwrapped, the field's row
    /// opened, and the audit entry, committed.
    static func read(_ vault: Vault, members: [MemberID], field: String) throws -> Double {
        return try operationsPerSecond(members.count, on: vault) { index in
            let member = members[index]
            let context = vault.context
            try context.database.writeTransaction {
                guard let record = try context.members.record(of: member) else { throw MemberError.memberNotFound(member.rawValue) }
                let dataKey = try context.unwrapDataKey(of: record)
                guard let sealed = try context.members.sealedValue(of: member, field: field) else { throw MemberError.memberNotFound(member.rawValue) }
                let binding = context.keys.fieldBinding(member: member, field: field, dataKeyVersion: sealed.dataKeyVersion)
                _ = try AEAD.openText(sealed.ciphertext, using: dataKey, authenticating: binding)
                try context.auditLog.append(AuditLog.Record(principal: .localAdministrator, operation: .memberRead, member: member),
                                            at: context.timestamp)
            }
        }
    }

    /// Lookup by email: the blind-index hash, the index query, and the audit entry, committed.
    static func lookup(_ vault: Vault, emails: [String]) throws -> Double {
        return try operationsPerSecond(emails.count, on: vault) { index in
            let context = vault.context
            try context.database.writeTransaction {
                let hash = try context.keys.blindIndex(field: "email", lookupKey: emails[index])
                _ = try context.members.members(withIndex: hash, field: "email")
                try context.auditLog.append(AuditLog.Record(principal: .localAdministrator, operation: .memberFind), at: context.timestamp)
            }
        }
    }

    /// Runs `body` `count` times, without resealing, and returns how many runs per second that was.
    private static func operationsPerSecond(_ count: Int, on vault: Vault, _ body: (Int) throws -> Void) throws -> Double {
        let context = vault.context
        let resealing = context.database.beforeCommit
        context.database.beforeCommit = { _ = try context.integrity.takeChanges() }
        defer { context.database.beforeCommit = resealing }
        return Double(count) / max(try Stopwatch.measure(count, body).total, 1e-9)
    }
}
