/// Something an erasure kept, and why.
public struct KeptItem: Sendable, Equatable {
    /// What was kept.
    public let what: String
    /// The legal hold or policy that keeps it.
    public let why: String
    /// Until when (`YYYY-MM-DD`), if it ends.
    public let until: String?
}

/// What an erasure removed and kept.
public struct ErasureReport: Sendable, Equatable {
    /// Who was (or would be) erased.
    public let member: MemberID
    /// Whether this was only a plan.
    public let dryRun: Bool
    /// What was (or would be) erased.
    public let erased: [String]
    /// What was (or would be) kept, with the reason and the end date.
    public let kept: [KeptItem]
    /// Whether the old page images were also cleared from the `-wal` file. False when readers in
    /// other connections held them: the erasure is committed, and the next checkpoint clears them.
    public var walCleared = true
}

extension RequestOperations {
    /// Erases `member` at the data subject's request (Art. 17): their email and phone go on the
    /// suppression list. With `dryRun` nothing changes and the report says what would happen.
    public func erase(_ member: MemberID, request: String? = nil, dryRun: Bool = false, as principal: Principal) throws -> ErasureReport {
        try erase(member, request: request, dryRun: dryRun, suppressing: true, as: principal)
    }

    /// Erases `member`; `suppressing` puts their contacts on the suppression list (not for a
    /// retention run, which erases because the data is no longer needed, not because of a wish).
    func erase(_ member: MemberID, request: String?, dryRun: Bool, suppressing: Bool, as principal: Principal) throws -> ErasureReport {
        try context.authorize(principal, .dsrErase, member: member)
        // A dry run answers the same as the erasure would: an erased member says when.
        guard try context.members.exists(member.rawValue) else {
            // Erased before without a hold leaves no row; the audit log still says when.
            if let erased = try context.auditLog.entries(member: member).last(where: { $0.operation == VaultOperation.dsrErase.rawValue && $0.outcome == .ok }) {
                throw MemberError.erased(member: member.rawValue, on: context.controllerDay(of: erased.at)?.iso ?? String(erased.at.prefix(10)))
            }
            throw MemberError.memberNotFound(member.rawValue)
        }
        // Erased before with data under a hold: the tombstone says when; erasing again would only re-date the hold.
        if let erasedAt = try context.members.record(of: member)?.erasedAt {
            throw MemberError.erased(member: member.rawValue, on: context.controllerDay(of: erasedAt)?.iso ?? String(erasedAt.prefix(10)))
        }
        if let request {
            try context.verifyTable("requests")
            guard let found = try context.requests.request(request) else { throw RequestError.unknownRequest(request) }
            guard found.type == .erasure, found.status == .open, try context.requestIsOf(found, member: member, attaching: false) else {
                throw RequestError.notAnOpenErasureRequest(request: request, member: member.rawValue)
            }
        }
        if dryRun {
            return try context.database.readTransaction { try context.erasurePlan(member).report(member: member, dryRun: true) }
        }
        let tag = try context.keys.erasureTag(member)
        let report = try context.audited(principal, .dsrErase, member: member) { _ in
            // Checked before the journal line: a journaled erasure must be one the vault can carry out.
            try context.verifyTable("requests")
            // A request made by contact before the person joined becomes theirs (while their contacts are still indexed).
            if let request, let found = try context.requests.request(request) { _ = try context.requestIsOf(found, member: member, attaching: true) }
            // Journal first: should the commit fail after it, the next open erases anyway.
            try context.record(.erase(tag: tag))
            if suppressing { try context.suppressContacts(of: member, reason: .erasure) }
            let plan = try context.erasurePlan(member)
            try context.apply(plan, to: member, tag: tag)
            if let request { try context.requests.close(request, outcome: .fulfilled, at: context.timestamp) }
            return plan.report(member: member, dryRun: false)
        }
        var done = report
        done.walCleared = try context.checkpoint()
        return done
    }
}

/// Erasure (GDPR Art. 17): everything about a member goes in one transaction, except data under a
/// legal hold, which is kept restricted until the hold ends; then the WAL is checkpointed and
/// truncated so no page image of the erased data remains beside the vault file.
extension VaultContext {
    /// The field names come unchecked by the member's seal: a tampered member can still be erased.
    func erasurePlan(_ member: MemberID) throws -> ErasurePlan {
        guard try members.exists(member.rawValue) else { throw MemberError.memberNotFound(member.rawValue) }
        let stored = try members.fieldNames(of: member)
        let today = today
        /// A hold runs from the end of the year (the controller's) of the newest record it keeps (today if none is dated).
        func until(_ hold: LegalHold, newest: String?) -> String { hold.endDay(forRecordMadeOn: newest.flatMap(controllerDay) ?? today) }
        var heldFields: [String: (hold: LegalHold, until: String)] = [:]
        var consentHold: (hold: LegalHold, until: String)?
        var pointsHold: (hold: LegalHold, until: String)?
        for hold in policies.retention.legalHolds {
            if hold.records == .consentEvents { consentHold = (hold, until(hold, newest: try consents.latestEventTime(of: member))); continue }
            if hold.records == .pointsLedger {
                // Each booking is kept for the hold's years: the last one decides the end.
                pointsHold = (hold, until(hold, newest: try rewards.latestEntryTime(of: member)))
                continue
            }
            guard hold.appliesWhenFieldPresent.map(stored.contains) ?? true else { continue }
            // The record that triggers the hold (the receipts) dates it; without one, the newest held field.
            let dated = (hold.appliesWhenFieldPresent.map { [$0] } ?? hold.fields ?? []).filter(stored.contains)
            let newest = try dated.compactMap { try members.updatedTime(of: $0, for: member) }.max()
            for field in hold.fields ?? [] where stored.contains(field) { heldFields[field] = (hold, until(hold, newest: newest)) }
        }
        return ErasurePlan(storedFields: stored.sorted(), heldFields: heldFields, consentHold: consentHold, pointsHold: pointsHold,
                           consentEvents: try consents.eventCount(of: member), pointsEntries: try rewards.entryCount(of: member),
                           pseudonymizePoints: policies.retention.pointsLedgerOnErasure == .pseudonymize)
    }

    /// Carries out `plan` inside the caller's transaction, store by store.
    func apply(_ plan: ErasurePlan, to member: MemberID, tag: String) throws {
        if let hold = plan.consentHold { try consents.archiveProof(of: member, tag: tag, heldUntil: hold.until) }
        if plan.pseudonymizePoints { try rewards.archive(member, tag: tag) }
        try consents.erase(member)
        try rewards.erase(member)
        try promptSessions.erase(member)
        try requests.detach(member)
        for field in plan.storedFields where plan.heldFields[field] == nil { try members.deleteValue(field, of: member) }
        if plan.heldFields.isEmpty {
            try members.delete(member)
        } else {
            try members.markErased(member, at: timestamp, heldUntil: plan.heldFields.values.map(\.until).max() ?? "")
        }
    }
}

/// The decisions of one erasure, computed once and used both for the dry run and the real one.
struct ErasurePlan {
    let storedFields: [String]
    let heldFields: [String: (hold: LegalHold, until: String)]
    let consentHold: (hold: LegalHold, until: String)?
    /// The hold that keeps the pseudonymized points ledger, and when its last booking's hold ends.
    let pointsHold: (hold: LegalHold, until: String)?
    let consentEvents: Int
    let pointsEntries: Int
    let pseudonymizePoints: Bool

    /// The report of this plan.
    func report(member: MemberID, dryRun: Bool) -> ErasureReport {
        var erased = storedFields.filter { heldFields[$0] == nil }.map { "field \($0)" }
        var kept = heldFields.keys.sorted().map { field in
            KeptItem(what: "field \(field) (readable only for \(heldFields[field]!.hold.purpose ?? "legal obligations"))",
                           why: "\(heldFields[field]!.hold.id): \(heldFields[field]!.hold.basis)", until: heldFields[field]!.until)
        }
        erased.append(heldFields.isEmpty ? "data key (every remaining ciphertext becomes unreadable)" : "lookup indexes")
        if let consentHold, consentEvents > 0 {
            kept.append(KeptItem(what: "\(consentEvents) consent event(s) under a pseudonym, without the member id",
                                       why: "\(consentHold.hold.id): \(consentHold.hold.basis)", until: consentHold.until))
        } else if consentEvents > 0 {
            erased.append("\(consentEvents) consent event(s)")
        }
        if pseudonymizePoints && pointsEntries > 0 {
            kept.append(KeptItem(what: "\(pointsEntries) points ledger entr(ies) under a pseudonym",
                                 why: pointsHold.map { "\($0.hold.id): \($0.hold.basis)" } ?? "accounting (points_ledger_on_erasure)", until: pointsHold?.until))
        } else if pointsEntries > 0 {
            erased.append("\(pointsEntries) points ledger entr(ies)")
        }
        erased.append("profile asks, confirmation tokens, restrictions and prompt sessions")
        return ErasureReport(member: member, dryRun: dryRun, erased: erased, kept: kept)
    }
}
