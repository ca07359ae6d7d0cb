/// How an audited operation ended.
public enum AuditOutcome: String, Sendable, Codable {
    /// Done as asked (reads may still have returned fewer fields than requested).
    case ok
    /// Refused by role, purpose or consent.
    case denied
    /// Failed for another reason.
    case error
}

/// One entry of the audit log. Never holds a value: only who, what, why and which fields.
public struct AuditEntry: Sendable, Equatable {
    /// Position in the chain, from 1.
    public let sequence: Int
    /// When (ISO 8601, UTC).
    public let at: String
    /// Name of the acting principal (`local-admin` or a token name).
    public let principal: String
    /// Role of the acting principal at the time.
    public let role: String
    /// The operation, e.g. `member.read`.
    public let operation: String
    /// The purpose named, or empty.
    public let purpose: String
    /// Keyed pseudonym of the member id, or empty.
    public let member: String
    /// Fields the caller asked for (names, never values).
    public let fieldsRequested: [String]
    /// Fields actually returned (names, never values).
    public let fieldsReturned: [String]
    /// Done, refused, or failed.
    public let outcome: AuditOutcome
    /// Keyed BLAKE2b over the previous entry's chain value and this entry.
    public let chain: [UInt8]
    /// The seal the member (or `#table`) had after the operation, in hex (`deleted` once it is
    /// gone); empty when the operation changed nothing sealed.
    public var anchor: String = ""

    /// The bytes the chain hash covers: every column but the hash, unambiguously separated.
    var chainedContent: [UInt8] {
        let parts = [String(sequence), at, principal, role, operation, purpose, member,
                     fieldsRequested.joined(separator: ","), fieldsReturned.joined(separator: ","), outcome.rawValue]
            + (anchor.isEmpty ? [] : [anchor])
        return parts.flatMap { Array("\($0.utf8.count):".utf8) + Array($0.utf8) }
    }
}
