public import Foundation

/// Online backups (`VACUUM INTO`, consistent while writers keep working) and restores that
/// re-apply every erasure made since the backup.
extension Vault {
    /// Writes a consistent copy of the vault to `backupPath` (mode 0600), which must not exist.
    /// A copy that fails (a full disk) is removed again, and the audit entry says so.
    public func backup(to backupPath: String, as principal: Principal) throws {
        try context.authorize(principal, .backupCreate)
        try PrivateFiles.createEmpty(backupPath)
        var failure: (any Error)?
        do {
            try context.database.copy(to: backupPath)
        } catch {
            failure = error
            try? FileManager.default.removeItem(atPath: backupPath)
        }
        try context.audited(principal, .backupCreate) { _ in if let failure { throw failure } }
    }

    /// Replaces the vault at `path` with the backup at `backupPath` and returns it opened, with
    /// every erasure recorded in the journal since the backup re-applied. The backup must be of
    /// the same vault. Stop every other process using the vault first.
    public static func restore(from backupPath: String, to path: String, keyRing: KeyRing, erasureJournal: String? = nil,
                               as principal: Principal, clock: @escaping @Sendable () -> Date = { Date() }) throws -> Vault {
        let staging = path + ".restoring"
        try? FileManager.default.removeItem(atPath: staging)
        defer { try? FileManager.default.removeItem(atPath: staging) }
        do {
            // Both connections are closed at the end of this block, before the file is replaced.
            let current = try open(at: path, keyRing: keyRing, erasureJournal: erasureJournal, clock: clock)
            try current.context.authorize(principal, .backupRestore)
            // Every failure to read the backup names the backup, not the vault.
            let candidate: Database
            let identity: (vaultID: String, keyID: String)?
            do {
                // Read-only: nothing is written to the backup file itself.
                candidate = try Database(path: backupPath, create: false, readOnly: true)
                identity = try VaultMetaStore(database: candidate).identity()
            } catch {
                throw StorageError.notAVault(path: backupPath)
            }
            guard identity?.vaultID == current.vaultID else { throw StorageError.notAVault(path: backupPath) }
            try PrivateFiles.createEmpty(staging)
            try candidate.copy(to: staging)
        }
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        guard rename(staging, path) == 0 else { throw StorageError.fileWrite(path: path, reason: String(cString: strerror(errno))) }
        let restored = try open(at: path, keyRing: keyRing, erasureJournal: erasureJournal, clock: clock)
        try restored.context.audited(principal, .backupRestore) { _ in }
        return restored
    }
}
