/// Consent operations the vault refuses. Messages never contain personal data.
public enum ConsentError: VaultError, Equatable {
    /// No purpose with this id in the policy set.
    case unknownPurpose(String)
    /// The field is not one the purpose may use.
    case fieldNotInPurpose(purpose: String, field: String)
    /// Consent cannot be granted or withdrawn for a purpose with another lawful basis.
    case notConsentBased(purpose: String, basis: String)
    /// The member is younger than the purpose's minimum age and no guardian consent was recorded.
    case minorNeedsGuardian(purpose: String, minimumAge: Int)
    /// The double opt-in token is unknown for this member.
    case invalidToken
    /// The double opt-in token has expired.
    case expiredToken
    /// The double opt-in token was already used.
    case usedToken
    /// One request named more consents than the vault records at once.
    case tooManyConsents(maximum: Int)
    /// The evidence says the consent was captured in the future.
    case capturedInFuture
    /// The evidence says the consent was captured implausibly long ago.
    case capturedTooLongAgo(years: Int)
    /// The evidence's IP address is not an IPv4 or IPv6 address.
    case invalidIPAddress
    /// There is no active or pending consent to withdraw.
    case nothingToWithdraw(purpose: String)

    /// What was refused.
    public var description: String {
        switch self {
        case .unknownPurpose(let purpose): return "unknown purpose '\(Echo.name(purpose))'"
        case .fieldNotInPurpose(let purpose, let field): return "purpose '\(Echo.name(purpose))' does not use field '\(Echo.name(field))'"
        case .notConsentBased(let purpose, let basis): return "purpose '\(Echo.name(purpose))' is based on \(basis), not consent"
        case .minorNeedsGuardian(let purpose, let age):
            return "the member is younger than \(age), the minimum age for '\(Echo.name(purpose))'; a guardian's consent is required"
        case .invalidToken: return "the confirmation token is not valid for this member"
        case .capturedInFuture: return "the consent's capture time lies in the future"
        case .tooManyConsents(let maximum): return "more than \(maximum) consents in one request"
        case .invalidIPAddress: return "the consent's IP address is not an IPv4 or IPv6 address"
        case .capturedTooLongAgo(let years): return "the consent's capture time lies more than \(years) years back"
        case .expiredToken: return "the confirmation token has expired"
        case .usedToken: return "the confirmation token was already used"
        case .nothingToWithdraw(let purpose): return "there is no consent for '\(Echo.name(purpose))' to withdraw"
        }
    }

    /// Stable machine-readable name of the failure.
    public var code: String {
        switch self {
        case .unknownPurpose: return "unknown_purpose"
        case .fieldNotInPurpose: return "field_not_in_purpose"
        case .notConsentBased: return "not_consent_based"
        case .minorNeedsGuardian: return "minor_needs_guardian"
        case .invalidToken: return "invalid_confirmation_token"
        case .capturedInFuture: return "captured_in_future"
        case .tooManyConsents: return "too_many_consents"
        case .invalidIPAddress: return "invalid_ip_address"
        case .capturedTooLongAgo: return "captured_too_long_ago"
        case .expiredToken: return "expired_confirmation_token"
        case .usedToken: return "used_confirmation_token"
        case .nothingToWithdraw: return "nothing_to_withdraw"
        }
    }
}
