import Foundation

/// Owns `policies`, `policy_history` and `notices`: the current policy documents, the history of
/// applied sets, and every notice text ever shown (so the consent history can quote it).
struct PolicyStore {
    let database: Database

    /// Stores `policies` as the current set. Call inside a write transaction.
    func save(_ policies: PolicySet, by principal: Principal, at now: String) throws {
        let versions = [FieldCatalog.fileName: policies.fields.version, PurposeCatalog.fileName: policies.purposes.version,
                        RoleCatalog.fileName: policies.roles.version, RewardPolicy.fileName: policies.rewards.version,
                        RetentionPolicy.fileName: policies.retention.version, ControllerContact.fileName: policies.controller?.version ?? 0,
                        WordingPolicy.fileName: policies.wording?.version ?? 0]
        let upsert = try database.statement("""
            INSERT INTO policies (name, version, sha256, document, applied_at) VALUES (?1, ?2, ?3, ?4, ?5)
            ON CONFLICT (name) DO UPDATE SET version = ?2, sha256 = ?3, document = ?4, applied_at = ?5
            """)
        for (name, document) in policies.documents {
            try upsert.run([.text(name), .integer(Int64(versions[name] ?? 0)), .text(KeyDerivation.sha256Hex(Array(document))),
                            .blob(Array(document)), .text(now)])
        }
        // An optional file the new set lacks goes: the stored set is exactly the applied one.
        for name in PolicySet.optionalFileNames where policies.documents[name] == nil {
            try database.statement("DELETE FROM policies WHERE name = ?1").run([.text(name)])
        }
        let notice = try database.statement("INSERT OR IGNORE INTO notices (purpose, version, language, sha256, text) VALUES (?1, ?2, ?3, ?4, ?5)")
        for purpose in policies.purposes.purposes {
            guard let current = purpose.notice else { continue }
            for (language, text) in current.text {
                try notice.run([.text(purpose.id), .integer(Int64(current.version)), .text(language),
                                .text(Self.noticeHash(text)), .text(text)])
            }
        }
        try database.statement("INSERT INTO policy_history (set_hash, applied_at, applied_by) VALUES (?1, ?2, ?3)")
            .run([.text(policies.hash), .text(now), .text(principal.name)])
    }

    /// The current policy set of the vault.
    func load() throws -> PolicySet {
        var documents: [String: Data] = [:]
        for row in try database.statement("SELECT name, document FROM policies").rows(table: "policies") {
            documents[try row.text("name")] = Data(try row.blob("document"))
        }
        return try PolicySet.decode(documents)
    }

    /// Name, version, checksum and date of every stored document.
    func documents() throws -> [PolicyDocumentInfo] {
        try database.statement("SELECT name, version, sha256, applied_at FROM policies ORDER BY name").rows(table: "policies").map {
            PolicyDocumentInfo(name: try $0.text("name"), version: try $0.integer("version"), sha256: try $0.text("sha256"),
                               appliedAt: try $0.text("applied_at"))
        }
    }

    /// The text of a notice as it was shown, or nil if the vault never stored it.
    func noticeText(purpose: String, version: Int, language: String) throws -> String? {
        try database.statement("SELECT text FROM notices WHERE purpose = ?1 AND version = ?2 AND language = ?3")
            .rows([.text(purpose), .integer(Int64(version)), .text(language)], table: "notices").first?.text("text")
    }

    /// Every policy document and notice row, for the table seal.
    func sealedRows() throws -> [Row] {
        try database.statement("SELECT name, version, sha256, document FROM policies ORDER BY name").rows(table: "policies")
            + database.statement("SELECT purpose, version, language, sha256, text FROM notices ORDER BY purpose, version, language")
            .rows(table: "notices")
    }

    /// SHA-256 of a notice text, recorded with every consent event.
    static func noticeHash(_ text: String) -> String {
        KeyDerivation.sha256Hex(Array(text.utf8))
    }
}
