@testable import ConsentVault
import Foundation
import Testing

@Suite("No plaintext on disk")
struct PlaintextOnDiskTests {
    /// Byte patterns that must never appear: the values as given, as normalized, and in other encodings.
    /// (The city alone is no needle: the policy set, stored as written, names the controller's time zone `Europe/Berlin`.)
    private func needles(for ring: KeyRing) throws -> [(String, Data)] {
        let texts = ["Anna.Mueller@Example.DE", "anna.mueller@example.de", "Mueller", "Müller-Lüdenscheidt", "Lüdenscheidt",
                     "Anna-Lena", "+49301234567", "301234567", "1990-12-24", "24.12.1990", "Große Straße", "10115 Berlin", "10115",
                     "Filiale Köln Hbf", "CV00001234", "Jürgen", "Björk"]
        var result = texts.map { ($0, Data($0.utf8)) }
        result += texts.compactMap { text in text.data(using: .utf16LittleEndian).map { ("UTF-16 " + text, $0) } }
        result += [("decomposed Müller", Data("Mu\u{0308}ller".utf8))]
        let key = try ring.masterKey(version: 1)
        result.append(("master key", key.withUnsafeBytes { Data($0) }))
        result.append(("master key hex", try key.hexEncoded().withUnsafeBytes { Data($0) }))
        return result
    }

    private func assertClean(_ test: TestVault, _ needles: [(String, Data)], stage: String) {
        let files = test.fileContents()
        #expect(files["vault"] != nil)
        for (file, data) in files {
            for (label, needle) in needles {
                #expect(data.range(of: needle) == nil, "\(label) found in \(file) \(stage)")
            }
        }
    }

    @Test("known values with umlauts and the master key never occur in the vault, its WAL or its shm")
    func noPlaintext() throws {
        let test = try TestVault()
        let needles = try needles(for: test.ring)
        var members: [MemberID] = []
        for index in 0..<20 {
            var fields = annaFields
            fields[0] = FieldInput("email", "Anna.Mueller\(index == 0 ? "" : String(index))@Example.DE")
            fields[9] = FieldInput("member_number", "CV\(String(format: "%08d", 1234 + index))")
            members.append(try test.vault.members.enroll(fields, channel: .store, as: admin).member)
        }
        try test.vault.members.set("first_name", to: "Jürgen", for: members[1], as: admin)
        try test.vault.members.set("last_name", to: "Björk", for: members[2], as: admin)
        assertClean(test, needles, stage: "while open, before checkpoint")
        try test.vault.checkpoint()
        assertClean(test, needles, stage: "after checkpoint")
        #expect(try test.vault.members.decryptFields(of: members[0])["last_name"] == "Müller-Lüdenscheidt")
    }

    @Test("personal data typed into a purpose or field name is refused and never reaches the audit log on disk")
    func typedNamesStayOut() throws {
        let test = try TestVault()
        let member = try test.vault.members.enroll([FieldInput("email", "anna@example.de")], channel: .store, as: admin).member
        for purpose in ["secret.person@leak.de", "017112345678", "Anna Schmidt, Hauptstr. 5"] {
            #expect(throws: (any Error).self) { _ = try test.vault.members.read(member, purpose: purpose, as: admin) }
            #expect(throws: (any Error).self) { _ = try test.vault.members.read(member, purpose: "loyalty_account", fields: [purpose], as: admin) }
            #expect(throws: (any Error).self) { try test.vault.consents.withdraw(ConsentRequest(purpose: purpose), for: member, as: admin) }
        }
        try test.vault.checkpoint()
        for (file, data) in test.fileContents() {
            for needle in ["secret.person", "017112345678", "Hauptstr"] { #expect(data.range(of: Data(needle.utf8)) == nil, "\(needle) in \(file)") }
        }
        let logged = try test.vault.audit.entries(for: member, as: admin).map(\.purpose)
        #expect(logged.contains("unknown_purpose") && !logged.contains { $0.contains("leak") || $0.contains("0171") }, "\(logged)")
    }

    @Test("a removed value leaves no ciphertext behind after a checkpoint (secure_delete)")
    func unsetLeavesNoCiphertext() throws {
        let test = try TestVault()
        let member = try test.vault.members.enroll([FieldInput("first_name", "Anna"), FieldInput("email", "anna@example.de")], channel: .store, as: admin).member
        let ciphertext = try test.rawDatabase().statement("SELECT ciphertext FROM member_fields WHERE field = 'email'").rows()[0][0].blob!
        try test.vault.members.unset("email", for: member, as: admin)
        try test.vault.checkpoint()
        for (file, data) in test.fileContents() {
            #expect(data.range(of: Data(ciphertext)) == nil, "old ciphertext found in \(file)")
        }
    }

    @Test("the vault runs with WAL, secure_delete and foreign keys on")
    func pragmas() throws {
        let test = try TestVault()
        let database = test.vault.context.database
        #expect(try database.statement("PRAGMA journal_mode").rows()[0][0] == .text("wal"))
        #expect(try database.statement("PRAGMA secure_delete").rows()[0][0] == .integer(1))
        #expect(try database.statement("PRAGMA foreign_keys").rows()[0][0] == .integer(1))
    }
}
