/// The audit log's storage and its keyed hash chain. Entries are appended inside the
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
    }

    /// Keyed pseudonym of a member id: stable, but useless without the vault's keys.
    func pseudonym(_ member: MemberID) throws -> String {
        KeyFileFormat.hex(try KeyDerivation.keyedHash(Array(member.rawValue.utf8), key: pseudonymKey, length: 16))
    }

    /// Appends `record` at `now`. Must run inside a write transaction.
    func append(_ record: Record, at now: String) throws {
        let last = try database.statement("SELECT seq, chain FROM audit_log ORDER BY seq DESC LIMIT 1").rows().first
        let sequence = Int(last?[0].integer ?? 0) + 1
        let previous = last?[1].blob ?? Self.genesis
        let unchained = AuditEntry(sequence: sequence, at: now, principal: record.principal.name, role: record.principal.role,
                                   operation: record.operation.rawValue, purpose: record.purpose,
                                   member: try record.member.map(pseudonym) ?? "",
                                   fieldsRequested: record.fieldsRequested, fieldsReturned: record.fieldsReturned,
                                   outcome: record.outcome, chain: [])
        let chain = try link(previous, unchained)
        try database.statement("""
            INSERT INTO audit_log (seq, at, principal, role, operation, purpose, member, fields_requested, fields_returned, outcome, chain)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
            """).run([.integer(Int64(sequence)), .text(now), .text(unchained.principal), .text(unchained.role), .text(unchained.operation),
                      .text(unchained.purpose), .text(unchained.member), .text(unchained.fieldsRequested.joined(separator: ",")),
                      .text(unchained.fieldsReturned.joined(separator: ",")), .text(unchained.outcome.rawValue), .blob(chain)])
    }

    /// The chain value that follows `previous` for `entry`.
    func link(_ previous: [UInt8], _ entry: AuditEntry) throws -> [UInt8] {
        try KeyDerivation.keyedHash(previous + entry.chainedContent, key: chainKey)
    }

    /// Entries in sequence order; `member` filters by pseudonym.
    func entries(member: MemberID? = nil) throws -> [AuditEntry] {
        let columns = "seq, at, principal, role, operation, purpose, member, fields_requested, fields_returned, outcome, chain"
        let rows: [[SQLValue]]
        if let member {
            rows = try database.statement("SELECT \(columns) FROM audit_log WHERE member = ?1 ORDER BY seq").rows([.text(try pseudonym(member))])
        } else {
            rows = try database.statement("SELECT \(columns) FROM audit_log ORDER BY seq").rows()
        }
        return rows.map { row in
            func list(_ value: SQLValue) -> [String] { (value.text ?? "").split(separator: ",").map(String.init) }
            return AuditEntry(sequence: Int(row[0].integer ?? 0), at: row[1].text ?? "", principal: row[2].text ?? "",
                              role: row[3].text ?? "", operation: row[4].text ?? "", purpose: row[5].text ?? "",
                              member: row[6].text ?? "", fieldsRequested: list(row[7]), fieldsReturned: list(row[8]),
                              outcome: AuditOutcome(rawValue: row[9].text ?? "") ?? .error, chain: row[10].blob ?? [])
        }
    }
}
