import ConsentVault
import ConsentVaultService
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `consent-vault member …`: enrol, read, find, change, list and bulk-import members.
enum MemberCommands {
    /// The member command group.
    static let specs: [CommandSpec] = [
        CommandSpec(path: ["member", "enroll"], summary: "Enroll a new member with one or more fields",
                    options: [OptionSpec(name: .field, valueName: "NAME=VALUE", help: "a field value (repeatable)", repeatable: true),
                              OptionSpec(name: .consent, valueName: "PURPOSE[:FIELD]", help: "a consent given at sign-up (repeatable)", repeatable: true),
                              OptionSpec(name: .channel, valueName: "CHANNEL", help: "store, app, web, callcenter, import, email, letter or phone")] + ConsentCommands.evidenceOptions,
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
        CommandSpec(path: ["member", "import"], summary: "Import members from a JSON-lines file (- for stdin), streamed", arguments: ["<FILE.jsonl>"],
                    options: [OptionSpec(name: .channel, valueName: "CHANNEL", help: "recorded source (default import)"),
                              OptionSpec(name: .batchSize, valueName: "N", help: "members per transaction (default 500; 5000 into a vault of under 10000 members)"),
                              OptionSpec(name: .strict, valueName: nil, help: "stop at the first bad line instead of skipping it")],
                    discussion: """
                        One member per line: {"fields": {"email": "…", "first_name": "…"}, "consents": [{"purpose": "loyalty_account"}]}.
                        Prints each member id once its transaction has committed (--json: {"member": …} per line).
                        Bad lines are reported on stderr with their line number and skipped; the exit status is 1 if any was.
                        """,
                    run: importMembers),
    ]

    /// Splits `NAME=VALUE`; the value may itself contain `=`.
    static func fieldAssignment(_ text: String, command: [String]) throws -> FieldInput {
        guard let equals = text.firstIndex(of: "="), equals != text.startIndex else {
            throw UsageError(description: "'--\(OptionName.field.rawValue)' expects NAME=VALUE", command: command)
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
        // Evidence belongs to a consent: given without one it would be dropped silently.
        if consents.isEmpty, let stray = [OptionName.ip, .guardian, .language, .capturedAt].first(where: { invocation.value($0) != nil || invocation.flag($0) }) {
            throw UsageError(description: "'--\(stray.rawValue)' is consent evidence; give it with --consent PURPOSE", command: invocation.spec.path)
        }
        let evidence = try ConsentCommands.evidence(invocation)
        let (vault, principal) = try invocation.openVault()
        let enrollment = try vault.members.enroll(fields, consents: consents, channel: channel, evidence: evidence, as: principal)
        if invocation.json {
            var body: [String: Any] = ["member": enrollment.member.rawValue]
            if !enrollment.consents.isEmpty { body["consents"] = enrollment.consents.map(JSONShapes.grant) }
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
            Output.json(JSONShapes.read(result))
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
        let members = switch option {
        case .email: try vault.members.find(contact: .email(value), as: principal)
        case .phone: try vault.members.find(contact: .phone(value), as: principal)
        default: try vault.members.find(field, equals: value, as: principal)
        }
        guard let first = members.first else {
            throw CommandFailure(description: "no member with this \(option.rawValue.replacingOccurrences(of: "-", with: " "))",
                                 code: "member_not_found", status: 404)
        }
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
        guard (1...10_000).contains(limit) else { throw invocation.invalid(.limit, "must be between 1 and 10000") }
        let after = try invocation.value(.after).map { try MemberID($0) }
        let (vault, principal) = try invocation.openVault()
        let members = try vault.members.list(limit: limit, after: after, as: principal)
        if invocation.json {
            Output.json(JSONShapes.memberPage(members, limit: limit))
        } else {
            members.forEach { Output.line($0.rawValue) }
        }
    }

    private static func importMembers(_ invocation: Invocation) throws {
        let path = try invocation.checkedPositional()[0]
        let channel = try ConsentCommands.channel(invocation, required: false) ?? .import
        let batchSize = try invocation.integer(.batchSize)
        if let batchSize, !(1...100_000).contains(batchSize) { throw invocation.invalid(.batchSize, "must be between 1 and 100000") }
        let (vault, principal) = try invocation.openVault()
        // The file is opened on the first line asked for, which is after the role check: a caller who
        // may not enrol never opens it (nor waits on a FIFO). `-` is standard input.
        var opened: ImportLineReader?
        var fileSize = 0
        func lines() throws -> ImportLineReader {
            if let opened { return opened }
            let descriptor = path == "-" ? dup(STDIN_FILENO) : open(path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { throw CommandFailure(description: "cannot open \(path): \(String(cString: strerror(errno)))") }
            var status = stat()
            fileSize = fstat(descriptor, &status) == 0 ? Int(status.st_size) : 0
            guard status.st_mode & S_IFMT != S_IFDIR else {
                close(descriptor)
                throw CommandFailure(description: "cannot read \(path): it is a folder, not a file of JSON lines")
            }
            guard let reader = ImportLineReader(descriptor: descriptor) else {
                close(descriptor)
                throw CommandFailure(description: "cannot read \(path): \(String(cString: strerror(errno)))")
            }
            opened = reader
            return reader
        }
        let terminal = isatty(STDERR_FILENO) == 1
        var done = 0
        let summary = try vault.members.importMembers(
            nextLine: { try lines().next() },
            channel: channel, batchSize: batchSize, strict: invocation.flag(.strict), as: principal,
            committed: { ids in
                for id in ids { invocation.json ? Output.json(["member": id.rawValue]) : Output.line(id.rawValue) }
                fflush(nil)
                done += ids.count
                if terminal { FileHandle.standardError.write(Data(progressBar(done: done, bytesRead: opened?.bytesRead ?? 0, of: fileSize).utf8)) }
            },
            rejected: { refusal in Output.error("\(terminal ? "\r" : "")Error: \(path), line \(refusal.line): \(refusal.reason)") })
        if terminal { FileHandle.standardError.write(Data("\n".utf8)) }
        Output.error("\(summary.imported) imported, \(summary.rejected) rejected, \(summary.lines) lines read")
        if summary.rejected > 0 { throw SilentFailure() }
    }

    /// `\r[#########...........]  45 %  12345 imported`: how far through the file the import is.
    static func progressBar(done: Int, bytesRead: Int, of fileSize: Int) -> String {
        let width = 30
        let fraction = fileSize > 0 ? min(1, max(0, Double(bytesRead) / Double(fileSize))) : 0
        let filled = Int(fraction * Double(width))
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        let percent = String(Int(fraction * 100))
        return "\r[\(bar)] \(String(repeating: " ", count: 3 - percent.count))\(percent) %  \(done) imported"
    }
}
