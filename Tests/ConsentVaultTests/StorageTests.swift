@testable import ConsentVault
import Foundation
import Testing

@Suite("Storage: schema versions, foreign files, concurrent writers")
struct StorageTests {
    @Test("a vault written by a newer schema is refused clearly and left untouched")
    func newerSchema() throws {
        let test = try TestVault()
        try test.rawDatabase().execute("PRAGMA user_version = 99")
        let error = #expect(throws: StorageError.self) { _ = try Vault.open(at: test.vaultPath, keyRing: test.ring) }
        #expect(error == .schemaTooNew(found: 99, supported: Schema.currentVersion))
        #expect(try Schema.version(of: test.rawDatabase()) == 99)
    }

    @Test("a stored value of the wrong kind is an error naming table and column, never a silent default")
    func corruptRows() throws {
        let test = try TestVault()
        let member = try test.vault.members.enroll([FieldInput("email", "anna@example.de")], channel: .app, as: admin).member
        try test.rawDatabase().execute("UPDATE members SET data_key_version = 'two'")
        let error = #expect(throws: StorageError.self) { _ = try test.vault.members.read(member, purpose: "loyalty_account", as: admin) }
        #expect(error == .corruptRow(table: "members", column: "data_key_version", problem: "expected an integer"))
        try test.rawDatabase().execute("DROP TRIGGER audit_terms_stay_update; UPDATE audit_terms SET outcome = 'maybe'")
        #expect(throws: StorageError.corruptRow(table: "audit_log", column: "outcome", problem: "unknown value")) {
            _ = try test.vault.audit.entries(for: member, as: admin)
        }
    }

    @Test("an SQLite file that is not a vault, a missing file, and an existing path are refused")
    func foreignFiles() throws {
        let test = try TestVault()
        let other = test.folder.appendingPathComponent("other.sqlite").path
        try Database(path: other, create: true).execute("CREATE TABLE t (x)")
        #expect(throws: StorageError.notAVault(path: other)) { _ = try Vault.open(at: other, keyRing: test.ring) }
        let missing = test.folder.appendingPathComponent("missing.vault").path
        #expect(throws: StorageError.vaultNotFound(path: missing)) { _ = try Vault.open(at: missing, keyRing: test.ring) }
        #expect(!FileManager.default.fileExists(atPath: missing))
        #expect(throws: StorageError.vaultExists(path: test.vaultPath)) {
            _ = try Vault.create(at: test.vaultPath, keyRing: test.ring, policies: test.vault.policies)
        }
    }

    @Test("two connections writing at once lose nothing and never report 'database is locked'")
    func concurrentWriters() async throws {
        let test = try TestVault()
        let path = test.vaultPath
        let keyPath = test.keyPath
        let perWriter = 60
        try await withThrowingTaskGroup(of: Int.self) { group in
            for writer in 0..<2 {
                group.addTask {
                    let vault = try Vault.open(at: path, keyRing: try KeyRing.load(path: keyPath) { nil })
                    for index in 0..<perWriter {
                        _ = try vault.members.enroll([FieldInput("email", "w\(writer)-\(index)@example.de")], channel: .web, as: admin)
                    }
                    return perWriter
                }
            }
            var total = 0
            for try await count in group { total += count }
            #expect(total == 2 * perWriter)
        }
        #expect(try test.vault.members.count() == 2 * perWriter)
        #expect(try test.vault.members.find("email", equals: "w1-59@example.de", as: admin).count == 1)
    }
}

@Suite("Storage: member lookups scale")
struct MemberIndexTests {
    @Test("no query by member id, and no foreign key check when a member row goes, scans a whole table")
    func everyMemberColumnIsIndexed() throws {
        let test = try TestVault()
        let database = try test.rawDatabase()
        let tables = try database.statement("SELECT name FROM sqlite_schema WHERE type = 'table'").rows().compactMap { $0[0].text }
        var plans: [String: String] = [:]
        for table in tables {
            let columns = try database.statement("SELECT name FROM pragma_table_info(?1)").rows([.text(table)]).compactMap { $0[0].text }
            // Format 1 tables name the member by id, format 2 tables by its key.
            guard let column = ["member_id", "member_key"].first(where: columns.contains) else { continue }
            plans[table] = try database.statement("EXPLAIN QUERY PLAN SELECT * FROM \(table) WHERE \(column) = 'x'").rows()
                .compactMap { $0[3].text }.joined(separator: "; ")
        }
        plans["members (delete with foreign keys)"] = try database.statement("EXPLAIN QUERY PLAN DELETE FROM members WHERE id = 'x'").rows()
            .compactMap { $0[3].text }.joined(separator: "; ")
        #expect(plans.count >= 10, "every member table was checked")
        for (table, plan) in plans.sorted(by: { $0.key < $1.key }) {
            #expect(!plan.contains("SCAN"), "\(table): \(plan)")
        }
    }
}
