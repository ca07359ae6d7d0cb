import ConsentVault
import ConsentVaultService
import Foundation

/// The CLI as a client: with `--server` (or `CONSENT_VAULT_SERVER`) a command becomes one request to
/// `consent-vault serve` with the caller's token, and never opens a key or vault file. The answer
/// is printed as the service sends it: the same JSON as the command's `--json` output beside the vault.
enum RemoteRunner {
    /// The server named by `--server` or `CONSENT_VAULT_SERVER`, if any.
    static func server(_ invocation: Invocation) throws -> ServerAddress? {
        guard let text = invocation.value(.server) ?? ProcessInfo.processInfo.environment["CONSENT_VAULT_SERVER"], !text.isEmpty else { return nil }
        do {
            return try ServerAddress(text)
        } catch {
            throw UsageError(description: error.description, command: invocation.spec.path)
        }
    }

    /// Runs `invocation` through the service at `server`.
    static func run(_ invocation: Invocation, on server: ServerAddress) throws {
        let name = invocation.spec.path.joined(separator: " ")
        guard let build = RemoteCalls.builders[name] else {
            throw UsageError(description: "'\(name)' works on the vault and key files themselves and runs only beside them, not through --server",
                             command: invocation.spec.path)
        }
        for option in [OptionName.vault, .keys, .erasureJournal] where invocation.value(option) != nil {
            throw invocation.invalid(option, "cannot be used with --server: the service holds the vault and its key")
        }
        guard let token = invocation.value(.token) ?? ProcessInfo.processInfo.environment["CONSENT_VAULT_TOKEN"], !token.isEmpty else {
            throw UsageError(description: "the service needs a token: pass --token or set CONSENT_VAULT_TOKEN", command: invocation.spec.path)
        }
        let call = try build(invocation)
        let body = try call.body.map { try JSONSerialization.data(withJSONObject: $0, options: [.sortedKeys]) }
        let response: ServiceConnection.Response
        do {
            response = try ServiceConnection.exchange(server, method: call.method, target: call.target, token: token, body: body)
        } catch let failure as ServiceConnection.Failure {
            throw CommandFailure(description: failure.description, code: "service_unreachable", status: 503)
        }
        let object = try? JSONSerialization.jsonObject(with: response.body)
        guard (200..<300).contains(response.status) else { throw problem(response.status, object) }
        guard let answer = object as? [String: Any] else {
            throw CommandFailure(description: "the service's answer is not a JSON object", code: "service_unreachable", status: 502)
        }
        Output.json(try call.deliver?(answer) ?? answer)
    }

    /// The service's problem object as the error to report (same code, detail and hint).
    private static func problem(_ status: Int, _ object: Any?) -> Problem {
        let fields = object as? [String: Any] ?? [:]
        return Problem(status: status, code: printable(fields["code"] as? String ?? "internal"),
                       detail: printable(fields["detail"] as? String ?? "the service answered \(status)"), hint: (fields["hint"] as? String).map(printable))
    }

    /// `text` without control characters, so an answer cannot drive the terminal (escape sequences).
    private static func printable(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.properties.generalCategory != .control }))
    }
}
