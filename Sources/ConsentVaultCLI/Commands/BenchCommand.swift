import ConsentVault
import Foundation

/// `consent-vault bench`: measures the vault against a raw SQLite + libsodium baseline.
enum BenchCommand {
    /// The benchmark command.
    static let specs: [CommandSpec] = [
        CommandSpec(path: ["bench"], summary: "Measure the main operations at several vault sizes",
                    options: [OptionSpec(name: .sizes, valueName: "N,N,…", help: "vault sizes in members (default 10000)"),
                              OptionSpec(name: .samples, valueName: "N", help: "timed operations per row (default 1000)"),
                              OptionSpec(name: .policies, valueName: "DIR", help: "policy folder (default: env CONSENT_VAULT_POLICIES, else ./Policies, else the built-in defaults)")],
                    discussion: """
                        Run it from a release build: swift build -c release && .build/release/consent-vault bench --sizes 10000,100000
                        Each row prints throughput, p50 and p99 latency, peak memory, and for enroll and read the
                        ratio to a baseline doing the same SQLite statements and libsodium calls without the vault's logic
                        (import, enroll, read, lookup by email). The vault file's size per member, split by table and index,
                        is printed after the table.
                        Vaults are created in a temporary folder and removed afterwards.
                        """,
                    run: run),
    ]

    private static func run(_ invocation: Invocation) throws {
        _ = try invocation.checkedPositional()
        let sizes = try (invocation.value(.sizes) ?? "10000").split(separator: ",").map { text -> Int in
            guard let size = Int(text), size > 0 else { throw invocation.invalid(.sizes, "must be positive whole numbers separated by commas") }
            return size
        }
        let samples = try invocation.integer(.samples) ?? 1000
        guard samples > 0, sizes.allSatisfy({ $0 >= samples }) else {
            throw invocation.invalid(.samples, "must be positive and at most the smallest size")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("consent-vault-bench-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let policies = try VaultCommands.policies(invocation)
        if !invocation.json {
            Output.line("| operation | members | ops/s | p50 µs | p99 µs | baseline ops/s | vault/baseline | peak MB |")
            Output.line("|---|---:|---:|---:|---:|---:|---:|---:|")
        }
        var sizeLines: [String] = []
        defer { if !invocation.json { for line in sizeLines { Output.line(line) } } }
        try VaultBenchmark.run(sizes: sizes, samples: samples, policies: policies, folder: folder, sized: { members, bytes, tables in
            let imported = max(1, members - samples)
            if invocation.json {
                Output.json(["vault_bytes_per_member": bytes, "members": members,
                             "bytes_per_member_by_table": Dictionary(uniqueKeysWithValues: tables.map { ($0.name, $0.bytes / imported) })])
            }
            sizeLines.append("Vault file at \(members) members: \(bytes) bytes per member (after a checkpoint); by table and index (dbstat):")
            sizeLines.append(tables.filter { $0.bytes / imported > 0 }.map { "\($0.name) \($0.bytes / imported)" }.joined(separator: ", "))
        }) { row in
            if invocation.json {
                var body: [String: Any] = ["operation": row.operation, "members": row.members, "ops_per_second": row.throughput,
                                           "p50_us": row.p50Microseconds, "p99_us": row.p99Microseconds, "peak_mb": row.peakMegabytes]
                if let baseline = row.baselineThroughput { body["baseline_ops_per_second"] = baseline }
                Output.json(body)
            } else {
                Output.line(String(format: "| %@ | %d | %.0f | %.0f | %.0f | %@ | %@ | %.0f |", row.operation as NSString, row.members, row.throughput,
                                   row.p50Microseconds, row.p99Microseconds, (row.baselineThroughput.map { String(format: "%.0f", $0) } ?? "–") as NSString,
                                   (row.ratio.map { String(format: "%.0f%%", $0 * 100) } ?? "–") as NSString, row.peakMegabytes))
            }
            fflush(nil)
        }
    }
}
