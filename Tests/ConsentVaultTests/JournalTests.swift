@testable import ConsentVault
import Foundation
import Testing

/// A restore of an older backup must not undo what members and the DPO decided since: each test
/// makes the backup first, then the decisions, then restores.
@Suite("Journal: a restore never undoes withdrawals, denials, objections, restrictions, removals or revocations")
struct JournalTests {
    @Test("withdrawal, token revocation, removed value, restriction and objection survive a restore of an older backup")
    func restoreKeepsDecisions() throws {
        let test = try TestVault()
        let anna = try test.vault.members.enroll([FieldInput("email", "anna@example.de"), FieldInput("clothing_size", "M"),
                                                  FieldInput("phone", "0171 2345678")],
                                                 consents: [ConsentRequest(purpose: "personalized_offers")], channel: .app, as: admin).member
        let bernd = try test.vault.members.enroll([FieldInput("email", "bernd@example.de")], channel: .app, as: admin).member
        let token = try test.vault.tokens.create(name: "crm-app", role: "marketing", as: admin)
        let backup = test.folder.appendingPathComponent("before.vault").path
        try test.vault.backup(to: backup, as: admin)
        try test.vault.consents.withdraw(ConsentRequest(purpose: "personalized_offers"), for: anna, as: admin)
        try test.vault.tokens.revoke(name: "crm-app", as: admin)
        try test.vault.members.unset("phone", for: anna, as: admin)
        _ = try test.vault.requests.open(.restriction, for: bernd, as: admin)
        _ = try test.vault.requests.open(.objection, for: anna, as: admin)

        let restored = try Vault.restore(from: backup, to: test.vaultPath, keyRing: test.ring, erasureJournal: test.vaultPath + ".erasures",
                                         as: admin)
        #expect(throws: AccessError.invalidToken) { _ = try restored.tokens.principal(for: token) }
        #expect(try restored.members.read(anna, purpose: "personalized_offers", as: admin).fields.isEmpty)
        #expect(try restored.members.decryptFields(of: anna)["phone"] == nil)
        #expect(try restored.members.read(bernd, purpose: "loyalty_account", as: admin).denied.map(\.reason).allSatisfy { $0 == .memberRestricted })
        #expect(try restored.consents.history(of: anna, as: admin).contains { $0.event.purpose == "analytics" && $0.event.kind == .withdraw },
                "the objection to legitimate interest")
        #expect(try restored.audit.verify(as: admin).isIntact)
        // Opening again replays nothing twice.
        let again = try Vault.open(at: test.vaultPath, keyRing: test.ring)
        #expect(try again.consents.history(of: anna, as: admin).filter { $0.event.kind == .withdraw }.count
                == (try restored.consents.history(of: anna, as: admin).filter { $0.event.kind == .withdraw }.count))
    }

    @Test("a restore with the journal deleted, from another key path, or with a line moved to another vault is refused")
    func journalBoundToVault() throws {
        let test = try TestVault()
        let anna = try test.vault.members.enroll([FieldInput("email", "anna@example.de")], channel: .app, as: admin).member
        _ = try test.vault.requests.erase(anna, as: admin)
        let journal = test.vaultPath + ".erasures"
        let kept = try Data(contentsOf: URL(fileURLWithPath: journal))
        try FileManager.default.removeItem(atPath: journal)
        #expect(throws: StorageError.self) { _ = try Vault.open(at: test.vaultPath, keyRing: test.ring) }
        #expect(throws: StorageError.self) { _ = try Vault.open(at: test.vaultPath, keyRing: test.ring, erasureJournal: test.folder.appendingPathComponent("other").path) }
        var words = String(decoding: kept, as: UTF8.self).split(separator: " ").map(String.init)
        words[1] = UUID().uuidString.lowercased()
        try Data(words.joined(separator: " ").utf8).write(to: URL(fileURLWithPath: journal))
        #expect(throws: StorageError.self) { _ = try Vault.open(at: test.vaultPath, keyRing: test.ring) }
        try kept.write(to: URL(fileURLWithPath: journal))
        #expect(try Vault.open(at: test.vaultPath, keyRing: test.ring).members.count() == 0)
    }

    @Test("a torn last line (a write cut off by a full disk) is cut off again, and the vault opens and journals on")
    func tornLine() throws {
        let test = try TestVault()
        let anna = try test.vault.members.enroll([FieldInput("email", "anna@example.de")], channel: .app, as: admin).member
        _ = try test.vault.tokens.create(name: "crm-app", role: "marketing", as: admin)
        try test.vault.tokens.revoke(name: "crm-app", as: admin)
        let journal = test.vaultPath + ".erasures"
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: journal))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("cv2 \(test.vault.vaultID) 2 2026-11-26T00:00:00Z erase 1f".utf8))
        try handle.close()
        let reopened = try Vault.open(at: test.vaultPath, keyRing: test.ring)
        #expect(try String(contentsOfFile: journal, encoding: .utf8).hasSuffix("\n"))
        _ = try reopened.requests.erase(anna, as: admin)
        #expect(try String(contentsOfFile: journal, encoding: .utf8).split(separator: "\n").filter { !$0.contains(" suppress ") }.count == 2)
        #expect(try Vault.open(at: test.vaultPath, keyRing: test.ring).members.count() == 0)
    }
}
