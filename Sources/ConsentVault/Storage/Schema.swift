/// The vault's tables and their forward migrations. `PRAGMA user_version` holds the number of
/// migrations applied; a file with a higher number than this build knows is refused.
///
/// No table holds plaintext personal data: only ids, timestamps, field names, channels,
/// ciphertexts and blind-index hashes.
enum Schema {
    /// Migrations in order; never edit a shipped one, append a new one instead.
    static let migrations: [String] = [
        """
        CREATE TABLE vault_meta (
            name  TEXT PRIMARY KEY,
            value TEXT NOT NULL
        ) WITHOUT ROWID;

        -- The vault root key (source of blind-index and audit keys), wrapped once per master key version.
        CREATE TABLE master_key_versions (
            version          INTEGER PRIMARY KEY,
            added_at         TEXT NOT NULL,
            wrapped_root_key BLOB NOT NULL
        );

        CREATE TABLE policies (
            name       TEXT PRIMARY KEY,
            version    INTEGER NOT NULL,
            sha256     TEXT NOT NULL,
            document   BLOB NOT NULL,
            applied_at TEXT NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE members (
            id                 TEXT PRIMARY KEY,
            created_at         TEXT NOT NULL,
            updated_at         TEXT NOT NULL,
            source_channel     TEXT NOT NULL,
            master_key_version INTEGER NOT NULL REFERENCES master_key_versions(version),
            data_key_version   INTEGER NOT NULL,
            wrapped_data_key   BLOB NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX members_by_master_key_version ON members(master_key_version);

        CREATE TABLE member_fields (
            member_id        TEXT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
            field            TEXT NOT NULL,
            ciphertext       BLOB NOT NULL,
            data_key_version INTEGER NOT NULL,
            updated_at       TEXT NOT NULL,
            PRIMARY KEY (member_id, field)
        ) WITHOUT ROWID;

        CREATE TABLE blind_indexes (
            field     TEXT NOT NULL,
            hash      BLOB NOT NULL,
            member_id TEXT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
            PRIMARY KEY (field, hash, member_id)
        ) WITHOUT ROWID;
        CREATE INDEX blind_indexes_by_member ON blind_indexes(member_id);
        """,
        """
        -- Every applied policy set, and every notice text ever shown, so history can quote it.
        CREATE TABLE policy_history (
            id         INTEGER PRIMARY KEY,
            set_hash   TEXT NOT NULL,
            applied_at TEXT NOT NULL,
            applied_by TEXT NOT NULL
        );
        CREATE TABLE notices (
            purpose  TEXT NOT NULL,
            version  INTEGER NOT NULL,
            language TEXT NOT NULL,
            sha256   TEXT NOT NULL,
            text     TEXT NOT NULL,
            PRIMARY KEY (purpose, version, language)
        ) WITHOUT ROWID;

        -- The consent ledger: append-only; the current state is derived from it.
        CREATE TABLE consent_events (
            seq            INTEGER PRIMARY KEY AUTOINCREMENT,
            member_id      TEXT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
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
        CREATE INDEX consent_events_by_member ON consent_events(member_id, purpose, field, seq);
        CREATE TRIGGER consent_events_append_only BEFORE UPDATE ON consent_events
        BEGIN SELECT RAISE(ABORT, 'consent events are append-only'); END;

        -- Double opt-in tokens, stored only as BLAKE2b hashes.
        CREATE TABLE doi_tokens (
            token_hash BLOB PRIMARY KEY,
            member_id  TEXT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
            purpose    TEXT NOT NULL,
            field      TEXT NOT NULL,
            expires_at TEXT NOT NULL,
            used_at    TEXT
        ) WITHOUT ROWID;

        -- Zero-party values kept after withdrawal but readable by no purpose.
        CREATE TABLE field_restrictions (
            member_id TEXT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
            field     TEXT NOT NULL,
            since     TEXT NOT NULL,
            PRIMARY KEY (member_id, field)
        ) WITHOUT ROWID;

        -- API tokens of principals, stored only as hashes.
        CREATE TABLE access_tokens (
            name       TEXT PRIMARY KEY,
            role       TEXT NOT NULL,
            token_hash BLOB NOT NULL UNIQUE,
            created_at TEXT NOT NULL,
            revoked_at TEXT
        ) WITHOUT ROWID;

        -- The audit log: a keyed hash chain over every operation on member data.
        CREATE TABLE audit_log (
            seq              INTEGER PRIMARY KEY,
            at               TEXT NOT NULL,
            principal        TEXT NOT NULL,
            role             TEXT NOT NULL,
            operation        TEXT NOT NULL,
            purpose          TEXT NOT NULL,
            member           TEXT NOT NULL,
            fields_requested TEXT NOT NULL,
            fields_returned  TEXT NOT NULL,
            outcome          TEXT NOT NULL,
            chain            BLOB NOT NULL
        );
        CREATE INDEX audit_log_by_member ON audit_log(member);
        """,
        """
        -- The points ledger: append-only; the balance is its sum. The partial unique index is what
        -- guarantees one award per rule, member and scope, however many requests race.
        CREATE TABLE points_ledger (
            seq          INTEGER PRIMARY KEY AUTOINCREMENT,
            member_id    TEXT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
            rule_id      TEXT NOT NULL,
            rule_version INTEGER NOT NULL,
            scope_key    TEXT NOT NULL,
            points       INTEGER NOT NULL,
            reason       TEXT NOT NULL,
            at           TEXT NOT NULL,
            actor        TEXT NOT NULL
        );
        CREATE UNIQUE INDEX points_ledger_once ON points_ledger(member_id, rule_id, scope_key) WHERE rule_id <> 'adjustment';
        CREATE INDEX points_ledger_by_rule ON points_ledger(rule_id, at);
        CREATE TRIGGER points_ledger_append_only BEFORE UPDATE ON points_ledger
        BEGIN SELECT RAISE(ABORT, 'the points ledger is append-only'); END;

        -- Progressive profiling: asks, shares and declines per member, field and channel.
        CREATE TABLE profile_asks (
            seq       INTEGER PRIMARY KEY AUTOINCREMENT,
            member_id TEXT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
            field     TEXT NOT NULL,
            channel   TEXT NOT NULL,
            outcome   TEXT NOT NULL CHECK (outcome IN ('asked', 'shared', 'declined')),
            at        TEXT NOT NULL
        );
        CREATE INDEX profile_asks_by_member ON profile_asks(member_id, field, at);
        """,
        """
        -- Erasure: a keyed tag per member (matched against the erasure journal after a restore),
        -- and the state of an erased member whose held data is kept until a legal hold ends.
        ALTER TABLE members ADD COLUMN erasure_tag TEXT;
        ALTER TABLE members ADD COLUMN erased_at TEXT;
        ALTER TABLE members ADD COLUMN held_until TEXT;
        CREATE INDEX members_by_erasure_tag ON members(erasure_tag);

        -- Data subject requests (GDPR Art. 12 deadlines).
        CREATE TABLE requests (
            id                TEXT PRIMARY KEY,
            member_id         TEXT,
            member_tag        TEXT NOT NULL,
            type              TEXT NOT NULL,
            channel           TEXT,
            received_on       TEXT NOT NULL,
            due_on            TEXT NOT NULL,
            extended_due_on   TEXT,
            extension_reason  TEXT,
            status            TEXT NOT NULL DEFAULT 'open',
            outcome           TEXT,
            closed_at         TEXT,
            opened_by         TEXT NOT NULL
        ) WITHOUT ROWID;

        -- Art. 18: members whose data may only be read for legal claims.
        CREATE TABLE member_restrictions (
            member_id  TEXT PRIMARY KEY REFERENCES members(id) ON DELETE CASCADE,
            request_id TEXT NOT NULL,
            since      TEXT NOT NULL
        ) WITHOUT ROWID;

        -- Kept after erasure under a legal hold, by erasure tag only: proof of consent, points.
        CREATE TABLE consent_proof_archive (
            member_tag     TEXT NOT NULL,
            purpose        TEXT NOT NULL,
            field          TEXT NOT NULL,
            event          TEXT NOT NULL,
            notice_version INTEGER,
            notice_sha256  TEXT,
            channel        TEXT,
            captured_at    TEXT NOT NULL,
            evidence       TEXT NOT NULL,
            held_until     TEXT NOT NULL
        );
        CREATE TABLE points_archive (
            member_tag   TEXT NOT NULL,
            rule_id      TEXT NOT NULL,
            rule_version INTEGER NOT NULL,
            scope_key    TEXT NOT NULL,
            points       INTEGER NOT NULL,
            at           TEXT NOT NULL
        );
        """,
        """
        -- Prompt sessions: placeholder → value mappings, sealed with the session key, expiring.
        CREATE TABLE prompt_sessions (
            id         TEXT PRIMARY KEY,
            member_id  TEXT REFERENCES members(id) ON DELETE CASCADE,
            purpose    TEXT NOT NULL,
            created_at TEXT NOT NULL,
            expires_at TEXT NOT NULL,
            mapping    BLOB NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX prompt_sessions_by_member ON prompt_sessions(member_id);
        """,
        """
        -- Every table with a member_id is searched by it (reads, export, erasure, and the foreign
        -- key checks when a member row goes); without these, each was a full scan.
        CREATE INDEX points_ledger_by_member ON points_ledger(member_id);
        CREATE INDEX doi_tokens_by_member ON doi_tokens(member_id);
        CREATE INDEX requests_by_member ON requests(member_id);
        """,
        """
        -- Integrity: every member's access-deciding rows are sealed together in members.seal, and
        -- each vault-wide table (tokens, policies, requests) has one seal over all its rows.
        ALTER TABLE members ADD COLUMN seal BLOB;
        CREATE TABLE vault_seals (
            name TEXT PRIMARY KEY,
            seal BLOB NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX audit_log_by_operation ON audit_log(operation);
        -- The seal a member or table had after the operation: the anchor an older copy of their
        -- rows, seal and all, no longer matches.
        ALTER TABLE audit_log ADD COLUMN anchor TEXT NOT NULL DEFAULT '';

        -- Prompt sessions belong to the principal that made them, and are purged when they expire.
        ALTER TABLE prompt_sessions ADD COLUMN created_by TEXT NOT NULL DEFAULT '';
        CREATE INDEX prompt_sessions_by_expiry ON prompt_sessions(expires_at);
        """,
        """
        -- The events feed: consent changes and erasures in order, without values, for clients that
        -- follow withdrawals and confirmations. Written by triggers, so no write path can skip it;
        -- an erasure that keeps a tombstone replaces the member's earlier events with one member.erased.
        CREATE TABLE events (
            seq       INTEGER PRIMARY KEY AUTOINCREMENT,
            at        TEXT NOT NULL,
            kind      TEXT NOT NULL,
            member_id TEXT NOT NULL,
            purpose   TEXT NOT NULL DEFAULT '',
            field     TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX events_by_member ON events(member_id);
        CREATE TRIGGER events_from_consents AFTER INSERT ON consent_events WHEN NEW.event != 'doi_sent' BEGIN
            INSERT INTO events (at, kind, member_id, purpose, field)
            VALUES (NEW.recorded_at, 'consent.' || NEW.event, NEW.member_id, NEW.purpose, NEW.field);
        END;
        -- A grant that waits for double opt-in is not a grant yet: its event becomes consent.pending.
        CREATE TRIGGER events_from_doi AFTER INSERT ON consent_events WHEN NEW.event = 'doi_sent' BEGIN
            UPDATE events SET kind = 'consent.pending'
            WHERE seq = (SELECT max(seq) FROM events WHERE member_id = NEW.member_id AND purpose = NEW.purpose
                         AND field = NEW.field AND kind = 'consent.grant');
        END;
        CREATE TRIGGER events_from_erasure AFTER UPDATE OF erased_at ON members
            WHEN OLD.erased_at IS NULL AND NEW.erased_at IS NOT NULL BEGIN
            DELETE FROM events WHERE member_id = NEW.id;
            INSERT INTO events (at, kind, member_id) VALUES (NEW.erased_at, 'member.erased', NEW.id);
        END;
        -- A member erased without anything held leaves no trace, not even its id, so nothing is announced.
        CREATE TRIGGER events_from_deletion AFTER DELETE ON members BEGIN
            DELETE FROM events WHERE member_id = OLD.id;
        END;
        """,
        """
        -- The suppression list: keyed hashes of the email addresses and phone numbers of erased
        -- members and of members who objected, so no later import, enrolment or grant adds them to
        -- direct marketing again. No member id and no plaintext; a DPO lifts an entry.
        CREATE TABLE suppression_list (
            hash     BLOB PRIMARY KEY,
            kind     TEXT NOT NULL,
            reason   TEXT NOT NULL,
            added_on TEXT NOT NULL
        );
        """,
    ]

    /// The schema version this build writes: storage format 5 (`FormatFive`), after the SQL
    /// migrations (format 1) and the steps to formats 2, 3 and 4.
    static var currentVersion: Int { FormatFive.version }

    /// The batched steps after the SQL migrations, in order: format 1 to 2, 2 to 3, 3 to 4, 4 to 5.
    static let formatSteps = [FormatTwo.rebuild, FormatThree.rebuild, FormatFour.rebuild, FormatFive.rebuild]

    /// Brings `database` to the current version, finishing a format migration that was
    /// interrupted; refuses files from newer builds.
    static func migrate(_ database: Database, batchSize: Int = VaultMigration.defaultBatchSize,
                        afterBatch: (_ format: Int, _ copied: Int) throws -> Void = { _, _ in }) throws {
        try applySQLMigrations(database)
        try refuseInexactTimestamps(database)
        for step in formatSteps { try step.migrate(database, batchSize: batchSize, afterBatch: afterBatch) }
    }

    /// Throws `migrationIncomplete` when a row a step still to run could not hold (a timestamp the
    /// integer form of format 3 or 5 would change): the migration stops before its first step writes anything.
    static func refuseInexactTimestamps(_ database: Database) throws {
        if try FormatThree.rebuild.state(of: database) != .after { try FormatThree.refuseInexactTimestamps(database) }
        if try FormatFive.rebuild.state(of: database) != .after { try FormatFive.refuseInexactTimestamps(database) }
    }

    /// Applies the SQL migrations (format 1) that `database` lacks, in one transaction; refuses
    /// files from newer builds.
    private static func applySQLMigrations(_ database: Database) throws {
        let found = try version(of: database)
        if found > currentVersion { throw StorageError.schemaTooNew(found: found, supported: currentVersion) }
        guard found < migrations.count else { return }
        try database.writeTransaction {
            for index in found..<migrations.count { try database.execute(migrations[index]) }
            try database.execute("PRAGMA user_version = \(migrations.count)")
        }
    }

    /// The `user_version` of `database`.
    static func version(of database: Database) throws(StorageError) -> Int {
        guard let row = try database.statement("PRAGMA user_version").rows(table: "pragma user_version").first else { return 0 }
        return try row.integer("user_version")
    }
}
