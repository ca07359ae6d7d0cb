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
    /// Placeholders left in place, with the reason, in text order.
    public let leftInPlace: [LeftPlaceholder]
}

/// Why demasking left a placeholder in the text.
public enum DemaskRefusal: String, Sendable, Codable {
    /// The session never handed out this placeholder.
    case unknown
    /// The member has not consented to the value's field for the session's purpose (or it is no
    /// known value of theirs at all).
    case notConsented = "not_consented"
}

/// A placeholder demasking did not replace, as written in the text (normalized), and why.
public struct LeftPlaceholder: Sendable, Equatable {
    /// The placeholder text, e.g. `[PERSON_2]`.
    public let placeholder: String
    /// Why it stayed.
    public let reason: DemaskRefusal
}

/// Refusals of prompt operations.
public enum PromptError: VaultError, Equatable {
    /// No session with this id.
    case unknownSession(String)
    /// The session has expired; its mapping is gone.
    case expiredSession(String)
    /// A session continued under another member or purpose.
    case sessionMismatch(String)
    /// The session's mapping opened but does not hold what the vault wrote.
    case corruptSession(String)

    /// What was refused.
    public var description: String {
        switch self {
        case .unknownSession(let id): return "no prompt session \(Echo.name(id))"
        case .expiredSession(let id): return "prompt session \(Echo.name(id)) has expired"
        case .sessionMismatch(let id): return "prompt session \(Echo.name(id)) belongs to another member or purpose"
        case .corruptSession(let id): return "prompt session \(Echo.name(id)) holds an entity type this vault never writes"
        }
    }

    /// Stable machine-readable name of the failure.
    public var code: String {
        switch self {
        case .unknownSession: return "unknown_session"
        case .expiredSession: return "expired_session"
        case .sessionMismatch: return "session_mismatch"
        case .corruptSession: return "corrupt_session"
        }
    }
}
