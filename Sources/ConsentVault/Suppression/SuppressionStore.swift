/// Owns `suppression_list`: keyed hashes of contact values (email addresses, phone numbers) that
/// must not be added to direct marketing again. Rows name no member; they are sealed with the
/// `requests` table group.
struct SuppressionStore {
    let database: Database

    /// Adds `hash` (idempotent: the first reason and day stay).
    func add(_ hash: [UInt8], field: String, reason: SuppressionReason, on day: String) throws {
        try database.statement("INSERT OR IGNORE INTO suppression_list (hash, kind, reason, added_on) VALUES (?1, ?2, ?3, ?4)")
            .run([.blob(hash), .text(field), .text(reason.rawValue), .text(day)])
    }

    /// The entry for `hash`, or nil.
    func entry(_ hash: [UInt8]) throws -> SuppressionEntry? {
        try database.statement("SELECT hash, kind, reason, added_on FROM suppression_list WHERE hash = ?1")
            .rows([.blob(hash)], table: "suppression_list").first.map(SuppressionEntry.init)
    }

    /// Whether the list has no entry.
    func isEmpty() throws -> Bool {
        try database.statement("SELECT NOT EXISTS (SELECT 1 FROM suppression_list) AS value").scalar(table: "suppression_list") == 1
    }

    /// Every entry, oldest first.
    func all() throws -> [SuppressionEntry] {
        try database.statement("SELECT hash, kind, reason, added_on FROM suppression_list ORDER BY added_on, hash")
            .rows(table: "suppression_list").map(SuppressionEntry.init)
    }

    /// Removes the entry whose hash starts with `idPrefix` (its id); the entry removed, or nil.
    func remove(idPrefix: [UInt8]) throws -> SuppressionEntry? {
        let found = try database.statement("SELECT hash, kind, reason, added_on FROM suppression_list WHERE substr(hash, 1, ?2) = ?1")
            .rows([.blob(idPrefix), .integer(Int64(idPrefix.count))], table: "suppression_list")
        guard found.count == 1 else { return nil }
        try database.statement("DELETE FROM suppression_list WHERE hash = ?1").run([.blob(try found[0].blob("hash"))])
        return try SuppressionEntry(found[0])
    }

    /// Every row, for the `requests` table seal.
    func sealedRows() throws -> [Row] {
        try database.statement("SELECT hash, kind, reason, added_on FROM suppression_list ORDER BY hash").rows(table: "suppression_list")
    }
}

extension SuppressionEntry {
    init(_ row: Row) throws {
        let hash = try row.blob("hash")
        guard let reason = SuppressionReason(rawValue: try row.text("reason")) else {
            throw StorageError.corruptRow(table: "suppression_list", column: "reason", problem: "unknown reason")
        }
        self.init(id: Hex.encode(Array(hash.prefix(Self.idByteCount))), field: try row.text("kind"), reason: reason, addedOn: try row.text("added_on"))
    }
}
