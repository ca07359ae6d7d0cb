import ConsentVault
import ConsentVaultService
import Foundation

/// `consent-vault consent …`: the consent ledger.
enum ConsentCommands {
    /// Options describing how a consent was captured.
    static let evidenceOptions = [
        OptionSpec(name: .language, valueName: "LANG", help: "language of the notice shown: de (default) or en"),
        OptionSpec(name: .ip, valueName: "ADDRESS", help: "client IP; only its /24 (IPv4) or /48 (IPv6) network is stored"),
        OptionSpec(name: .guardian, valueName: nil, help: "a parent or guardian consented (members under the minimum age)"),
        OptionSpec(name: .capturedAt, valueName: "TIME", help: "when the member consented (ISO 8601 UTC; default now)"),
    ]
    private static let purposeOption = OptionSpec(name: .purpose, valueName: "PURPOSE", help: "purpose id from purposes.json")
    private static let fieldOption = OptionSpec(name: .field, valueName: "FIELD", help: "only this field of the purpose")
    private static let channelOption = OptionSpec(name: .channel, valueName: "CHANNEL", help: "store, app, web, callcenter, import, email, letter or phone")

    /// The consent command group.
    static let specs: [CommandSpec] = [
        CommandSpec(path: ["consent", "grant"], summary: "Record a consent (pending with a token for double opt-in)", arguments: ["<id>"],
                    options: [purposeOption, fieldOption, channelOption] + evidenceOptions, run: grant),
        CommandSpec(path: ["consent", "deny"], summary: "Record that the member declined a purpose", arguments: ["<id>"],
                    options: [purposeOption, fieldOption, channelOption], run: deny),
        CommandSpec(path: ["consent", "withdraw"], summary: "Withdraw a consent, effective for the next read", arguments: ["<id>"],
                    options: [purposeOption, fieldOption, channelOption], run: withdraw),
        CommandSpec(path: ["consent", "confirm"], summary: "Confirm a double opt-in with its token", arguments: ["<id>"],
                    options: [OptionSpec(name: .doiToken, valueName: "T", help: "the confirmation token sent to the member (required)")],
                    discussion: "The confirmation token goes in --doi-token; --token (or CONSENT_VAULT_TOKEN) is the API token, as everywhere.",
                    run: confirm),
        CommandSpec(path: ["consent", "show"], summary: "Show the member's current consent per purpose", arguments: ["<id>"], run: show),
        CommandSpec(path: ["consent", "history"], summary: "Show every consent event with the notice shown", arguments: ["<id>"], run: history),
    ]

    /// The channel option; nil when optional and absent.
    static func channel(_ invocation: Invocation, required: Bool) throws -> Channel? {
        guard let text = required ? try invocation.required(.channel) : invocation.value(.channel) else { return nil }
        guard let channel = Channel(rawValue: text) else {
            throw UsageError(description: "'--channel' must be one of: \(Channel.allCases.map(\.rawValue).joined(separator: ", "))",
                             command: invocation.spec.path)
        }
        return channel
    }

    /// Evidence from `--language`, `--ip`, `--guardian`, `--captured-at`.
    static func evidence(_ invocation: Invocation) throws -> ConsentEvidence {
        let language = invocation.value(.language) ?? "de"
        guard ["de", "en"].contains(language) else { throw invocation.invalid(.language, "must be de or en") }
        var captured: Date?
        if let text = invocation.value(.capturedAt) {
            guard let date = Timestamp.date(text) else {
                throw invocation.invalid(.capturedAt, "must be ISO 8601 UTC, e.g. 2026-11-23T10:00:00Z")
            }
            captured = date
        }
        return ConsentEvidence(ipAddress: invocation.value(.ip), guardianConsent: invocation.flag(.guardian), language: language, capturedAt: captured)
    }

    private static func request(_ invocation: Invocation) throws -> ConsentRequest {
        ConsentRequest(purpose: try invocation.required(.purpose), field: invocation.value(.field))
    }

    private static func grant(_ invocation: Invocation) throws {
        let member = try invocation.memberID(try invocation.checkedPositional()[0])
        let request = try request(invocation)
        let channel = try channel(invocation, required: true)!
        let (vault, principal) = try invocation.openVault()
        let result = try vault.consents.grant(request, for: member, channel: channel, evidence: try evidence(invocation), as: principal)
        if invocation.json { Output.json(JSONShapes.grant(result)); return }
        Output.line("\(result.purpose)\(result.field.map { ":" + $0 } ?? ""): \(result.state.rawValue)")
        if let token = result.token { Output.line("confirmation token (shown once): \(token)") }
    }

    private static func deny(_ invocation: Invocation) throws {
        let member = try invocation.memberID(try invocation.checkedPositional()[0])
        let request = try request(invocation)
        let (vault, principal) = try invocation.openVault()
        try vault.consents.deny(request, for: member, channel: try channel(invocation, required: false), as: principal)
        invocation.json ? Output.json(["member": member.rawValue, "purpose": request.purpose, "state": "denied"]) : Output.line("\(request.purpose): denied")
    }

    private static func withdraw(_ invocation: Invocation) throws {
        let member = try invocation.memberID(try invocation.checkedPositional()[0])
        let request = try request(invocation)
        let (vault, principal) = try invocation.openVault()
        try vault.consents.withdraw(request, for: member, channel: try channel(invocation, required: false), as: principal)
        invocation.json ? Output.json(["member": member.rawValue, "purpose": request.purpose, "state": "withdrawn"])
            : Output.line("\(request.purpose): withdrawn")
    }

    private static func confirm(_ invocation: Invocation) throws {
        let member = try invocation.memberID(try invocation.checkedPositional()[0])
        let token = try invocation.required(.doiToken)
        let (vault, principal) = try invocation.openVault()
        let result = try vault.consents.confirm(token: token, for: member, as: principal)
        invocation.json ? Output.json(JSONShapes.grant(result)) : Output.line("\(result.purpose): \(result.state.rawValue)")
    }

    private static func show(_ invocation: Invocation) throws {
        let member = try invocation.memberID(try invocation.checkedPositional()[0])
        let (vault, principal) = try invocation.openVault()
        let consents = try vault.consents.states(of: member, as: principal)
        if invocation.json {
            Output.json(JSONShapes.consentStates(member, consents))
            return
        }
        for consent in consents {
            Output.line("\(consent.purpose): \(consent.summary)")
            for (field, state) in consent.fields.sorted(by: { $0.key < $1.key }) { Output.line("  \(field): \(state.rawValue)") }
        }
    }

    private static func history(_ invocation: Invocation) throws {
        let member = try invocation.memberID(try invocation.checkedPositional()[0])
        let (vault, principal) = try invocation.openVault()
        let history = try vault.consents.history(of: member, as: principal)
        if invocation.json {
            Output.json(JSONShapes.consentHistory(member, history))
            return
        }
        for entry in history {
            let event = entry.event
            let scope = event.purpose + (event.field.map { ":" + $0 } ?? "")
            let notice = event.noticeVersion.map { " notice v\($0) (\(event.language ?? "de"))" } ?? ""
            Output.line("#\(event.sequence) \(event.capturedAt) \(event.kind.rawValue) \(scope) via \(event.channel?.rawValue ?? "-") by \(event.actor)\(notice)")
            if let text = entry.noticeText, event.kind == .grant { Output.line("    \"\(text)\"") }
        }
    }
}
