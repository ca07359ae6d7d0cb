import ConsentVault
import ConsentVaultService
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `consent-vault serve`: the vault as a long-running service on a Unix socket and/or loopback TCP.
enum ServeCommand {
    /// The serve command.
    static let specs: [CommandSpec] = [
        CommandSpec(path: ["serve"], summary: "Serve the vault over HTTP/1.1 + JSON to token holders",
                    options: [OptionSpec(name: .socket, valueName: "PATH", help: "Unix socket (mode 0660; refused in a world-writable folder)"),
                              OptionSpec(name: .listen, valueName: "127.0.0.1:PORT", help: "TCP on loopback (another address only with --listen-any)"),
                              OptionSpec(name: .listenAny, valueName: nil,
                                         help: "allow --listen on a non-loopback IPv4 address: plain HTTP with bearer tokens, only behind a firewall or TLS proxy"),
                              OptionSpec(name: .maxConnections, valueName: "N", help: "connections served at once (default 256)"),
                              OptionSpec(name: .requestTimeout, valueName: "SECONDS", help: "time for one request to arrive (default 10)"),
                              OptionSpec(name: .idleTimeout, valueName: "SECONDS", help: "keep-alive idle time (default 5)")],
                    discussion: """
                        Every route but GET /v1/health and /v1/openapi.json needs Authorization: Bearer <token>; the token's role decides,
                        and the key holder's unrestricted access does not exist over the wire.
                        SIGTERM and SIGINT stop accepting, finish requests in hand and exit 0. SIGHUP reloads nothing: restart to apply
                        new policies or keys. Put Caddy or nginx in front for TLS and remote clients (see README).
                        """,
                    run: serve),
    ]

    private static func serve(_ invocation: Invocation) throws {
        _ = try invocation.checkedPositional()
        guard invocation.value(.token) == nil else {
            throw invocation.invalid(.token, "is not accepted: the service holds the key; its clients send tokens")
        }
        var configuration = ServiceConfiguration()
        configuration.socketPath = invocation.value(.socket)
        if let listen = invocation.value(.listen) {
            let parts = listen.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2, let port = UInt16(parts[1]) else { throw invocation.invalid(.listen, "must be ADDRESS:PORT, e.g. 127.0.0.1:8080") }
            guard parts[0] == "127.0.0.1" || invocation.flag(.listenAny) else {
                throw invocation.invalid(.listen, "must be on 127.0.0.1 (loopback); another address needs --listen-any (plain HTTP: put a TLS proxy in front)")
            }
            configuration.tcpHost = String(parts[0])
            configuration.loopbackPort = port
        }
        guard configuration.socketPath != nil || configuration.loopbackPort != nil else {
            throw UsageError(description: "give --socket PATH and/or --listen 127.0.0.1:PORT", command: invocation.spec.path)
        }
        if let limit = try invocation.integer(.maxConnections) {
            guard limit > 0 else { throw invocation.invalid(.maxConnections, "must be positive") }
            configuration.maximumConnections = limit
        }
        if let seconds = try invocation.integer(.requestTimeout) {
            guard seconds > 0 else { throw invocation.invalid(.requestTimeout, "must be positive") }
            configuration.requestTimeout = TimeInterval(seconds)
        }
        if let seconds = try invocation.integer(.idleTimeout) {
            guard seconds > 0 else { throw invocation.invalid(.idleTimeout, "must be positive") }
            configuration.idleTimeout = TimeInterval(seconds)
        }
        let queue = try VaultQueue.open(at: try invocation.vaultPath(), keyRing: try invocation.loadKeyRing(),
                                        erasureJournal: try invocation.erasureJournalPath())
        let server = ServiceServer(queue: queue, configuration: configuration)
        let stop = DispatchSemaphore(value: 0)
        var sources: [any DispatchSourceSignal] = []
        for signalNumber in [SIGTERM, SIGINT, SIGHUP] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                if signalNumber == SIGHUP {
                    Output.error("SIGHUP: nothing is reloaded; restart the service to apply new policies or keys")
                } else {
                    stop.signal()
                }
            }
            source.resume()
            sources.append(source)
        }
        for address in try server.start() { Output.error("listening on \(address)") }
        stop.wait()
        Output.error("stopping: finishing requests in hand")
        server.stop()
        let commits = server.groupCommits
        Output.error("stopped: \(commits.requests) grouped requests in \(commits.transactions) transactions")
        withExtendedLifetime(sources) {}
    }
}
