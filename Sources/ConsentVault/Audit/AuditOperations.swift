/// The audit log as seen from outside: verify, head, and a member's access history.
public struct AuditOperations {
    let context: VaultContext

    /// Recomputes the chain; with `head` (from `head(as:)`), also detects truncation.
    public func verify(head: String? = nil, as principal: Principal) throws -> AuditVerification {
        try context.authorize(principal, .auditVerify)
        return try context.database.readTransaction { try context.auditLog.verify(expectedHead: head) }
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
