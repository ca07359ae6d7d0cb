import CSodium

/// Argon2id (`crypto_pwhash`) turning an operator's passphrase into a key-file encryption key.
enum PassphraseKey {
    /// Bytes of salt Argon2id takes.
    static let saltByteCount = Int(crypto_pwhash_SALTBYTES)
    /// Default work factor: libsodium's "moderate" operations limit.
    static let defaultOpsLimit = UInt64(crypto_pwhash_OPSLIMIT_MODERATE)
    /// Default memory limit: libsodium's "interactive" 64 MiB, safe on small servers.
    static let defaultMemLimit = Int(crypto_pwhash_MEMLIMIT_INTERACTIVE)

    /// Derives a 32-byte key from `passphrase` (held in protected memory) and `salt`.
    static func derive(from passphrase: SecureBytes, salt: [UInt8], opsLimit: UInt64, memLimit: Int) throws(CryptoError) -> SecureBytes {
        guard salt.count == saltByteCount else { throw .operationFailed("pwhash salt length") }
        let key = try SecureBytes(count: KeyDerivation.keyByteCount)
        let status = key.withUnsafeMutableBytes { out in
            passphrase.withUnsafeBytes { secret in
                crypto_pwhash(out.baseAddress!.assumingMemoryBound(to: UInt8.self), UInt64(out.count),
                              secret.baseAddress!.assumingMemoryBound(to: CChar.self), UInt64(secret.count),
                              salt, opsLimit, memLimit, crypto_pwhash_ALG_ARGON2ID13)
            }
        }
        guard status == 0 else { throw .passphraseDerivationFailed }
        return key
    }
}
