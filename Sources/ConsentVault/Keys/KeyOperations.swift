/// How far a rotation has come.
public struct RotationProgress: Sendable, Equatable {
    /// The version being rotated to.
    public let targetVersion: Int
    /// Member keys rewrapped so far in this run.
    public let rewrapped: Int
    /// Member keys still wrapped under an older version.
    public let remaining: Int
}

/// Per master key version: how many member data keys it wraps.
public struct KeyVersionStatus: Sendable, Equatable {
    /// The version number.
    public let version: Int
    /// Whether the vault has this version registered.
    public let registered: Bool
    /// Whether the key file holds this version.
    public let inKeyFile: Bool
    /// Member data keys wrapped under it.
    public let members: Int
}

/// Master key rotation: add a version, rewrap every member data key under it (field values stay
/// as they are), then retire the old version once nothing uses it.
public struct KeyOperations {
    let context: VaultContext

    /// The state of every master key version known to the vault or the key file.
    public func status(as principal: Principal) throws -> [KeyVersionStatus] {
        try context.authorize(principal, .keysStatus)
        let keyRing = context.keyRing
        let registered = Set(try context.meta.keyVersions())
        let counts = try context.members.countsByMasterVersion()
        return registered.union(keyRing.versions).union(counts.keys).sorted().map {
            KeyVersionStatus(version: $0, registered: registered.contains($0), inKeyFile: keyRing.versions.contains($0), members: counts[$0] ?? 0)
        }
    }

    /// Rotates to a new master key version, or resumes an unfinished rotation.
    ///
    /// A new version is written to the key file at `keyFilePath` (atomically) before the vault
    /// uses it, so an interruption never leaves data under a key that is not on disk. Member keys
    /// are rewrapped in transactions of `batchSize`; `progress` is called after each and may
    /// return false to stop early; running the rotation again resumes it.
    public func rotate(keyFilePath: String, batchSize: Int = 1000, as principal: Principal,
                       progress: (RotationProgress) -> Bool = { _ in true }) throws -> RotationProgress {
        try context.authorize(principal, .keysRotate)
        let keyRing = context.keyRing
        let lock = try KeyFileLock(keyFilePath: keyFilePath)
        defer { withExtendedLifetime(lock) {} }
        guard try keyRing.matchesFile(at: keyFilePath) else { throw KeyFileError.changedOnDisk(path: keyFilePath) }
        let registered = try context.meta.keyVersions()
        let unfinished = try context.members.count(notOn: keyRing.activeVersion) > 0 || !registered.contains(keyRing.activeVersion)
        if !unfinished {
            _ = try keyRing.addVersion()
            try keyRing.write(to: keyFilePath, replacing: true)
        }
        let target = keyRing.activeVersion
        if !registered.contains(target) { try register(version: target) }
        var rewrapped = 0
        while true {
            let batch = try context.database.writeTransaction { () throws -> Int in
                let records = try context.members.records(notOn: target, limit: batchSize)
                for record in records {
                    let dataKey = try context.unwrapDataKey(of: record)
                    let wrapped = try context.keys.wrapDataKey(dataKey, member: record.id, masterVersion: target,
                                                               dataKeyVersion: record.dataKeyVersion)
                    try context.members.rewrap(record.id, version: target, wrappedDataKey: wrapped)
                }
                return records.count
            }
            rewrapped += batch
            let state = RotationProgress(targetVersion: target, rewrapped: rewrapped, remaining: try context.members.count(notOn: target))
            if state.remaining == 0 || batch == 0 || !progress(state) {
                try context.audited(principal, .keysRotate) { record in
                    record.fieldsReturned = ["version:\(target)", "rewrapped:\(rewrapped)", "remaining:\(state.remaining)"]
                }
                return state
            }
        }
    }

    /// Removes master key `version` from the vault and from the key file at `keyFilePath`.
    /// Refused while it is active or still wraps a member key.
    public func retire(version: Int, keyFilePath: String, as principal: Principal) throws {
        try context.authorize(principal, .keysRetire)
        let keyRing = context.keyRing
        let lock = try KeyFileLock(keyFilePath: keyFilePath)
        defer { withExtendedLifetime(lock) {} }
        guard try keyRing.matchesFile(at: keyFilePath) else { throw KeyFileError.changedOnDisk(path: keyFilePath) }
        guard version != keyRing.activeVersion else { throw KeyFileError.cannotRetireActiveVersion(version) }
        let inUse = try context.members.countsByMasterVersion()[version] ?? 0
        guard inUse == 0 else { throw KeyFileError.keyVersionInUse(version: version, members: inUse) }
        guard try context.meta.keyVersions().contains(keyRing.activeVersion) else {
            throw KeyFileError.keyVersionInUse(version: version, members: 0)
        }
        try context.database.writeTransaction { try context.meta.deleteKeyVersion(version) }
        try context.checkpoint()
        keyRing.removeVersion(version)
        try keyRing.write(to: keyFilePath, replacing: true)
        try context.audited(principal, .keysRetire) { record in record.fieldsReturned = ["version:\(version)"] }
    }

    /// Registers `version` by wrapping the vault root key under it (opened with an older version).
    private func register(version: Int) throws {
        let rootKey = try Vault.unwrapRootKey(meta: context.meta, vaultID: context.keys.vaultID, keyRing: context.keyRing)
        let wrapped = try VaultKeys.wrapRootKey(rootKey, vaultID: context.keys.vaultID, version: version, ring: context.keyRing)
        try context.database.writeTransaction { try context.meta.insertKeyVersion(version, wrappedRootKey: wrapped, at: context.timestamp) }
    }
}
