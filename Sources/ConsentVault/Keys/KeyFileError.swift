/// Problems with a key file. Messages name the file and what to do, never key material.
public enum KeyFileError: VaultError, Equatable {
    /// No file at the path.
    case notFound(path: String)
    /// The file exists but could not be read or is not a regular file.
    case unreadable(path: String, reason: String)
    /// Group or others may read or write the file (mode shown in octal).
    case permissionsTooOpen(path: String, mode: String)
    /// A line of the file does not follow the format.
    case malformed(path: String, line: Int, reason: String)
    /// The file is the documented example key, which must never protect real data.
    case exampleKey(path: String)
    /// The file is passphrase-protected and no passphrase was available.
    case passphraseRequired(path: String)
    /// The passphrase does not open the file.
    case wrongPassphrase(path: String)
    /// `keygen` would overwrite an existing file.
    case alreadyExists(path: String)
    /// Writing the file failed.
    case writeFailed(path: String, reason: String)
    /// The vault was created with a different key.
    case belongsToAnotherVault(vaultKeyID: String, fileKeyID: String)
    /// The file lacks a key version the vault still needs.
    case versionMissing(version: Int)
    /// The key id matches but the key bytes do not open the vault.
    case keyDoesNotOpenVault(version: Int)
    /// Another process is rotating or retiring keys of this key file right now.
    case rotationInProgress(path: String)
    /// The key file on disk holds other versions than the ones this process loaded: another
    /// rotation or retirement changed it meanwhile.
    case changedOnDisk(path: String)
    /// A master key version still wraps member keys and cannot be retired yet.
    case keyVersionInUse(version: Int, members: Int)
    /// The active master key version cannot be retired.
    case cannotRetireActiveVersion(Int)

    /// What went wrong, naming the file but never a key.
    public var description: String {
        switch self {
        case .notFound(let path): return "key file \(path) does not exist"
        case .unreadable(let path, let reason): return "key file \(path) cannot be read: \(reason)"
        case .permissionsTooOpen(let path, let mode):
            return "key file \(path) is accessible by group or others (mode \(mode)); refusing to use it"
        case .malformed(let path, let line, let reason): return "key file \(path), line \(line): \(reason)"
        case .exampleKey(let path): return "key file \(path) is the public example key from Keys.example"
        case .passphraseRequired(let path): return "key file \(path) is protected by a passphrase and none was given"
        case .wrongPassphrase(let path): return "the passphrase does not open key file \(path)"
        case .alreadyExists(let path): return "\(path) already exists; refusing to overwrite a key file"
        case .writeFailed(let path, let reason): return "could not write key file \(path): \(reason)"
        case .belongsToAnotherVault(let vaultKeyID, let fileKeyID):
            return "this vault was created with key id \(vaultKeyID), but the key file has key id \(fileKeyID)"
        case .versionMissing(let version): return "the key file has no master key version \(version), which the vault still uses"
        case .rotationInProgress(let path): return "another key rotation or retirement is running on key file \(path)"
        case .changedOnDisk(let path): return "key file \(path) was changed by another process since it was read"
        case .keyVersionInUse(let version, let members):
            return "master key version \(version) still wraps \(members) member key(s)"
        case .cannotRetireActiveVersion(let version): return "master key version \(version) is the active version"
        case .keyDoesNotOpenVault(let version):
            return "master key version \(version) in the key file does not open this vault (the key id matches, the key does not)"
        }
    }

    /// Stable machine-readable name of the failure.
    public var code: String {
        switch self {
        case .notFound: return "key_file_not_found"
        case .unreadable: return "key_file_unreadable"
        case .permissionsTooOpen: return "key_file_permissions_too_open"
        case .malformed: return "key_file_malformed"
        case .exampleKey: return "example_key"
        case .passphraseRequired: return "passphrase_required"
        case .wrongPassphrase: return "wrong_passphrase"
        case .alreadyExists: return "key_file_exists"
        case .writeFailed: return "key_file_write_failed"
        case .belongsToAnotherVault: return "belongs_to_another_vault"
        case .versionMissing: return "version_missing"
        case .keyDoesNotOpenVault: return "key_does_not_open_vault"
        case .rotationInProgress: return "rotation_in_progress"
        case .changedOnDisk: return "changed_on_disk"
        case .keyVersionInUse: return "key_version_in_use"
        case .cannotRetireActiveVersion: return "cannot_retire_active_version"
        }
    }
}
