/// Owns `audit_log`: the audit entries and their keyed hash chain. Entries are appended inside the
/// transaction of the operation they record, so an operation without its entry cannot commit.
struct AuditLog {
    let database: Database
    /// Keys the chain; derived from the vault root key, so it survives master key rotation.
    let chainKey: SecureBytes
    /// Keys member pseudonyms, separate from the chain key.
    let pseudonymKey: SecureBytes

    /// All-zero chain value before the first entry.
    static let genesis = [UInt8](repeating: 0, count: 32)

    /// What the caller fills in; sequence, time and chain are added on append.
    struct Record {
        var principal: Principal
        var operation: VaultOperation
        var purpose: String = ""
        var member: MemberID?
        var fieldsRequested: [String] = []
        var fieldsReturned: [String] = []
        var outcome: AuditOutcome = .ok
        /// For an anchor of a vault-wide table: its seal name, written as `#name` in the member column.
        var table: String?
        /// The seal after the operation (see `AuditEntry.anchor`).
        var anchor: String = ""
    }

    /// Anchor written when a member's rows are gone.
    static let deletedAnchor = "deleted"

    /// Keyed pseudonym of a member id: stable, but useless without the vault's keys.
    func pseudonym(_ member: MemberID) throws -> String {
        Hex.encode(try pseudonymBytes(member))
    }

    /// The pseudonym's 16 bytes, as `audit_log.subject` stores them.
    private func pseudonymBytes(_ member: MemberID) throws -> [UInt8] {
        try KeyDerivation.keyedHash(Array(member.rawValue.utf8), key: pseudonymKey, length: 16)
    }

    /// Appends `record` at `now`. Must run inside a write transaction.
    func append(_ record: Record, at now: String) throws {
        let last = try latest()
        let sequence = (last?.sequence ?? 0) + 1
        let previous = last?.chain ?? Self.genesis
        // Purpose and field names come from callers: one typed into the wrong option (an email
        // address, a phone number) must not reach the log, only a note of its length.
        var unchained = AuditEntry(sequence: sequence, at: now, principal: record.principal.name, role: record.principal.role,
                                   operation: record.operation.rawValue, purpose: Self.loggable(record.purpose),
                                   member: try record.table.map { "#" + $0 } ?? record.member.map(pseudonym) ?? "",
                                   fieldsRequested: record.fieldsRequested.map(Self.loggable), fieldsReturned: record.fieldsReturned,
                                   outcome: record.outcome, chain: [])
        unchained.anchor = record.anchor
        let chain = try link(previous, unchained)
        try database.statement("""
            INSERT INTO audit_log (seq, at_unix, terms, subject, chain, anchor_value) VALUES (?1, unixepoch(?2), ?3, ?4, ?5, ?6)
            """).run([.integer(Int64(sequence)), .text(now), .integer(try termsCode(of: unchained)), FormatFive.stored(unchained.member),
                      .blob(chain), FormatFive.stored(record.anchor)])
    }

    /// The `audit_terms` code of the entry's principal, role, operation, purpose, field lists and
    /// outcome, added when no entry had that combination before.
    private func termsCode(of entry: AuditEntry) throws -> Int64 {
        try FormatFive.auditTerms.code(of: [.text(entry.principal), .text(entry.role), .text(entry.operation), .text(entry.purpose),
                                            .text(entry.fieldsRequested.joined(separator: ",")), .text(entry.fieldsReturned.joined(separator: ",")),
                                            .text(entry.outcome.rawValue)], in: database)
    }

    /// A purpose or requested name as the log keeps it: `session:` references and names shaped like
    /// the policy files' ids (lowercase letters, digits and `_`, at most two digits) as they are,
    /// anything else (`Anna`, `anna.mueller`, an email, a phone number) as `<N characters>` (no
    /// comma: the list is comma-joined).
    private static func loggable(_ requested: String) -> String {
        if requested.isEmpty || requested.hasPrefix("session:") { return requested }
        let isID = requested.count <= Echo.maximumLength && requested.first.map { $0.isASCII && $0.isLowercase } == true
            && requested.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
        return isID && Echo.name(requested) == requested ? requested : "<\(requested.count) characters>"
    }

    /// The chain value that follows `previous` for `entry`.
    func link(_ previous: [UInt8], _ entry: AuditEntry) throws -> [UInt8] {
        try KeyDerivation.keyedHash(previous + entry.chainedContent, key: chainKey)
    }

    /// Each member pseudonym with the anchor of its newest anchored entry (tables left out): what
    /// the log says each member's rows were last sealed as, `deletedAnchor` for members removed.
    func newestMemberAnchors() throws -> [String: String] {
        var anchors: [String: String] = [:]
        for row in try database.statement("""
            SELECT member, anchor, max(seq) AS seq FROM audit_log WHERE anchor <> '' AND typeof(subject) = 'blob' GROUP BY subject
            """).rows(table: "audit_log") {
            anchors[try row.text("member")] = try row.text("anchor")
        }
        return anchors
    }

    /// The newest anchor recorded for a member (pseudonym) or a table (`#name`), or nil if none
    /// was. Every entry from the newest one for the subject back to that anchor must carry a valid
    /// chain value: an anchor blanked or edited in a newer entry is tampering, not "no anchor".
    func latestAnchor(of subject: String) throws -> String? {
        let newest = try database.statement("SELECT \(Self.columns) FROM \(FormatFive.auditLog) WHERE a.subject = ?1 ORDER BY a.seq DESC LIMIT 8")
            .rows([FormatFive.stored(subject)], table: "audit_log").map(Self.entry)
        for entry in newest {
            let previous = try database.statement("SELECT chain FROM audit_log WHERE seq = ?1")
                .rows([.integer(Int64(entry.sequence - 1))], table: "audit_log").first?.blob("chain") ?? Self.genesis
            guard try link(previous, entry) == entry.chain else { throw IntegrityError.auditEntryTampered(sequence: entry.sequence) }
            if !entry.anchor.isEmpty { return entry.anchor }
        }
        guard newest.count < 8 else {
            // Eight entries without an anchor in a row (refusals only): look further back by anchor.
            return try database.statement("SELECT anchor FROM audit_log WHERE subject = ?1 AND anchor <> '' ORDER BY seq DESC LIMIT 1")
                .rows([FormatFive.stored(subject)], table: "audit_log").first?.text("anchor")
        }
        return nil
    }

    /// Whether any entry records `operation`, or might: an entry whose terms row is missing counts,
    /// so removing that row cannot hide the entry. Reads the log in order until the first such
    /// entry (no index on operations: this runs only when the seal marker is missing).
    func hasEntry(operation: VaultOperation) throws -> Bool {
        !(try database.statement("SELECT 1 AS found FROM \(FormatFive.auditLog) WHERE t.operation = ?1 OR t.code IS NULL LIMIT 1")
            .rows([.text(operation.rawValue)], table: "audit_log").isEmpty)
    }

    /// The newest entry's sequence number and chain value, or nil for an empty log.
    func latest() throws -> (sequence: Int, chain: [UInt8])? {
        try database.statement("SELECT seq, chain FROM audit_log ORDER BY seq DESC LIMIT 1").rows(table: "audit_log").first
            .map { (try $0.integer("seq"), try $0.blob("chain")) }
    }

    /// An entry's columns, for a query over `FormatFive.auditLog` (the terms joined back).
    private static let columns = """
        a.seq AS seq, a.at AS at, t.principal AS principal, t.role AS role, t.operation AS operation, t.purpose AS purpose, a.member AS member,
        t.fields_requested AS fields_requested, t.fields_returned AS fields_returned, t.outcome AS outcome, a.chain AS chain, a.anchor AS anchor
        """

    /// Entries in sequence order; `member` filters by pseudonym.
    func entries(member: MemberID? = nil) throws -> [AuditEntry] {
        let rows: [Row]
        if let member {
            rows = try database.statement("SELECT \(Self.columns) FROM \(FormatFive.auditLog) WHERE a.subject = ?1 ORDER BY a.seq")
                .rows([.blob(try pseudonymBytes(member))], table: "audit_log")
        } else {
            rows = try database.statement("SELECT \(Self.columns) FROM \(FormatFive.auditLog) ORDER BY a.seq").rows(table: "audit_log")
        }
        return try rows.map(Self.entry)
    }

    /// Decodes an `audit_log` row of `columns`.
    private static func entry(_ row: Row) throws -> AuditEntry {
            func list(_ column: String) throws -> [String] { try row.text(column).split(separator: ",").map(String.init) }
            var entry = AuditEntry(sequence: try row.integer("seq"), at: try row.text("at"), principal: try row.text("principal"),
                                   role: try row.text("role"), operation: try row.text("operation"), purpose: try row.text("purpose"),
                                   member: try row.text("member"), fieldsRequested: try list("fields_requested"),
                                   fieldsReturned: try list("fields_returned"), outcome: try row.decode("outcome", as: AuditOutcome.self),
                                   chain: try row.blob("chain"))
            entry.anchor = try row.text("anchor")
            return entry
    }
}
