import ConsentVault

/// `consent-vault keygen` and `consent-vault keys …`: create, rotate and retire master keys.
enum KeyCommands {
    /// The key commands.
    static let specs: [CommandSpec] = [
        CommandSpec(path: ["keygen"], summary: "Create a new key file (mode 0600)",
                    options: [OptionSpec(name: .out, valueName: "FILE", help: "where to write it; never overwritten"),
                              OptionSpec(name: .passphrase, valueName: nil, help: "protect it with a passphrase (Argon2id), from CONSENT_VAULT_PASSPHRASE or the terminal")],
                    run: keygen),
        CommandSpec(path: ["keys", "status"], summary: "Show master key versions and how many members each wraps", run: status),
        CommandSpec(path: ["keys", "rotate"], summary: "Add a master key version and rewrap member keys (resumable)",
                    options: [OptionSpec(name: .batchSize, valueName: "N", help: "member keys per transaction (default 1000)"),
                              OptionSpec(name: .yes, valueName: nil, help: "do not ask for confirmation")],
                    discussion: "Writes the new version to the key file first, then rewraps member data keys in\nbatches. Field values are not re-encrypted. If interrupted, run it again to resume.",
                    run: rotate),
        CommandSpec(path: ["keys", "retire"], summary: "Remove an old master key version that nothing uses",
                    options: [OptionSpec(name: .version, valueName: "N", help: "the version to retire"),
                              OptionSpec(name: .yes, valueName: nil, help: "do not ask for confirmation")],
                    run: retire),
    ]

    private static func keygen(_ invocation: Invocation) throws {
        _ = try invocation.checkedPositional()
        let path = try invocation.required(.out)
        var passphrase: SecureBytes?
        if invocation.flag(.passphrase) {
            passphrase = try Passphrase.fromEnvironment()
            if passphrase == nil, let typed = try Passphrase.fromTerminal(prompt: "New passphrase for the key file: ") {
                guard let again = try Passphrase.fromTerminal(prompt: "Repeat the passphrase: "), again.isEqual(to: typed) else {
                    throw UsageError(description: "the two passphrases differ; nothing was written", command: ["keygen"])
                }
                passphrase = typed
            }
            guard passphrase != nil else { throw UsageError(description: "--passphrase needs CONSENT_VAULT_PASSPHRASE or a terminal", command: ["keygen"]) }
        }
        let ring = try KeyRing.generate(passphrase: passphrase)
        try ring.write(to: path)
        invocation.json ? Output.json(["key_file": path, "key_id": ring.keyID, "version": ring.activeVersion])
            : Output.line("Wrote key file \(path) (key id \(ring.keyID), version \(ring.activeVersion), mode 0600)")
    }

    private static func status(_ invocation: Invocation) throws {
        _ = try invocation.checkedPositional()
        let ring = try invocation.loadKeyRing()
        let (vault, principal) = try invocation.openVault()
        let versions = try vault.keys.status(as: principal)
        if invocation.json {
            Output.json(["key_id": ring.keyID, "active_version": ring.activeVersion,
                         "versions": versions.map { ["version": $0.version, "registered": $0.registered, "in_key_file": $0.inKeyFile, "members": $0.members] }])
        } else {
            Output.line("key id \(ring.keyID), active version \(ring.activeVersion)")
            for version in versions {
                Output.line("version \(version.version): \(version.members) member key(s), \(version.registered ? "registered" : "not registered"), \(version.inKeyFile ? "in key file" : "not in key file")")
            }
        }
    }

    private static func rotate(_ invocation: Invocation) throws {
        _ = try invocation.checkedPositional()
        let batchSize = try invocation.integer(.batchSize) ?? 1000
        guard batchSize > 0 else { throw invocation.invalid(.batchSize, "must be positive") }
        guard Confirmation.confirm("Rotate the master key and rewrite the key file?", yes: invocation.flag(.yes)) else {
            throw UsageError(description: "not confirmed; pass --yes to rotate without a terminal", command: invocation.spec.path)
        }
        let keysPath = try invocation.keysPath()
        let (vault, principal) = try invocation.openVault()
        let result = try vault.keys.rotate(keyFilePath: keysPath, batchSize: batchSize, as: principal) { progress in
            if !invocation.json { Output.error("rewrapped \(progress.rewrapped), \(progress.remaining) to go") }
            return true
        }
        invocation.json ? Output.json(["active_version": result.targetVersion, "rewrapped": result.rewrapped, "remaining": result.remaining])
            : Output.line("Master key version \(result.targetVersion) is active; \(result.rewrapped) member key(s) rewrapped, \(result.remaining) remaining")
    }

    private static func retire(_ invocation: Invocation) throws {
        _ = try invocation.checkedPositional()
        let version = try invocation.requiredInteger(.version)
        guard Confirmation.confirm("Retire master key version \(version)? Backups made under it need the old key file.", yes: invocation.flag(.yes)) else {
            throw UsageError(description: "not confirmed; pass --yes to retire without a terminal", command: invocation.spec.path)
        }
        let (vault, principal) = try invocation.openVault()
        try vault.keys.retire(version: version, keyFilePath: try invocation.keysPath(), as: principal)
        invocation.json ? Output.json(["retired_version": version]) : Output.line("Retired master key version \(version)")
    }
}
