import Foundation

/// Keeps the policy set inside the vault: the current documents, the history of applied sets,
/// and every notice text ever shown (so the consent history can quote it).
enum PolicyStore {
    /// Stores `policies` as the current set. Call inside a write transaction.
    static func save(_ policies: PolicySet, in database: Database, by principal: Principal, at now: String) throws {
        let versions = [FieldCatalog.fileName: policies.fields.version, PurposeCatalog.fileName: policies.purposes.version,
                        RoleCatalog.fileName: policies.roles.version, RewardPolicy.fileName: policies.rewards.version,
                        RetentionPolicy.fileName: policies.retention.version]
        let upsert = try database.statement("""
            INSERT INTO policies (name, version, sha256, document, applied_at) VALUES (?1, ?2, ?3, ?4, ?5)
            ON CONFLICT (name) DO UPDATE SET version = ?2, sha256 = ?3, document = ?4, applied_at = ?5
            """)
        for (name, document) in policies.documents {
            try upsert.run([.text(name), .integer(Int64(versions[name] ?? 0)), .text(KeyDerivation.sha256Hex(Array(document))),
                            .blob(Array(document)), .text(now)])
        }
        let notice = try database.statement("INSERT OR IGNORE INTO notices (purpose, version, language, sha256, text) VALUES (?1, ?2, ?3, ?4, ?5)")
        for purpose in policies.purposes.purposes {
            guard let current = purpose.notice else { continue }
            for (language, text) in current.text {
                try notice.run([.text(purpose.id), .integer(Int64(current.version)), .text(language),
                                .text(noticeHash(text)), .text(text)])
            }
        }
        try database.statement("INSERT INTO policy_history (set_hash, applied_at, applied_by) VALUES (?1, ?2, ?3)")
            .run([.text(policies.hash), .text(now), .text(principal.name)])
    }

    /// The current policy set of the vault.
    static func load(from database: Database) throws -> PolicySet {
        let rows = try database.statement("SELECT name, document FROM policies").rows()
        return try PolicySet.decode(Dictionary(uniqueKeysWithValues: rows.map { ($0[0].text ?? "", Data($0[1].blob ?? [])) }))
    }

    /// SHA-256 of a notice text, recorded with every consent event.
    static func noticeHash(_ text: String) -> String {
        KeyDerivation.sha256Hex(Array(text.utf8))
    }
}
