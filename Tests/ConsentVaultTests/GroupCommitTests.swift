@testable import ConsentVault
import Foundation
import Testing

/// Group commit (`VaultQueue.group`): one transaction for many operations, each in its own savepoint.
@Suite("Group commit")
struct GroupCommitTests {
    /// A queue over a second connection to `test`'s vault.
    private func queue(_ test: TestVault) throws -> VaultQueue {
        try VaultQueue.open(at: test.vaultPath, keyRing: try KeyRing.load(path: test.keyPath, passphrase: { nil }))
    }

    @Test("a failing operation rolls back only itself; the others commit together and the audit chain holds")
    func failureIsolated() throws {
        let test = try TestVault()
        let queue = try queue(test)
        let marketing = Principal(name: "crm", role: "marketing")
        let bodies: [@Sendable (Vault) throws -> String] = [
            { try $0.members.enroll([FieldInput("email", "eins@example.de")], channel: .web, as: .localAdministrator).member.rawValue },
            { try $0.members.enroll([FieldInput("email", "eins@example.de")], channel: .web, as: .localAdministrator).member.rawValue },
            { _ = try $0.members.enroll([FieldInput("email", "zwei@example.de")], channel: .web, as: marketing); return "" },
            { try $0.members.enroll([FieldInput("email", "drei@example.de"), FieldInput("birthday", "31.02.1990")], channel: .web,
                                    as: .localAdministrator).member.rawValue },
            { try $0.members.enroll([FieldInput("email", "vier@example.de")], channel: .web, as: .localAdministrator).member.rawValue },
        ]
        let results = queue.group(bodies)
        #expect(throws: MemberError.duplicateValue(field: "email")) { try results[1].get() }
        #expect(throws: AccessError.self) { try results[2].get() }
        #expect(throws: FieldValueError.self) { try results[3].get() }
        let kept = try [results[0].get(), results[4].get()]
        #expect(try test.vault.members.count() == 2)
        for (id, email) in zip(kept, ["eins@example.de", "vier@example.de"]) {
            #expect(try test.vault.members.find("email", equals: email, as: .localAdministrator) == [try MemberID(id)])
        }
        for email in ["zwei@example.de", "drei@example.de"] {
            #expect(try test.vault.members.find("email", equals: email, as: .localAdministrator).isEmpty)
        }
        let verification = try test.vault.audit.verify(as: .localAdministrator)
        #expect(verification.isIntact)
        // The refusal inside the group was audited and survived the group's commit.
        let refusals = try test.vault.context.auditLog.entries().filter { $0.principal == "crm" && $0.outcome == .denied }
        #expect(refusals.count == 1)
        #expect(try test.rawDatabase().structureProblems().isEmpty)
    }

    @Test("operations that must run alone (erasure, retention, keys, backup, policies) are refused in a group and change nothing")
    func ownTransactionRefused() throws {
        let test = try TestVault()
        let member = try test.vault.members.enroll([FieldInput("email", "fuenf@example.de")], channel: .web, as: .localAdministrator).member
        let before = try test.worldSnapshot()
        let queue = try queue(test)
        let bodies: [@Sendable (Vault) throws -> String] = [
            { vault -> String in _ = try vault.requests.erase(member, as: .localAdministrator); return "erased" },
            { vault -> String in _ = try vault.retention.run(as: .localAdministrator); return "ran" },
        ]
        let results = queue.group(bodies)
        #expect(throws: StorageError.needsOwnTransaction(operation: "dsr.erase")) { try results[0].get() }
        #expect(throws: StorageError.needsOwnTransaction(operation: "retention.run")) { try results[1].get() }
        #expect(try test.worldSnapshot() == before)
        #expect(try test.vault.members.read(member, purpose: "loyalty_account", as: .localAdministrator).fields["email"] == "fuenf@example.de")
    }

    @Test("reads in a group are audited like reads alone: one entry each, anchored, chain intact")
    func readsAudited() throws {
        let test = try TestVault()
        let member = try test.vault.members.enroll([FieldInput("email", "sechs@example.de")], channel: .web, as: .localAdministrator).member
        let entriesBefore = try test.vault.context.auditLog.entries().count
        let queue = try queue(test)
        let read: @Sendable (Vault) throws -> String = { vault in
            try vault.members.read(member, purpose: "loyalty_account", as: .localAdministrator).fields["email"] ?? ""
        }
        let results = queue.group(Array(repeating: read, count: 10))
        #expect(try results.map { try $0.get() } == Array(repeating: "sechs@example.de", count: 10))
        let reads = try test.vault.context.auditLog.entries().dropFirst(entriesBefore).filter { $0.operation == "member.read" }
        #expect(reads.count == 10)
        #expect(try test.vault.audit.verify(as: .localAdministrator).isIntact)
    }
}
