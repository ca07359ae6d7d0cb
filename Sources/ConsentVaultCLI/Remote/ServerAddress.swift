import Foundation

/// Where a running `consent-vault serve` listens, as `--server` (or `CONSENT_VAULT_SERVER`) names it:
/// `unix:/path/to/socket` or `http://127.x.x.x:PORT` (loopback only: no TLS here, so a remote service
/// is reached through an SSH-forwarded socket or port).
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
            throw Self.invalid("give http://127.0.0.1:PORT (no host names)")
        }
        // The token and personal data travel in plain HTTP: only on this machine's loopback.
        guard parts[0].hasPrefix("127.") else {
            throw Self.invalid("must be on 127.0.0.0/8: plain HTTP carries the token; reach a remote service through an SSH-forwarded socket")
        }
        self = .tcp(host: String(parts[0]), port: port)
    }

    private static func invalid(_ problem: String) -> UsageError {
        UsageError(description: "'--server' \(problem)", command: [])
    }
}
