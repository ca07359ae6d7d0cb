@testable import ConsentVault
@testable import ConsentVaultCLI
import Foundation
import Testing

@Suite("Key files: format, permissions, passphrases, wrong keys")
struct KeyFileTests {
    private func noPassphrase() -> SecureBytes? { nil }

    @Test("a generated key file has mode 0600 and opens the vault it created")
    func roundTrip() throws {
        let test = try TestVault()
        var status = stat()
        stat(test.keyPath, &status)
        #expect(status.st_mode & 0o777 == 0o600)
        let member = try test.vault.members.enroll([FieldInput("first_name", "Jürgen")], channel: .store, as: admin).member
        let reopened = try Vault.open(at: test.vaultPath, keyRing: try KeyRing.load(path: test.keyPath, passphrase: noPassphrase))
        #expect(try reopened.members.decryptFields(of: member) == ["first_name": "Jürgen"])
    }

    @Test("keygen never overwrites an existing file")
    func noOverwrite() throws {
        let test = try TestVault()
        let before = try Data(contentsOf: URL(fileURLWithPath: test.keyPath))
        #expect(throws: KeyFileError.alreadyExists(path: test.keyPath)) { try KeyRing.generate().write(to: test.keyPath) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: test.keyPath)) == before)
    }

    @Test("a key file readable by group or others is refused, with the chmod to run", arguments: [0o640, 0o604, 0o644, 0o660])
    func permissions(mode: Int) throws {
        let test = try TestVault()
        chmod(test.keyPath, mode_t(mode))
        let error = #expect(throws: KeyFileError.self) { _ = try KeyRing.load(path: test.keyPath, passphrase: noPassphrase) }
        #expect(error == .permissionsTooOpen(path: test.keyPath, mode: String(format: "%04o", mode)))
        #expect(error?.hint == "run: chmod 600 \(test.keyPath)")
    }

    @Test("the public example key is refused, even under another key id")
    func exampleKey() throws {
        let test = try TestVault()
        let example = try String(contentsOf: TestVault.repositoryRoot.appendingPathComponent("Keys.example"), encoding: .utf8)
        let copy = try test.writeKeyFile(named: "example.keys", text: example)
        #expect(throws: KeyFileError.exampleKey(path: copy)) { _ = try KeyRing.load(path: copy, passphrase: noPassphrase) }
        let renamed = try test.writeKeyFile(named: "renamed.keys", text: example.replacingOccurrences(of: "cvk_EXAMPLE_do_not_use", with: "cvk_0123456789abcdef"))
        #expect(throws: KeyFileError.exampleKey(path: renamed)) { _ = try KeyRing.load(path: renamed, passphrase: noPassphrase) }
    }

    @Test("malformed key files name the line and what is wrong", arguments: [
        ("format: consent-vault-keys/1\nkey_id cvk_1\n", 2, "expected 'name: value'"),
        ("format: consent-vault-keys/9\n", 1, "unknown format"),
        ("format: consent-vault-keys/1\nkey_id: cvk_1\ncreated: x\nactive_version: 1\nkey.1: abc\n", 5, "must be 64 hexadecimal digits"),
        ("format: consent-vault-keys/1\nkey_id: cvk_1\ncreated: x\nactive_version: 2\nkey.1: \(String(repeating: "ab", count: 32))\n", 4, "active_version must name"),
        ("format: consent-vault-keys/1\nkey_id: cvk_1\nkey_id: cvk_2\n", 3, "appears twice"),
        ("format: consent-vault-keys/1\nkey_id: cvk_1\ncreated: x\nactive_version: 1\nkey.one: 00\n", 5, "positive number"),
        ("format: consent-vault-keys/1\ncreated: x\n", 2, "missing 'key_id:'"),
    ])
    func malformed(text: String, line: Int, reason: String) throws {
        let test = try TestVault()
        let path = try test.writeKeyFile(named: "bad.keys", text: text)
        let error = #expect(throws: KeyFileError.self) { _ = try KeyRing.load(path: path, passphrase: noPassphrase) }
        guard case .malformed(let reportedPath, let reportedLine, let message)? = error else {
            Issue.record("expected malformed, got \(String(describing: error))")
            return
        }
        #expect(reportedPath == path)
        #expect(reportedLine == line)
        #expect(message.contains(reason), "message: \(message)")
    }

    @Test("a missing key file says how to create one")
    func missing() throws {
        let error = #expect(throws: KeyFileError.self) { _ = try KeyRing.load(path: "/nonexistent/vault.keys", passphrase: noPassphrase) }
        #expect(error?.hint.contains("consent-vault keygen") == true)
    }

    @Test("another vault's key is refused, naming the key id the vault was created with")
    func wrongKey() throws {
        let test = try TestVault()
        let otherPath = test.folder.appendingPathComponent("other.keys").path
        let other = try KeyRing.generate()
        try other.write(to: otherPath)
        let error = #expect(throws: KeyFileError.self) { _ = try Vault.open(at: test.vaultPath, keyRing: other) }
        #expect(error == .belongsToAnotherVault(vaultKeyID: test.ring.keyID, fileKeyID: other.keyID))
        #expect(error!.description.contains("this vault was created with key id \(test.ring.keyID)"))
    }

    @Test("a key file with the right id but altered key bytes does not open the vault")
    func alteredKey() throws {
        let test = try TestVault()
        var text = try String(contentsOfFile: test.keyPath, encoding: .utf8)
        let keyLine = text.split(separator: "\n").first { $0.hasPrefix("key.1: ") }!
        let flipped = keyLine.last == "0" ? "1" : "0"
        text = text.replacingOccurrences(of: keyLine, with: keyLine.dropLast() + flipped)
        let path = try test.writeKeyFile(named: "altered.keys", text: text)
        #expect(throws: KeyFileError.keyDoesNotOpenVault(version: 1)) {
            _ = try Vault.open(at: test.vaultPath, keyRing: try KeyRing.load(path: path, passphrase: noPassphrase))
        }
    }

    @Test("a passphrase-protected key file holds no key in clear and needs the right passphrase")
    func passphrase() throws {
        let test = try TestVault()
        let secret = try Array("correct horse battery staple".utf8).withUnsafeBytes { try SecureBytes(copying: $0) }
        let ring = try KeyRing.generate(passphrase: secret)
        let path = test.folder.appendingPathComponent("protected.keys").path
        try ring.write(to: path)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("protection: argon2id"))
        let hex = try ring.masterKey(version: 1).hexEncoded().withUnsafeBytes { String(decoding: $0, as: UTF8.self) }
        #expect(!text.contains(hex))
        #expect(throws: KeyFileError.passphraseRequired(path: path)) { _ = try KeyRing.load(path: path, passphrase: noPassphrase) }
        let wrong = try Array("wrong".utf8).withUnsafeBytes { try SecureBytes(copying: $0) }
        #expect(throws: KeyFileError.wrongPassphrase(path: path)) { _ = try KeyRing.load(path: path) { wrong } }
        let loaded = try KeyRing.load(path: path) { secret }
        #expect(try loaded.masterKey(version: 1).isEqual(to: ring.masterKey(version: 1)))
        #expect(loaded.isPassphraseProtected)
    }
}
