/// The audit log as seen from outside: verify, head, and a member's access history.
public struct AuditOperations {
    let context: VaultContext

    /// Recomputes the chain (with `head` from `head(as:)`, also detecting truncation) and checks
    /// the seal of every member and vault-wide table, naming each that fails.
    public func verify(head: String? = nil, as principal: Principal) throws -> AuditVerification {
        try context.authorize(principal, .auditVerify)
        return try context.database.readTransaction {
            var result = try context.auditLog.verify(expectedHead: head)
            result.tamperedRows = try context.database.structureProblems().map { "file structure: \($0)" } + context.tamperedRows()
            return result
        }
    }

    /// The latest chain value as `sequence:hex`, to be kept somewhere the vault cannot change.
    public func head(as principal: Principal) throws -> String {
        try context.authorize(principal, .auditHead)
        return try context.auditLog.head()
    }

    /// Who accessed what of `member`, when and why (GDPR Art. 15(1)(c) recipients).
    public func entries(for member: MemberID, as principal: Principal) throws -> [AuditEntry] {
        try context.audited(principal, .auditShow, member: member) { _ in try context.auditLog.entries(member: member) }
    }
}
