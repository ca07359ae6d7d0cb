/// A redacted text with its session and the entities replaced (never values).
public struct PromptRedaction: Sendable, Equatable {
    /// The text with placeholders.
    public let text: String
    /// The session holding the placeholder mapping (encrypted in the vault, expiring).
    public let session: String
    /// The entities replaced, with offsets into the input in code points.
    public let entities: [RedactedEntity]
}

/// A generated text with the member's consented details put back.
public struct DemaskResult: Sendable, Equatable {
    /// The text with permitted placeholders replaced.
    public let text: String
    /// Placeholders replaced.
    public let restored: Int
    /// Placeholders left in place, with the reason (`unknown`, `expired`, `not_consented`).
    public let leftInPlace: [(placeholder: String, reason: String)]

    /// Compares texts, counts and every left placeholder.
    public static func == (lhs: DemaskResult, rhs: DemaskResult) -> Bool {
        lhs.text == rhs.text && lhs.restored == rhs.restored && lhs.leftInPlace.map { "\($0.placeholder)|\($0.reason)" } == rhs.leftInPlace.map { "\($0.placeholder)|\($0.reason)" }
    }
}

/// Refusals of prompt operations.
public enum PromptError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No session with this id.
    case unknownSession(String)
    /// The session has expired; its mapping is gone.
    case expiredSession(String)
    /// A session continued under another member or purpose.
    case sessionMismatch(String)

    /// What was refused.
    public var description: String {
        switch self {
        case .unknownSession(let id): return "no prompt session \(id)"
        case .expiredSession(let id): return "prompt session \(id) has expired"
        case .sessionMismatch(let id): return "prompt session \(id) belongs to another member or purpose"
        }
    }

    /// What to do about it.
    public var hint: String {
        switch self {
        case .unknownSession, .expiredSession: return "redact or build the prompt again to start a new session"
        case .sessionMismatch: return "start a new session for this member and purpose"
        }
    }
}
