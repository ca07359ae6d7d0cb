/// Owns `vault_meta` (format, vault id, key id, creation time) and `master_key_versions` (the vault
/// root key wrapped once per master key version).
struct VaultMetaStore {
    let database: Database

    /// Format tag every vault carries in `vault_meta`.
    static let format = "consent-vault"

    /// Writes the identity of a new vault.
    func insertIdentity(vaultID: String, keyID: String, createdAt: String) throws {
        let meta = try database.statement("INSERT INTO vault_meta (name, value) VALUES (?1, ?2)")
        for (name, value) in [("format", Self.format), ("vault_id", vaultID), ("key_id", keyID), ("created_at", createdAt)] {
            try meta.run([.text(name), .text(value)])
        }
    }

    /// The vault's identity, or nil when the file is no consent vault.
    func identity() throws -> (vaultID: String, keyID: String)? {
        var meta: [String: String] = [:]
        for row in try database.statement("SELECT name, value FROM vault_meta").rows(table: "vault_meta") {
            meta[try row.text("name")] = try row.text("value")
        }
        guard meta["format"] == Self.format, let vaultID = meta["vault_id"], let keyID = meta["key_id"] else { return nil }
        return (vaultID, keyID)
    }

    /// How many of this vault's journal lines it has applied (0 before the first).
    func journalPosition() throws -> Int {
        guard let row = try database.statement("SELECT value FROM vault_meta WHERE name = 'journal_position'").rows(table: "vault_meta").first else {
            return 0
        }
        guard let position = Int(try row.text("value")), position >= 0 else {
            throw StorageError.corruptRow(table: "vault_meta", column: "value", problem: "journal_position is not a count")
        }
        return position
    }

    /// Records that the first `position` journal lines have been applied.
    func setJournalPosition(_ position: Int) throws {
        try database.statement("""
            INSERT INTO vault_meta (name, value) VALUES ('journal_position', ?1) ON CONFLICT (name) DO UPDATE SET value = ?1
            """).run([.text(String(position))])
    }

    /// Every row, for the table seal.
    func sealedRows() throws -> [Row] {
        try database.statement("SELECT name, value FROM vault_meta ORDER BY name").rows(table: "vault_meta")
    }

    /// Registers master key `version` with the root key wrapped under it.
    func insertKeyVersion(_ version: Int, wrappedRootKey: [UInt8], at now: String) throws {
        try database.statement("INSERT INTO master_key_versions (version, added_at, wrapped_root_key) VALUES (?1, ?2, ?3)")
            .run([.integer(Int64(version)), .text(now), .blob(wrappedRootKey)])
    }

    /// Registered versions with their wrapped root keys, newest first.
    func wrappedRootKeys() throws -> [(version: Int, wrapped: [UInt8])] {
        try database.statement("SELECT version, wrapped_root_key FROM master_key_versions ORDER BY version DESC")
            .rows(table: "master_key_versions").map { (try $0.integer("version"), try $0.blob("wrapped_root_key")) }
    }

    /// Registered versions, oldest first.
    func keyVersions() throws -> [Int] {
        try database.statement("SELECT version FROM master_key_versions ORDER BY version").rows(table: "master_key_versions")
            .map { try $0.integer("version") }
    }

    /// Unregisters master key `version`.
    func deleteKeyVersion(_ version: Int) throws {
        try database.statement("DELETE FROM master_key_versions WHERE version = ?1").run([.integer(Int64(version))])
    }
}
