/// Failures of vault operations on members. Messages name members by id and fields by name,
/// never a value.
public enum VaultError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No member with this id.
    case memberNotFound(String)
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
    /// `keys retire` was asked to remove a version still in use.
    case keyVersionInUse(version: Int, members: Int)
    /// `keys retire` was asked to remove the active version.
    case cannotRetireActiveVersion(Int)

    /// What went wrong.
    public var description: String {
        switch self {
        case .memberNotFound(let id): return "no member with id \(id)"
        case .invalidMemberID: return "not a member id (expected a UUID such as 1b4e28ba-2fa1-4d3b-a3f5-ef19b5a7633b)"
        case .integrity(let member, let field):
            return "integrity check failed for field '\(field)' of member \(member): the stored value was modified or moved"
        case .dataKeyIntegrity(let member): return "integrity check failed for the data key of member \(member)"
        case .duplicateValue(let field): return "another member already has this \(field)"
        case .noFields: return "a member needs at least one field"
        case .keyVersionInUse(let version, let members):
            return "master key version \(version) still wraps \(members) member key(s)"
        case .cannotRetireActiveVersion(let version): return "master key version \(version) is the active version"
        }
    }

    /// What to do about it.
    public var hint: String {
        switch self {
        case .memberNotFound: return "list members with: consent-vault member list"
        case .invalidMemberID: return "member ids are printed by 'member enroll' and 'member find'"
        case .integrity, .dataKeyIntegrity: return "restore the vault from a backup and report the incident to the DPO"
        case .duplicateValue: return "find the existing member with 'consent-vault member find'"
        case .noFields: return "pass at least one --field NAME=VALUE"
        case .keyVersionInUse: return "finish the rotation first: consent-vault keys rotate"
        case .cannotRetireActiveVersion: return "rotate to a new version first: consent-vault keys rotate"
        }
    }
}
