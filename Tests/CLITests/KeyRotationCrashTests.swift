@testable import ConsentVault
import Foundation
import Testing

@Suite("Key rotation under attack: parallel rotations and SIGKILL never lose a member key")
struct KeyRotationCrashTests {
    /// A vault with `count` members imported through the CLI; returns their ids.
    private func populated(_ cli: CLIRunner, count: Int) throws -> [String] {
        try cli.initialize()
        let file = cli.folder.appendingPathComponent("members.jsonl")
        try (0..<count).map { #"{"fields": {"email": "k\#($0)@example.de", "last_name": "Krause"}}"# }.joined(separator: "\n")
            .write(to: file, atomically: true, encoding: .utf8)
        let imported = try cli.vault(["member", "import", file.path, "--json"])
        let members = imported.stdout.split(separator: "\n").compactMap { try? CLIRunner.json(String($0))["member"] as? String }
        #expect(members.count == count, "import: \(imported.stderr)")
        return members
    }

    /// Opens the vault with the key file as it is on disk and reads every member.
    private func expectEveryMemberReadable(_ cli: CLIRunner, _ members: [String], _ context: String) throws {
        let ring = try KeyRing.load(path: cli.keyPath) { nil }
        let vault = try Vault.open(at: cli.vaultPath, keyRing: ring, erasureJournal: cli.keyPath + ".erasures")
        for id in members {
            #expect(try vault.members.decryptFields(of: try MemberID(id))["last_name"] == "Krause", "\(context): member \(id)")
        }
    }

    /// Starts `keys rotate --yes` without waiting for it.
    private func startRotation(_ cli: CLIRunner, batchSize: Int) throws -> Process {
        let process = Process()
        process.executableURL = CLIRunner.binary
        process.arguments = ["keys", "rotate", "--yes", "--batch-size", String(batchSize), "--vault", cli.vaultPath, "--keys", cli.keyPath]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    @Test("two rotations started together: one wins, the other is refused, the vault always opens and reads")
    func parallelRotations() throws {
        let cli = try CLIRunner()
        let members = try populated(cli, count: 300)
        for round in 0..<6 {
            let first = try startRotation(cli, batchSize: 20)
            let second = try startRotation(cli, batchSize: 20)
            first.waitUntilExit()
            second.waitUntilExit()
            #expect([first.terminationStatus, second.terminationStatus].contains(0), "round \(round): one rotation finishes")
            try expectEveryMemberReadable(cli, members, "round \(round)")
        }
        let status = try cli.vault(["keys", "status", "--json"])
        #expect(status.status == 0, "\(status.stderr)")
    }

    @Test("a rotation killed at 12 random moments: the vault always opens and reads, and a later rotation completes")
    func killedRotations() throws {
        let cli = try CLIRunner()
        let members = try populated(cli, count: 400)
        for round in 0..<12 {
            let rotation = try startRotation(cli, batchSize: 10)
            usleep(UInt32.random(in: 5_000...250_000))
            kill(rotation.processIdentifier, SIGKILL)
            rotation.waitUntilExit()
            try expectEveryMemberReadable(cli, members, "after kill \(round)")
        }
        let finish = try cli.vault(["keys", "rotate", "--yes", "--json"])
        #expect(finish.status == 0, "\(finish.stderr)")
        #expect(try CLIRunner.json(finish.stdout)["remaining"] as? Int == 0)
        try expectEveryMemberReadable(cli, members, "after the final rotation")
    }
}
