@testable import ConsentVault
import Foundation
import Testing

/// Each test edits the vault file the way an attacker with `sqlite3` and no key would, then checks
/// that the operation depending on the edited rows fails and `audit verify` names them.
@Suite("Integrity: rows that decide access are sealed; edits outside the vault are refused")
struct IntegrityTests {
    /// A vault with Anna, who granted and then withdrew `personalized_offers` (clothing size
    /// restricted afterwards), and a marketing principal.
    private func prepared() throws -> (test: TestVault, anna: MemberID, marketing: Principal) {
        let test = try TestVault()
        let anna = try test.vault.members.enroll([FieldInput("email", "anna@example.de"), FieldInput("clothing_size", "M")],
                                                 consents: [ConsentRequest(purpose: "personalized_offers")], channel: .app, as: admin).member
        try test.vault.consents.withdraw(ConsentRequest(purpose: "personalized_offers"), for: anna, as: admin)
        let marketing = try test.vault.tokens.principal(for: try test.vault.tokens.create(name: "crm-app", role: "marketing", as: admin))
        return (test, anna, marketing)
    }

    private func expectTampered(_ test: TestVault, _ anna: MemberID, _ marketing: Principal, _ note: Comment) throws {
        #expect(throws: IntegrityError.memberTampered(member: anna.rawValue), note) {
            _ = try test.vault.members.read(anna, purpose: "personalized_offers", as: marketing)
        }
        #expect(try test.vault.audit.verify(as: admin).tamperedRows == ["member \(anna.rawValue)"], note)
    }

    @Test("the legitimate history verifies and marketing gets nothing after the withdrawal")
    func untouched() throws {
        let (test, anna, marketing) = try prepared()
        #expect(try test.vault.members.read(anna, purpose: "personalized_offers", as: marketing).fields.isEmpty)
        #expect(try test.vault.audit.verify(as: admin).isIntact)
    }

    @Test("deleting a member row outside the vault is reported by audit verify; an erasure that deletes it is not")
    func deletedMemberRow() throws {
        let (test, anna, _) = try prepared()
        let bernd = try test.vault.members.enroll([FieldInput("email", "bernd@example.de")], channel: .app, as: admin).member
        _ = try test.vault.requests.erase(bernd, as: admin)
        #expect(try test.vault.audit.verify(as: admin).isIntact, "a deletion the vault made is recorded")
        try test.rawDatabase().execute("DELETE FROM members WHERE id = '\(anna.rawValue)'")
        let pseudonym = try test.vault.context.auditLog.pseudonym(anna)
        #expect(try test.vault.audit.verify(as: admin).tamperedRows == ["member row missing (audit pseudonym \(pseudonym))"])
    }

    @Test("deleting the withdrawal from the ledger is detected")
    func deletedWithdrawal() throws {
        let (test, anna, marketing) = try prepared()
        try test.rawDatabase().execute("DELETE FROM consent_events WHERE terms IN (SELECT code FROM consent_terms WHERE event = 'withdraw')")
        try expectTampered(test, anna, marketing, "deleted withdraw")
    }

    @Test("turning an event into a grant, with the append-only triggers dropped, is detected: through the event or its shared terms")
    func rewrittenEvent() throws {
        let withdrawals = "SELECT code FROM consent_terms WHERE event = 'withdraw'"
        let grantTerms = "SELECT g.code FROM consent_terms g, consent_terms w WHERE w.code = consent_events.terms AND g.event = 'grant' AND g.purpose = w.purpose"
        for tamper in ["DROP TRIGGER consent_events_append_only; UPDATE consent_events SET terms = (\(grantTerms) LIMIT 1) WHERE terms IN (\(withdrawals))",
                       "DROP TRIGGER consent_terms_stay_update; UPDATE consent_terms SET event = 'grant' WHERE event = 'withdraw'"] {
            let (test, anna, marketing) = try prepared()
            try test.rawDatabase().execute(tamper)
            try expectTampered(test, anna, marketing, "rewritten event")
        }
    }

    @Test("a ledger counter set back cannot file a withdrawal before the grant it withdraws")
    func counterSetBack() throws {
        let test = try TestVault()
        let anna = try test.vault.members.enroll([FieldInput("email", "anna@example.de"), FieldInput("clothing_size", "M")],
                                                 consents: [ConsentRequest(purpose: "personalized_offers")], channel: .app, as: admin).member
        let marketing = try test.vault.tokens.principal(for: try test.vault.tokens.create(name: "crm-app", role: "marketing", as: admin))
        #expect(try !test.vault.members.read(anna, purpose: "personalized_offers", as: marketing).fields.isEmpty)
        try test.rawDatabase().execute("UPDATE ledger_counters SET last = 0")
        try test.vault.consents.withdraw(ConsentRequest(purpose: "personalized_offers"), for: anna, as: admin)
        #expect(try test.vault.members.read(anna, purpose: "personalized_offers", as: marketing).fields.isEmpty)
        let events = try test.vault.context.consents.events(of: anna)
        #expect(events.last?.kind == .withdraw && events.map(\.sequence) == events.map(\.sequence).sorted())
        #expect(try test.vault.audit.verify(as: admin).isIntact)
        try test.rawDatabase().execute("DELETE FROM ledger_counters")
        #expect(throws: StorageError.self) { _ = try test.vault.consents.grant(ConsentRequest(purpose: "personalized_offers"), for: anna, channel: .app, as: admin) }
    }

    @Test("inserting a grant the member never gave is detected")
    func forgedGrant() throws {
        let (test, anna, marketing) = try prepared()
        try test.rawDatabase().execute("""
            INSERT INTO consent_events (member_key, seq, terms, notice_sha256, captured_unix, recorded_unix, evidence)
            SELECT member_key, seq + 1000, terms, notice_sha256, captured_unix, recorded_unix, evidence FROM consent_events
            WHERE terms IN (SELECT code FROM consent_terms WHERE event = 'grant') LIMIT 1
            """)
        try expectTampered(test, anna, marketing, "forged grant")
    }

    @Test("deleting a field restriction is detected")
    func deletedRestriction() throws {
        let test = try TestVault()
        let anna = try test.vault.members.enroll([FieldInput("shoe_size", "39")], consents: [ConsentRequest(purpose: "ai_personalization")],
                                                 channel: .app, as: admin).member
        try test.vault.consents.withdraw(ConsentRequest(purpose: "ai_personalization"), for: anna, as: admin)
        let restricted = try test.rawDatabase().statement("SELECT field FROM field_restrictions").rows().map { $0[0] }
        #expect(restricted.contains(.text("shoe_size")))
        try test.rawDatabase().execute("DELETE FROM field_restrictions")
        #expect(throws: IntegrityError.memberTampered(member: anna.rawValue)) { _ = try test.vault.consents.states(of: anna, as: admin) }
    }

    @Test("an older ciphertext of the same field put back is detected")
    func replayedCiphertext() throws {
        let test = try TestVault()
        let anna = try test.vault.members.enroll([FieldInput("email", "anna@example.de")], channel: .app, as: admin).member
        let old = try test.rawDatabase().statement("SELECT ciphertext FROM member_fields WHERE field = 'email'").rows()[0][0]
        try test.vault.members.set("email", to: "anna.neu@example.de", for: anna, as: admin)
        try test.rawDatabase().statement("UPDATE member_fields SET ciphertext = ?1 WHERE field = 'email'").run([old])
        #expect(throws: IntegrityError.memberTampered(member: anna.rawValue)) { _ = try test.vault.members.read(anna, purpose: "loyalty_account", as: admin) }
    }

    @Test("an index entry pointing a lookup at another member is detected")
    func redirectedIndex() throws {
        let test = try TestVault()
        let anna = try test.vault.members.enroll([FieldInput("email", "anna@example.de")], channel: .app, as: admin).member
        let bernd = try test.vault.members.enroll([FieldInput("email", "bernd@example.de")], channel: .app, as: admin).member
        try test.rawDatabase().statement("UPDATE blind_indexes SET member_key = (SELECT key FROM members WHERE id = ?1) WHERE member_key = (SELECT key FROM members WHERE id = ?2)").run([.text(bernd.rawValue), .text(anna.rawValue)])
        #expect(throws: IntegrityError.self) { _ = try test.vault.members.find("email", equals: "anna@example.de", as: admin) }
    }

    @Test("a token's role raised from marketing to dpo is refused, and verify names the table")
    func raisedRole() throws {
        let test = try TestVault()
        let token = try test.vault.tokens.create(name: "crm-app", role: "marketing", as: admin)
        try test.rawDatabase().execute("UPDATE access_tokens SET role = 'dpo'")
        #expect(throws: IntegrityError.tableTampered(table: "tokens")) { _ = try test.vault.tokens.principal(for: token) }
        #expect(try test.vault.audit.verify(as: admin).tamperedRows == ["table tokens"])
    }

    @Test("an edited roles.json stored in the vault stops the vault from opening")
    func editedRoles() throws {
        let test = try TestVault()
        let stored = try test.rawDatabase().statement("SELECT document FROM policies WHERE name = 'roles.json'").rows()[0][0].blob!
        let widened = String(decoding: stored, as: UTF8.self).replacingOccurrences(of: "\"member.read\",", with: "\"member.read\", \"dsr.erase\",")
        try test.rawDatabase().statement("UPDATE policies SET document = ?1 WHERE name = 'roles.json'").run([.blob(Array(widened.utf8))])
        #expect(throws: IntegrityError.tableTampered(table: "policies")) { _ = try Vault.open(at: test.vaultPath, keyRing: test.ring) }
    }

    @Test("an edited request and a deleted seal marker are detected")
    func requestsAndMarker() throws {
        let test = try TestVault()
        let anna = try test.vault.members.enroll([FieldInput("email", "anna@example.de")], channel: .app, as: admin).member
        let request = try test.vault.requests.open(.restriction, for: anna, as: admin)
        try test.rawDatabase().execute("UPDATE requests SET status = 'closed'")
        #expect(throws: IntegrityError.tableTampered(table: "requests")) { _ = try test.vault.requests.show(request.id, as: admin) }
        try test.rawDatabase().execute("DELETE FROM vault_seals WHERE name = 'sealed'")
        #expect(throws: IntegrityError.sealMarkerMissing) { _ = try Vault.open(at: test.vaultPath, keyRing: test.ring) }
    }

    /// Puts back `tables` rows of `member` (or whole tables when `member` is nil), with their seals,
    /// from the copy at `old`: the attack of someone holding an older backup and the vault file.
    private func putBack(_ test: TestVault, from old: String, into target: String? = nil, member: MemberID?, tables: [String],
                         seals: [String] = []) throws {
        let raw = try target.map { try Database(path: $0, create: false) } ?? test.rawDatabase()
        try raw.execute("ATTACH '\(old)' AS o; DROP TRIGGER IF EXISTS consent_events_append_only")
        for table in tables {
            // Formats 2 and 3 name a member's rows by its key, the same in the old copy as in the vault.
            let column = table == "members" ? "id" : FormatTwo.tables.contains(table) ? "member_key" : "member_id"
            let columns = try TestVault.storedColumns(table, in: raw)
            let filter = member.map { column == "member_key" ? " WHERE member_key = (SELECT key FROM o.members WHERE id = '\($0.rawValue)')"
                : " WHERE \(column) = '\($0.rawValue)'" } ?? ""
            try raw.execute("DELETE FROM main.\(table)\(filter); INSERT INTO main.\(table) (\(columns)) SELECT \(columns) FROM o.\(table)\(filter)")
        }
        for seal in seals {
            try raw.execute("DELETE FROM main.vault_seals WHERE name = '\(seal)'; INSERT INTO main.vault_seals SELECT * FROM o.vault_seals WHERE name = '\(seal)'")
        }
        try raw.execute("DETACH o")
    }

    @Test("a member's rows and seal put back from an older copy are refused: the audit log anchors the newer seal")
    func memberRolledBack() throws {
        let (test, anna, marketing) = try prepared()
        let old = test.folder.appendingPathComponent("old.vault").path
        try test.vault.backup(to: old, as: admin)
        _ = try test.vault.consents.grant(ConsentRequest(purpose: "email_marketing"), for: anna, channel: .app, as: admin)
        try test.vault.consents.withdraw(ConsentRequest(purpose: "email_marketing"), for: anna, as: admin)
        try putBack(test, from: old, member: anna, tables: ["members", "member_fields", "blind_indexes", "consent_events", "doi_tokens",
                                                             "field_restrictions", "points_ledger"])
        #expect(throws: IntegrityError.memberTampered(member: anna.rawValue)) {
            _ = try test.vault.members.read(anna, purpose: "email_marketing", as: marketing)
        }
        #expect(try test.vault.audit.verify(as: admin).tamperedRows.contains("member \(anna.rawValue)"))
    }

    @Test("an erased member put back from an older copy is refused")
    func erasedMemberRolledBack() throws {
        let test = try TestVault()
        let anna = try test.vault.members.enroll([FieldInput("email", "anna@example.de")], channel: .app, as: admin).member
        let old = test.folder.appendingPathComponent("old.vault").path
        try test.vault.backup(to: old, as: admin)
        _ = try test.vault.requests.erase(anna, as: admin)
        try putBack(test, from: old, member: anna, tables: ["members", "member_fields", "blind_indexes"])
        #expect(throws: IntegrityError.memberTampered(member: anna.rawValue)) { _ = try test.vault.members.read(anna, purpose: "loyalty_account", as: admin) }
        #expect(throws: IntegrityError.memberTampered(member: anna.rawValue)) { _ = try test.vault.members.find("email", equals: "anna@example.de", as: admin) }
    }

    @Test("a revoked token's table, or the metadata with the journal position, put back with their seals is refused")
    func tablesRolledBack() throws {
        let test = try TestVault()
        let token = try test.vault.tokens.create(name: "crm-app", role: "marketing", as: admin)
        let anna = try test.vault.members.enroll([FieldInput("email", "anna@example.de")], channel: .app, as: admin).member
        let old = test.folder.appendingPathComponent("old.vault").path
        try test.vault.backup(to: old, as: admin)
        try test.vault.tokens.revoke(name: "crm-app", as: admin)
        _ = try test.vault.requests.erase(anna, as: admin)
        try putBack(test, from: old, member: nil, tables: ["access_tokens"], seals: ["tokens"])
        #expect(throws: IntegrityError.tableTampered(table: "tokens")) { _ = try test.vault.tokens.principal(for: token) }
        // The other way round: an old copy given the live metadata and journal position.
        let live = test.folder.appendingPathComponent("live.vault").path
        try test.vault.backup(to: live, as: admin)
        let rolled = test.folder.appendingPathComponent("rolled.vault").path
        try FileManager.default.copyItem(atPath: old, toPath: rolled)
        try putBack(test, from: live, into: rolled, member: nil, tables: ["vault_meta"], seals: ["meta"])
        #expect(throws: IntegrityError.tableTampered(table: "meta")) {
            _ = try Vault.open(at: rolled, keyRing: test.ring, erasureJournal: test.vaultPath + ".erasures")
        }
    }

    @Test("a rollback whose newer anchor was blanked is refused at the next read")
    func blankedAnchor() throws {
        let (test, anna, marketing) = try prepared()
        let old = test.folder.appendingPathComponent("old.vault").path
        try test.vault.backup(to: old, as: admin)
        _ = try test.vault.consents.grant(ConsentRequest(purpose: "email_marketing"), for: anna, channel: .app, as: admin)
        try test.vault.consents.withdraw(ConsentRequest(purpose: "email_marketing"), for: anna, as: admin)
        try putBack(test, from: old, member: anna, tables: ["members", "member_fields", "blind_indexes", "consent_events", "doi_tokens",
                                                             "field_restrictions", "points_ledger"])
        let pseudonym = try test.vault.context.auditLog.pseudonym(anna)
        try test.rawDatabase().statement("UPDATE audit_log SET anchor_value = '' WHERE member = ?1 AND seq > (SELECT max(seq) - 6 FROM audit_log)")
            .run([.text(pseudonym)])
        #expect(throws: IntegrityError.self) { _ = try test.vault.members.read(anna, purpose: "email_marketing", as: marketing) }
    }

    @Test("an audit index rebuilt to hide entries is named by audit verify")
    func forgedIndex() throws {
        let (test, _, _) = try prepared()
        try test.rawDatabase().execute("""
            DROP INDEX audit_log_by_subject; CREATE INDEX audit_log_by_subject ON audit_log(subject) WHERE seq <> 3;
            PRAGMA writable_schema = ON;
            UPDATE sqlite_schema SET sql = 'CREATE INDEX audit_log_by_subject ON audit_log(subject)' WHERE name = 'audit_log_by_subject';
            PRAGMA writable_schema = OFF;
            """)
        let result = try Vault.open(at: test.vaultPath, keyRing: test.ring).audit.verify(as: admin)
        #expect(!result.isIntact && result.tamperedRows.contains { $0.hasPrefix("file structure:") }, "\(result.tamperedRows)")
    }
}
