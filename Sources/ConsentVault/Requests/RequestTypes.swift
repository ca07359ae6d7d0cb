/// The kinds of data subject requests.
public enum RequestType: String, Sendable, CaseIterable, Codable {
    /// Art. 15: a copy of the data and facts about its processing.
    case access
    /// Art. 20: the data in a machine-readable form.
    case portability
    /// Art. 17: erasure.
    case erasure
    /// Art. 16: correction.
    case rectification
    /// Art. 18: restriction; data readable only for legal claims until lifted.
    case restriction
    /// Art. 21: objection to processing based on legitimate interest.
    case objection
}

/// A data subject request and its deadline.
public struct DataSubjectRequest: Sendable, Equatable {
    /// Request id, e.g. `dsr_3f9a0c1e`.
    public let id: String
    /// The member, or nil after erasure.
    public let member: MemberID?
    /// What was requested.
    public let type: RequestType
    /// Channel it came through.
    public let channel: String?
    /// Day received (`YYYY-MM-DD`).
    public let receivedOn: String
    /// Day due: received + one calendar month, or the extended date.
    public let dueOn: String
    /// Why the deadline was extended, if it was.
    public let extensionReason: String?
    /// `open` or `closed`.
    public let status: String
    /// How it ended, once closed.
    public let outcome: String?
}

/// Refusals of request operations.
public enum RequestError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No request with this id.
    case unknownRequest(String)
    /// The request is already closed.
    case alreadyClosed(String)
    /// A deadline can be extended once, by two months, with a reason.
    case extensionNeedsReason
    /// The deadline was already extended.
    case alreadyExtended(String)
    /// A date is not `YYYY-MM-DD`.
    case invalidDate(String)
    /// An outcome other than the accepted ones.
    case invalidOutcome(String)

    /// What was refused.
    public var description: String {
        switch self {
        case .unknownRequest(let id): return "no request with id \(id)"
        case .alreadyClosed(let id): return "request \(id) is already closed"
        case .extensionNeedsReason: return "extending a deadline needs a reason (GDPR Art. 12(3))"
        case .alreadyExtended(let id): return "the deadline of request \(id) was already extended by two months"
        case .invalidDate(let text): return "'\(text)' is not a date as YYYY-MM-DD"
        case .invalidOutcome(let text): return "unknown outcome '\(text)'; use fulfilled, refused or withdrawn"
        }
    }

    /// What to do about it.
    public var hint: String {
        switch self {
        case .unknownRequest: return "list requests with: consent-vault dsr list"
        case .alreadyClosed, .alreadyExtended: return "see it with: consent-vault dsr show <request>"
        case .extensionNeedsReason: return "pass --reason TEXT (complexity or number of requests)"
        case .invalidDate: return "write dates as 2026-01-31"
        case .invalidOutcome: return "pass --outcome fulfilled, refused or withdrawn"
        }
    }
}
