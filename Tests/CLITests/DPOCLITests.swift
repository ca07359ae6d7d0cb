import Foundation
import Testing

@Suite("consent-vault binary: the DPO's desk")
struct DPOCLITests {
    private func enroll(_ cli: CLIRunner, _ email: String) throws -> String {
        try cli.vault(["member", "enroll", "--field", "email=\(email)", "--field", "last_name=Müller", "--field", "birthday=1990-12-24",
                       "--consent", "birthday_rewards", "--channel", "web"]).stdout.trimmingCharacters(in: .newlines)
    }

    @Test("dsr open, list --overdue, extend, close with --json")
    func requests() throws {
        let cli = try CLIRunner()
        try cli.initialize()
        let member = try enroll(cli, "anna@example.de")
        let opened = try CLIRunner.json(try cli.vault(["dsr", "open", "--type", "access", "--member", member, "--received", "2024-01-31", "--json"]).stdout)
        #expect(opened["due_on"] as? String == "2024-02-29" && opened["status"] as? String == "open")
        let id = try #require(opened["request"] as? String)
        let overdue = try CLIRunner.json(try cli.vault(["dsr", "list", "--overdue", "--json"]).stdout)
        #expect((overdue["requests"] as? [[String: Any]])?.map { $0["request"] as? String } == [id])
        let noReason = try cli.vault(["dsr", "extend", id])
        #expect(noReason.status == 1 && noReason.stderr.hasPrefix("Error: extending a deadline needs a reason"))
        let tooLate = try cli.vault(["dsr", "extend", id, "--reason", "complex", "--json"])
        let tooLateCode = try CLIRunner.json(tooLate.stderr)["code"] as? String
        #expect(tooLate.status == 1 && tooLateCode == "extension_too_late", "\(tooLate.stderr)")
        let recent = try #require(try CLIRunner.json(try cli.vault(["dsr", "open", "--type", "access", "--member", member, "--json"]).stdout)["request"] as? String)
        let extended = try CLIRunner.json(try cli.vault(["dsr", "extend", recent, "--reason", "complex", "--json"]).stdout)
        #expect(extended["extension_reason"] as? String == "complex")
        let list = try cli.vault(["dsr", "list"])
        #expect(list.stdout.contains("OVERDUE by") && list.stdout.contains("days left") && list.stdout.contains("member \(member)"), "\(list.stdout)")
        #expect(try CLIRunner.json(try cli.vault(["dsr", "close", id, "--outcome", "fulfilled", "--json"]).stdout)["status"] as? String == "closed")
        let badType = try cli.vault(["dsr", "open", "--type", "gossip", "--member", member])
        #expect(badType.status == 64)
    }

    @Test("a request from someone who is no member is recorded by contact (a keyed hash, never the value) and answered 'no data held'; a member's contact finds the member")
    func requestsByContact() throws {
        let cli = try CLIRunner()
        try cli.initialize()
        let member = try enroll(cli, "mitglied@example.de")
        let stranger = try CLIRunner.json(try cli.vault(["dsr", "open", "--type", "access", "--email", "Fremd@Example.de", "--channel", "letter", "--json"]).stdout)
        #expect(stranger["member"] == nil && stranger["by_contact"] as? Bool == true && stranger["status"] as? String == "open", "\(stranger)")
        let id = try #require(stranger["request"] as? String)
        #expect(try cli.vault(["dsr", "list"]).stdout.contains("\(id) access (no member: by contact)"))
        let vaultBytes = try Data(contentsOf: URL(fileURLWithPath: cli.vaultPath))
        #expect(vaultBytes.range(of: Data("fremd@example.de".utf8)) == nil && vaultBytes.range(of: Data("Fremd@Example.de".utf8)) == nil,
                "the requester's contact is not stored in plaintext")
        let closed = try CLIRunner.json(try cli.vault(["dsr", "close", id, "--outcome", "no_data_held", "--json"]).stdout)
        #expect(closed["status"] as? String == "closed" && closed["outcome"] as? String == "no_data_held")

        let known = try CLIRunner.json(try cli.vault(["dsr", "open", "--type", "access", "--email", "MITGLIED@example.de", "--json"]).stdout)
        #expect(known["member"] as? String == member && known["by_contact"] == nil, "the contact of a member opens the member's request")
        let refused = try cli.vault(["dsr", "close", try #require(known["request"] as? String), "--outcome", "no_data_held", "--json"])
        let refusedCode = try CLIRunner.json(refused.stderr)["code"] as? String
        #expect(refused.status == 1 && refusedCode == "member_has_data")
        #expect(try cli.vault(["dsr", "open", "--type", "access", "--member", member, "--email", "x@example.de"]).status == 64, "one requester")
        let badContact = try cli.vault(["dsr", "open", "--type", "access", "--email", "not an address", "--json"])
        let badContactCode = try CLIRunner.json(badContact.stderr)["code"] as? String
        #expect(badContact.status == 1 && badContactCode == "invalid_contact")

        // Once the person has joined, "no data held" would be false.
        let early = try #require(try CLIRunner.json(try cli.vault(["dsr", "open", "--type", "access", "--email", "spaet@example.de", "--json"]).stdout)["request"] as? String)
        #expect(try cli.vault(["member", "enroll", "--field", "email=Spaet@Example.de", "--channel", "web"]).status == 0)
        let joined = try cli.vault(["dsr", "close", early, "--outcome", "no_data_held", "--json"])
        let joinedCode = try CLIRunner.json(joined.stderr)["code"] as? String
        #expect(joined.status == 1 && joinedCode == "member_has_data", "\(joined.stderr)")
        // A value typed without its option is refused without being repeated; a day before the GDPR applied is refused.
        let stray = try cli.vault(["dsr", "open", "--type", "access", "stray.person@example.de"])
        #expect(stray.status == 64 && !stray.stderr.contains("stray.person"), "\(stray.stderr)")
        let ancient = try cli.vault(["dsr", "open", "--type", "access", "--member", member, "--received", "0000-01-01", "--json"])
        let ancientCode = try CLIRunner.json(ancient.stderr)["code"] as? String
        #expect(ancient.status == 1 && ancientCode == "received_before_gdpr")

        // An objection by contact keeps the person out of direct marketing when they sign up later.
        #expect(try cli.vault(["dsr", "open", "--type", "objection", "--phone", "0171 2345678"]).status == 0)
        let signUp = try cli.vault(["member", "enroll", "--field", "email=neu@example.de", "--field", "phone=+49 0171 2345678",
                                    "--consent", "email_marketing", "--channel", "web", "--json"])
        let signUpCode = try CLIRunner.json(signUp.stderr)["code"] as? String
        #expect(signUp.status == 1 && signUpCode == "contact_suppressed", "\(signUp.stderr)")
    }

    @Test("after an erasure, marketing for the same email is refused with a clear answer until the DPO lifts the entry")
    func suppressionList() throws {
        let cli = try CLIRunner()
        try cli.initialize()
        let member = try enroll(cli, "wieder@example.de")
        #expect(try cli.vault(["dsr", "erase", "--member", member, "--yes"]).status == 0)
        let signUp = ["member", "enroll", "--field", "email=wieder@example.de", "--consent", "email_marketing", "--channel", "web"]
        let refused = try cli.vault(signUp)
        #expect(refused.status == 1 && refused.stderr.contains("suppression list") && refused.stderr.contains("suppression lift"), "\(refused.stderr)")
        #expect(!refused.stderr.contains("wieder@"), "the refusal never names the value")
        let code = try CLIRunner.json(try cli.vault(signUp + ["--json"]).stderr)["code"] as? String
        #expect(code == "contact_suppressed")
        let listed = try CLIRunner.json(try cli.vault(["suppression", "list", "--json"]).stdout)["entries"] as? [[String: Any]]
        #expect(listed?.map { $0["field"] as? String } == ["email", "email"] && listed?.allSatisfy { $0["reason"] as? String == "erasure" } == true,
                "one entry under the type, one under the field")
        #expect(try cli.vault(["suppression", "lift", "--email", "wieder@example.de", "--phone", "0171 1"]).status == 64, "one entry at a time")
        #expect(try cli.vault(["suppression", "lift", "--email", "Wieder@Example.de"]).stdout.hasPrefix("Lifted entry"))
        #expect(try cli.vault(signUp).status == 0)
        #expect(try cli.vault(["suppression", "list"]).stdout.contains("empty"))
    }

    @Test("consent show tells one truth in text and JSON: after an objection the legitimate-interest purpose is withdrawn in both")
    func objectionShownAlike() throws {
        let cli = try CLIRunner()
        try cli.initialize()
        let member = try enroll(cli, "widerspruch@example.de")
        #expect(try cli.vault(["dsr", "open", "--type", "objection", "--member", member]).status == 0)
        let text = try cli.vault(["consent", "show", member]).stdout
        #expect(text.contains("analytics: withdrawn (objection to legitimate_interest)") && text.contains("loyalty_account: by contract"), "\(text)")
        let purposes = try #require(try CLIRunner.json(try cli.vault(["consent", "show", member, "--json"]).stdout)["purposes"] as? [[String: Any]])
        let byID = Dictionary(uniqueKeysWithValues: purposes.map { ($0["purpose"] as? String ?? "", $0) })
        #expect(byID["analytics"]?["state"] as? String == "withdrawn" && byID["analytics"]?["in_force"] as? Bool == false)
        #expect(byID["loyalty_account"]?["in_force"] as? Bool == true && byID["birthday_rewards"]?["in_force"] as? Bool == false,
                "an objection also ends direct-marketing consents (Art. 21(3))")
        #expect(byID["email_marketing"]?["in_force"] as? Bool == false)
    }

    @Test("export prints only its path; verify-export catches a changed byte and exits 1")
    func export() throws {
        let cli = try CLIRunner()
        try cli.initialize()
        let member = try enroll(cli, "anna@example.de")
        let out = cli.folder.appendingPathComponent("anna-export").path
        let result = try cli.vault(["dsr", "export", member, "--out", out])
        #expect(result.status == 0 && result.stdout == out + "\n" && result.stderr.isEmpty)
        #expect(try cli.vault(["dsr", "verify-export", out]).status == 0)
        let html = out + "/export.html"
        var bytes = try Data(contentsOf: URL(fileURLWithPath: html))
        bytes[100] ^= 0x20
        try bytes.write(to: URL(fileURLWithPath: html))
        let broken = try cli.vault(["dsr", "verify-export", out])
        #expect(broken.status == 1 && broken.stderr.contains("export.html does not match its checksum"))
        #expect(try cli.vault(["dsr", "export", member, "--out", out]).status == 1, "never overwrites an export")
    }

    @Test("erase needs --yes without a terminal; --dry-run changes nothing; backup, erase, restore keeps the member erased")
    func eraseBackupRestore() throws {
        let cli = try CLIRunner()
        try cli.initialize()
        let anna = try enroll(cli, "anna@example.de")
        let bernd = try enroll(cli, "bernd@example.de")
        let refused = try cli.vault(["dsr", "erase", anna])
        #expect(refused.status == 64 && refused.stderr.contains("pass --yes"))
        let dry = try CLIRunner.json(try cli.vault(["dsr", "erase", anna, "--dry-run", "--json"]).stdout)
        #expect(dry["dry_run"] as? Bool == true && (dry["erased"] as? [String])?.contains("field email") == true)
        #expect(try cli.vault(["member", "find", "--email", "anna@example.de"]).status == 0, "dry run erased nothing")
        let backup = cli.folder.appendingPathComponent("backup.vault").path
        #expect(try cli.vault(["backup", "--out", backup]).status == 0)
        #expect(try cli.vault(["dsr", "erase", anna, "--yes"]).status == 0)
        #expect(try cli.vault(["restore", backup]).status == 64)
        let restore = try cli.vault(["restore", backup, "--yes", "--json"])
        #expect(restore.status == 0, "stderr: \(restore.stderr)")
        #expect(try cli.vault(["member", "find", "--email", "anna@example.de"]).status == 1)
        #expect(try CLIRunner.json(try cli.vault(["member", "list", "--json"]).stdout)["members"] as? [String] == [bernd])
        #expect(FileManager.default.fileExists(atPath: cli.keyPath + ".erasures"), "the journal lives next to the key file")
    }

    @Test("retention run --dry-run prints a summary and changes nothing")
    func retention() throws {
        let cli = try CLIRunner()
        try cli.initialize()
        _ = try enroll(cli, "anna@example.de")
        let before = try Data(contentsOf: URL(fileURLWithPath: cli.vaultPath))
        let dry = try cli.vault(["retention", "run", "--dry-run"])
        #expect(dry.status == 0 && dry.stdout.hasPrefix("Retention dry run (nothing changed):"))
        #expect(dry.stdout.contains("inactive_members: 0 member(s)"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: cli.vaultPath)) == before)
        #expect(try cli.vault(["retention", "run", "--json"]).status == 0)
    }
}
