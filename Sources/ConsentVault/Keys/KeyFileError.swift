/// Problems with a key file. Messages name the file and what to do, never key material.
public enum KeyFileError: Error, Sendable, Equatable, CustomStringConvertible {
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
        case .keyDoesNotOpenVault(let version):
            return "master key version \(version) in the key file does not open this vault (the key id matches, the key does not)"
        }
    }

    /// What the operator should do next.
    public var hint: String {
        switch self {
        case .notFound: return "pass --keys FILE (or set CONSENT_VAULT_KEYS), or create one with: consent-vault keygen --out FILE"
        case .unreadable: return "check that the path is a regular file readable by this user"
        case .permissionsTooOpen(let path, _): return "run: chmod 600 \(path)"
        case .malformed: return "restore the key file from your backup; Keys.example documents the format"
        case .exampleKey: return "create a real key with: consent-vault keygen --out FILE"
        case .passphraseRequired: return "set CONSENT_VAULT_PASSPHRASE or run the command on a terminal"
        case .wrongPassphrase: return "check the passphrase; there is no way to recover a key file without it"
        case .alreadyExists: return "choose another path, or move the old file away if you are sure it protects nothing"
        case .writeFailed: return "check free space and permissions of the folder"
        case .belongsToAnotherVault: return "use the key file that was used with consent-vault init for this vault"
        case .versionMissing: return "use the key file from before the retirement, or finish rotation with: consent-vault keys rotate"
        case .keyDoesNotOpenVault: return "the key file was altered or mixed up; restore it from your backup"
        }
    }
}
