/// A word with a fixed set of spellings in a policy file (`"scope": "lifetime"`). Decoding an
/// unknown spelling fails at its JSON path with every allowed spelling, so a typo is reported
/// like any other policy problem instead of becoming a default.
public protocol PolicyKeyword: RawRepresentable, CaseIterable, Codable, Sendable where RawValue == String {}

extension PolicyKeyword {
    /// Decodes one of the allowed spellings.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Self(rawValue: text) else {
            let allowed = Self.allCases.map { "'\($0.rawValue)'" }
            let choices = allowed.count == 2 ? "\(allowed[0]) or \(allowed[1])" : "one of \(allowed.joined(separator: ", "))"
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "must be \(choices) (found '\(text)')")
        }
        self = value
    }
}

/// How often a reward rule may award a member.
public enum RewardScope: String, PolicyKeyword {
    /// Once ever.
    case lifetime
    /// Once per calendar year (birthday rules).
    case calendarYear = "calendar_year"
}

/// What a retention rule does to the members it selects.
public enum RetentionAction: String, PolicyKeyword {
    /// Delete the zero-party fields of members inactive for the rule's days.
    case deleteZeroPartyFields = "delete_zero_party_fields"
    /// Erase members inactive for the rule's days.
    case eraseMember = "erase_member"
    /// Expire consents still waiting for double opt-in after the rule's days.
    case expirePendingDoubleOptIn = "expire_pending_double_opt_in"
}

/// What an erasure does with the member's points ledger.
public enum ErasedPointsHandling: String, PolicyKeyword {
    /// Keep the entries for accounting under the erasure tag, without the member id or reasons.
    case pseudonymize
    /// Delete them with everything else.
    case erase
}

/// Records a legal hold can keep after erasure (under a pseudonym).
public enum HeldRecords: String, PolicyKeyword {
    /// The consent ledger, as proof of consent (Art. 7(1)).
    case consentEvents = "consent_events"
    /// The points ledger, pseudonymized, as accounting records (points are a liability in the books).
    case pointsLedger = "points_ledger"
}
