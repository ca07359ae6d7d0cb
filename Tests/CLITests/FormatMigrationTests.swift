@testable import ConsentVault
import Foundation
import Testing

/// A format-1 vault made by the last build of format 1 (`Fixtures/format1`, see its `make.sh`)
/// is migrated by this build; every read `reads.sh` makes must give what it gave before.
@Suite("Storage formats 2 to 5: a format-1 vault migrates in place, resumably, and reads the same")
struct FormatMigrationTests {
    private static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/format1")
    private static let files = ["vault.db", "keys", "keys.erasures", "ids.txt", "imported.txt"]

    /// A copy of the fixture in `cli`'s folder, under `name`.
    private func copyFixture(into cli: CLIRunner, as name: String) throws -> URL {
        let folder = cli.folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for file in Self.files {
            try FileManager.default.copyItem(at: Self.fixture.appendingPathComponent(file), to: folder.appendingPathComponent(file))
            // Git keeps no file modes: the key files get the 0600 a key file must have.
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: folder.appendingPathComponent(file).path)
        }
        return folder
    }

    /// Runs `reads.sh` on `folder` and returns the reads that differ from `expected/`, by file name.
    private func differingReads(_ cli: CLIRunner, _ folder: URL) throws -> [String] {
        let out = folder.appendingPathComponent("got")
        let script = Self.fixture.appendingPathComponent("reads.sh").path
        let run = try cli.shell("bash '\(script)' '\(folder.path)' '\(out.path)'")
        #expect(run.status == 0, "\(run.stderr)")
        let expected = Self.fixture.appendingPathComponent("expected")
        let names = try FileManager.default.contentsOfDirectory(atPath: expected.path).sorted()
        #expect(names.count >= 50, "the reads were recorded")
        return try names.filter { name in
            try Data(contentsOf: expected.appendingPathComponent(name)) != (try? Data(contentsOf: out.appendingPathComponent(name)))
        }
    }

    /// The vault's schema version and whether a migration is under way, read without migrating.
    private func state(of folder: URL) throws -> (version: Int, migrating: Bool) {
        let database = try Database(path: folder.appendingPathComponent("vault.db").path, create: false)
        let version = try Schema.version(of: database)
        let migrating = try database.statement("SELECT count(*) AS value FROM sqlite_schema WHERE name GLOB 'format[0-9]_progress'")
            .scalar(table: "sqlite_schema") == 1
        return (version, migrating)
    }

    @Test("dry run says what it will do and changes nothing; the migration keeps every read, and the old tables' bytes are gone")
    func migrateFixture() throws {
        let cli = try CLIRunner()
        let folder = try copyFixture(into: cli, as: "vault")
        let vaultFile = folder.appendingPathComponent("vault.db").path
        let keys = ["--vault", vaultFile, "--keys", folder.appendingPathComponent("keys").path]
        let before = try Data(contentsOf: URL(fileURLWithPath: vaultFile))

        let dryRun = try cli.run(["vault", "migrate", "--dry-run", "--batch-size", "2", "--json"] + keys)
        #expect(dryRun.status == 0, "\(dryRun.stderr)")
        let plan = try CLIRunner.json(dryRun.stdout)
        // Batches of 2: three steps of 4 members (3 transactions each) and one of 19 audit entries (11).
        #expect(plan["format"] as? Int == 1 && plan["members"] as? Int == 4 && plan["audit_entries"] as? Int == 19
                && plan["transactions"] as? Int == 20, "\(dryRun.stdout)")
        #expect(plan["re_encrypted_values"] as? Int == 0)
        #expect((plan["rows"] as? [String: Int])?["member_fields"] ?? 0 >= 10, "\(dryRun.stdout)")
        let text = try cli.run(["vault", "migrate", "--dry-run"] + keys)
        #expect(text.stdout.contains("storage format 1") && text.stdout.contains("No value is re-encrypted"), "\(text.stdout)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: vaultFile)) == before, "a dry run changes nothing")
        #expect(try state(of: folder).version == Schema.migrations.count)

        let migrated = try cli.run(["vault", "migrate", "--batch-size", "1"] + keys)
        #expect(migrated.status == 0, "\(migrated.stderr)")
        for line in ["format 2: copied 4 of 4 members", "format 3: copied 4 of 4 members", "format 4: copied 4 of 4 members",
                     "format 5: copied 19 of 19 audit entries"] {
            #expect(migrated.stderr.contains(line), "\(migrated.stderr)")
        }
        #expect(try state(of: folder) == (Schema.currentVersion, false))
        #expect(try differingReads(cli, folder).isEmpty)

        // The old tables held the member id in every row; their pages are zeroed, so the id's text is left only
        // where format 2 keeps it (the member row and its index, requests, tokens, restrictions).
        let anna = try String(contentsOf: folder.appendingPathComponent("ids.txt"), encoding: .utf8).split(separator: " ")[0]
        #expect(try cli.run(["checkpoint"] + keys).status == 0)
        func occurrences(in data: Data) -> Int { data.ranges(of: Data(anna.utf8)).count }
        let (was, now) = (occurrences(in: before), occurrences(in: try Data(contentsOf: URL(fileURLWithPath: vaultFile))))
        #expect(now * 3 < was, "the id's text: \(was) times in format 1, \(now) after the migration")
        let database = try Database(path: vaultFile, create: false)
        for table in ["member_fields", "blind_indexes", "consent_events", "events", "points_ledger"] {
            let columns = try database.statement("SELECT name FROM pragma_table_info(?1)").rows([.text(table)], table: "pragma").map { try $0.text("name") }
            #expect(columns.contains("member_key") && !columns.contains("member_id"), "\(table): \(columns)")
        }
        // Format 3: integer timestamps, and no notice hash repeated in an event whose notice row holds it.
        #expect(try database.statement("SELECT count(*) AS value FROM consent_events WHERE notice_sha256 IS NOT NULL OR typeof(recorded_unix) <> 'integer'")
            .scalar(table: "consent_events") == 0)
        #expect(try database.statement("SELECT count(*) AS value FROM consent_events").scalar(table: "consent_events") > 0)
        let again = try cli.run(["vault", "migrate", "--json"] + keys)
        // Format 4: consent events and feed entries name their terms; format 5: so do audit entries, with hashes as bytes.
        #expect(try database.statement("SELECT count(*) AS value FROM consent_events c LEFT JOIN consent_terms t ON t.code = c.terms WHERE t.code IS NULL")
            .scalar(table: "consent_events") == 0)
        #expect(try database.statement("SELECT count(*) AS value FROM events e LEFT JOIN event_terms t ON t.code = e.terms WHERE t.code IS NULL")
            .scalar(table: "events") == 0)
        #expect(try database.statement("SELECT count(*) AS value FROM audit_log WHERE typeof(subject) = 'blob'").scalar(table: "audit_log") > 0)
        #expect(try database.statement("SELECT count(*) AS value FROM audit_log WHERE typeof(subject) = 'text' AND subject NOT IN ('', '#tokens', '#policies', '#requests', '#meta')")
            .scalar(table: "audit_log") == 0)
        #expect(try CLIRunner.json(again.stdout)["format"] as? Int == VaultMigration.Plan.currentFormat, "a second run has nothing to do")
    }

    @Test("a timestamp format 3 cannot hold stops the migration and its dry run before anything is written, naming the table")
    func inexactTimestampChangesNothing() throws {
        let cli = try CLIRunner()
        let folder = try copyFixture(into: cli, as: "vault")
        let vaultFile = folder.appendingPathComponent("vault.db")
        let keys = ["--vault", vaultFile.path, "--keys", folder.appendingPathComponent("keys").path]
        for (round, bad) in ["2026-11-26T11:26:49.5Z", "2026-11-26 11:26:49", "2026-02-30T10:00:00Z"].enumerated() {
            let database = try Database(path: vaultFile.path, create: false)
            try database.statement("UPDATE events SET at = ?1 WHERE seq = (SELECT min(seq) FROM events)").run([.text(bad)])
            try database.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            let before = try Data(contentsOf: vaultFile)
            for command in [["vault", "migrate", "--dry-run"], ["vault", "migrate"], ["member", "list"]] {
                let refused = try cli.run(command + keys)
                #expect(refused.status == 1 && refused.stderr.contains("events") && refused.stderr.contains("whole UTC seconds"),
                        "round \(round), \(command): \(refused.stderr)")
                #expect(try Data(contentsOf: vaultFile) == before, "round \(round), \(command) changed the vault")
            }
            #expect(try state(of: folder) == (Schema.migrations.count, false))
        }
    }

    @Test("another vault's key file is refused before anything is written: the format-1 file stays byte for byte")
    func wrongKeyChangesNothing() throws {
        let cli = try CLIRunner()
        let folder = try copyFixture(into: cli, as: "vault")
        let vaultFile = folder.appendingPathComponent("vault.db")
        #expect(try cli.run(["keygen", "--out", folder.appendingPathComponent("other.keys").path]).status == 0)
        let before = try Data(contentsOf: vaultFile)
        for command in [["member", "list"], ["events"], ["vault", "migrate"], ["vault", "migrate", "--dry-run"]] {
            let refused = try cli.run(command + ["--vault", vaultFile.path, "--keys", folder.appendingPathComponent("other.keys").path])
            #expect(refused.status == 1 && refused.stderr.contains("key id"), "\(command): \(refused.stderr)")
            #expect(try Data(contentsOf: vaultFile) == before, "\(command) changed the vault")
            let wal = try? Data(contentsOf: URL(fileURLWithPath: vaultFile.path + "-wal"))
            #expect(wal?.isEmpty ?? true, "\(command) wrote to the -wal")
        }
        #expect(try state(of: folder) == (Schema.migrations.count, false))

        // After a crash mid-migration (a -wal left behind), a refused key changes neither the file nor its -wal.
        let process = Process()
        process.executableURL = CLIRunner.binary
        process.arguments = ["vault", "migrate", "--batch-size", "1", "--vault", vaultFile.path, "--keys", folder.appendingPathComponent("keys").path]
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        _ = errors.fileHandleForReading.availableData
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let files = [vaultFile, URL(fileURLWithPath: vaultFile.path + "-wal")]
        let crashed = files.map { try? Data(contentsOf: $0) }
        for command in [["member", "list"], ["vault", "migrate"]] {
            let refused = try cli.run(command + ["--vault", vaultFile.path, "--keys", folder.appendingPathComponent("other.keys").path])
            #expect(refused.status == 1, "\(command): \(refused.stderr)")
            #expect(files.map { try? Data(contentsOf: $0) } == crashed, "\(command) changed the crashed vault or its -wal")
        }
    }

    @Test("a migration stopped after batches of every step resumes on the next opening and reads the same")
    func interruptedAtEveryBatch() throws {
        let cli = try CLIRunner()
        // With batches of one: batches 1–4 move the four members to format 2, 5–8 to format 3,
        // 9–12 their events to format 4, and 13–31 the 19 audit entries to format 5.
        let formatOfBatch = { (batch: Int) in batch <= 12 ? (batch - 1) / 4 + 2 : 5 }
        let copiedAtBatch = { (batch: Int) in batch <= 12 ? (batch - 1) % 4 + 1 : batch - 12 }
        for stop in [1, 4, 5, 8, 9, 12, 13, 22, 31] {
            let folder = try copyFixture(into: cli, as: "stop-\(stop)")
            let path = folder.appendingPathComponent("vault.db").path
            let ring = try KeyRing.load(path: folder.appendingPathComponent("keys").path) { nil }
            struct Stopped: Error {}
            #expect(throws: Stopped.self) {
                try VaultMigration.run(at: path, keyRing: ring, batchSize: 1) { format, copied in
                    if format == formatOfBatch(stop) && copied == copiedAtBatch(stop) { throw Stopped() }
                }
            }
            let step = try #require(Schema.formatSteps.first { $0.format == formatOfBatch(stop) })
            #expect(try state(of: folder) == (step.version, true), "stopped after batch \(stop)")
            let plan = try VaultMigration.plan(at: path, keyRing: ring, batchSize: 1)
            #expect(plan.isInterrupted && plan.copied == copiedAtBatch(stop) && plan.format == step.format - 1 && plan.members == 4
                    && plan.auditEntries == 19, "\(plan)")
            #expect(try differingReads(cli, folder).isEmpty, "resumed after batch \(stop)")
            #expect(try state(of: folder) == (Schema.currentVersion, false))
        }
    }

    @Test("SIGKILL at random moments of a migration: the vault always opens, finishes and reads the same")
    func killedMigration() throws {
        let cli = try CLIRunner()
        var interrupted = 0
        for round in 0..<16 {
            let folder = try copyFixture(into: cli, as: "kill-\(round)")
            let process = Process()
            process.executableURL = CLIRunner.binary
            process.arguments = ["vault", "migrate", "--batch-size", "1", "--vault", folder.appendingPathComponent("vault.db").path,
                                 "--keys", folder.appendingPathComponent("keys").path]
            let errors = Pipe()
            process.standardOutput = FileHandle.nullDevice
            process.standardError = errors
            try process.run()
            // Wait for the first committed batch, then kill somewhere in the batches and the swap that follow.
            _ = errors.fileHandleForReading.availableData
            usleep(UInt32.random(in: 0...(round < 8 ? 2_000 : 20_000)))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            // A dry run leaves the file and the -wal the killed run left behind as they were.
            let files = ["vault.db", "vault.db-wal"].map { folder.appendingPathComponent($0) }
            let before = files.map { try? Data(contentsOf: $0) }
            let dryRun = try cli.run(["vault", "migrate", "--dry-run", "--vault", files[0].path, "--keys", folder.appendingPathComponent("keys").path])
            #expect(dryRun.status == 0, "\(dryRun.stderr)")
            #expect(files.map { try? Data(contentsOf: $0) } == before, "round \(round): the dry run changed the vault or its -wal")
            if try state(of: folder).migrating { interrupted += 1 }
            #expect(try differingReads(cli, folder).isEmpty, "round \(round)")
            #expect(try state(of: folder) == (Schema.currentVersion, false), "round \(round)")
        }
        #expect(interrupted > 0, "at least one kill landed inside the migration")
    }
}
