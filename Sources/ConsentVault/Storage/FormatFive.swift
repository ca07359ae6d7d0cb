/// Storage format 5: the audit log keeps what repeats once and its hashes as bytes. An entry's
/// principal, role, operation, purpose, field lists and outcome (the same few combinations for
/// millions of entries) live in `audit_terms`, named by a small integer; its time is an integer;
/// the member pseudonym and the anchor are stored as bytes (16 and 32 instead of 32 and 64 hex
/// characters) when they are hex, as text otherwise (`#table`, `deleted`, empty). Virtual columns
/// of the old names (`at`, `member`, `anchor`) give back exactly the text format 4 stored, so every
/// entry reads as before and its chain value still matches: the chain covers what is read, so an
/// edited terms row or byte changes the entries that use it and fails verification.
///
/// `audit_terms` is append-only (an edit would rewrite every entry sharing the row); an entry whose
/// terms are missing reads as an error. The operation index is gone: its only query (was the vault
/// ever sealed) runs once, when the seal marker is missing, and stops at the first entry it finds.
///
/// A format-4 vault moves to format 5 in batches of audit entries (`BatchedRebuild` driven by
/// `audit_log.seq`); nothing is re-encrypted and the chain is not recomputed.
enum FormatFive {
    /// The schema version of format 5.
    static let version = FormatFour.version + 1

    /// The text of stored value `column` (bytes as lowercase hex, text as it is).
    private static func hexText(_ column: String) -> String {
        "CASE typeof(\(column)) WHEN 'blob' THEN lower(hex(\(column))) ELSE \(column) END"
    }

    /// The audit log as format 4 returned it, for a query over `FROM auditLog`.
    static let auditLog = "audit_log a LEFT JOIN audit_terms t ON t.code = a.terms"

    /// The new table, created beside the old one with a `_v5` suffix and renamed at the end, and the terms table.
    private static let createTables = """
        CREATE TABLE audit_terms (
            code             INTEGER PRIMARY KEY,
            principal        TEXT NOT NULL,
            role             TEXT NOT NULL,
            operation        TEXT NOT NULL,
            purpose          TEXT NOT NULL,
            fields_requested TEXT NOT NULL,
            fields_returned  TEXT NOT NULL,
            outcome          TEXT NOT NULL,
            UNIQUE (principal, role, operation, purpose, fields_requested, fields_returned, outcome)
        );
        CREATE TABLE audit_log_v5 (
            seq          INTEGER PRIMARY KEY,
            at_unix      INTEGER NOT NULL,
            terms        INTEGER NOT NULL REFERENCES audit_terms(code),
            subject      NOT NULL,
            chain        BLOB NOT NULL,
            anchor_value NOT NULL DEFAULT '',
            at           TEXT GENERATED ALWAYS AS (\(FormatThree.isoText("at_unix"))) VIRTUAL,
            member       TEXT GENERATED ALWAYS AS (\(hexText("subject"))) VIRTUAL,
            anchor       TEXT GENERATED ALWAYS AS (\(hexText("anchor_value"))) VIRTUAL
        );
        CREATE INDEX audit_log_by_subject ON audit_log_v5(subject);
        CREATE TABLE format5_progress (last_member INTEGER NOT NULL);
        INSERT INTO format5_progress VALUES (0);
        """

    /// Triggers of format 5.
    private static let createTriggers = auditTerms.appendOnlyTriggers

    /// What repeats across audit entries.
    static let auditTerms = TermsTable(name: "audit_terms", columns: ["principal", "role", "operation", "purpose", "fields_requested",
                                                                    "fields_returned", "outcome"], referredBy: "audit entries")

    /// Entries after `?1` up to `?2`, for a query over the old table.
    private static let batch = "seq > ?1 AND seq <= ?2"

    private static let inexactProblem = "audit entries with a time that is not ISO 8601 in whole UTC seconds"
    /// SQL that holds for an entry whose time the integer form would change.
    private static let inexact = "\(FormatThree.isoText("unixepoch(at)")) IS NOT at"

    /// Throws `migrationIncomplete` when an entry still to be moved has a time the integer form
    /// would change; run before the first step of a migration, so it stops before anything is written.
    static func refuseInexactTimestamps(_ database: Database) throws {
        let found = try database.statement("SELECT count(*) AS value FROM audit_log WHERE \(inexact)").scalar(table: "audit_log")
        guard found == 0 else { throw StorageError.migrationIncomplete(table: "audit_log", problem: "\(found) \(inexactProblem)") }
    }

    /// Copies of one batch of entries (sequence numbers after `?1` up to and including `?2`), their terms first.
    private static let copyBatch = [
        """
        INSERT OR IGNORE INTO audit_terms (principal, role, operation, purpose, fields_requested, fields_returned, outcome)
        SELECT DISTINCT principal, role, operation, purpose, fields_requested, fields_returned, outcome FROM audit_log WHERE \(batch)
        """,
        """
        INSERT INTO audit_log_v5 (seq, at_unix, terms, subject, chain, anchor_value)
        SELECT seq, unixepoch(at), (SELECT code FROM audit_terms t WHERE t.principal = a.principal AND t.role = a.role AND t.operation = a.operation
                                    AND t.purpose = a.purpose AND t.fields_requested = a.fields_requested
                                    AND t.fields_returned = a.fields_returned AND t.outcome = a.outcome),
               coalesce(cv_hex_bytes(member), member), chain, coalesce(cv_hex_bytes(anchor), anchor)
        FROM audit_log a WHERE \(batch)
        """,
    ]

    /// The step from format 4 to format 5.
    static let rebuild = BatchedRebuild(
        format: 5, fromVersion: FormatFour.version, version: version, tables: ["audit_log"], driver: "audit_log", suffix: "_v5",
        sequencedTables: [], progressTable: "format5_progress", batchKey: "seq", createTables: createTables,
        refusals: [("audit_log", inexactProblem, "SELECT count(*) AS value FROM audit_log WHERE \(batch) AND (\(inexact))")],
        copyBatch: copyBatch, deleteBatch: ["DELETE FROM audit_log WHERE \(batch)"], createTriggers: createTriggers)

    /// SQL that holds for an entry not stored as `AuditLog.append` writes it: a pseudonym or anchor
    /// kept as hex text instead of bytes, empty bytes, a time or terms code that is not an integer.
    /// Such an entry reads the same, so its chain value still matches, but a per-member query no
    /// longer finds it: `audit verify` reports it.
    static let rewrittenEntries = """
        typeof(at_unix) <> 'integer' OR typeof(terms) <> 'integer' OR \(nonCanonical("subject")) OR \(nonCanonical("anchor_value"))
        """

    /// SQL that holds when `column` holds a value `stored` would not have written.
    private static func nonCanonical(_ column: String) -> String {
        """
        (typeof(\(column)) NOT IN ('text', 'blob') OR (typeof(\(column)) = 'blob' AND length(\(column)) = 0)
         OR (typeof(\(column)) = 'text' AND cv_hex_bytes(\(column)) IS NOT NULL))
        """
    }

    /// What `value` (a pseudonym, anchor or `#table`) is stored as: bytes when it is hex, else text.
    static func stored(_ value: String) -> SQLValue {
        Hex.canonicalBytes(value).map { .blob($0) } ?? .text(value)
    }
}
