/// Failures of the SQLite layer. Messages name the operation and SQLite's reason, never a
/// bound value (bound values may be ciphertexts or index hashes of personal data).
public enum StorageError: VaultError, Equatable {
    /// SQLite returned an error code while doing `operation`.
    case sqlite(code: Int32, operation: String, message: String)
    /// The file's schema was written by a newer consent-vault.
    case schemaTooNew(found: Int, supported: Int)
    /// The file is an SQLite database but not a consent vault.
    case notAVault(path: String)
    /// No vault at the path.
    case vaultNotFound(path: String)
    /// `init` would overwrite an existing vault.
    case vaultExists(path: String)
    /// The erasure journal cannot be read, written or trusted.
    case erasureJournal(path: String, problem: String)
    /// An export folder exists and is not empty; exports never mix with other files.
    case exportFolderNotEmpty(path: String)
    /// The path is a symbolic link, which the vault never follows.
    case symbolicLink(path: String)
    /// A backup would overwrite an existing file.
    case fileExists(path: String)
    /// Writing a file outside the vault (an export, a restored copy) failed.
    case fileWrite(path: String, reason: String)
    /// The operation checkpoints, writes files or swaps keys, so it cannot share a group transaction.
    case needsOwnTransaction(operation: String)
    /// A stored row lacks a column or holds a value of the wrong kind: the file was damaged or edited.
    case corruptRow(table: String, column: String, problem: String)
    /// The format migration found rows it could not carry over (rows of a member that does not
    /// exist, or a reference that no longer holds); nothing was swapped.
    case migrationIncomplete(table: String, problem: String)

    /// What went wrong.
    public var description: String {
        switch self {
        case .sqlite(let code, let operation, let message): return "\(Self.explain(code)) (SQLite \(code) during \(operation): \(message))"
        case .schemaTooNew(let found, let supported):
            return "this vault has schema version \(found), written by a newer consent-vault; this one supports up to \(supported)"
        case .notAVault(let path): return "\(path) is not a consent vault (or not a backup of this one), or cannot be read"
        case .vaultNotFound(let path): return "no vault at \(path)"
        case .vaultExists(let path): return "a vault already exists at \(path)"
        case .erasureJournal(let path, let problem): return "erasure journal \(path): \(problem)"
        case .corruptRow(let table, let column, let problem): return "corrupt row in \(table): column \(column): \(problem)"
        case .migrationIncomplete(let table, let problem):
            return "the storage format migration stopped before swapping tables: \(table): \(problem); no row was lost"
        case .exportFolderNotEmpty(let path): return "export folder \(path) exists and is not empty"
        case .symbolicLink(let path): return "\(path) is a symbolic link; give the real path"
        case .fileExists(let path): return "\(path) already exists; it is never overwritten"
        case .fileWrite(let path, let reason): return "could not write \(path): \(reason)"
        case .needsOwnTransaction(let operation):
            return "\(operation) runs in a transaction of its own and cannot be grouped with other operations; run it alone"
        }
    }

    /// Stable machine-readable name of the failure.
    public var code: String {
        switch self {
        case .sqlite: return "sqlite"
        case .schemaTooNew: return "schema_too_new"
        case .notAVault: return "not_a_vault"
        case .vaultNotFound: return "vault_not_found"
        case .vaultExists: return "vault_exists"
        case .erasureJournal: return "erasure_journal"
        case .corruptRow: return "corrupt_row"
        case .migrationIncomplete: return "migration_incomplete"
        case .exportFolderNotEmpty: return "export_folder_not_empty"
        case .fileExists: return "file_exists"
        case .symbolicLink: return "symbolic_link"
        case .fileWrite: return "file_write"
        case .needsOwnTransaction: return "needs_own_transaction"
        }
    }
}

extension StorageError {
    /// What an SQLite result code means for the person running the vault.
    static func explain(_ code: Int32) -> String {
        switch code & 0xff {
        case 13: return "the disk is full"
        case 5, 6: return "another process holds the vault locked"
        case 11, 26: return "the vault file is damaged or not a database"
        case 8: return "the vault file or its folder is read-only"
        case 14: return "the vault file cannot be opened (missing folder or permissions)"
        case 10: return "a disk read or write failed"
        case 19: return "a stored value breaks a constraint of the vault's tables"
        default: return "the database refused the operation"
        }
    }
}
