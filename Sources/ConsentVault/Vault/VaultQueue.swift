public import Foundation

/// A `Sendable` handle on one open vault: every call runs with exclusive use of the vault's single
/// connection, one after another, as GRDB's `DatabaseQueue` does. Share one `VaultQueue` between
/// threads or tasks (a service's request handlers); do not write your own actor around a `Vault`.
///
/// Why it is safe: the `Vault` it holds is reachable only through `sync` and `run`, and both hold
/// `lock` for the whole call, so no two threads ever touch the connection, its cached statements
/// or the key caches at once. Their closures are `@Sendable` and their results `Sendable`, so
/// neither the `Vault` nor one of its (non-Sendable) operation groups can be carried out of the
/// lock. The lock is recursive: a closure may call `sync` on the same queue again.
public final class VaultQueue: @unchecked Sendable {
    private let vault: Vault
    private let lock = NSRecursiveLock()
    private let dispatch = DispatchQueue(label: "consent-vault.queue")

    /// Takes over `vault`; the caller gives up its own reference (`sending`).
    public init(_ vault: sending Vault) {
        self.vault = vault
    }

    /// Opens the vault at `path` (see `Vault.open`) behind a queue; the queue takes over `keyRing`.
    public static func open(at path: String, keyRing: sending KeyRing, erasureJournal: String? = nil,
                            clock: @escaping @Sendable () -> Date = { Date() }) throws -> VaultQueue {
        VaultQueue(try Vault.open(at: path, keyRing: keyRing, erasureJournal: erasureJournal, clock: clock))
    }

    /// Runs `body` on the calling thread with exclusive use of the vault, waiting for any call in
    /// progress. For threads; from async code use `run`, which does not block a cooperative thread.
    public func sync<Result: Sendable>(_ body: @Sendable (Vault) throws -> Result) rethrows -> Result {
        try lock.withLock { try body(vault) }
    }

    /// Group commit: runs `bodies` one after another with exclusive use of the vault inside one
    /// transaction that commits once (one WAL sync for all). Each operation a body runs is a
    /// savepoint of it, so a failing body rolls back only its own writes and gets its own error;
    /// when the commit itself fails, every body gets that error and nothing of the group remains.
    /// Results are durable only when this returns. Operations that must run alone
    /// (`VaultOperation.needsOwnTransaction`) fail in a group with `needs_own_transaction`.
    public func group<Result: Sendable>(_ bodies: [@Sendable (Vault) throws -> Result]) -> [Swift.Result<Result, any Error>] {
        lock.withLock {
            var results: [Swift.Result<Result, any Error>] = []
            results.reserveCapacity(bodies.count)
            do {
                try vault.context.database.groupTransaction {
                    for body in bodies { results.append(Swift.Result { try body(vault) }) }
                }
                return results
            } catch {
                return bodies.map { _ in .failure(error) }
            }
        }
    }

    /// Runs `body` with exclusive use of the vault on the queue's own thread and returns its result.
    public func run<Result: Sendable>(_ body: @escaping @Sendable (Vault) throws -> Result) async throws -> Result {
        try await withCheckedThrowingContinuation { continuation in
            dispatch.async { [self] in
                continuation.resume(with: Swift.Result { try lock.withLock { try body(vault) } })
            }
        }
    }
}
