/// What makes a reward rule fire.
public struct RewardTrigger: Codable, Sendable, Equatable {
    /// `field_first_shared`, `consent_granted`, `doi_confirmed`, `profile_completed` or `birthday`.
    public let type: String
    /// The field, for `field_first_shared`.
    public let field: String?
    /// The purpose, for `consent_granted` and `doi_confirmed`.
    public let purpose: String?
    /// The fields that make a complete profile, for `profile_completed`.
    public let fields: [String]?

    /// The trigger kinds this version understands.
    public static let types: Set<String> = ["field_first_shared", "consent_granted", "doi_confirmed", "profile_completed", "birthday"]
}

/// Optional limits on a rule.
public struct RewardCap: Codable, Sendable, Equatable {
    /// Awards of this rule across all members per calendar year (a programme budget).
    public let totalAwardsPerYear: Int?

    enum CodingKeys: String, CodingKey {
        case totalAwardsPerYear = "total_awards_per_year"
    }
}

/// One reward rule of `rewards.json`.
public struct RewardRule: Codable, Sendable, Equatable {
    /// Stable id; the ledger records it with the version.
    public let id: String
    /// Raised when the rule changes.
    public let version: Int
    /// For people reading the ledger.
    public let description: String
    /// When it fires.
    public let trigger: RewardTrigger
    /// Points awarded (a positive integer).
    public let points: Int
    /// Purpose whose active consent is required.
    public let requiresConsent: String
    /// Youngest age that earns (default 16).
    public let minimumAge: Int?
    /// `lifetime` (once ever) or `calendar_year` (once a year).
    public let scope: String
    /// Optional limits.
    public let cap: RewardCap?

    enum CodingKeys: String, CodingKey {
        case id, version, description, trigger, points, scope, cap
        case requiresConsent = "requires_consent"
        case minimumAge = "minimum_age"
    }
}

/// A field the programme may ask members for, and through which channels.
public struct ProfileAsk: Codable, Sendable, Equatable {
    /// The field.
    public let field: String
    /// The consent purpose the share is recorded under.
    public let purpose: String
    /// Channels where the field can be collected.
    public let channels: [String]
}

/// `Policies/rewards.json`: progressive profiling asks and reward rules.
public struct RewardPolicy: Codable, Sendable, Equatable {
    /// File name inside a policy folder.
    public static let fileName = "rewards.json"
    /// Document version.
    public let version: Int
    /// Days after a decline before the field is asked again.
    public let declineCooldownDays: Int
    /// Report cells counting fewer members than this are suppressed (k-anonymity).
    public let reportMinimumGroupSize: Int
    /// Fields to ask for, in order of preference on equal points.
    public let asks: [ProfileAsk]
    /// The rules.
    public let rules: [RewardRule]

    enum CodingKeys: String, CodingKey {
        case version, asks, rules
        case declineCooldownDays = "decline_cooldown_days"
        case reportMinimumGroupSize = "report_minimum_group_size"
    }
}
