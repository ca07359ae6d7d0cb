/// A token as listed: who it stands for and when it was made or revoked, never the token itself.
public struct TokenInfo: Sendable, Equatable {
    /// The principal's name.
    public let name: String
    /// Its role id from `roles.json`.
    public let role: String
    /// When it was created (ISO 8601, UTC).
    public let createdAt: String
    /// When it was revoked, if it was.
    public let revokedAt: String?
}

/// API tokens: each names a principal with a role; the vault keeps only a keyed hash.
public struct TokenOperations {
    let context: VaultContext

    /// Creates a token for a new principal `name` with `role`; the token is returned once only.
    public func create(name: String, role: String, as principal: Principal) throws -> String {
        try context.audited(principal, .tokenCreate) { _ in
            guard Self.isValidName(name) else { throw AccessError.invalidTokenName }
            guard context.policies.roles.role(role) != nil else { throw AccessError.unknownRole(role) }
            // A DPO token reaches what only the DPO may do (the suppression list, erasure): only the key
            // holder or a DPO hands one out, not an administrator of the service.
            if role == "dpo", !principal.isLocalAdministrator, principal.role != "dpo" {
                throw AccessError.dpoTokenNeedsDPO
            }
            try context.verifyTable("tokens")
            guard try !context.tokens.exists(name: name) else { throw AccessError.tokenNameTaken(name) }
            let token = "cvt_" + Hex.encode(Sodium.randomPublicBytes(count: 32))
            try context.tokens.insert(name: name, role: role, hash: try context.tokenHash(token), now: context.timestamp)
            return token
        }
    }

    /// Every token's name, role and dates.
    public func list(as principal: Principal) throws -> [TokenInfo] {
        try context.audited(principal, .tokenList) { _ in
            try context.verifyTable("tokens")
            return try context.tokens.all()
        }
    }

    /// Revokes the token of principal `name`; it stops working at once.
    public func revoke(name: String, as principal: Principal) throws {
        try context.audited(principal, .tokenRevoke) { _ in
            try context.verifyTable("tokens")
            guard try context.tokens.revoke(name: name, at: context.timestamp) else { throw AccessError.unknownTokenName(name) }
            try context.record(.revoke(name: name))
        }
    }

    /// Whether `name` can name a principal: 1–64 of lowercase letters, digits, `.`, `_`, `-`,
    /// starting with a letter or digit (it appears in listings and every audit entry).
    static func isValidName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, name.unicodeScalars.count <= 64 else { return false }
        func allowed(_ scalar: Unicode.Scalar) -> Bool { ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) }
        return allowed(first) && name.unicodeScalars.allSatisfy { allowed($0) || "._-".unicodeScalars.contains($0) }
    }

    /// The principal a token stands for; throws if it is unknown or revoked. The refusal is audited
    /// unless `auditingRefusal`, asked once and only on a refusal, says no (a service throttling a
    /// flood of wrong tokens, so the flood cannot fill the audit log).
    public func principal(for token: String, auditingRefusal: () -> Bool = { true }) throws -> Principal {
        try context.verifyTable("tokens")
        guard let principal = try context.tokens.principal(withHash: try context.tokenHash(token)) else {
            // Recorded for the audit trail (who keeps trying tokens?), never the token itself.
            var refusal = AuditLog.Record(principal: Principal(name: "unknown-token", role: "none"), operation: .tokenUse)
            refusal.outcome = .denied
            if auditingRefusal() { try context.database.writeTransaction { try context.auditLog.append(refusal, at: context.timestamp) } }
            throw AccessError.invalidToken
        }
        return principal
    }
}
