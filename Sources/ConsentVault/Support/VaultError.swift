/// Every error the library throws. Its `description` says what was wrong and where (file, line,
/// field, member id) in words that fit any caller, never a value, key or token; `code` is a stable
/// snake_case name for machines (scripts, the service's error bodies).
public protocol VaultError: Error, Sendable, CustomStringConvertible {
    /// Stable machine-readable name of the failure, e.g. `member_not_found`.
    var code: String { get }
}
