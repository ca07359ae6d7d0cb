import CSodium

/// Derivation of purpose-specific subkeys and keyed hashes (libsodium `crypto_kdf`, BLAKE2b).
package enum KeyDerivation {
    /// Size of every key this package derives or generates.
    static let keyByteCount = 32

    /// The purposes a subkey can be derived for; each has its own 8-byte `crypto_kdf` context,
    /// so a subkey for one purpose says nothing about another.
    enum Purpose: String {
        /// Wraps member data keys and the vault root key.
        case wrapping = "CVwrap01"
        /// Root of the per-field blind-index keys.
        case blindIndex = "CVbidx01"
        /// Keys the audit hash chain.
        case audit = "CVaudt01"
        /// Seeds the vault's Ed25519 signing key for exports.
        case signing = "CVsign01"
        /// Keys the erasure tags that let a restore re-apply erasures.
        case erasure = "CVeras01"
        /// Keys the seals over the rows that decide access (member state, tokens, policies, requests).
        case integrity = "CVsealx1"
    }

    /// Derives the subkey for `purpose` from `key` (`crypto_kdf_derive_from_key`).
    static func subkey(for purpose: Purpose, from key: SecureBytes, id: UInt64 = 1) throws(CryptoError) -> SecureBytes {
        let subkey = try SecureBytes(count: keyByteCount)
        let context = Array(purpose.rawValue.utf8).map { CChar(bitPattern: $0) }
        let status = subkey.withUnsafeMutableBytes { out in
            key.withUnsafeBytes { master in
                crypto_kdf_derive_from_key(out.baseAddress!.assumingMemoryBound(to: UInt8.self), keyByteCount, id,
                                           context, master.baseAddress!.assumingMemoryBound(to: UInt8.self))
            }
        }
        try Sodium.check(status, "kdf")
        return subkey
    }

    /// Keyed BLAKE2b of `message` (`crypto_generichash` with a key), `length` bytes long.
    static func keyedHash(_ message: [UInt8], key: SecureBytes, length: Int = 32) throws(CryptoError) -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: length)
        let status = digest.withUnsafeMutableBufferPointer { out in
            key.withUnsafeBytes { keyBytes in
                crypto_generichash(out.baseAddress!, length, message, UInt64(message.count),
                                   keyBytes.baseAddress!.assumingMemoryBound(to: UInt8.self), keyBytes.count)
            }
        }
        try Sodium.check(status, "generichash")
        return digest
    }

    /// Keyed BLAKE2b whose output is itself a key, kept in protected memory.
    static func keyedHashKey(_ message: [UInt8], key: SecureBytes) throws(CryptoError) -> SecureBytes {
        let derived = try SecureBytes(count: keyByteCount)
        let status = derived.withUnsafeMutableBytes { out in
            key.withUnsafeBytes { keyBytes in
                crypto_generichash(out.baseAddress!.assumingMemoryBound(to: UInt8.self), keyByteCount,
                                   message, UInt64(message.count),
                                   keyBytes.baseAddress!.assumingMemoryBound(to: UInt8.self), keyBytes.count)
            }
        }
        try Sodium.check(status, "generichash")
        return derived
    }

    /// Unkeyed SHA-256 of public data (policy documents), as lowercase hex.
    package static func sha256Hex(_ data: [UInt8]) -> String {
        var digest = [UInt8](repeating: 0, count: Int(crypto_hash_sha256_BYTES))
        _ = crypto_hash_sha256(&digest, data, UInt64(data.count))
        return Hex.encode(digest)
    }
}
