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

/// Whether a request still needs an answer.
public enum RequestStatus: String, Sendable, Codable {
    /// Received and not yet answered.
    case open
    /// Answered (see its outcome).
    case closed
}

/// How a closed request ended.
public enum RequestOutcome: String, Sendable, Codable, CaseIterable {
    /// Carried out as asked.
    case fulfilled
    /// Refused, e.g. as manifestly unfounded (Art. 12(5)).
    case refused
    /// The member withdrew the request.
    case withdrawn
    /// The requester is no member and no data about them is held: the answer to an access or
    /// erasure request from someone the vault does not know (Art. 15(1): confirmation either way).
    case noDataHeld = "no_data_held"
}

/// The contact a request came from when it names no member: the vault looks the member up by it,
/// and when there is none keeps only a keyed hash of it (no plaintext).
public enum RequesterContact: Sendable, Equatable {
    /// An email address.
    case email(String)
    /// A phone number.
    case phone(String)
}

/// A data subject request and its deadline.
public struct DataSubjectRequest: Sendable, Equatable {
    /// Request id, e.g. `dsr_3f9a0c1e`.
    public let id: String
    /// The member, or nil after erasure or for a requester who is no member (`byContact`).
    public let member: MemberID?
    /// Recorded by the requester's contact because no member has it.
    public let byContact: Bool
    /// What was requested.
    public let type: RequestType
    /// Channel it came through, if one was recorded.
    public let channel: Channel?
    /// Day received (`YYYY-MM-DD`).
    public let receivedOn: String
    /// Day due: received + one calendar month, or the extended date.
    public let dueOn: String
    /// Why the deadline was extended, if it was.
    public let extensionReason: String?
    /// Open until answered.
    public let status: RequestStatus
    /// How it ended, once closed.
    public let outcome: RequestOutcome?

    /// Days from `today` to the due date: negative when overdue.
    public func daysLeft(on today: CalendarDay) -> Int? {
        CalendarDay(iso: dueOn).map { today.days(until: $0) }
    }
}

/// Refusals of request operations.
public enum RequestError: VaultError, Equatable {
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
    /// An extension reason has control characters or is too long.
    case reasonNotPlainText(maximum: Int)
    /// An erasure named a request that is not this member's open erasure request.
    case notAnOpenErasureRequest(request: String, member: String)
    /// An export named a request that is not this member's open access or portability request.
    case notAnOpenExportRequest(request: String, member: String)
    /// A request cannot have been received after today.
    case receivedInFuture(String)
    /// An extension must be decided within the first month (Art. 12(3)); the request was due on this day.
    case extensionTooLate(dueOn: String)
    /// `no_data_held` answers only a request recorded by contact, for which no member exists.
    case memberHasData(request: String)
    /// The contact belongs to several members: the request must name one.
    case contactMatchesSeveralMembers(count: Int)
    /// The requester's contact is not a valid email address or phone number.
    case invalidContact(String)
    /// A request under the GDPR cannot have been received before it applied (25 May 2018).
    case receivedBeforeGDPR(String)
    /// The requester's contact belonged to a member erased on this day: data under a legal hold may remain.
    case contactOfErasedMember(request: String, erasedOn: String)
    /// An erasure request is fulfilled by `dsr erase --request`, not by closing it while the member's data is there.
    case erasureNotCarriedOut(request: String)

    /// What was refused.
    public var description: String {
        switch self {
        case .unknownRequest(let id): return "no request with id \(Echo.name(id))"
        case .alreadyClosed(let id): return "request \(Echo.name(id)) is already closed"
        case .extensionNeedsReason: return "extending a deadline needs a reason (GDPR Art. 12(3))"
        case .alreadyExtended(let id): return "the deadline of request \(Echo.name(id)) was already extended by two months"
        case .reasonNotPlainText(let maximum):
            return "the reason must be one line of plain text of at most \(maximum) characters, without personal data such as names, emails or phone numbers"
        case .invalidDate(let text): return "'\(Echo.name(text))' is not a date as YYYY-MM-DD or DD.MM.YYYY"
        case .notAnOpenExportRequest(let request, let member):
            return "request \(Echo.name(request)) is not an open access or portability request of member \(member)"
        case .receivedInFuture(let day): return "a request cannot be received in the future (\(day))"
        case .extensionTooLate(let dueOn):
            return "the extension had to be decided within the first month (GDPR Art. 12(3)); this request was due on \(dueOn)"
        case .notAnOpenErasureRequest(let request, let member): return "request \(Echo.name(request)) is not an open erasure request of member \(member)"
        case .memberHasData(let request):
            return "request \(Echo.name(request)) belongs to a member, whose data the vault holds: 'no_data_held' answers only a request recorded by contact"
        case .contactMatchesSeveralMembers(let count): return "the contact belongs to \(count) members; name the member with --member"
        case .invalidContact(let problem): return "the requester's contact is not usable: \(problem)"
        case .receivedBeforeGDPR: return "a GDPR request cannot be received before the GDPR applied on 2018-05-25"
        case .contactOfErasedMember(let request, let day):
            return "the contact of request \(Echo.name(request)) belonged to a member erased on \(day); data under a legal hold may remain, so 'no data held' may be untrue"
        case .erasureNotCarriedOut(let request):
            return "erasure request \(Echo.name(request)) is fulfilled by the erasure itself, and the member's data is still there"
        }
    }

    /// Stable machine-readable name of the failure.
    public var code: String {
        switch self {
        case .unknownRequest: return "unknown_request"
        case .alreadyClosed: return "already_closed"
        case .extensionNeedsReason: return "extension_needs_reason"
        case .alreadyExtended: return "already_extended"
        case .invalidDate: return "invalid_date"
        case .reasonNotPlainText: return "reason_not_plain_text"
        case .notAnOpenErasureRequest: return "not_an_open_erasure_request"
        case .notAnOpenExportRequest: return "not_an_open_export_request"
        case .receivedInFuture: return "received_in_future"
        case .extensionTooLate: return "extension_too_late"
        case .memberHasData: return "member_has_data"
        case .contactMatchesSeveralMembers: return "contact_matches_several_members"
        case .invalidContact: return "invalid_contact"
        case .receivedBeforeGDPR: return "received_before_gdpr"
        case .contactOfErasedMember: return "contact_of_erased_member"
        case .erasureNotCarriedOut: return "erasure_not_carried_out"
        }
    }
}
