public import Foundation

/// The operator's master keys: one key id for the vault's whole life and one or more numbered
/// versions (rotation adds a version; retirement removes an old one). Loaded from a key file
/// that only its owner may read; every key lives in protected memory.
public final class KeyRing {
    /// Identifies the key file; the vault remembers it and refuses any other.
    public let keyID: String
    /// When the key file was first created (ISO 8601, UTC).
    public let created: String
    /// The version that wraps new data keys.
    public private(set) var activeVersion: Int
    private var masterKeys: [Int: SecureBytes]
    private let protection: KeyFileProtection?

    /// Key id of the public example in `Keys.example`; a vault refuses it.
    static let exampleKeyID = "cvk_EXAMPLE_do_not_use"

    /// All versions held, oldest first.
    public var versions: [Int] { masterKeys.keys.sorted() }

    /// Whether the key file is protected by a passphrase.
    public var isPassphraseProtected: Bool { protection != nil }

    private init(keyID: String, created: String, activeVersion: Int, masterKeys: [Int: SecureBytes], protection: KeyFileProtection?) {
        self.keyID = keyID
        self.created = created
        self.activeVersion = activeVersion
        self.masterKeys = masterKeys
        self.protection = protection
    }

    /// A new key ring with one random master key (version 1), optionally passphrase-protected.
    public static func generate(passphrase: SecureBytes? = nil, now: Date = Date()) throws -> KeyRing {
        let idBytes = Sodium.randomPublicBytes(count: 8)
        let protection = try passphrase.map { (secret) throws(CryptoError) in try KeyFileProtection.new(passphrase: secret) }
        return KeyRing(keyID: "cvk_" + Hex.encode(idBytes), created: Timestamp.string(now), activeVersion: 1,
                       masterKeys: [1: try SecureBytes.random(count: KeyDerivation.keyByteCount)], protection: protection)
    }

    /// The master key of `version`, or an error naming the missing version.
    func masterKey(version: Int) throws(KeyFileError) -> SecureBytes {
        guard let key = masterKeys[version] else { throw .versionMissing(version: version) }
        return key
    }

    /// Adds a new random master key version and makes it the active one; returns its number.
    func addVersion() throws -> Int {
        let version = (masterKeys.keys.max() ?? 0) + 1
        masterKeys[version] = try SecureBytes.random(count: KeyDerivation.keyByteCount)
        activeVersion = version
        return version
    }

    /// Removes an old version; the active one cannot be removed.
    func removeVersion(_ version: Int) {
        guard version != activeVersion else { return }
        masterKeys[version] = nil
    }

    /// Loads the key file at `path`. `passphrase` is asked only when the file is protected.
    public static func load(path: String, passphrase: () throws -> SecureBytes?) throws -> KeyRing {
        let content = try SecureFile.read(path)
        let entries = try KeyFileFormat.entries(in: content, path: path)
        var header: [String: (line: Int, value: String)] = [:]
        var keyEntries: [(version: Int, entry: KeyFileFormat.Entry)] = []
        for entry in entries {
            if entry.name.hasPrefix("key.") {
                guard let version = Int(entry.name.dropFirst(4)), version > 0 else {
                    throw KeyFileError.malformed(path: path, line: entry.line, reason: "key version must be a positive number, as in 'key.1'")
                }
                guard !keyEntries.contains(where: { $0.version == version }) else {
                    throw KeyFileError.malformed(path: path, line: entry.line, reason: "key version \(version) appears twice")
                }
                keyEntries.append((version, entry))
            } else {
                guard header[entry.name] == nil else {
                    throw KeyFileError.malformed(path: path, line: entry.line, reason: "'\(entry.name)' appears twice")
                }
                header[entry.name] = (entry.line, KeyFileFormat.text(of: entry, in: content))
            }
        }
        func required(_ name: String) throws(KeyFileError) -> (line: Int, value: String) {
            guard let found = header[name], !found.value.isEmpty else {
                throw .malformed(path: path, line: entries.last?.line ?? 1, reason: "missing '\(name):' line")
            }
            return found
        }
        let format = try required("format")
        guard format.value == KeyFileFormat.formatName else {
            throw KeyFileError.malformed(path: path, line: format.line, reason: "unknown format '\(format.value)', expected '\(KeyFileFormat.formatName)'")
        }
        let keyID = try required("key_id").value
        if keyID == exampleKeyID { throw KeyFileError.exampleKey(path: path) }
        let created = try required("created").value
        let active = try required("active_version")
        guard let activeVersion = Int(active.value), keyEntries.contains(where: { $0.version == activeVersion }) else {
            throw KeyFileError.malformed(path: path, line: active.line, reason: "active_version must name a 'key.N' line of this file")
        }
        let protection = try readProtection(header: header, path: path, keyID: keyID, passphrase: passphrase)
        var keys: [Int: SecureBytes] = [:]
        for (version, entry) in keyEntries {
            keys[version] = try decodeKey(entry, version: version, content: content, path: path, keyID: keyID, protection: protection)
        }
        return KeyRing(keyID: keyID, created: created, activeVersion: activeVersion, masterKeys: keys, protection: protection)
    }

    private static func readProtection(header: [String: (line: Int, value: String)], path: String, keyID: String,
                                       passphrase: () throws -> SecureBytes?) throws -> KeyFileProtection? {
        let mode = header["protection"]?.value ?? "none"
        switch mode {
        case "none": return nil
        case "argon2id":
            guard let saltText = header["salt"], let salt = Hex.decode(saltText.value),
                  salt.count == PassphraseKey.saltByteCount else {
                throw KeyFileError.malformed(path: path, line: header["salt"]?.line ?? 1, reason: "'salt' must be \(PassphraseKey.saltByteCount * 2) hexadecimal digits")
            }
            guard let ops = header["opslimit"].flatMap({ UInt64($0.value) }), let mem = header["memlimit"].flatMap({ Int($0.value) }) else {
                throw KeyFileError.malformed(path: path, line: header["protection"]?.line ?? 1, reason: "argon2id protection needs numeric 'opslimit' and 'memlimit'")
            }
            guard let secret = try passphrase() else { throw KeyFileError.passphraseRequired(path: path) }
            return try KeyFileProtection.derive(passphrase: secret, salt: salt, opsLimit: ops, memLimit: mem)
        default:
            throw KeyFileError.malformed(path: path, line: header["protection"]?.line ?? 1, reason: "protection must be 'none' or 'argon2id'")
        }
    }

    private static func decodeKey(_ entry: KeyFileFormat.Entry, version: Int, content: SecureBytes, path: String,
                                  keyID: String, protection: KeyFileProtection?) throws -> SecureBytes {
        guard let protection else {
            let key = try KeyFileFormat.secretHex(of: entry, in: content, byteCount: KeyDerivation.keyByteCount, path: path)
            if ExampleKey.matches(key) { throw KeyFileError.exampleKey(path: path) }
            return key
        }
        guard let sealed = Hex.decode(KeyFileFormat.text(of: entry, in: content)) else {
            throw KeyFileError.malformed(path: path, line: entry.line, reason: "'\(entry.name)' must be hexadecimal")
        }
        do {
            return try AEAD.open(sealed, using: protection.encryptionKey,
                                 authenticating: KeyFileProtection.binding(keyID: keyID, version: version))
        } catch {
            throw KeyFileError.wrongPassphrase(path: path)
        }
    }

    /// Whether the key file at `path` holds exactly this ring's versions with the same active one:
    /// false once another process has rotated or retired keys in it.
    func matchesFile(at path: String) throws -> Bool {
        let content = try SecureFile.read(path)
        let entries = try KeyFileFormat.entries(in: content, path: path)
        let onDisk = entries.filter { $0.name.hasPrefix("key.") }.compactMap { Int($0.name.dropFirst(4)) }.sorted()
        let active = entries.first { $0.name == "active_version" }.map { KeyFileFormat.text(of: $0, in: content) }
        return onDisk == versions && active == String(activeVersion)
    }

    /// Writes the key ring to `path` (mode 0600, atomically). Without `replacing`, an existing
    /// file is never overwritten.
    public func write(to path: String, replacing: Bool = false) throws {
        var pieces: [SecretText] = [.plain("""
            # ConsentVault key file. Keep it at mode 0600, never commit it, and back it up
            # separately from the vault: whoever holds this file and the vault can read the vault.
            format: \(KeyFileFormat.formatName)
            key_id: \(keyID)
            created: \(created)
            active_version: \(activeVersion)

            """)]
        if let protection {
            pieces.append(.plain("protection: argon2id\nsalt: \(Hex.encode(protection.salt))\nopslimit: \(protection.opsLimit)\nmemlimit: \(protection.memLimit)\n"))
        } else {
            pieces.append(.plain("protection: none\n"))
        }
        for version in versions {
            let key = try masterKey(version: version)
            if let protection {
                let sealed = try key.withUnsafeBytes { (bytes) throws(CryptoError) in
                    try AEAD.seal(bytes, using: protection.encryptionKey,
                                  authenticating: KeyFileProtection.binding(keyID: keyID, version: version))
                }
                pieces.append(.plain("key.\(version): \(Hex.encode(sealed))\n"))
            } else {
                pieces.append(.plain("key.\(version): "))
                pieces.append(.secret(try key.hexEncoded()))
                pieces.append(.plain("\n"))
            }
        }
        try SecureFile.write(pieces, to: path, replacing: replacing)
    }
}
