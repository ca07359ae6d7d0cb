import Foundation
import Testing

@Suite("consent-vault binary: consent, policy, tokens and audit")
struct ConsentCLITests {
    private func enroll(_ cli: CLIRunner, _ arguments: [String] = []) throws -> String {
        let result = try cli.vault(["member", "enroll", "--field", "email=anna@example.de", "--field", "birthday=1990-12-24",
                                    "--channel", "web", "--json"] + arguments)
        return try #require(try CLIRunner.json(result.stdout)["member"] as? String, "stderr: \(result.stderr)")
    }

    @Test("grant, double opt-in confirm, read with denials, withdraw: --json shapes")
    func consentFlow() throws {
        let cli = try CLIRunner()
        try cli.initialize()
        let member = try enroll(cli)
        let grant = try CLIRunner.json(try cli.vault(["consent", "grant", member, "--purpose", "email_marketing", "--channel", "web", "--json"]).stdout)
        #expect(grant["member"] as? String == member && grant["purpose"] as? String == "email_marketing" && grant["state"] as? String == "pending")
        let token = try #require(grant["token"] as? String)
        let pending = try CLIRunner.json(try cli.vault(["member", "get", member, "--purpose", "email_marketing", "--json"]).stdout)
        #expect((pending["fields"] as? [String: String])?.isEmpty == true)
        #expect(pending["denied"] as? [[String: String]] == [["field": "email", "reason": "pending_double_opt_in"]])
        let reused = try cli.vault(["consent", "confirm", member, "--doi-token", "cvd_not_it"])
        #expect(reused.status == 1 && reused.stderr.hasPrefix("Error: the confirmation token is not valid for this member"))
        let confirm = try CLIRunner.json(try cli.vault(["consent", "confirm", member, "--doi-token", token, "--json"]).stdout)
        #expect(confirm["state"] as? String == "active" && confirm["token"] == nil)
        #expect(try cli.vault(["consent", "confirm", member, "--doi-token", token]).stderr.hasPrefix("Error: the confirmation token was already used"))
        let active = try CLIRunner.json(try cli.vault(["member", "get", member, "--purpose", "email_marketing", "--json"]).stdout)
        #expect(active["fields"] as? [String: String] == ["email": "anna@example.de"])

        let simple = try CLIRunner.json(try cli.vault(["consent", "grant", member, "--purpose", "birthday_rewards", "--channel", "app", "--json"]).stdout)
        #expect(simple["state"] as? String == "active" && simple["token"] == nil)
        #expect(try cli.vault(["consent", "withdraw", member, "--purpose", "birthday_rewards"]).status == 0)
        let after = try CLIRunner.json(try cli.vault(["member", "get", member, "--purpose", "birthday_rewards", "--field", "birthday", "--json"]).stdout)
        #expect(after["denied"] as? [[String: String]] == [["field": "birthday", "reason": "consent_withdrawn"]])

        let show = try CLIRunner.json(try cli.vault(["consent", "show", member, "--json"]).stdout)
        let states = (show["purposes"] as? [[String: Any]])?.reduce(into: [String: String]()) { $0[$1["purpose"] as! String] = $1["state"] as? String }
        #expect(states?["email_marketing"] == "active" && states?["birthday_rewards"] == "withdrawn" && states?["personalized_offers"] == "none")
        let history = try cli.vault(["consent", "history", member])
        #expect(history.stdout.contains("grant email_marketing via web by local-admin notice v1 (de)"))
        #expect(history.stdout.contains("withdraw birthday_rewards"))
    }

    @Test("reading without --purpose is a usage error; enrollment records consents in the same step")
    func enrollWithConsent() throws {
        let cli = try CLIRunner()
        try cli.initialize()
        let result = try cli.vault(["member", "enroll", "--field", "email=anna@example.de", "--consent", "email_marketing",
                                    "--consent", "personalized_offers:clothing_size", "--channel", "store", "--json"])
        let body = try CLIRunner.json(result.stdout)
        let consents = try #require(body["consents"] as? [[String: Any]])
        #expect(consents.map { $0["state"] as? String } == ["pending", "active"])
        #expect(consents[0]["token"] as? String != nil && consents[1]["field"] as? String == "clothing_size")
        let bad = try cli.vault(["member", "enroll", "--field", "email=bernd@example.de", "--consent", "nonsense", "--channel", "store"])
        #expect(bad.status == 1 && bad.stderr.hasPrefix("Error: unknown purpose 'nonsense'"))
        #expect(try CLIRunner.json(try cli.vault(["member", "list", "--json"]).stdout)["members"] as? [String] == [body["member"] as! String])
    }

    @Test("a marketing token reads only under consent and is refused other operations, exit 1")
    func marketingToken() throws {
        let cli = try CLIRunner()
        try cli.initialize()
        let member = try enroll(cli, ["--consent", "birthday_rewards"])
        let token = try cli.vault(["token", "create", "--role", "marketing", "--name", "crm-app"]).stdout.trimmingCharacters(in: .newlines)
        #expect(token.hasPrefix("cvt_"))
        let read = try cli.vault(["member", "get", member, "--purpose", "birthday_rewards", "--token", token])
        #expect(read.stdout == "birthday: 1990-12-24\n")
        let refused = try cli.vault(["member", "get", member, "--purpose", "loyalty_account", "--token", token])
        #expect(refused.status == 1 && refused.stderr.hasPrefix("Error: role 'marketing' may not read member data for purpose 'loyalty_account'"))
        let enroll = try cli.run(["member", "enroll", "--field", "email=x@example.de", "--channel", "web", "--vault", cli.vaultPath, "--keys", cli.keyPath],
                                 environment: ["CONSENT_VAULT_TOKEN": token])
        #expect(enroll.status == 1 && enroll.stderr.hasPrefix("Error: role 'marketing' may not perform member.enroll"))
        let list = try cli.vault(["token", "list", "--json"])
        #expect(!list.stdout.contains(token) && list.stdout.contains("crm-app"))
        #expect(try cli.vault(["token", "revoke", "crm-app"]).status == 0)
        #expect(try cli.vault(["member", "list", "--token", token]).stderr.hasPrefix("Error: the access token is unknown or revoked"))
        let audit = try cli.vault(["audit", "show", "--member", member])
        #expect(audit.stdout.contains("crm-app (marketing) member.read for birthday_rewards fields birthday: ok"))
        #expect(audit.stdout.contains("crm-app (marketing) member.read for loyalty_account: denied"))
    }

    @Test("audit verify, head and --head; a tampered log exits 1 naming the entry")
    func audit() throws {
        let cli = try CLIRunner()
        try cli.initialize()
        _ = try enroll(cli)
        let head = try cli.vault(["audit", "head"]).stdout.trimmingCharacters(in: .newlines)
        #expect(head.hasPrefix("6:"), "the vault sealing itself and anchoring its four tables at init, then the enrolment")
        let verify = try cli.vault(["audit", "verify", "--head", head, "--json"])
        #expect(try CLIRunner.json(verify.stdout)["ok"] as? Bool == true)
        let tampered = try cli.shell("sqlite3 '\(cli.vaultPath)' \"UPDATE audit_log SET at_unix = at_unix + 1 WHERE seq = 1\" 2>&1 || python3 -c \"import sqlite3; c=sqlite3.connect('\(cli.vaultPath)'); c.execute(\\\"UPDATE audit_log SET at_unix = at_unix + 1 WHERE seq = 1\\\"); c.commit()\"")
        #expect(tampered.status == 0, "stderr: \(tampered.stderr)")
        let broken = try cli.vault(["audit", "verify"])
        #expect(broken.status == 1 && broken.stderr.hasPrefix("Error: audit chain broken at entry 1"))
    }

    @Test("policy check reports every problem with file and JSON path and exits 1; show and apply")
    func policy() throws {
        let cli = try CLIRunner()
        let good = try cli.run(["policy", "check", CLIRunner.policyDirectory])
        #expect(good.status == 0 && good.stdout.contains("policy set is valid"))
        let broken = cli.folder.appendingPathComponent("broken")
        try FileManager.default.createDirectory(at: broken, withIntermediateDirectories: true)
        for name in ["fields.json", "purposes.json", "roles.json", "rewards.json", "retention.json"] {
            try FileManager.default.copyItem(atPath: CLIRunner.policyDirectory + "/" + name, toPath: broken.path + "/" + name)
        }
        let purposes = broken.appendingPathComponent("purposes.json")
        let text = try String(contentsOf: purposes, encoding: .utf8)
            .replacingOccurrences(of: "\"lawful_basis\": \"legitimate_interest\"", with: "\"lawful_basis\": \"because\"")
            .replacingOccurrences(of: "\"clothing_size\",\n        \"shoe_size\",\n        \"preferred_store\",\n        \"birthday\"", with: "\"clothing_size\",\n        \"fax\"")
        try text.write(to: purposes, atomically: true, encoding: .utf8)
        let result = try cli.run(["policy", "check", broken.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("purposes.json: $.purposes[5].lawful_basis: unknown lawful basis 'because'"))
        #expect(result.stderr.contains("purposes.json: $.purposes[3].fields[1]: unknown field 'fax'"), "stderr: \(result.stderr)")
        try cli.initialize()
        let show = try CLIRunner.json(try cli.vault(["policy", "show", "--json"]).stdout)
        #expect((show["documents"] as? [[String: Any]])?.count == 7, "five policy files, controller.json and wording.json")
        #expect(try cli.vault(["policy", "apply", broken.path]).status == 1)
        #expect(try cli.vault(["policy", "apply", CLIRunner.policyDirectory]).status == 0)
    }

    @Test("the demo shows consent granted, used, withdrawn and enforced")
    func demo() throws {
        let cli = try CLIRunner()
        let result = try cli.run(["demo", "--policies", CLIRunner.policyDirectory])
        #expect(result.status == 0)
        for line in ["consent email_marketing: pending", "withheld email: pending_double_opt_in", "withheld birthday: consent_withdrawn",
                     "verify-export: intact and signed", "her values are gone from the vault file", "Anna findable: false",
                     "refused: role 'marketing' may not read member data for purpose 'loyalty_account'", "audit verify: intact"] {
            #expect(result.stdout.contains(line), "demo output lacks: \(line)")
        }
    }
}
