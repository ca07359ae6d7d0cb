@testable import ConsentVault
import Foundation
import Testing

@Suite("Tampering: modified, swapped and misplaced ciphertexts are detected")
struct TamperTests {
    @Test("one flipped byte in a stored value is an integrity error naming member and field, never the value")
    func flippedByte() throws {
        let test = try TestVault()
        let member = try test.vault.members.enroll([FieldInput("email", "anna@example.de"), FieldInput("first_name", "Anna")], channel: .store, as: admin).member
        let raw = try test.rawDatabase()
        let rows = try raw.statement("SELECT ciphertext FROM member_fields WHERE member_key = (SELECT key FROM members WHERE id = ?1) AND field = 'email'").rows([.text(member.rawValue)])
        var ciphertext = rows[0][0].blob!
        for position in [0, 30, ciphertext.count - 1] {
            var tampered = ciphertext
            tampered[position] ^= 0x01
            try raw.statement("UPDATE member_fields SET ciphertext = ?1 WHERE member_key = (SELECT key FROM members WHERE id = ?2) AND field = 'email'")
                .run([.blob(tampered), .text(member.rawValue)])
            let error = #expect(throws: MemberError.self) { _ = try test.vault.members.decryptFields(of: member) }
            #expect(error == .integrity(member: member.rawValue, field: "email"))
            #expect(!"\(error!)".contains("anna"))
        }
        ciphertext.removeLast(20)
        try raw.statement("UPDATE member_fields SET ciphertext = ?1 WHERE member_key = (SELECT key FROM members WHERE id = ?2) AND field = 'email'")
            .run([.blob(ciphertext), .text(member.rawValue)])
        #expect(throws: MemberError.integrity(member: member.rawValue, field: "email")) { _ = try test.vault.members.decryptFields(of: member) }
        // A member with a tampered row is refused as a whole: its other values no longer count as sealed.
        #expect(throws: MemberError.integrity(member: member.rawValue, field: "email")) {
            _ = try test.vault.members.decryptFields(of: member, names: ["first_name"])
        }
    }

    @Test("member A's email ciphertext copied into member B's row does not open")
    func swapAcrossMembers() throws {
        let test = try TestVault()
        let anna = try test.vault.members.enroll([FieldInput("email", "anna@example.de")], channel: .store, as: admin).member
        let bernd = try test.vault.members.enroll([FieldInput("email", "bernd@example.de")], channel: .store, as: admin).member
        let raw = try test.rawDatabase()
        try raw.execute("""
            UPDATE member_fields SET ciphertext = (SELECT ciphertext FROM member_fields WHERE member_key = (SELECT key FROM members WHERE id = '\(anna)') AND field = 'email')
            WHERE member_key = (SELECT key FROM members WHERE id = '\(bernd)') AND field = 'email'
            """)
        #expect(throws: MemberError.integrity(member: bernd.rawValue, field: "email")) { _ = try test.vault.members.decryptFields(of: bernd) }
        #expect(try test.vault.members.decryptFields(of: anna) == ["email": "anna@example.de"])
    }

    @Test("a value moved to another field of the same member does not open")
    func swapAcrossFields() throws {
        let test = try TestVault()
        let anna = try test.vault.members.enroll([FieldInput("first_name", "Anna"), FieldInput("last_name", "Müller")], channel: .store, as: admin).member
        let raw = try test.rawDatabase()
        try raw.execute("""
            UPDATE member_fields SET ciphertext = (SELECT ciphertext FROM member_fields WHERE member_key = (SELECT key FROM members WHERE id = '\(anna)') AND field = 'first_name')
            WHERE member_key = (SELECT key FROM members WHERE id = '\(anna)') AND field = 'last_name'
            """)
        #expect(throws: MemberError.integrity(member: anna.rawValue, field: "last_name")) { _ = try test.vault.members.decryptFields(of: anna, names: ["last_name"]) }
    }

    @Test("a data key copied from another member, or modified, is detected")
    func dataKeySwap() throws {
        let test = try TestVault()
        let anna = try test.vault.members.enroll([FieldInput("first_name", "Anna")], channel: .store, as: admin).member
        let bernd = try test.vault.members.enroll([FieldInput("first_name", "Bernd")], channel: .store, as: admin).member
        let raw = try test.rawDatabase()
        try raw.execute("UPDATE members SET wrapped_data_key = (SELECT wrapped_data_key FROM members WHERE id = '\(anna)') WHERE id = '\(bernd)'")
        #expect(throws: MemberError.dataKeyIntegrity(member: bernd.rawValue)) { _ = try test.vault.members.decryptFields(of: bernd) }
    }

    @Test("a ciphertext from another vault with the same key does not open")
    func swapAcrossVaults() throws {
        let test = try TestVault()
        let anna = try test.vault.members.enroll([FieldInput("first_name", "Anna")], channel: .store, as: admin).member
        let otherPath = test.folder.appendingPathComponent("other.vault").path
        let other = try Vault.create(at: otherPath, keyRing: test.ring, policies: test.vault.policies)
        let source = try test.rawDatabase()
        let (memberColumns, fieldColumns) = (try TestVault.storedColumns("members", in: source), try TestVault.storedColumns("member_fields", in: source))
        let copy = try source.statement("SELECT \(memberColumns) FROM members WHERE id = ?1").rows([.text(anna.rawValue)])[0]
        let fields = try source.statement("SELECT \(fieldColumns) FROM member_fields WHERE member_key = (SELECT key FROM members WHERE id = ?1)")
            .rows([.text(anna.rawValue)])
        let target = try Database(path: otherPath, create: false)
        func placeholders(_ count: Int) -> String { (1...count).map { "?\($0)" }.joined(separator: ", ") }
        try target.statement("INSERT INTO members (\(memberColumns)) VALUES (\(placeholders(copy.count)))").run(copy)
        for row in fields { try target.statement("INSERT INTO member_fields (\(fieldColumns)) VALUES (\(placeholders(row.count)))").run(row) }
        #expect(throws: MemberError.dataKeyIntegrity(member: anna.rawValue)) { _ = try other.members.decryptFields(of: anna) }
    }
}
