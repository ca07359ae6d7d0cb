/// Rows that decide access no longer match their seal: they were edited, deleted, inserted or put
/// back from an older copy outside the vault. Messages name what, never a value.
public enum IntegrityError: VaultError, Equatable {
    /// The rows of this member (values, consents, tokens, restrictions, points) fail their seal.
    case memberTampered(member: String)
    /// A vault-wide table (`tokens`, `policies` or `requests`) fails its seal.
    case tableTampered(table: String)
    /// The vault was sealed once, but its seal marker is gone.
    case sealMarkerMissing
    /// An audit entry that anchors a member's or table's seal fails its chain value.
    case auditEntryTampered(sequence: Int)
    /// SQLite's own check of the file failed: a table or an index (e.g. of the audit log) was
    /// edited past SQLite, which could hide entries from lookups.
    case fileStructureTampered(problem: String)

    /// What was found.
    public var description: String {
        switch self {
        case .memberTampered(let member):
            return "integrity check failed for member \(member): rows that decide access were changed outside the vault"
        case .tableTampered(let table): return "integrity check failed for the \(table) table: it was changed outside the vault"
        case .sealMarkerMissing: return "integrity check failed: the vault's seal marker was removed"
        case .auditEntryTampered(let sequence): return "integrity check failed: audit entry \(sequence) was changed outside the vault"
        case .fileStructureTampered(let problem): return "integrity check failed: the vault file's tables or indexes were edited outside SQLite: \(problem)"
        }
    }

    /// Stable machine-readable name of the failure.
    public var code: String {
        switch self {
        case .memberTampered: return "member_tampered"
        case .tableTampered: return "table_tampered"
        case .sealMarkerMissing: return "seal_marker_missing"
        case .auditEntryTampered: return "audit_entry_tampered"
        case .fileStructureTampered: return "file_structure_tampered"
        }
    }
}
