import ConsentVault
import Foundation

/// `consent-vault init` and `checkpoint`: create a vault, and clear its write-ahead log.
enum VaultCommands {
    /// The vault commands.
    static let specs: [CommandSpec] = [
        CommandSpec(path: ["init"], summary: "Create a new, empty vault",
                    options: [OptionSpec(name: .policies, valueName: "DIR", help: "policy folder (default: env CONSENT_VAULT_POLICIES, else ./Policies, else the built-in defaults)")],
                    discussion: "The vault remembers the key file's key id and the field catalog it was created with.",
                    run: initialize),
        CommandSpec(path: ["checkpoint"], summary: "Write the -wal file back into the vault and empty it",
                    discussion: "Exits 1 while other processes are still reading the vault; erasures and retention runs do this themselves.",
                    run: checkpoint),
    ]

    /// The policy set from `--policies`, `CONSENT_VAULT_POLICIES` or `./Policies`; when none is given and `./Policies`
    /// does not exist, the built-in default set (a copy of the repository's `Policies/`), so a binary works from any folder.
    static func policies(_ invocation: Invocation) throws -> PolicySet {
        if let path = invocation.value(.policies) ?? ProcessInfo.processInfo.environment["CONSENT_VAULT_POLICIES"] {
            return try PolicySet.load(fromDirectory: URL(fileURLWithPath: path))
        }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: "Policies", isDirectory: &isFolder), isFolder.boolValue {
            return try PolicySet.load(fromDirectory: URL(fileURLWithPath: "Policies"))
        }
        return try PolicySet.builtIn
    }

    private static func initialize(_ invocation: Invocation) throws {
        _ = try invocation.checkedPositional()
        guard invocation.value(.token) == nil else {
            throw invocation.invalid(.token, "is not accepted: init is run by the holder of the key file, before any token exists")
        }
        let path = try invocation.vaultPath()
        let policies = try Self.policies(invocation)
        let vault = try Vault.create(at: path, keyRing: try invocation.loadKeyRing(), policies: policies,
                                     erasureJournal: try invocation.erasureJournalPath())
        invocation.json ? Output.json(["vault": path, "vault_id": vault.vaultID])
            : Output.line("Created vault \(path) (vault id \(vault.vaultID))")
        warnAboutExampleController(policies)
    }

    /// Warns (stderr) when `policies` name no controller or the shipped example one: exports would not name the retailer.
    static func warnAboutExampleController(_ policies: PolicySet) {
        guard policies.controller?.isExample ?? true else { return }
        let problem = policies.controller == nil ? "has no controller.json: exports would not name who answers for the data"
            : "has the example controller contact (example.com): exports would name it instead of yours"
        Output.error("Warning: the policy set \(problem); write the policies out with `consent-vault policy export DIR`, "
            + "fill in controller.json and apply them with `consent-vault policy apply DIR`")
    }

    private static func checkpoint(_ invocation: Invocation) throws {
        _ = try invocation.checkedPositional()
        let (vault, principal) = try invocation.openVault()
        guard principal.isLocalAdministrator else {
            throw CommandFailure(description: "checkpoint is for the holder of the key file; run it without --token")
        }
        guard try vault.checkpoint() else {
            throw CommandFailure(description: "other processes are still reading the vault; the -wal file keeps older pages until they finish")
        }
        invocation.json ? Output.json(["wal_cleared": true]) : Output.line("The -wal file is written back and empty.")
    }
}
