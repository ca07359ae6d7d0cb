/// Checks `roles.json`: known operations, known purposes, every required role present.
enum RoleValidator {
    /// Every problem in `catalog`; `purposes` (when it decoded) resolves purpose ids.
    static func problems(in catalog: RoleCatalog, purposes: PurposeCatalog?) -> [PolicyProblem] {
        var problems: [PolicyProblem] = []
        func report(_ path: String, _ message: String) { problems.append(PolicyProblem(file: RoleCatalog.fileName, path: path, message: message)) }
        var seen: Set<String> = []
        for (index, role) in catalog.roles.enumerated() {
            let path = "$.roles[\(index)]"
            if !seen.insert(role.id).inserted { report("\(path).id", "duplicate role id '\(role.id)'") }
            for (operationIndex, operation) in role.operations.enumerated() {
                guard let known = VaultOperation(rawValue: operation) else {
                    report("\(path).operations[\(operationIndex)]", "unknown operation '\(operation)'")
                    continue
                }
                if VaultOperation.internalOperations.contains(known) {
                    report("\(path).operations[\(operationIndex)]", "'\(operation)' is done by the vault itself and cannot be granted")
                }
                // The suppression list is the DPO's: listing it tells who objected, lifting it undoes an objection.
                if [.suppressionList, .suppressionLift].contains(known), role.id != "dpo" {
                    report("\(path).operations[\(operationIndex)]", "'\(operation)' belongs to the dpo role only")
                }
            }
            for (purposeIndex, purpose) in role.readPurposes.enumerated() where purpose != "*" {
                if let purposes, purposes.purpose(purpose) == nil {
                    report("\(path).read_purposes[\(purposeIndex)]", "unknown purpose '\(purpose)'")
                }
            }
        }
        for required in RoleCatalog.requiredRoles where !seen.contains(required) {
            report("$.roles", "missing required role '\(required)'")
        }
        return problems
    }
}
