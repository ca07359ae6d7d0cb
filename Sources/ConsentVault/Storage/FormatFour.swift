/// Storage format 4: the consent ledger and the events feed keep what repeats once. A consent
/// event's purpose, field, kind, notice version, language, channel, actor and guardian flag (the
/// same few combinations for millions of events) live in `consent_terms`, and the event names its
/// combination by a small integer; the feed's kind, purpose and field live in `event_terms` the same
/// way. Consent events are clustered by member (`WITHOUT ROWID`, primary key `(member_key, seq)`), so
/// a member's events sit together and need no second index; their `seq` keeps counting in
/// `ledger_counters`, since a table without rowid has no `AUTOINCREMENT`.
///
/// Reads join the terms back (`ConsentStore.eventColumns`, `EventStore`), so every row a query
/// returns, and so every seal, is what format 3 gave. Both terms tables are append-only: an edited
/// combination would change the events of every member who shares it, so it is refused, and a
/// forged one changes rows that member seals cover. A row whose terms are missing reads as an error,
/// not as nothing. Terms hold no personal data (names of purposes, fields, channels and principals),
/// so they stay when a member is erased; evidence and times stay in the event row and go with it.
///
/// A format-3 vault moves to format 4 in batches of members (`BatchedRebuild`); no value is
/// re-encrypted and no member row is touched.
enum FormatFour {
    /// The schema version of format 4.
    static let version = FormatThree.version + 1

    /// The tables format 4 rebuilds, in the order they are copied.
    private static let tables = ["consent_events", "events"]

    /// SQL for the stored notice hash of an event: its own, else the one its `notices` row holds.
    static let noticeHash = """
        coalesce(c.notice_sha256, (SELECT n.sha256 FROM notices n WHERE n.purpose = t.purpose AND n.version = t.notice_version
                                   AND n.language = t.language)) AS notice_sha256
        """

    /// The consent ledger's rows as format 3 returned them, for a query over `FROM consentEvents`.
    static let consentEvents = "consent_events c LEFT JOIN consent_terms t ON t.code = c.terms"

    /// What repeats across consent events.
    static let consentTerms = TermsTable(name: "consent_terms", columns: ["purpose", "field", "event", "notice_version", "language", "channel",
                                                                        "actor", "guardian"], referredBy: "consent events")
    /// What repeats across the events feed (written only by the triggers below).
    private static let eventTerms = TermsTable(name: "event_terms", columns: ["kind", "purpose", "field"], referredBy: "events")

    /// The new tables, created beside the old ones with a `_v4` suffix and renamed at the end, and
    /// the terms and counter tables (kept as they are).
    private static let createTables = """
        CREATE TABLE consent_terms (
            code           INTEGER PRIMARY KEY,
            purpose        TEXT NOT NULL,
            field          TEXT NOT NULL,
            event          TEXT NOT NULL,
            notice_version INTEGER,
            language       TEXT,
            channel        TEXT,
            actor          TEXT NOT NULL,
            guardian       INTEGER NOT NULL
        );
        CREATE INDEX consent_terms_by_content ON consent_terms(purpose, field, event, notice_version, language, channel, actor, guardian);
        CREATE TABLE event_terms (
            code    INTEGER PRIMARY KEY,
            kind    TEXT NOT NULL,
            purpose TEXT NOT NULL,
            field   TEXT NOT NULL,
            UNIQUE (kind, purpose, field)
        );
        CREATE TABLE ledger_counters (
            name TEXT PRIMARY KEY,
            last INTEGER NOT NULL
        ) WITHOUT ROWID;
        INSERT INTO ledger_counters VALUES ('consent_events', coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'consent_events'), 0));
        CREATE TABLE consent_events_v4 (
            member_key    INTEGER NOT NULL REFERENCES members(key) ON DELETE CASCADE,
            seq           INTEGER NOT NULL,
            terms         INTEGER NOT NULL REFERENCES consent_terms(code),
            notice_sha256 TEXT,
            captured_unix INTEGER NOT NULL,
            recorded_unix INTEGER NOT NULL,
            evidence      TEXT NOT NULL DEFAULT '{}',
            captured_at   TEXT GENERATED ALWAYS AS (\(FormatThree.isoText("captured_unix"))) VIRTUAL,
            recorded_at   TEXT GENERATED ALWAYS AS (\(FormatThree.isoText("recorded_unix"))) VIRTUAL,
            PRIMARY KEY (member_key, seq)
        ) WITHOUT ROWID;
        CREATE TABLE events_v4 (
            seq        INTEGER PRIMARY KEY AUTOINCREMENT,
            at_unix    INTEGER NOT NULL,
            member_key INTEGER NOT NULL,
            terms      INTEGER NOT NULL REFERENCES event_terms(code),
            at         TEXT GENERATED ALWAYS AS (\(FormatThree.isoText("at_unix"))) VIRTUAL
        );
        CREATE TABLE format4_progress (last_member INTEGER NOT NULL);
        INSERT INTO format4_progress VALUES (0);
        CREATE INDEX events_by_member_key ON events_v4(member_key);
        -- The feed's triggers on members name the old table; no member changes while the step runs.
        DROP TRIGGER events_from_erasure;
        DROP TRIGGER events_from_deletion;
        """

    /// SQL for the `event_terms` code of `kind` (an expression), `purpose` and `field`, after adding it if missing.
    private static func eventTerms(_ kind: String, _ purpose: String, _ field: String) -> (add: String, code: String) {
        ("INSERT OR IGNORE INTO event_terms (kind, purpose, field) VALUES (\(kind), \(purpose), \(field));",
         "(SELECT code FROM event_terms WHERE kind = \(kind) AND purpose = \(purpose) AND field = \(field))")
    }

    /// Triggers of format 4, made once the tables have their final names; format 3's triggers on the
    /// rebuilt tables went with them.
    private static let createTriggers: String = {
        let consentKind = "(SELECT event FROM consent_terms WHERE code = NEW.terms)"
        let terms = "(SELECT purpose FROM consent_terms WHERE code = NEW.terms)"
        let field = "(SELECT field FROM consent_terms WHERE code = NEW.terms)"
        let fromConsent = eventTerms("'consent.' || \(consentKind)", terms, field)
        let grant = eventTerms("'consent.grant'", terms, field), pending = eventTerms("'consent.pending'", terms, field)
        let erased = eventTerms("'member.erased'", "''", "''")
        return """
            CREATE TRIGGER consent_events_append_only BEFORE UPDATE ON consent_events
            BEGIN SELECT RAISE(ABORT, 'consent events are append-only'); END;
            CREATE TRIGGER consent_events_counted AFTER INSERT ON consent_events BEGIN
                UPDATE ledger_counters SET last = max(last, NEW.seq) WHERE name = 'consent_events';
            END;
            CREATE TRIGGER consent_terms_known_kinds BEFORE INSERT ON consent_terms
                WHEN NEW.event NOT IN ('grant', 'deny', 'withdraw', 'doi_sent', 'doi_confirmed', 'expire')
            BEGIN SELECT RAISE(ABORT, 'unknown consent event'); END;
            \(consentTerms.appendOnlyTriggers)\(eventTerms.appendOnlyTriggers)CREATE TRIGGER events_from_consents AFTER INSERT ON consent_events WHEN \(consentKind) != 'doi_sent' BEGIN
                \(fromConsent.add)
                INSERT INTO events (at_unix, member_key, terms) VALUES (NEW.recorded_unix, NEW.member_key, \(fromConsent.code));
            END;
            -- A grant that waits for double opt-in is not a grant yet: its event becomes consent.pending.
            CREATE TRIGGER events_from_doi AFTER INSERT ON consent_events WHEN \(consentKind) = 'doi_sent' BEGIN
                \(pending.add)
                UPDATE events SET terms = \(pending.code)
                WHERE seq = (SELECT max(seq) FROM events WHERE member_key = NEW.member_key AND terms = \(grant.code));
            END;
            CREATE TRIGGER events_from_erasure AFTER UPDATE OF erased_at ON members
                WHEN OLD.erased_at IS NULL AND NEW.erased_at IS NOT NULL BEGIN
                DELETE FROM events WHERE member_key = NEW.key;
                \(erased.add)
                INSERT INTO events (at_unix, member_key, terms) VALUES (unixepoch(NEW.erased_at), NEW.key, \(erased.code));
            END;
            CREATE TRIGGER events_from_deletion AFTER DELETE ON members BEGIN
                DELETE FROM events WHERE member_key = OLD.key;
            END;
            """
    }()

    /// Rows of members with keys after `?1` up to `?2`, for a query over the old tables.
    private static let batch = "member_key > ?1 AND member_key <= ?2"

    /// Copies of one batch of members' events (keys after `?1` up to and including `?2`), their terms first.
    private static let copyBatch = [
        """
        INSERT INTO consent_terms (purpose, field, event, notice_version, language, channel, actor, guardian)
        SELECT DISTINCT purpose, field, event, notice_version, language, channel, actor, guardian FROM consent_events c
        WHERE \(batch) AND NOT EXISTS (SELECT 1 FROM consent_terms t WHERE t.purpose = c.purpose AND t.field = c.field AND t.event = c.event
            AND t.notice_version IS c.notice_version AND t.language IS c.language AND t.channel IS c.channel AND t.actor = c.actor
            AND t.guardian = c.guardian)
        """,
        """
        INSERT INTO consent_events_v4 (member_key, seq, terms, notice_sha256, captured_unix, recorded_unix, evidence)
        SELECT member_key, seq, (SELECT code FROM consent_terms t WHERE t.purpose = c.purpose AND t.field = c.field AND t.event = c.event
            AND t.notice_version IS c.notice_version AND t.language IS c.language AND t.channel IS c.channel AND t.actor = c.actor
            AND t.guardian = c.guardian), notice_sha256, captured_unix, recorded_unix, evidence
        FROM consent_events c WHERE \(batch)
        """,
        "INSERT OR IGNORE INTO event_terms (kind, purpose, field) SELECT DISTINCT kind, purpose, field FROM events WHERE \(batch)",
        """
        INSERT INTO events_v4 (seq, at_unix, member_key, terms)
        SELECT seq, at_unix, member_key, (SELECT code FROM event_terms t WHERE t.kind = e.kind AND t.purpose = e.purpose AND t.field = e.field)
        FROM events e WHERE \(batch)
        """,
    ]

    /// The step from format 3 to format 4.
    static let rebuild = BatchedRebuild(
        format: 4, fromVersion: FormatThree.version, version: version, tables: tables, suffix: "_v4", sequencedTables: ["events"],
        progressTable: "format4_progress", batchKey: "key", createTables: createTables, refusals: [], copyBatch: copyBatch,
        deleteBatch: tables.map { "DELETE FROM \($0) WHERE \(batch)" },
        createTriggers: createTriggers)
}
