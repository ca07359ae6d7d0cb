/// How the master keys in a key file are protected at rest: Argon2id over the operator's
/// passphrase gives a key-encryption key that seals each master key line.
struct KeyFileProtection {
    /// Argon2id salt, public.
    let salt: [UInt8]
    /// Argon2id operations limit.
    let opsLimit: UInt64
    /// Argon2id memory limit in bytes.
    let memLimit: Int
    /// The derived key-encryption key, in protected memory.
    let encryptionKey: SecureBytes

    /// New protection with a fresh salt and the default Argon2id limits.
    static func new(passphrase: SecureBytes) throws(CryptoError) -> KeyFileProtection {
        let salt = Sodium.randomPublicBytes(count: PassphraseKey.saltByteCount)
        return try derive(passphrase: passphrase, salt: salt,
                          opsLimit: PassphraseKey.defaultOpsLimit, memLimit: PassphraseKey.defaultMemLimit)
    }

    /// Re-derives the key-encryption key of an existing file.
    static func derive(passphrase: SecureBytes, salt: [UInt8], opsLimit: UInt64, memLimit: Int) throws(CryptoError) -> KeyFileProtection {
        let key = try PassphraseKey.derive(from: passphrase, salt: salt, opsLimit: opsLimit, memLimit: memLimit)
        return KeyFileProtection(salt: salt, opsLimit: opsLimit, memLimit: memLimit, encryptionKey: key)
    }

    /// Associated data binding a sealed master key to its file's key id and its version.
    static func binding(keyID: String, version: Int) -> [UInt8] {
        Array("\(KeyFileFormat.formatName)|\(keyID)|\(version)".utf8)
    }
}
