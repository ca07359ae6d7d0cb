import ConsentVault
import Foundation

/// `consent-vault backup` and `restore`: online copies, and restores that re-apply erasures.
enum BackupCommands {
    /// The backup and restore commands.
    static let specs: [CommandSpec] = [
        CommandSpec(path: ["backup"], summary: "Write a consistent online copy of the vault",
                    options: [OptionSpec(name: .out, valueName: "FILE", help: "the backup file (must not exist)")], run: backup),
        CommandSpec(path: ["restore"], summary: "Restore a backup and re-apply every erasure since", arguments: ["<FILE>"],
                    options: [OptionSpec(name: .yes, valueName: nil, help: "do not ask for confirmation")],
                    discussion: "Stop every other process using the vault first.", run: restore),
    ]

    private static func backup(_ invocation: Invocation) throws {
        _ = try invocation.checkedPositional()
        let out = try invocation.required(.out)
        let (vault, principal) = try invocation.openVault()
        try vault.backup(to: out, as: principal)
        invocation.json ? Output.json(["backup": out]) : Output.line("Wrote backup \(out)")
    }

    private static func restore(_ invocation: Invocation) throws {
        let file = try invocation.checkedPositional()[0]
        guard Confirmation.confirm("Replace the vault with \(file)?", yes: invocation.flag(.yes)) else {
            throw UsageError(description: "not confirmed; pass --yes to restore without a terminal", command: invocation.spec.path)
        }
        let path = try invocation.vaultPath()
        let ring = try invocation.loadKeyRing()
        let principal = try invocation.principal(in: try Vault.open(at: path, keyRing: ring, erasureJournal: try invocation.erasureJournalPath()))
        let restored = try Vault.restore(from: file, to: path, keyRing: ring, erasureJournal: try invocation.erasureJournalPath(), as: principal)
        invocation.json ? Output.json(["restored": file, "members": try restored.members.count()])
            : Output.line("Restored \(file); erasures since the backup re-applied; \(try restored.members.count()) member(s)")
    }
}
