/// Why a contact value is on the suppression list.
public enum SuppressionReason: String, Codable, Sendable {
    /// The member was erased (GDPR Art. 17): an old list must not bring them back into marketing.
    case erasure
    /// The member objected (GDPR Art. 21(3)): direct marketing stops for good.
    case objection
}

/// One suppression list entry as a DPO sees it: never the value, only what kind it was, why and when.
public struct SuppressionEntry: Sendable, Equatable {
    /// The first `idByteCount` bytes of the keyed hash in hex: enough to name the entry to `lift`.
    public let id: String
    /// The field the value came from (`email`, `phone`).
    public let field: String
    /// Why it was added.
    public let reason: SuppressionReason
    /// The UTC day it was added, `YYYY-MM-DD`.
    public let addedOn: String

    /// Bytes of the keyed hash that make up an entry's id.
    static let idByteCount = 8
}

/// Suppression list refusals. Messages never contain the contact value.
public enum SuppressionError: VaultError, Equatable {
    /// A direct-marketing consent was refused: the member's contact value is on the suppression list.
    case contactSuppressed(purpose: String, field: String, reason: SuppressionReason, since: String)
    /// `lift` was given no entry, or more than one way to name it.
    case liftNeedsOneEntry
    /// No entry matches what `lift` was given.
    case noSuchEntry
    /// The field named for a lift is not an indexed email or phone field.
    case notAContactField(String)

    /// What went wrong.
    public var description: String {
        switch self {
        case .contactSuppressed(let purpose, let field, let reason, let since):
            return "'\(Echo.name(purpose))' is direct marketing, and the member's \(Echo.name(field)) is on the suppression list since \(since) "
                + "(\(reason == .erasure ? "an earlier erasure" : "an objection to direct marketing")); nothing was changed. "
                + "A DPO may lift the entry with `consent-vault suppression lift --email VALUE` (or `--phone VALUE`) if the person asks for marketing again"
        case .liftNeedsOneEntry: return "name exactly one entry: --email, --phone, or an entry id from `suppression list`"
        case .noSuchEntry: return "no suppression list entry matches"
        case .notAContactField(let field): return "'\(Echo.name(field))' is not an indexed email or phone field"
        }
    }

    /// Stable machine-readable name of the failure.
    public var code: String {
        switch self {
        case .contactSuppressed: return "contact_suppressed"
        case .liftNeedsOneEntry: return "suppression_lift_needs_one_entry"
        case .noSuchEntry: return "suppression_entry_not_found"
        case .notAContactField: return "not_a_contact_field"
        }
    }
}
