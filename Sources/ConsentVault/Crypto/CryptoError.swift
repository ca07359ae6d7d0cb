/// Failures of the cryptographic layer. Descriptions never contain key bytes or plaintext.
public enum CryptoError: VaultError, Equatable {
    /// `sodium_init()` failed; no cryptography is possible in this process.
    case libraryUnavailable
    /// `sodium_malloc` could not allocate guarded memory of the given size.
    case secureAllocationFailed(bytes: Int)
    /// A ciphertext did not authenticate: wrong key, wrong associated data, or modified bytes.
    case authenticationFailed
    /// A ciphertext is shorter than a nonce plus a tag, so it cannot be one of ours.
    case truncatedCiphertext
    /// Hex text that should hold key material is not valid hex of the expected length.
    case invalidHex(expectedBytes: Int)
    /// Argon2id could not derive a key (usually: not enough memory for the configured limit).
    case passphraseDerivationFailed
    /// A libsodium call returned an unexpected failure code.
    case operationFailed(String)

    /// A one-line explanation without any secret.
    public var description: String {
        switch self {
        case .libraryUnavailable: return "libsodium could not be initialized"
        case .secureAllocationFailed(let bytes): return "could not allocate \(bytes) bytes of protected memory"
        case .authenticationFailed: return "ciphertext failed authentication (wrong key, wrong binding, or modified data)"
        case .truncatedCiphertext: return "ciphertext is too short to be valid"
        case .invalidHex(let expected): return "expected \(expected * 2) hexadecimal digits (\(expected) bytes)"
        case .passphraseDerivationFailed: return "Argon2id key derivation failed (not enough memory?)"
        case .operationFailed(let operation): return "libsodium operation failed: \(operation)"
        }
    }

    /// Stable machine-readable name of the failure.
    public var code: String {
        switch self {
        case .libraryUnavailable: return "library_unavailable"
        case .secureAllocationFailed: return "secure_allocation_failed"
        case .authenticationFailed: return "authentication_failed"
        case .truncatedCiphertext: return "truncated_ciphertext"
        case .invalidHex: return "invalid_hex"
        case .passphraseDerivationFailed: return "passphrase_derivation_failed"
        case .operationFailed: return "operation_failed"
        }
    }
}
