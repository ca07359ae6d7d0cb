/// The audit log as seen from outside: verify, head, and a member's access history.
extension Vault {
    /// Recomputes the chain; with `head` (from `auditHead`), also detects truncation.
    public func verifyAudit(head: String? = nil, as principal: Principal) throws -> AuditVerification {
        try authorize(AuditLog.Record(principal: principal, operation: .auditVerify))
        return try database.readTransaction { try auditLog.verify(expectedHead: head) }
    }

    /// The latest chain value as `sequence:hex`, to be kept somewhere the vault cannot change.
    public func auditHead(as principal: Principal) throws -> String {
        try authorize(AuditLog.Record(principal: principal, operation: .auditHead))
        return try auditLog.head()
    }

    /// Who accessed what of `member`, when and why (GDPR Art. 15(1)(c) recipients).
    public func auditEntries(for member: MemberID, as principal: Principal) throws -> [AuditEntry] {
        try audited(principal, .auditShow, member: member) { _ in try auditLog.entries(member: member) }
    }
}
