package import Foundation

/// `consent-vault bench`: the vault's main operations at several sizes, next to a baseline that
/// issues the same SQLite statements and libsodium calls without the vault's logic.
package enum VaultBenchmark {
    /// Runs every operation at each of `sizes` members in vaults under `folder`; `report` gets
    /// each row as soon as it is measured, `sized` the vault file's bytes per member after the fill
    /// and how they split over tables and indexes (SQLite's `dbstat`), largest first.
    package static func run(sizes: [Int], samples: Int, policies: PolicySet, folder: URL, sized: (Int, Int, [(name: String, bytes: Int)]) -> Void,
                           report: (BenchmarkRow) -> Void) throws {
        for size in sizes {
            let path = folder.appendingPathComponent("bench-\(size).vault").path
            let ring = try KeyRing.generate()
            let vault = try Vault.create(at: path, keyRing: ring, policies: policies)
            let admin = Principal.localAdministrator
            // Fill with the benchmark's member shape: 5 fields and 3 consents.
            func fields(_ index: Int) -> [FieldInput] {
                [FieldInput("email", "m\(index)@example.de"), FieldInput("first_name", "Anna"), FieldInput("last_name", "Müller"),
                 FieldInput("phone", "+49171\(1_000_000 + index)"), FieldInput("birthday", "1990-12-24")]
            }
            let consents = [ConsentRequest(purpose: "birthday_rewards"), ConsentRequest(purpose: "personalized_offers"), ConsentRequest(purpose: "ai_personalization")]
            // The import reads a file of JSON lines, as `member import FILE` does; writing that file is not timed.
            let imported = max(0, size - samples)
            let importFile = folder.appendingPathComponent("bench-\(size).jsonl").path
            try writeImportFile(importFile, count: imported, fields: fields, consents: consents)
            defer { try? FileManager.default.removeItem(atPath: importFile) }
            guard let lines = ImportLineReader(descriptor: open(importFile, O_RDONLY | O_CLOEXEC)) else { throw CocoaError(.fileReadUnknown) }
            let fill = try Stopwatch.measure(1) { _ in
                _ = try vault.members.importMembers(nextLine: lines.next, as: admin, committed: { _ in }, rejected: { _ in })
            }
            try vault.checkpoint()
            let fileBytes = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            sized(size, imported > 0 ? fileBytes / imported : 0, try storageBreakdown(vault))
            // The import baseline writes its own members after the fill (at most 10,000), so the file size above is the vault's alone.
            let baselineCount = min(imported, 10_000)
            let importBaseline = baselineCount == 0 ? nil
                : try BenchmarkBaselines.importMembers(vault, fields: { fields(2 * size + $0) }, consents: consents, count: baselineCount, batchSize: MemberOperations.bulkBatchSize)
            report(row("import", size, count: imported, fill, baseline: importBaseline))

            var enrolled: [MemberID] = []
            let enroll = try Stopwatch.measure(samples) { index in
                enrolled.append(try vault.members.enroll(fields(size + index), consents: consents, channel: .app, as: admin).member)
            }
            report(row("enroll (5 fields, 3 consents)", size, count: samples, enroll,
                       baseline: try BenchmarkBaselines.enroll(vault, fields: { fields(size + samples + $0) }, consents: consents, count: samples)))
            let read = try Stopwatch.measure(samples) { index in
                _ = try vault.members.read(enrolled[index], purpose: "birthday_rewards", fields: ["birthday"], as: admin)
            }
            report(row("purpose-checked read", size, count: samples, read, baseline: try BenchmarkBaselines.read(vault, members: enrolled, field: "birthday")))
            let emails = (0..<samples).map { "m\(size + $0)@example.de" }
            let lookup = try Stopwatch.measure(samples) { index in _ = try vault.members.find("email", equals: emails[index], as: admin) }
            report(row("lookup by email", size, count: samples, lookup, baseline: try BenchmarkBaselines.lookup(vault, emails: emails)))
            let consent = try Stopwatch.measure(samples) { index in
                try vault.consents.withdraw(ConsentRequest(purpose: "ai_personalization"), for: enrolled[index], as: admin)
                _ = try vault.consents.grant(ConsentRequest(purpose: "ai_personalization"), for: enrolled[index], channel: .app, as: admin)
            }
            report(row("consent withdraw + grant", size, count: samples, consent, baseline: nil))
            let share = try Stopwatch.measure(samples) { index in
                _ = try vault.profiles.share("clothing_size", value: "M", for: enrolled[index], purpose: "personalized_offers", channel: .app, as: admin)
            }
            report(row("profile share with reward", size, count: samples, share, baseline: nil))
            let exportCount = min(samples, 50)
            let export = try Stopwatch.measure(exportCount) { index in
                try vault.requests.export(enrolled[index], to: folder.appendingPathComponent("export-\(size)-\(index)").path, as: admin)
            }
            report(row("export of one member", size, count: exportCount, export, baseline: nil))
            let eraseCount = min(samples, 50)
            let erase = try Stopwatch.measure(eraseCount) { index in _ = try vault.requests.erase(enrolled[samples - 1 - index], as: admin) }
            report(row("erasure of one member", size, count: eraseCount, erase, baseline: nil))
            let prompt = String(repeating: "Hallo Anna Müller, ruf 0171 2345678 an. ", count: 5)
            // The name lexicons are parsed on the first redaction of a process: timed on its own, once.
            let startUp = Stopwatch.measure(1) { _ in _ = Redactor(knownValues: [:], memberNumberPattern: nil).detect(prompt) }
            report(row("redactor start-up (lexicons, first prompt)", size, count: 1, startUp, baseline: nil))
            let redact = Stopwatch.measure(samples) { _ in _ = Redactor(knownValues: [:], memberNumberPattern: nil).detect(prompt) }
            report(row("redaction of a 200-byte prompt", size, count: samples, redact, baseline: nil))
            let megabytePrompt = String(repeating: prompt, count: 1_048_576 / prompt.utf8.count)
            let redactLong = Stopwatch.measure(5) { _ in _ = Redactor(knownValues: [:], memberNumberPattern: nil).detect(megabytePrompt) }
            report(row("redaction of a 1 MB prompt", size, count: 5, redactLong, baseline: nil))
            for suffix in ["", "-wal", "-shm", ".erasures"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
    }

    /// Bytes in each table and index, largest first.
    /// Writes `count` import lines (`{"fields": {…}, "consents": [{"purpose": …}]}`) to `path`, a megabyte at a time.
    private static func writeImportFile(_ path: String, count: Int, fields: (Int) -> [FieldInput], consents: [ConsentRequest]) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw CocoaError(.fileWriteUnknown)
        }
        defer { try? handle.close() }
        var chunk = Data()
        for index in 0..<count {
            let object: [String: Any] = ["fields": Dictionary(uniqueKeysWithValues: fields(index).map { ($0.name, $0.value) }),
                                         "consents": consents.map { ["purpose": $0.purpose] }]
            chunk.append(try JSONSerialization.data(withJSONObject: object))
            chunk.append(0x0A)
            if chunk.count >= 1 << 20 {
                try handle.write(contentsOf: chunk)
                chunk.removeAll(keepingCapacity: true)
            }
        }
        try handle.write(contentsOf: chunk)
    }

    private static func storageBreakdown(_ vault: Vault) throws -> [(name: String, bytes: Int)] {
        try vault.context.database.statement("SELECT name, SUM(pgsize) AS bytes FROM dbstat GROUP BY name ORDER BY bytes DESC, name")
            .rows(table: "dbstat").map { (try $0.text("name"), try $0.integer("bytes")) }
    }

    private static func row(_ name: String, _ size: Int, count: Int, _ measured: (latencies: [Double], total: Double), baseline: Double?) -> BenchmarkRow {
        BenchmarkRow(operation: name, members: size, throughput: Double(count) / max(measured.total, 1e-9),
                     p50Microseconds: Stopwatch.quantile(measured.latencies, 0.5), p99Microseconds: Stopwatch.quantile(measured.latencies, 0.99),
                     baselineThroughput: baseline, peakMegabytes: Stopwatch.peakMegabytes())
    }
}
