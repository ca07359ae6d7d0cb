/// Owns `access_tokens`: principals' API tokens, stored only as keyed hashes.
struct TokenStore {
    let database: Database

    /// Whether any token, active or revoked, has this name.
    func exists(name: String) throws -> Bool {
        !(try database.statement("SELECT 1 AS found FROM access_tokens WHERE name = ?1").rows([.text(name)], table: "access_tokens").isEmpty)
    }

    /// Stores a new token's hash for principal `name` with `role`.
    func insert(name: String, role: String, hash: [UInt8], now: String) throws {
        try database.statement("INSERT INTO access_tokens (name, role, token_hash, created_at) VALUES (?1, ?2, ?3, ?4)")
            .run([.text(name), .text(role), .blob(hash), .text(now)])
    }

    /// Every token, by name.
    func all() throws -> [TokenInfo] {
        try database.statement("SELECT name, role, created_at, revoked_at FROM access_tokens ORDER BY name").rows(table: "access_tokens").map {
            TokenInfo(name: try $0.text("name"), role: try $0.text("role"), createdAt: try $0.text("created_at"),
                      revokedAt: try $0.optionalText("revoked_at"))
        }
    }

    /// Revokes the active token of `name`; returns whether there was one.
    func revoke(name: String, at now: String) throws -> Bool {
        try database.statement("UPDATE access_tokens SET revoked_at = ?2 WHERE name = ?1 AND revoked_at IS NULL").run([.text(name), .text(now)])
        return database.changes == 1
    }

    /// Every token row, for the table seal.
    func sealedRows() throws -> [Row] {
        try database.statement("SELECT name, role, token_hash, created_at, revoked_at FROM access_tokens ORDER BY name").rows(table: "access_tokens")
    }

    /// The principal of the active token with `hash`, or nil.
    func principal(withHash hash: [UInt8]) throws -> Principal? {
        try database.statement("SELECT name, role FROM access_tokens WHERE token_hash = ?1 AND revoked_at IS NULL")
            .rows([.blob(hash)], table: "access_tokens").first.map { Principal(name: try $0.text("name"), role: try $0.text("role")) }
    }
}
