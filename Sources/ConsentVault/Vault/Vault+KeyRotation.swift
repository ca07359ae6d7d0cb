/// Master key rotation: add a version, rewrap every member data key under it (field values stay
/// as they are), then retire the old version once nothing uses it.
extension Vault {
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

    /// The state of every master key version known to the vault or the key file.
    public func keyStatus(as principal: Principal) throws -> [KeyVersionStatus] {
        try authorize(AuditLog.Record(principal: principal, operation: .keysStatus))
        let registered = Set(try registeredKeyVersions())
        let counts = Dictionary(uniqueKeysWithValues: try database.statement(
            "SELECT master_key_version, count(*) FROM members GROUP BY master_key_version").rows()
            .map { (Int($0[0].integer ?? 0), Int($0[1].integer ?? 0)) })
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
    public func rotateMasterKey(keyFilePath: String, batchSize: Int = 1000, as principal: Principal,
                                progress: (RotationProgress) -> Bool = { _ in true }) throws -> RotationProgress {
        try authorize(AuditLog.Record(principal: principal, operation: .keysRotate))
        let registered = try registeredKeyVersions()
        let unfinished = try membersNotOn(version: keyRing.activeVersion) > 0 || !registered.contains(keyRing.activeVersion)
        if !unfinished {
            _ = try keyRing.addVersion()
            try keyRing.write(to: keyFilePath, replacing: true)
        }
        let target = keyRing.activeVersion
        if !registered.contains(target) { try register(version: target) }
        var rewrapped = 0
        while true {
            let batch = try database.writeTransaction { () throws -> Int in
                let rows = try database.statement("""
                    SELECT \(MemberRecord.columns) FROM members
                    WHERE master_key_version <> ?1 LIMIT ?2
                    """).rows([.integer(Int64(target)), .integer(Int64(max(1, batchSize)))])
                for row in rows {
                    let record = try MemberRecord(row: row)
                    let dataKey = try unwrapDataKey(of: record)
                    let wrapped = try keys.wrapDataKey(dataKey, member: record.id, masterVersion: target, dataKeyVersion: record.dataKeyVersion)
                    try database.statement("UPDATE members SET master_key_version = ?2, wrapped_data_key = ?3 WHERE id = ?1")
                        .run([.text(record.id.rawValue), .integer(Int64(target)), .blob(wrapped)])
                }
                return rows.count
            }
            rewrapped += batch
            let state = RotationProgress(targetVersion: target, rewrapped: rewrapped, remaining: try membersNotOn(version: target))
            if state.remaining == 0 || batch == 0 || !progress(state) { return state }
        }
    }

    /// Removes master key `version` from the vault and from the key file at `keyFilePath`.
    /// Refused while it is active or still wraps a member key.
    public func retireMasterKey(version: Int, keyFilePath: String, as principal: Principal) throws {
        try authorize(AuditLog.Record(principal: principal, operation: .keysRetire))
        guard version != keyRing.activeVersion else { throw VaultError.cannotRetireActiveVersion(version) }
        let inUse = Int(try database.statement("SELECT count(*) FROM members WHERE master_key_version = ?1")
            .rows([.integer(Int64(version))]).first?.first?.integer ?? 0)
        guard inUse == 0 else { throw VaultError.keyVersionInUse(version: version, members: inUse) }
        guard try registeredKeyVersions().contains(keyRing.activeVersion) else {
            throw VaultError.keyVersionInUse(version: version, members: 0)
        }
        try database.writeTransaction {
            try database.statement("DELETE FROM master_key_versions WHERE version = ?1").run([.integer(Int64(version))])
        }
        try checkpoint()
        keyRing.removeVersion(version)
        try keyRing.write(to: keyFilePath, replacing: true)
    }

    private func membersNotOn(version: Int) throws -> Int {
        Int(try database.statement("SELECT count(*) FROM members WHERE master_key_version <> ?1")
            .rows([.integer(Int64(version))]).first?.first?.integer ?? 0)
    }

    /// Registers `version` by wrapping the vault root key under it (opened with an older version).
    private func register(version: Int) throws {
        let rootKey = try Vault.unwrapRootKey(database: database, vaultID: vaultID, keyRing: keyRing)
        let wrapped = try VaultKeys.wrapRootKey(rootKey, vaultID: vaultID, version: version, ring: keyRing)
        try database.writeTransaction {
            try database.statement("INSERT INTO master_key_versions (version, added_at, wrapped_root_key) VALUES (?1, ?2, ?3)")
                .run([.integer(Int64(version)), .text(Timestamp.string(clock())), .blob(wrapped)])
        }
    }
}
