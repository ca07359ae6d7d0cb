/// Owns `vault_seals` (one seal per vault-wide table, and the marker that the vault is sealed)
/// and the connection's temporary change log: TEMP triggers record which members and tables a
/// transaction touched, so exactly those are sealed again before it commits. The triggers exist
/// on this connection only; a write through any other connection (`sqlite3`) is never resealed.
struct IntegrityStore {
    let database: Database

    /// Tables whose rows belong to one member, and the column naming the member.
    /// Tables whose rows belong to one member, and the SQL naming the member of row `ROW` (`NEW`/`OLD`).
    private static let memberTables = ["member_fields": byKey, "blind_indexes": byKey, "consent_events": byKey, "points_ledger": byKey,
                                       "doi_tokens": byID, "field_restrictions": byID, "member_restrictions": byID]
    /// The member id of a format-1 row.
    private static let byID = "ROW.member_id"
    /// The member id of a format-2 row; empty once the member row is gone (its own delete trigger names it then).
    private static let byKey = "coalesce((SELECT id FROM main.members WHERE key = ROW.member_key), '')"
    /// Vault-wide tables and the seal that covers them.
    private static let sealedTables = ["access_tokens": "tokens", "policies": "policies", "notices": "policies", "requests": "requests",
                                       "suppression_list": "requests",
                                       "vault_meta": "meta"]
    /// Names of the vault-wide seals.
    static let tableSeals = ["tokens", "policies", "requests", "meta"]

    /// Creates the change log and its triggers on this connection (idempotent).
    func installChangeLog() throws {
        var sql = "CREATE TEMP TABLE IF NOT EXISTS cv_changed (kind TEXT NOT NULL, key TEXT NOT NULL);\n"
        func trigger(_ name: String, _ event: String, _ table: String, _ insert: String) {
            sql += "CREATE TEMP TRIGGER IF NOT EXISTS cv_\(name) AFTER \(event) ON main.\(table) BEGIN INSERT INTO cv_changed VALUES \(insert); END;\n"
        }
        for (table, memberOf) in Self.memberTables {
            func member(_ row: String) -> String { memberOf.replacingOccurrences(of: "ROW", with: row) }
            trigger("\(table)_i", "INSERT", table, "('member', \(member("NEW")))")
            trigger("\(table)_u", "UPDATE", table, "('member', \(member("OLD"))), ('member', \(member("NEW")))")
            trigger("\(table)_d", "DELETE", table, "('member', \(member("OLD")))")
        }
        trigger("members_i", "INSERT", "members", "('member', NEW.id)")
        trigger("members_d", "DELETE", "members", "('member', OLD.id)")
        trigger("members_u", "UPDATE OF erased_at, held_until, data_key_version", "members", "('member', NEW.id)")
        for (table, seal) in Self.sealedTables {
            for (suffix, event) in [("i", "INSERT"), ("u", "UPDATE"), ("d", "DELETE")] { trigger("\(table)_\(suffix)", event, table, "('table', '\(seal)')") }
        }
        try database.execute(sql)
    }

    /// Members and table seals changed in this transaction, then forgets them.
    func takeChanges() throws -> (members: [String], tables: [String]) {
        let rows = try database.statement("SELECT DISTINCT kind, key FROM temp.cv_changed WHERE key <> '' ORDER BY kind, key").rows(table: "cv_changed")
        try database.statement("DELETE FROM temp.cv_changed").run()
        var members: [String] = [], tables: [String] = []
        for row in rows {
            if try row.text("kind") == "member" { members.append(try row.text("key")) } else { tables.append(try row.text("key")) }
        }
        return (members, tables)
    }

    /// Whether this transaction has already changed `key` (a member id, or a table seal name):
    /// its seal is renewed at commit, so it is checked only before the first change.
    func isChanged(_ kind: String, _ key: String) throws -> Bool {
        !(try database.statement("SELECT 1 AS found FROM temp.cv_changed WHERE kind = ?1 AND key = ?2 LIMIT 1")
            .rows([.text(kind), .text(key)], table: "cv_changed").isEmpty)
    }

    /// The stored seal `name`, or nil.
    func seal(named name: String) throws -> [UInt8]? {
        try database.statement("SELECT seal FROM vault_seals WHERE name = ?1").rows([.text(name)], table: "vault_seals").first?.blob("seal")
    }

    /// Stores seal `name`.
    func setSeal(_ seal: [UInt8], named name: String) throws {
        try database.statement("INSERT INTO vault_seals (name, seal) VALUES (?1, ?2) ON CONFLICT (name) DO UPDATE SET seal = ?2")
            .run([.text(name), .blob(seal)])
    }
}
