import ConsentVault

/// `consent-vault member …`: enroll, read, find, change and list members.
enum MemberCommands {
    /// The member command group.
    static let specs: [CommandSpec] = [
        CommandSpec(path: ["member", "enroll"], summary: "Enroll a new member with one or more fields",
                    options: [OptionSpec(name: "field", valueName: "NAME=VALUE", help: "a field value (repeatable)", repeatable: true),
                              OptionSpec(name: "channel", valueName: "CHANNEL", help: "store, app, web, callcenter or import")],
                    discussion: "All fields are validated first; on any error nothing is stored.\nPrints the new member id.",
                    run: enroll),
        CommandSpec(path: ["member", "get"], summary: "Print a member's fields", arguments: ["<id>"],
                    options: [OptionSpec(name: "field", valueName: "NAME", help: "only this field (repeatable)", repeatable: true)],
                    run: get),
        CommandSpec(path: ["member", "find"], summary: "Find a member by email, phone or member number",
                    options: [OptionSpec(name: "email", valueName: "EMAIL", help: "exact email (case-insensitive)"),
                              OptionSpec(name: "phone", valueName: "PHONE", help: "phone in any accepted form"),
                              OptionSpec(name: "member-number", valueName: "NUMBER", help: "loyalty card number")],
                    discussion: "Exits 1 when no member matches.", run: find),
        CommandSpec(path: ["member", "set"], summary: "Set or replace one field", arguments: ["<id>"],
                    options: [OptionSpec(name: "field", valueName: "NAME=VALUE", help: "the field and its new value")], run: set),
        CommandSpec(path: ["member", "unset"], summary: "Remove one field", arguments: ["<id>"],
                    options: [OptionSpec(name: "field", valueName: "NAME", help: "the field to remove")], run: unset),
        CommandSpec(path: ["member", "list"], summary: "List member ids, a page at a time",
                    options: [OptionSpec(name: "limit", valueName: "N", help: "page size (default 100)"),
                              OptionSpec(name: "after", valueName: "ID", help: "start after this id (the last of the previous page)")],
                    run: list),
    ]

    /// Splits `NAME=VALUE`; the value may itself contain `=`.
    static func fieldAssignment(_ text: String, command: [String]) throws -> Vault.FieldInput {
        guard let equals = text.firstIndex(of: "="), equals != text.startIndex else {
            throw UsageError(description: "'--field' expects NAME=VALUE", command: command)
        }
        return (String(text[..<equals]), String(text[text.index(after: equals)...]))
    }

    static func channel(_ invocation: Invocation) throws -> Channel {
        let text = try invocation.required("channel")
        guard let channel = Channel(rawValue: text) else {
            throw UsageError(description: "'--channel' must be one of: \(Channel.allCases.map(\.rawValue).joined(separator: ", "))",
                             command: invocation.spec.path)
        }
        return channel
    }

    private static func enroll(_ invocation: Invocation) throws {
        _ = try invocation.checkedPositional()
        let fields = try invocation.values("field").map { try fieldAssignment($0, command: invocation.spec.path) }
        guard !fields.isEmpty else { throw UsageError(description: "give at least one --field NAME=VALUE", command: invocation.spec.path) }
        let channel = try channel(invocation)
        let member = try invocation.openVault().enroll(fields, channel: channel)
        invocation.json ? Output.json(["member": member.rawValue]) : Output.line(member.rawValue)
    }

    private static func get(_ invocation: Invocation) throws {
        let member = try invocation.memberID(try invocation.checkedPositional()[0])
        let vault = try invocation.openVault()
        let names = invocation.values("field")
        let fields = try vault.read(member, fields: names.isEmpty ? nil : names)
        if invocation.json {
            Output.json(["member": member.rawValue, "fields": fields])
        } else {
            for definition in vault.catalog.fields { if let value = fields[definition.name] { Output.line("\(definition.name): \(value)") } }
        }
    }

    private static func find(_ invocation: Invocation) throws {
        _ = try invocation.checkedPositional()
        let criteria = [("email", "email"), ("phone", "phone"), ("member-number", "member_number")]
            .compactMap { option, field in invocation.value(option).map { (option, field, $0) } }
        guard criteria.count == 1, let (option, field, value) = criteria.first else {
            throw UsageError(description: "give exactly one of --email, --phone, --member-number", command: invocation.spec.path)
        }
        let members = try invocation.openVault().find(field, equals: value)
        guard let first = members.first else { throw NotFound(description: "no member with this \(option.replacingOccurrences(of: "-", with: " "))") }
        if invocation.json {
            members.count == 1 ? Output.json(["member": first.rawValue]) : Output.json(["members": members.map(\.rawValue)])
        } else {
            members.forEach { Output.line($0.rawValue) }
        }
    }

    private static func set(_ invocation: Invocation) throws {
        let member = try invocation.memberID(try invocation.checkedPositional()[0])
        let field = try fieldAssignment(try invocation.required("field"), command: invocation.spec.path)
        try invocation.openVault().set(field.name, to: field.value, for: member)
        invocation.json ? Output.json(["member": member.rawValue, "field": field.name, "status": "set"]) : Output.line("Set \(field.name) of \(member)")
    }

    private static func unset(_ invocation: Invocation) throws {
        let member = try invocation.memberID(try invocation.checkedPositional()[0])
        let field = try invocation.required("field")
        let removed = try invocation.openVault().unset(field, for: member)
        let status = removed ? "removed" : "absent"
        invocation.json ? Output.json(["member": member.rawValue, "field": field, "status": status])
            : Output.line(removed ? "Removed \(field) of \(member)" : "\(member) had no \(field)")
    }

    private static func list(_ invocation: Invocation) throws {
        _ = try invocation.checkedPositional()
        let limit = try invocation.integer("limit") ?? 100
        guard (1...10_000).contains(limit) else { throw UsageError(description: "'--limit' must be between 1 and 10000", command: invocation.spec.path) }
        let after = try invocation.value("after").map { try MemberID($0) }
        let members = try invocation.openVault().listMembers(limit: limit, after: after)
        if invocation.json {
            var page: [String: Any] = ["members": members.map(\.rawValue)]
            if members.count == limit, let last = members.last { page["next_after"] = last.rawValue }
            Output.json(page)
        } else {
            members.forEach { Output.line($0.rawValue) }
        }
    }
}

/// A lookup that found nothing: exit 1 with a plain message.
struct NotFound: Error, CustomStringConvertible {
    /// What was not found (never the value searched for).
    let description: String
}
