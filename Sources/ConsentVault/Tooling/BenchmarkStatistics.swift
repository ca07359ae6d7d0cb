import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Latency samples of one benchmarked operation and what they add up to.
package struct BenchmarkRow: Sendable {
    /// Operation name.
    package let operation: String
    /// Vault size (members) it ran at.
    package let members: Int
    /// Operations per second over the whole run.
    package let throughput: Double
    /// Median latency in microseconds.
    package let p50Microseconds: Double
    /// 99th percentile latency in microseconds.
    package let p99Microseconds: Double
    /// Throughput of the baseline (raw SQLite and libsodium calls), if there is one.
    package let baselineThroughput: Double?
    /// Peak resident memory of the process so far, in MB.
    package let peakMegabytes: Double

    /// Vault throughput as a share of the baseline's.
    package var ratio: Double? { baselineThroughput.map { throughput / $0 } }
}

/// Times repeated calls.
enum Stopwatch {
    /// Runs `body` `count` times; returns per-call latencies in seconds and the total.
    static func measure(_ count: Int, _ body: (Int) throws -> Void) rethrows -> (latencies: [Double], total: Double) {
        var latencies: [Double] = []
        latencies.reserveCapacity(count)
        let start = DispatchTime.now().uptimeNanoseconds
        for index in 0..<count {
            let before = DispatchTime.now().uptimeNanoseconds
            try body(index)
            latencies.append(Double(DispatchTime.now().uptimeNanoseconds - before) / 1e9)
        }
        return (latencies, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }

    /// The `fraction` quantile of `values`, in microseconds.
    static func quantile(_ values: [Double], _ fraction: Double) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        return sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * fraction))] * 1e6
    }

    /// Peak resident set size of this process in MB.
    static func peakMegabytes() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }
}
