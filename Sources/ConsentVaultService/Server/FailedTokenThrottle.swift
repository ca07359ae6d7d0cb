import Foundation

/// Limits how fast wrong tokens are answered 401 and audited: a token bucket of `burst` attempts,
/// refilled at `perSecond`. Beyond it a wrong token gets 429 and is not audited, so a flood of
/// guesses can neither fill the audit log nor try tokens at full speed; right tokens are never
/// slowed down.
final class FailedTokenThrottle: @unchecked Sendable {
    private let lock = NSLock()
    private let burst: Double
    private let perSecond: Double
    private var available: Double
    private var refilledAt = Date()

    /// A throttle allowing `burst` wrong tokens at once and `perSecond` after that.
    init(burst: Int = 20, perSecond: Int = 10) {
        self.burst = Double(burst)
        self.perSecond = Double(perSecond)
        available = Double(burst)
    }

    /// Counts one wrong token; false when the bucket was already empty (answer 429).
    func recordFailure() -> Bool {
        lock.withLock {
            guard refill() >= 1 else { return false }
            available -= 1
            return true
        }
    }

    private func refill() -> Double {
        let now = Date()
        available = min(burst, available + now.timeIntervalSince(refilledAt) * perSecond)
        refilledAt = now
        return available
    }
}
