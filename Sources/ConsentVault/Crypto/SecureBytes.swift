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
    /// For a view into a larger allocation (`randomKeys`): the allocation, kept alive by the view
    /// and freed (zeroed) with the last of them. Nil when this object owns its memory.
    private let slab: SecureBytes?

    /// Allocates `count` zeroed bytes of protected memory.
    init(count: Int) throws(CryptoError) {
        try Sodium.ensureInitialized()
        let size = max(count, 1)
        guard let allocated = sodium_malloc(size) else { throw .secureAllocationFailed(bytes: size) }
        sodium_memzero(allocated, size)
        pointer = allocated
        self.count = count
        slab = nil
    }

    private init(viewing slab: SecureBytes, offset: Int, count: Int) {
        pointer = slab.pointer + offset
        self.count = count
        self.slab = slab
    }

    /// `number` random keys of `length` bytes each, in one protected allocation: a guarded,
    /// locked allocation per key costs system calls and locked pages, which an import making
    /// thousands of data keys at a time cannot afford. The memory is zeroed when the last key goes.
    static func randomKeys(_ number: Int, length: Int) throws(CryptoError) -> [SecureBytes] {
        let slab = try random(count: number * length)
        return (0..<number).map { SecureBytes(viewing: slab, offset: $0 * length, count: length) }
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
        if slab == nil { sodium_free(pointer) }
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
