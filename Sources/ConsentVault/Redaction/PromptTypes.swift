/// A redacted text with its session and the entities replaced (never values).
public struct PromptRedaction: Sendable, Equatable {
    /// The text with placeholders.
    public let text: String
    /// The session holding the placeholder mapping (encrypted in the vault, expiring).
    public let session: String
    /// The entities replaced, with offsets into the input in code points.
    public let entities: [RedactedEntity]
    /// For `build`: the template's attributes left to their fallback, and why.
    public var withheld: [WithheldAttribute] = []
}

/// A template attribute `build` did not fill from the member's data.
public struct WithheldAttribute: Sendable, Equatable {
    /// The attribute, e.g. `birth_month`.
    public let attribute: String
    /// Why it was withheld.
    public let reason: WithholdingReason
}

/// Why `build` left an attribute to its fallback.
public enum WithholdingReason: String, Sendable {
    /// The member has the value but did not consent to its use for the purpose.
    case noConsent = "no_consent"
    /// The member has not shared the value.
    case noData = "no_data"
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
    /// A template slot names no attribute; the known ones are listed.
    case unknownSlot(String)

    /// What was refused.
    public var description: String {
        switch self {
        case .unknownSession(let id): return "no prompt session \(Echo.name(id))"
        case .expiredSession(let id): return "prompt session \(Echo.name(id)) has expired"
        case .sessionMismatch(let id): return "prompt session \(Echo.name(id)) belongs to another member or purpose"
        case .corruptSession(let id): return "prompt session \(Echo.name(id)) holds an entity type this vault never writes"
        case .unknownSlot(let name):
            return "template slot {{\(Echo.name(name))}} is not an attribute; known: " + PromptAttribute.allCases.map(\.rawValue).joined(separator: ", ")
        }
    }

    /// Stable machine-readable name of the failure.
    public var code: String {
        switch self {
        case .unknownSession: return "unknown_session"
        case .expiredSession: return "expired_session"
        case .sessionMismatch: return "session_mismatch"
        case .corruptSession: return "corrupt_session"
        case .unknownSlot: return "unknown_slot"
        }
    }
}
