import Foundation

/// What every operation on one open vault works with: the connection, the keys, the policy set,
/// the clock and one store per aggregate. Authorization and auditing (`authorize`, `audited`)
/// live here, so every capability goes through the same gate.
///
/// Not `Sendable`: it holds one SQLite connection and cached statements, which must not be used
/// from two threads at once. `VaultQueue` is the thread-safe way to share a vault.
final class VaultContext {
    /// Path of the vault file.
    let path: String
    let database: Database
    let keyRing: KeyRing
    /// Keys derived from the vault root key and the master keys.
    let keys: VaultKeys
    /// The policy set in force (replaced by `Vault.applyPolicies`).
    var policies: PolicySet
    /// `controllerTimeZone`, kept while the policy set names the same zone.
    private var timeZoneCache: TimeZone?
    let clock: @Sendable () -> Date
    /// The journal of events a restore of an old backup must not roll back.
    let journal: EventJournal

    /// `members`, `member_fields`, `blind_indexes`.
    let members: MemberStore
    /// `consent_events`, `doi_tokens`, `field_restrictions`, `consent_proof_archive`.
    let consents: ConsentStore
    /// `requests`, `member_restrictions`.
    let requests: RequestStore
    /// `points_ledger`, `profile_asks`, `points_archive`.
    let rewards: RewardStore
    /// `prompt_sessions`.
    let promptSessions: PromptSessionStore
    /// `suppression_list`.
    let suppression: SuppressionStore
    /// `access_tokens`.
    let tokens: TokenStore
    /// `policies`, `policy_history`, `notices`.
    let policyStore: PolicyStore
    /// `audit_log`.
    let auditLog: AuditLog
    /// `vault_meta`, `master_key_versions`.
    let meta: VaultMetaStore
    /// `vault_seals` and this connection's change log.
    let integrity: IntegrityStore
    /// Seals checked in the current transaction, by member, so its audit entry can anchor them.
    var verifiedSeals: [MemberID: [UInt8]] = [:]
    /// `PRAGMA data_version` when the suppression list last matched its seal; another
    /// connection's commit changes it, so the list is checked again.
    var suppressionVerifiedAt: Int?

    init(path: String, database: Database, keyRing: KeyRing, keys: VaultKeys, policies: PolicySet, erasureJournalPath: String,
         clock: @escaping @Sendable () -> Date) {
        self.path = path
        self.database = database
        self.keyRing = keyRing
        self.keys = keys
        self.policies = policies
        self.clock = clock
        journal = EventJournal(path: erasureJournalPath, key: keys.erasureKey, vaultID: keys.vaultID)
        members = MemberStore(database: database)
        consents = ConsentStore(database: database)
        requests = RequestStore(database: database)
        rewards = RewardStore(database: database)
        promptSessions = PromptSessionStore(database: database)
        suppression = SuppressionStore(database: database)
        tokens = TokenStore(database: database)
        policyStore = PolicyStore(database: database)
        auditLog = AuditLog(database: database, chainKey: keys.auditChainKey, pseudonymKey: keys.auditPseudonymKey)
        meta = VaultMetaStore(database: database)
        integrity = IntegrityStore(database: database)
    }

    /// Starts recording changes and resealing them before every commit of this connection.
    func startSealing() throws {
        try integrity.installChangeLog()
        database.beforeCommit = { [weak self] in try self?.sealAndAppend(nil) }
    }

    /// The field catalog of the policy set in force.
    var catalog: FieldCatalog { policies.fields }
    /// The vault clock's current time as stored (ISO 8601, UTC).
    var timestamp: String { Timestamp.string(clock()) }
    /// The vault clock's current day in the controller's time zone (`wording.json`): deadlines,
    /// "received today" and "not in the future" are the controller's days, not UTC's.
    var today: CalendarDay {
        let now = clock()
        return CalendarDay.today(now.addingTimeInterval(TimeInterval(controllerTimeZone.secondsFromGMT(for: now))))
    }

    /// The controller's day of a stored time (ISO 8601, UTC): `2026-12-31T23:30:00Z` is 1 January in Berlin.
    func controllerDay(of timestamp: String) -> CalendarDay? {
        guard let date = Timestamp.date(timestamp) else { return CalendarDay(iso: String(timestamp.prefix(10))) }
        return CalendarDay.today(date.addingTimeInterval(TimeInterval(controllerTimeZone.secondsFromGMT(for: date))))
    }

    /// The stored time (ISO 8601, UTC) at which `day` begins in the controller's time zone.
    func utcStart(ofControllerDay day: CalendarDay) -> String {
        let midnightUTC = Timestamp.date(day.iso + "T00:00:00Z") ?? Date(timeIntervalSince1970: 0)
        return Timestamp.string(midnightUTC.addingTimeInterval(-TimeInterval(controllerTimeZone.secondsFromGMT(for: midnightUTC))))
    }

    /// The controller's time zone, from the policy set's wording (or the built-in one).
    var controllerTimeZone: TimeZone {
        let identifier = (policies.wording ?? WordingPolicy.builtIn).timeZone
        if let cached = timeZoneCache, cached.identifier == identifier { return cached }
        let zone = TimeZone(identifier: identifier) ?? .gmt
        timeZoneCache = zone
        return zone
    }

    /// The newest master key version that both the key file and the vault know: new data keys are
    /// wrapped under it.
    func writeKeyVersion() throws -> Int {
        let registered = try meta.keyVersions()
        guard let newest = keyRing.versions.filter(registered.contains).max() else {
            // The vault retired every version this process loaded (a rotation and retirement ran meanwhile).
            if let missing = registered.max() { throw KeyFileError.versionMissing(version: missing) }
            return keyRing.activeVersion
        }
        return newest
    }

    /// Writes the WAL back into the vault file and truncates it, so no older page images remain;
    /// false when other connections' readers hold it open for now.
    @discardableResult
    func checkpoint() throws -> Bool {
        try database.checkpointAndTruncateWAL()
    }
}
