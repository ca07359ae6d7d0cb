import ConsentVault
import ConsentVaultService
import Foundation

/// `consent-vault dsr …`: data subject requests, export and erasure, the DPO's desk.
enum DSRCommands {
    /// The dsr command group.
    static let specs: [CommandSpec] = [
        CommandSpec(path: ["dsr", "open"], summary: "Record a data subject request with its due date",
                    options: [OptionSpec(name: .type, valueName: "TYPE", help: "access, portability, erasure, rectification, restriction or objection"),
                              OptionSpec(name: .member, valueName: "ID", help: "the member"),
                              OptionSpec(name: .email, valueName: "EMAIL", help: "instead of --member: the requester's email address"),
                              OptionSpec(name: .phone, valueName: "PHONE", help: "instead of --member: the requester's phone number"),
                              OptionSpec(name: .received, valueName: "DATE", help: "day received, YYYY-MM-DD or DD.MM.YYYY (default today; never in the future)"),
                              OptionSpec(name: .channel, valueName: "CHANNEL", help: "how it came in")],
                    discussion: """
                        Due: received + one calendar month (GDPR Art. 12(3)). A restriction takes effect at once;
                        an objection withdraws every purpose based on legitimate interest.
                        With --email or --phone the request is the member's who has that contact; when nobody has it, only
                        a keyed hash of the contact is kept, and the request is answered with: dsr close R --outcome no_data_held.
                        An objection or erasure request by contact also puts the contact on the suppression list.
                        """,
                    run: open),
        CommandSpec(path: ["dsr", "list"], summary: "List requests, soonest due first",
                    options: [OptionSpec(name: .overdue, valueName: nil, help: "only open requests past their due date"),
                              OptionSpec(name: .all, valueName: nil, help: "closed requests too (default: open ones, with days left or overdue)")],
                    run: list),
        CommandSpec(path: ["dsr", "show"], summary: "Show one request", arguments: ["<request>"], run: showOne),
        CommandSpec(path: ["dsr", "extend"], summary: "Extend a deadline by two months, with a reason", arguments: ["<request>"],
                    options: [OptionSpec(name: .reason, valueName: "TEXT", help: "why (complexity, number of requests)")], run: extend),
        CommandSpec(path: ["dsr", "close"], summary: "Close a request (closing a restriction lifts it)", arguments: ["<request>"],
                    options: [OptionSpec(name: .outcome, valueName: "OUTCOME", help: "fulfilled, refused, withdrawn, or no_data_held (a request by contact)")],
                    run: close),
        CommandSpec(path: ["dsr", "export"], summary: "Write a signed export (JSON, HTML, manifest) of a member", arguments: ["<id>"],
                    options: [OptionSpec(name: .out, valueName: "DIR", help: "new or empty folder"),
                              OptionSpec(name: .request, valueName: "R", help: "the request it answers (closed as fulfilled)"),
                              OptionSpec(name: .member, valueName: "ID", help: "the member, instead of <id>")],
                    discussion: "Prints only the folder's path: the data itself never goes to the terminal.", run: export),
        CommandSpec(path: ["dsr", "verify-export"], summary: "Check an export's checksums and signature", arguments: ["<DIR>"], run: verifyExport),
        CommandSpec(path: ["dsr", "erase"], summary: "Erase a member (legal holds keep what the law requires)", arguments: ["<id>"],
                    options: [OptionSpec(name: .dryRun, valueName: nil, help: "show what would be erased and kept; change nothing"),
                              OptionSpec(name: .yes, valueName: nil, help: "do not ask for confirmation"),
                              OptionSpec(name: .request, valueName: "R", help: "the request it fulfils (closed as fulfilled)"),
                              OptionSpec(name: .member, valueName: "ID", help: "the member, instead of <id>")],
                    discussion: "Without --yes it shows what would be erased and kept, then asks.",
                    run: erase),
    ]

    private static func show(_ request: DataSubjectRequest, _ invocation: Invocation, today: CalendarDay? = nil) {
        if invocation.json { Output.json(JSONShapes.request(request, today: today)); return }
        var deadline = ""
        if let today, request.status == .open, let days = request.daysLeft(on: today) {
            func counted(_ number: Int) -> String { number == 1 ? "1 day" : "\(number) days" }
            deadline = days >= 0 ? " (\(counted(days)) left)" : " (OVERDUE by \(counted(-days)))"
        }
        let member = request.member.map { " member \($0.rawValue)" } ?? (request.byContact ? " (no member: by contact)" : " (member erased)")
        let reason = request.extensionReason.map { " extended: \($0)" } ?? ""
        Output.line("\(request.id) \(request.type.rawValue)\(member) received \(request.receivedOn) due \(request.dueOn)\(deadline) "
                    + "\(request.status.rawValue)\(request.outcome.map { " (\($0.rawValue))" } ?? "")\(reason)")
    }

    private static func open(_ invocation: Invocation) throws {
        _ = try invocation.checkedPositional()
        guard let type = RequestType(rawValue: try invocation.required(.type)) else {
            throw UsageError(description: "'--type' must be one of: \(RequestType.allCases.map(\.rawValue).joined(separator: ", "))", command: invocation.spec.path)
        }
        let contact: RequesterContact?
        switch (invocation.value(.member), invocation.value(.email), invocation.value(.phone)) {
        case (_?, nil, nil): contact = nil
        case (nil, let email?, nil): contact = .email(email)
        case (nil, nil, let phone?): contact = .phone(phone)
        default: throw UsageError(description: "name the requester once: --member ID, --email EMAIL or --phone PHONE", command: invocation.spec.path)
        }
        let channel = try ConsentCommands.channel(invocation, required: false)
        let received = invocation.value(.received)
        if let contact {
            let (vault, principal) = try invocation.openVault()
            show(try vault.requests.open(type, requester: contact, receivedOn: received, channel: channel, as: principal), invocation)
            return
        }
        let member = try invocation.memberID(try invocation.required(.member))
        let (vault, principal) = try invocation.openVault()
        show(try vault.requests.open(type, for: member, receivedOn: received, channel: channel, as: principal), invocation)
    }

    private static func list(_ invocation: Invocation) throws {
        _ = try invocation.checkedPositional()
        let (vault, principal) = try invocation.openVault()
        let requests = try vault.requests.list(overdue: invocation.flag(.overdue), all: invocation.flag(.all), as: principal)
        let today = vault.requests.today
        if invocation.json {
            Output.json(["requests": requests.map { JSONShapes.request($0, today: today) }])
        } else {
            requests.forEach { show($0, invocation, today: today) }
        }
    }

    private static func showOne(_ invocation: Invocation) throws {
        let id = try invocation.checkedPositional()[0]
        let (vault, principal) = try invocation.openVault()
        show(try vault.requests.show(id, as: principal), invocation)
    }

    private static func extend(_ invocation: Invocation) throws {
        let id = try invocation.checkedPositional()[0]
        let (vault, principal) = try invocation.openVault()
        show(try vault.requests.extend(id, reason: invocation.value(.reason) ?? "", as: principal), invocation)
    }

    private static func close(_ invocation: Invocation) throws {
        let id = try invocation.checkedPositional()[0]
        let text = try invocation.required(.outcome)
        guard let outcome = RequestOutcome(rawValue: text) else {
            throw UsageError(description: "unknown outcome '\(Echo.name(text))'; use fulfilled, refused, withdrawn or no_data_held", command: invocation.spec.path)
        }
        let (vault, principal) = try invocation.openVault()
        show(try vault.requests.close(id, outcome: outcome, as: principal), invocation)
    }

    private static func export(_ invocation: Invocation) throws {
        let member = try invocation.memberArgumentOrOption()
        let directory = try invocation.required(.out)
        let (vault, principal) = try invocation.openVault()
        let path = try vault.requests.export(member, to: directory, request: invocation.value(.request), as: principal)
        invocation.json ? Output.json(["export": path]) : Output.line(path)
    }

    private static func verifyExport(_ invocation: Invocation) throws {
        let directory = try invocation.checkedPositional()[0]
        let (vault, _) = try invocation.openVault()
        let result = try vault.requests.verifyExport(at: directory)
        if invocation.json {
            var body: [String: Any] = ["valid": result.isValid]
            if let problem = result.problem { body["problem"] = problem }
            Output.json(body)
        } else if result.isValid {
            Output.line("export \(directory) is intact and signed by this vault (key \(try vault.signingPublicKey().prefix(16))…)")
        }
        if !result.isValid { throw CommandFailure(description: "export \(directory) fails verification: \(result.problem ?? "")") }
    }

    private static func erase(_ invocation: Invocation) throws {
        let member = try invocation.memberArgumentOrOption()
        let dryRun = invocation.flag(.dryRun)
        let (vault, principal) = try invocation.openVault()
        if !dryRun, !invocation.flag(.yes) {
            // The question shows what the answer does: the dry run's summary.
            let preview = try vault.requests.erase(member, request: invocation.value(.request), dryRun: true, as: principal)
            Output.error("Erasing \(member) would:")
            preview.erased.forEach { Output.error("  erase: \($0)") }
            preview.kept.forEach { Output.error("  keep: \($0.what), \($0.why)\($0.until.map { ", until \($0)" } ?? "")") }
            guard Confirmation.confirm("Erase member \(member)? This cannot be undone.", yes: false) else {
                throw UsageError(description: "not confirmed; pass --yes to erase without a terminal, or --dry-run to preview", command: invocation.spec.path)
            }
        }
        let report = try vault.requests.erase(member, request: invocation.value(.request), dryRun: dryRun, as: principal)
        if !report.walCleared {
            Output.error("Warning: the erasure is committed, but other processes were reading the vault, so old page images stay in "
                         + "the -wal file until the next checkpoint; run 'consent-vault checkpoint' when they are done")
        }
        if invocation.json {
            Output.json(JSONShapes.erasure(report))
            return
        }
        Output.line(dryRun ? "Dry run: erasing \(member) would" : "Erased \(member):")
        report.erased.forEach { Output.line("  erase: \($0)") }
        report.kept.forEach { Output.line("  keep: \($0.what), \($0.why)\($0.until.map { ", until \($0)" } ?? "")") }
    }
}
