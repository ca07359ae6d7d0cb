public import Foundation

/// Online backups (`VACUUM INTO`, consistent while writers keep working) and restores that
/// re-apply every erasure made since the backup.
extension Vault {
    /// Writes a consistent copy of the vault to `backupPath`, which must not exist.
    public func backup(to backupPath: String, as principal: Principal) throws {
        try context.authorize(principal, .backupCreate)
        if FileManager.default.fileExists(atPath: backupPath) { throw StorageError.fileExists(path: backupPath) }
        try context.audited(principal, .backupCreate) { _ in }
        try context.database.copy(to: backupPath)
    }

    /// Replaces the vault at `path` with the backup at `backupPath` and returns it opened, with
    /// every erasure recorded in the journal since the backup re-applied. The backup must be of
    /// the same vault. Stop every other process using the vault first.
    public static func restore(from backupPath: String, to path: String, keyRing: KeyRing, erasureJournal: String? = nil,
                               as principal: Principal, clock: @escaping @Sendable () -> Date = { Date() }) throws -> Vault {
        let staging = path + ".restoring"
        try? FileManager.default.removeItem(atPath: staging)
        do {
            // Both connections are closed at the end of this block, before the file is replaced.
            let current = try open(at: path, keyRing: keyRing, erasureJournal: erasureJournal, clock: clock)
            try current.context.authorize(principal, .backupRestore)
            let candidate = try Database(path: backupPath, create: false)
            guard try VaultMetaStore(database: candidate).identity()?.vaultID == current.vaultID else {
                throw StorageError.notAVault(path: backupPath)
            }
            try candidate.copy(to: staging)
        }
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        guard rename(staging, path) == 0 else { throw StorageError.fileWrite(path: path, reason: String(cString: strerror(errno))) }
        let restored = try open(at: path, keyRing: keyRing, erasureJournal: erasureJournal, clock: clock)
        try restored.context.audited(principal, .backupRestore) { _ in }
        return restored
    }
}
