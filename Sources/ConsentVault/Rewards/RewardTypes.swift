/// One line of the points ledger.
public struct PointsEntry: Sendable, Equatable {
    /// Ledger order.
    public let sequence: Int
    /// The rule (or `adjustment`).
    public let ruleID: String
    /// The rule's version when it fired.
    public let ruleVersion: Int
    /// `lifetime`, a year such as `2026`, or an adjustment's own key.
    public let scope: String
    /// Points, negative only for adjustments.
    public let points: Int
    /// The rule description or the correction's reason.
    public let reason: String
    /// When (ISO 8601, UTC).
    public let at: String
    /// Who caused it.
    public let actor: String
}

/// Points awarded by one rule in one operation.
public struct Award: Sendable, Equatable {
    /// Id of the rule that awarded the points.
    public let ruleID: String
    /// Points earned.
    public let points: Int
}

/// Refusals of reward operations.
public enum RewardError: VaultError, Equatable {
    /// An adjustment needs a reason.
    case reasonRequired
    /// An adjustment of zero points changes nothing.
    case zeroAdjustment
    /// The field is not one the programme asks for.
    case notAskable(String)
    /// The adjustment would take the balance beyond the range of a 64-bit integer.
    case balanceOverflow
    /// One adjustment may move at most this many points.
    case adjustmentTooLarge(maximum: UInt)
    /// The reason has control characters or is too long.
    case reasonNotPlainText(maximum: Int)

    /// What was refused.
    public var description: String {
        switch self {
        case .reasonRequired: return "an adjustment needs a reason"
        case .zeroAdjustment: return "an adjustment must change the balance (points other than 0)"
        case .notAskable(let field): return "field '\(Echo.name(field))' is not one of the profile asks in rewards.json"
        case .balanceOverflow: return "the adjustment would overflow the points balance"
        case .adjustmentTooLarge(let maximum): return "an adjustment may move at most \(maximum) points"
        case .reasonNotPlainText(let maximum): return "the reason must be one line of plain text of at most \(maximum) characters, without personal data such as names, emails or phone numbers"
        }
    }

    /// Stable machine-readable name of the failure.
    public var code: String {
        switch self {
        case .reasonRequired: return "reason_required"
        case .zeroAdjustment: return "zero_adjustment"
        case .notAskable: return "not_askable"
        case .balanceOverflow: return "balance_overflow"
        case .adjustmentTooLarge: return "adjustment_too_large"
        case .reasonNotPlainText: return "reason_not_plain_text"
        }
    }
}
