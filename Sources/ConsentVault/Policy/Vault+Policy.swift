import Foundation

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
            // Nor may a held field change how it is stored or found: its values and index entries were made under the old definition.
            let changed = context.policies.fields.fields.filter { old in
                guard let new = policies.fields.definition(of: old.name) else { return false }
                return new.type != old.type || new.indexed != old.indexed || new.unique != old.unique
            }.map(\.name)
            let held = try context.members.holderCounts(ofFields: removed.sorted())
            let heldChanged = try context.members.holderCounts(ofFields: changed.sorted())
            guard held.isEmpty, heldChanged.isEmpty else {
                throw PolicyError.invalid(held.map { field, count in
                    PolicyProblem(file: FieldCatalog.fileName, path: "$.fields",
                                  message: "field '\(field)' is still held by \(count) member(s); unset or erase those values before removing it")
                } + heldChanged.map { field, count in
                    PolicyProblem(file: FieldCatalog.fileName, path: "$.fields",
                                  message: "field '\(field)' is held by \(count) member(s): its type, indexed and unique cannot change while values are stored")
                })
            }
            try refuseWeakeningTheSuppressionList(for: policies)
            try context.policyStore.save(policies, by: principal, at: context.timestamp)
        }
        context.policies = policies
    }

    /// Writes the policy set this vault runs under into `directory` (a new or empty folder; a
    /// file is never overwritten), byte for byte as applied.
    public func exportPolicies(to directory: String, as principal: Principal) throws {
        try context.authorize(principal, .policyShow)
        try PrivateFiles.prepareFolder(directory)
        for (name, data) in context.policies.documents.sorted(by: { $0.key < $1.key }) {
            try PrivateFiles.write(data, to: (directory as NSString).appendingPathComponent(name))
        }
    }

    /// While requests recorded by contact are open, a policy set may not add a contact field (they
    /// were searched without it). While the suppression list has entries, a policy set may not drop the last field of a
    /// contact type (the suppressed values would come back as plain text), declare a purpose that
    /// is direct marketing no longer so (grants made meanwhile would outlive the flag), nor make an
    /// existing purpose direct marketing (its consents were never checked against the list).
    private func refuseWeakeningTheSuppressionList(for policies: PolicySet) throws {
        // A request recorded by contact searched the contact fields of its day: a new one would go unsearched.
        let contactTypes: Set<FieldType> = [.email, .phone]
        let added = policies.fields.fields.filter { contactTypes.contains($0.type) && context.catalog.definition(of: $0.name) == nil }
        if !added.isEmpty, try context.requests.all().contains(where: { $0.status == .open && $0.byContact }) {
            throw PolicyError.invalid(added.map {
                PolicyProblem(file: FieldCatalog.fileName, path: "$.fields",
                              message: "contact field '\($0.name)' cannot be added while requests recorded by contact are open; answer them first")
            })
        }
        guard try !context.suppression.all().isEmpty else { return }
        var problems: [PolicyProblem] = []
        for type in [FieldType.email, .phone] where context.catalog.fields.contains(where: { $0.type == type })
            && !policies.fields.fields.contains(where: { $0.type == type }) {
            problems.append(PolicyProblem(file: FieldCatalog.fileName, path: "$.fields",
                                          message: "the suppression list holds contacts: the catalog must keep a field of type \(type.rawValue)"))
        }
        for purpose in context.policies.purposes.purposes where purpose.directMarketing == true {
            guard let next = policies.purposes.purpose(purpose.id), next.directMarketing != true else { continue }
            problems.append(PolicyProblem(file: PurposeCatalog.fileName, path: "$.purposes",
                                          message: "'\(purpose.id)' is direct marketing and the suppression list holds contacts: it cannot stop being direct marketing"))
        }
        // Nor may an existing purpose become direct marketing: consents given to it were never checked against the list.
        for next in policies.purposes.purposes {
            guard let current = context.policies.purposes.purpose(next.id), !context.isDirectMarketing(current) else { continue }
            let reachesPeople = next.directMarketing == true || next.lawfulBasis == .consent
                && next.fields.contains { policies.fields.definition(of: $0).map { contactTypes.contains($0.type) } ?? false }
            guard reachesPeople else { continue }
            problems.append(PolicyProblem(file: PurposeCatalog.fileName, path: "$.purposes",
                                          message: "'\(next.id)' would become direct marketing while the suppression list holds contacts; add a new purpose instead, whose consents are checked"))
        }
        guard problems.isEmpty else { throw PolicyError.invalid(problems) }
    }

    /// The stored documents and the set's hash.
    public func policyDocuments(as principal: Principal) throws -> PolicyDocuments {
        try context.authorize(principal, .policyShow)
        return PolicyDocuments(hash: context.policies.hash, documents: try context.policyStore.documents())
    }
}
