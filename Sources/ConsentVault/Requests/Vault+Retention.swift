import Foundation

/// The retention run (GDPR Art. 5(1)(e)): applies `retention.json` by itself, idempotently.
extension Vault {
    /// What one rule did (or would do).
    public struct RetentionOutcome: Sendable, Equatable {
        /// Rule id, or `legal_hold_ended`.
        public let rule: String
        /// Members affected.
        public let members: Int
    }

    /// Applies every retention rule and ends expired legal holds. With `dryRun` nothing changes
    /// (not even the audit log) and the outcome says what would happen. `progress` is told how
    /// many members each step has handled.
    public func runRetention(dryRun: Bool = false, as principal: Principal,
                             progress: (String, Int) -> Void = { _, _ in }) throws -> [RetentionOutcome] {
        try authorize(AuditLog.Record(principal: principal, operation: .retentionRun))
        var outcomes: [RetentionOutcome] = []
        for rule in policies.retention.rules {
            let cutoff = Timestamp.string(clock().addingTimeInterval(-Double(rule.afterDays) * 86_400))
            switch rule.action {
            case "erase_member":
                let members = try inactiveMembers(before: cutoff)
                if !dryRun { for (index, member) in members.enumerated() { _ = try erase(member, as: principal); progress(rule.id, index + 1) } }
                outcomes.append(RetentionOutcome(rule: rule.id, members: members.count))
            case "delete_zero_party_fields":
                let zeroParty = catalog.fields.filter { $0.party == .zero }.map(\.name)
                let members = try inactiveMembers(before: cutoff).filter { try !storedFieldNames(of: $0).isDisjoint(with: zeroParty) }
                if !dryRun {
                    for (index, member) in members.enumerated() {
                        try audited(principal, .retentionRun, member: member, fields: zeroParty) { _ in
                            for field in zeroParty { try removeField(field, of: member) }
                        }
                        progress(rule.id, index + 1)
                    }
                }
                outcomes.append(RetentionOutcome(rule: rule.id, members: members.count))
            default:
                outcomes.append(RetentionOutcome(rule: rule.id, members: try expirePendingDoubleOptIns(before: cutoff, dryRun: dryRun, as: principal)))
            }
        }
        let today = BirthDate.Day.today(clock()).iso
        let ended = try database.statement("SELECT id FROM members WHERE erased_at IS NOT NULL AND held_until < ?1").rows([.text(today)])
            .map { try MemberID($0[0].text ?? "") }
        if !dryRun {
            for member in ended {
                try audited(principal, .retentionRun, member: member) { _ in
                    try database.statement("DELETE FROM members WHERE id = ?1").run([.text(member.rawValue)])
                }
            }
            try audited(principal, .retentionRun) { _ in
                try database.statement("DELETE FROM consent_proof_archive WHERE held_until < ?1").run([.text(today)])
            }
            try checkpoint()
        }
        outcomes.append(RetentionOutcome(rule: "legal_hold_ended", members: ended.count))
        return outcomes
    }

    /// Members not erased whose last activity (data change or consent event) is before `cutoff`.
    private func inactiveMembers(before cutoff: String) throws -> [MemberID] {
        try database.statement("""
            SELECT id FROM members m WHERE erased_at IS NULL AND updated_at < ?1
              AND NOT EXISTS (SELECT 1 FROM consent_events c WHERE c.member_id = m.id AND c.recorded_at >= ?1)
            ORDER BY id
            """).rows([.text(cutoff)]).map { try MemberID($0[0].text ?? "") }
    }

    /// Appends an `expire` event for grants still pending double opt-in since before `cutoff`.
    private func expirePendingDoubleOptIns(before cutoff: String, dryRun: Bool, as principal: Principal) throws -> Int {
        let rows = try database.statement("""
            SELECT DISTINCT member_id, purpose, field FROM doi_tokens WHERE used_at IS NULL AND expires_at < ?1
            """).rows([.text(Timestamp.string(clock()))])
        var expired = 0
        for row in rows {
            let member = try MemberID(row[0].text ?? "")
            guard let purpose = policies.purposes.purpose(row[1].text ?? "") else { continue }
            let field = (row[2].text ?? "").isEmpty ? nil : row[2].text
            let events = try ConsentLedger(database: database).events(of: member).filter { $0.purpose == purpose.id && $0.field == field }
            guard ConsentEvaluator.derive(events, purpose: purpose, now: clock()).state == .pending,
                  let grant = events.last(where: { $0.kind == .grant }), grant.recordedAt < cutoff else { continue }
            expired += 1
            if dryRun { continue }
            try audited(principal, .retentionRun, purpose: purpose.id, member: member) { _ in
                try ConsentLedger(database: database).append(member: member, purpose: purpose, field: field, kind: .expire, channel: nil,
                                                             evidence: ConsentEvidence(), actor: principal, now: clock())
                try database.statement("DELETE FROM doi_tokens WHERE member_id = ?1 AND purpose = ?2 AND used_at IS NULL")
                    .run([.text(member.rawValue), .text(purpose.id)])
            }
        }
        return expired
    }
}
