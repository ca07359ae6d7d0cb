@testable import ConsentVaultCLI
import Foundation
import Testing

@Suite("consent-vault binary: exit codes, output streams, JSON shapes, help")
struct CLITests {
    @Test("keygen, init, enroll, get, find, set, unset, list: the main job with --json")
    func mainJob() throws {
        let cli = try CLIRunner()
        let keygen = try cli.run(["keygen", "--out", cli.keyPath, "--json"])
        #expect(keygen.status == 0)
        #expect(try CLIRunner.json(keygen.stdout)["key_id"] as? String != nil)
        #expect(try cli.vault(["init", "--policies", CLIRunner.policyDirectory]).status == 0)

        let enroll = try cli.vault(["member", "enroll", "--field", "email=anna@example.de", "--field", "first_name=Anna",
                                    "--field", "phone=0171 2345678", "--channel", "store", "--json"])
        #expect(enroll.status == 0 && enroll.stderr.isEmpty)
        let member = try #require(try CLIRunner.json(enroll.stdout)["member"] as? String)
        #expect(try CLIRunner.json(enroll.stdout).count == 1)

        let get = try cli.vault(["member", "get", member, "--purpose", "loyalty_account", "--json"])
        let body = try CLIRunner.json(get.stdout)
        #expect(body["member"] as? String == member)
        #expect(body["fields"] as? [String: String] == ["email": "anna@example.de", "first_name": "Anna", "phone": "+491712345678"])
        #expect(body["denied"] as? [Any] != nil)

        let text = try cli.vault(["member", "get", member, "--purpose", "loyalty_account", "--field", "first_name"])
        #expect(text.stdout == "first_name: Anna\n")

        let find = try cli.vault(["member", "find", "--email", "ANNA@example.de", "--json"])
        #expect(find.stdout == "{\"member\":\"\(member)\"}\n")
        #expect(try cli.vault(["member", "find", "--phone", "+49 171 2345678"]).stdout == member + "\n")

        #expect(try cli.vault(["member", "set", member, "--field", "clothing_size=l"]).status == 0)
        let size = try cli.vault(["member", "get", member, "--purpose", "personalized_offers", "--field", "clothing_size"])
        #expect(size.stdout.isEmpty && size.stderr == "withheld clothing_size for personalized_offers: no_consent\n")
        #expect(try cli.vault(["consent", "grant", member, "--purpose", "personalized_offers", "--channel", "app"]).status == 0)
        #expect(try cli.vault(["member", "get", member, "--purpose", "personalized_offers", "--field", "clothing_size"]).stdout == "clothing_size: L\n")
        #expect(try cli.vault(["member", "unset", member, "--field", "phone"]).status == 0)
        #expect(try cli.vault(["member", "find", "--phone", "0171 2345678"]).status == 1)

        let list = try cli.vault(["member", "list", "--json"])
        #expect(try CLIRunner.json(list.stdout)["members"] as? [String] == [member])
    }

    @Test("one-letter file names in the working folder: keygen, init and a backup work (Foundation's path split once trapped)")
    func bareFileNames() throws {
        let cli = try CLIRunner()
        #expect(try cli.run(["keygen", "--out", "k"]).status == 0)
        #expect(try cli.run(["init", "--vault", "v", "--keys", "k"]).status == 0)
        let enrolled = try cli.run(["member", "enroll", "--field", "email=a@example.de", "--channel", "app", "--vault", "v", "--keys", "k"])
        #expect(enrolled.status == 0, "\(enrolled.stderr)")
        let backup = try cli.run(["backup", "--out", "b", "--vault", "v", "--keys", "k"])
        #expect(backup.status == 0, "\(backup.stderr)")
    }

    @Test("not found exits 1 with a clear message on stderr and nothing on stdout")
    func notFound() throws {
        let cli = try CLIRunner()
        try cli.initialize()
        let result = try cli.vault(["member", "find", "--email", "nobody@example.de"])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "Error: no member with this email\n")
        #expect(!result.stderr.contains("nobody"))
    }

    @Test("usage errors exit 64 with a hint; runtime errors exit 1; values never appear in errors", arguments: [
        (["member", "get"], Int32(64), "Error: missing argument <id>"),
        (["member", "enroll", "--field", "email=a@example.de"], 64, "Error: missing required option '--channel'"),
        (["member", "enroll", "--field", "email=a@example.de", "--channel", "fax"], 64, "Error: '--channel' must be one of"),
        (["member", "enroll", "--bogus"], 64, "Error: unknown option '--bogus'"),
        (["member", "frobnicate"], 64, "Error: unknown command 'member frobnicate'"),
        (["launch"], 64, "Error: unknown command 'launch'"),
        (["member", "enroll", "--field", "email=geheim.example.de", "--channel", "store"], 1, "Error: invalid value for field 'email'"),
        (["member", "get", "not-a-uuid"], 1, "Error: not a member id"),
        (["member", "get", "1b4e28ba-2fa1-4d3b-a3f5-ef19b5a7633b"], 64, "Error: missing required option '--purpose'"),
        (["member", "get", "1b4e28ba-2fa1-4d3b-a3f5-ef19b5a7633b", "--purpose", "loyalty_account"], 1, "Error: no member with id 1b4e28ba-2fa1-4d3b-a3f5-ef19b5a7633b"),
        (["member", "get", "1b4e28ba-2fa1-4d3b-a3f5-ef19b5a7633b", "--purpose", "spying"], 1, "Error: unknown purpose 'spying'"),
    ])
    func errors(arguments: [String], status: Int32, message: String) throws {
        let cli = try CLIRunner()
        try cli.initialize()
        let result = try cli.vault(arguments)
        #expect(result.status == status)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix(message), "stderr: \(result.stderr)")
        #expect(!result.stderr.contains("geheim"))
    }

    @Test("no vault or key file configured is a usage error that says how to give one")
    func missingConfiguration() throws {
        let cli = try CLIRunner()
        let result = try cli.run(["member", "list"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("pass --vault PATH or set CONSENT_VAULT_PATH"))
        let environment = try cli.run(["member", "list"], environment: ["CONSENT_VAULT_PATH": cli.vaultPath, "CONSENT_VAULT_KEYS": cli.keyPath])
        #expect(environment.status == 1)
        #expect(environment.stderr.contains("key file \(cli.keyPath) does not exist"))
    }

    @Test("a group-readable key file is refused with the chmod to run")
    func keyPermissions() throws {
        let cli = try CLIRunner()
        try cli.initialize()
        chmod(cli.keyPath, 0o640)
        let result = try cli.vault(["member", "list"])
        #expect(result.status == 1)
        #expect(result.stderr == "Error: key file \(cli.keyPath) is accessible by group or others (mode 0640); refusing to use it\nHint: run: chmod 600 \(cli.keyPath)\n")
    }

    @Test("a passphrase-protected key file works from CONSENT_VAULT_PASSPHRASE and refuses a wrong one")
    func passphrase() throws {
        let cli = try CLIRunner()
        let secret = ["CONSENT_VAULT_PASSPHRASE": "lange geheime Phrase"]
        #expect(try cli.run(["keygen", "--out", cli.keyPath, "--passphrase"], environment: secret).status == 0)
        #expect(try cli.run(["init", "--vault", cli.vaultPath, "--keys", cli.keyPath, "--policies", CLIRunner.policyDirectory], environment: secret).status == 0)
        let none = try cli.vault(["member", "list"])
        #expect(none.status == 1 && none.stderr.contains("protected by a passphrase"))
        let wrong = try cli.run(["member", "list", "--vault", cli.vaultPath, "--keys", cli.keyPath], environment: ["CONSENT_VAULT_PASSPHRASE": "falsch"])
        #expect(wrong.status == 1 && wrong.stderr.contains("the passphrase does not open"))
    }

    @Test("keys rotate needs --yes without a terminal, then rotates; retire removes the old version")
    func rotation() throws {
        let cli = try CLIRunner()
        try cli.initialize()
        let member = try cli.vault(["member", "enroll", "--field", "first_name=Anna", "--channel", "app"]).stdout.trimmingCharacters(in: .newlines)
        #expect(try cli.vault(["keys", "rotate"]).status == 64)
        let rotate = try cli.vault(["keys", "rotate", "--yes", "--json"])
        #expect(try CLIRunner.json(rotate.stdout)["active_version"] as? Int == 2)
        #expect(try cli.vault(["keys", "retire", "--version", "1", "--yes"]).status == 0)
        let status = try CLIRunner.json(try cli.vault(["keys", "status", "--json"]).stdout)
        #expect((status["versions"] as? [[String: Any]])?.map { $0["version"] as? Int } == [2])
        #expect(try cli.vault(["member", "get", member, "--purpose", "loyalty_account"]).stdout == "first_name: Anna\n")
    }

    @Test("two processes enrolling into one vault at once lose nothing and never see 'database is locked'")
    func concurrentProcesses() throws {
        let cli = try CLIRunner()
        try cli.initialize()
        let result = try cli.shell("""
            writer() { for i in $(seq 1 25); do "$CV" member enroll --field "email=p$1-$i@example.de" --channel web \\
                --vault '\(cli.vaultPath)' --keys '\(cli.keyPath)' > /dev/null || echo "writer $1 failed at $i" >&2; done; }
            writer 1 & writer 2 & wait
            """)
        #expect(result.stderr.isEmpty, "stderr: \(result.stderr)")
        let list = try CLIRunner.json(try cli.vault(["member", "list", "--json", "--limit", "1000"]).stdout)
        #expect((list["members"] as? [String])?.count == 50)
    }

    @Test("help at every level, and the version")
    func help() throws {
        let cli = try CLIRunner()
        let top = try cli.run(["--help"])
        #expect(top.status == 0)
        #expect(top.stdout.hasPrefix("OVERVIEW: consent-vault keeps loyalty members' personal data in an encrypted SQLite vault.\n\nUSAGE: consent-vault <command> [options]\n"))
        for command in ["init", "keygen", "keys rotate", "member enroll", "member get", "member find", "member list", "demo"] {
            #expect(top.stdout.contains("  \(command) "), "overview lists \(command)")
        }
        let enroll = try cli.run(["member", "enroll", "--help"])
        #expect(enroll.status == 0)
        #expect(enroll.stdout.hasPrefix("""
            OVERVIEW: Enroll a new member with one or more fields

            USAGE: consent-vault member enroll [options]

            All fields and consents are validated first; on any error nothing is stored.
            Prints the new member id.

            OPTIONS:
              --field NAME=VALUE         a field value (repeatable)
              --consent PURPOSE[:FIELD]  a consent given at sign-up (repeatable)
              --channel CHANNEL          store, app, web, callcenter, import, email, letter or phone
            """))
        #expect(try cli.run(["help", "member", "get"]).stdout.contains("USAGE: consent-vault member get <id> [options]"))
        #expect(try cli.run(["member", "-h"]).stdout.contains("USAGE: consent-vault member <command>"))
        #expect(try cli.run(["--version"]).stdout == "0.1.0\n")
        let bare = try cli.run([])
        #expect(bare.status == 64 && bare.stderr.contains("USAGE"))
    }

    @Test("the demo runs end to end and finds no plaintext")
    func demo() throws {
        let cli = try CLIRunner()
        let result = try cli.run(["demo", "--policies", CLIRunner.policyDirectory])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("none of 7 known values occurs in the files"))
    }

    @Test("with --json an error is one problem object on stderr, with the service's code and status and the CLI's hint")
    func problemJSON() throws {
        let cli = try CLIRunner()
        try cli.initialize()
        let missing = try cli.vault(["member", "get", "1b4e28ba-2fa1-4d3b-a3f5-ef19b5a7633b", "--purpose", "loyalty_account", "--json"])
        let problem = try CLIRunner.json(missing.stderr)
        #expect(missing.status == 1 && missing.stdout.isEmpty)
        #expect(problem["code"] as? String == "member_not_found" && problem["status"] as? Int == 404)
        #expect((problem["hint"] as? String)?.contains("member list") == true && problem["type"] as? String != nil)
        let usage = try cli.vault(["member", "get", "--bogus", "--json"])
        let usageProblem = try CLIRunner.json(usage.stderr)
        #expect(usage.status == 64 && usageProblem["code"] as? String == "usage")
        let notFound = try CLIRunner.json(try cli.vault(["member", "find", "--email", "nobody@example.de", "--json"]).stderr)
        #expect(notFound["code"] as? String == "member_not_found" && notFound["status"] as? Int == 404, "as the service's lookup answers")
        let plain = try cli.vault(["member", "get", "1b4e28ba-2fa1-4d3b-a3f5-ef19b5a7633b", "--purpose", "loyalty_account"])
        #expect(plain.stderr.hasPrefix("Error: no member with id"))
    }

    @Test("from a folder without Policies/, demo and init use the built-in set, which is the repository's; a given folder must exist")
    func anyFolder() throws {
        let cli = try CLIRunner()
        let demo = try cli.run(["demo"])
        #expect(demo.status == 0 && demo.stdout.contains("none of 7 known values occurs in the files"), "stderr: \(demo.stderr)")
        _ = try cli.run(["keygen", "--out", cli.keyPath])
        #expect(try cli.vault(["init"]).status == 0)
        let stored = try CLIRunner.json(try cli.vault(["policy", "show", "--json"]).stdout)["hash"] as? String
        let repository = try CLIRunner.json(try cli.run(["policy", "check", CLIRunner.policyDirectory, "--json"]).stdout)["hash"] as? String
        #expect(stored != nil && stored == repository)
        let missing = try cli.vault(["init", "--policies", cli.folder.appendingPathComponent("nowhere").path])
        #expect(missing.status != 0 && missing.stderr.contains("cannot be read"))
    }
}

@Suite("consent-vault binary: member import")
struct ImportCLITests {
    @Test("prints each id after its batch commits, reports bad lines with file and line on stderr, exits 1 if any")
    func importFile() throws {
        let cli = try CLIRunner()
        try cli.initialize()
        let file = cli.folder.appendingPathComponent("members.jsonl")
        try [#"{"fields": {"email": "a@example.de"}}"#, "{oops", #"{"fields": {"email": "b@example.de"}, "consents": [{"purpose": "loyalty_account"}]}"#]
            .joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        let result = try cli.vault(["member", "import", file.path, "--json"])
        #expect(result.status == 1)
        let ids = result.stdout.split(separator: "\n").compactMap { try? CLIRunner.json(String($0))["member"] as? String }
        #expect(ids.count == 2)
        #expect(result.stderr.contains("Error: \(file.path), line 2: not a JSON object"))
        #expect(result.stderr.contains("2 imported, 1 rejected, 3 lines read"))
        #expect(try CLIRunner.json(try cli.vault(["member", "list", "--json"]).stdout)["members"] as? [String] == ids.sorted())
    }

    @Test("a role that may not enrol is refused before the file is opened: no 'cannot open', no wait on a FIFO")
    func refusedBeforeOpening() throws {
        let cli = try CLIRunner()
        try cli.initialize()
        let token = try cli.vault(["token", "create", "--role", "marketing", "--name", "crm"]).stdout.trimmingCharacters(in: .newlines)
        let missing = try cli.vault(["member", "import", cli.folder.appendingPathComponent("absent.jsonl").path, "--token", token])
        #expect(missing.status == 1 && missing.stderr.hasPrefix("Error: role 'marketing' may not perform member.enroll"), "\(missing.stderr)")
        let fifo = cli.folder.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let piped = try cli.vault(["member", "import", fifo, "--token", token])
        #expect(piped.status == 1 && piped.stderr.hasPrefix("Error: role 'marketing' may not perform member.enroll"))
    }

    @Test("a folder given as the import file is an error naming it, and imports nothing")
    func folderRefused() throws {
        let cli = try CLIRunner()
        try cli.initialize()
        let folder = cli.folder.appendingPathComponent("lines")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let result = try cli.vault(["member", "import", folder.path])
        #expect(result.status == 1 && result.stderr.contains("lines: it is a folder"), "\(result.stderr)")
        #expect(try cli.vault(["member", "list"]).stdout.isEmpty)
    }
}

@Suite("consent-vault binary: bench")
struct BenchCLITests {
    @Test("bench prints one row per operation with throughput, latencies, memory and baseline ratios")
    func bench() throws {
        let cli = try CLIRunner()
        let result = try cli.run(["bench", "--sizes", "60", "--samples", "20", "--policies", CLIRunner.policyDirectory, "--json"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let objects = result.stdout.split(separator: "\n").compactMap { try? CLIRunner.json(String($0)) }
        let rows = objects.filter { $0["operation"] != nil }
        #expect(rows.count == 11)
        #expect(rows.allSatisfy { ($0["ops_per_second"] as? Double ?? 0) > 0 && ($0["peak_mb"] as? Double ?? 0) > 0 })
        #expect(rows.filter { $0["baseline_ops_per_second"] != nil }.map { $0["operation"] as? String }
            == ["import", "enroll (5 fields, 3 consents)", "purpose-checked read", "lookup by email"])
        let size = objects.first { $0["vault_bytes_per_member"] != nil }
        #expect((size?["vault_bytes_per_member"] as? Int ?? 0) > 500)
        // The split by table and index adds up to about the file (free pages and the header aside).
        let tables = size?["bytes_per_member_by_table"] as? [String: Int] ?? [:]
        #expect(tables["member_fields"] ?? 0 > 0 && tables["audit_log"] ?? 0 > 0, "\(tables)")
        #expect(tables.values.reduce(0, +) <= (size?["vault_bytes_per_member"] as? Int ?? 0))
    }
}

@Suite("consent-vault argument parser: fuzz corpus replayed")
struct ArgumentCorpusTests {
    @Test("every committed command line from the fuzz corpus resolves without crashing")
    func replay() throws {
        let folder = URL(fileURLWithPath: CLIRunner.policyDirectory).deletingLastPathComponent()
            .appendingPathComponent("Tests/Fuzz/Corpora/cli-arguments")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names.count >= 5)
        for name in names { ArgumentFuzzing.resolve(Array(try Data(contentsOf: folder.appendingPathComponent(name)))) }
    }
}

@Suite("consent-vault member import: progress bar")
struct ImportProgressTests {
    @Test("the bar fills with the share of the file read, and never past either end")
    func bar() {
        let half = MemberCommands.progressBar(done: 1234, bytesRead: 50, of: 100)
        #expect(half == "\r[###############...............]  50 %  1234 imported")
        #expect(MemberCommands.progressBar(done: 0, bytesRead: 0, of: 0).contains("[..............................]   0 %"))
        #expect(MemberCommands.progressBar(done: 9, bytesRead: 150, of: 100).contains("[##############################] 100 %"))
    }
}
