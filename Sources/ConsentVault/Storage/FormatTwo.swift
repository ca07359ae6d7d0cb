/// Storage format 2. The rows a member owns (values, blind indexes, consent events, the events
/// feed, the points ledger) name their member by `members.key`, a small integer given in insertion
/// order, instead of repeating the 36-character public id in every row and index entry: a member's
/// rows sit together, appends stay sequential, and the public id is stored once, in `members`, with
/// one index to map it. Values are not re-encrypted: their associated data binds the public id and
/// the field name, which do not change, and every row keeps its content, so seals still hold.
///
/// A format-1 vault is migrated in place in batches of members, each its own transaction that
/// moves the members' rows (copies them into the new tables, which have their indexes from the
/// start, and deletes them from the old ones, whose pages `secure_delete` zeroes), with the
/// position in `format2_progress`: a migration killed at any moment resumes where it stopped the
/// next time the vault is opened. The last step swaps the emptied old tables for the new ones in
/// one small transaction, so memory stays bounded by a batch however large the vault.
enum FormatTwo {
    /// The schema version of format 2: one past the SQL migrations of format 1.
    static var version: Int { Schema.migrations.count + 1 }

    /// The tables format 2 rebuilds, in the order they are copied.
    static let tables = ["members", "member_fields", "blind_indexes", "consent_events", "events", "points_ledger"]
    /// Tables whose `seq` (AUTOINCREMENT) clients may have seen: their counters carry over.
    private static let sequencedTables = ["consent_events", "events", "points_ledger"]

    /// The new tables, created beside the old ones with a `_v2` suffix and renamed at the end.
    private static let createTables = """
        CREATE TABLE members_v2 (
            key                INTEGER PRIMARY KEY,
            id                 TEXT NOT NULL UNIQUE,
            created_at         TEXT NOT NULL,
            updated_at         TEXT NOT NULL,
            source_channel     TEXT NOT NULL,
            master_key_version INTEGER NOT NULL REFERENCES master_key_versions(version),
            data_key_version   INTEGER NOT NULL,
            wrapped_data_key   BLOB NOT NULL,
            erasure_tag        TEXT,
            erased_at          TEXT,
            held_until         TEXT,
            seal               BLOB
        );
        CREATE TABLE member_fields_v2 (
            member_key       INTEGER NOT NULL REFERENCES members_v2(key) ON DELETE CASCADE,
            field            TEXT NOT NULL,
            ciphertext       BLOB NOT NULL,
            data_key_version INTEGER NOT NULL,
            updated_at       TEXT NOT NULL,
            PRIMARY KEY (member_key, field)
        ) WITHOUT ROWID;
        CREATE TABLE blind_indexes_v2 (
            field      TEXT NOT NULL,
            hash       BLOB NOT NULL,
            member_key INTEGER NOT NULL REFERENCES members_v2(key) ON DELETE CASCADE,
            PRIMARY KEY (field, hash, member_key)
        ) WITHOUT ROWID;
        CREATE TABLE consent_events_v2 (
            seq            INTEGER PRIMARY KEY AUTOINCREMENT,
            member_key     INTEGER NOT NULL REFERENCES members_v2(key) ON DELETE CASCADE,
            purpose        TEXT NOT NULL,
            field          TEXT NOT NULL DEFAULT '',
            event          TEXT NOT NULL CHECK (event IN ('grant', 'deny', 'withdraw', 'doi_sent', 'doi_confirmed', 'expire')),
            notice_version INTEGER,
            notice_sha256  TEXT,
            language       TEXT,
            channel        TEXT,
            captured_at    TEXT NOT NULL,
            recorded_at    TEXT NOT NULL,
            actor          TEXT NOT NULL,
            guardian       INTEGER NOT NULL DEFAULT 0,
            evidence       TEXT NOT NULL DEFAULT '{}'
        );
        CREATE TABLE events_v2 (
            seq        INTEGER PRIMARY KEY AUTOINCREMENT,
            at         TEXT NOT NULL,
            kind       TEXT NOT NULL,
            member_key INTEGER NOT NULL,
            purpose    TEXT NOT NULL DEFAULT '',
            field      TEXT NOT NULL DEFAULT ''
        );
        CREATE TABLE points_ledger_v2 (
            seq          INTEGER PRIMARY KEY AUTOINCREMENT,
            member_key   INTEGER NOT NULL REFERENCES members_v2(key) ON DELETE CASCADE,
            rule_id      TEXT NOT NULL,
            rule_version INTEGER NOT NULL,
            scope_key    TEXT NOT NULL,
            points       INTEGER NOT NULL,
            reason       TEXT NOT NULL,
            at           TEXT NOT NULL,
            actor        TEXT NOT NULL
        );
        CREATE TABLE format2_progress (last_member TEXT NOT NULL);
        INSERT INTO format2_progress VALUES ('');
        CREATE INDEX members_by_master_key ON members_v2(master_key_version);
        CREATE INDEX members_by_erasure ON members_v2(erasure_tag);
        CREATE INDEX blind_indexes_by_member_key ON blind_indexes_v2(member_key);
        CREATE INDEX consent_events_by_member_key ON consent_events_v2(member_key, purpose, field, seq);
        CREATE INDEX events_by_member_key ON events_v2(member_key);
        CREATE UNIQUE INDEX points_ledger_once_per_member ON points_ledger_v2(member_key, rule_id, scope_key) WHERE rule_id <> 'adjustment';
        CREATE INDEX points_ledger_by_rule_and_time ON points_ledger_v2(rule_id, at);
        CREATE INDEX points_ledger_by_member_key ON points_ledger_v2(member_key);
        """

    /// Triggers of format 2, made once the tables have their final names.
    private static let createTriggers = """
        CREATE TRIGGER consent_events_append_only BEFORE UPDATE ON consent_events
        BEGIN SELECT RAISE(ABORT, 'consent events are append-only'); END;
        CREATE TRIGGER points_ledger_append_only BEFORE UPDATE ON points_ledger
        BEGIN SELECT RAISE(ABORT, 'the points ledger is append-only'); END;
        CREATE TRIGGER events_from_consents AFTER INSERT ON consent_events WHEN NEW.event != 'doi_sent' BEGIN
            INSERT INTO events (at, kind, member_key, purpose, field)
            VALUES (NEW.recorded_at, 'consent.' || NEW.event, NEW.member_key, NEW.purpose, NEW.field);
        END;
        CREATE TRIGGER events_from_doi AFTER INSERT ON consent_events WHEN NEW.event = 'doi_sent' BEGIN
            UPDATE events SET kind = 'consent.pending'
            WHERE seq = (SELECT max(seq) FROM events WHERE member_key = NEW.member_key AND purpose = NEW.purpose
                         AND field = NEW.field AND kind = 'consent.grant');
        END;
        CREATE TRIGGER events_from_erasure AFTER UPDATE OF erased_at ON members
            WHEN OLD.erased_at IS NULL AND NEW.erased_at IS NOT NULL BEGIN
            DELETE FROM events WHERE member_key = NEW.key;
            INSERT INTO events (at, kind, member_key) VALUES (NEW.erased_at, 'member.erased', NEW.key);
        END;
        CREATE TRIGGER events_from_deletion AFTER DELETE ON members BEGIN
            DELETE FROM events WHERE member_key = OLD.key;
        END;
        """

    /// Removes the rows of one batch of members (ids after `?1` up to and including `?2`) from the
    /// old tables once copied: only rows of members that were copied, so rows of members that do
    /// not exist stay and stop the swap.
    private static let deleteBatch = (tables.dropFirst() + tables.prefix(1)).map { table in
        "DELETE FROM \(table) WHERE \(table == "members" ? "id" : "member_id") IN (SELECT id FROM members_v2 WHERE id > ?1 AND id <= ?2)"
    }

    /// Copies of one batch of members (ids after `?1` up to and including `?2`) and their rows.
    private static let copyBatch = [
        """
        INSERT INTO members_v2 (id, created_at, updated_at, source_channel, master_key_version, data_key_version, wrapped_data_key,
                                erasure_tag, erased_at, held_until, seal)
        SELECT id, created_at, updated_at, source_channel, master_key_version, data_key_version, wrapped_data_key,
               erasure_tag, erased_at, held_until, seal FROM members WHERE id > ?1 AND id <= ?2 ORDER BY id
        """,
        """
        INSERT INTO member_fields_v2 SELECT m.key, f.field, f.ciphertext, f.data_key_version, f.updated_at
        FROM member_fields f JOIN members_v2 m ON m.id = f.member_id WHERE f.member_id > ?1 AND f.member_id <= ?2
        """,
        """
        INSERT INTO blind_indexes_v2 SELECT b.field, b.hash, m.key
        FROM blind_indexes b JOIN members_v2 m ON m.id = b.member_id WHERE b.member_id > ?1 AND b.member_id <= ?2
        """,
        """
        INSERT INTO consent_events_v2 SELECT c.seq, m.key, c.purpose, c.field, c.event, c.notice_version, c.notice_sha256, c.language,
               c.channel, c.captured_at, c.recorded_at, c.actor, c.guardian, c.evidence
        FROM consent_events c JOIN members_v2 m ON m.id = c.member_id WHERE c.member_id > ?1 AND c.member_id <= ?2
        """,
        """
        INSERT INTO events_v2 SELECT e.seq, e.at, e.kind, m.key, e.purpose, e.field
        FROM events e JOIN members_v2 m ON m.id = e.member_id WHERE e.member_id > ?1 AND e.member_id <= ?2
        """,
        """
        INSERT INTO points_ledger_v2 SELECT p.seq, m.key, p.rule_id, p.rule_version, p.scope_key, p.points, p.reason, p.at, p.actor
        FROM points_ledger p JOIN members_v2 m ON m.id = p.member_id WHERE p.member_id > ?1 AND p.member_id <= ?2
        """,
    ]

    /// Where a vault stands.
    enum State: Equatable {
        /// Format 1 (schema version `Schema.migrations.count`): nothing copied yet.
        case formatOne
        /// Started and not finished.
        case migrating
        /// Format 2.
        case formatTwo
    }

    /// The format of `database`, which has at least the SQL migrations of format 1.
    static func state(of database: Database) throws -> State {
        let version = try Schema.version(of: database)
        if version < self.version { return .formatOne }
        return try hasProgress(database) ? .migrating : .formatTwo
    }

    /// Rows each table format 2 rebuilds still holds in its format-1 form (all of them before a
    /// migration, those of members not yet moved during one).
    static func rowCounts(_ database: Database) throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for table in tables { counts[table] = try database.statement("SELECT count(*) AS value FROM \(table)").scalar(table: table) }
        return counts
    }

    /// Members an interrupted migration has copied.
    static func copiedMembers(_ database: Database) throws -> Int {
        try database.statement("SELECT count(*) AS value FROM members_v2").scalar(table: "members_v2")
    }

    /// Whether `database` has a `format2_progress` table (a migration started and not finished).
    private static func hasProgress(_ database: Database) throws -> Bool {
        try database.statement("SELECT count(*) AS value FROM sqlite_schema WHERE type = 'table' AND name = 'format2_progress'")
            .scalar(table: "sqlite_schema") == 1
    }

    /// Migrates `database` to format 2, or finishes a migration that was interrupted, `batchSize`
    /// members per transaction. `afterBatch` runs after each committed batch with the members
    /// copied so far (progress output; the crash test stops the process there).
    static func migrate(_ database: Database, batchSize: Int = VaultMigration.defaultBatchSize, afterBatch: (Int) throws -> Void = { _ in }) throws {
        let started = try database.writeTransaction { () throws -> Bool in
            guard try Schema.version(of: database) == Schema.migrations.count else { return false }
            try database.execute(createTables)
            try database.execute("PRAGMA user_version = \(version)")
            return true
        }
        let resuming = try hasProgress(database)
        guard started || resuming else { return }
        // Deleting the old member rows must not cascade to the tables format 2 keeps (tokens, restrictions).
        try database.execute("PRAGMA foreign_keys = OFF")
        defer { try? database.execute("PRAGMA foreign_keys = ON") }
        var copied = try copiedMembers(database)
        while true {
            let count = try database.writeTransaction { () throws -> Int in
                guard try hasProgress(database) else { return 0 }
                let after = try database.statement("SELECT last_member FROM format2_progress").rows(table: "format2_progress").first?.text("last_member") ?? ""
                let ids = try database.statement("SELECT id FROM members WHERE id > ?1 ORDER BY id LIMIT ?2")
                    .rows([.text(after), .integer(Int64(batchSize))], table: "members").map { try $0.text("id") }
                guard let last = ids.last else { return 0 }
                for sql in copyBatch + deleteBatch { try database.statement(sql).run([.text(after), .text(last)]) }
                try database.statement("UPDATE format2_progress SET last_member = ?1").run([.text(last)])
                return ids.count
            }
            guard count > 0 else { break }
            copied += count
            try afterBatch(copied)
        }
        try finish(database)
    }

    /// Swaps the copies in for the emptied old tables, in one transaction with foreign keys off
    /// (the caller's; they are checked before it commits).
    private static func finish(_ database: Database) throws {
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
                    DELETE FROM sqlite_sequence WHERE name = '\(table)_v2';
                    INSERT INTO sqlite_sequence (name, seq) SELECT '\(table)_v2', seq FROM sqlite_sequence WHERE name = '\(table)';
                    """)
            }
            for table in tables.reversed() { try database.execute("DROP TABLE \(table)") }
            for table in tables { try database.execute("ALTER TABLE \(table)_v2 RENAME TO \(table)") }
            try database.execute(createTriggers)
            try database.execute("DROP TABLE format2_progress")
            if let violation = try database.statement("PRAGMA foreign_key_check").rows(table: "pragma").first {
                throw StorageError.migrationIncomplete(table: (try? violation.text("table")) ?? "?", problem: "a row refers to a member that does not exist")
            }
        }
    }
}
