@testable import ConsentVault
import Foundation
import Testing

@Suite("Master key rotation and retirement")
struct KeyRotationTests {
    private func load(_ path: String) throws -> KeyRing { try KeyRing.load(path: path) { nil } }

    @Test("rotation rewraps every member key, leaves field ciphertexts untouched, and the new file opens the vault")
    func rotate() throws {
        let test = try TestVault()
        let members = try (0..<25).map { try test.vault.members.enroll([FieldInput("first_name", "Anna"), FieldInput("email", "a\($0)@example.de")], channel: .store, as: admin).member }
        let ciphertextsBefore = try test.rawDatabase().statement("SELECT * FROM member_fields ORDER BY member_key, field").rows()
        let result = try test.vault.keys.rotate(keyFilePath: test.keyPath, batchSize: 10, as: admin)
        #expect(result == .init(targetVersion: 2, rewrapped: 25, remaining: 0))
        #expect(try test.rawDatabase().statement("SELECT * FROM member_fields ORDER BY member_key, field").rows() == ciphertextsBefore)
        let ring = try load(test.keyPath)
        #expect(ring.versions == [1, 2] && ring.activeVersion == 2)
        let reopened = try Vault.open(at: test.vaultPath, keyRing: ring)
        #expect(try reopened.keys.status(as: admin).map(\.members) == [0, 25])
        #expect(try reopened.members.decryptFields(of: members[24]) == ["first_name": "Anna", "email": "a24@example.de"])
        #expect(try reopened.members.find("email", equals: "a3@example.de", as: admin) == [members[3]])
    }

    @Test("an interrupted rotation resumes without adding another version")
    func resume() throws {
        let test = try TestVault()
        for index in 0..<30 { _ = try test.vault.members.enroll([FieldInput("email", "m\(index)@example.de")], channel: .store, as: admin) }
        let partial = try test.vault.keys.rotate(keyFilePath: test.keyPath, batchSize: 7, as: admin) { _ in false }
        #expect(partial.rewrapped == 7 && partial.remaining == 23)
        let reopened = try Vault.open(at: test.vaultPath, keyRing: try load(test.keyPath))
        #expect(try reopened.members.decryptFields(of: try reopened.members.list(limit: 1, as: admin)[0]).count == 1)
        #expect(throws: KeyFileError.keyVersionInUse(version: 1, members: 23)) { try reopened.keys.retire(version: 1, keyFilePath: test.keyPath, as: admin) }
        let finished = try reopened.keys.rotate(keyFilePath: test.keyPath, batchSize: 7, as: admin)
        #expect(finished.targetVersion == 2 && finished.remaining == 0 && finished.rewrapped == 23)
        #expect(try load(test.keyPath).versions == [1, 2])
    }

    @Test("a crash after the key file was written but before the vault registered the version is resumed")
    func crashAfterKeyFileWrite() throws {
        let test = try TestVault()
        let member = try test.vault.members.enroll([FieldInput("email", "anna@example.de")], channel: .store, as: admin).member
        let ring = try load(test.keyPath)
        _ = try ring.addVersion()
        try ring.write(to: test.keyPath, replacing: true)
        let reopened = try Vault.open(at: test.vaultPath, keyRing: try load(test.keyPath))
        #expect(try reopened.members.decryptFields(of: member) == ["email": "anna@example.de"])
        let result = try reopened.keys.rotate(keyFilePath: test.keyPath, as: admin)
        #expect(result.targetVersion == 2 && result.remaining == 0)
    }

    @Test("retiring the old version removes it from vault and key file; the active one cannot be retired")
    func retire() throws {
        let test = try TestVault()
        let member = try test.vault.members.enroll([FieldInput("first_name", "Anna")], channel: .store, as: admin).member
        #expect(throws: KeyFileError.cannotRetireActiveVersion(1)) { try test.vault.keys.retire(version: 1, keyFilePath: test.keyPath, as: admin) }
        _ = try test.vault.keys.rotate(keyFilePath: test.keyPath, as: admin)
        try test.vault.keys.retire(version: 1, keyFilePath: test.keyPath, as: admin)
        let ring = try load(test.keyPath)
        #expect(ring.versions == [2])
        #expect(try Vault.open(at: test.vaultPath, keyRing: ring).members.decryptFields(of: member) == ["first_name": "Anna"])
        #expect(try test.vault.context.meta.keyVersions() == [2])
        var status = stat()
        stat(test.keyPath, &status)
        #expect(status.st_mode & 0o777 == 0o600)
    }

    @Test("a passphrase-protected key file stays protected through rotation")
    func rotateProtected() throws {
        let test = try TestVault()
        let secret = try Array("Geheimnis".utf8).withUnsafeBytes { try SecureBytes(copying: $0) }
        let path = test.folder.appendingPathComponent("protected.keys").path
        try KeyRing.generate(passphrase: secret).write(to: path)
        let vaultPath = test.folder.appendingPathComponent("protected.vault").path
        let vault = try Vault.create(at: vaultPath, keyRing: try KeyRing.load(path: path) { secret }, policies: test.vault.policies)
        let member = try vault.members.enroll([FieldInput("first_name", "Anna")], channel: .store, as: admin).member
        _ = try vault.keys.rotate(keyFilePath: path, as: admin)
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("protection: argon2id"))
        let ring = try KeyRing.load(path: path) { secret }
        #expect(try Vault.open(at: vaultPath, keyRing: ring).members.decryptFields(of: member) == ["first_name": "Anna"])
    }
}
