/// Role checks and audited execution: every operation on member data goes through `audited`.
extension VaultContext {
    /// Checks the principal's role before anything else happens; inside a group transaction, first
    /// that the operation may share it. A refusal is written to the
    /// audit log (in its own transaction, so it survives) and thrown.
    func authorize(_ record: AuditLog.Record) throws {
        if database.isGrouping, record.operation.needsOwnTransaction {
            throw StorageError.needsOwnTransaction(operation: record.operation.rawValue)
        }
        let principal = record.principal
        guard !principal.isLocalAdministrator else { return }
        var refusal: AccessError?
        if let role = policies.roles.role(principal.role) {
            if !role.allows(record.operation) {
                refusal = .operationNotAllowed(role: principal.role, operation: record.operation.rawValue)
            } else if Self.purposeBound(record), !role.mayRead(for: record.purpose) {
                refusal = .purposeNotAllowed(role: principal.role, purpose: record.purpose)
            }
        } else {
            refusal = .operationNotAllowed(role: principal.role, operation: record.operation.rawValue)
        }
        guard let refusal else { return }
        var denied = record
        denied.outcome = .denied
        try database.writeTransaction { try auditLog.append(auditable(denied), at: timestamp) }
        throw refusal
    }

    /// Whether the role must also be allowed to read for the record's purpose: reads, and prompt
    /// operations that touch a member's values.
    private static func purposeBound(_ record: AuditLog.Record) -> Bool {
        guard !record.purpose.isEmpty else { return false }
        switch record.operation {
        case .memberRead, .promptBuild, .promptDemask: return true
        case .promptRedact: return record.member != nil
        default: return false
        }
    }

    /// `record` as the log may keep it: a purpose or requested field the policy set does not know
    /// (a name typed into `--purpose`) becomes `unknown_purpose` / `unknown_field`.
    func auditable(_ record: AuditLog.Record) -> AuditLog.Record {
        var kept = record
        if !kept.purpose.isEmpty, policies.purposes.purpose(kept.purpose) == nil { kept.purpose = "unknown_purpose" }
        kept.fieldsRequested = kept.fieldsRequested.map { name in
            name.hasPrefix("session:") || catalog.definition(of: name) != nil || PromptAttribute(rawValue: name) != nil ? name : "unknown_field"
        }
        return kept
    }

    /// Checks `principal` for `operation` without running anything (for operations that write
    /// outside the database, or in several transactions of their own).
    func authorize(_ principal: Principal, _ operation: VaultOperation, purpose: String = "", member: MemberID? = nil) throws {
        try authorize(AuditLog.Record(principal: principal, operation: operation, purpose: purpose, member: member))
    }

    /// Authorizes `principal` for `operation`, then runs `body` and the audit entry in one write
    /// transaction: the operation cannot commit without its entry. `body` may fill in the fields
    /// returned. A failure rolls back and is then audited as denied or error.
    func audited<Result>(_ principal: Principal, _ operation: VaultOperation, purpose: String = "", member: MemberID? = nil,
                         fields: [String] = [], _ body: (inout AuditLog.Record) throws -> Result) throws -> Result {
        var record = AuditLog.Record(principal: principal, operation: operation, purpose: purpose, member: member, fieldsRequested: fields)
        try authorize(record)
        verifiedSeals.removeAll()
        do {
            return try database.writeTransaction {
                var working = record
                let result = try body(&working)
                try sealAndAppend(working)
                return result
            }
        } catch {
            record.outcome = error is ConsentError || error is AccessError ? .denied : .error
            try? database.writeTransaction { try auditLog.append(auditable(record), at: timestamp) }
            throw error
        }
    }
}
