import ConsentVault
import Foundation

/// `consent-vault init`, `checkpoint` and `vault migrate`: create a vault, clear its write-ahead
/// log, and move it to the storage format of this build.
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
        CommandSpec(path: ["vault", "migrate"], summary: "Move the vault to the current storage format (opening it does this too), or say what that does",
                    options: [OptionSpec(name: .dryRun, valueName: nil, help: "say what the migration would do; change nothing"),
                              OptionSpec(name: .batchSize, valueName: "N", help: "members per transaction (default 2000)")],
                    discussion: """
                        Copies each member's rows into the new tables in batches, each its own transaction, then swaps the tables in one;
                        a format-1 vault takes two such steps (format 2: integer member keys; format 3: integer timestamps).
                        Killed at any moment, it resumes where it stopped the next time (this command, or any opening of the vault).
                        Values are not re-encrypted: their associated data binds the member id and field name, which stay.
                        """,
                    run: migrate),
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

    private static func migrate(_ invocation: Invocation) throws {
        _ = try invocation.checkedPositional()
        guard invocation.value(.token) == nil else {
            throw invocation.invalid(.token, "is not accepted: a migration is run by the holder of the key file")
        }
        let batchSize = try invocation.integer(.batchSize) ?? VaultMigration.defaultBatchSize
        guard batchSize > 0 else { throw invocation.invalid(.batchSize, "must be positive") }
        let (path, keyRing) = (try invocation.vaultPath(), try invocation.loadKeyRing())
        let plan = try VaultMigration.plan(at: path, keyRing: keyRing, batchSize: batchSize)
        if invocation.flag(.dryRun) || plan.format == VaultMigration.Plan.currentFormat {
            report(plan, done: false, invocation)
            return
        }
        try VaultMigration.run(at: path, keyRing: keyRing, batchSize: batchSize) { format, copied in
            let total = plan.batched(byStepTo: format)
            if !invocation.json { Output.error("format \(format): copied \(copied) of \(total.count) \(total.unit)") }
        }
        // Opening checks seals and re-applies the erasure journal, as every later use will.
        _ = try Vault.open(at: path, keyRing: keyRing, erasureJournal: try invocation.erasureJournalPath())
        report(try VaultMigration.plan(at: path, keyRing: keyRing, batchSize: batchSize), done: true, invocation)
    }

    /// Prints a migration plan, or (`done`) the state after a migration.
    private static func report(_ plan: VaultMigration.Plan, done: Bool, _ invocation: Invocation) {
        if invocation.json {
            Output.json(["format": plan.format, "interrupted": plan.isInterrupted, "copied": plan.copied, "members": plan.members,
                         "audit_entries": plan.auditEntries,
                         "rows": plan.rows, "transactions": plan.transactions, "batch_size": plan.batchSize, "file_bytes": plan.fileBytes,
                         "re_encrypted_values": 0] as [String: Any])
            return
        }
        let current = VaultMigration.Plan.currentFormat
        guard plan.format < current else {
            Output.line(done ? "The vault is in storage format \(current) now (\(plan.fileBytes) bytes; pages of the old tables are zeroed and reused)."
                : "The vault is in storage format \(current): nothing to migrate.")
            return
        }
        let rows = plan.rows.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
        let steps = (plan.format + 1...current).compactMap { Self.stepDescriptions[$0] }.joined(separator: ", then ")
        let next = plan.batched(byStepTo: plan.format + 1)
        Output.line("""
            The vault is in storage format \(plan.format)\(plan.isInterrupted ? ", migration interrupted after \(plan.copied) of \(next.count) \(next.unit)" : "").
            A migration moves the rows of \(plan.members) members and \(plan.auditEntries) audit entries (next step: \(rows)) \(steps),
            \(plan.batchSize) members or audit entries per transaction, swapping the tables in one more after each step: \(plan.transactions) transactions.
            No value is re-encrypted: the associated data of each value binds the member id and the field name, which stay;
            no audit entry is re-chained: each reads back exactly as it was written.
            Each batch zeroes the old rows it moved (secure_delete); the file (\(plan.fileBytes) bytes) grows while both copies of a batch exist
            and then reuses the old pages: it is not smaller afterwards (VACUUM an offline copy to shrink it).
            """)
    }

    /// What each migration step makes, by the format it moves to.
    private static let stepDescriptions = [
        2: "into tables keyed by an integer (format 2)",
        3: "into tables with integer timestamps and consent events that refer to their notice (format 3)",
        4: "into a consent ledger and events feed that keep repeated terms once (format 4)",
        5: "into an audit log that keeps repeated terms once and hashes as bytes (format 5)",
    ]

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
