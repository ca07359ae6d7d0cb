import ConsentVault
import Foundation

/// Remembers answers to requests sent with an `Idempotency-Key` (IETF httpapi draft): a retry with
/// the same key and body gets the first answer again; the same key with another body is 422; a
/// retry while the first is still running is 409. Keys expire after 24 hours. Kept in memory: a
/// restart forgets them.
final class IdempotencyStore: @unchecked Sendable {
    private enum Entry {
        case running(bodyHash: String)
        case done(bodyHash: String, response: HTTPResponse, at: Date)
    }

    /// How long a key is remembered.
    static let lifetime: TimeInterval = 24 * 3600
    /// Most keys remembered at once; the oldest finished ones go first.
    static let capacity = 100_000

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]

    /// Runs `work` once per `(scope, key)` and body, as described above.
    func run(scope: String, key: String, body: [UInt8], _ work: () -> HTTPResponse) throws -> HTTPResponse {
        guard !key.isEmpty, key.count <= 255 else {
            throw Problem(status: 400, code: "invalid_idempotency_key", detail: "an Idempotency-Key must be 1 to 255 characters")
        }
        let id = scope + "\u{0}" + key
        let hash = KeyDerivation.sha256Hex(body)
        let start: HTTPResponse? = try lock.withLock {
            purgeExpired()
            switch entries[id] {
            case .running(let other):
                guard other == hash else { throw Self.mismatch }
                throw Problem(status: 409, code: "request_in_progress", detail: "a request with this Idempotency-Key is still running")
            case .done(let other, let response, _):
                guard other == hash else { throw Self.mismatch }
                return response
            case nil:
                entries[id] = .running(bodyHash: hash)
                return nil
            }
        }
        if let start { return start }
        let response = work()
        lock.withLock { entries[id] = .done(bodyHash: hash, response: response, at: Date()) }
        return response
    }

    private static let mismatch = Problem(status: 422, code: "idempotency_key_reused",
                                          detail: "this Idempotency-Key was used with another request body")

    private func purgeExpired() {
        let cutoff = Date().addingTimeInterval(-Self.lifetime)
        if entries.count > Self.capacity || Int.random(in: 0..<100) == 0 {
            entries = entries.filter { if case .done(_, _, let at) = $0.value { return at > cutoff } else { return true } }
        }
    }
}
