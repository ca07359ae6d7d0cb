/// Rows that decide access no longer match their seal: they were edited, deleted, inserted or put
/// back from an older copy outside the vault. Messages name what, never a value.
public enum IntegrityError: VaultError, Equatable {
    /// The rows of this member (values, consents, tokens, restrictions, points) fail their seal.
    case memberTampered(member: String)
    /// A vault-wide table (`tokens`, `policies` or `requests`) fails its seal.
    case tableTampered(table: String)
    /// The vault was sealed once, but its seal marker is gone.
    case sealMarkerMissing

    /// What was found.
    public var description: String {
        switch self {
        case .memberTampered(let member):
            return "integrity check failed for member \(member): rows that decide access were changed outside the vault"
        case .tableTampered(let table): return "integrity check failed for the \(table) table: it was changed outside the vault"
        case .sealMarkerMissing: return "integrity check failed: the vault's seal marker was removed"
        }
    }

    /// Stable machine-readable name of the failure.
    public var code: String {
        switch self {
        case .memberTampered: return "member_tampered"
        case .tableTampered: return "table_tampered"
        case .sealMarkerMissing: return "seal_marker_missing"
        }
    }
}
