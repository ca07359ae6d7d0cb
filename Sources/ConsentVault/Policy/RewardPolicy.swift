/// The kinds of events a reward rule can fire on.
public enum RewardTriggerKind: String, Codable, Sendable, CaseIterable {
    /// The member shared `field` for the first time.
    case fieldFirstShared = "field_first_shared"
    /// Consent to `purpose` came into force.
    case consentGranted = "consent_granted"
    /// The member confirmed a double opt-in for `purpose`.
    case doiConfirmed = "doi_confirmed"
    /// The member has shared every field of `fields`.
    case profileCompleted = "profile_completed"
    /// The member's birthday came this calendar year (awarded by the yearly birthday run).
    case birthday
}

/// What makes a reward rule fire.
public struct RewardTrigger: Codable, Sendable, Equatable {
    /// The kind of event.
    public let type: RewardTriggerKind
    /// The field, for `field_first_shared`.
    public let field: String?
    /// The purpose, for `consent_granted` and `doi_confirmed`.
    public let purpose: String?
    /// The fields that make a complete profile, for `profile_completed`.
    public let fields: [String]?

    enum CodingKeys: String, CodingKey {
        case type, field, purpose, fields
    }

    /// Decodes a trigger; an unknown kind is reported at `trigger.type` with the kinds allowed.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let name = try container.decode(String.self, forKey: .type)
        guard let type = RewardTriggerKind(rawValue: name) else {
            let known = RewardTriggerKind.allCases.map(\.rawValue).sorted().joined(separator: ", ")
            throw DecodingError.dataCorruptedError(forKey: .type, in: container, debugDescription: "unknown trigger '\(name)'; expected one of \(known)")
        }
        self.type = type
        field = try container.decodeIfPresent(String.self, forKey: .field)
        purpose = try container.decodeIfPresent(String.self, forKey: .purpose)
        fields = try container.decodeIfPresent([String].self, forKey: .fields)
    }
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
    /// How often it may award a member.
    public let scope: RewardScope
    /// Optional limits.
    public let cap: RewardCap?

    enum CodingKeys: String, CodingKey {
        case id, version, description, trigger, points, scope, cap
        case requiresConsent = "requires_consent"
        case minimumAge = "minimum_age"
    }

    /// Most points one rule or one correction may award or remove: keeps every balance and
    /// report sum far inside 64 bits.
    public static let maximumPoints: UInt = 1_000_000

    /// Youngest age that earns: the rule's own, else the purposes' default.
    public var effectiveMinimumAge: Int { minimumAge ?? Purpose.defaultMinimumAge }

    /// The ledger scope an award in `year` falls into: `lifetime`, or the year for yearly rules.
    func scopeKey(year: Int) -> String {
        scope == .calendarYear ? String(year) : RewardScope.lifetime.rawValue
    }
}

/// A field the programme may ask members for, and through which channels.
public struct ProfileAsk: Codable, Sendable, Equatable {
    /// The catalog field to ask for.
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
    /// Raised on every change of the document.
    public let version: Int
    /// Days after a decline before the field is asked again.
    public let declineCooldownDays: Int
    /// Report cells counting fewer members than this are suppressed (k-anonymity).
    public let reportMinimumGroupSize: Int
    /// Fields to ask for, in order of preference on equal points.
    public let asks: [ProfileAsk]
    /// Reward rules, each firing at most once per member and scope.
    public let rules: [RewardRule]

    enum CodingKeys: String, CodingKey {
        case version, asks, rules
        case declineCooldownDays = "decline_cooldown_days"
        case reportMinimumGroupSize = "report_minimum_group_size"
    }
}
