/// API tokens: each names a principal with a role; the vault keeps only a keyed hash.
extension Vault {
    /// A token as listed (never the token itself).
    public struct TokenInfo: Sendable, Equatable {
        /// The principal's name.
        public let name: String
        /// Its role.
        public let role: String
        /// When it was created.
        public let createdAt: String
        /// When it was revoked, if it was.
        public let revokedAt: String?
    }

    /// Creates a token for a new principal `name` with `role`; the token is returned once only.
    public func createToken(name: String, role: String, as principal: Principal) throws -> String {
        try audited(principal, .tokenCreate) { _ in
            guard policies.roles.role(role) != nil else { throw AccessError.unknownRole(role) }
            guard try database.statement("SELECT 1 FROM access_tokens WHERE name = ?1").rows([.text(name)]).isEmpty else {
                throw AccessError.tokenNameTaken(name)
            }
            let token = "cvt_" + KeyFileFormat.hex(Sodium.randomPublicBytes(count: 32))
            try database.statement("INSERT INTO access_tokens (name, role, token_hash, created_at) VALUES (?1, ?2, ?3, ?4)")
                .run([.text(name), .text(role), .blob(try tokenHash(token)), .text(Timestamp.string(clock()))])
            return token
        }
    }

    /// Every token's name, role and dates.
    public func listTokens(as principal: Principal) throws -> [TokenInfo] {
        try audited(principal, .tokenList) { _ in
            try database.statement("SELECT name, role, created_at, revoked_at FROM access_tokens ORDER BY name").rows().map {
                TokenInfo(name: $0[0].text ?? "", role: $0[1].text ?? "", createdAt: $0[2].text ?? "", revokedAt: $0[3].text)
            }
        }
    }

    /// Revokes the token of principal `name`; it stops working at once.
    public func revokeToken(name: String, as principal: Principal) throws {
        try audited(principal, .tokenRevoke) { _ in
            try database.statement("UPDATE access_tokens SET revoked_at = ?2 WHERE name = ?1 AND revoked_at IS NULL")
                .run([.text(name), .text(Timestamp.string(clock()))])
            guard database.changes == 1 else { throw AccessError.unknownTokenName(name) }
        }
    }

    /// The principal a token stands for; throws if it is unknown or revoked.
    public func principal(forToken token: String) throws -> Principal {
        let rows = try database.statement("SELECT name, role FROM access_tokens WHERE token_hash = ?1 AND revoked_at IS NULL")
            .rows([.blob(try tokenHash(token))])
        guard let row = rows.first else { throw AccessError.invalidToken }
        return Principal(name: row[0].text ?? "", role: row[1].text ?? "")
    }

    /// Keyed BLAKE2b of a token (access or double opt-in): useless to anyone without the vault key.
    func tokenHash(_ token: String) throws -> [UInt8] {
        try KeyDerivation.keyedHash(Array(token.utf8), key: keys.tokenKey)
    }
}
