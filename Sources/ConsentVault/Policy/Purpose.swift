/// The legal ground a purpose relies on (GDPR Art. 6(1)).
public enum LawfulBasis: String, Codable, Sendable, CaseIterable {
    /// Art. 6(1)(a): the member's consent, given and withdrawable per purpose.
    case consent
    /// Art. 6(1)(b): needed to run the loyalty contract.
    case contract
    /// Art. 6(1)(c): required by law (tax, commercial records).
    case legalObligation = "legal_obligation"
    /// Art. 6(1)(f): the retailer's legitimate interest, open to objection.
    case legitimateInterest = "legitimate_interest"
}

/// What happens to a zero-party value when the last lawful basis for it is withdrawn.
public enum WithdrawalHandling: String, Codable, Sendable, CaseIterable {
    /// The value is deleted in the same transaction as the withdrawal.
    case delete
    /// The value is kept but no purpose may read it.
    case restrict
}

/// The notice shown to a member when asking for consent, per language, with a version.
public struct Notice: Codable, Sendable, Equatable {
    /// Raised on every edit of the text.
    public let version: Int
    /// The version of the last material change: consents given under an older version
    /// no longer count and need re-consent. Defaults to 1.
    public let materialVersion: Int?
    /// The text by language code (`de`, `en`).
    public let text: [String: String]

    enum CodingKeys: String, CodingKey {
        case version, text
        case materialVersion = "material_version"
    }
}

/// How long data used for a purpose is kept.
public struct RetentionRule: Codable, Sendable, Equatable {
    /// Days to keep.
    public let days: Int
    /// From when the days count: `collected`, `consent_withdrawn` or `account_closed`.
    public let after: String
}

/// One processing purpose from `Policies/purposes.json`.
public struct Purpose: Codable, Sendable, Equatable {
    /// Stable id, e.g. `email_marketing`.
    public let id: String
    /// What the purpose is, by language.
    public let description: [String: String]
    /// Its lawful basis as written; `PurposeValidator` reports every unknown one together with the
    /// file's other problems, so no `PolicySet` holds one.
    public let lawfulBasisName: String
    /// The fields it may use.
    public let fields: [String]
    /// The consent notice; required when the basis is consent.
    public let notice: Notice?
    /// Retention of the data it uses.
    public let retention: RetentionRule
    /// Whether a grant is pending until the member confirms a token.
    public let doubleOptIn: Bool
    /// Lifetime of a double opt-in token in hours (default 48).
    public let doiTokenHours: Int?
    /// Youngest age that may consent without a guardian (GDPR Art. 8; default 16).
    public let minimumAge: Int?
    /// Days a consent stays valid before it expires (none when absent).
    public let consentValidDays: Int?
    /// What a withdrawal does to zero-party values left without a basis (default delete).
    public let onWithdrawal: String?
    /// Whether the purpose may only use aggregates, never an individual member's values.
    public let aggregateOnly: Bool?
    /// Whether the purpose is direct marketing (GDPR Art. 21(2)–(3)): a grant is refused while the
    /// member's email or phone is on the suppression list.
    public let directMarketing: Bool?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, description, fields, notice, retention
        case lawfulBasisName = "lawful_basis"
        case doubleOptIn = "double_opt_in"
        case doiTokenHours = "doi_token_hours"
        case minimumAge = "minimum_age"
        case consentValidDays = "consent_valid_days"
        case onWithdrawal = "on_withdrawal"
        case aggregateOnly = "aggregate_only"
        case directMarketing = "direct_marketing"
    }

    /// Youngest age that may consent without a guardian when a policy names none (GDPR Art. 8).
    public static let defaultMinimumAge = 16
    /// Minimum age, `defaultMinimumAge` when the policy names none.
    public var effectiveMinimumAge: Int { minimumAge ?? Self.defaultMinimumAge }
    /// The lawful basis. Every `PolicySet` was validated, so the name always parses; `.consent`,
    /// the most restrictive basis, is only a fallback the validator makes unreachable.
    public var lawfulBasis: LawfulBasis { LawfulBasis(rawValue: lawfulBasisName) ?? .consent }
    /// Withdrawal handling; delete (the stricter choice) when the policy names none.
    public var withdrawalHandling: WithdrawalHandling { onWithdrawal.flatMap(WithdrawalHandling.init(rawValue:)) ?? .delete }
    /// Notice version below which consents need re-consent.
    public var materialNoticeVersion: Int { notice?.materialVersion ?? 1 }
}

/// The purposes document.
public struct PurposeCatalog: Codable, Sendable, Equatable {
    /// File name inside a policy folder.
    public static let fileName = "purposes.json"
    /// Raised on every change of the document.
    public let version: Int
    /// Every processing purpose, in the order the file lists them.
    public let purposes: [Purpose]

    /// The purpose with `id`, or nil.
    public func purpose(_ id: String) -> Purpose? { purposes.first { $0.id == id } }
}
