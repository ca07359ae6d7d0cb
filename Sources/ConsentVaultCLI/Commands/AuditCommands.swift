import ConsentVault
import ConsentVaultService

/// `consent-vault audit …`: verify the chain, print its head, show a member's access history.
enum AuditCommands {
    /// The audit command group.
    static let specs: [CommandSpec] = [
        CommandSpec(path: ["audit", "verify"], summary: "Check the audit chain; exit 1 naming the first bad entry",
                    options: [OptionSpec(name: .head, valueName: "SEQ:HASH", help: "a head printed earlier by 'audit head', to detect cut-off entries")],
                    run: verify),
        CommandSpec(path: ["audit", "head"], summary: "Print the latest chain hash, for anchoring elsewhere", run: head),
        CommandSpec(path: ["audit", "show"], summary: "Who accessed which of a member's data, when and why",
                    options: [OptionSpec(name: .member, valueName: "ID", help: "the member")], run: show),
    ]

    private static func verify(_ invocation: Invocation) throws {
        _ = try invocation.checkedPositional()
        let (vault, principal) = try invocation.openVault()
        let result = try vault.audit.verify(head: invocation.value(.head), as: principal)
        if invocation.json {
            var body: [String: Any] = ["ok": result.isIntact, "entries": result.entries, "head": result.head]
            if let bad = result.firstBadSequence { body["first_bad_sequence"] = bad }
            if let problem = result.problem { body["problem"] = problem }
            if !result.tamperedRows.isEmpty { body["tampered"] = result.tamperedRows }
            Output.json(body)
        } else if result.isIntact {
            Output.line("audit chain intact: \(result.entries) entries, head \(result.head); every seal holds")
        }
        if let bad = result.firstBadSequence { throw CommandFailure(description: "audit chain broken at entry \(bad): \(result.problem ?? "")") }
        if !result.tamperedRows.isEmpty {
            throw CommandFailure(description: "rows changed outside the vault: \(result.tamperedRows.joined(separator: ", "))")
        }
    }

    private static func head(_ invocation: Invocation) throws {
        _ = try invocation.checkedPositional()
        let (vault, principal) = try invocation.openVault()
        let head = try vault.audit.head(as: principal)
        invocation.json ? Output.json(["head": head]) : Output.line(head)
    }

    private static func show(_ invocation: Invocation) throws {
        _ = try invocation.checkedPositional()
        let member = try invocation.memberID(try invocation.required(.member))
        let (vault, principal) = try invocation.openVault()
        let entries = try vault.audit.entries(for: member, as: principal)
        if invocation.json {
            Output.json(JSONShapes.auditEntries(member, entries))
            return
        }
        for entry in entries {
            let purpose = entry.purpose.isEmpty ? "" : " for \(entry.purpose)"
            let fields = entry.fieldsReturned.isEmpty ? "" : " fields \(entry.fieldsReturned.joined(separator: ","))"
            Output.line("#\(entry.sequence) \(entry.at) \(entry.principal) (\(entry.role)) \(entry.operation)\(purpose)\(fields): \(entry.outcome.rawValue)")
        }
    }
}
