import Foundation

/// Data subject requests and their deadlines (GDPR Art. 12(3)); restriction and objection take
/// effect when they are opened. Export and erasure are in their own files.
public struct RequestOperations {
    let context: VaultContext

    /// Records a request received on `receivedOn` (`YYYY-MM-DD` or `DD.MM.YYYY`, default today, never in the future) and returns it
    /// with its due date. A restriction restricts the member at once; an objection withdraws
    /// every purpose based on legitimate interest.
    public func open(_ type: RequestType, for member: MemberID, receivedOn: String? = nil, channel: Channel? = nil,
                     as principal: Principal) throws -> DataSubjectRequest {
        guard let received = receivedOn.map({ CalendarDay(written: $0) }) ?? context.today else {
            throw RequestError.invalidDate(receivedOn ?? "")
        }
        guard received <= context.today else { throw RequestError.receivedInFuture(received.iso) }
        guard received.iso >= Self.gdprApplies else { throw RequestError.receivedBeforeGDPR(received.iso) }
        return try context.audited(principal, .dsrOpen, member: member) { _ in
            try insert(type, for: member, received: received, channel: channel, by: principal)
        }
    }

    /// The body of `open(_:for:)`, inside its audited transaction.
    private func insert(_ type: RequestType, for member: MemberID, received: CalendarDay, channel: Channel?, by principal: Principal) throws -> DataSubjectRequest {
        let id = "dsr_" + Hex.encode(Sodium.randomPublicBytes(count: 6))
        _ = try context.memberRecord(member)
        try context.verifyTable("requests")
        let tag = try context.keys.erasureTag(member)
        try context.requests.insert(id: id, member: member, memberTag: tag, type: type, channel: channel,
                                    receivedOn: received.iso, dueOn: received.adding(months: 1).iso, openedBy: principal.name)
        if type == .restriction {
            try context.requests.restrict(member, request: id, since: context.timestamp)
            try context.record(.restrict(tag: tag, request: id, receivedOn: received.iso, dueOn: received.adding(months: 1).iso))
        }
        if type == .objection {
            try context.objectToLegitimateInterest(member, channel: channel, actor: principal)
            try context.record(.object(tag: tag))
            try context.suppressContacts(of: member, reason: .objection)
        }
        return try request(id)
    }

    /// Records a request that names no member but the requester's contact. When a member has that
    /// contact, the request is theirs (as `open(_:for:)`); otherwise it is kept with only the
    /// contact's keyed blind index (as a member's lookup index is kept), to be answered, typically,
    /// with `no_data_held`, which is refused once a member has that contact. An objection or erasure
    /// request also puts the contact on the suppression list, so a later sign-up does not bring
    /// the person into direct marketing.
    public func open(_ type: RequestType, requester: RequesterContact, receivedOn: String? = nil, channel: Channel? = nil,
                     as principal: Principal) throws -> DataSubjectRequest {
        let (fieldType, value): (FieldType, String)
        switch requester {
        case .email(let email): (fieldType, value) = (.email, email)
        case .phone(let phone): (fieldType, value) = (.phone, phone)
        }
        guard let definition = context.catalog.fields.first(where: { $0.type == fieldType && context.contactFields.contains($0.name) }) else {
            throw RequestError.invalidContact("the field catalog has no indexed \(fieldType.rawValue) field")
        }
        let normalized: NormalizedValue
        do throws(FieldValueError) {
            normalized = try context.normalizer().normalize(value, for: definition)
        } catch {
            throw RequestError.invalidContact(error.description)
        }
        // Every contact field of the type: an address kept in `work_email` finds its member too.
        let indexes = try context.contactFields(of: fieldType).map { field in (field: field, index: try context.keys.blindIndex(field: field, lookupKey: normalized.lookupKey)) }
        guard let received = receivedOn.map({ CalendarDay(written: $0) }) ?? context.today else { throw RequestError.invalidDate(receivedOn ?? "") }
        guard received <= context.today else { throw RequestError.receivedInFuture(received.iso) }
        guard received.iso >= Self.gdprApplies else { throw RequestError.receivedBeforeGDPR(received.iso) }
        return try context.audited(principal, .dsrOpen) { record in
            let owners = Set(try indexes.flatMap { try context.members.members(withIndex: $0.index, field: $0.field) })
            guard owners.count <= 1 else { throw RequestError.contactMatchesSeveralMembers(count: owners.count) }
            if let member = owners.first {
                record.member = member
                return try insert(type, for: member, received: received, channel: channel, by: principal)
            }
            let id = "dsr_" + Hex.encode(Sodium.randomPublicBytes(count: 6))
            try context.verifyTable("requests")
            try context.requests.insert(id: id, member: nil, memberTag: RequestStore.requesterTag(indexes.map { ($0.field, $0.index) }),
                                        type: type, channel: channel,
                                        receivedOn: received.iso, dueOn: received.adding(months: 1).iso, openedBy: principal.name)
            if type == .objection || type == .erasure {
                try context.addSuppression(try context.suppressionHashes(of: normalized.lookupKey, type: fieldType), reason: type == .objection ? .objection : .erasure)
            }
            return try request(id)
        }
    }

    /// The day the GDPR applied (Art. 99(2)): no request under it was received earlier.
    private static let gdprApplies = "2018-05-25"

    /// Requests, the earliest due first: the open ones, or with `all` the closed ones too;
    /// `overdue` keeps open ones past their due date.
    public func list(overdue: Bool = false, all: Bool = false, as principal: Principal) throws -> [DataSubjectRequest] {
        try context.audited(principal, .dsrList) { _ in
            let today = context.today.iso
            try context.verifyTable("requests")
            return try context.requests.all().filter { (all || $0.status == .open) && (!overdue || ($0.status == .open && $0.dueOn < today)) }
        }
    }

    /// The vault clock's day, for deadlines shown to people.
    public var today: CalendarDay { context.today }

    /// One request.
    public func show(_ id: String, as principal: Principal) throws -> DataSubjectRequest {
        try context.audited(principal, .dsrShow) { _ in try request(id) }
    }

    /// Extends the deadline by two further months (once), with a reason.
    public func extend(_ id: String, reason: String, as principal: Principal) throws -> DataSubjectRequest {
        guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else { throw RequestError.extensionNeedsReason }
        guard FreeText.isAcceptable(reason) else { throw RequestError.reasonNotPlainText(maximum: FreeText.maximumLength) }
        return try context.audited(principal, .dsrExtend) { _ in
            let current = try request(id)
            guard current.status == .open else { throw RequestError.alreadyClosed(id) }
            guard current.extensionReason == nil else { throw RequestError.alreadyExtended(id) }
            guard let due = CalendarDay(iso: current.dueOn), let received = CalendarDay(iso: current.receivedOn) else {
                throw StorageError.corruptRow(table: "requests", column: "due_on", problem: "not a date as YYYY-MM-DD")
            }
            // Art. 12(3): the member must be told of the extension within the first month.
            guard context.today <= due else { throw RequestError.extensionTooLate(dueOn: due.iso) }
            // Three months from receipt (31 October → 31 January), not two from a due day already cut to a month's end.
            try context.requests.extend(id, to: received.adding(months: 3).iso, reason: reason)
            return try request(id)
        }
    }

    /// Closes a request with `outcome`; closing a restriction lifts it.
    public func close(_ id: String, outcome: RequestOutcome, as principal: Principal) throws -> DataSubjectRequest {
        try context.audited(principal, .dsrClose) { _ in
            let current = try request(id)
            guard current.status == .open else { throw RequestError.alreadyClosed(id) }
            if outcome == .noDataHeld {
                // Only for a request by contact, and only while no member has that contact (they may have joined since).
                guard current.byContact, let requester = try context.requests.requesterIndexes(of: id),
                      try requester.allSatisfy({ try context.members.members(withIndex: $0.blindIndex, field: $0.field).isEmpty }) else {
                    throw RequestError.memberHasData(request: id)
                }
                // A contact field added, renamed or removed since the request was recorded was never searched: the answer could be untrue.
                let searchedFields = requester.compactMap { context.catalog.definition(of: $0.field) }
                guard searchedFields.count == requester.count, let type = searchedFields.first?.type,
                      Set(context.contactFields(of: type)).isSubset(of: requester.map(\.field)) else {
                    throw RequestError.memberHasData(request: id)
                }
                // An erased member's contact stays on the suppression list: held data may remain.
                for index in requester {
                    let hash = try context.keys.suppressionHash(field: index.field, blindIndex: index.blindIndex)
                    if let entry = try context.suppression.entry(hash), entry.reason == .erasure {
                        throw RequestError.contactOfErasedMember(request: id, erasedOn: entry.addedOn)
                    }
                }
            }
            // An erasure request is answered by the erasure: closing it "fulfilled" while the member's data is there would be
            // untrue, also for a request made by contact before the person joined.
            if outcome == .fulfilled, current.type == .erasure {
                for member in try context.membersOf(current) where try context.members.record(of: member)?.erasedAt == nil {
                    throw RequestError.erasureNotCarriedOut(request: id)
                }
            }
            try context.requests.close(id, outcome: outcome, at: context.timestamp)
            return try request(id)
        }
    }

    private func request(_ id: String) throws -> DataSubjectRequest {
        try context.verifyTable("requests")
        guard let request = try context.requests.request(id) else { throw RequestError.unknownRequest(id) }
        return request
    }
}

extension VaultContext {
    /// The members a request is about: its member, or for a request by contact every member who now has that contact.
    func membersOf(_ request: DataSubjectRequest) throws -> [MemberID] {
        if let member = request.member { return try members.exists(member.rawValue) ? [member] : [] }
        guard request.byContact, let indexes = try requests.requesterIndexes(of: request.id) else { return [] }
        return try Array(Set(indexes.flatMap { try members.members(withIndex: $0.blindIndex, field: $0.field) }))
    }

    /// Whether `request` is `member`'s: theirs by id, or recorded by a contact that is now theirs
    /// (the person joined after asking); with `attaching` (inside the transaction that answers it)
    /// such a request is then given to the member.
    func requestIsOf(_ request: DataSubjectRequest, member: MemberID, attaching: Bool) throws -> Bool {
        if request.member == member { return true }
        // The contact must be this member's alone: a phone two members share names neither.
        guard request.byContact, try membersOf(request) == [member] else { return false }
        if attaching { try requests.attach(request.id, to: member, tag: try keys.erasureTag(member)) }
        return true
    }

    /// Records an objection (Art. 21): a withdrawal for every purpose based on legitimate interest
    /// that the member has not objected to already, and of every direct-marketing consent given or
    /// pending (Art. 21(3)). The caller puts the contacts on the suppression list.
    func objectToLegitimateInterest(_ member: MemberID, channel: Channel?, actor: Principal) throws {
        let events = try consents.events(of: member)
        for purpose in policies.purposes.purposes where purpose.lawfulBasis == .legitimateInterest {
            guard events.last(where: { $0.purpose == purpose.id })?.kind != .withdraw else { continue }
            try appendConsentEvent(.withdraw, member: member, purpose: purpose, field: nil, channel: channel, actor: actor)
        }
        for purpose in policies.purposes.purposes where isDirectMarketing(purpose) && purpose.lawfulBasis == .consent {
            do {
                try withdrawConsent(ConsentRequest(purpose: purpose.id), of: member, channel: channel, actor: actor)
            } catch ConsentError.nothingToWithdraw {
                continue
            }
        }
    }
}
