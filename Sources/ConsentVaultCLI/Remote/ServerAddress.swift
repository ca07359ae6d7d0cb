import Foundation

/// Where a running `consent-vault serve` listens, as `--server` (or `CONSENT_VAULT_SERVER`) names it:
/// `unix:/path/to/socket` or `http://IPv4:PORT`. No TLS here: a remote service is reached through a
/// local TLS proxy or an SSH-forwarded socket.
enum ServerAddress: Equatable {
    case unix(path: String)
    case tcp(host: String, port: UInt16)

    /// Parses `text`, or explains what is accepted.
    init(_ text: String) throws(UsageError) {
        if text.hasPrefix("unix:") {
            let path = String(text.dropFirst(5))
            guard path.hasPrefix("/") else { throw Self.invalid("a unix socket needs an absolute path: unix:/run/consent-vault.sock") }
            self = .unix(path: path)
            return
        }
        guard text.hasPrefix("http://") else {
            throw Self.invalid(text.hasPrefix("https://") ? "https is not spoken here; use the unix socket or a local TLS proxy's plain port"
                                                           : "give unix:/path or http://127.0.0.1:PORT")
        }
        let hostAndPort = text.dropFirst(7).split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)[0]
        let parts = hostAndPort.split(separator: ":", omittingEmptySubsequences: false)
        var address = in_addr()
        guard parts.count == 2, inet_pton(AF_INET, String(parts[0]), &address) == 1, let port = UInt16(parts[1]), port > 0 else {
            throw Self.invalid("give http://IPv4:PORT, e.g. http://127.0.0.1:8080 (no host names)")
        }
        self = .tcp(host: String(parts[0]), port: port)
    }

    private static func invalid(_ problem: String) -> UsageError {
        UsageError(description: "'--server' \(problem)", command: [])
    }
}
