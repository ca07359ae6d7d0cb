/// The vault's tables and their forward migrations. `PRAGMA user_version` holds the number of
/// migrations applied; a file with a higher number than this build knows is refused.
///
/// No table holds plaintext personal data: only ids, timestamps, field names, channels,
/// ciphertexts and blind-index hashes.
enum Schema {
    /// Migrations in order; never edit a shipped one, append a new one instead.
    static let migrations: [String] = [
        """
        CREATE TABLE vault_meta (
            name  TEXT PRIMARY KEY,
            value TEXT NOT NULL
        ) WITHOUT ROWID;

        -- The vault root key (source of blind-index and audit keys), wrapped once per master key version.
        CREATE TABLE master_key_versions (
            version          INTEGER PRIMARY KEY,
            added_at         TEXT NOT NULL,
            wrapped_root_key BLOB NOT NULL
        );

        CREATE TABLE policies (
            name       TEXT PRIMARY KEY,
            version    INTEGER NOT NULL,
            sha256     TEXT NOT NULL,
            document   BLOB NOT NULL,
            applied_at TEXT NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE members (
            id                 TEXT PRIMARY KEY,
            created_at         TEXT NOT NULL,
            updated_at         TEXT NOT NULL,
            source_channel     TEXT NOT NULL,
            master_key_version INTEGER NOT NULL REFERENCES master_key_versions(version),
            data_key_version   INTEGER NOT NULL,
            wrapped_data_key   BLOB NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX members_by_master_key_version ON members(master_key_version);

        CREATE TABLE member_fields (
            member_id        TEXT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
            field            TEXT NOT NULL,
            ciphertext       BLOB NOT NULL,
            data_key_version INTEGER NOT NULL,
            updated_at       TEXT NOT NULL,
            PRIMARY KEY (member_id, field)
        ) WITHOUT ROWID;

        CREATE TABLE blind_indexes (
            field     TEXT NOT NULL,
            hash      BLOB NOT NULL,
            member_id TEXT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
            PRIMARY KEY (field, hash, member_id)
        ) WITHOUT ROWID;
        CREATE INDEX blind_indexes_by_member ON blind_indexes(member_id);
        """,
    ]

    /// The schema version this build writes.
    static var currentVersion: Int { migrations.count }

    /// Brings `database` to the current version; refuses files from newer builds.
    static func migrate(_ database: Database, path: String) throws {
        let found = try version(of: database)
        if found > currentVersion { throw StorageError.schemaTooNew(found: found, supported: currentVersion) }
        guard found < currentVersion else { return }
        try database.writeTransaction {
            for index in found..<currentVersion { try database.execute(migrations[index]) }
            try database.execute("PRAGMA user_version = \(currentVersion)")
        }
    }

    /// The `user_version` of `database`.
    static func version(of database: Database) throws(StorageError) -> Int {
        let rows = try database.statement("PRAGMA user_version").rows()
        return Int(rows.first?.first?.integer ?? 0)
    }
}
