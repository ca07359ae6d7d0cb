@testable import ConsentVault
import Foundation
import Testing

@Suite("Crash safety: SIGKILL during import loses nothing acknowledged")
struct CrashSafetyTests {
    @Test("the importer killed at 20 random moments: integrity ok, every printed member present and readable, audit chain intact")
    func killImporter() throws {
        let cli = try CLIRunner()
        try cli.initialize()
        var acknowledged: [String: String] = [:]
        for round in 0..<20 {
            let file = cli.folder.appendingPathComponent("round-\(round).jsonl")
            let lines = (0..<4000).map { #"{"fields": {"email": "r\#(round)-\#($0)@example.de", "last_name": "Müller"}, "consents": [{"purpose": "loyalty_account"}]}"# }
            try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
            let process = Process()
            process.executableURL = CLIRunner.binary
            process.arguments = ["member", "import", file.path, "--batch-size", "25", "--json", "--vault", cli.vaultPath, "--keys", cli.keyPath]
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            // Even rounds kill at a random moment after the start, before or during the first
            // batches; odd rounds wait for the first acknowledgement, so a slow machine, where
            // start-up alone can outlast the delay, still kills mid-import.
            var printedBytes = Data()
            if round % 2 == 1 {
                while !printedBytes.contains(UInt8(ascii: "\n")) {
                    let chunk = output.fileHandleForReading.availableData
                    if chunk.isEmpty { break }
                    printedBytes.append(chunk)
                }
            }
            usleep(UInt32.random(in: 20_000...400_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            printedBytes.append(output.fileHandleForReading.readDataToEndOfFile())
            let printed = String(decoding: printedBytes, as: UTF8.self)
            for line in printed.split(separator: "\n") {
                guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String], let id = object["member"] else { continue }
                acknowledged[id] = "round \(round)"
            }
            let ring = try KeyRing.load(path: cli.keyPath) { nil }
            let vault = try Vault.open(at: cli.vaultPath, keyRing: ring, erasureJournal: cli.keyPath + ".erasures")
            #expect(try vault.context.database.statement("PRAGMA integrity_check").rows(table: "pragma").first?.text("integrity_check") == "ok",
                    "integrity after round \(round)")
            for id in acknowledged.keys {
                let fields = try vault.members.decryptFields(of: try MemberID(id))
                #expect(fields["last_name"] == "Müller" && fields["email"]?.hasSuffix("@example.de") == true, "member \(id) of \(acknowledged[id]!)")
            }
            let audit = try vault.audit.verify(as: .localAdministrator)
            #expect(audit.isIntact, "audit after round \(round): \(audit.problem ?? "") \(audit.tamperedRows)")
        }
        #expect(acknowledged.count > 0, "the importer acknowledged members before being killed")
    }
}
