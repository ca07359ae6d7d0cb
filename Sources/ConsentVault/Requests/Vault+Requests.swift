import Foundation

/// Data subject requests and their deadlines (GDPR Art. 12(3)); restriction and objection take
/// effect when they are opened.
extension Vault {
    /// Accepted outcomes of a closed request.
    static let requestOutcomes: Set<String> = ["fulfilled", "refused", "withdrawn"]

    /// Records a request received on `receivedOn` (`YYYY-MM-DD`, default today) and returns it
    /// with its due date. A restriction restricts the member at once; an objection withdraws
    /// every purpose based on legitimate interest.
    public func openRequest(_ type: RequestType, for member: MemberID, receivedOn: String? = nil, channel: Channel? = nil,
                            as principal: Principal) throws -> DataSubjectRequest {
        let today = BirthDate.Day.today(clock())
        guard let received = receivedOn.map(DueDate.day) ?? today else { throw RequestError.invalidDate(receivedOn ?? "") }
        let id = "dsr_" + KeyFileFormat.hex(Sodium.randomPublicBytes(count: 6))
        let due = DueDate.adding(months: 1, to: received).iso
        return try audited(principal, .dsrOpen, member: member) { _ in
            _ = try memberRecord(member)
            try database.statement("""
                INSERT INTO requests (id, member_id, member_tag, type, channel, received_on, due_on, opened_by)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                """).run([.text(id), .text(member.rawValue), .text(try keys.erasureTag(member)), .text(type.rawValue),
                          channel.map { .text($0.rawValue) } ?? .null, .text(received.iso), .text(due), .text(principal.name)])
            if type == .restriction {
                try database.statement("INSERT OR IGNORE INTO member_restrictions (member_id, request_id, since) VALUES (?1, ?2, ?3)")
                    .run([.text(member.rawValue), .text(id), .text(Timestamp.string(clock()))])
            }
            if type == .objection {
                let ledger = ConsentLedger(database: database)
                for purpose in policies.purposes.purposes where purpose.lawfulBasis == .legitimateInterest {
                    try ledger.append(member: member, purpose: purpose, field: nil, kind: .withdraw, channel: channel,
                                      evidence: ConsentEvidence(), actor: principal, now: clock())
                }
            }
            return try request(id)
        }
    }

    /// Requests, oldest due first; `overdue` keeps open ones past their due date.
    public func listRequests(overdue: Bool = false, as principal: Principal) throws -> [DataSubjectRequest] {
        try audited(principal, .dsrList) { _ in
            let today = BirthDate.Day.today(clock()).iso
            return try database.statement("SELECT id FROM requests ORDER BY coalesce(extended_due_on, due_on), id").rows()
                .map { try request($0[0].text ?? "") }
                .filter { !overdue || ($0.status == "open" && $0.dueOn < today) }
        }
    }

    /// One request.
    public func showRequest(_ id: String, as principal: Principal) throws -> DataSubjectRequest {
        try audited(principal, .dsrShow) { _ in try request(id) }
    }

    /// Extends the deadline by two further months (once), with a reason.
    public func extendRequest(_ id: String, reason: String, as principal: Principal) throws -> DataSubjectRequest {
        guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else { throw RequestError.extensionNeedsReason }
        return try audited(principal, .dsrExtend) { _ in
            let current = try request(id)
            guard current.status == "open" else { throw RequestError.alreadyClosed(id) }
            guard current.extensionReason == nil, let due = DueDate.day(current.dueOn) else { throw RequestError.alreadyExtended(id) }
            try database.statement("UPDATE requests SET extended_due_on = ?2, extension_reason = ?3 WHERE id = ?1")
                .run([.text(id), .text(DueDate.adding(months: 2, to: due).iso), .text(reason)])
            return try request(id)
        }
    }

    /// Closes a request with `outcome`; closing a restriction lifts it.
    public func closeRequest(_ id: String, outcome: String, as principal: Principal) throws -> DataSubjectRequest {
        guard Self.requestOutcomes.contains(outcome) else { throw RequestError.invalidOutcome(outcome) }
        return try audited(principal, .dsrClose) { _ in
            let current = try request(id)
            guard current.status == "open" else { throw RequestError.alreadyClosed(id) }
            try database.statement("UPDATE requests SET status = 'closed', outcome = ?2, closed_at = ?3 WHERE id = ?1")
                .run([.text(id), .text(outcome), .text(Timestamp.string(clock()))])
            try database.statement("DELETE FROM member_restrictions WHERE request_id = ?1").run([.text(id)])
            return try request(id)
        }
    }

    /// Open requests of `member`.
    func openRequests(of member: MemberID) throws -> [DataSubjectRequest] {
        try database.statement("SELECT id FROM requests WHERE member_id = ?1 AND status = 'open' ORDER BY received_on, id")
            .rows([.text(member.rawValue)]).map { try request($0[0].text ?? "") }
    }

    private func request(_ id: String) throws -> DataSubjectRequest {
        let rows = try database.statement("""
            SELECT id, member_id, type, channel, received_on, coalesce(extended_due_on, due_on), extension_reason, status, outcome
            FROM requests WHERE id = ?1
            """).rows([.text(id)])
        guard let row = rows.first else { throw RequestError.unknownRequest(id) }
        return DataSubjectRequest(id: row[0].text ?? "", member: try row[1].text.map { try MemberID($0) },
                                  type: RequestType(rawValue: row[2].text ?? "") ?? .access, channel: row[3].text,
                                  receivedOn: row[4].text ?? "", dueOn: row[5].text ?? "", extensionReason: row[6].text,
                                  status: row[7].text ?? "", outcome: row[8].text)
    }
}
