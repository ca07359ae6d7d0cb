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
            usleep(UInt32.random(in: 20_000...400_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            for line in printed.split(separator: "\n") {
                guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String], let id = object["member"] else { continue }
                acknowledged[id] = "round \(round)"
            }
            let ring = try KeyRing.load(path: cli.keyPath) { nil }
            let vault = try Vault.open(at: cli.vaultPath, keyRing: ring, erasureJournal: cli.keyPath + ".erasures")
            #expect(try vault.context.database.statement("PRAGMA integrity_check").rows(table: "pragma").first?.text("integrity_check") == "ok")
            for id in acknowledged.keys {
                let fields = try vault.members.decryptFields(of: try MemberID(id))
                #expect(fields["last_name"] == "Müller" && fields["email"]?.hasSuffix("@example.de") == true, "member \(id) of \(acknowledged[id]!)")
            }
            #expect(try vault.audit.verify(as: .localAdministrator).isIntact)
        }
        #expect(acknowledged.count > 0, "the importer acknowledged members before being killed")
    }
}
