/// Changing and inspecting the policy set a vault runs under.
extension Vault {
    /// One stored policy document.
    public struct PolicyDocumentInfo: Sendable, Equatable {
        /// File name.
        public let name: String
        /// Its `version`.
        public let version: Int
        /// SHA-256 of its bytes.
        public let sha256: String
        /// When it was applied.
        public let appliedAt: String
    }

    /// Validates and applies `policies`. Consents given under a notice older than a purpose's
    /// `material_version` stop counting from now on and show as `needs_reconsent`.
    public func applyPolicies(_ policies: PolicySet, as principal: Principal) throws {
        try audited(principal, .policyApply) { _ in
            try PolicyStore.save(policies, in: database, by: principal, at: Timestamp.string(clock()))
        }
        self.policies = policies
    }

    /// The stored documents and the set's hash.
    public func policyDocuments(as principal: Principal) throws -> (hash: String, documents: [PolicyDocumentInfo]) {
        try authorize(AuditLog.Record(principal: principal, operation: .policyShow))
        let documents = try database.statement("SELECT name, version, sha256, applied_at FROM policies ORDER BY name").rows().map {
            PolicyDocumentInfo(name: $0[0].text ?? "", version: Int($0[1].integer ?? 0), sha256: $0[2].text ?? "", appliedAt: $0[3].text ?? "")
        }
        return (policies.hash, documents)
    }
}
