public import Foundation

/// The encrypted member vault: the library's public façade. Its capabilities are grouped by what
/// they work on (`vault.members`, `vault.consents`, `vault.requests`, …); every call names the
/// acting principal, is checked against its role and is audited.
///
/// A `Vault` owns one SQLite connection and is not `Sendable`: use it from one thread at a time,
/// or share it through a `VaultQueue`. Several processes may open the same file: writes run in
/// `BEGIN IMMEDIATE` transactions and wait up to 30 s for each other.
public final class Vault {
    let context: VaultContext

    private init(context: VaultContext) {
        self.context = context
    }

    /// Path of the vault file.
    public var path: String { context.path }
    /// The policy set the vault runs under (replaced by `applyPolicies`).
    public var policies: PolicySet { context.policies }
    /// The field catalog of the current policy set.
    public var catalog: FieldCatalog { context.catalog }
    /// The vault's own id (not secret); bound into every ciphertext so none can move between vaults.
    public var vaultID: String { context.keys.vaultID }

    /// Enrol, read, change, find, list and import members.
    public var members: MemberOperations { MemberOperations(context: context) }
    /// Grant, deny, withdraw and confirm consents; show states and history.
    public var consents: ConsentOperations { ConsentOperations(context: context) }
    /// Progressive profiling: what to ask next, shares, declines, and the aggregate report.
    public var profiles: ProfileOperations { ProfileOperations(context: context) }
    /// The points ledger: balances, entries, corrections and birthday awards.
    public var rewards: RewardOperations { RewardOperations(context: context) }
    /// Data subject requests: deadlines, export, erasure.
    public var requests: RequestOperations { RequestOperations(context: context) }
    /// The suppression list of contact values kept out of direct marketing after erasure or objection.
    public var suppression: SuppressionOperations { SuppressionOperations(context: context) }
    /// The retention run that applies `retention.json`.
    public var retention: RetentionOperations { RetentionOperations(context: context) }
    /// Redaction of prompts, consented prompt context, and demasking of generated text.
    public var prompts: PromptOperations { PromptOperations(context: context) }
    /// API tokens: create, list, revoke, and resolve a token to its principal.
    public var tokens: TokenOperations { TokenOperations(context: context) }
    /// The audit log: verify the chain, its head, and one member's access history.
    public var audit: AuditOperations { AuditOperations(context: context) }
    /// The events feed: consent changes and erasures in order, without values.
    public var events: EventOperations { EventOperations(context: context) }
    /// Master key versions: status, rotation and retirement.
    public var keys: KeyOperations { KeyOperations(context: context) }

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
        try PrivateFiles.createEmpty(path)
        let database = try Database(path: path, create: true)
        do {
            try Schema.migrate(database)
            let vaultID = UUID().uuidString.lowercased()
            let rootKey = try SecureBytes.random(count: KeyDerivation.keyByteCount)
            let version = keyRing.activeVersion
            let wrappedRoot = try VaultKeys.wrapRootKey(rootKey, vaultID: vaultID, version: version, ring: keyRing)
            let now = Timestamp.string(clock())
            let meta = VaultMetaStore(database: database)
            try database.writeTransaction {
                try meta.insertIdentity(vaultID: vaultID, keyID: keyRing.keyID, createdAt: now)
                try meta.insertKeyVersion(version, wrappedRootKey: wrappedRoot, at: now)
                try PolicyStore(database: database).save(policies, by: Principal.localAdministrator, at: now)
            }
            let keys = try VaultKeys(vaultID: vaultID, ring: keyRing, rootKey: rootKey)
            let context = VaultContext(path: path, database: database, keyRing: keyRing, keys: keys, policies: policies,
                                       erasureJournalPath: erasureJournal ?? defaultErasureJournalPath(forVault: path), clock: clock)
            try context.startSealing()
            try context.sealIfNeverSealed()
            return Vault(context: context)
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
        try PrivateFiles.refuseSymbolicLink(path)
        // The key file must open the vault before anything is written to it: a format migration, or
        // SQLite folding a crashed writer's -wal into the file when a read-write connection closes.
        _ = try unlock(try Database(path: path, create: false, readOnly: true), path: path, keyRing: keyRing)
        let database = try Database(path: path, create: false)
        let (identity, rootKey) = try unlock(database, path: path, keyRing: keyRing)
        try Schema.migrate(database)
        let policies = try PolicyStore(database: database).load()
        let keys = try VaultKeys(vaultID: identity.vaultID, ring: keyRing, rootKey: rootKey)
        let context = VaultContext(path: path, database: database, keyRing: keyRing, keys: keys, policies: policies,
                                   erasureJournalPath: erasureJournal ?? defaultErasureJournalPath(forVault: path), clock: clock)
        try context.startSealing()
        try context.sealIfNeverSealed()
        try context.verifyTable("policies")
        try context.verifyTable("meta")
        try context.replayJournal()
        return Vault(context: context)
    }

    /// The vault's identity and root key, once `keyRing` is known to be its key file (the root key
    /// unwraps); reads only.
    static func unlock(_ database: Database, path: String, keyRing: KeyRing) throws -> (identity: (vaultID: String, keyID: String), rootKey: SecureBytes) {
        guard try Schema.version(of: database) > 0 else { throw StorageError.notAVault(path: path) }
        let meta = VaultMetaStore(database: database)
        guard let identity = try meta.identity() else { throw StorageError.notAVault(path: path) }
        guard identity.keyID == keyRing.keyID else {
            throw KeyFileError.belongsToAnotherVault(vaultKeyID: identity.keyID, fileKeyID: keyRing.keyID)
        }
        return (identity, try unwrapRootKey(meta: meta, vaultID: identity.vaultID, keyRing: keyRing))
    }

    /// Opens the vault root key with the newest master key version that both the vault and the
    /// key file hold.
    static func unwrapRootKey(meta: VaultMetaStore, vaultID: String, keyRing: KeyRing) throws -> SecureBytes {
        let wrappedRoots = try meta.wrappedRootKeys()
        guard let usable = wrappedRoots.first(where: { keyRing.versions.contains($0.version) }) else {
            throw KeyFileError.versionMissing(version: wrappedRoots.last?.version ?? 1)
        }
        return try VaultKeys.unwrapRootKey(usable.wrapped, vaultID: vaultID, version: usable.version, ring: keyRing)
    }

    /// Writes the WAL back into the vault file and truncates it, so no older page images remain
    /// in the `-wal` file. Returns false when readers in other connections still hold older pages
    /// (after a short wait); run it again once they are done.
    @discardableResult
    public func checkpoint() throws -> Bool {
        try context.checkpoint()
    }
}
