import Foundation
import Testing

@Suite("consent-vault binary: prompts")
struct PromptCLITests {
    @Test("redact --json shape, demask through stdin, marketing cannot demask, eval runs")
    func prompts() throws {
        let cli = try CLIRunner()
        try cli.initialize()
        let member = try cli.vault(["member", "enroll", "--field", "first_name=Anna", "--field", "email=anna@example.de",
                                    "--consent", "ai_personalization", "--channel", "app"]).stdout.trimmingCharacters(in: .newlines)
        let input = cli.folder.appendingPathComponent("prompt.txt")
        try "Schreib Anna an anna@example.de, Tel. 0171 2345678".write(to: input, atomically: true, encoding: .utf8)
        let redact = try cli.shell("\"$CV\" prompt redact --member \(member) --purpose ai_personalization --json --vault '\(cli.vaultPath)' --keys '\(cli.keyPath)' < '\(input.path)'")
        let body = try CLIRunner.json(redact.stdout)
        #expect(body["text"] as? String == "Schreib [PERSON_1] an [EMAIL_1], Tel. [PHONE_1]")
        let entities = try #require(body["entities"] as? [[String: Any]])
        #expect(entities.map { $0["type"] as? String } == ["PERSON", "EMAIL", "PHONE"])
        #expect(entities[0]["start"] as? Int == 8 && entities[0]["end"] as? Int == 12)
        #expect(!redact.stdout.contains("Anna") && !redact.stdout.contains("anna@"))
        let session = try #require(body["session"] as? String)
        let reply = cli.folder.appendingPathComponent("reply.txt")
        try "Hallo [Person_1]! Mail an [EMAIL_1].".write(to: reply, atomically: true, encoding: .utf8)
        let demask = try cli.shell("\"$CV\" prompt demask --session \(session) --vault '\(cli.vaultPath)' --keys '\(cli.keyPath)' < '\(reply.path)'")
        #expect(demask.stdout == "Hallo Anna! Mail an [EMAIL_1].")
        #expect(demask.stderr.contains("left [EMAIL_1]: not_consented"))
        let token = try cli.vault(["token", "create", "--role", "marketing", "--name", "crm"]).stdout.trimmingCharacters(in: .newlines)
        let refused = try cli.shell("\"$CV\" prompt demask --session \(session) --token \(token) --vault '\(cli.vaultPath)' --keys '\(cli.keyPath)' < '\(reply.path)'")
        #expect(refused.status == 1 && refused.stdout.isEmpty && refused.stderr.hasPrefix("Error: role 'marketing' may not perform prompt.demask"))
        let eval = try cli.run(["prompt", "eval", "--corpus", CLIRunner.policyDirectory + "/../Tests/ConsentVaultTests/Fixtures/redaction-corpus.jsonl",
                                "--policies", CLIRunner.policyDirectory, "--long-text-mb", "0", "--json"])
        #expect(try CLIRunner.json(eval.stdout)["prompts"] as? Int ?? 0 >= 50, "stderr: \(eval.stderr)")
    }
}
