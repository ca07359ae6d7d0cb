/// Failures of vault operations on members. Messages name members by id and fields by name,
/// never a value.
public enum MemberError: VaultError, Equatable {
    /// No member with this id.
    case memberNotFound(String)
    /// The member was erased; only data under a legal hold is kept, and nothing new is accepted.
    case erased(member: String, on: String)
    /// Text that should be a member id (a UUID) is not one.
    case invalidMemberID(String)
    /// A stored ciphertext of this member and field failed authentication: tampered or misplaced.
    case integrity(member: String, field: String)
    /// A member's data key failed to unwrap: the members row was tampered with.
    case dataKeyIntegrity(member: String)
    /// An indexed unique field already holds this value for another member.
    case duplicateValue(field: String)
    /// Enrollment needs at least one field.
    case noFields

    /// What went wrong.
    public var description: String {
        switch self {
        case .memberNotFound(let id): return "no member with id \(id)"
        case .erased(let id, let day): return "member \(id) was erased on \(day); only data under a legal hold is kept"
        case .invalidMemberID: return "not a member id (expected a UUID such as 1b4e28ba-2fa1-4d3b-a3f5-ef19b5a7633b)"
        case .integrity(let member, let field):
            return "integrity check failed for field '\(field)' of member \(member): the stored value was modified or moved"
        case .dataKeyIntegrity(let member): return "integrity check failed for the data key of member \(member)"
        case .duplicateValue(let field): return "another member already has this \(field)"
        case .noFields: return "a member needs at least one field"
        }
    }

    /// Stable machine-readable name of the failure.
    public var code: String {
        switch self {
        case .memberNotFound: return "member_not_found"
        case .erased: return "member_erased"
        case .invalidMemberID: return "invalid_member_id"
        case .integrity: return "member_integrity"
        case .dataKeyIntegrity: return "data_key_integrity"
        case .duplicateValue: return "duplicate_value"
        case .noFields: return "no_fields"
        }
    }
}
