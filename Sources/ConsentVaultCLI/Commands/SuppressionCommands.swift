import ConsentVault

/// `consent-vault suppression list|lift`: the DPO's view of the contact values kept out of direct
/// marketing after an erasure or objection.
enum SuppressionCommands {
    /// The suppression command group.
    static let specs: [CommandSpec] = [
        CommandSpec(path: ["suppression", "list"], summary: "List suppression list entries (field, reason, day; never a value)",
                    discussion: "Erasure and objection add the member's email and phone as keyed hashes; a grant for a direct-marketing purpose is then refused with contact_suppressed.",
                    run: list),
        CommandSpec(path: ["suppression", "lift"], summary: "Lift one entry, when the person asks for marketing again",
                    options: [OptionSpec(name: .email, valueName: "ADDRESS", help: "the entry for this email address"),
                              OptionSpec(name: .phone, valueName: "NUMBER", help: "the entry for this phone number"),
                              OptionSpec(name: .entry, valueName: "ID", help: "the entry with this id from `suppression list`")],
                    run: lift),
    ]

    private static func list(_ invocation: Invocation) throws {
        _ = try invocation.checkedPositional()
        let (vault, principal) = try invocation.openVault()
        let entries = try vault.suppression.list(as: principal)
        if invocation.json {
            Output.json(["entries": entries.map(shape)])
        } else if entries.isEmpty {
            Output.line("The suppression list is empty.")
        } else {
            Output.line("\(entries.count) entr\(entries.count == 1 ? "y" : "ies") (field, reason, added on, id):")
            for entry in entries { Output.line("  \(entry.field)  \(entry.reason.rawValue)  \(entry.addedOn)  \(entry.id)") }
        }
    }

    private static func lift(_ invocation: Invocation) throws {
        _ = try invocation.checkedPositional()
        let named = [OptionName.email, .phone, .entry].filter { invocation.value($0) != nil }
        guard named.count == 1 else {
            throw UsageError(description: "name exactly one entry: --email, --phone or --entry (an id from `suppression list`)", command: invocation.spec.path)
        }
        let (vault, principal) = try invocation.openVault()
        let lifted: [SuppressionEntry]
        switch named[0] {
        case .entry: lifted = try vault.suppression.lift(entryID: try invocation.required(.entry), as: principal)
        default: lifted = try vault.suppression.lift(field: named[0].rawValue, value: try invocation.required(named[0]), as: principal)
        }
        if invocation.json {
            Output.json(["lifted": lifted.map(shape)])
        } else {
            for entry in lifted { Output.line("Lifted entry \(entry.id) (\(entry.field), \(entry.reason.rawValue) on \(entry.addedOn)).") }
        }
    }

    private static func shape(_ entry: SuppressionEntry) -> [String: Any] {
        ["id": entry.id, "field": entry.field, "reason": entry.reason.rawValue, "added_on": entry.addedOn]
    }
}
