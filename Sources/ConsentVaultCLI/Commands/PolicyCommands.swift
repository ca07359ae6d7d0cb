import ConsentVault
import Foundation

/// `consent-vault policy …`: check, apply and show the policy set.
enum PolicyCommands {
    /// The policy command group.
    static let specs: [CommandSpec] = [
        CommandSpec(path: ["policy", "check"], summary: "Validate a policy folder and report every problem", arguments: ["[DIR]"],
                    discussion: "Checks fields.json, purposes.json and roles.json together (default folder ./Policies).\nPrints one line per problem: file: JSON path: what is wrong. Exits 1 if there is any.",
                    run: check),
        CommandSpec(path: ["policy", "apply"], summary: "Make the vault run under the policy set in DIR", arguments: ["<DIR>"], run: apply),
        CommandSpec(path: ["policy", "export"], summary: "Write a policy set to a new folder, to edit it", arguments: ["<DIR>"],
                    options: [OptionSpec(name: .builtIn, valueName: nil, help: "the built-in set even when a vault is given")],
                    discussion: """
                        With a vault (--vault or CONSENT_VAULT_PATH, an existing file) it writes the set that vault runs under, so a second
                        edit starts from the first; without one, or with --built-in, the built-in set. The folder must be new or empty.
                        Edit the files, check them with 'policy check DIR', apply them with 'policy apply DIR' (or use them with --policies DIR).
                        """,
                    run: export),
        CommandSpec(path: ["policy", "show"], summary: "Show the policy set the vault runs under", run: show),
    ]

    private static func check(_ invocation: Invocation) throws {
        guard invocation.positional.count <= 1 else { throw UsageError(description: Invocation.unexpectedArgument(at: 2, takes: invocation.spec.arguments), command: invocation.spec.path) }
        let directory = URL(fileURLWithPath: invocation.positional.first ?? "Policies")
        let policies = try PolicySet.load(fromDirectory: directory)
        invocation.json ? Output.json(["ok": true, "hash": policies.hash])
            : Output.line("\(directory.path): policy set is valid (sha256 \(policies.hash))")
    }

    private static func apply(_ invocation: Invocation) throws {
        let directory = URL(fileURLWithPath: try invocation.checkedPositional()[0])
        let policies = try PolicySet.load(fromDirectory: directory)
        let (vault, principal) = try invocation.openVault()
        try vault.applyPolicies(policies, as: principal)
        invocation.json ? Output.json(["applied": true, "hash": policies.hash]) : Output.line("Applied policy set \(policies.hash)")
        VaultCommands.warnAboutExampleController(policies)
    }

    private static func show(_ invocation: Invocation) throws {
        _ = try invocation.checkedPositional()
        let (vault, principal) = try invocation.openVault()
        let stored = try vault.policyDocuments(as: principal)
        let (hash, documents) = (stored.hash, stored.documents)
        if invocation.json {
            Output.json(["hash": hash, "documents": documents.map {
                ["name": $0.name, "version": $0.version, "sha256": $0.sha256, "applied_at": $0.appliedAt] as [String: Any]
            }])
            return
        }
        Output.line("policy set \(hash)")
        for document in documents { Output.line("  \(document.name) version \(document.version), applied \(document.appliedAt), sha256 \(document.sha256)") }
    }

    private static func export(_ invocation: Invocation) throws {
        let directory = try invocation.checkedPositional()[0]
        let configured = invocation.value(.vault) ?? ProcessInfo.processInfo.environment["CONSENT_VAULT_PATH"]
        if !invocation.flag(.builtIn), let path = configured, FileManager.default.fileExists(atPath: path) {
            let (vault, principal) = try invocation.openVault()
            try vault.exportPolicies(to: directory, as: principal)
            invocation.json ? Output.json(["policies": directory, "from": "vault"]) : Output.line("\(directory) (the set the vault runs under)")
        } else {
            try PolicySet.exportBuiltIn(to: directory)
            invocation.json ? Output.json(["policies": directory, "from": "built-in"]) : Output.line("\(directory) (the built-in set)")
        }
    }
}
