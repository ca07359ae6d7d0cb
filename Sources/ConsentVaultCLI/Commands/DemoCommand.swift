import ConsentVault
import Foundation

/// `consent-vault demo`: the main job end to end in a temporary folder, narrated.
enum DemoCommand {
    /// The demo command.
    static let specs: [CommandSpec] = [
        CommandSpec(path: ["demo"], summary: "Walk through the main job in a temporary folder",
                    options: [OptionSpec(name: .policies, valueName: "DIR", help: "policy folder (default: env CONSENT_VAULT_POLICIES, else ./Policies, else the built-in defaults)"),
                              OptionSpec(name: .keep, valueName: nil, help: "keep the temporary folder and print its path")],
                    run: run),
    ]

    private static let admin = Principal.localAdministrator

    private static func run(_ invocation: Invocation) throws {
        _ = try invocation.checkedPositional()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("consent-vault-demo-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { if !invocation.flag(.keep) { try? FileManager.default.removeItem(at: folder) } }
        let keyPath = folder.appendingPathComponent("demo.keys").path
        let vaultPath = folder.appendingPathComponent("demo.vault").path

        step("1. Create a key file (mode 0600) and an empty vault in \(folder.path)")
        let ring = try KeyRing.generate()
        try ring.write(to: keyPath)
        let vault = try Vault.create(at: vaultPath, keyRing: ring,
                                     policies: try VaultCommands.policies(invocation),
                                     erasureJournal: keyPath + ".erasures")
        Output.line("   key id \(ring.keyID), vault id \(vault.vaultID)")
        let marketing = try vault.tokens.principal(for: try vault.tokens.create(name: "crm-app", role: "marketing", as: admin))
        Output.line("   API token created for crm-app (role marketing); the vault keeps only its hash")

        step("2. Enroll Anna Müller at the store with her consent to the newsletter (one transaction)")
        let enrollment = try vault.members.enroll(
            [FieldInput("email", "Anna.Mueller@Example.DE"), FieldInput("first_name", "Anna"), FieldInput("last_name", "Müller"), FieldInput("phone", "0171 2345678"),
             FieldInput("clothing_size", "m"), FieldInput("address", "Hauptstraße 5, 10115 Berlin"), FieldInput("member_number", "CV00001234")],
            consents: [ConsentRequest(purpose: "email_marketing")],
            channel: .store, evidence: ConsentEvidence(ipAddress: "192.0.2.77"), as: admin)
        let anna = enrollment.member
        Output.line("   member id \(anna) (random, not sequential)")
        for grant in enrollment.consents { Output.line("   consent \(grant.purpose): \(grant.state.rawValue)") }

        step("3. The loyalty account (contract) reads her contact data, normalized")
        show(try vault.members.read(anna, purpose: "loyalty_account", as: admin))

        step("4. Marketing reads for email marketing: pending double opt-in grants nothing")
        show(try vault.members.read(anna, purpose: "email_marketing", as: marketing))
        let token = enrollment.consents.first { $0.purpose == "email_marketing" }?.token ?? ""
        _ = try vault.consents.confirm(token: token, for: anna, as: admin)
        Output.line("   she confirms the token from the email; marketing reads again:")
        show(try vault.members.read(anna, purpose: "email_marketing", as: marketing))
        do { _ = try vault.members.read(anna, purpose: "loyalty_account", as: marketing) } catch { Output.line("   marketing for loyalty_account: refused: \(error)") }

        step("5. Progressive profiling: the app asks for one more field; points are earned once")
        Output.line("   balance: \(try vault.rewards.balance(of: anna, as: admin)) (newsletter confirmed)")
        if let ask = try vault.profiles.nextQuestion(for: anna, channel: .app, as: admin) {
            Output.line("   the app asks for \(ask.field) (\(ask.points) points): \"\(ask.noticeText)\"")
        }
        let shared = try vault.profiles.share("birthday", value: "24.12.1990", for: anna, purpose: "birthday_rewards", channel: .app, as: admin)
        Output.line("   she shares her birthday: earned \(points(shared.awards)) points, balance \(shared.balance)")
        let again = try vault.profiles.share("birthday", value: "1990-12-24", for: anna, purpose: "birthday_rewards", channel: .app, as: admin)
        Output.line("   the app sends it again: earned \(points(again.awards)) points, balance \(again.balance)")

        step("6. She withdraws birthday rewards: the very next read is refused, the birthday deleted, the points kept")
        show(try vault.members.read(anna, purpose: "birthday_rewards", fields: ["birthday"], as: marketing))
        try vault.consents.withdraw(ConsentRequest(purpose: "birthday_rewards"), for: anna, channel: .app, as: admin)
        show(try vault.members.read(anna, purpose: "birthday_rewards", fields: ["birthday"], as: marketing))
        let reshared = try vault.profiles.share("birthday", value: "24.12.1990", for: anna, purpose: "birthday_rewards", channel: .app, as: admin)
        Output.line("   she shares it once more: earned \(points(reshared.awards)) points, balance \(reshared.balance)")
        let report = try vault.profiles.report(as: marketing)
        Output.line("   marketing's report: members \(report.members.map(String.init) ?? "<\(report.minimumGroupSize)"), birthday shared by \(report.fields.first { $0.field == "birthday" }?.shared.map(String.init) ?? "<\(report.minimumGroupSize)") (groups under \(report.minimumGroupSize) suppressed; no ids, no values)")

        step("7. Find her by email in another spelling (blind index); a bad value changes nothing")
        Output.line("   anna.mueller@example.de -> \(try vault.members.find("email", equals: "anna.mueller@example.de", as: admin).map(\.rawValue).joined())")
        do { _ = try vault.members.enroll([FieldInput("email", "bernd@example.de"), FieldInput("birthday", "31.02.1980")], channel: .web, as: admin) } catch {
            Output.line("   refused: \(error); members in vault: \(try vault.members.count())")
        }

        step("8. The audit log: who read what, when and why; the chain verifies")
        for entry in try vault.audit.entries(for: anna, as: admin) {
            Output.line("   #\(entry.sequence) \(entry.principal) \(entry.operation) \(entry.purpose) returned [\(entry.fieldsReturned.joined(separator: ","))] \(entry.outcome.rawValue)")
        }
        let verification = try vault.audit.verify(as: admin)
        Output.line("   audit verify: \(verification.isIntact ? "intact" : "BROKEN"), \(verification.entries) entries, head \(verification.head)")

        step("9. Look for plaintext in the vault file, its WAL and shared memory")
        try vault.checkpoint()
        let found = plaintextFound(in: vaultPath, needles: ["Müller", "Anna", "example.de", "1712345678", "1990-12-24", "Hauptstraße", "CV00001234"])
        Output.line(found.isEmpty ? "   none of 7 known values occurs in the files" : "   FOUND PLAINTEXT: \(found)")

        step("10. Rotate the master key: member keys are rewrapped, field values untouched")
        let rotation = try vault.keys.rotate(keyFilePath: keyPath, as: admin)
        try vault.keys.retire(version: 1, keyFilePath: keyPath, as: admin)
        Output.line("   now on version \(rotation.targetVersion); version 1 retired; first name still reads as \(try vault.members.read(anna, purpose: "loyalty_account", fields: ["first_name"], as: admin).fields["first_name"] ?? "?")")

        step("11. Privacy-safe prompts: a consented prompt, a redacted free text, a demasked reply")
        _ = try vault.consents.grant(ConsentRequest(purpose: "ai_personalization"), for: anna, channel: .app, as: admin)
        let built = try vault.prompts.build(template: "Schreibe {{first_name|unserer Kundin}} eine kurze Geburtstagsmail. Geburtsmonat: {{birth_month|unbekannt}}, Altersgruppe: {{age_band|unbekannt}}, Größe: {{clothing_size|unbekannt}}, Stadt: {{city|ihrer Stadt}}.",
                                          member: anna, purpose: "ai_personalization", as: marketing)
        Output.line("   built by marketing: \(built.text)")
        let free = try vault.prompts.redact("Anna Müller (anna.mueller@example.de, Tel. 0171 2345678) hat am 24.12.1990 Geburtstag; IBAN DE89 3704 0044 0532 0130 00.",
                                          member: anna, purpose: "ai_personalization", session: built.session, as: marketing)
        Output.line("   redacted free text: \(free.text)")
        let reply = "Liebe **[PERSON_1]**, alles Gute zum Geburtstag! Wir schreiben an [EMAIL_1]."
        let demasked = try vault.prompts.demask(reply, session: built.session, as: admin)
        Output.line("   generated reply demasked by the mail service: \(demasked.text)")
        Output.line("   left in place: \(demasked.leftInPlace.map { "\($0.placeholder) (\($0.reason.rawValue))" }.joined(separator: ", "))")

        step("12. The DPO answers Anna's requests: a signed export, then erasure (after a backup)")
        let access = try vault.requests.open(.access, for: anna, channel: .web, as: admin)
        Output.line("   access request \(access.id) received \(access.receivedOn), due \(access.dueOn)")
        let exportFolder = folder.appendingPathComponent("export-anna").path
        try vault.requests.export(anna, to: exportFolder, request: access.id, as: admin)
        Output.line("   export written to \(exportFolder): export.json, export.html, manifest.json, manifest.sig")
        Output.line("   verify-export: \(try vault.requests.verifyExport(at: exportFolder).isValid ? "intact and signed" : "BROKEN")")
        Output.line("   request \(access.id): \(try vault.requests.show(access.id, as: admin).status.rawValue) (the export answered it)")
        let backupPath = folder.appendingPathComponent("before-erasure.vault").path
        try vault.backup(to: backupPath, as: admin)
        let erasure = try vault.requests.open(.erasure, for: anna, as: admin)
        let erasureReport = try vault.requests.erase(anna, request: erasure.id, as: admin)
        erasureReport.erased.forEach { Output.line("   erased: \($0)") }
        erasureReport.kept.forEach { Output.line("   kept: \($0.what) (\($0.why)\($0.until.map { ", until \($0)" } ?? ""))") }
        let after = plaintextFound(in: vaultPath, needles: ["Müller", "Anna", "example.de", "1712345678", "Hauptstraße", "CV00001234"])
        Output.line(after.isEmpty ? "   her values are gone from the vault file, its WAL and shm" : "   FOUND AFTER ERASURE: \(after)")
        let restored = try Vault.restore(from: backupPath, to: vaultPath, keyRing: try KeyRing.load(path: keyPath) { nil },
                                         erasureJournal: keyPath + ".erasures", as: admin)
        Output.line("   the backup from before the erasure is restored: members listed \(try restored.members.list(as: admin).count), Anna findable: \(try !restored.members.find("email", equals: "anna.mueller@example.de", as: admin).isEmpty)")

        if invocation.flag(.keep) { Output.line("\nKept \(folder.path)") }
        guard found.isEmpty, after.isEmpty, verification.isIntact else { throw CommandFailure(description: "the demo found plaintext or a broken audit chain") }
    }

    private static func plaintextFound(in vaultPath: String, needles: [String]) -> [String] {
        var found: [String] = []
        for suffix in ["", "-wal", "-shm"] {
            // Empty files are skipped: FoundationEssentials leaks a buffer when reading a 0-byte file (seen with LeakSanitizer).
            let size = (try? FileManager.default.attributesOfItem(atPath: vaultPath + suffix)[.size] as? Int) ?? 0
            guard size > 0, let bytes = FileManager.default.contents(atPath: vaultPath + suffix) else { continue }
            for needle in needles where bytes.range(of: Data(needle.utf8)) != nil { found.append("\(needle) in \(suffix.isEmpty ? "vault" : suffix)") }
        }
        return found
    }

    private static func points(_ awards: [Award]) -> Int {
        awards.reduce(0) { $0 + $1.points }
    }

    private static func show(_ result: ReadResult) {
        for (field, value) in result.fields.sorted(by: { $0.key < $1.key }) { Output.line("   \(field): \(value)") }
        for denial in result.denied { Output.line("   withheld \(denial.field): \(denial.reason.rawValue)") }
    }

    private static func step(_ text: String) {
        Output.line("\n" + text)
    }
}
