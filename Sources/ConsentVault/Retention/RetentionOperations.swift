import Foundation

/// What one retention rule did (or would do).
public struct RetentionOutcome: Sendable, Equatable {
    /// Rule id, or `legal_hold_ended`.
    public let rule: String
    /// The members affected (or that would be), so a dry run can be checked member by member.
    public let memberIDs: [MemberID]
    /// How many members.
    public var members: Int { memberIDs.count }
}

/// How far one retention rule has come: members handled so far.
public struct RetentionProgress: Sendable, Equatable {
    /// The rule being applied.
    public let rule: String
    /// Members it has handled in this run.
    public let membersDone: Int
}

/// The retention run (GDPR Art. 5(1)(e)): applies `retention.json` by itself, idempotently.
public struct RetentionOperations {
    let context: VaultContext

    /// Applies every retention rule and ends expired legal holds. With `dryRun` nothing changes
    /// (not even the audit log) and the outcome says what would happen. `progress` is told how
    /// many members each step has handled.
    public func run(dryRun: Bool = false, as principal: Principal, progress: (RetentionProgress) -> Void = { _ in }) throws -> [RetentionOutcome] {
        try context.authorize(principal, .retentionRun)
        let erasure = RequestOperations(context: context)
        var outcomes: [RetentionOutcome] = []
        for rule in context.policies.retention.rules {
            let cutoff = Timestamp.string(context.clock().addingTimeInterval(-Double(rule.afterDays) * 86_400))
            switch rule.action {
            case .eraseMember:
                let members = try inactiveMembers(before: cutoff)
                if !dryRun { for (index, member) in members.enumerated() { _ = try erasure.erase(member, request: nil, dryRun: false, suppressing: false, as: principal); progress(RetentionProgress(rule: rule.id, membersDone: index + 1)) } }
                outcomes.append(RetentionOutcome(rule: rule.id, memberIDs: members))
            case .deleteZeroPartyFields:
                let zeroParty = context.catalog.fields.filter { $0.party == .zero }.map(\.name)
                let members = try inactiveMembers(before: cutoff).filter { try !context.storedFieldNames(of: $0).isDisjoint(with: zeroParty) }
                if !dryRun {
                    for (index, member) in members.enumerated() {
                        try context.audited(principal, .retentionRun, member: member, fields: zeroParty) { _ in
                            for field in zeroParty { try context.members.deleteValue(field, of: member) }
                        }
                        progress(RetentionProgress(rule: rule.id, membersDone: index + 1))
                    }
                }
                outcomes.append(RetentionOutcome(rule: rule.id, memberIDs: members))
            case .expirePendingDoubleOptIn:
                outcomes.append(RetentionOutcome(rule: rule.id, memberIDs: try expirePendingDoubleOptIns(before: cutoff, dryRun: dryRun, as: principal)))
            }
        }
        let today = context.today.iso
        // A held record someone has asked about (an open request) stays until the request is answered.
        let ended = try context.members.heldMembers(endingBefore: today).filter { try context.requests.openRequests(of: $0).isEmpty }
        if !dryRun {
            for member in ended {
                try context.audited(principal, .retentionRun, member: member) { _ in try context.members.delete(member) }
            }
            try context.audited(principal, .retentionRun) { _ in try context.consents.deleteArchivedProof(heldUntilBefore: today) }
            if let hold = context.policies.retention.legalHolds.first(where: { $0.records == .pointsLedger }) {
                // Bookings made before the first held day began in the controller's time zone (stored times are UTC).
                let cutoff = context.utcStart(ofControllerDay: hold.earliestHeldDay(on: context.today))
                try context.audited(principal, .retentionRun) { _ in try context.rewards.deleteArchived(bookedBefore: cutoff) }
            }
            try context.checkpoint()
        }
        outcomes.append(RetentionOutcome(rule: "legal_hold_ended", memberIDs: ended))
        return outcomes
    }

    /// Members not erased whose last activity (data change or consent event) is before `cutoff` and who wait for no answer to a request.
    private func inactiveMembers(before cutoff: String) throws -> [MemberID] {
        // A member with an open request other than erasure is waiting for an answer about this data: kept until it is
        // answered; also one who asked by contact before joining.
        let waiting = Set(try context.requests.all().filter { $0.status == .open && $0.type != .erasure && $0.byContact }
            .flatMap { try context.membersOf($0) })
        return try context.members.unchanged(since: cutoff).filter {
            try !waiting.contains($0) && !context.consents.hasActivity(of: $0, since: cutoff)
                && context.requests.openRequests(of: $0).allSatisfy { $0.type == .erasure }
        }
    }

    /// Appends an `expire` event for grants still pending double opt-in since before `cutoff`.
    private func expirePendingDoubleOptIns(before cutoff: String, dryRun: Bool, as principal: Principal) throws -> [MemberID] {
        var expired: [MemberID] = []
        for token in try context.consents.unconfirmedExpired(before: context.timestamp) {
            let member = token.member
            guard let purpose = context.policies.purposes.purpose(token.purpose) else { continue }
            let events = try context.consents.events(of: member).filter { $0.purpose == purpose.id && $0.field == token.field }
            guard ConsentEvaluator.derive(events, purpose: purpose, now: context.clock()).state == .pending,
                  let grant = events.last(where: { $0.kind == .grant }), grant.recordedAt < cutoff else { continue }
            expired.append(member)
            if dryRun { continue }
            try context.audited(principal, .retentionRun, purpose: purpose.id, member: member) { _ in
                try context.appendConsentEvent(.expire, member: member, purpose: purpose, field: token.field, channel: nil, actor: principal)
                try context.consents.deleteUnusedTokens(of: member, purpose: purpose.id)
            }
        }
        return expired
    }
}
