/// One entry of the events feed: what changed for which member, never a value.
public struct VaultEvent: Sendable, Equatable {
    /// Position in the feed; pass the last one seen as `after` to continue.
    public let sequence: Int
    /// When it was recorded (UTC, ISO 8601).
    public let at: String
    /// `consent.grant` (in force), `consent.pending` (waits for double opt-in), `consent.doi_confirmed`
    /// (now in force), `consent.deny`, `consent.withdraw`, `consent.expire` or `member.erased`.
    public let kind: String
    /// The member it concerns.
    public let member: MemberID
    /// The purpose of a consent event.
    public let purpose: String?
    /// The field of a field-level consent event.
    public let field: String?
}

/// The events feed, for clients (a CRM, an email service) that follow withdrawals, confirmations
/// and erasures without polling members.
public struct EventOperations {
    let context: VaultContext

    /// Most events one call returns.
    public static let maximumLimit = 1_000

    /// Up to `limit` (1…1,000) events after `sequence` (0 for the start), oldest first.
    public func list(after sequence: Int, limit: Int = 100, as principal: Principal) throws -> [VaultEvent] {
        try context.authorize(principal, .eventsRead)
        guard (1...Self.maximumLimit).contains(limit) else { throw EventError.invalidLimit(maximum: Self.maximumLimit) }
        let store = EventStore(database: context.database)
        return try context.database.readTransaction {
            // A cursor beyond the newest event would silently skip the events that come next.
            guard sequence >= 0, sequence <= (try store.newestSequence()) else { throw EventError.invalidCursor }
            return try store.events(after: sequence, limit: limit)
        }
    }
}

/// Why the events feed refused a request.
public enum EventError: VaultError, Equatable {
    /// `after` was negative.
    case invalidCursor
    /// `limit` was outside 1…maximum.
    case invalidLimit(maximum: Int)

    /// What was wrong.
    public var description: String {
        switch self {
        case .invalidCursor: return "'after' must be 0 or the sequence number of an event the feed has given"
        case .invalidLimit(let maximum): return "'limit' must be between 1 and \(maximum)"
        }
    }

    /// Stable machine-readable name of the failure.
    public var code: String {
        switch self {
        case .invalidCursor: return "invalid_cursor"
        case .invalidLimit: return "invalid_limit"
        }
    }
}
