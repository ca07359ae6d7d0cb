import ConsentVault
import Foundation

/// `consent-vault demo`: the main job end to end in a temporary folder, narrated.
enum DemoCommand {
    /// The demo command.
    static let specs: [CommandSpec] = [
        CommandSpec(path: ["demo"], summary: "Walk through the main job in a temporary folder",
                    options: [OptionSpec(name: "policies", valueName: "DIR", help: "policy folder (default: ./Policies)"),
                              OptionSpec(name: "keep", valueName: nil, help: "keep the temporary folder and print its path")],
                    run: run),
    ]

    private static func run(_ invocation: Invocation) throws {
        _ = try invocation.checkedPositional()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("consent-vault-demo-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { if !invocation.flag("keep") { try? FileManager.default.removeItem(at: folder) } }
        let keyPath = folder.appendingPathComponent("demo.keys").path
        let vaultPath = folder.appendingPathComponent("demo.vault").path

        step("1. Create a key file (mode 0600) and an empty vault in \(folder.path)")
        let ring = try KeyRing.generate()
        try ring.write(to: keyPath)
        let vault = try Vault.create(at: vaultPath, keyRing: ring,
                                     catalog: try FieldCatalog.load(fromDirectory: VaultCommands.policyDirectory(invocation)))
        Output.line("   key id \(ring.keyID), vault id \(vault.vaultID)")

        step("2. Enroll Anna Müller at the store (all fields validated first, one transaction)")
        let anna = try vault.enroll([("email", "Anna.Mueller@Example.DE"), ("first_name", "Anna"), ("last_name", "Müller"),
                                     ("phone", "0171 2345678"), ("birthday", "24.12.1990"), ("clothing_size", "m"),
                                     ("address", "Hauptstraße 5, 10115 Berlin"), ("member_number", "CV00001234")], channel: .store)
        Output.line("   member id \(anna) (random, not sequential)")

        step("3. Read her back (values are normalized: E.164 phone, ISO date, canonical size)")
        let fields = try vault.read(anna)
        for definition in vault.catalog.fields { if let value = fields[definition.name] { Output.line("   \(definition.name): \(value)") } }

        step("4. Find her by email, in another spelling, through the blind index")
        Output.line("   anna.mueller@example.de -> \(try vault.find("email", equals: "anna.mueller@example.de").map(\.rawValue).joined())")
        Output.line("   +49 171 2345678       -> \(try vault.find("phone", equals: "+49 171 2345678").map(\.rawValue).joined())")

        step("5. A bad value is refused and nothing is written")
        do {
            _ = try vault.enroll([("email", "bernd@example.de"), ("birthday", "31.02.1980")], channel: .web)
        } catch {
            Output.line("   refused: \(error)")
        }
        Output.line("   members in vault: \(try vault.memberCount())")

        step("6. Look for plaintext in the vault file, its WAL and shared memory")
        try vault.checkpoint()
        let needles = ["Müller", "Anna", "example.de", "1712345678", "1990-12-24", "Hauptstraße", "CV00001234"]
        var found: [String] = []
        for suffix in ["", "-wal", "-shm"] {
            guard let bytes = FileManager.default.contents(atPath: vaultPath + suffix) else { continue }
            for needle in needles where bytes.range(of: Data(needle.utf8)) != nil { found.append("\(needle) in \(suffix.isEmpty ? "vault" : suffix)") }
        }
        Output.line(found.isEmpty ? "   none of \(needles.count) known values occurs in the files" : "   FOUND PLAINTEXT: \(found)")

        step("7. Rotate the master key: member keys are rewrapped, field values untouched")
        let rotation = try vault.rotateMasterKey(keyFilePath: keyPath)
        try vault.retireMasterKey(version: 1, keyFilePath: keyPath)
        Output.line("   now on version \(rotation.targetVersion); version 1 retired; first name still reads as \(try vault.read(anna, fields: ["first_name"])["first_name"] ?? "?")")

        if invocation.flag("keep") { Output.line("\nKept \(folder.path)") }
        guard found.isEmpty else { throw NotFound(description: "plaintext found in the vault files") }
    }

    private static func step(_ text: String) {
        Output.line("\n" + text)
    }
}
