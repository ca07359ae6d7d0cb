@testable import ConsentVault
import Foundation
import Testing

@Suite("Consent ledger: withdrawal, double opt-in, minors, history")
struct ConsentLedgerTests {
    private let birthdayRewards = ConsentRequest(purpose: "birthday_rewards")
    private let emailMarketing = ConsentRequest(purpose: "email_marketing")

    @Test("withdrawal takes effect on the very next read, and the orphaned zero-party value is deleted")
    func withdrawalNextRead() throws {
        let test = try TestVault()
        let member = try test.vault.members.enroll([FieldInput("email", "anna@example.de"), FieldInput("birthday", "1990-12-24")], consents: [birthdayRewards],
                                           channel: .app, as: admin).member
        #expect(try test.vault.members.read(member, purpose: "birthday_rewards", as: admin).fields == ["birthday": "1990-12-24"])
        try test.vault.consents.withdraw(birthdayRewards, for: member, channel: .app, as: admin)
        let after = try test.vault.members.read(member, purpose: "birthday_rewards", fields: ["birthday"], as: admin)
        #expect(after.fields.isEmpty)
        #expect(after.denied == [FieldDenial(field: "birthday", reason: .consentWithdrawn)])
        #expect(try test.vault.members.decryptFields(of: member) == ["email": "anna@example.de"], "birthday deleted, email (first-party) kept")
        #expect(throws: ConsentError.nothingToWithdraw(purpose: "birthday_rewards")) {
            try test.vault.consents.withdraw(birthdayRewards, for: member, as: admin)
        }
    }

    @Test("a zero-party value another purpose still covers is kept; restrict keeps it unreadable")
    func remainingBasis() throws {
        let test = try TestVault()
        let member = try test.vault.members.enroll([FieldInput("birthday", "1990-12-24"), FieldInput("clothing_size", "M")],
                                           consents: [birthdayRewards, ConsentRequest(purpose: "personalized_offers"), ConsentRequest(purpose: "ai_personalization")],
                                           channel: .app, as: admin).member
        try test.vault.consents.withdraw(birthdayRewards, for: member, as: admin)
        #expect(try test.vault.members.read(member, purpose: "personalized_offers", fields: ["birthday"], as: admin).fields == ["birthday": "1990-12-24"])
        try test.vault.consents.withdraw(ConsentRequest(purpose: "personalized_offers"), for: member, as: admin)
        // ai_personalization still covers birthday and size; withdrawing it restricts (its policy) instead of deleting.
        try test.vault.consents.withdraw(ConsentRequest(purpose: "ai_personalization"), for: member, as: admin)
        #expect(try test.vault.members.decryptFields(of: member).keys.sorted() == ["birthday", "clothing_size"])
        try test.vault.consents.grant(ConsentRequest(purpose: "personalized_offers"), for: member, channel: .app, as: admin)
        #expect(try test.vault.members.read(member, purpose: "personalized_offers", fields: ["clothing_size"], as: admin).denied
                == [FieldDenial(field: "clothing_size", reason: .restricted)])
        try test.vault.members.set("clothing_size", to: "L", for: member, as: admin)
        #expect(try test.vault.members.read(member, purpose: "personalized_offers", fields: ["clothing_size"], as: admin).fields == ["clothing_size": "L"])
    }

    @Test("a field-specific consent overrides the purpose-wide one")
    func fieldScoped() throws {
        let test = try TestVault()
        let member = try test.vault.members.enroll([FieldInput("clothing_size", "M"), FieldInput("shoe_size", "42")],
                                           consents: [ConsentRequest(purpose: "personalized_offers", field: "shoe_size")], channel: .app, as: admin).member
        let read = try test.vault.members.read(member, purpose: "personalized_offers", as: admin)
        #expect(read.fields == ["shoe_size": "42"])
        #expect(read.denied == [FieldDenial(field: "clothing_size", reason: .noConsent)])
        #expect(throws: ConsentError.fieldNotInPurpose(purpose: "personalized_offers", field: "email")) {
            try test.vault.consents.grant(ConsentRequest(purpose: "personalized_offers", field: "email"), for: member, channel: .app, as: admin)
        }
        #expect(throws: ConsentError.notConsentBased(purpose: "loyalty_account", basis: "contract")) {
            try test.vault.consents.grant(ConsentRequest(purpose: "loyalty_account"), for: member, channel: .app, as: admin)
        }
    }

    @Test("double opt-in: pending grants nothing; wrong, foreign, expired and reused tokens are refused")
    func doubleOptIn() throws {
        let test = try TestVault()
        let anna = try test.vault.members.enroll([FieldInput("email", "anna@example.de")], channel: .web, as: admin).member
        let bernd = try test.vault.members.enroll([FieldInput("email", "bernd@example.de")], channel: .web, as: admin).member
        let pending = try test.vault.consents.grant(emailMarketing, for: anna, channel: .web, as: admin)
        #expect(pending.state == .pending)
        let token = try #require(pending.token)
        #expect(try test.vault.members.read(anna, purpose: "email_marketing", as: admin).fields.isEmpty)
        #expect(throws: ConsentError.invalidToken) { _ = try test.vault.consents.confirm(token: token + "0", for: anna, as: admin) }
        #expect(throws: ConsentError.invalidToken) { _ = try test.vault.consents.confirm(token: token, for: bernd, as: admin) }
        let stored = try test.rawDatabase().statement("SELECT token_hash FROM doi_tokens").rows()
        #expect(stored.count == 1 && stored[0][0].blob != Array(token.utf8), "only a hash is stored")
        #expect(test.fileContents().values.allSatisfy { $0.range(of: Data(token.utf8)) == nil })
        #expect(try test.vault.consents.confirm(token: token, for: anna, as: admin).state == .active)
        #expect(try test.vault.members.read(anna, purpose: "email_marketing", as: admin).fields == ["email": "anna@example.de"])
        #expect(throws: ConsentError.usedToken) { _ = try test.vault.consents.confirm(token: token, for: anna, as: admin) }

        let late = try #require(try test.vault.consents.grant(emailMarketing, for: bernd, channel: .web, as: admin).token)
        test.clock.advance(days: 4)
        #expect(throws: ConsentError.expiredToken) { _ = try test.vault.consents.confirm(token: late, for: bernd, as: admin) }
        #expect(try test.vault.members.read(bernd, purpose: "email_marketing", as: admin).fields.isEmpty)
    }

    @Test("minors cannot consent without a recorded guardian consent")
    func minors() throws {
        let test = try TestVault()
        let day = CalendarDay.today(test.clock.now)
        let child = String(format: "%04d-01-01", day.year - 12)
        #expect(throws: ConsentError.minorNeedsGuardian(purpose: "birthday_rewards", minimumAge: 16)) {
            _ = try test.vault.members.enroll([FieldInput("birthday", child)], consents: [birthdayRewards], channel: .store, as: admin)
        }
        #expect(try test.vault.members.count() == 0, "the refused enrollment wrote nothing")
        let member = try test.vault.members.enroll([FieldInput("birthday", child)], consents: [birthdayRewards], channel: .store,
                                           evidence: ConsentEvidence(guardianConsent: true), as: admin).member
        #expect(try test.vault.members.read(member, purpose: "birthday_rewards", as: admin).fields == ["birthday": child])
        let history = try test.vault.consents.history(of: member, as: admin)
        #expect(history.first?.event.guardian == true)
    }

    @Test("a material notice change needs re-consent; a new grant under the new notice counts again")
    func reconsent() throws {
        let test = try TestVault()
        let member = try test.vault.members.enroll([FieldInput("birthday", "1990-12-24")], consents: [birthdayRewards], channel: .app, as: admin).member
        let editorial = try test.editedPolicies { setNotice(&$0, purpose: "birthday_rewards", version: 2, material: 1, text: "Kleine Korrektur.") }
        try test.vault.applyPolicies(try PolicySet.load(fromDirectory: editorial), as: admin)
        #expect(try test.vault.members.read(member, purpose: "birthday_rewards", as: admin).fields.count == 1, "editorial change keeps consent")
        let material = try test.editedPolicies { setNotice(&$0, purpose: "birthday_rewards", version: 3, material: 3, text: "Neuer Zweck.") }
        try test.vault.applyPolicies(try PolicySet.load(fromDirectory: material), as: admin)
        #expect(try test.vault.members.read(member, purpose: "birthday_rewards", as: admin).denied == [FieldDenial(field: "birthday", reason: .needsReconsent)])
        #expect(try test.vault.consents.states(of: member, as: admin).first { $0.purpose == "birthday_rewards" }?.state == .needsReconsent)
        try test.vault.consents.grant(birthdayRewards, for: member, channel: .app, as: admin)
        #expect(try test.vault.members.read(member, purpose: "birthday_rewards", as: admin).fields.count == 1)
        let notices = try test.vault.consents.history(of: member, as: admin).filter { $0.event.kind == .grant }
        #expect(notices.map(\.event.noticeVersion) == [1, 3])
        #expect(notices.last?.noticeText == "Neuer Zweck.")
        #expect(notices.first?.noticeText?.contains("Geburtstag") == true, "the old notice text is kept for the history")
    }

    @Test("history records channel, actor, notice hash and only an IP prefix; events cannot be updated")
    func evidence() throws {
        let test = try TestVault()
        let member = try test.vault.members.enroll([FieldInput("email", "anna@example.de")], channel: .web, as: admin).member
        try test.vault.consents.grant(ConsentRequest(purpose: "email_marketing"), for: member, channel: .web,
                             evidence: ConsentEvidence(ipAddress: "203.0.113.77", language: "en"), as: admin)
        try test.vault.consents.grant(birthdayRewards, for: member, channel: .app, evidence: ConsentEvidence(ipAddress: "2001:db8:abcd:12::1"), as: admin)
        let events = try test.vault.consents.history(of: member, as: admin).map(\.event)
        #expect(events.map(\.kind) == [.grant, .doiSent, .grant])
        #expect(events[0].evidence == #"{"ip_prefix":"203.0.113.0/24"}"#)
        #expect(events[2].evidence == #"{"ip_prefix":"2001:db8:abcd::/48"}"#)
        #expect(events[0].language == "en" && events[0].channel == .web && events[0].actor == "local-admin")
        #expect(events[0].noticeSHA256 == PolicyStore.noticeHash(test.vault.policies.purposes.purpose("email_marketing")!.notice!.text["en"]!))
        let raw = try test.rawDatabase()
        #expect(throws: StorageError.self) { try raw.execute("UPDATE consent_events SET terms = terms + 1 WHERE seq = 1") }
        #expect(throws: StorageError.self) { try raw.execute("UPDATE consent_terms SET event = 'grant' WHERE event = 'doi_sent'") }
        #expect(throws: StorageError.self) { try raw.execute("DELETE FROM consent_terms") }
        try test.vault.checkpoint()
        #expect(test.fileContents().values.allSatisfy { $0.range(of: Data("203.0.113.77".utf8)) == nil })
    }
}

/// Sets the notice of `purpose` in a purposes document.
func setNotice(_ document: inout [String: Any], purpose: String, version: Int, material: Int, text: String) {
    var purposes = document["purposes"] as! [[String: Any]]
    for index in purposes.indices where purposes[index]["id"] as? String == purpose {
        purposes[index]["notice"] = ["version": version, "material_version": material, "text": ["de": text, "en": text]]
    }
    document["purposes"] = purposes
}
