import Foundation
import Testing

@Suite("consent-vault binary: profiling, rewards and the report")
struct RewardsCLITests {
    @Test("ten processes sending the same share at once earn the points once")
    func concurrentProcesses() throws {
        let cli = try CLIRunner()
        try cli.initialize()
        let member = try cli.vault(["member", "enroll", "--field", "email=anna@example.de", "--channel", "app"]).stdout
            .trimmingCharacters(in: .newlines)
        let result = try cli.shell("""
            for i in $(seq 1 10); do ( for j in 1 2 3 4 5; do "$CV" profile shared \(member) --field birthday=1990-12-24 --consent birthday_rewards \\
                --channel app --json --vault '\(cli.vaultPath)' --keys '\(cli.keyPath)' || echo "failed $i/$j" >&2; done ) & done; wait
            """)
        #expect(result.stderr.isEmpty, "stderr: \(result.stderr)")
        let earned = result.stdout.split(separator: "\n").compactMap { line in
            (try? CLIRunner.json(String(line)))?["awards"] as? [[String: Any]]
        }
        #expect(earned.count == 50)
        #expect(earned.flatMap { $0 }.count == 1, "exactly one of 50 shares earned")
        let balance = try cli.vault(["rewards", "balance", member, "--json"])
        #expect(balance.stdout == "{\"balance\":100,\"member\":\"\(member)\"}\n")
    }

    @Test("profile next, declined, ledger and adjust through the binary")
    func profileCommands() throws {
        let cli = try CLIRunner()
        try cli.initialize()
        let member = try cli.vault(["member", "enroll", "--field", "email=anna@example.de", "--channel", "app"]).stdout
            .trimmingCharacters(in: .newlines)
        let next = try CLIRunner.json(try cli.vault(["profile", "next", member, "--json"]).stdout)
        let ask = try #require(next["ask"] as? [String: Any])
        #expect(ask["field"] as? String == "birthday" && ask["points"] as? Int == 100 && (ask["notice"] as? String)?.isEmpty == false)
        #expect(try cli.vault(["profile", "declined", member, "--field", "birthday", "--channel", "app"]).status == 0)
        #expect(try cli.vault(["profile", "next", member]).stdout.hasPrefix("ask for clothing_size (50 points"))
        let adjust = try cli.vault(["rewards", "adjust", member, "--points", "25", "--reason", "Kulanz", "--json"])
        #expect(try CLIRunner.json(adjust.stdout)["balance"] as? Int == 25)
        let noReason = try cli.vault(["rewards", "adjust", member, "--points", "25"])
        #expect(noReason.status == 64 && noReason.stderr.hasPrefix("Error: missing required option '--reason'"))
        let ledger = try CLIRunner.json(try cli.vault(["rewards", "ledger", member, "--json"]).stdout)
        #expect((ledger["entries"] as? [[String: Any]])?.first?["rule"] as? String == "adjustment")
        let token = try cli.vault(["token", "create", "--role", "marketing", "--name", "crm"]).stdout.trimmingCharacters(in: .newlines)
        let refused = try cli.vault(["rewards", "adjust", member, "--points", "5", "--reason", "x", "--token", token])
        #expect(refused.status == 1 && refused.stderr.hasPrefix("Error: role 'marketing' may not perform rewards.adjust"))
    }

    @Test("the report never prints an id or a value, and marketing may run it")
    func report() throws {
        let cli = try CLIRunner()
        try cli.initialize()
        var members: [String] = []
        for index in 0..<11 {
            let member = try cli.vault(["member", "enroll", "--field", "email=m\(index)@example.de", "--field", "first_name=Zoë",
                                        "--channel", "app"]).stdout.trimmingCharacters(in: .newlines)
            members.append(member)
            _ = try cli.vault(["profile", "shared", member, "--field", "birthday=1985-03-0\(index % 9 + 1)", "--consent", "birthday_rewards", "--channel", "web"])
        }
        let token = try cli.vault(["token", "create", "--role", "marketing", "--name", "crm"]).stdout.trimmingCharacters(in: .newlines)
        for arguments in [["report", "profiling", "--token", token], ["report", "profiling", "--json", "--token", token]] {
            let result = try cli.vault(arguments)
            #expect(result.status == 0, "stderr: \(result.stderr)")
            for secret in members + ["Zoë", "example.de", "1985"] { #expect(!result.stdout.contains(secret)) }
        }
        let text = try cli.vault(["report", "profiling"]).stdout
        #expect(text.contains("members: 11"))
        #expect(text.contains("birthday: shared 11 (100%)"))
        #expect(text.contains("clothing_size: shared 0"))
    }
}
