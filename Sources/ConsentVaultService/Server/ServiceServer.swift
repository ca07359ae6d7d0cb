public import ConsentVault
public import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where and how the service listens, and its limits.
public struct ServiceConfiguration: Sendable {
    /// Unix socket path, if any.
    public var socketPath: String?
    /// TCP port, if any (0 picks one).
    public var loopbackPort: UInt16?
    /// IPv4 address the TCP port is bound to: loopback unless the operator chose otherwise (`--listen-any`).
    public var tcpHost = "127.0.0.1"
    /// Parser limits (header block, body).
    public var limits = HTTPLimits()
    /// Most connections served at once on each listener; more are answered 503 and closed.
    public var maximumConnections = 256
    /// Seconds a request may take from its first byte to its last (a slow client is cut off).
    public var requestTimeout: TimeInterval = 10
    /// Seconds a kept-alive connection may sit idle between requests.
    public var idleTimeout: TimeInterval = 5

    /// A configuration listening nowhere yet.
    public init() {}
}

/// The vault as a service: one process holds the key and the file; clients hold tokens. HTTP/1.1
/// with JSON on the platform's sockets, one thread per connection up to a limit.
public final class ServiceServer: @unchecked Sendable {
    private let router: Router
    private let committer: GroupCommitter
    private let configuration: ServiceConfiguration
    private let lock = NSLock()
    private var isStopping = false
    /// Connections being served, per listener address: each listener has its own budget, so loopback
    /// TCP clients (any local user) cannot take the slots of the group-restricted Unix socket.
    private var active: [String: Int] = [:]
    /// Accept loops still running; `stop` waits for them, so nothing of the server outlives it.
    private var acceptLoops = 0
    private var listeners: [Listener] = []

    /// A server for the vault behind `queue`.
    public init(queue: VaultQueue, configuration: ServiceConfiguration) {
        committer = GroupCommitter(queue: queue)
        router = Router(queue: queue, committer: committer, idempotency: IdempotencyStore(), failedTokens: FailedTokenThrottle())
        self.configuration = configuration
    }

    /// Opens the listeners and returns where they listen (`unix:/path`, `http://127.0.0.1:PORT`).
    public func start() throws -> [String] {
        signal(SIGPIPE, SIG_IGN)
        if let path = configuration.socketPath { listeners.append(try Listener.unix(path: path)) }
        if let port = configuration.loopbackPort { listeners.append(try Listener.tcp(host: configuration.tcpHost, port: port)) }
        guard !listeners.isEmpty else { throw Listener.SetupError(description: "give --socket PATH and/or --listen 127.0.0.1:PORT") }
        committer.start()
        for listener in listeners {
            lock.withLock { acceptLoops += 1 }
            let thread = Thread { [self] in
                acceptLoop(listener)
                lock.withLock { acceptLoops -= 1 }
            }
            thread.start()
        }
        return listeners.map(\.address)
    }

    /// Stops accepting, lets requests in hand finish (at most `grace` seconds), commits, closes everything.
    public func stop(grace: TimeInterval = 10) {
        lock.withLock { isStopping = true }
        let deadline = Date().addingTimeInterval(grace)
        while lock.withLock({ active.values.reduce(0, +) + acceptLoops }) > 0 && Date() < deadline { usleep(20_000) }
        committer.stop()
        for listener in listeners { close(listener.descriptor) }
        if let path = configuration.socketPath { unlink(path) }
    }

    /// Transactions committed for grouped requests so far, and the requests they held.
    public var groupCommits: (transactions: Int, requests: Int) {
        let statistics = committer.statistics
        return (statistics.groups, statistics.requests)
    }

    private var stopping: Bool { lock.withLock { isStopping } }

    private func acceptLoop(_ listener: Listener) {
        while !stopping {
            var descriptors = pollfd(fd: listener.descriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptors, 1, 200) > 0, !stopping else { continue }
            let client = accept(listener.descriptor, nil, nil)
            guard client >= 0 else {
                // Out of descriptors or memory: the connection stays queued; back off instead of spinning on poll.
                if [EMFILE, ENFILE, ENOBUFS, ENOMEM].contains(errno) { usleep(50_000) }
                continue
            }
            let admitted = lock.withLock { () -> Bool in
                guard active[listener.address, default: 0] < configuration.maximumConnections else { return false }
                active[listener.address, default: 0] += 1
                return true
            }
            guard admitted else {
                let busy = Problem(status: 503, code: "too_many_connections", detail: "the service is at its connection limit; retry shortly")
                let bytes = busy.response.encoded(keepAlive: false)
                _ = bytes.withUnsafeBytes { send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                close(client)
                continue
            }
            let connection = Connection(descriptor: client, router: router, configuration: configuration, stopping: { [self] in stopping })
            let thread = Thread { [self] in
                connection.serve()
                lock.withLock { active[listener.address, default: 0] -= 1 }
            }
            thread.stackSize = 512 * 1024
            thread.start()
        }
    }
}
