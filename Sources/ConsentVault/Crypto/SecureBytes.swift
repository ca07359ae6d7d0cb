import CSodium

/// Secret bytes (keys, decrypted key material) in memory from `sodium_malloc`: guard pages
/// around it, locked against swapping, and zeroed by `sodium_free` when the object goes away.
///
/// Deliberately neither `Codable` nor `CustomStringConvertible`, so a key cannot end up in a log
/// or a JSON document by accident. Read it only through `withUnsafeBytes`.
public final class SecureBytes {
    private let pointer: UnsafeMutableRawPointer
    /// Number of secret bytes held.
    public let count: Int

    /// Allocates `count` zeroed bytes of protected memory.
    init(count: Int) throws(CryptoError) {
        try Sodium.ensureInitialized()
        let size = max(count, 1)
        guard let allocated = sodium_malloc(size) else { throw .secureAllocationFailed(bytes: size) }
        sodium_memzero(allocated, size)
        pointer = allocated
        self.count = count
    }

    /// Allocates `count` bytes filled from the system's secure random generator.
    static func random(count: Int) throws(CryptoError) -> SecureBytes {
        let bytes = try SecureBytes(count: count)
        bytes.withUnsafeMutableBytes { Sodium.randomBytes($0) }
        return bytes
    }

    /// Copies `source` into new protected memory (for example a passphrase from the environment).
    /// The caller stays responsible for wiping `source`.
    public convenience init(copying source: UnsafeRawBufferPointer) throws(CryptoError) {
        try self.init(count: source.count)
        if let base = source.baseAddress, source.count > 0 {
            pointer.copyMemory(from: base, byteCount: source.count)
        }
    }

    deinit {
        sodium_free(pointer)
    }

    /// Gives read access to the secret bytes for the duration of `body` only.
    public func withUnsafeBytes<Result, Failure: Error>(
        _ body: (UnsafeRawBufferPointer) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        try body(UnsafeRawBufferPointer(start: pointer, count: count))
    }

    /// Gives write access to the secret bytes for the duration of `body` only.
    func withUnsafeMutableBytes<Result, Failure: Error>(
        _ body: (UnsafeMutableRawBufferPointer) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        try body(UnsafeMutableRawBufferPointer(start: pointer, count: count))
    }

    /// Constant-time comparison with `other` (`sodium_memcmp`).
    public func isEqual(to other: SecureBytes) -> Bool {
        guard count == other.count else { return false }
        return other.withUnsafeBytes { otherBytes in sodium_memcmp(pointer, otherBytes.baseAddress!, count) == 0 }
    }

    /// Hex text of the secret, written straight into protected memory (for writing key files).
    func hexEncoded() throws(CryptoError) -> SecureBytes {
        let hex = try SecureBytes(count: count * 2 + 1)
        hex.withUnsafeMutableBytes { out in
            _ = sodium_bin2hex(out.baseAddress!.assumingMemoryBound(to: CChar.self), count * 2 + 1,
                               pointer.assumingMemoryBound(to: UInt8.self), count)
        }
        return try hex.prefix(count * 2)
    }

    /// Decodes exactly `byteCount` bytes of hex from `text` into new protected memory.
    static func decodingHex(_ text: UnsafeRawBufferPointer, byteCount: Int) throws(CryptoError) -> SecureBytes {
        guard text.count == byteCount * 2 else { throw .invalidHex(expectedBytes: byteCount) }
        let bytes = try SecureBytes(count: byteCount)
        var decodedLength = 0
        let status = bytes.withUnsafeMutableBytes { out in
            sodium_hex2bin(out.baseAddress!.assumingMemoryBound(to: UInt8.self), byteCount,
                           text.baseAddress!.assumingMemoryBound(to: CChar.self), text.count,
                           nil, &decodedLength, nil)
        }
        guard status == 0, decodedLength == byteCount else { throw .invalidHex(expectedBytes: byteCount) }
        return bytes
    }

    /// The first `length` bytes, copied into new protected memory.
    func prefix(_ length: Int) throws(CryptoError) -> SecureBytes {
        try SecureBytes(copying: UnsafeRawBufferPointer(start: pointer, count: min(length, count)))
    }
}
