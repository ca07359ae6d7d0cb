import ConsentVault

/// `consent-vault member …`: enroll, read, find, change and list members.
enum MemberCommands {
    /// The member command group.
    static let specs: [CommandSpec] = [
        CommandSpec(path: ["member", "enroll"], summary: "Enroll a new member with one or more fields",
                    options: [OptionSpec(name: .field, valueName: "NAME=VALUE", help: "a field value (repeatable)", repeatable: true),
                              OptionSpec(name: .consent, valueName: "PURPOSE[:FIELD]", help: "a consent given at sign-up (repeatable)", repeatable: true),
                              OptionSpec(name: .channel, valueName: "CHANNEL", help: "store, app, web, callcenter or import")] + ConsentCommands.evidenceOptions,
                    discussion: "All fields and consents are validated first; on any error nothing is stored.\nPrints the new member id.",
                    run: enroll),
        CommandSpec(path: ["member", "get"], summary: "Print a member's fields that a purpose may use now", arguments: ["<id>"],
                    options: [OptionSpec(name: .purpose, valueName: "PURPOSE", help: "why the data is read (required)"),
                              OptionSpec(name: .field, valueName: "NAME", help: "only this field (repeatable)", repeatable: true)],
                    discussion: "Fields the purpose may not use for this member now are withheld and listed with the reason.",
                    run: get),
        CommandSpec(path: ["member", "find"], summary: "Find a member by email, phone or member number",
                    options: [OptionSpec(name: .email, valueName: "EMAIL", help: "exact email (case-insensitive)"),
                              OptionSpec(name: .phone, valueName: "PHONE", help: "phone in any accepted form"),
                              OptionSpec(name: .memberNumber, valueName: "NUMBER", help: "loyalty card number")],
                    discussion: "Exits 1 when no member matches.", run: find),
        CommandSpec(path: ["member", "set"], summary: "Set or replace one field", arguments: ["<id>"],
                    options: [OptionSpec(name: .field, valueName: "NAME=VALUE", help: "the field and its new value")], run: set),
        CommandSpec(path: ["member", "unset"], summary: "Remove one field", arguments: ["<id>"],
                    options: [OptionSpec(name: .field, valueName: "NAME", help: "the field to remove")], run: unset),
        CommandSpec(path: ["member", "list"], summary: "List member ids, a page at a time",
                    options: [OptionSpec(name: .limit, valueName: "N", help: "page size (default 100)"),
                              OptionSpec(name: .after, valueName: "ID", help: "start after this id (the last of the previous page)")],
                    run: list),
    ]

    /// Splits `NAME=VALUE`; the value may itself contain `=`.
    static func fieldAssignment(_ text: String, command: [String]) throws -> FieldInput {
        guard let equals = text.firstIndex(of: "="), equals != text.startIndex else {
            throw UsageError(description: "'--field' expects NAME=VALUE", command: command)
        }
        return FieldInput(String(text[..<equals]), String(text[text.index(after: equals)...]))
    }

    private static func enroll(_ invocation: Invocation) throws {
        _ = try invocation.checkedPositional()
        let fields = try invocation.values(.field).map { try fieldAssignment($0, command: invocation.spec.path) }
        guard !fields.isEmpty else { throw UsageError(description: "give at least one --field NAME=VALUE", command: invocation.spec.path) }
        let consents = invocation.values(.consent).map { text -> ConsentRequest in
            let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
            return ConsentRequest(purpose: parts.first ?? "", field: parts.count == 2 ? parts[1] : nil)
        }
        let channel = try ConsentCommands.channel(invocation, required: true)!
        let evidence = try ConsentCommands.evidence(invocation)
        let (vault, principal) = try invocation.openVault()
        let enrollment = try vault.members.enroll(fields, consents: consents, channel: channel, evidence: evidence, as: principal)
        if invocation.json {
            var body: [String: Any] = ["member": enrollment.member.rawValue]
            if !enrollment.consents.isEmpty { body["consents"] = enrollment.consents.map(ConsentCommands.json) }
            Output.json(body)
        } else {
            Output.line(enrollment.member.rawValue)
            for grant in enrollment.consents where grant.token != nil {
                Output.line("pending \(grant.purpose) token \(grant.token!)")
            }
        }
    }

    private static func get(_ invocation: Invocation) throws {
        let member = try invocation.memberID(try invocation.checkedPositional()[0])
        let purpose = try invocation.required(.purpose)
        let (vault, principal) = try invocation.openVault()
        let names = invocation.values(.field)
        let result = try vault.members.read(member, purpose: purpose, fields: names.isEmpty ? nil : names, as: principal)
        if invocation.json {
            Output.json(["member": member.rawValue, "fields": result.fields,
                         "denied": result.denied.map { ["field": $0.field, "reason": $0.reason.rawValue] }])
        } else {
            for definition in vault.catalog.fields { if let value = result.fields[definition.name] { Output.line("\(definition.name): \(value)") } }
            for denial in result.denied { Output.error("withheld \(denial.field) for \(purpose): \(denial.reason.rawValue)") }
        }
    }

    private static func find(_ invocation: Invocation) throws {
        _ = try invocation.checkedPositional()
        let criteria = [(OptionName.email, "email"), (.phone, "phone"), (.memberNumber, "member_number")]
            .compactMap { option, field in invocation.value(option).map { (option, field, $0) } }
        guard criteria.count == 1, let (option, field, value) = criteria.first else {
            throw UsageError(description: "give exactly one of --email, --phone, --member-number", command: invocation.spec.path)
        }
        let (vault, principal) = try invocation.openVault()
        let members = try vault.members.find(field, equals: value, as: principal)
        guard let first = members.first else { throw CommandFailure(description: "no member with this \(option.rawValue.replacingOccurrences(of: "-", with: " "))") }
        if invocation.json {
            members.count == 1 ? Output.json(["member": first.rawValue]) : Output.json(["members": members.map(\.rawValue)])
        } else {
            members.forEach { Output.line($0.rawValue) }
        }
    }

    private static func set(_ invocation: Invocation) throws {
        let member = try invocation.memberID(try invocation.checkedPositional()[0])
        let field = try fieldAssignment(try invocation.required(.field), command: invocation.spec.path)
        let (vault, principal) = try invocation.openVault()
        try vault.members.set(field.name, to: field.value, for: member, as: principal)
        invocation.json ? Output.json(["member": member.rawValue, "field": field.name, "status": "set"]) : Output.line("Set \(field.name) of \(member)")
    }

    private static func unset(_ invocation: Invocation) throws {
        let member = try invocation.memberID(try invocation.checkedPositional()[0])
        let field = try invocation.required(.field)
        let (vault, principal) = try invocation.openVault()
        let removed = try vault.members.unset(field, for: member, as: principal)
        let status = removed ? "removed" : "absent"
        invocation.json ? Output.json(["member": member.rawValue, "field": field, "status": status])
            : Output.line(removed ? "Removed \(field) of \(member)" : "\(member) had no \(field)")
    }

    private static func list(_ invocation: Invocation) throws {
        _ = try invocation.checkedPositional()
        let limit = try invocation.integer(.limit) ?? 100
        guard (1...10_000).contains(limit) else { throw UsageError(description: "'--limit' must be between 1 and 10000", command: invocation.spec.path) }
        let after = try invocation.value(.after).map { try MemberID($0) }
        let (vault, principal) = try invocation.openVault()
        let members = try vault.members.list(limit: limit, after: after, as: principal)
        if invocation.json {
            var page: [String: Any] = ["members": members.map(\.rawValue)]
            if members.count == limit, let last = members.last { page["next_after"] = last.rawValue }
            Output.json(page)
        } else {
            members.forEach { Output.line($0.rawValue) }
        }
    }
}
