import Foundation
import Testing

@Suite("consent-vault binary: conventions a newcomer expects")
struct ConventionsCLITests {
    @Test("global options before the command, suggestions for typos, - for stdin, completion, policy export")
    func conventions() throws {
        let cli = try CLIRunner()
        try cli.initialize()
        let before = try cli.run(["--json", "--vault", cli.vaultPath, "--keys", cli.keyPath, "dsr", "list"])
        let requests = try CLIRunner.json(before.stdout)["requests"]
        #expect(before.status == 0 && requests != nil, "\(before.stderr)")
        let typo = try cli.run(["dsr", "exprot"])
        #expect(typo.status == 64 && typo.stderr.contains("did you mean 'consent-vault dsr export'"), "\(typo.stderr)")
        let option = try cli.vault(["dsr", "erase", "1b4e28ba-2fa1-4d3b-a3f5-ef19b5a7633b", "--dryrun"])
        #expect(option.status == 64 && option.stderr.contains("did you mean '--dry-run'"), "\(option.stderr)")
        let usage = try cli.run(["member", "list", "--bogus", "--json"])
        #expect(usage.status == 64 && !usage.stderr.contains("please report"), "a usage error's hint points to the help: \(usage.stderr)")
        let imported = try cli.shell("""
            printf '%s\\n' '{"fields": {"email": "stdin@example.de"}}' | "$CV" member import - --json --vault '\(cli.vaultPath)' --keys '\(cli.keyPath)'
            """)
        #expect(imported.status == 0 && imported.stdout.contains("\"member\""), "\(imported.stderr)")
        // One convention for a purpose that needs no consent: enrolment, like import, records nothing for it and goes on.
        let contract = try cli.vault(["member", "enroll", "--field", "email=contract@example.de", "--consent", "loyalty_account", "--channel", "web", "--json"])
        let contractBody = try CLIRunner.json(contract.stdout)
        #expect(contract.status == 0 && contractBody["consents"] == nil, "\(contract.stdout) \(contract.stderr)")
        let completion = try cli.run(["completion", "bash"])
        #expect(completion.stdout.contains("complete -F _consent_vault consent-vault") && completion.stdout.contains("--dry-run"))
        #expect(try cli.run(["completion", "fish"]).status == 64)
        let folder = cli.folder.appendingPathComponent("my-policies").path
        #expect(try cli.run(["policy", "export", folder]).status == 0)
        #expect(try cli.run(["policy", "check", folder]).status == 0)
        #expect(try cli.run(["policy", "export", folder]).status == 1, "an existing folder with files is never overwritten")
        // With a vault, the set it runs under: a second edit starts from the first, not from the built-in example.
        let edited = try String(contentsOfFile: folder + "/controller.json", encoding: .utf8).replacingOccurrences(of: "Beispiel Handel GmbH", with: "Modehaus Lange KG")
        try edited.write(toFile: folder + "/controller.json", atomically: true, encoding: .utf8)
        let applied = try cli.vault(["policy", "apply", folder])
        #expect(applied.status == 0 && applied.stderr.contains("example controller contact"), "still example.com addresses: warned")
        let again = cli.folder.appendingPathComponent("again").path
        #expect(try cli.vault(["policy", "export", again]).stdout.contains("the set the vault runs under"))
        #expect(try String(contentsOfFile: again + "/controller.json", encoding: .utf8).contains("Modehaus Lange KG"))
        let shipped = cli.folder.appendingPathComponent("shipped").path
        #expect(try cli.vault(["policy", "export", shipped, "--built-in"]).status == 0)
        #expect(try String(contentsOfFile: shipped + "/controller.json", encoding: .utf8).contains("Beispiel Handel GmbH"))
    }

    @Test("global options between a group and its command; misspelt or single-dash options, a command missing, -h never a value")
    func optionMistakes() throws {
        let cli = try CLIRunner()
        try cli.initialize()
        #expect(try cli.run(["member", "--vault", cli.vaultPath, "--keys", cli.keyPath, "list"]).status == 0)
        for (arguments, message) in [(["member", "--jsno", "list"], "did you mean '--json'?"), (["--versoin"], "did you mean '--version'?"),
                                     (["member", "list", "-json"], "did you mean '--json'?"), (["dsr", "--json"], "'dsr' needs a command"),
                                     (["--json"], "a command is missing"), (["help", "dsr", "exprot"], "did you mean 'consent-vault dsr export'?"),
                                     (["dsr", "extend", "dsr_0011223344ab", "--reason", "-h"], "needs a value TEXT before '-h'")] {
            let result = try cli.run(arguments)
            #expect(result.status == 64 && result.stderr.contains(message), "\(arguments): \(result.stderr)")
        }
    }

    @Test("dsr erase takes the member as <id> or --member; without --yes it shows what would go before refusing to run unattended")
    func eraseConventions() throws {
        let cli = try CLIRunner()
        try cli.initialize()
        let member = try cli.vault(["member", "enroll", "--field", "email=bye@example.de", "--channel", "web"]).stdout.trimmingCharacters(in: .newlines)
        let unattended = try cli.vault(["dsr", "erase", "--member", member])
        #expect(unattended.status == 64 && unattended.stderr.contains("Erasing \(member) would:") && unattended.stderr.contains("erase: "),
                "\(unattended.stderr)")
        #expect(try cli.vault(["dsr", "erase", member, "--member", member, "--yes"]).status == 64, "the member once, not twice")
        #expect(try cli.vault(["dsr", "erase", "--member", member, "--yes"]).status == 0)
        let again = try cli.vault(["dsr", "erase", member, "--yes"])
        #expect(again.status == 1 && again.stderr.contains("erased on"), "\(again.stderr)")
        for preview in [["dsr", "erase", member, "--dry-run"], ["dsr", "erase", member]] {
            let answer = try cli.vault(preview)
            #expect(answer.status == 1 && answer.stderr.contains("erased on") && !answer.stderr.contains("would"), "\(preview): \(answer.stderr)")
        }
    }
}
