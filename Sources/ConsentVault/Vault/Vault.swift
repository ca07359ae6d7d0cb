public import Foundation

/// The encrypted member vault: the library's public façade.
///
/// A `Vault` owns one SQLite connection and is not `Sendable`; use one instance per thread (or
/// per process). Several processes may open the same file: writes run in `BEGIN IMMEDIATE`
/// transactions and wait up to `Database.busyTimeoutMilliseconds` for each other.
public final class Vault {
    /// Path of the vault file.
    public let path: String
    /// The policy set the vault runs under (replaced by `applyPolicies`).
    public internal(set) var policies: PolicySet
    /// The field catalog of the current policy set.
    public var catalog: FieldCatalog { policies.fields }
    let database: Database
    let keyRing: KeyRing
    let keys: VaultKeys
    let clock: @Sendable () -> Date
    /// The record of erasures that a restore of an old backup cannot roll back.
    let erasureJournal: ErasureJournal

    private init(path: String, database: Database, keyRing: KeyRing, keys: VaultKeys, policies: PolicySet,
                 erasureJournalPath: String?, clock: @escaping @Sendable () -> Date) {
        self.path = path
        self.database = database
        self.keyRing = keyRing
        self.keys = keys
        self.policies = policies
        self.clock = clock
        erasureJournal = ErasureJournal(path: erasureJournalPath ?? Self.defaultErasureJournalPath(forVault: path), key: keys.erasureKey,
                                        vaultID: keys.vaultID)
    }

    /// Where the erasure journal of the vault at `vaultPath` lives by default.
    public static func defaultErasureJournalPath(forVault vaultPath: String) -> String {
        vaultPath + ".erasures"
    }

    /// Creates a new vault at `path` (which must not exist) protected by `keyRing`. Erasures are
    /// recorded in `erasureJournal` (default: the vault path plus `.erasures`); keep that file
    /// out of the vault's backups, next to the key file.
    public static func create(at path: String, keyRing: KeyRing, policies: PolicySet, erasureJournal: String? = nil,
                              clock: @escaping @Sendable () -> Date = { Date() }) throws -> Vault {
        if FileManager.default.fileExists(atPath: path) { throw StorageError.vaultExists(path: path) }
        let database = try Database(path: path, create: true)
        do {
            try Schema.migrate(database)
            let vaultID = UUID().uuidString.lowercased()
            let rootKey = try SecureBytes.random(count: KeyDerivation.keyByteCount)
            let version = keyRing.activeVersion
            let wrappedRoot = try VaultKeys.wrapRootKey(rootKey, vaultID: vaultID, version: version, ring: keyRing)
            let now = Timestamp.string(clock())
            try database.writeTransaction {
                let meta = try database.statement("INSERT INTO vault_meta (name, value) VALUES (?1, ?2)")
                for (name, value) in [("format", "consent-vault"), ("vault_id", vaultID), ("key_id", keyRing.keyID), ("created_at", now)] {
                    try meta.run([.text(name), .text(value)])
                }
                try database.statement("INSERT INTO master_key_versions (version, added_at, wrapped_root_key) VALUES (?1, ?2, ?3)")
                    .run([.integer(Int64(version)), .text(now), .blob(wrappedRoot)])
                try PolicyStore.save(policies, in: database, by: Principal.localAdministrator, at: now)
            }
            let keys = try VaultKeys(vaultID: vaultID, ring: keyRing, rootKey: rootKey)
            return Vault(path: path, database: database, keyRing: keyRing, keys: keys, policies: policies,
                         erasureJournalPath: erasureJournal, clock: clock)
        } catch {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            throw error
        }
    }

    /// Opens the vault at `path` with `keyRing`; refuses another vault's key, a newer schema, and
    /// a file that is not a vault. Every erasure in the journal is re-applied, so a restored
    /// backup never brings an erased member back.
    public static func open(at path: String, keyRing: KeyRing, erasureJournal: String? = nil,
                            clock: @escaping @Sendable () -> Date = { Date() }) throws -> Vault {
        guard FileManager.default.fileExists(atPath: path) else { throw StorageError.vaultNotFound(path: path) }
        let database = try Database(path: path, create: false)
        guard try Schema.version(of: database) > 0 else { throw StorageError.notAVault(path: path) }
        try Schema.migrate(database)
        let meta = try Dictionary(uniqueKeysWithValues: database.statement("SELECT name, value FROM vault_meta").rows()
            .map { ($0[0].text ?? "", $0[1].text ?? "") })
        guard meta["format"] == "consent-vault", let vaultID = meta["vault_id"], let keyID = meta["key_id"] else {
            throw StorageError.notAVault(path: path)
        }
        guard keyID == keyRing.keyID else { throw KeyFileError.belongsToAnotherVault(vaultKeyID: keyID, fileKeyID: keyRing.keyID) }
        let rootKey = try unwrapRootKey(database: database, vaultID: vaultID, keyRing: keyRing)
        let policies = try PolicyStore.load(from: database)
        let keys = try VaultKeys(vaultID: vaultID, ring: keyRing, rootKey: rootKey)
        let vault = Vault(path: path, database: database, keyRing: keyRing, keys: keys, policies: policies,
                          erasureJournalPath: erasureJournal, clock: clock)
        try vault.reapplyJournal()
        return vault
    }

    /// Opens the vault root key with the newest master key version that both the vault and the
    /// key file hold.
    static func unwrapRootKey(database: Database, vaultID: String, keyRing: KeyRing) throws -> SecureBytes {
        let wrappedRoots = try database.statement("SELECT version, wrapped_root_key FROM master_key_versions ORDER BY version DESC").rows()
        guard let usable = wrappedRoots.first(where: { keyRing.versions.contains(Int($0[0].integer ?? 0)) }) else {
            throw KeyFileError.versionMissing(version: Int(wrappedRoots.last?[0].integer ?? 1))
        }
        return try VaultKeys.unwrapRootKey(usable[1].blob ?? [], vaultID: vaultID, version: Int(usable[0].integer ?? 0), ring: keyRing)
    }

    /// The vault's own id (not secret).
    public var vaultID: String { keys.vaultID }

    /// The master key versions the vault has registered, oldest first.
    func registeredKeyVersions() throws -> [Int] {
        try database.statement("SELECT version FROM master_key_versions ORDER BY version").rows().map { Int($0[0].integer ?? 0) }
    }

    /// The newest master key version that both the key file and the vault know: new data keys are
    /// wrapped under it.
    func writeKeyVersion() throws -> Int {
        let registered = try registeredKeyVersions()
        return keyRing.versions.filter(registered.contains).max() ?? keyRing.activeVersion
    }

    /// Writes the WAL back into the vault file and truncates it, so no older page images remain
    /// in the `-wal` file.
    public func checkpoint() throws {
        try database.checkpointAndTruncateWAL()
    }
}
