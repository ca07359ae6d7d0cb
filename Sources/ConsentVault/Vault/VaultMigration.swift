import Foundation

/// Moving a vault file to the storage format this build writes (`vault migrate`): what it would
/// do, and doing it with progress. Opening a vault (`Vault.open`) migrates it too, silently; both
/// resume a migration that was interrupted.
public enum VaultMigration {
    /// Members copied per transaction unless the caller says otherwise.
    public static let defaultBatchSize = 2_000

    /// What a migration of one vault would do.
    public struct Plan: Sendable, Equatable {
        /// The storage format the file has now: 1, 2, or 3 (then nothing is left to do).
        public let format: Int
        /// Whether the next step was started and interrupted; `copiedMembers` of `members` are copied.
        public let isInterrupted: Bool
        /// Members the interrupted step has already copied.
        public let copiedMembers: Int
        /// Members in the vault.
        public let members: Int
        /// Rows each table the next step rebuilds still holds in its old form (what is left to move), by table.
        public let rows: [String: Int]
        /// Members per transaction.
        public let batchSize: Int
        /// The file's size in bytes now.
        public let fileBytes: Int64

        /// The storage format this build writes.
        public static var currentFormat: Int { Schema.formatSteps.last?.format ?? 1 }

        /// Transactions left: for each step still to run, one per batch of members still to copy and the swap.
        public var transactions: Int {
            let batches = { (members: Int) in (members + batchSize - 1) / batchSize + 1 }
            guard format < Self.currentFormat else { return 0 }
            return batches(members - copiedMembers) + (Self.currentFormat - format - 1) * batches(members)
        }
    }

    /// What migrating the vault at `path` would do; changes nothing, not even its `-wal` file (the
    /// file is opened read-only). The key ring must open the vault.
    public static func plan(at path: String, keyRing: KeyRing, batchSize: Int = defaultBatchSize) throws -> Plan {
        let database = try openChecked(path, keyRing: keyRing, readOnly: true)
        let version = try Schema.version(of: database)
        if version > Schema.currentVersion { throw StorageError.schemaTooNew(found: version, supported: Schema.currentVersion) }
        let bytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.int64Value ?? 0
        guard let step = try Schema.formatSteps.first(where: { try $0.state(of: database) != .after }) else {
            let members = try database.statement("SELECT count(*) AS value FROM members").scalar(table: "members")
            return Plan(format: Plan.currentFormat, isInterrupted: false, copiedMembers: 0, members: members, rows: [:],
                        batchSize: max(1, batchSize), fileBytes: bytes)
        }
        // What would stop the migration stops the dry run too, with the same error.
        try FormatThree.refuseInexactTimestamps(database)
        let interrupted = try step.state(of: database) == .migrating
        let rows = try step.rowCounts(database)
        let copied = interrupted ? try step.copiedMembers(database) : 0
        return Plan(format: step.format - 1, isInterrupted: interrupted, copiedMembers: copied, members: (rows["members"] ?? 0) + copied,
                    rows: rows, batchSize: max(1, batchSize), fileBytes: bytes)
    }

    /// Migrates the vault at `path` to the current format (or finishes an interrupted migration),
    /// `batchSize` members per transaction; `progress` gets the format each batch moves to and the
    /// members that step has copied, after each batch.
    public static func run(at path: String, keyRing: KeyRing, batchSize: Int = defaultBatchSize,
                           progress: (_ format: Int, _ copied: Int) throws -> Void = { _, _ in }) throws {
        try Schema.migrate(try openChecked(path, keyRing: keyRing, readOnly: false), batchSize: max(1, batchSize), afterBatch: progress)
    }

    /// The vault file at `path`, opened without migrating, once `keyRing` is known to open it (its
    /// root key unwraps, checked on a read-only connection): nothing is written before that.
    private static func openChecked(_ path: String, keyRing: KeyRing, readOnly: Bool) throws -> Database {
        guard FileManager.default.fileExists(atPath: path) else { throw StorageError.vaultNotFound(path: path) }
        try PrivateFiles.refuseSymbolicLink(path)
        let probe = try Database(path: path, create: false, readOnly: true)
        _ = try Vault.unlock(probe, path: path, keyRing: keyRing)
        return readOnly ? probe : try Database(path: path, create: false)
    }
}
