/// Storage format 2. The rows a member owns (values, blind indexes, consent events, the events
/// feed, the points ledger) name their member by `members.key`, a small integer given in insertion
/// order, instead of repeating the 36-character public id in every row and index entry: a member's
/// rows sit together, appends stay sequential, and the public id is stored once, in `members`, with
/// one index to map it. Values are not re-encrypted: their associated data binds the public id and
/// the field name, which do not change, and every row keeps its content, so seals still hold.
///
/// A format-1 vault is migrated in place in batches of members (`BatchedRebuild`), resumable after
/// a kill at any moment; `FormatThree` then compacts the columns.
enum FormatTwo {
    /// The schema version of format 2: one past the SQL migrations of format 1.
    static let version = Schema.migrations.count + 1

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

    /// Triggers that formats 2 and 3 share: append-only ledgers, and the events feed's pending
    /// confirmations and deletions.
    static let sharedTriggers = """
        CREATE TRIGGER consent_events_append_only BEFORE UPDATE ON consent_events
        BEGIN SELECT RAISE(ABORT, 'consent events are append-only'); END;
        CREATE TRIGGER points_ledger_append_only BEFORE UPDATE ON points_ledger
        BEGIN SELECT RAISE(ABORT, 'the points ledger is append-only'); END;
        CREATE TRIGGER events_from_doi AFTER INSERT ON consent_events WHEN NEW.event = 'doi_sent' BEGIN
            UPDATE events SET kind = 'consent.pending'
            WHERE seq = (SELECT max(seq) FROM events WHERE member_key = NEW.member_key AND purpose = NEW.purpose
                         AND field = NEW.field AND kind = 'consent.grant');
        END;
        CREATE TRIGGER events_from_deletion AFTER DELETE ON members BEGIN
            DELETE FROM events WHERE member_key = OLD.key;
        END;
        """

    /// Triggers of format 2, made once the tables have their final names.
    private static let createTriggers = sharedTriggers + """
        CREATE TRIGGER events_from_consents AFTER INSERT ON consent_events WHEN NEW.event != 'doi_sent' BEGIN
            INSERT INTO events (at, kind, member_key, purpose, field)
            VALUES (NEW.recorded_at, 'consent.' || NEW.event, NEW.member_key, NEW.purpose, NEW.field);
        END;
        CREATE TRIGGER events_from_erasure AFTER UPDATE OF erased_at ON members
            WHEN OLD.erased_at IS NULL AND NEW.erased_at IS NOT NULL BEGIN
            DELETE FROM events WHERE member_key = NEW.key;
            INSERT INTO events (at, kind, member_key) VALUES (NEW.erased_at, 'member.erased', NEW.key);
        END;
        """

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

    /// The step from format 1 to format 2.
    static let rebuild = BatchedRebuild(
        format: 2, fromVersion: Schema.migrations.count, version: version, tables: tables, suffix: "_v2", sequencedTables: sequencedTables,
        progressTable: "format2_progress", batchKey: "id", createTables: createTables, refusals: [], copyBatch: copyBatch,
        // Only rows of members that were copied, so rows of members that do not exist stay and stop the swap.
        deleteBatch: (tables.dropFirst() + tables.prefix(1)).map { table in
            "DELETE FROM \(table) WHERE \(table == "members" ? "id" : "member_id") IN (SELECT id FROM members_v2 WHERE id > ?1 AND id <= ?2)"
        },
        createTriggers: createTriggers)
}
