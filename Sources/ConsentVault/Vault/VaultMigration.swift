import Foundation

/// Moving a vault file to the storage format this build writes (`vault migrate`): what it would
/// do, and doing it with progress. Opening a vault (`Vault.open`) migrates it too, silently; both
/// resume a migration that was interrupted.
public enum VaultMigration {
    /// Members (audit entries, for the step to format 5) copied per transaction unless the caller says otherwise.
    public static let defaultBatchSize = 2_000

    /// What a migration of one vault would do.
    public struct Plan: Sendable, Equatable {
        /// The storage format the file has now: 1 to 4, or 5 (then nothing is left to do).
        public let format: Int
        /// Whether the next step was started and interrupted; it has copied `copied` of its rows.
        public let isInterrupted: Bool
        /// What the interrupted step has already copied: members (steps to formats 2 to 4) or
        /// audit entries (the step to format 5).
        public let copied: Int
        /// Members in the vault.
        public let members: Int
        /// Audit entries in the vault.
        public let auditEntries: Int
        /// Rows each table the next step rebuilds still holds in its old form (what is left to move), by table.
        public let rows: [String: Int]
        /// Members per transaction.
        public let batchSize: Int
        /// The file's size in bytes now.
        public let fileBytes: Int64

        /// The storage format this build writes.
        public static var currentFormat: Int { Schema.formatSteps.last?.format ?? 1 }

        /// What the step to `format` moves in batches: how many, and of what.
        public func batched(byStepTo format: Int) -> (count: Int, unit: String) {
            Schema.formatSteps.first { $0.format == format }?.driver == "audit_log" ? (auditEntries, "audit entries") : (members, "members")
        }

        /// Transactions left: for each step still to run, one per batch still to copy and the swap.
        public var transactions: Int {
            guard format < Self.currentFormat else { return 0 }
            return (format + 1...Self.currentFormat).reduce(0) { total, target in
                let left = batched(byStepTo: target).count - (target == format + 1 ? copied : 0)
                return total + (left + batchSize - 1) / batchSize + 1
            }
        }
    }

    /// What migrating the vault at `path` would do; changes nothing, not even its `-wal` file (the
    /// file is opened read-only). The key ring must open the vault.
    public static func plan(at path: String, keyRing: KeyRing, batchSize: Int = defaultBatchSize) throws -> Plan {
        let database = try openChecked(path, keyRing: keyRing, readOnly: true)
        let version = try Schema.version(of: database)
        if version > Schema.currentVersion { throw StorageError.schemaTooNew(found: version, supported: Schema.currentVersion) }
        let bytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.int64Value ?? 0
        let members = try database.statement("SELECT count(*) AS value FROM members").scalar(table: "members")
        guard let step = try Schema.formatSteps.first(where: { try $0.state(of: database) != .after }) else {
            return Plan(format: Plan.currentFormat, isInterrupted: false, copied: 0, members: members, auditEntries: try auditEntries(database),
                        rows: [:], batchSize: max(1, batchSize), fileBytes: bytes)
        }
        // What would stop the migration stops the dry run too, with the same error.
        try Schema.refuseInexactTimestamps(database)
        let interrupted = try step.state(of: database) == .migrating
        let copied = interrupted ? try step.copiedRows(database) : 0
        // Members are copied away from the old `members` table by the steps to formats 2 and 3.
        let stepMembers = step.tables.first == "members" ? members + copied : members
        return Plan(format: step.format - 1, isInterrupted: interrupted, copied: copied, members: stepMembers,
                    auditEntries: try auditEntries(database) + (step.driver == "audit_log" ? copied : 0),
                    rows: try step.rowCounts(database), batchSize: max(1, batchSize), fileBytes: bytes)
    }

    /// Audit entries in `database` (those in the old table only, while the step to format 5 moves them).
    private static func auditEntries(_ database: Database) throws -> Int {
        try database.statement("SELECT count(*) AS value FROM audit_log").scalar(table: "audit_log")
    }

    /// Migrates the vault at `path` to the current format (or finishes an interrupted migration),
    /// `batchSize` members (audit entries for format 5) per transaction; `progress` gets the format
    /// each batch moves to and the members (or audit entries) that step has copied, after each batch.
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
