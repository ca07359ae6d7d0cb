@testable import ConsentVault
import Foundation
import Testing

@Suite("Audit log: every access recorded, tampering of every kind detected")
struct AuditTests {
    /// A vault with a handful of audited operations.
    private func auditedVault() throws -> (TestVault, MemberID) {
        let test = try TestVault()
        let member = try test.vault.members.enroll([FieldInput("email", "anna@example.de"), FieldInput("birthday", "1990-12-24")],
                                           consents: [ConsentRequest(purpose: "birthday_rewards")], channel: .app, as: admin).member
        let marketing = try test.vault.tokens.principal(for: try test.vault.tokens.create(name: "crm-app", role: "marketing", as: admin))
        _ = try test.vault.members.read(member, purpose: "birthday_rewards", as: marketing)
        _ = try? test.vault.members.read(member, purpose: "loyalty_account", as: marketing)
        try test.vault.consents.withdraw(ConsentRequest(purpose: "birthday_rewards"), for: member, as: admin)
        _ = try test.vault.members.read(member, purpose: "birthday_rewards", fields: ["birthday"], as: marketing)
        return (test, member)
    }

    @Test("entries name principal, role, purpose and fields, never a value; the member only by pseudonym")
    func entries() throws {
        let (test, member) = try auditedVault()
        let entries = try test.vault.audit.entries(for: member, as: admin)
        #expect(entries.map(\.operation) == ["member.enroll", "member.read", "member.read", "consent.withdraw", "member.read"])
        #expect(entries.map(\.outcome) == [.ok, .ok, .denied, .ok, .denied])
        #expect(entries[1].principal == "crm-app" && entries[1].role == "marketing" && entries[1].purpose == "birthday_rewards")
        #expect(entries[1].fieldsReturned == ["birthday"])
        #expect(entries[4].fieldsRequested == ["birthday"] && entries[4].fieldsReturned.isEmpty)
        let raw = try test.rawDatabase().statement("SELECT * FROM audit_log").rows() + test.rawDatabase().statement("SELECT * FROM audit_terms").rows()
        let text = raw.flatMap { $0.compactMap(\.text) }.joined(separator: " ")
        #expect(!text.contains(member.rawValue) && !text.contains("1990") && !text.contains("anna"))
        #expect(try test.vault.audit.verify(as: admin).isIntact)
    }

    @Test("an operation whose audit entry cannot be written fails and changes nothing")
    func auditFailureFailsOperation() throws {
        let test = try TestVault()
        try test.rawDatabase().execute("CREATE TRIGGER refuse BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'disk full'); END")
        #expect(throws: StorageError.self) { _ = try test.vault.members.enroll([FieldInput("email", "anna@example.de")], channel: .app, as: admin) }
        #expect(try test.vault.members.count() == 0)
    }

    private func expectBroken(_ test: TestVault, at sequence: Int, head: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let result = try test.vault.audit.verify(head: head, as: admin)
        #expect(!result.isIntact, sourceLocation: sourceLocation)
        #expect(result.firstBadSequence == sequence, "problem: \(result.problem ?? "")", sourceLocation: sourceLocation)
    }

    @Test("an edited entry is detected at its sequence number")
    func edited() throws {
        let (test, _) = try auditedVault()
        // The first refused read; its position depends on the entries that anchor seals.
        let refused = Int(try test.rawDatabase().statement("""
            SELECT a.seq FROM audit_log a JOIN audit_terms t ON t.code = a.terms WHERE t.outcome = 'denied' ORDER BY a.seq LIMIT 1
            """).rows()[0][0].integer!)
        try test.retargetAuditEntry(refused, "outcome", to: "ok")
        try expectBroken(test, at: refused)
    }

    @Test("an entry re-encoded so it reads the same but hides from per-member queries is named by verify")
    func reencoded() throws {
        for tamper in ["UPDATE audit_log SET subject = lower(hex(subject)) WHERE typeof(subject) = 'blob'",
                       "UPDATE audit_log SET anchor_value = x'' WHERE anchor_value = ''",
                       "UPDATE audit_log SET at_unix = CAST(CAST(at_unix AS TEXT) AS BLOB)"] {
            let (test, member) = try auditedVault()
            let first = Int(try test.rawDatabase().statement("SELECT min(seq) FROM audit_log WHERE typeof(subject) = 'blob'").rows()[0][0].integer!)
            let before = try test.vault.audit.entries(for: member, as: admin).count
            try test.rawDatabase().execute(tamper)
            let result = try test.vault.audit.verify(as: admin)
            #expect(!result.isIntact && result.firstBadSequence ?? .max <= first, "\(tamper): \(result.problem ?? "")")
            #expect(before >= 5)
        }
    }

    @Test("an entry's time or anchor bytes edited, or its shared terms rewritten with the guard dropped, is detected")
    func editedStoredForms() throws {
        for tamper in ["UPDATE audit_log SET at_unix = at_unix + 1 WHERE seq = 4",
                       "UPDATE audit_log SET anchor_value = zeroblob(32) WHERE seq = 4",
                       "DROP TRIGGER audit_terms_stay_update; UPDATE audit_terms SET principal = 'nobody' WHERE code = (SELECT terms FROM audit_log WHERE seq = 4)"] {
            let (test, _) = try auditedVault()
            #expect(try test.rawDatabase().statement("SELECT typeof(anchor_value) AS kind FROM audit_log WHERE seq = 4").rows()[0][0].text == "blob")
            try test.rawDatabase().execute(tamper)
            let result = try test.vault.audit.verify(as: admin)
            #expect(!result.isIntact && (result.firstBadSequence ?? 0) <= 4, "\(tamper): \(result.problem ?? "")")
        }
        let (test, _) = try auditedVault()
        #expect(throws: StorageError.self) { try test.rawDatabase().execute("UPDATE audit_terms SET outcome = 'ok'") }
        #expect(throws: StorageError.self) { try test.rawDatabase().execute("DELETE FROM audit_terms") }
        #expect(try test.vault.audit.verify(as: admin).isIntact)
    }

    @Test("a deleted entry is detected")
    func deleted() throws {
        let (test, _) = try auditedVault()
        try test.rawDatabase().execute("DELETE FROM audit_log WHERE seq = 3")
        try expectBroken(test, at: 3)
    }

    @Test("an inserted entry is detected")
    func inserted() throws {
        let (test, _) = try auditedVault()
        let raw = try test.rawDatabase()
        try raw.execute("UPDATE audit_log SET seq = seq + 1000 WHERE seq >= 3; UPDATE audit_log SET seq = seq - 999 WHERE seq >= 1000")
        try raw.execute("""
            INSERT INTO audit_log (seq, at_unix, terms, subject, chain, anchor_value)
            SELECT 3, at_unix, terms, subject, chain, anchor_value FROM audit_log WHERE seq = 2
            """)
        try test.retargetAuditEntry(3, "principal", to: "someone")
        try expectBroken(test, at: 3)
    }

    @Test("reordered entries are detected")
    func reordered() throws {
        let (test, _) = try auditedVault()
        let raw = try test.rawDatabase()
        try raw.execute("UPDATE audit_log SET seq = -1 WHERE seq = 3; UPDATE audit_log SET seq = 3 WHERE seq = 4; UPDATE audit_log SET seq = 4 WHERE seq = -1")
        try expectBroken(test, at: 3)
    }

    @Test("a chain recomputed without the key (plain BLAKE2b) is detected")
    func forgedChain() throws {
        let (test, _) = try auditedVault()
        let raw = try test.rawDatabase()
        try test.retargetAuditEntry(2, "principal", to: "nobody")
        let anyKey = try SecureBytes.random(count: 32)
        let forger = AuditLog(database: raw, chainKey: anyKey, pseudonymKey: anyKey)
        var previous = AuditLog.genesis
        for entry in try forger.entries() {
            let chain = try forger.link(previous, entry)
            try raw.statement("UPDATE audit_log SET chain = ?1 WHERE seq = ?2").run([.blob(chain), .integer(Int64(entry.sequence))])
            previous = chain
        }
        try expectBroken(test, at: 1)
    }

    @Test("cutting off the newest entries is detected against a head printed earlier")
    func truncated() throws {
        let (test, _) = try auditedVault()
        let head = try test.vault.audit.head(as: admin)
        #expect(try test.vault.audit.verify(head: head, as: admin).isIntact)
        let count = try test.vault.context.auditLog.entries().count
        try test.rawDatabase().execute("DELETE FROM audit_log WHERE seq >= \(count - 1)")
        // Without a head the chain itself looks whole; the cut still shows, because the rows it
        // anchored (the journal position the withdrawal advanced) no longer match the newest anchor left.
        let withoutHead = try test.vault.audit.verify(as: admin)
        #expect(withoutHead.firstBadSequence == nil && withoutHead.tamperedRows == ["table meta"])
        try expectBroken(test, at: count - 1, head: head)
    }
}
