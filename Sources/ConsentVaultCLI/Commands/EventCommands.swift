import ConsentVault
import ConsentVaultService

/// `consent-vault events`: the consent and erasure events feed, as `GET /v1/events` serves it.
enum EventCommands {
    /// The events command.
    static let specs: [CommandSpec] = [
        CommandSpec(path: ["events"], summary: "Consent and erasure events in order, without values (for a CRM to follow)",
                    options: [OptionSpec(name: .after, valueName: "SEQ", help: "only events after this sequence number (default 0)"),
                              OptionSpec(name: .limit, valueName: "N", help: "at most N events (default 100)")],
                    discussion: "Prints {\"events\": [{\"seq\", \"at\", \"kind\", \"member\", \"purpose\"?, \"field\"?}], \"next\"}; pass next as --after to continue.",
                    run: list),
    ]

    private static func list(_ invocation: Invocation) throws {
        _ = try invocation.checkedPositional()
        let after = try invocation.integer(.after) ?? 0
        let (vault, principal) = try invocation.openVault()
        let events = try vault.events.list(after: after, limit: try invocation.integer(.limit) ?? 100, as: principal)
        Output.json(["events": events.map(JSONShapes.event), "next": events.last?.sequence ?? after])
    }
}
