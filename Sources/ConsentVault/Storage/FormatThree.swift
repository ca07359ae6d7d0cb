/// Storage format 3: format 2's layout with compact columns. Every timestamp a member's rows
/// carry is stored as an integer (seconds since 1970, UTC: 4 bytes instead of 20 characters), and
/// read back through a virtual generated column of the old name that writes it as ISO 8601 again,
/// so every `SELECT` returns what it returned before and seals carry over. A consent event names
/// its notice by purpose, version and language; the notice's SHA-256 (64 characters) is stored in
/// the event only when the `notices` row of that version does not hold it, and `notices` becomes
/// append-only so the reference cannot change under the event.
///
/// A table with generated columns has no CHECK constraint (the kinds of consent event are checked
/// by a trigger): a read-only connection does not load CHECK constraints, so `VACUUM INTO` from one
/// (a restore reads its backup that way) would copy such a table row by row, and that path cannot
/// write a table with generated columns.
///
/// A format-2 vault moves to format 3 in batches of members (`BatchedRebuild`), in member-key
/// order; no value is re-encrypted. The new indexes take the names format 1 used (format 2 dropped
/// them), since format 2's stay on the old tables until the swap.
enum FormatThree {
    /// The schema version of format 3.
    static let version = FormatTwo.version + 1

    /// The tables format 3 rebuilds, in the order they are copied (blind indexes keep their form).
    private static let tables = ["members", "member_fields", "consent_events", "events", "points_ledger"]
    /// Tables whose `seq` (AUTOINCREMENT) clients may have seen: their counters carry over.
    private static let sequencedTables = ["consent_events", "events", "points_ledger"]

    /// SQL for the ISO 8601 text of the integer timestamp in `column`, as `Timestamp.string` writes it.
    static func isoText(_ column: String) -> String { "strftime('%Y-%m-%dT%H:%M:%SZ', \(column), 'unixepoch')" }

    /// The virtual column `name` showing integer column `column` as ISO 8601 text.
    private static func textColumn(_ name: String, of column: String) -> String {
        "\(name) TEXT GENERATED ALWAYS AS (\(isoText(column))) VIRTUAL"
    }

    /// SQL for the stored notice hash of a consent event: NULL when the `notices` row of the
    /// event's purpose, version and language holds exactly `hash`.
    static func storedNoticeHash(_ hash: String, purpose: String, version: String, language: String) -> String {
        """
        CASE WHEN \(hash) = (SELECT n.sha256 FROM notices n WHERE n.purpose = \(purpose) AND n.version = \(version)
                             AND n.language = \(language)) THEN NULL ELSE \(hash) END
        """
    }

    /// The new tables, created beside the old ones with a `_v3` suffix and renamed at the end.
    private static let createTables = """
        CREATE TABLE members_v3 (
            key                INTEGER PRIMARY KEY,
            id                 TEXT NOT NULL UNIQUE,
            created_unix       INTEGER NOT NULL,
            updated_unix       INTEGER NOT NULL,
            source_channel     TEXT NOT NULL,
            master_key_version INTEGER NOT NULL REFERENCES master_key_versions(version),
            data_key_version   INTEGER NOT NULL,
            wrapped_data_key   BLOB NOT NULL,
            erasure_tag        TEXT,
            erased_at          TEXT,
            held_until         TEXT,
            seal               BLOB,
            \(textColumn("created_at", of: "created_unix")),
            \(textColumn("updated_at", of: "updated_unix"))
        );
        CREATE TABLE member_fields_v3 (
            member_key       INTEGER NOT NULL REFERENCES members_v3(key) ON DELETE CASCADE,
            field            TEXT NOT NULL,
            ciphertext       BLOB NOT NULL,
            data_key_version INTEGER NOT NULL,
            updated_unix     INTEGER NOT NULL,
            \(textColumn("updated_at", of: "updated_unix")),
            PRIMARY KEY (member_key, field)
        ) WITHOUT ROWID;
        CREATE TABLE consent_events_v3 (
            seq            INTEGER PRIMARY KEY AUTOINCREMENT,
            member_key     INTEGER NOT NULL REFERENCES members_v3(key) ON DELETE CASCADE,
            purpose        TEXT NOT NULL,
            field          TEXT NOT NULL DEFAULT '',
            event          TEXT NOT NULL,
            notice_version INTEGER,
            notice_sha256  TEXT,
            language       TEXT,
            channel        TEXT,
            captured_unix  INTEGER NOT NULL,
            recorded_unix  INTEGER NOT NULL,
            actor          TEXT NOT NULL,
            guardian       INTEGER NOT NULL DEFAULT 0,
            evidence       TEXT NOT NULL DEFAULT '{}',
            \(textColumn("captured_at", of: "captured_unix")),
            \(textColumn("recorded_at", of: "recorded_unix"))
        );
        CREATE TABLE events_v3 (
            seq        INTEGER PRIMARY KEY AUTOINCREMENT,
            at_unix    INTEGER NOT NULL,
            kind       TEXT NOT NULL,
            member_key INTEGER NOT NULL,
            purpose    TEXT NOT NULL DEFAULT '',
            field      TEXT NOT NULL DEFAULT '',
            \(textColumn("at", of: "at_unix"))
        );
        CREATE TABLE points_ledger_v3 (
            seq          INTEGER PRIMARY KEY AUTOINCREMENT,
            member_key   INTEGER NOT NULL REFERENCES members_v3(key) ON DELETE CASCADE,
            rule_id      TEXT NOT NULL,
            rule_version INTEGER NOT NULL,
            scope_key    TEXT NOT NULL,
            points       INTEGER NOT NULL,
            reason       TEXT NOT NULL,
            at_unix      INTEGER NOT NULL,
            actor        TEXT NOT NULL,
            \(textColumn("at", of: "at_unix"))
        );
        CREATE TABLE format3_progress (last_member INTEGER NOT NULL);
        INSERT INTO format3_progress VALUES (0);
        CREATE INDEX members_by_master_key_version ON members_v3(master_key_version);
        CREATE INDEX members_by_erasure_tag ON members_v3(erasure_tag);
        CREATE INDEX consent_events_by_member ON consent_events_v3(member_key, purpose, field, seq);
        CREATE INDEX events_by_member ON events_v3(member_key);
        CREATE UNIQUE INDEX points_ledger_once ON points_ledger_v3(member_key, rule_id, scope_key) WHERE rule_id <> 'adjustment';
        CREATE INDEX points_ledger_by_rule ON points_ledger_v3(rule_id, at_unix);
        CREATE INDEX points_ledger_by_member ON points_ledger_v3(member_key);
        """

    /// Triggers of format 3, made once the tables have their final names.
    private static let createTriggers = FormatTwo.sharedTriggers + """
        CREATE TRIGGER consent_events_known_kinds BEFORE INSERT ON consent_events
            WHEN NEW.event NOT IN ('grant', 'deny', 'withdraw', 'doi_sent', 'doi_confirmed', 'expire')
        BEGIN SELECT RAISE(ABORT, 'unknown consent event'); END;
        CREATE TRIGGER notices_keep_their_text BEFORE UPDATE ON notices
        BEGIN SELECT RAISE(ABORT, 'notices are append-only: consent events refer to them'); END;
        CREATE TRIGGER notices_stay BEFORE DELETE ON notices
        BEGIN SELECT RAISE(ABORT, 'notices are append-only: consent events refer to them'); END;
        CREATE TRIGGER events_from_consents AFTER INSERT ON consent_events WHEN NEW.event != 'doi_sent' BEGIN
            INSERT INTO events (at_unix, kind, member_key, purpose, field)
            VALUES (NEW.recorded_unix, 'consent.' || NEW.event, NEW.member_key, NEW.purpose, NEW.field);
        END;
        CREATE TRIGGER events_from_erasure AFTER UPDATE OF erased_at ON members
            WHEN OLD.erased_at IS NULL AND NEW.erased_at IS NOT NULL BEGIN
            DELETE FROM events WHERE member_key = NEW.key;
            INSERT INTO events (at_unix, kind, member_key) VALUES (unixepoch(NEW.erased_at), 'member.erased', NEW.key);
        END;
        """

    /// Rows of members with keys after `?1` up to `?2` in `table`.
    private static func batchRows(_ table: String) -> String {
        "FROM \(table) WHERE \(table == "members" ? "key" : "member_key") > ?1 AND \(table == "members" ? "key" : "member_key") <= ?2"
    }

    /// The text timestamps of formats 1 and 2 that format 3 stores as integers, by table.
    private static let timestampColumns = [("members", ["created_at", "updated_at"]), ("member_fields", ["updated_at"]),
                                           ("consent_events", ["captured_at", "recorded_at"]), ("events", ["at"]), ("points_ledger", ["at"])]

    /// SQL that holds for a row whose `columns` are not timestamps of whole UTC seconds that the integer form gives back unchanged.
    private static func inexact(_ columns: [String]) -> String {
        columns.map { "\(isoText("unixepoch(\($0))")) IS NOT \($0)" }.joined(separator: " OR ")
    }

    private static let inexactProblem = "rows with a timestamp that is not ISO 8601 in whole UTC seconds"

    /// Throws `migrationIncomplete` when a row still to be moved to format 3 has a timestamp the
    /// integer form would change; run before the first step of a migration, so such a row stops it
    /// before anything is written.
    static func refuseInexactTimestamps(_ database: Database) throws {
        for (table, columns) in timestampColumns {
            let found = try database.statement("SELECT count(*) AS value FROM \(table) WHERE \(inexact(columns))").scalar(table: table)
            guard found == 0 else { throw StorageError.migrationIncomplete(table: table, problem: "\(found) \(inexactProblem)") }
        }
    }

    /// Copies of one batch of members (keys after `?1` up to and including `?2`) and their rows.
    private static let copyBatch = [
        """
        INSERT INTO members_v3 (key, id, created_unix, updated_unix, source_channel, master_key_version, data_key_version,
                                wrapped_data_key, erasure_tag, erased_at, held_until, seal)
        SELECT key, id, unixepoch(created_at), unixepoch(updated_at), source_channel, master_key_version, data_key_version,
               wrapped_data_key, erasure_tag, erased_at, held_until, seal \(batchRows("members"))
        """,
        """
        INSERT INTO member_fields_v3 (member_key, field, ciphertext, data_key_version, updated_unix)
        SELECT member_key, field, ciphertext, data_key_version, unixepoch(updated_at) \(batchRows("member_fields"))
        """,
        """
        INSERT INTO consent_events_v3 (seq, member_key, purpose, field, event, notice_version, notice_sha256, language, channel,
                                       captured_unix, recorded_unix, actor, guardian, evidence)
        SELECT seq, member_key, purpose, field, event, notice_version,
               \(storedNoticeHash("c.notice_sha256", purpose: "c.purpose", version: "c.notice_version", language: "c.language")),
               language, channel, unixepoch(captured_at), unixepoch(recorded_at), actor, guardian, evidence
        FROM consent_events c WHERE member_key > ?1 AND member_key <= ?2
        """,
        """
        INSERT INTO events_v3 (seq, at_unix, kind, member_key, purpose, field)
        SELECT seq, unixepoch(at), kind, member_key, purpose, field \(batchRows("events"))
        """,
        """
        INSERT INTO points_ledger_v3 (seq, member_key, rule_id, rule_version, scope_key, points, reason, at_unix, actor)
        SELECT seq, member_key, rule_id, rule_version, scope_key, points, reason, unixepoch(at), actor \(batchRows("points_ledger"))
        """,
    ]

    /// The step from format 2 to format 3.
    static let rebuild = BatchedRebuild(
        format: 3, fromVersion: FormatTwo.version, version: version, tables: tables, suffix: "_v3", sequencedTables: sequencedTables,
        progressTable: "format3_progress", batchKey: "key", createTables: createTables,
        refusals: timestampColumns.map { table, columns in
            (table, inexactProblem, "SELECT count(*) AS value \(batchRows(table)) AND (\(inexact(columns)))")
        },
        copyBatch: copyBatch,
        // Only rows of members that were copied, so rows of members that do not exist stay and stop the swap.
        deleteBatch: (tables.dropFirst() + tables.prefix(1)).map { table in
            "DELETE FROM \(table) WHERE \(table == "members" ? "key" : "member_key") IN (SELECT key FROM members_v3 WHERE key > ?1 AND key <= ?2)"
        },
        createTriggers: createTriggers)
}
