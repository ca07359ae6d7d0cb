import Foundation

/// The baselines `bench` compares the vault with: the SQLite statements that store or fetch the
/// same data and the libsodium calls that seal, open and hash it, with the same pragmas (WAL,
/// `synchronous = FULL`, `secure_delete`) on the same vault file at the same size, one commit per
/// operation, as the vault does. Left out is the vault's own logic: role checks, validation and
/// normalization (done before timing), policy lookups, consent evaluation and reward rules.
enum BenchmarkBaselines {
    /// Enrollment: a random data key, wrapped; the member row; per field a seal, its row and, for
    /// indexed fields, the uniqueness check and the blind-index row; one row per consent; the
    /// audit entry (head lookup, pseudonym and chain hashes, insert). Returns operations per second.
    static func enroll(_ vault: Vault, fields: (Int) -> [Vault.FieldInput], consents: [ConsentRequest], count: Int) throws -> Double {
        let now = Timestamp.string(vault.clock())
        let inputs = try (0..<count).map { try vault.normalize(fields($0)) }
        let purposes = consents.compactMap { vault.policies.purposes.purpose($0.purpose) }
        let ledger = ConsentLedger(database: vault.database)
        return try operationsPerSecond(count) { index in
            try vault.database.writeTransaction {
                let member = MemberID.random()
                let dataKey = try SecureBytes.random(count: KeyDerivation.keyByteCount)
                let wrapped = try vault.keys.wrapDataKey(dataKey, member: member, masterVersion: vault.keyRing.activeVersion, dataKeyVersion: 1)
                try vault.insertMemberRow(member, channel: .app, masterVersion: vault.keyRing.activeVersion, wrappedDataKey: wrapped, now: now)
                for (definition, value) in inputs[index] {
                    try vault.store(value, of: definition, for: member, dataKey: dataKey, dataKeyVersion: 1, now: now)
                }
                for purpose in purposes {
                    try ledger.append(member: member, purpose: purpose, field: nil, kind: .grant, channel: .app, evidence: ConsentEvidence(),
                                      actor: .localAdministrator, now: vault.clock())
                }
                try vault.auditLog.append(AuditLog.Record(principal: .localAdministrator, operation: .memberEnroll, member: member), at: now)
            }
        }
    }

    /// Purpose-checked read of one field: the member row, the data key unwrapped, the field's row
    /// opened, and the audit entry, committed.
    static func read(_ vault: Vault, members: [MemberID], field: String) throws -> Double {
        return try operationsPerSecond(members.count) { index in
            let member = members[index]
            try vault.database.writeTransaction {
                let dataKey = try vault.unwrapDataKey(of: try vault.memberRecord(member))
                let row = try vault.database.statement("SELECT ciphertext, data_key_version FROM member_fields WHERE member_id = ?1 AND field = ?2")
                    .rows([.text(member.rawValue), .text(field)])[0]
                let binding = vault.keys.fieldBinding(member: member, field: field, dataKeyVersion: Int(row[1].integer ?? 1))
                _ = try AEAD.openText(row[0].blob ?? [], using: dataKey, authenticating: binding)
                try vault.auditLog.append(AuditLog.Record(principal: .localAdministrator, operation: .memberRead, member: member),
                                          at: Timestamp.string(vault.clock()))
            }
        }
    }

    /// Lookup by email: the blind-index hash, the index query, and the audit entry, committed.
    static func lookup(_ vault: Vault, emails: [String]) throws -> Double {
        return try operationsPerSecond(emails.count) { index in
            try vault.database.writeTransaction {
                let hash = try vault.keys.blindIndex(field: "email", lookupKey: emails[index])
                _ = try vault.database.statement("SELECT member_id FROM blind_indexes WHERE field = ?1 AND hash = ?2 ORDER BY member_id")
                    .rows([.text("email"), .blob(hash)])
                try vault.auditLog.append(AuditLog.Record(principal: .localAdministrator, operation: .memberFind),
                                          at: Timestamp.string(vault.clock()))
            }
        }
    }

    /// Runs `body` `count` times and returns how many runs per second that was.
    private static func operationsPerSecond(_ count: Int, _ body: (Int) throws -> Void) throws -> Double {
        Double(count) / max(try Stopwatch.measure(count, body).total, 1e-9)
    }
}
