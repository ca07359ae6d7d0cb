/// One step of a storage-format migration: tables are rebuilt into new ones (created beside them
/// with a suffix, with their indexes from the start), moved in batches of a driving table's rows
/// (members, or audit entries), each its own transaction that copies the batch's rows and deletes
/// them from the old tables (whose pages `secure_delete` zeroes), with the position in a progress
/// table: a step killed at any moment resumes where it stopped the next time the vault is opened.
/// The last transaction swaps the emptied old tables for the new ones, so memory stays bounded by
/// a batch however large the vault.
struct BatchedRebuild {
    /// The storage format the step makes (the vault is in the one before until it ends).
    let format: Int
    /// The schema version the step starts from.
    let fromVersion: Int
    /// The schema version the step sets when it starts; its progress table tells a finished step
    /// from an interrupted one.
    let version: Int
    /// The tables rebuilt, in the order they are copied.
    let tables: [String]
    /// The table whose rows, in `batchKey` order, make the batches (`members` unless the step
    /// rebuilds a table no member owns); when it is rebuilt too, it comes first in `tables`.
    var driver = "members"
    /// Suffix of the new tables until the swap.
    let suffix: String
    /// Tables whose `seq` (AUTOINCREMENT) clients may have seen: their counters carry over.
    let sequencedTables: [String]
    /// The progress table (one row, one column `last_member`: the batch key of the last driving row moved).
    let progressTable: String
    /// The column of `driver` that orders the batches (`id` or `key` of `members`).
    let batchKey: String
    /// Creates the new tables with their indexes and the progress table with its starting row.
    let createTables: String
    /// Rows of the batch from `?1` to `?2` the new format cannot hold unchanged, counted per
    /// table, with what is wrong with them: any such row stops the step before its batch is copied.
    let refusals: [(table: String, problem: String, count: String)]
    /// Copies the rows of the members whose batch key lies after `?1` up to and including `?2`.
    let copyBatch: [String]
    /// Deletes from the old tables the rows of the members copied in the batch from `?1` to `?2`.
    let deleteBatch: [String]
    /// Triggers of the new format, made once the tables have their final names.
    let createTriggers: String

    /// Where a vault stands with respect to this step.
    enum State: Equatable {
        /// Before the step: nothing copied yet.
        case before
        /// Started and not finished.
        case migrating
        /// The step is done.
        case after
    }

    /// Where `database` stands with respect to this step.
    func state(of database: Database) throws -> State {
        let found = try Schema.version(of: database)
        if found < version { return .before }
        return try found == version && hasProgress(database) ? .migrating : .after
    }

    /// Rows each rebuilt table still holds in its old form (all of them before the step, those of
    /// members not yet moved during it).
    func rowCounts(_ database: Database) throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for table in tables { counts[table] = try database.statement("SELECT count(*) AS value FROM \(table)").scalar(table: table) }
        return counts
    }

    /// Rows of `driver` (members, unless the step is driven by another table) an interrupted step has copied.
    func copiedRows(_ database: Database) throws -> Int {
        guard tables.first != driver else {
            return try database.statement("SELECT count(*) AS value FROM \(driver)\(suffix)").scalar(table: "\(driver)\(suffix)")
        }
        return try database.statement("SELECT count(*) AS value FROM \(driver) WHERE \(batchKey) <= (SELECT last_member FROM \(progressTable))")
            .scalar(table: driver)
    }

    /// Whether `database` has the progress table (the step started and did not finish).
    private func hasProgress(_ database: Database) throws -> Bool {
        try database.statement("SELECT count(*) AS value FROM sqlite_schema WHERE type = 'table' AND name = ?1")
            .scalar([.text(progressTable)], table: "sqlite_schema") == 1
    }

    /// Runs the step on `database` (at `fromVersion`), or finishes it when it was interrupted,
    /// `batchSize` driving rows (members or audit entries) per transaction. `afterBatch` runs after
    /// each committed batch with the step's format and the driving rows it copied so far (progress
    /// output; the crash test stops the process there).
    func migrate(_ database: Database, batchSize: Int, afterBatch: (_ format: Int, _ copied: Int) throws -> Void) throws {
        let started = try database.writeTransaction { () throws -> Bool in
            guard try Schema.version(of: database) == fromVersion else { return false }
            try database.execute(createTables)
            try database.execute("PRAGMA user_version = \(version)")
            return true
        }
        guard try started || (Schema.version(of: database) == version && hasProgress(database)) else { return }
        // Deleting the old member rows must not cascade to the tables the step keeps (tokens, restrictions).
        try database.execute("PRAGMA foreign_keys = OFF")
        defer { try? database.execute("PRAGMA foreign_keys = ON") }
        var copied = try copiedRows(database)
        while true {
            let count = try database.writeTransaction { () throws -> Int in
                guard try hasProgress(database) else { return 0 }
                let after = try database.statement("SELECT last_member FROM \(progressTable)").rows(table: progressTable).first?.value("last_member") ?? .null
                let keys = try database.statement("SELECT \(batchKey) AS batch_key FROM \(driver) WHERE \(batchKey) > ?1 ORDER BY \(batchKey) LIMIT ?2")
                    .rows([after, .integer(Int64(batchSize))], table: driver).map { try $0.value("batch_key") }
                guard let last = keys.last else { return 0 }
                for refusal in refusals {
                    let found = try database.statement(refusal.count).scalar([after, last], table: refusal.table)
                    guard found == 0 else { throw StorageError.migrationIncomplete(table: refusal.table, problem: "\(found) \(refusal.problem)") }
                }
                for sql in copyBatch + deleteBatch { try database.statement(sql).run([after, last]) }
                try database.statement("UPDATE \(progressTable) SET last_member = ?1").run([last])
                return keys.count
            }
            guard count > 0 else { break }
            copied += count
            try afterBatch(format, copied)
        }
        try finish(database)
    }

    /// Swaps the copies in for the emptied old tables, in one transaction with foreign keys off
    /// (the caller's; they are checked before it commits).
    private func finish(_ database: Database) throws {
        try database.writeTransaction {
            guard try hasProgress(database) else { return }
            for table in tables {
                let left = try database.statement("SELECT count(*) AS value FROM \(table)").scalar(table: table)
                guard left == 0 else {
                    throw StorageError.migrationIncomplete(table: table, problem: "\(left) rows of members that do not exist")
                }
            }
            for table in sequencedTables {
                try database.execute("""
                    DELETE FROM sqlite_sequence WHERE name = '\(table)\(suffix)';
                    INSERT INTO sqlite_sequence (name, seq) SELECT '\(table)\(suffix)', seq FROM sqlite_sequence WHERE name = '\(table)';
                    """)
            }
            for table in tables.reversed() { try database.execute("DROP TABLE \(table)") }
            for table in tables { try database.execute("ALTER TABLE \(table)\(suffix) RENAME TO \(table)") }
            try database.execute(createTriggers)
            try database.execute("DROP TABLE \(progressTable)")
            if let violation = try database.statement("PRAGMA foreign_key_check").rows(table: "pragma").first {
                throw StorageError.migrationIncomplete(table: (try? violation.text("table")) ?? "?", problem: "a row refers to a member that does not exist")
            }
        }
    }
}
