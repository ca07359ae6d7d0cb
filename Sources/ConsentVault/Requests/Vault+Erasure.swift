import Foundation

/// Erasure (GDPR Art. 17): everything about a member goes in one transaction, except data under a
/// legal hold, which is kept restricted until the hold ends; then the WAL is checkpointed and
/// truncated so no page image of the erased data remains beside the vault file.
extension Vault {
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
        /// The member.
        public let member: MemberID
        /// Whether this was only a plan.
        public let dryRun: Bool
        /// What was (or would be) erased.
        public let erased: [String]
        /// What was (or would be) kept, with the reason and the end date.
        public let kept: [KeptItem]
    }

    /// Erases `member`. With `dryRun` nothing changes and the report says what would happen.
    public func erase(_ member: MemberID, request: String? = nil, dryRun: Bool = false, as principal: Principal) throws -> ErasureReport {
        if dryRun {
            try authorize(AuditLog.Record(principal: principal, operation: .dsrErase, member: member))
            return try database.readTransaction { try erasurePlan(member).report(member: member, dryRun: true) }
        }
        let tag = try keys.erasureTag(member)
        _ = try memberRecord(member)
        try erasureJournal.append(tag: tag, at: Timestamp.string(clock()))
        let report = try audited(principal, .dsrErase, member: member) { _ in
            let plan = try erasurePlan(member)
            try apply(plan, to: member, tag: tag)
            if let request {
                try database.statement("UPDATE requests SET status = 'closed', outcome = 'fulfilled', closed_at = ?2 WHERE id = ?1 AND status = 'open'")
                    .run([.text(request), .text(Timestamp.string(clock()))])
            }
            return plan.report(member: member, dryRun: false)
        }
        try checkpoint()
        return report
    }

    /// Re-applies every erasure in the journal to members a restore brought back.
    func reapplyJournal() throws {
        let tags = try erasureJournal.tags()
        guard !tags.isEmpty else { return }
        var resurrected: [MemberID] = []
        for chunk in stride(from: 0, to: tags.count, by: 500).map({ Array(tags[$0..<min($0 + 500, tags.count)]) }) {
            let placeholders = chunk.indices.map { "?\($0 + 1)" }.joined(separator: ", ")
            resurrected += try database.statement("SELECT id FROM members WHERE erased_at IS NULL AND erasure_tag IN (\(placeholders))")
                .rows(chunk.map { .text($0) }).map { try MemberID($0[0].text ?? "") }
        }
        let system = Principal(name: "erasure-journal", role: Principal.localAdministrator.role)
        for member in resurrected {
            try audited(system, .dsrErase, member: member) { _ in try apply(try erasurePlan(member), to: member, tag: try keys.erasureTag(member)) }
        }
        if !resurrected.isEmpty { try checkpoint() }
    }

    /// What erasing `member` means under the current legal holds.
    private func erasurePlan(_ member: MemberID) throws -> ErasurePlan {
        let stored = try storedFieldNames(of: member)
        let now = clock()
        func until(_ years: Int) -> String {
            DueDate.adding(months: years * 12, to: BirthDate.Day.today(now)).iso
        }
        var heldFields: [String: (hold: LegalHold, until: String)] = [:]
        var consentHold: (hold: LegalHold, until: String)?
        for hold in policies.retention.legalHolds {
            if hold.records == "consent_events" { consentHold = (hold, until(hold.years)); continue }
            guard hold.appliesWhenFieldPresent.map(stored.contains) ?? true else { continue }
            for field in hold.fields ?? [] where stored.contains(field) { heldFields[field] = (hold, until(hold.years)) }
        }
        let count = { (sql: String) throws -> Int in Int(try self.database.statement(sql).rows([.text(member.rawValue)]).first?.first?.integer ?? 0) }
        return ErasurePlan(storedFields: stored.sorted(), heldFields: heldFields, consentHold: consentHold,
                           consentEvents: try count("SELECT count(*) FROM consent_events WHERE member_id = ?1"),
                           pointsEntries: try count("SELECT count(*) FROM points_ledger WHERE member_id = ?1"),
                           pseudonymizePoints: policies.retention.pointsLedgerOnErasure == "pseudonymize")
    }

    /// Carries out `plan` inside the caller's transaction.
    private func apply(_ plan: ErasurePlan, to member: MemberID, tag: String) throws {
        let id = SQLValue.text(member.rawValue)
        if let hold = plan.consentHold {
            try database.statement("""
                INSERT INTO consent_proof_archive (member_tag, purpose, field, event, notice_version, notice_sha256, channel, captured_at, evidence, held_until)
                SELECT ?2, purpose, field, event, notice_version, notice_sha256, channel, captured_at, evidence, ?3 FROM consent_events WHERE member_id = ?1
                """).run([id, .text(tag), .text(hold.until)])
        }
        if plan.pseudonymizePoints {
            try database.statement("""
                INSERT INTO points_archive (member_tag, rule_id, rule_version, scope_key, points, at)
                SELECT ?2, rule_id, rule_version, scope_key, points, at FROM points_ledger WHERE member_id = ?1
                """).run([id, .text(tag)])
        }
        for table in ["consent_events", "points_ledger", "profile_asks", "doi_tokens", "field_restrictions", "member_restrictions", "blind_indexes",
                      "prompt_sessions"] {
            try database.statement("DELETE FROM \(table) WHERE member_id = ?1").run([id])
        }
        try database.statement("UPDATE requests SET member_id = NULL WHERE member_id = ?1").run([id])
        for field in plan.storedFields where plan.heldFields[field] == nil { try removeField(field, of: member) }
        if plan.heldFields.isEmpty {
            try database.statement("DELETE FROM members WHERE id = ?1").run([id])
        } else {
            try database.statement("UPDATE members SET erased_at = ?2, held_until = ?3 WHERE id = ?1")
                .run([id, .text(Timestamp.string(clock())), .text(plan.heldFields.values.map(\.until).max() ?? "")])
        }
    }
}

/// The decisions of one erasure, computed once and used both for the dry run and the real one.
struct ErasurePlan {
    let storedFields: [String]
    let heldFields: [String: (hold: LegalHold, until: String)]
    let consentHold: (hold: LegalHold, until: String)?
    let consentEvents: Int
    let pointsEntries: Int
    let pseudonymizePoints: Bool

    /// The report of this plan.
    func report(member: MemberID, dryRun: Bool) -> Vault.ErasureReport {
        var erased = storedFields.filter { heldFields[$0] == nil }.map { "field \($0)" }
        var kept = heldFields.keys.sorted().map { field in
            Vault.KeptItem(what: "field \(field) (readable only for \(heldFields[field]!.hold.purpose ?? "legal obligations"))",
                           why: "\(heldFields[field]!.hold.id): \(heldFields[field]!.hold.basis)", until: heldFields[field]!.until)
        }
        erased.append(heldFields.isEmpty ? "data key (every remaining ciphertext becomes unreadable)" : "lookup indexes")
        if let consentHold, consentEvents > 0 {
            kept.append(Vault.KeptItem(what: "\(consentEvents) consent event(s) under a pseudonym, without the member id",
                                       why: "\(consentHold.hold.id): \(consentHold.hold.basis)", until: consentHold.until))
        } else if consentEvents > 0 {
            erased.append("\(consentEvents) consent event(s)")
        }
        if pseudonymizePoints && pointsEntries > 0 {
            kept.append(Vault.KeptItem(what: "\(pointsEntries) points ledger entr(ies) under a pseudonym", why: "accounting (points_ledger_on_erasure)", until: nil))
        } else if pointsEntries > 0 {
            erased.append("\(pointsEntries) points ledger entr(ies)")
        }
        erased.append("profile asks, confirmation tokens, restrictions and prompt sessions")
        return Vault.ErasureReport(member: member, dryRun: dryRun, erased: erased, kept: kept)
    }
}
