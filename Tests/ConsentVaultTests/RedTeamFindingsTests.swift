@testable import ConsentVault
import Foundation
import Testing

/// One test per finding of the outside red team: each performs the attack as reported.
@Suite("Red-team findings: each attack, repeated")
struct RedTeamFindingsTests {
    @Test("an erased member under a legal hold takes no new data, consent, share or lookup")
    func erasedMemberIsTombstone() throws {
        let test = try TestVault()
        let anna = try test.vault.members.enroll([FieldInput("email", "anna@example.de"), FieldInput("purchase_receipts", "Bon 1")],
                                                 channel: .app, as: admin).member
        let report = try test.vault.requests.erase(anna, as: admin)
        #expect(!report.kept.isEmpty, "the receipts are held, so a tombstone remains")
        let erased = MemberError.erased(member: anna.rawValue, on: CalendarDay.today(test.clock.now).iso)
        #expect(throws: erased) { try test.vault.members.set("email", to: "neu@example.de", for: anna, as: admin) }
        #expect(throws: erased) { _ = try test.vault.consents.grant(ConsentRequest(purpose: "email_marketing"), for: anna, channel: .app, as: admin) }
        #expect(throws: erased) {
            _ = try test.vault.profiles.share("shoe_size", value: "39", for: anna, purpose: "personalized_offers", channel: .app, as: admin)
        }
        #expect(try test.vault.members.find("email", equals: "neu@example.de", as: admin).isEmpty)
    }

    @Test("a confirmation link sent before a withdrawal or an email change no longer activates anything")
    func staleDoubleOptInLinks() throws {
        let test = try TestVault()
        let grant = try test.vault.members.enroll([FieldInput("email", "anna@example.de")], consents: [ConsentRequest(purpose: "email_marketing")],
                                                  channel: .web, as: admin)
        let anna = grant.member
        try test.vault.consents.withdraw(ConsentRequest(purpose: "email_marketing"), for: anna, as: admin)
        #expect(throws: ConsentError.invalidToken) { _ = try test.vault.consents.confirm(token: grant.consents[0].token!, for: anna, as: admin) }
        let second = try test.vault.consents.grant(ConsentRequest(purpose: "email_marketing"), for: anna, channel: .web, as: admin)
        try test.vault.members.set("email", to: "anna.neu@example.de", for: anna, as: admin)
        #expect(throws: ConsentError.invalidToken) { _ = try test.vault.consents.confirm(token: second.token!, for: anna, as: admin) }
        #expect(try test.vault.consents.states(of: anna, as: admin).first { $0.purpose == "email_marketing" }?.state == .pending)
    }

    @Test("a correction near Int64.max is refused and balance, export and report keep working")
    func hugeAdjustment() throws {
        let test = try TestVault()
        let anna = try test.vault.members.enroll([FieldInput("email", "anna@example.de")], channel: .app, as: admin).member
        #expect(throws: RewardError.adjustmentTooLarge(maximum: RewardRule.maximumPoints)) {
            _ = try test.vault.rewards.adjust(anna, by: 9_223_372_036_854_775_700, reason: "x", as: admin)
        }
        _ = try test.vault.rewards.adjust(anna, by: 1_000_000, reason: "goodwill", as: admin)
        #expect(try test.vault.rewards.balance(of: anna, as: admin) == 1_000_000)
        _ = try test.vault.profiles.report(as: admin)
        try test.vault.requests.export(anna, to: test.folder.appendingPathComponent("export").path, as: admin)
    }

    @Test("the same email in NFC, NFD, full-width or with a zero-width space is one member")
    func unicodeVariantsCollide() throws {
        let test = try TestVault()
        _ = try test.vault.members.enroll([FieldInput("email", "m\u{00FC}ller@example.de")], channel: .app, as: admin)
        for variant in ["mu\u{0308}ller@example.de", "m\u{00FC}l\u{200B}ler@example.de", "\u{FF4D}\u{00FC}ller@example.de"] {
            #expect(throws: MemberError.duplicateValue(field: "email"), "\(variant.unicodeScalars.map { String($0.value, radix: 16) })") {
                _ = try test.vault.members.enroll([FieldInput("email", variant)], channel: .app, as: admin)
            }
            #expect(try test.vault.members.find("email", equals: variant, as: admin).count == 1)
        }
    }

    @Test("free text: a newline in a token name, a 120 KB purpose and a long reason are refused and never echoed")
    func freeText() throws {
        let test = try TestVault()
        let anna = try test.vault.members.enroll([FieldInput("email", "anna@example.de")], channel: .app, as: admin).member
        #expect(throws: AccessError.invalidTokenName) { _ = try test.vault.tokens.create(name: "crm\nforged-line", role: "marketing", as: admin) }
        let huge = String(repeating: "Anna Müller ", count: 10_000)
        let error = #expect(throws: ConsentError.self) { _ = try test.vault.members.read(anna, purpose: huge, as: admin) }
        #expect(!"\(error!)".contains("Anna") && "\(error!)".count < 200)
        let request = try test.vault.requests.open(.access, for: anna, as: admin)
        #expect(throws: RequestError.reasonNotPlainText(maximum: FreeText.maximumLength)) {
            _ = try test.vault.requests.extend(request.id, reason: "Frau Anna Müller\nrief an", as: admin)
        }
        _ = try test.vault.requests.extend(request.id, reason: "many requests this month", as: admin)
        _ = try test.vault.requests.erase(anna, as: admin)
        #expect(try test.rawDatabase().statement("SELECT extension_reason FROM requests").rows()[0][0] == .null)
    }

    @Test("a capture time in the future and an invalid IP address are refused, and nothing is written")
    func impossibleEvidence() throws {
        let test = try TestVault()
        let future = ConsentEvidence(capturedAt: test.clock.now.addingTimeInterval(86_400 * 365))
        #expect(throws: ConsentError.capturedInFuture) {
            _ = try test.vault.members.enroll([FieldInput("email", "anna@example.de")], consents: [ConsentRequest(purpose: "email_marketing")],
                                              channel: .web, evidence: future, as: admin)
        }
        #expect(throws: ConsentError.invalidIPAddress) {
            _ = try test.vault.members.enroll([FieldInput("email", "anna@example.de")], consents: [ConsentRequest(purpose: "email_marketing")],
                                              channel: .web, evidence: ConsentEvidence(ipAddress: "999.1.1.1"), as: admin)
        }
        #expect(try test.vault.members.count() == 0)
    }

    @Test("prompts: a role without the purpose cannot redact against a member; sessions belong to their maker; erasure purges them")
    func promptSessions() throws {
        let test = try TestVault()
        let anna = try test.vault.members.enroll([FieldInput("first_name", "Anna"), FieldInput("email", "anna@example.de")],
                                                 channel: .app, as: admin).member
        let enrollment = try test.vault.tokens.principal(for: try test.vault.tokens.create(name: "shop", role: "enrollment", as: admin))
        let marketing = try test.vault.tokens.principal(for: try test.vault.tokens.create(name: "crm-app", role: "marketing", as: admin))
        #expect(throws: AccessError.self) {
            _ = try test.vault.prompts.redact("Ist es Anna?", member: anna, purpose: "ai_personalization", as: enrollment)
        }
        let session = try test.vault.prompts.redact("Hallo Anna", member: anna, purpose: "ai_personalization", as: marketing).session
        let free = try test.vault.prompts.redact("Hallo Anna, anna@example.de", purpose: "ai_personalization", as: marketing).session
        let other = try test.vault.tokens.principal(for: try test.vault.tokens.create(name: "crm-two", role: "marketing", as: admin))
        #expect(throws: PromptError.unknownSession(session)) {
            _ = try test.vault.prompts.redact("weiter", member: anna, purpose: "ai_personalization", session: session, as: other)
        }
        test.clock.advance(days: 2)
        _ = try test.vault.prompts.redact("neu", purpose: "ai_personalization", as: marketing)
        #expect(try test.rawDatabase().statement("SELECT id FROM prompt_sessions WHERE id IN (?1, ?2)").rows([.text(session), .text(free)]).isEmpty,
                "expired sessions are purged")
        let fresh = try test.vault.prompts.redact("Hallo Anna, anna@example.de", purpose: "ai_personalization", as: marketing).session
        _ = try test.vault.requests.erase(anna, as: admin)
        #expect(try test.rawDatabase().statement("SELECT id FROM prompt_sessions WHERE id = ?1").rows([.text(fresh)]).isEmpty,
                "a session without a member may hold the erased member's values")
    }
}
