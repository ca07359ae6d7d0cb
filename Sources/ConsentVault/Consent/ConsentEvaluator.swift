import Foundation

/// Derives the current state of a consent from its ledger events: nothing is stored as state.
enum ConsentEvaluator {
    /// The derived consent: its state and whether a guardian's consent was recorded with it.
    struct Derived: Equatable {
        /// Current state.
        let state: ConsentState
        /// Whether the grant in force carries a guardian's consent.
        let guardian: Bool
    }

    /// The state after `events` (in ledger order) for `purpose` at `now`.
    static func derive(_ events: [ConsentEvent], purpose: Purpose, now: Date) -> Derived {
        var state = ConsentState.none
        var grant: ConsentEvent?
        for event in events {
            switch event.kind {
            case .grant:
                state = purpose.doubleOptIn ? .pending : .active
                grant = event
            case .doiSent: break
            case .doiConfirmed: if state == .pending { state = .active }
            case .deny: state = .denied; grant = nil
            case .withdraw: state = .withdrawn; grant = nil
            case .expire: state = .expired; grant = nil
            }
        }
        guard state == .active, let grant else { return Derived(state: state, guardian: grant?.guardian ?? false) }
        if (grant.noticeVersion ?? 0) < purpose.materialNoticeVersion {
            return Derived(state: .needsReconsent, guardian: grant.guardian)
        }
        if let days = purpose.consentValidDays, let captured = Timestamp.date(grant.capturedAt),
           captured.addingTimeInterval(TimeInterval(days) * 86_400) < now {
            return Derived(state: .expired, guardian: grant.guardian)
        }
        return Derived(state: .active, guardian: grant.guardian)
    }

    /// Whether any consent for `purpose` (purpose-wide or for one of its fields) is in force.
    static func anyActive(in events: [ConsentEvent], purpose: Purpose, now: Date) -> Bool {
        let own = events.filter { $0.purpose == purpose.id }
        return Set(own.map(\.field)).contains { scope in
            derive(own.filter { $0.field == scope }, purpose: purpose, now: now).state == .active
        }
    }

    /// The consent in force for `field` of `purpose`: a field-specific consent, once recorded,
    /// overrides the purpose-wide one.
    static func effective(for field: String, in events: [ConsentEvent], purpose: Purpose, now: Date) -> Derived {
        let own = events.filter { $0.purpose == purpose.id && $0.field == field }
        let wide = events.filter { $0.purpose == purpose.id && $0.field == nil }
        return derive(own.isEmpty ? wide : own, purpose: purpose, now: now)
    }
}

/// Why a field was not returned for a purpose.
public enum DenialReason: String, Sendable, Codable {
    /// The purpose does not use the field.
    case notInPurpose = "not_in_purpose"
    /// The purpose may only use aggregates.
    case aggregateOnly = "aggregate_only"
    /// The value is restricted after its last consent was withdrawn.
    case restricted
    /// No consent was recorded.
    case noConsent = "no_consent"
    /// Double opt-in not yet confirmed.
    case pendingDoubleOptIn = "pending_double_opt_in"
    /// The member declined.
    case consentDenied = "consent_denied"
    /// The member withdrew consent.
    case consentWithdrawn = "consent_withdrawn"
    /// The consent expired.
    case consentExpired = "consent_expired"
    /// The notice changed materially since the consent.
    case needsReconsent = "needs_reconsent"
    /// The member is under the purpose's minimum age and no guardian consented.
    case minorWithoutGuardian = "minor_without_guardian"
    /// The member's processing is restricted (Art. 18) or erased with data under a legal hold:
    /// only legal-obligation purposes may read.
    case memberRestricted = "member_restricted"
    /// The member objected to processing based on legitimate interest (Art. 21).
    case objected
}

/// A field withheld from a read, and why.
public struct FieldDenial: Sendable, Equatable {
    /// The catalog field withheld.
    public let field: String
    /// Why the purpose may not use it now.
    public let reason: DenialReason
}

/// Decides whether a purpose may use a member's field right now.
enum FieldAccess {
    /// nil when allowed, otherwise the reason it is not.
    static func denial(field: String, purpose: Purpose, events: [ConsentEvent], isMinor: Bool,
                       restricted: Bool, memberRestricted: Bool, now: Date) -> DenialReason? {
        guard purpose.fields.contains(field) else { return .notInPurpose }
        if purpose.aggregateOnly == true { return .aggregateOnly }
        if memberRestricted && purpose.lawfulBasis != .legalObligation { return .memberRestricted }
        if purpose.lawfulBasis == .legitimateInterest, events.contains(where: { $0.purpose == purpose.id && $0.kind == .withdraw }) {
            return .objected
        }
        if purpose.lawfulBasis == .consent, let reason = consentDenial(field: field, purpose: purpose, events: events, isMinor: isMinor, now: now) {
            return reason
        }
        if restricted && purpose.lawfulBasis != .legalObligation { return .restricted }
        return nil
    }

    private static func consentDenial(field: String, purpose: Purpose, events: [ConsentEvent], isMinor: Bool, now: Date) -> DenialReason? {
        let consent = ConsentEvaluator.effective(for: field, in: events, purpose: purpose, now: now)
        switch consent.state {
        case .active: return isMinor && !consent.guardian ? .minorWithoutGuardian : nil
        case .none: return .noConsent
        case .pending: return .pendingDoubleOptIn
        case .denied: return .consentDenied
        case .withdrawn: return .consentWithdrawn
        case .expired: return .consentExpired
        case .needsReconsent: return .needsReconsent
        }
    }
}
