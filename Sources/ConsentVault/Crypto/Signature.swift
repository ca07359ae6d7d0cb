import CSodium

/// Ed25519 signatures (`crypto_sign_detached`) for exports: anyone with the vault's public key
/// can check that an export came from the vault and was not changed.
enum Signature {
    /// Bytes of a public key.
    static let publicKeyByteCount = Int(crypto_sign_PUBLICKEYBYTES)

    /// The key pair derived deterministically from a 32-byte seed (kept in protected memory).
    static func keyPair(seed: SecureBytes) throws(CryptoError) -> (publicKey: [UInt8], secretKey: SecureBytes) {
        var publicKey = [UInt8](repeating: 0, count: publicKeyByteCount)
        let secretKey = try SecureBytes(count: Int(crypto_sign_SECRETKEYBYTES))
        let status = secretKey.withUnsafeMutableBytes { secret in
            seed.withUnsafeBytes { seedBytes in
                crypto_sign_seed_keypair(&publicKey, secret.baseAddress!.assumingMemoryBound(to: UInt8.self),
                                         seedBytes.baseAddress!.assumingMemoryBound(to: UInt8.self))
            }
        }
        try Sodium.check(status, "sign keypair")
        return (publicKey, secretKey)
    }

    /// A detached signature of `message`.
    static func sign(_ message: [UInt8], secretKey: SecureBytes) throws(CryptoError) -> [UInt8] {
        var signature = [UInt8](repeating: 0, count: Int(crypto_sign_BYTES))
        let status = secretKey.withUnsafeBytes { secret in
            crypto_sign_detached(&signature, nil, message, UInt64(message.count), secret.baseAddress!.assumingMemoryBound(to: UInt8.self))
        }
        try Sodium.check(status, "sign")
        return signature
    }

    /// Whether `signature` is a valid signature of `message` by `publicKey`.
    static func verify(_ signature: [UInt8], of message: [UInt8], publicKey: [UInt8]) -> Bool {
        guard signature.count == Int(crypto_sign_BYTES), publicKey.count == publicKeyByteCount else { return false }
        return crypto_sign_verify_detached(signature, message, UInt64(message.count), publicKey) == 0
    }
}
