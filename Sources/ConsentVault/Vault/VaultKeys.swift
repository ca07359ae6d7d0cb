/// The keys an open vault works with, derived from the key ring and the vault root key:
/// wrapping subkeys per master key version, and one blind-index key per field.
///
/// Key hierarchy: master key (per version) → `crypto_kdf` wrapping subkey → wraps the vault root
/// key and every member data key. Vault root key → `crypto_kdf` blind-index and audit subkeys.
/// The root key does not change on rotation, so rotation neither rebuilds indexes nor breaks the
/// audit chain; it only rewraps.
final class VaultKeys {
    /// Identifies the vault in associated data, so ciphertexts cannot move between vaults.
    let vaultID: String
    private let ring: KeyRing
    private var wrappingKeys: [Int: SecureBytes] = [:]
    private let blindIndexRoot: SecureBytes
    private var fieldIndexKeys: [String: SecureBytes] = [:]
    /// Keys the audit hash chain.
    let auditChainKey: SecureBytes
    /// Keys member pseudonyms in the audit log.
    let auditPseudonymKey: SecureBytes
    /// Keys the hashes of double opt-in and access tokens.
    let tokenKey: SecureBytes
    /// Keys erasure tags: stable pseudonyms of member ids kept in the erasure journal.
    let erasureKey: SecureBytes
    /// Seed of the vault's Ed25519 export signing key.
    let signingSeed: SecureBytes
    /// Seals prompt session mappings.
    let sessionKey: SecureBytes
    /// Keys the seals over every row that decides access or proves something.
    let integrityKey: SecureBytes

    init(vaultID: String, ring: KeyRing, rootKey: SecureBytes) throws {
        self.vaultID = vaultID
        self.ring = ring
        blindIndexRoot = try KeyDerivation.subkey(for: .blindIndex, from: rootKey)
        auditChainKey = try KeyDerivation.subkey(for: .audit, from: rootKey, id: 1)
        auditPseudonymKey = try KeyDerivation.subkey(for: .audit, from: rootKey, id: 2)
        tokenKey = try KeyDerivation.subkey(for: .audit, from: rootKey, id: 3)
        erasureKey = try KeyDerivation.subkey(for: .erasure, from: rootKey)
        signingSeed = try KeyDerivation.subkey(for: .signing, from: rootKey)
        sessionKey = try KeyDerivation.subkey(for: .audit, from: rootKey, id: 5)
        integrityKey = try KeyDerivation.subkey(for: .integrity, from: rootKey)
    }

    /// The wrapping subkey of master key `version`.
    func wrappingKey(version: Int) throws -> SecureBytes {
        if let key = wrappingKeys[version] { return key }
        let key = try KeyDerivation.subkey(for: .wrapping, from: try ring.masterKey(version: version))
        wrappingKeys[version] = key
        return key
    }

    /// Seals a new vault root key under master key `version`.
    static func wrapRootKey(_ rootKey: SecureBytes, vaultID: String, version: Int, ring: KeyRing) throws -> [UInt8] {
        let wrappingKey = try KeyDerivation.subkey(for: .wrapping, from: try ring.masterKey(version: version))
        return try rootKey.withUnsafeBytes { (bytes) throws(CryptoError) in
            try AEAD.seal(bytes, using: wrappingKey, authenticating: rootBinding(vaultID: vaultID, version: version))
        }
    }

    /// Opens the vault root key sealed under master key `version`.
    static func unwrapRootKey(_ wrapped: [UInt8], vaultID: String, version: Int, ring: KeyRing) throws -> SecureBytes {
        let wrappingKey = try KeyDerivation.subkey(for: .wrapping, from: try ring.masterKey(version: version))
        do {
            return try AEAD.open(wrapped, using: wrappingKey, authenticating: rootBinding(vaultID: vaultID, version: version))
        } catch {
            throw KeyFileError.keyDoesNotOpenVault(version: version)
        }
    }

    private static func rootBinding(vaultID: String, version: Int) -> [UInt8] {
        Array("cv1|root|\(vaultID)|\(version)".utf8)
    }

    /// Seals a member's data key under master key `masterVersion`, bound to member and versions.
    func wrapDataKey(_ dataKey: SecureBytes, member: MemberID, masterVersion: Int, dataKeyVersion: Int) throws -> [UInt8] {
        try Self.wrap(dataKey, using: try wrappingKey(version: masterVersion), binding: dataKeyBinding(member, masterVersion, dataKeyVersion))
    }

    private static func wrap(_ dataKey: SecureBytes, using key: SecureBytes, binding: [UInt8]) throws -> [UInt8] {
        try dataKey.withUnsafeBytes { (bytes) throws(CryptoError) in try AEAD.seal(bytes, using: key, authenticating: binding) }
    }

    /// The keys a new member's secrets are made with under master key `masterVersion`, fetched
    /// once so another thread can use them without touching this object's caches.
    func enrollmentKeys(masterVersion: Int, indexedFields: [String]) throws -> EnrollmentKeys {
        EnrollmentKeys(vaultID: vaultID, masterVersion: masterVersion, wrappingKey: try wrappingKey(version: masterVersion), erasureKey: erasureKey,
                       indexKeys: try Dictionary(uniqueKeysWithValues: indexedFields.map { ($0, try blindIndexKey(field: $0)) }))
    }

    /// A new member's secrets made ahead of the write: id, data key (wrapped), erasure tag, and each
    /// value sealed with its blind index. Holds only keys that are never changed, so it may be used
    /// on another thread than the vault's (an import prepares the next batch beside the writer).
    struct EnrollmentKeys: @unchecked Sendable {
        let vaultID: String
        let masterVersion: Int
        let wrappingKey: SecureBytes
        let erasureKey: SecureBytes
        let indexKeys: [String: SecureBytes]

        /// A new member's secrets for `values` under the fresh random `dataKey` (data key version 1).
        func prepare(_ values: [(FieldDefinition, NormalizedValue)], for member: MemberID, dataKey: SecureBytes) throws -> MemberSecrets {
            let wrapped = try VaultKeys.wrap(dataKey, using: wrappingKey, binding: VaultKeys.dataKeyBinding(vaultID, member, masterVersion, 1))
            let prepared = try values.map { definition, value in
                let sealed = SealedValue(ciphertext: try AEAD.seal(value.stored, using: dataKey,
                                                                    authenticating: VaultKeys.fieldBinding(vaultID, member, definition.name, 1)),
                                         dataKeyVersion: 1)
                let hash = try indexKeys[definition.name].map { try VaultKeys.blindIndex(lookupKey: value.lookupKey, key: $0) }
                return PreparedValue(definition: definition, value: value, sealed: sealed, blindIndex: hash)
            }
            return MemberSecrets(member: member, masterVersion: masterVersion, dataKey: dataKey, wrappedDataKey: wrapped,
                                 erasureTag: try VaultKeys.erasureTag(member, key: erasureKey), values: prepared)
        }
    }

    /// Opens a member's data key; a modified or moved wrapped key is an integrity error.
    func unwrapDataKey(_ wrapped: [UInt8], member: MemberID, masterVersion: Int, dataKeyVersion: Int) throws -> SecureBytes {
        let key = try wrappingKey(version: masterVersion)
        do {
            return try AEAD.open(wrapped, using: key, authenticating: dataKeyBinding(member, masterVersion, dataKeyVersion))
        } catch {
            throw MemberError.dataKeyIntegrity(member: member.rawValue)
        }
    }

    private func dataKeyBinding(_ member: MemberID, _ masterVersion: Int, _ dataKeyVersion: Int) -> [UInt8] {
        Self.dataKeyBinding(vaultID, member, masterVersion, dataKeyVersion)
    }

    private static func dataKeyBinding(_ vaultID: String, _ member: MemberID, _ masterVersion: Int, _ dataKeyVersion: Int) -> [UInt8] {
        Array("cv1|datakey|\(vaultID)|\(member.rawValue)|\(masterVersion)|\(dataKeyVersion)".utf8)
    }

    /// Associated data of a field value: vault, member, field and data key version.
    func fieldBinding(member: MemberID, field: String, dataKeyVersion: Int) -> [UInt8] {
        Self.fieldBinding(vaultID, member, field, dataKeyVersion)
    }

    private static func fieldBinding(_ vaultID: String, _ member: MemberID, _ field: String, _ dataKeyVersion: Int) -> [UInt8] {
        Array("cv1|field|\(vaultID)|\(member.rawValue)|\(field)|\(dataKeyVersion)".utf8)
    }

    /// The member's erasure tag: a keyed pseudonym that survives in the erasure journal.
    func erasureTag(_ member: MemberID) throws -> String {
        try Self.erasureTag(member, key: erasureKey)
    }

    private static func erasureTag(_ member: MemberID, key: SecureBytes) throws -> String {
        Hex.encode(try KeyDerivation.keyedHash(Array(member.rawValue.utf8), key: key, length: 16))
    }

    /// The suppression list hash of a contact value, from its blind index: keyed again under the
    /// erasure key, so the list shares no bytes with the lookup index it outlives.
    func suppressionHash(field: String, blindIndex: [UInt8]) throws -> [UInt8] {
        try KeyDerivation.keyedHash(Array("cv1|suppress|\(field)|".utf8) + blindIndex, key: erasureKey)
    }

    /// Keyed BLAKE2b of a normalized value under the field's own index key.
    func blindIndex(field: String, lookupKey: String) throws -> [UInt8] {
        try Self.blindIndex(lookupKey: lookupKey, key: try blindIndexKey(field: field))
    }

    private func blindIndexKey(field: String) throws -> SecureBytes {
        if let cached = fieldIndexKeys[field] { return cached }
        let key = try KeyDerivation.keyedHashKey(Array("cv1|blind-index|\(field)".utf8), key: blindIndexRoot)
        fieldIndexKeys[field] = key
        return key
    }

    private static func blindIndex(lookupKey: String, key: SecureBytes) throws -> [UInt8] {
        try KeyDerivation.keyedHash(Array(lookupKey.utf8), key: key)
    }
}
