@testable import ConsentVault
import Foundation
import Testing

/// The suppression list: after an erasure or an objection, no enrolment, import or grant adds the
/// same email or phone to direct marketing again, until a DPO lifts the entry.
@Suite("Suppression list: erased and objecting contacts stay out of direct marketing")
struct SuppressionTests {
    private let dpo = Principal(name: "dpo-desk", role: "dpo")

    private func erasedContact(_ test: TestVault, email: String = "weg@example.de", phone: String = "0171 2345678") throws {
        let member = try test.vault.members.enroll([FieldInput("email", email), FieldInput("phone", phone)],
                                                   consents: [ConsentRequest(purpose: "email_marketing")], channel: .web, as: admin).member
        _ = try test.vault.requests.erase(member, as: admin)
    }

    @Test("an erased member's email cannot be enrolled into marketing again; the refusal changes nothing; without marketing it can")
    func erasureSuppressesEnrolment() throws {
        let test = try TestVault()
        try erasedContact(test)
        let before = try test.worldSnapshot()
        let error = #expect(throws: SuppressionError.self) {
            try test.vault.members.enroll([FieldInput("email", " WEG@example.de ")], consents: [ConsentRequest(purpose: "email_marketing")],
                                          channel: .web, as: admin)
        }
        #expect(error?.code == "contact_suppressed")
        #expect(error.map { !String(describing: $0).contains("weg@") } == true, "the refusal never names the value")
        #expect(try test.worldSnapshot() == before)
        try erasedContact(test, email: "jörg@bücher.de", phone: "0171 7654321")
        #expect(throws: SuppressionError.self, "the Punycode spelling of the domain is the same address") {
            try test.vault.members.enroll([FieldInput("email", "jörg@xn--bcher-kva.de")], consents: [ConsentRequest(purpose: "email_marketing")],
                                          channel: .web, as: admin)
        }
        // The phone alone is enough to recognise the person, in any spelling.
        #expect(throws: SuppressionError.self) {
            try test.vault.members.enroll([FieldInput("phone", "+49 171 2345678")], consents: [ConsentRequest(purpose: "email_marketing")],
                                          channel: .web, as: admin)
        }
        // Not direct marketing: the account itself may be opened again.
        let again = try test.vault.members.enroll([FieldInput("email", "weg@example.de")], channel: .web, as: admin).member
        #expect(throws: SuppressionError.self) {
            try test.vault.consents.grant(ConsentRequest(purpose: "email_marketing"), for: again, channel: .web, as: admin)
        }
        let other = try test.vault.members.enroll([FieldInput("email", "neu@example.de")], consents: [ConsentRequest(purpose: "email_marketing")],
                                                  channel: .web, as: admin)
        #expect(other.consents.count == 1)
    }

    @Test("an import line that would put a suppressed contact into marketing is rejected by number; the others are imported")
    func importIsChecked() throws {
        let test = try TestVault()
        try erasedContact(test)
        var lines = [#"{"fields": {"email": "weg@example.de"}, "consents": [{"purpose": "email_marketing"}]}"#,
                     #"{"fields": {"email": "ok@example.de"}, "consents": [{"purpose": "email_marketing"}]}"#][...]
        var rejected: [ImportRejection] = []
        let summary = try test.vault.members.importMembers(nextLine: { lines.popFirst() }, as: admin, committed: { _ in },
                                                           rejected: { rejected.append($0) })
        #expect(summary.imported == 1 && rejected.map(\.line) == [1])
        #expect(rejected.first?.reason.contains("suppression list") == true)
        #expect(rejected.first.map { !$0.reason.contains("weg@") } == true)
    }

    @Test("an objection ends the member's direct-marketing consents and suppresses the contacts for later grants")
    func objectionSuppresses() throws {
        let test = try TestVault()
        let member = try test.vault.members.enroll([FieldInput("email", "nein@example.de"), FieldInput("birthday", "1990-12-24")],
                                                   consents: [ConsentRequest(purpose: "birthday_rewards")], channel: .web, as: admin).member
        #expect(try test.vault.consents.states(of: member, as: admin).first { $0.purpose == "birthday_rewards" }?.inForce == true)
        _ = try test.vault.requests.open(.objection, for: member, as: admin)
        let states = try test.vault.consents.states(of: member, as: admin)
        #expect(states.filter { $0.inForce && $0.lawfulBasis != .contract && $0.lawfulBasis != .legalObligation }.isEmpty, "\(states)")
        let error = #expect(throws: SuppressionError.self) {
            try test.vault.consents.grant(ConsentRequest(purpose: "email_marketing"), for: member, channel: .web, as: admin)
        }
        if case .contactSuppressed(_, let field, let reason, _)? = error { #expect(field == "email" && reason == .objection) } else { Issue.record("wrong error") }
    }

    @Test("only the DPO lists and lifts; a lift by value or id lets the person back in, and both are audited")
    func dpoLifts() throws {
        let test = try TestVault()
        try erasedContact(test)
        let marketing = Principal(name: "crm", role: "marketing")
        #expect(throws: AccessError.self) { try test.vault.suppression.list(as: marketing) }
        #expect(throws: AccessError.self) { try test.vault.suppression.lift(field: "email", value: "weg@example.de", as: marketing) }
        #expect(throws: AccessError.self) { try test.vault.suppression.lift(field: "email", value: "weg@example.de", as: Principal(name: "app", role: "enrollment")) }
        let entries = try test.vault.suppression.list(as: dpo)
        #expect(Set(entries.map(\.field)) == ["email", "phone"] && entries.allSatisfy { $0.reason == .erasure })
        #expect(throws: SuppressionError.noSuchEntry) { try test.vault.suppression.lift(field: "email", value: "anders@example.de", as: dpo) }
        #expect(throws: SuppressionError.notAContactField("first_name")) { try test.vault.suppression.lift(field: "first_name", value: "Anna", as: dpo) }
        #expect(throws: SuppressionError.liftNeedsOneEntry) { try test.vault.suppression.lift(as: dpo) }
        #expect(try test.vault.suppression.list(as: dpo) == entries, "refused lifts change nothing")
        // Each value has an entry under its type and one under its field: a lift by value removes both, by id one at a time.
        let lifted = try test.vault.suppression.lift(field: "email", value: "Weg@Example.de", as: dpo)
        #expect(lifted.count == 2 && lifted.allSatisfy { $0.field == "email" }, "\(lifted)")
        for phoneEntry in entries where phoneEntry.field == "phone" { _ = try test.vault.suppression.lift(entryID: phoneEntry.id, as: dpo) }
        #expect(try test.vault.suppression.list(as: dpo).isEmpty)
        let back = try test.vault.members.enroll([FieldInput("email", "weg@example.de"), FieldInput("phone", "0171 2345678")],
                                                 consents: [ConsentRequest(purpose: "email_marketing")], channel: .web, as: admin)
        #expect(back.consents.count == 1)
        let audited = try test.rawDatabase().statement("SELECT t.principal, t.outcome FROM audit_log a JOIN audit_terms t ON t.code = a.terms WHERE t.operation = 'suppression.lift' ORDER BY a.seq").rows()
            .map { "\($0[0].text ?? "") \($0[1].text ?? "")" }
        // One lift by value, one per phone entry by id.
        let phoneEntries = entries.filter { $0.field == "phone" }.count
        #expect(audited.filter { $0.hasPrefix("dpo-desk ok") }.count == 1 + phoneEntries && audited.contains { $0.hasPrefix("crm ") }, "\(audited)")
    }

    @Test("a suppressed value cannot enter marketing sideways: a profile share with consent, a set on a marketing member, a late confirmation")
    func sidewaysPaths() throws {
        let test = try TestVault()
        try erasedContact(test)
        let pia = try test.vault.members.enroll([FieldInput("first_name", "Pia")], channel: .store, as: admin).member
        let before = try test.worldSnapshot()
        #expect(throws: SuppressionError.self) {
            try test.vault.profiles.share("email", value: "Weg@example.de", for: pia, purpose: "email_marketing", channel: .app, as: admin)
        }
        #expect(try test.worldSnapshot() == before, "the refused share stored nothing")
        let clean = try test.vault.members.enroll([FieldInput("email", "sauber@example.de")], consents: [ConsentRequest(purpose: "email_marketing")],
                                                  channel: .web, as: admin)
        _ = try test.vault.consents.confirm(token: try #require(clean.consents.first?.token), for: clean.member, as: admin)
        #expect(throws: SuppressionError.self) { try test.vault.members.set("email", to: "WEG@example.de", for: clean.member, as: admin) }
        #expect(throws: SuppressionError.self) { try test.vault.members.set("phone", to: "+49 171 2345678", for: clean.member, as: admin) }
        // Without a marketing consent the value may be stored (the account still needs an address).
        try test.vault.members.set("email", to: "weg@example.de", for: pia, as: admin)
        // A confirmation that arrives after the objection does not start marketing (its link is void).
        let late = try test.vault.members.enroll([FieldInput("email", "spaet@example.de")], consents: [ConsentRequest(purpose: "email_marketing")],
                                                 channel: .web, as: admin)
        _ = try test.vault.requests.open(.objection, for: late.member, as: admin)
        #expect(throws: ConsentError.invalidToken) {
            try test.vault.consents.confirm(token: try #require(late.consents.first?.token), for: late.member, as: admin)
        }
        // A pending confirmation whose address another member's erasure put on the list is refused too.
        let pending = try test.vault.members.enroll([FieldInput("email", "zweit@example.de")], consents: [ConsentRequest(purpose: "email_marketing")],
                                                    channel: .web, as: admin)
        let twin = try test.vault.members.enroll([FieldInput("phone", "0171 9999999")], channel: .store, as: admin).member
        try test.vault.members.set("phone", to: "0171 9999999", for: pending.member, as: admin)
        _ = try test.vault.requests.erase(twin, as: admin)
        #expect(throws: SuppressionError.self) {
            try test.vault.consents.confirm(token: try #require(pending.consents.first?.token), for: pending.member, as: admin)
        }
    }

    @Test("a tampered list stops marketing grants, also after audit verify found it; a refused erasure writes no journal line")
    func tamperStopsGrants() throws {
        let test = try TestVault()
        try erasedContact(test)
        try test.rawDatabase().execute("DELETE FROM suppression_list WHERE kind = 'phone'")
        #expect(try !test.vault.audit.verify(as: admin).isIntact)
        #expect(throws: IntegrityError.tableTampered(table: "requests")) {
            try test.vault.members.enroll([FieldInput("phone", "0171 2345678")], consents: [ConsentRequest(purpose: "email_marketing")], channel: .web, as: admin)
        }
        let journal = test.vaultPath + ".erasures"
        let journalBefore = try? Data(contentsOf: URL(fileURLWithPath: journal))
        #expect(journalBefore?.isEmpty == false, "the first erasure was journaled here")
        let other = try test.vault.members.enroll([FieldInput("first_name", "Otto")], channel: .store, as: admin).member
        #expect(throws: IntegrityError.tableTampered(table: "requests")) { try test.vault.requests.erase(other, as: admin) }
        #expect((try? Data(contentsOf: URL(fileURLWithPath: journal))) == journalBefore, "nothing journaled for a refused erasure")
    }

    @Test("restoring a backup from before the contact changed keeps the erased and objecting members' later contacts suppressed")
    func restoreKeepsTheJournaledHashes() throws {
        let test = try TestVault()
        let erased = try test.vault.members.enroll([FieldInput("email", "alt@example.de")], channel: .web, as: admin).member
        let objecting = try test.vault.members.enroll([FieldInput("phone", "0171 1111111")], channel: .web, as: admin).member
        let backup = test.folder.appendingPathComponent("before.vault").path
        try test.vault.backup(to: backup, as: admin)
        try test.vault.members.set("email", to: "neu-adresse@example.de", for: erased, as: admin)
        try test.vault.members.set("phone", to: "0171 2222222", for: objecting, as: admin)
        _ = try test.vault.requests.erase(erased, as: admin)
        _ = try test.vault.requests.open(.objection, for: objecting, as: admin)
        let restored = try Vault.restore(from: backup, to: test.vaultPath, keyRing: test.ring, erasureJournal: test.vaultPath + ".erasures", as: admin)
        #expect(throws: SuppressionError.self) {
            try restored.members.enroll([FieldInput("email", "neu-adresse@example.de")], consents: [ConsentRequest(purpose: "email_marketing")],
                                        channel: .web, as: admin)
        }
        #expect(throws: SuppressionError.self) {
            try restored.members.enroll([FieldInput("phone", "0171 2222222")], consents: [ConsentRequest(purpose: "email_marketing")],
                                        channel: .web, as: admin)
        }
        #expect(try restored.audit.verify(as: admin).isIntact)
    }

    @Test("a retention run erases inactive members without suppressing them: a returning customer may subscribe again")
    func retentionDoesNotSuppress() throws {
        let test = try TestVault()
        _ = try test.vault.members.enroll([FieldInput("email", "ruhend@example.de")], channel: .web, as: admin)
        test.clock.advance(days: 4 * 365)
        _ = try test.vault.retention.run(as: admin)
        #expect(try test.vault.suppression.list(as: dpo).isEmpty)
        let back = try test.vault.members.enroll([FieldInput("email", "ruhend@example.de")], consents: [ConsentRequest(purpose: "email_marketing")],
                                                 channel: .web, as: admin)
        #expect(back.consents.count == 1)
    }

    @Test("the list holds no plaintext and no lookup-index bytes; a row deleted outside the vault is detected")
    func tamperIsDetected() throws {
        let test = try TestVault()
        let member = try test.vault.members.enroll([FieldInput("email", "spur@example.de")], channel: .web, as: admin).member
        let index = try test.rawDatabase().statement("SELECT hash FROM blind_indexes WHERE member_key = (SELECT key FROM members WHERE id = ?1) AND field = 'email'")
            .rows([.text(member.rawValue)])[0][0].blob
        _ = try test.vault.requests.erase(member, as: admin)
        let raw = try test.rawDatabase()
        let stored = try raw.statement("SELECT hash FROM suppression_list").rows().map { $0[0].blob }
        #expect(stored.count == 2 && !stored.contains(index), "one entry under the type, one under the field; neither is the index")
        for file in test.fileContents().values { #expect(file.range(of: Data("spur@example.de".utf8)) == nil) }
        try raw.execute("DELETE FROM suppression_list")
        #expect(throws: IntegrityError.tableTampered(table: "requests")) { try test.vault.suppression.list(as: dpo) }
        #expect(try test.vault.audit.verify(as: admin).tamperedRows.contains("table requests"))
    }
}
