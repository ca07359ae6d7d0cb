/// Refusals of the access layer. Every refusal is also written to the audit log.
public enum AccessError: VaultError, Equatable {
    /// The principal's role does not grant the operation.
    case operationNotAllowed(role: String, operation: String)
    /// The principal's role may not read member data for this purpose.
    case purposeNotAllowed(role: String, purpose: String)
    /// No active token matches.
    case invalidToken
    /// A token name must be 1–64 lowercase letters, digits, `.`, `_` or `-`.
    case invalidTokenName
    /// A token with this name already exists.
    case tokenNameTaken(String)
    /// No token with this name.
    case unknownTokenName(String)
    /// The role named for a new token is not in `roles.json`.
    case unknownRole(String)
    /// Only the key holder or a DPO may create a token for the dpo role.
    case dpoTokenNeedsDPO

    /// What was refused.
    public var description: String {
        switch self {
        case .operationNotAllowed(let role, let operation): return "role '\(Echo.name(role))' may not perform \(Echo.name(operation))"
        case .purposeNotAllowed(let role, let purpose): return "role '\(Echo.name(role))' may not read member data for purpose '\(Echo.name(purpose))'"
        case .invalidToken: return "the access token is unknown or revoked"
        case .invalidTokenName: return "a token name must be 1 to 64 lowercase letters, digits, '.', '_' or '-', starting with a letter or digit"
        case .tokenNameTaken(let name): return "a token named '\(Echo.name(name))' already exists"
        case .unknownTokenName(let name): return "no token named '\(Echo.name(name))'"
        case .unknownRole(let role): return "unknown role '\(Echo.name(role))'"
        case .dpoTokenNeedsDPO: return "only the key holder or a DPO may create a token for the dpo role"
        }
    }

    /// Stable machine-readable name of the failure.
    public var code: String {
        switch self {
        case .operationNotAllowed: return "operation_not_allowed"
        case .purposeNotAllowed: return "purpose_not_allowed"
        case .invalidToken: return "invalid_token"
        case .invalidTokenName: return "invalid_token_name"
        case .tokenNameTaken: return "token_name_taken"
        case .unknownTokenName: return "unknown_token_name"
        case .unknownRole: return "unknown_role"
        case .dpoTokenNeedsDPO: return "dpo_token_needs_dpo"
        }
    }
}
