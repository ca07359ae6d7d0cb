/// The deliberately fake master key printed in `Keys.example`. It is public, so a vault must
/// never run on it, even if someone copies the example and changes its key id.
enum ExampleKey {
    /// The example key's bytes: "deadbeef" repeated, as shown in `Keys.example`.
    private static let bytes: [UInt8] = Array(repeating: [0xde, 0xad, 0xbe, 0xef], count: 8).flatMap { $0 }

    /// Whether `key` is the example key (constant-time comparison).
    static func matches(_ key: SecureBytes) -> Bool {
        guard let example = try? bytes.withUnsafeBytes({ (raw) throws(CryptoError) in try SecureBytes(copying: raw) }) else { return false }
        return key.isEqual(to: example)
    }
}
