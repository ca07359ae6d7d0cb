public import Foundation

/// The kinds of events in the consent ledger.
public enum ConsentEventKind: String, Sendable, Codable, CaseIterable {
    /// The member agreed (pending until confirmed when the purpose needs double opt-in).
    case grant
    /// The member said no.
    case deny
    /// The member took an earlier consent back (GDPR Art. 7(3)).
    case withdraw
    /// A double opt-in token was issued.
    case doiSent = "doi_sent"
    /// The member confirmed the double opt-in token.
    case doiConfirmed = "doi_confirmed"
    /// The consent ran out.
    case expire
}

/// The current state of a consent, derived from the ledger.
public enum ConsentState: String, Sendable, Codable, CaseIterable {
    /// Never asked, or nothing recorded.
    case none
    /// Granted, waiting for double opt-in confirmation: grants nothing yet.
    case pending
    /// In force.
    case active
    /// The member declined.
    case denied
    /// The member withdrew it.
    case withdrawn
    /// Ran out (by time or by an `expire` event).
    case expired
    /// Given under a notice that has since changed materially.
    case needsReconsent = "needs_reconsent"
}

/// Evidence stored with a consent event: never raw personal data.
public struct ConsentEvidence: Sendable, Equatable {
    /// IP address the consent came from; only its network prefix (/24 or /48) is stored.
    public var ipAddress: String?
    /// Whether a parent or guardian consented for a minor (GDPR Art. 8).
    public var guardianConsent: Bool
    /// Language of the notice shown (`de` or `en`).
    public var language: String
    /// When the member gave it, if not now.
    public var capturedAt: Date?

    /// Evidence with the given details.
    public init(ipAddress: String? = nil, guardianConsent: Bool = false, language: String = "de", capturedAt: Date? = nil) {
        self.ipAddress = ipAddress
        self.guardianConsent = guardianConsent
        self.language = language
        self.capturedAt = capturedAt
    }
}

/// A consent to record, at enrollment or later: a purpose, optionally narrowed to one field.
public struct ConsentRequest: Sendable, Equatable {
    /// The purpose asked for, from `purposes.json`.
    public let purpose: String
    /// One field of the purpose, or nil for all its fields.
    public let field: String?

    /// Most consents one request (an enrolment, an import line) may record.
    public static let maximumPerRequest = 64

    /// A consent for `purpose` (and `field`).
    public init(purpose: String, field: String? = nil) {
        self.purpose = purpose
        self.field = field
    }
}

/// What a grant did.
public struct GrantResult: Sendable, Equatable {
    /// Whose consent was granted.
    public let member: MemberID
    /// The purpose id the consent is for.
    public let purpose: String
    /// The field, if the consent is field-specific.
    public let field: String?
    /// `active`, or `pending` for double opt-in.
    public let state: ConsentState
    /// The one-time double opt-in token: returned once, stored only as a hash.
    public let token: String?
}

/// One recorded consent event, as shown by `consent history`.
public struct ConsentEvent: Sendable, Equatable {
    /// Ledger order.
    public let sequence: Int
    /// The purpose the event is about.
    public let purpose: String
    /// Field, or nil for the whole purpose.
    public let field: String?
    /// Grant, deny, withdraw, confirmation or expiry.
    public let kind: ConsentEventKind
    /// Notice version shown, if any.
    public let noticeVersion: Int?
    /// SHA-256 of the notice text shown.
    public let noticeSHA256: String?
    /// Language of the notice.
    public let language: String?
    /// Channel it came through, if one was recorded.
    public let channel: Channel?
    /// When the member gave it.
    public let capturedAt: String
    /// When the vault recorded it.
    public let recordedAt: String
    /// Who recorded it.
    public let actor: String
    /// Whether a guardian consented.
    public let guardian: Bool
    /// Evidence as JSON text (IP prefix and the like).
    public let evidence: String
}
