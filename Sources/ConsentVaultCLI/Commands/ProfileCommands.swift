import ConsentVault
import ConsentVaultService
import Foundation

/// `consent-vault profile …`: progressive profiling (what to ask, shares, declines).
enum ProfileCommands {
    private static let channelOption = OptionSpec(name: .channel, valueName: "CHANNEL", help: "store, app, web, callcenter, import, email, letter or phone")

    /// The profile command group.
    static let specs: [CommandSpec] = [
        CommandSpec(path: ["profile", "next"], summary: "The one field worth asking the member for now", arguments: ["<id>"],
                    options: [OptionSpec(name: .channel, valueName: "CHANNEL", help: "where the member is asked (default app)")],
                    discussion: "Prints the field, the points it would earn and the notice to show. Nothing to ask\nprints 'nothing to ask' (--json: {\"member\": …, \"ask\": null}) and exits 0.",
                    run: next),
        CommandSpec(path: ["profile", "shared"], summary: "Record a share: consent, value and award in one transaction", arguments: ["<id>"],
                    options: [OptionSpec(name: .field, valueName: "F=VALUE", help: "the field and its value"),
                              OptionSpec(name: .consent, valueName: "PURPOSE", help: "the purpose the member consented to"),
                              channelOption] + ConsentCommands.evidenceOptions,
                    run: shared),
        CommandSpec(path: ["profile", "declined"], summary: "Record that the member declined to share a field", arguments: ["<id>"],
                    options: [OptionSpec(name: .field, valueName: "F", help: "the field declined"), channelOption], run: declined),
    ]

    private static func next(_ invocation: Invocation) throws {
        let member = try invocation.memberID(try invocation.checkedPositional()[0])
        let channel = try ConsentCommands.channel(invocation, required: false) ?? .app
        let (vault, principal) = try invocation.openVault()
        let suggestion = try vault.profiles.nextQuestion(for: member, channel: channel, as: principal)
        if invocation.json {
            Output.json(JSONShapes.nextQuestion(member, suggestion))
        } else if let suggestion {
            Output.line("ask for \(suggestion.field) (\(suggestion.points) points, purpose \(suggestion.purpose))")
            Output.line("notice v\(suggestion.noticeVersion) (\(suggestion.language)): \(suggestion.noticeText)")
        } else {
            Output.line("nothing to ask")
        }
    }

    private static func shared(_ invocation: Invocation) throws {
        let member = try invocation.memberID(try invocation.checkedPositional()[0])
        let field = try MemberCommands.fieldAssignment(try invocation.required(.field), command: invocation.spec.path)
        let purpose = try invocation.required(.consent)
        let channel = try ConsentCommands.channel(invocation, required: true)!
        let evidence = try ConsentCommands.evidence(invocation)
        let (vault, principal) = try invocation.openVault()
        let result = try vault.profiles.share(field.name, value: field.value, for: member, purpose: purpose, channel: channel,
                                                 evidence: evidence, as: principal)
        if invocation.json {
            Output.json(JSONShapes.share(result))
        } else {
            let earned = result.awards.reduce(0) { $0 + $1.points }
            Output.line("shared \(result.field) (consent \(result.consentState.rawValue)); earned \(earned) points; balance \(result.balance)")
        }
    }

    private static func declined(_ invocation: Invocation) throws {
        let member = try invocation.memberID(try invocation.checkedPositional()[0])
        let field = try invocation.required(.field)
        let channel = try ConsentCommands.channel(invocation, required: true)!
        let (vault, principal) = try invocation.openVault()
        try vault.profiles.decline(field, for: member, channel: channel, as: principal)
        invocation.json ? Output.json(["member": member.rawValue, "field": field, "declined": true]) : Output.line("recorded: \(field) declined")
    }
}
