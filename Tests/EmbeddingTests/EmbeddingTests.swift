// An embedder's view: only `import ConsentVault`, no @testable, so everything used here is public API.
import ConsentVault
import Foundation
import Testing

/// The repository's `Policies` folder, found from this file's path.
private let policyDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Policies")

@Suite("Embedding the library: public API without a CLI")
struct EmbeddingTests {
    @Test("Redactor redacts a text without any vault: typed placeholders, no values left, a session restores them")
    func redactWithoutVault() throws {
        let policies = try PolicySet.load(fromDirectory: policyDirectory)
        let redactor = try Redactor(catalog: policies.fields)
        let text = "Bitte Anna Müller an anna.mueller@example.de oder 0171 2345678 erinnern, IBAN DE89 3704 0044 0532 0130 00."
        var session = PlaceholderSession()
        let redaction = redactor.redact(text, session: &session)
        for value in ["anna.mueller@example.de", "0171 2345678", "DE89 3704 0044 0532 0130 00"] {
            #expect(!redaction.text.contains(value), "left in place: a value of type \(redaction.entities.map(\.type))")
        }
        #expect(redaction.entities.map(\.placeholder.type).contains(.email) && redaction.entities.map(\.placeholder.type).contains(.iban))
        #expect(Placeholder("[EMAIL_1]") == Placeholder(type: .email, number: 1) && Placeholder("[EMAIL_x]") == nil)
        #expect(session.restore(redaction.text) == text)
        #expect(redactor.redact("Nichts Persönliches hier.").entities.isEmpty)
    }

    @Test("a VaultQueue is shared by concurrent tasks; every call runs alone and nothing is lost")
    func queueFromTasks() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cv-embed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("e.vault").path
        let policies = try PolicySet.load(fromDirectory: policyDirectory)
        let created = try Vault.create(at: path, keyRing: try KeyRing.generate(), policies: policies)
        let queue = VaultQueue(created)
        let ids = try await withThrowingTaskGroup(of: MemberID.self) { group in
            for index in 0..<40 {
                group.addTask {
                    try await queue.run { vault in
                        try vault.members.enroll([FieldInput("email", "m\(index)@example.de")], channel: .web, as: .localAdministrator).member
                    }
                }
            }
            return try await group.reduce(into: Set<MemberID>()) { $0.insert($1) }
        }
        #expect(ids.count == 40)
        #expect(try queue.sync { try $0.members.count() } == 40)
        let found = try await queue.run { try $0.members.find("email", equals: "M7@Example.de", as: .localAdministrator) }
        #expect(found.count == 1)
        let error = await #expect(throws: MemberError.self) {
            try await queue.run { try $0.members.read(MemberID.random(), purpose: "loyalty_account", as: .localAdministrator) }
        }
        #expect(error?.code == "member_not_found")
    }
}
