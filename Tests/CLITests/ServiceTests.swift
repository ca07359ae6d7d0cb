@testable import ConsentVault
import Foundation
import Testing

/// Starts `consent-vault serve` on a socket in the runner's folder and stops it with SIGTERM.
private final class RunningService: @unchecked Sendable {
    let cli: CLIRunner
    let process = Process()
    let socket: String

    init(_ cli: CLIRunner, maximumConnections: Int = 64) throws {
        self.cli = cli
        socket = cli.folder.appendingPathComponent("s.sock").path
        process.executableURL = CLIRunner.binary
        process.arguments = ["serve", "--socket", socket, "--request-timeout", "2", "--idle-timeout", "2",
                            "--max-connections", String(maximumConnections), "--vault", cli.vaultPath, "--keys", cli.keyPath]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        // A server killed by SIGKILL leaves its socket file behind: wait until a new one answers, not until the file exists.
        try? FileManager.default.removeItem(atPath: socket)
        try process.run()
        // A loaded machine (tests run in parallel on two cores) can take a while; 60 s, then a clear error.
        let deadline = Date().addingTimeInterval(60)
        while (try? ServiceClient(socket: socket))?.request("GET", "/v1/health")?.status != 200 {
            guard Date() < deadline, process.isRunning else { throw StartFailure(socket: socket, running: process.isRunning) }
            usleep(50_000)
        }
    }

    /// The service did not answer on its socket.
    struct StartFailure: Error, CustomStringConvertible {
        let socket: String
        let running: Bool
        var description: String { "consent-vault serve did not answer on \(socket) (\(running ? "still running" : "exited"))" }
    }

    func client() throws -> ServiceClient { try ServiceClient(socket: socket) }

    /// The server's resident memory (VmRSS), in MB.
    func residentMegabytes() -> Int {
        let status = (try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") } ?? ""
        return (Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0) / 1024
    }

    /// SIGTERM, then the exit status.
    func stop() -> Int32 {
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        return process.terminationStatus
    }

    deinit { if process.isRunning { process.terminate() } }
}

@Suite("The service: routes, tokens, roles, errors and abuse, over a real socket")
struct ServiceTests {
    /// A vault with an enrollment and a marketing token.
    private func prepared() throws -> (cli: CLIRunner, enrollment: String, marketing: String) {
        let cli = try CLIRunner()
        try cli.initialize()
        return (cli, try token(cli, "shop", "enrollment"), try token(cli, "crm-app", "marketing"))
    }

    /// A new token of `role`, created with the CLI.
    private func token(_ cli: CLIRunner, _ name: String, _ role: String) throws -> String {
        let created = try cli.vault(["token", "create", "--name", name, "--role", role, "--json"])
        try #require(created.status == 0, "token create: \(created.stderr)")
        return try #require(try CLIRunner.json(created.stdout)["token"] as? String)
    }

    @Test("each route answers with the CLI's JSON shapes; tokens and roles decide; errors carry stable codes")
    func routes() throws {
        let (cli, shop, crm) = try prepared()
        let service = try RunningService(cli)
        let client = try service.client()
        #expect(client.request("GET", "/v1/health")?.body["status"] as? String == "ok")
        let document = client.request("GET", "/v1/openapi.json")
        #expect(document?.status == 200 && document?.body["openapi"] as? String == "3.1.0", "the OpenAPI document needs no token")
        let enrol = #"{"fields": {"email": "anna@example.de", "birthday": "1990-12-24"}, "consents": [{"purpose": "birthday_rewards"}], "channel": "web"}"#
        let created = client.request("POST", "/v1/members", token: shop, json: enrol)
        #expect(created?.status == 201)
        let member = created?.body["member"] as? String ?? ""
        let read = client.request("GET", "/v1/members/\(member)?purpose=birthday_rewards", token: crm)
        #expect(read?.status == 200 && (read?.body["fields"] as? [String: String]) == ["birthday": "1990-12-24"])
        #expect(client.request("POST", "/v1/members/lookup", token: shop, json: #"{"email": "Anna@Example.de"}"#)?.body["member"] as? String == member)
        let patched = client.request("PATCH", "/v1/members/\(member)/fields", token: shop, json: #"{"set": {"clothing_size": "m"}, "unset": ["birthday"]}"#)
        #expect(patched?.status == 200 && patched?.body["unset"] as? [String] == ["birthday"])
        let granted = client.request("POST", "/v1/members/\(member)/consents", token: shop,
                                     json: #"{"action": "grant", "purpose": "email_marketing", "channel": "web"}"#)
        #expect(granted?.body["state"] as? String == "pending")
        let confirmed = client.request("POST", "/v1/consents/confirm", token: shop, json: #"{"token": "\#(granted?.body["token"] as? String ?? "")"}"#)
        #expect(confirmed?.status == 200 && confirmed?.body["state"] as? String == "active")
        // Errors: the status and the stable code.
        let cases: [(ServiceClient.Response?, Int, String)] = [
            (try service.client().request("GET", "/v1/members/\(member)?purpose=email_marketing"), 401, "missing_token"),
            (try service.client().request("GET", "/v1/members/\(member)?purpose=email_marketing", token: "cvt_wrong"), 401, "invalid_token"),
            (try service.client().request("POST", "/v1/members", token: crm, json: enrol), 403, "operation_not_allowed"),
            (try service.client().request("GET", "/v1/members/1b4e28ba-2fa1-4d3b-a3f5-ef19b5a7633b?purpose=email_marketing", token: crm), 404, "member_not_found"),
            (try service.client().request("DELETE", "/v1/members/\(member)", token: shop), 405, "method_not_allowed"),
            (try service.client().request("POST", "/v1/members", token: shop, json: enrol), 409, "duplicate_value"),
            (try service.client().request("POST", "/v1/members", token: shop, json: #"{"fields": {"email": "x"}, "channel": "web"}"#), 422, "invalid_value"),
            (try service.client().request("POST", "/v1/members", token: shop, json: #"{"fields": {"email": "a@b.de", "email": "c@d.de"}, "channel": "web"}"#), 400, "malformed_json"),
            (try service.client().request("GET", "/v1/nothing", token: shop), 404, "not_found"),
            (try service.client().request("POST", "/v1/members", token: shop, json: #"{"fields": {"email": "b@example.de"}, "consent": [{"purpose": "email_marketing"}], "channel": "web"}"#), 422, "unknown_member"),
            (try service.client().request("POST", "/v1/members", token: shop, json: #"{"fields": {"email": "c@example.de"}, "consents": [{"purpose": "email_marketing", "feild": "email"}], "channel": "web"}"#), 422, "unknown_member"),
        ]
        for (response, status, code) in cases {
            #expect(response?.status == status && response?.body["code"] as? String == code, "\(code): \(String(describing: response?.body))")
            #expect(response?.headers["content-type"] == "application/problem+json")
            #expect((response?.body["hint"] as? String)?.isEmpty == false, "\(code) has a hint")
        }
        #expect(try cli.vault(["token", "revoke", "crm-app"]).status == 0)
        #expect(client.request("GET", "/v1/members/\(member)?purpose=email_marketing", token: crm)?.status == 401, "a revoked token stops at once")
        #expect(service.stop() == 0)
        #expect(!FileManager.default.fileExists(atPath: service.socket))
    }

    @Test("programme routes: profiling earns points once, the DPO opens and runs an erasure, prompts are redacted and put back, an admin token manages tokens")
    func programmeRoutes() throws {
        let (cli, shop, crm) = try prepared()
        let (dpo, admin) = (try token(cli, "dpo-desk", "dpo"), try token(cli, "ops", "admin"))
        let service = try RunningService(cli)
        let client = try service.client()
        let enrol = #"{"fields": {"email": "dora@example.de", "first_name": "Dora"}, "consents": [{"purpose": "personalized_offers"}], "channel": "app"}"#
        let member = client.request("POST", "/v1/members", token: shop, json: enrol)?.body["member"] as? String ?? ""
        let next = client.request("GET", "/v1/members/\(member)/profile/next?channel=app", token: shop)
        #expect(next?.status == 200 && next?.body["member"] as? String == member)
        let share = #"{"field": "clothing_size", "value": "m", "purpose": "personalized_offers", "channel": "app"}"#
        let first = client.request("POST", "/v1/members/\(member)/profile/shared", token: shop, json: share)
        let again = client.request("POST", "/v1/members/\(member)/profile/shared", token: shop, json: share)
        #expect(first?.status == 200 && again?.status == 200)
        let rewards = client.request("GET", "/v1/members/\(member)/rewards", token: shop)
        let balance = rewards?.body["balance"] as? Int ?? -1
        #expect(balance > 0, "sharing a field earns points")
        #expect((rewards?.body["entries"] as? [Any])?.count == 1, "a field shared twice earns once")
        // Prompts: the member's name goes out as a placeholder and comes back.
        let redacted = client.request("POST", "/v1/prompts/redact", token: shop,
                                      json: #"{"text": "Schreib Dora (dora@example.de) einen Gruß.", "member": "\#(member)", "purpose": "loyalty_account"}"#)
        let masked = redacted?.body["text"] as? String ?? ""
        #expect(redacted?.status == 200 && !masked.contains("dora@example.de") && !masked.contains("Dora") && !masked.isEmpty, "\(String(describing: redacted?.body))")
        if let session = redacted?.body["session"] as? String {
            let body = try JSONSerialization.data(withJSONObject: ["text": masked, "session": session])
            let restored = client.request("POST", "/v1/prompts/demask", token: shop, json: String(decoding: body, as: UTF8.self))
            // The name is covered by the account; the email is not, so it stays a placeholder.
            #expect(restored?.status == 200 && restored?.body["text"] as? String == "Schreib Dora ([EMAIL_1]) einen Gruß.",
                    "\(String(describing: restored?.body))")
            #expect((restored?.body["left_in_place"] as? [[String: String]])?.first?["reason"] == "not_consented")
        } else {
            Issue.record("a redaction with a member names its session: \(String(describing: redacted?.body))")
        }
        // The DPO: the marketing and enrollment tokens cannot open or run an erasure.
        let open = #"{"type": "erasure", "member": "\#(member)"}"#
        #expect(client.request("POST", "/v1/requests", token: crm, json: open)?.status == 403)
        #expect(client.request("POST", "/v1/members/\(member)/erase", token: shop, json: "{}")?.status == 403)
        let opened = client.request("POST", "/v1/requests", token: dpo, json: open)
        #expect(opened?.status == 201)
        let request = opened?.body["request"] as? String ?? ""
        #expect(client.request("GET", "/v1/requests/\(request)", token: dpo)?.status == 200)
        #expect((client.request("GET", "/v1/requests", token: dpo)?.body["requests"] as? [Any])?.count == 1)
        let erased = client.request("POST", "/v1/members/\(member)/erase", token: dpo, json: #"{"request": "\#(request)"}"#)
        #expect(erased?.status == 200, "\(String(describing: erased?.body))")
        #expect(client.request("GET", "/v1/members/\(member)?purpose=loyalty_account", token: shop)?.status == 404)
        #expect(client.request("GET", "/v1/members/\(member)/rewards", token: shop)?.status == 404)
        // A request from someone who is no member: by contact, answered "no data held"; name the requester once.
        let stranger = client.request("POST", "/v1/requests", token: dpo, json: #"{"type": "access", "email": "fremd@example.de", "channel": "letter"}"#)
        #expect(stranger?.status == 201 && stranger?.body["by_contact"] as? Bool == true && stranger?.body["member"] == nil, "\(String(describing: stranger?.body))")
        let strangerID = stranger?.body["request"] as? String ?? ""
        let answered = client.request("POST", "/v1/requests/\(strangerID)/close", token: dpo, json: #"{"outcome": "no_data_held"}"#)
        #expect(answered?.status == 200 && answered?.body["outcome"] as? String == "no_data_held")
        #expect(client.request("POST", "/v1/requests", token: dpo, json: #"{"type": "access", "email": "a@example.de", "phone": "0171 1234567"}"#)?.status == 422)
        // Tokens: only the admin role manages them; a token created over the wire works at once and stops when revoked.
        #expect(client.request("POST", "/v1/tokens", token: dpo, json: #"{"name": "x", "role": "admin"}"#)?.status == 403)
        let created = client.request("POST", "/v1/tokens", token: admin, json: #"{"name": "pos", "role": "enrollment"}"#)
        let pos = created?.body["token"] as? String ?? ""
        #expect(created?.status == 201 && client.request("POST", "/v1/members/lookup", token: pos, json: #"{"email": "nobody@example.de"}"#)?.status == 404)
        let listed = client.request("GET", "/v1/tokens", token: admin)
        let listing = String(describing: listed?.body ?? [:])
        #expect(listed?.status == 200 && listing.contains("pos") && !listing.contains(pos), "a token list names tokens, never shows one")
        #expect(client.request("POST", "/v1/tokens/pos/revoke", token: admin)?.status == 200)
        #expect(client.request("POST", "/v1/members/lookup", token: pos, json: #"{"email": "nobody@example.de"}"#)?.status == 401)
        #expect(service.stop() == 0)
    }

    @Test("events feed: grants, pending double opt-ins and withdrawals in order, without values; a cursor continues; an erased member leaves no event")
    func eventsFeed() throws {
        let (cli, shop, crm) = try prepared()
        let dpo = try token(cli, "dpo-desk", "dpo")
        let service = try RunningService(cli)
        let client = try service.client()
        let enrol = #"{"fields": {"email": "eva@example.de", "birthday": "1990-12-24"}, "consents": [{"purpose": "birthday_rewards"}], "channel": "web"}"#
        let member = client.request("POST", "/v1/members", token: shop, json: enrol)?.body["member"] as? String ?? ""
        let other = client.request("POST", "/v1/members", token: shop, json: #"{"fields": {"email": "udo@example.de"}, "consents": [{"purpose": "email_marketing"}], "channel": "app"}"#)?.body["member"] as? String ?? ""
        let withdraw = #"{"action": "withdraw", "purpose": "birthday_rewards", "channel": "web"}"#
        #expect(client.request("POST", "/v1/members/\(member)/consents", token: shop, json: withdraw)?.status == 200)
        let first = client.request("GET", "/v1/events?limit=2", token: crm)
        let page = first?.body["events"] as? [[String: Any]] ?? []
        #expect(first?.status == 200 && page.count == 2, "\(String(describing: first?.body))")
        let next = first?.body["next"] as? Int ?? -1
        let rest = client.request("GET", "/v1/events?after=\(next)", token: crm)?.body["events"] as? [[String: Any]] ?? []
        let all = page + rest
        let kinds = all.map { "\($0["kind"] as? String ?? "")/\(($0["member"] as? String) == member ? "a" : "b")/\($0["purpose"] as? String ?? "")" }
        #expect(kinds == ["consent.grant/a/birthday_rewards", "consent.pending/b/email_marketing", "consent.withdraw/a/birthday_rewards"],
                "a grant waiting for double opt-in is pending, not granted: \(kinds)")
        #expect(zip(all, all.dropFirst()).allSatisfy { ($0["seq"] as? Int ?? 0) < ($1["seq"] as? Int ?? 0) })
        let text = String(describing: all)
        #expect(!text.contains("eva@") && !text.contains("udo@") && !text.contains("1990"), "no values in the feed")
        // Erasure without a legal hold leaves no trace: the member's events go too, the others' stay.
        #expect(client.request("POST", "/v1/members/\(member)/erase", token: dpo, json: "{}")?.status == 200)
        let after = client.request("GET", "/v1/events", token: crm)?.body["events"] as? [[String: Any]] ?? []
        #expect(!after.contains { $0["member"] as? String == member })
        #expect(after.contains { $0["member"] as? String == other })
        // Bounds and roles.
        #expect(client.request("GET", "/v1/events?limit=0", token: crm)?.body["code"] as? String == "invalid_limit")
        #expect(client.request("GET", "/v1/events?limit=1001", token: crm)?.body["code"] as? String == "invalid_limit")
        #expect(client.request("GET", "/v1/events?after=-1", token: crm)?.body["code"] as? String == "invalid_cursor")
        #expect(client.request("GET", "/v1/events?after=x", token: crm)?.body["code"] as? String == "invalid_parameter")
        let newest = all.last?["seq"] as? Int ?? 0
        #expect(client.request("GET", "/v1/events?after=\(newest + 100)", token: crm)?.body["code"] as? String == "invalid_cursor",
                "a cursor beyond the newest event would skip the next ones")
        #expect(client.request("GET", "/v1/events?after=9223372036854775807", token: crm)?.body["code"] as? String == "invalid_cursor")
        #expect(client.request("GET", "/v1/events?after=1&after=5", token: crm)?.body["code"] as? String == "invalid_parameter")
        let badChannel = client.request("POST", "/v1/requests", token: dpo, json: #"{"type": "access", "member": "\#(other)", "channel": "fax"}"#)
        #expect(badChannel?.status == 422 && badChannel?.body["code"] as? String == "invalid_channel")
        let admin = try token(cli, "ops", "admin")
        #expect(client.request("GET", "/v1/events", token: admin)?.status == 403)
        #expect(client.request("GET", "/v1/events")?.status == 401)
        #expect(service.stop() == 0)
    }

    @Test("Idempotency-Key: a retry gets the first answer; the same key with another body is 422")
    func idempotency() throws {
        let (cli, shop, _) = try prepared()
        let service = try RunningService(cli)
        let client = try service.client()
        let body = #"{"fields": {"email": "bernd@example.de"}, "channel": "app"}"#
        let first = client.request("POST", "/v1/members", token: shop, json: body, headers: ["Idempotency-Key: k-1"])
        let retry = client.request("POST", "/v1/members", token: shop, json: body, headers: ["Idempotency-Key: k-1"])
        #expect(first?.status == 201 && retry?.status == 201 && first?.body["member"] as? String == retry?.body["member"] as? String)
        let other = client.request("POST", "/v1/members", token: shop, json: #"{"fields": {"email": "carla@example.de"}, "channel": "app"}"#,
                                   headers: ["Idempotency-Key: k-1"])
        #expect(other?.status == 422 && other?.body["code"] as? String == "idempotency_key_reused")
        #expect(try CLIRunner.json(try cli.vault(["member", "list", "--json"]).stdout)["members"] as? [String] == [first?.body["member"] as? String ?? ""])
        _ = service.stop()
    }

    @Test("red-team findings: a client that never reads loses its slot, escaped duplicate keys and loose media types are refused, HEAD has no body, a live socket is not taken over")
    func redTeamFindings() throws {
        let (cli, shop, _) = try prepared()
        let service = try RunningService(cli, maximumConnections: 4)
        // Four clients fill every slot and never read their answers; the request timeout (2 s) frees them.
        let readers = try (0..<4).map { _ in try service.client() }
        DispatchQueue.concurrentPerform(iterations: readers.count) { index in
            _ = readers[index].flood("GET /v1/nowhere HTTP/1.1\r\nHost: v\r\n\r\n", for: 6)
        }
        #expect(try service.client().request("GET", "/v1/health")?.status == 200, "slots held by clients that never read are freed")
        let client = try service.client()
        let escaped = #"{"fields": {"email": "a@example.de", "em\u0061il": "b@example.de"}, "channel": "web"}"#
        #expect(client.request("POST", "/v1/members", token: shop, json: escaped)?.body["code"] as? String == "malformed_json")
        #expect(client.request("POST", "/v1/members/lookup", token: shop, json: #"{"email": "a@example.de",}"#)?.body["code"] as? String == "malformed_json")
        let loose = try service.client()
        loose.send("POST /v1/members/lookup HTTP/1.1\r\nHost: v\r\nAuthorization: Bearer \(shop)\r\nContent-Type: application/jsonx\r\nContent-Length: 2\r\n\r\n{}")
        #expect(loose.receive()?.status == 415)
        let head = try service.client()
        head.send("HEAD /v1/health HTTP/1.1\r\nHost: v\r\n\r\nGET /v1/health HTTP/1.1\r\nHost: v\r\n\r\n")
        #expect(head.receive(toHead: true)?.status == 200, "HEAD works where GET does, without a body")
        #expect(head.receive()?.status == 200, "the next answer starts where the HEAD answer's headers end")
        #expect(try CLIRunner.json(try cli.vault(["member", "list", "--json"]).stdout)["members"] as? [String] == [])
        let second = try cli.vault(["serve", "--socket", service.socket])
        #expect(second.status == 1 && second.stderr.contains("another server is listening"))
        #expect(try service.client().request("GET", "/v1/health")?.status == 200)
        #expect(service.stop() == 0)
    }

    @Test("the CLI as a client: with --server and a token, commands go through the service; no key or vault file is needed, errors keep their codes")
    func cliAsClient() throws {
        let (cli, shop, crm) = try prepared()
        let dpo = try token(cli, "desk", "dpo")
        let service = try RunningService(cli)
        // The key file is gone from where the CLI could find it: only the running service holds the key.
        try FileManager.default.moveItem(atPath: cli.keyPath, toPath: cli.keyPath + ".elsewhere")
        let server = ["CONSENT_VAULT_SERVER": "unix:" + service.socket]
        func client(_ arguments: [String], _ token: String) throws -> CLIRunner.Result {
            try cli.run(arguments, environment: server.merging(["CONSENT_VAULT_TOKEN": token]) { $1 })
        }
        let enrolled = try client(["member", "enroll", "--field", "email=lena@example.de", "--field", "birthday=24.12.1990",
                                   "--consent", "birthday_rewards", "--channel", "web"], shop)
        #expect(enrolled.status == 0, "\(enrolled.stderr)")
        let member = try CLIRunner.json(enrolled.stdout)["member"] as? String ?? ""
        let read = try client(["member", "get", member, "--purpose", "birthday_rewards", "--json"], crm)
        #expect(try CLIRunner.json(read.stdout)["fields"] as? [String: String] == ["birthday": "1990-12-24"])
        let found = try client(["member", "find", "--email", "LENA@example.de"], shop)
        #expect(try CLIRunner.json(found.stdout)["member"] as? String == member)
        #expect(try client(["consent", "withdraw", member, "--purpose", "birthday_rewards"], shop).status == 0)
        let events = try CLIRunner.json(try client(["events", "--after", "0"], crm).stdout)["events"] as? [[String: Any]] ?? []
        #expect(events.map { $0["kind"] as? String ?? "" }.suffix(2) == ["consent.grant", "consent.withdraw"], "\(events)")
        let opened = try client(["dsr", "open", "--type", "access", "--member", member], dpo)
        #expect(try CLIRunner.json(opened.stdout)["type"] as? String == "access", "\(opened.stderr)")
        let request = try CLIRunner.json(opened.stdout)["request"] as? String ?? ""
        let exportFolder = cli.folder.appendingPathComponent("export-\(member.prefix(8))").path
        let exported = try client(["dsr", "export", member, "--out", exportFolder, "--request", request], dpo)
        let exportPath = try CLIRunner.json(exported.stdout)["export"] as? String
        #expect(exported.status == 0 && exportPath == exportFolder, "\(exported.stderr)")
        let exportedFiles = try FileManager.default.contentsOfDirectory(atPath: exportFolder).sorted()
        #expect(exportedFiles == ["export.html", "export.json", "manifest.json", "manifest.sig"])
        // The export answered the request: it is closed as fulfilled, and closing it again is refused.
        let shown = try client(["dsr", "show", request], dpo)
        #expect(try CLIRunner.json(shown.stdout)["outcome"] as? String == "fulfilled", "\(shown.stdout)")
        #expect(try client(["dsr", "close", request, "--outcome", "fulfilled"], dpo).status == 1)
        let history = try CLIRunner.json(try client(["consent", "history", member], dpo).stdout)["events"] as? [[String: Any]] ?? []
        #expect(history.map { $0["event"] as? String ?? "" } == ["grant", "withdraw"])
        let accesses = try CLIRunner.json(try client(["audit", "show", "--member", member], dpo).stdout)["entries"] as? [[String: Any]] ?? []
        #expect(accesses.contains { $0["operation"] as? String == "member.read" && $0["principal"] as? String == "crm-app" })
        #expect(try CLIRunner.json(try client(["member", "list"], dpo).stdout)["members"] as? [String] == [member])
        let preview = try client(["dsr", "erase", member, "--dry-run"], dpo)
        let previewed = try CLIRunner.json(preview.stdout)["dry_run"] as? Bool
        #expect(preview.status == 0 && previewed == true, "\(preview.stdout)")
        // Errors keep the service's status and code; a role stays a role.
        let refused = try client(["dsr", "erase", member, "--yes", "--json"], crm)
        let refusedCode = try CLIRunner.json(refused.stderr)["code"] as? String
        #expect(refused.status == 1 && refusedCode == "operation_not_allowed", "\(refused.stderr)")
        let wrong = try client(["member", "get", member, "--purpose", "birthday_rewards", "--json"], "cvt_wrong")
        #expect((try CLIRunner.json(wrong.stderr)["status"] as? Int) == 401)
        let text = try client(["member", "get", member, "--purpose", "birthday_rewards"], "cvt_wrong")
        #expect(text.status == 1 && text.stderr.hasPrefix("Error: ") && text.stderr.contains("Hint: "), "\(text.stderr)")
        // What works on the files themselves is refused, and --server never mixes with --vault.
        #expect(try client(["keys", "status"], shop).status == 64)
        #expect(try cli.run(["member", "find", "--email", "a@b.de", "--vault", cli.vaultPath], environment: server.merging(["CONSENT_VAULT_TOKEN": shop]) { $1 }).status == 64)
        #expect(try cli.run(["member", "find", "--email", "a@b.de"], environment: server).status == 64, "a token is required")
        let unreachable = try cli.run(["member", "find", "--email", "a@b.de", "--json"],
                                      environment: ["CONSENT_VAULT_SERVER": "unix:" + cli.folder.appendingPathComponent("none.sock").path,
                                                    "CONSENT_VAULT_TOKEN": shop])
        let unreachableCode = try CLIRunner.json(unreachable.stderr)["code"] as? String
        #expect(unreachable.status == 1 && unreachableCode == "service_unreachable")
        #expect(!enrolled.stdout.contains("lena") && !refused.stderr.contains("lena"))
        #expect(service.stop() == 0)
        // The export written by the client is the vault's own: its signature checks beside the vault.
        try FileManager.default.moveItem(atPath: cli.keyPath + ".elsewhere", toPath: cli.keyPath)
        let verified = try cli.vault(["dsr", "verify-export", exportFolder, "--json"])
        #expect(try CLIRunner.json(verified.stdout)["valid"] as? Bool == true, "\(verified.stdout) \(verified.stderr)")
    }

    @Test("each listener has its own connection budget: loopback TCP clients holding every TCP slot do not lock out the Unix socket")
    func listenerBudgets() throws {
        let (cli, shop, _) = try prepared()
        let socket = cli.folder.appendingPathComponent("b.sock").path
        let process = Process()
        process.executableURL = CLIRunner.binary
        process.arguments = ["serve", "--socket", socket, "--listen", "127.0.0.1:0", "--max-connections", "4", "--idle-timeout", "30",
                             "--vault", cli.vaultPath, "--keys", cli.keyPath]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() }; process.waitUntilExit() }
        var port: UInt16?
        var seen = ""
        while port == nil {
            let data = errors.fileHandleForReading.availableData
            guard !data.isEmpty else { break }
            seen += String(decoding: data, as: UTF8.self)
            port = seen.split(separator: "\n").first { $0.contains("http://127.0.0.1:") }.flatMap { UInt16($0.split(separator: ":").last ?? "") }
        }
        let tcpPort = try #require(port, "the server says where it listens: \(seen)")
        let holders = try (0..<4).map { _ in try ServiceClient(loopbackPort: tcpPort) }
        usleep(200_000)
        let fifth = try ServiceClient(loopbackPort: tcpPort)
        #expect(fifth.receive()?.status == 503, "the TCP listener is full")
        let unix = try ServiceClient(socket: socket)
        let answer = unix.request("POST", "/v1/members/lookup", token: shop, json: #"{"email": "a@example.de"}"#)
        #expect(answer?.status == 404, "the Unix socket still serves while TCP is full")
        withExtendedLifetime(holders) {}
    }

    @Test("a flood of wrong tokens: after a burst they get 429 and are no longer audited; a right token is served throughout")
    func wrongTokenFlood() throws {
        let (cli, shop, _) = try prepared()
        let service = try RunningService(cli)
        var statuses: [Int: Int] = [:]
        for index in 0..<200 {
            let guesser = try service.client()
            let status = guesser.request("POST", "/v1/members/lookup", token: "cvt_guess\(index)", json: #"{"email": "a@example.de"}"#)?.status ?? 0
            statuses[status, default: 0] += 1
            if index % 50 == 0 { #expect(guesser.isClosed(within: 2), "a client refused for its token loses its connection") }
        }
        let client = try service.client()
        #expect(statuses[429, default: 0] > 100, "\(statuses)")
        #expect(statuses[401, default: 0] >= 20 && statuses[401, default: 0] < 80, "\(statuses)")
        #expect(statuses.keys.allSatisfy { [401, 429].contains($0) }, "\(statuses)")
        let lookup = client.request("POST", "/v1/members/lookup", token: shop, json: #"{"email": "a@example.de"}"#)
        #expect(lookup?.status == 404, "a right token is answered while wrong ones are throttled")
        #expect(service.stop() == 0)
        let audited = try Database(path: cli.vaultPath, create: false)
            .statement("SELECT count(*) AS value FROM audit_log a JOIN audit_terms t ON t.code = a.terms WHERE t.operation = 'token.use'").scalar(table: "audit_log")
        #expect(audited == statuses[401, default: 0], "each 401 is audited, no 429 is")
    }

    @Test("malformed and oversized requests are refused with the right status and the server keeps serving")
    func malformed() throws {
        let (cli, shop, _) = try prepared()
        let service = try RunningService(cli)
        let cases: [(String, Int)] = [
            ("GET /v1/health HTTP/1.1\r\nHost: v\r\nX-Big: \(String(repeating: "a", count: 17_000))\r\n\r\n", 431),
            ("POST /v1/members HTTP/1.1\r\nHost: v\r\nContent-Length: 2000000\r\n\r\n", 413),
            ("POST /v1/members HTTP/1.1\r\nHost: v\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 411),
            ("POST /v1/members HTTP/1.1\r\nHost: v\r\nContent-Length: 2\r\nContent-Length: 2\r\n\r\n{}", 400),
            ("GET /v1/health HTTP/1.1\r\nHost: v\r\nX-A: a\r\n b\r\n\r\n", 400),
            ("GET /v1/health HTTP/1.1\r\nHost: v\rX: y\r\n\r\n", 400),
            ("GET /v1/health HTTP/1.1\r\n\r\n", 400),
            ("GET /v1/health HTTP/2.0\r\nHost: v\r\n\r\n", 505),
            ("BAD\r\n\r\n", 400),
        ]
        for (raw, status) in cases {
            let client = try service.client()
            client.send(raw)
            #expect(client.receive()?.status == status, "\(raw.prefix(60))")
            #expect(client.isClosed(within: 3))
        }
        // A body cut off in the middle: the connection times out, others are served meanwhile.
        let cut = try service.client()
        cut.send("POST /v1/members HTTP/1.1\r\nHost: v\r\nAuthorization: Bearer \(shop)\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"fie")
        #expect(try service.client().request("GET", "/v1/health")?.status == 200)
        #expect(cut.receive()?.status == 408)
        #expect(try service.client().request("GET", "/v1/health")?.status == 200)
        #expect(service.stop() == 0)
    }

    @Test("a client sending a byte a second is cut off, and up to 1,000 idle connections beyond the limit are turned away, while others are served")
    func slowAndIdleClients() throws {
        let (cli, _, _) = try prepared()
        let service = try RunningService(cli, maximumConnections: 40)
        let slow = try service.client()
        let started = Date()
        DispatchQueue.global().async {
            for byte in Array("GET /v1/health HTTP/1.1\r\nHost: v\r\n\r\n".utf8) { slow.send([byte]); sleep(1) }
        }
        #expect(try service.client().request("GET", "/v1/health")?.status == 200)
        // Cut off long before the 35 bytes would be sent (35 s); the bound leaves room for a loaded machine.
        #expect(slow.receive()?.status == 408 && Date().timeIntervalSince(started) < 12)
        // 1,000 idle connections against a limit of 40: the rest are answered 503 at once, memory stays small.
        var limit = rlimit()
        getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        limit.rlim_cur = min(limit.rlim_max, 4_096)
        setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        // Other tests run in this process at the same time and need descriptors too: leave them 400.
        // A machine whose hard limit is lower than 1,400 gets fewer idle connections, still far beyond 40.
        let count = min(1_000, Int(limit.rlim_cur) - 400)
        try #require(count >= 400, "the test could open only \(count) descriptors (limit \(limit.rlim_cur))")
        var idle: [ServiceClient] = []
        for _ in 0..<count { idle.append(try service.client()) }
        let refused = idle.filter { $0.receive()?.status == 503 }
        #expect(refused.count >= count - 45, "beyond the limit of 40, connections are answered 503 and closed")
        #expect(service.residentMegabytes() < 200, "\(service.residentMegabytes()) MB resident with \(count) connections")
        idle.removeAll()
        sleep(3)
        #expect(try service.client().request("GET", "/v1/health")?.status == 200, "idle connections time out and free their slots")
        #expect(service.stop() == 0)
    }

    @Test("SIGKILL under load at random moments: every enrolment answered 201 is there, the file and the audit chain are sound")
    func killedUnderLoad() throws {
        let (cli, shop, _) = try prepared()
        let acknowledged = Acknowledged()
        for round in 0..<5 {
            let service = try RunningService(cli)
            let group = DispatchGroup()
            for worker in 0..<4 {
                DispatchQueue.global().async(group: group) {
                    guard let client = try? service.client() else { return }
                    for index in 0..<200 {
                        let body = #"{"fields": {"email": "r\#(round)-w\#(worker)-\#(index)@example.de"}, "channel": "app"}"#
                        guard let response = client.request("POST", "/v1/members", token: shop, json: body) else { return }
                        if response.status == 201, let member = response.body["member"] as? String { acknowledged.add(member) }
                    }
                }
            }
            // Kill once this round has had at least ten answers (a loaded machine answers slowly), at a random moment after.
            let before = acknowledged.members.count, deadline = Date().addingTimeInterval(120)
            while acknowledged.members.count < before + 10, Date() < deadline { usleep(10_000) }
            usleep(UInt32.random(in: 0...500_000))
            kill(service.process.processIdentifier, SIGKILL)
            service.process.waitUntilExit()
            group.wait()
        }
        let ring = try KeyRing.load(path: cli.keyPath) { nil }
        let vault = try Vault.open(at: cli.vaultPath, keyRing: ring, erasureJournal: cli.keyPath + ".erasures")
        #expect(try vault.context.database.statement("PRAGMA integrity_check").rows(table: "pragma").first?.text("integrity_check") == "ok")
        #expect(acknowledged.members.count >= 50, "\(acknowledged.members.count) acknowledged")
        for member in acknowledged.members { #expect(try vault.members.decryptFields(of: try MemberID(member))["email"] != nil) }
        #expect(try vault.audit.verify(as: .localAdministrator).isIntact)
    }
}

/// Member ids answered 201, collected from several threads.
private final class Acknowledged: @unchecked Sendable {
    private let lock = NSLock()
    private var ids: [String] = []
    func add(_ id: String) { lock.withLock { ids.append(id) } }
    var members: [String] { lock.withLock { ids } }
}
