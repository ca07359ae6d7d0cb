@testable import ConsentVault
import Foundation
import Testing

@Suite("Bulk import: streamed, batched, each member whole or not at all")
struct ImportTests {
    private func run(_ test: TestVault, _ lines: [String], batchSize: Int = 2, strict: Bool = false)
        throws -> (summary: ImportSummary, committed: [[MemberID]], rejected: [(Int, String)]) {
        var remaining = lines[...]
        var committed: [[MemberID]] = []
        var rejected: [(Int, String)] = []
        let summary = try test.vault.members.importMembers(nextLine: { remaining.popFirst() }, batchSize: batchSize, strict: strict, as: admin,
                                                   committed: { committed.append($0) }, rejected: { rejected.append(($0.line, $0.reason)) })
        return (summary, committed, rejected)
    }

    @Test("a first load into an empty vault commits in bulk batches; without a first load, in regular ones")
    func bulkPath() throws {
        let test = try TestVault()
        func batches(importing range: Range<Int>) throws -> [Int] {
            var remaining = range.map { #"{"fields": {"email": "m\#($0)@example.de"}}"# }[...]
            var batches: [Int] = []
            _ = try test.vault.members.importMembers(nextLine: { remaining.popFirst() }, as: admin, committed: { batches.append($0.count) },
                                                     rejected: { _ in })
            return batches
        }
        let (bulk, regular) = (MemberOperations.bulkBatchSize, MemberOperations.regularBatchSize)
        let first = MemberOperations.bulkLoadMembers
        #expect(try batches(importing: 0..<first) == Array(repeating: bulk, count: first / bulk), "an empty vault loads in bulk batches")
        #expect(try batches(importing: first..<(first + regular + 10)) == [regular, 10], "a vault of \(first) members does not")
    }

    @Test("good lines are imported with their consents; bad lines are reported by number, never by content, and skipped")
    func mixed() throws {
        let test = try TestVault()
        let lines = [
            #"{"fields": {"email": "anna@example.de", "first_name": "Anna", "birthday": "1990-12-24"}, "consents": [{"purpose": "birthday_rewards"}]}"#,
            #"{"fields": {"email": "geheim-at-example.de"}}"#,
            "",
            #"{"fields": {"email": "anna@example.de"}}"#,
            "[1, 2]",
            #"{"fields": {"email": "kind@example.de", "birthday": "2020-01-01"}, "consents": [{"purpose": "birthday_rewards"}]}"#,
            #"{"fields": {"email": "bernd@example.de"}, "consents": [{"purpose": "personalized_offers", "field": "clothing_size"}]}"#,
        ]
        let (summary, committed, rejected) = try run(test, lines)
        #expect(summary == .init(lines: 7, imported: 2, rejected: 4))
        #expect(rejected.map(\.0) == [2, 4, 5, 6])
        #expect(rejected[0].1 == "invalid value for field 'email': an email address has exactly one '@'")
        #expect(rejected[1].1 == "another member already has this email")
        #expect(rejected[3].1.hasPrefix("the member is younger than 16"))
        #expect(rejected.allSatisfy { !$0.1.contains("geheim") && !$0.1.contains("kind@") })
        #expect(committed.flatMap { $0 }.count == 2)
        let anna = try #require(try test.vault.members.find("email", equals: "anna@example.de", as: admin).first)
        #expect(try test.vault.members.read(anna, purpose: "birthday_rewards", as: admin).fields == ["birthday": "1990-12-24"])
        #expect(try test.vault.rewards.balance(of: anna, as: admin) == 100, "the import earns the share reward like an enrollment")
        #expect(try test.vault.members.find("email", equals: "kind@example.de", as: admin).isEmpty, "the refused member left nothing behind")
        #expect(try test.vault.members.count() == 2)
        #expect(try test.vault.context.auditLog.entries().filter { $0.operation == "member.enroll" }.count == 2)
        #expect(try test.vault.audit.verify(as: admin).isIntact)
    }

    @Test("--strict stops at the first bad line; its batch is not written, earlier batches stay")
    func strict() throws {
        let test = try TestVault()
        let lines = (0..<5).map { #"{"fields": {"email": "m\#($0)@example.de"}}"# } + [#"{"fields": {"email": 7}}"#]
        #expect(throws: ImportError.aborted(line: 6, reason: "field 'email' must be text")) { _ = try run(test, lines, batchSize: 2, strict: true) }
        #expect(try test.vault.members.count() == 4, "two full batches committed; the batch with the bad line was not written")
    }

    @Test("a member that fails inside a batch is rolled back alone")
    func atomicPerMember() throws {
        let test = try TestVault()
        let lines = [#"{"fields": {"email": "a@example.de"}}"#, #"{"fields": {"email": "a@example.de"}}"#, #"{"fields": {"email": "c@example.de"}}"#]
        let (summary, committed, _) = try run(test, lines, batchSize: 10)
        #expect(summary.imported == 2 && committed.count == 1)
        #expect(try test.rawDatabase().statement("SELECT count(*) FROM member_fields").rows()[0][0] == .integer(2))
        #expect(try test.rawDatabase().statement("SELECT count(*) FROM blind_indexes").rows()[0][0] == .integer(2))
        // The first attempt at the batch was rolled back whole: only the two members' entries are in the log.
        #expect(try test.rawDatabase().statement("SELECT count(*) FROM audit_log a JOIN audit_terms t ON t.code = a.terms WHERE t.operation = 'member.enroll'").rows()[0][0] == .integer(2))
        #expect(try test.vault.audit.verify(as: admin).isIntact)
    }

    @Test("names from a line are never echoed: unknown fields, keys, purposes and consent keys are refused by their length")
    func unknownNamesNotEchoed() throws {
        let test = try TestVault()
        let lines = [
            #"{"fields": {"email": "jane@example.org", "Janeleakzz": "first_name"}}"#,
            #"{"fields": {"email": "a3@example.org"}, "muellerzz": 1}"#,
            #"{"fields": {"email": "a4@example.org"}, "consents": [{"purpose": "hansmuellerzz"}]}"#,
            #"{"fields": {"email": "a5@example.org"}, "consents": [{"purpose": "birthday_rewards", "secretkeyzz": 1}]}"#,
            #"{"fields": {"email": "a6@example.org", "Muellerzz": 7}}"#,
        ]
        let (summary, _, rejected) = try run(test, lines)
        #expect(summary.imported == 0 && rejected.map(\.0) == [1, 2, 3, 4, 5])
        #expect(rejected[0].1.hasPrefix("unknown field name of 10 characters; known: "), "\(rejected[0].1)")
        #expect(rejected.allSatisfy { !$0.1.lowercased().contains("zz") }, "\(rejected.map(\.1))")
        #expect(try test.vault.members.count() == 0)
    }

    @Test("a line longer than the limit is refused by its length and never held whole; the lines around it import")
    func overlongLine() throws {
        let test = try TestVault()
        let path = test.folder.appendingPathComponent("long.jsonl").path
        let long = #"{"fields": {"first_name": ""# + String(repeating: "A", count: 3 * ImportLineReader.maximumLineBytes) + #""}}"#
        let text = #"{"fields": {"email": "a@example.org"}}"# + "\r\n" + long + "\n" + #"{"fields": {"email": "b@example.org"}}"#
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let reader = try #require(ImportLineReader(descriptor: open(path, O_RDONLY)))
        var lengths: [Int] = []
        var rejected: [(Int, String)] = []
        let summary = try test.vault.members.importMembers(nextLine: {
            let line = reader.next()
            if let line { lengths.append(line.utf8.count) }
            return line
        }, as: admin, committed: { _ in }, rejected: { rejected.append(($0.line, $0.reason)) })
        #expect(summary == .init(lines: 3, imported: 2, rejected: 1))
        #expect(lengths[1] == ImportLineReader.maximumLineBytes + 1, "the long line is cut just past the limit")
        #expect(rejected.count == 1 && rejected[0].0 == 2 && rejected[0].1 == "longer than \(ImportLineReader.maximumLineBytes) bytes")
        #expect(reader.bytesRead == text.utf8.count)
    }

    @Test("an import whose key file lost every version the vault still uses stops with that error and writes nothing more")
    func keysRetiredDuringImport() throws {
        let test = try TestVault()
        let stale = try Vault.open(at: test.vaultPath, keyRing: try KeyRing.load(path: test.keyPath) { nil })
        _ = try test.vault.keys.rotate(keyFilePath: test.keyPath, as: admin)
        try test.vault.keys.retire(version: 1, keyFilePath: test.keyPath, as: admin)
        var remaining = (0..<5).map { #"{"fields": {"email": "m\#($0)@example.de"}}"# }[...]
        var rejected: [ImportRejection] = []
        #expect(throws: KeyFileError.versionMissing(version: 2)) {
            _ = try stale.members.importMembers(nextLine: { remaining.popFirst() }, as: admin, committed: { _ in }, rejected: { rejected.append($0) })
        }
        #expect(rejected.isEmpty, "no line is blamed")
        #expect(try test.vault.members.count() == 0)
    }
}
