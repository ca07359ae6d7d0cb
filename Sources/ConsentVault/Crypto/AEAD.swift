import CSodium

/// XChaCha20-Poly1305-IETF authenticated encryption. A sealed box is `nonce || ciphertext || tag`
/// with a fresh random 24-byte nonce, so the same key can seal any number of values.
enum AEAD {
    /// Bytes of key material the cipher takes.
    static let keyByteCount = Int(crypto_aead_xchacha20poly1305_ietf_KEYBYTES)
    private static let nonceByteCount = Int(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES)
    private static let tagByteCount = Int(crypto_aead_xchacha20poly1305_ietf_ABYTES)

    /// Encrypts `plaintext` under `key`, binding `associatedData` into the tag.
    static func seal(_ plaintext: UnsafeRawBufferPointer, using key: SecureBytes,
                     authenticating associatedData: [UInt8]) throws(CryptoError) -> [UInt8] {
        try Sodium.ensureInitialized()
        var box = [UInt8](repeating: 0, count: nonceByteCount + plaintext.count + tagByteCount)
        let status: Int32 = box.withUnsafeMutableBytes { out in
            Sodium.randomBytes(UnsafeMutableRawBufferPointer(rebasing: out[0..<nonceByteCount]))
            let nonce = out.baseAddress!.assumingMemoryBound(to: UInt8.self)
            return key.withUnsafeBytes { keyBytes in
                associatedData.withUnsafeBufferPointer { ad in
                    crypto_aead_xchacha20poly1305_ietf_encrypt(
                        nonce + nonceByteCount, nil,
                        plaintext.baseAddress?.assumingMemoryBound(to: UInt8.self), UInt64(plaintext.count),
                        ad.baseAddress, UInt64(ad.count), nil, nonce,
                        keyBytes.baseAddress!.assumingMemoryBound(to: UInt8.self))
                }
            }
        }
        try Sodium.check(status, "seal")
        return box
    }

    /// Encrypts the UTF-8 bytes of `text`.
    static func seal(_ text: String, using key: SecureBytes, authenticating associatedData: [UInt8]) throws -> [UInt8] {
        var utf8 = Array(text.utf8)
        defer { utf8.withUnsafeMutableBytes { Sodium.wipe($0) } }
        return try utf8.withUnsafeBytes { bytes in try seal(bytes, using: key, authenticating: associatedData) }
    }

    /// Decrypts and authenticates `box` into protected memory; throws if anything was changed.
    /// For keys and other secrets that must stay in locked memory.
    static func open(_ box: [UInt8], using key: SecureBytes,
                     authenticating associatedData: [UInt8]) throws(CryptoError) -> SecureBytes {
        let plaintext = try SecureBytes(count: try plaintextCount(of: box))
        let status = plaintext.withUnsafeMutableBytes { out in decrypt(box, using: key, authenticating: associatedData, into: out) }
        guard status == 0 else { throw .authenticationFailed }
        return plaintext
    }

    /// Decrypts and authenticates a sealed UTF-8 text value; throws if anything was changed. The
    /// plaintext bytes are wiped once the `String` is made (which itself cannot be wiped).
    static func openText(_ box: [UInt8], using key: SecureBytes, authenticating associatedData: [UInt8]) throws(CryptoError) -> String {
        var plaintext = [UInt8](repeating: 0, count: try plaintextCount(of: box))
        defer { plaintext.withUnsafeMutableBytes { Sodium.wipe($0) } }
        let status = plaintext.withUnsafeMutableBytes { out in decrypt(box, using: key, authenticating: associatedData, into: out) }
        guard status == 0 else { throw .authenticationFailed }
        return String(decoding: plaintext, as: UTF8.self)
    }

    private static func plaintextCount(of box: [UInt8]) throws(CryptoError) -> Int {
        try Sodium.ensureInitialized()
        guard box.count >= nonceByteCount + tagByteCount else { throw .truncatedCiphertext }
        return box.count - nonceByteCount - tagByteCount
    }

    /// libsodium's status for decrypting `box` into `out` (which holds exactly the plaintext).
    private static func decrypt(_ box: [UInt8], using key: SecureBytes, authenticating associatedData: [UInt8],
                                into out: UnsafeMutableRawBufferPointer) -> Int32 {
        box.withUnsafeBytes { input in
            let nonce = input.baseAddress!.assumingMemoryBound(to: UInt8.self)
            return key.withUnsafeBytes { keyBytes in
                associatedData.withUnsafeBufferPointer { ad in
                    crypto_aead_xchacha20poly1305_ietf_decrypt(
                        out.baseAddress?.assumingMemoryBound(to: UInt8.self), nil, nil,
                        nonce + nonceByteCount, UInt64(box.count - nonceByteCount),
                        ad.baseAddress, UInt64(ad.count), nonce,
                        keyBytes.baseAddress!.assumingMemoryBound(to: UInt8.self))
                }
            }
        }
    }
}
