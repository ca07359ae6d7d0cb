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

    @Test("build: an unknown slot is an error listing the known ones, withheld attributes say why, the template can come from stdin; demask --strict fails on placeholders left")
    func buildAndStrictDemask() throws {
        let cli = try CLIRunner()
        try cli.initialize()
        let member = try cli.vault(["member", "enroll", "--field", "first_name=Anna", "--field", "clothing_size=m", "--consent", "ai_personalization",
                                    "--channel", "app"]).stdout.trimmingCharacters(in: .newlines)
        let vault = "--vault '\(cli.vaultPath)' --keys '\(cli.keyPath)'"
        let unknown = try cli.shell("echo 'Hallo {{first_name}}, {{lieblingsfarbe}}' | \"$CV\" prompt build --member \(member) --purpose ai_personalization --template - --json \(vault)")
        #expect(unknown.status == 1)
        let problem = try CLIRunner.json(unknown.stderr)
        #expect(problem["code"] as? String == "unknown_slot" && (problem["detail"] as? String ?? "").contains("birth_month"), "\(unknown.stderr)")
        let built = try cli.shell("echo 'Hallo {{first_name}}, Monat {{birth_month|bald}}, Größe {{clothing_size}}' | \"$CV\" prompt build --member \(member) --purpose ai_personalization --template - --json \(vault)")
        let body = try CLIRunner.json(built.stdout)
        #expect((body["text"] as? String ?? "").hasPrefix("Hallo [PERSON_1], Monat bald, Größe"), "\(built.stdout) \(built.stderr)")
        let withheld = body["withheld"] as? [[String: String]] ?? []
        #expect(withheld.contains(["attribute": "birth_month", "reason": "no_data"]), "\(withheld)")
        let session = try #require(body["session"] as? String)
        let strict = try cli.shell("echo 'Hallo [PERSON_1] und [PERSON_7]' | \"$CV\" prompt demask --session \(session) --strict \(vault)")
        #expect(strict.status == 1 && strict.stdout.hasPrefix("Hallo Anna und [PERSON_7]"), "\(strict.stdout)")
        #expect(strict.stderr.contains("[PERSON_7] (never issued by this session)"), "\(strict.stderr)")
        let clean = try cli.shell("echo 'Hallo [PERSON_1]' | \"$CV\" prompt demask --session \(session) --strict \(vault)")
        #expect(clean.status == 0)
    }

    @Test("train-names writes weights from a corpus; without a corpus, with a bad threshold or a bad line it says what is wrong and writes nothing")
    func trainNames() throws {
        let cli = try CLIRunner()
        let corpus = cli.folder.appendingPathComponent("names.jsonl")
        let out = cli.folder.appendingPathComponent("weights.swift")
        try Data(#"{"text": "Hallo Anna Becker, danke", "entities": [{"type": "PERSON", "start": 6, "end": 17}]}"#.utf8).write(to: corpus)
        let trained = try cli.run(["prompt", "train-names", "--corpus", corpus.path, "--epochs", "2", "--out", out.path])
        #expect(trained.status == 0, "\(trained.stderr)")
        let source = try String(contentsOf: out, encoding: .utf8)
        #expect(source.contains("static let nameModelWeightList") && source.contains("nameModelThreshold: Float = 0.0"))
        #expect(trained.stderr.contains("2 words (2 in names) from 1 corpus"), "\(trained.stderr)")
        let none = try cli.run(["prompt", "train-names", "--out", out.path + ".2"])
        #expect(none.status == 64 && none.stderr.contains("--corpus"), "\(none.stderr)")
        let threshold = try cli.run(["prompt", "train-names", "--corpus", corpus.path, "--threshold", "high", "--out", out.path + ".2"])
        #expect(threshold.status == 64 && threshold.stderr.contains("'--threshold' must be a number"), "\(threshold.stderr)")
        try Data("{\"text\": \"Anna\", \"entities\": []}\nnot json\n".utf8).write(to: corpus)
        let bad = try cli.run(["prompt", "train-names", "--corpus", corpus.path, "--out", out.path + ".2"])
        #expect(bad.status == 1 && bad.stderr.contains("names.jsonl") && bad.stderr.contains("line 2"), "\(bad.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path + ".2"))
    }

    @Test("standard input that cannot be read (a directory) and a corpus line that is no example are clear errors, not crashes")
    func unreadableInput() throws {
        let cli = try CLIRunner()
        try cli.initialize()
        let vault = "--vault '\(cli.vaultPath)' --keys '\(cli.keyPath)'"
        let directory = try cli.shell("\"$CV\" prompt redact --purpose ai_personalization \(vault) < '\(cli.folder.path)'")
        #expect(directory.status == 64 && directory.stderr.hasPrefix("Error: standard input cannot be read"), "\(directory.status) \(directory.stderr)")
        let corpus = cli.folder.appendingPathComponent("corpus.jsonl")
        try Data("{\"text\": \"Anna\", \"entities\": []}\nnot json\n".utf8).write(to: corpus)
        let eval = try cli.run(["prompt", "eval", "--corpus", corpus.path, "--policies", CLIRunner.policyDirectory, "--long-text-mb", "0"])
        #expect(eval.status == 1 && eval.stderr.contains("corpus.jsonl") && eval.stderr.contains("line 2") && !eval.stderr.contains("policy files"),
                "\(eval.stderr)")
    }
}
