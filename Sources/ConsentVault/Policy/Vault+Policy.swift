/// One stored policy document, as `policy show` lists it.
public struct PolicyDocumentInfo: Sendable, Equatable {
    /// File name, e.g. `purposes.json`.
    public let name: String
    /// The `version` written in the document.
    public let version: Int
    /// SHA-256 of its bytes.
    public let sha256: String
    /// When it was applied (ISO 8601, UTC).
    public let appliedAt: String
}

/// The stored policy documents and the hash of the whole set.
public struct PolicyDocuments: Sendable, Equatable {
    /// SHA-256 over the set, as recorded in the policy history.
    public let hash: String
    /// One entry per document, by name.
    public let documents: [PolicyDocumentInfo]
}

/// Changing and inspecting the policy set a vault runs under.
extension Vault {
    /// Validates and applies `policies`. Consents given under a notice older than a purpose's
    /// `material_version` stop counting from now on and show as `needs_reconsent`.
    public func applyPolicies(_ policies: PolicySet, as principal: Principal) throws {
        try context.audited(principal, .policyApply) { _ in
            // A field that members still hold cannot leave the catalog: their values would drop out of every export (Art. 15).
            let removed = Set(context.policies.fields.fields.map(\.name)).subtracting(policies.fields.fields.map(\.name))
            let held = try context.members.holderCounts(ofFields: removed.sorted())
            guard held.isEmpty else {
                throw PolicyError.invalid(held.map { field, count in
                    PolicyProblem(file: FieldCatalog.fileName, path: "$.fields",
                                  message: "field '\(field)' is still held by \(count) member(s); unset or erase those values before removing it")
                })
            }
            try context.policyStore.save(policies, by: principal, at: context.timestamp)
        }
        context.policies = policies
    }

    /// The stored documents and the set's hash.
    public func policyDocuments(as principal: Principal) throws -> PolicyDocuments {
        try context.authorize(principal, .policyShow)
        return PolicyDocuments(hash: context.policies.hash, documents: try context.policyStore.documents())
    }
}
