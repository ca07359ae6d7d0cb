@testable import ConsentVault
import Foundation
import Testing

@Suite("Events feed: what clients following consent see")
struct EventFeedTests {
    @Test("a confirmed double opt-in reads pending then confirmed; an erasure under a legal hold replaces the member's events with member.erased")
    func confirmationAndTombstone() throws {
        let test = try TestVault()
        let grant = try test.vault.members.enroll([FieldInput("email", "anna@example.de"), FieldInput("purchase_receipts", "Bon 1")],
                                                  consents: [ConsentRequest(purpose: "email_marketing")], channel: .web, as: admin)
        _ = try test.vault.consents.confirm(token: try #require(grant.consents.first?.token), for: grant.member, as: admin)
        let bernd = try test.vault.members.enroll([FieldInput("email", "bernd@example.de")], consents: [ConsentRequest(purpose: "birthday_rewards")],
                                                  channel: .app, as: admin).member
        #expect(try test.vault.events.list(after: 0, as: admin).map(\.kind) == ["consent.pending", "consent.doi_confirmed", "consent.grant"])
        let report = try test.vault.requests.erase(grant.member, as: admin)
        #expect(!report.kept.isEmpty, "the receipts are held, so a tombstone remains")
        let events = try test.vault.events.list(after: 0, as: admin)
        #expect(events.filter { $0.member == grant.member }.map(\.kind) == ["member.erased"])
        #expect(events.filter { $0.member == bernd }.map(\.kind) == ["consent.grant"])
        let last = try #require(events.last?.sequence)
        #expect(try test.vault.events.list(after: last, as: admin).isEmpty, "nothing after the newest event")
    }
}
