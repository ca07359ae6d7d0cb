/// Refusals of the access layer. Every refusal is also written to the audit log.
public enum AccessError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The principal's role does not grant the operation.
    case operationNotAllowed(role: String, operation: String)
    /// The principal's role may not read member data for this purpose.
    case purposeNotAllowed(role: String, purpose: String)
    /// No active token matches.
    case invalidToken
    /// A token with this name already exists.
    case tokenNameTaken(String)
    /// No token with this name.
    case unknownTokenName(String)
    /// The role named for a new token is not in `roles.json`.
    case unknownRole(String)

    /// What was refused.
    public var description: String {
        switch self {
        case .operationNotAllowed(let role, let operation): return "role '\(role)' may not perform \(operation)"
        case .purposeNotAllowed(let role, let purpose): return "role '\(role)' may not read member data for purpose '\(purpose)'"
        case .invalidToken: return "the access token is unknown or revoked"
        case .tokenNameTaken(let name): return "a token named '\(name)' already exists"
        case .unknownTokenName(let name): return "no token named '\(name)'"
        case .unknownRole(let role): return "unknown role '\(role)'"
        }
    }

    /// What to do about it.
    public var hint: String {
        switch self {
        case .operationNotAllowed, .purposeNotAllowed: return "Policies/roles.json lists what each role may do; the attempt was audited"
        case .invalidToken: return "check --token (or CONSENT_VAULT_TOKEN); an administrator can list tokens with 'consent-vault token list'"
        case .tokenNameTaken: return "choose another --name, or revoke the old token first"
        case .unknownTokenName: return "list tokens with: consent-vault token list"
        case .unknownRole: return "roles are defined in Policies/roles.json"
        }
    }
}
