import CSodium

/// Result of the one call to `sodium_init()` in this process. A global `let` is initialized
/// lazily and exactly once, even when several threads touch it at the same time.
private let sodiumInitResult: Int32 = sodium_init()

/// Process-wide libsodium set-up.
enum Sodium {
    /// Makes sure `sodium_init()` has run; throws instead of crashing when it failed.
    static func ensureInitialized() throws(CryptoError) {
        if sodiumInitResult < 0 { throw .libraryUnavailable }
    }

    /// Turns a libsodium status code into a throw, naming the operation but no data.
    static func check(_ status: Int32, _ operation: String) throws(CryptoError) {
        if status != 0 { throw .operationFailed(operation) }
    }

    /// Fills `buffer` with cryptographically secure random bytes.
    static func randomBytes(_ buffer: UnsafeMutableRawBufferPointer) {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return }
        randombytes_buf(base, buffer.count)
    }

    /// Returns `count` random bytes for non-secret values such as nonces and salts.
    static func randomPublicBytes(count: Int) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        bytes.withUnsafeMutableBytes { randomBytes($0) }
        return bytes
    }

    /// Overwrites ordinary memory with zeros in a way the optimizer cannot remove.
    static func wipe(_ buffer: UnsafeMutableRawBufferPointer) {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return }
        sodium_memzero(base, buffer.count)
    }
}
