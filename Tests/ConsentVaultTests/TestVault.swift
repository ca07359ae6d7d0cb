@testable import ConsentVault
import Foundation

/// A fresh temporary folder with a key file and a vault, removed when the test ends.
final class TestVault {
    /// The temporary folder.
    let folder: URL
    /// Path of the key file (mode 0600).
    let keyPath: String
    /// Path of the vault file.
    let vaultPath: String
    /// The key ring the vault was created with.
    let ring: KeyRing
    /// The open vault.
    let vault: Vault

    /// The repository's `Policies` folder, found from this file's path.
    static let policyDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Policies")

    /// The repository root.
    static var repositoryRoot: URL { policyDirectory.deletingLastPathComponent() }

    /// The vault's clock; tests move it forward.
    let clock: TestClock

    init(today: Date = Date()) throws {
        let clock = TestClock(today)
        self.clock = clock
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("cv-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        keyPath = folder.appendingPathComponent("test.keys").path
        vaultPath = folder.appendingPathComponent("test.vault").path
        ring = try KeyRing.generate()
        try ring.write(to: keyPath)
        vault = try Vault.create(at: vaultPath, keyRing: ring, policies: try PolicySet.load(fromDirectory: Self.policyDirectory),
                                 clock: { clock.now })
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    /// A second, raw connection to the vault file, for attacking it.
    func rawDatabase() throws -> Database {
        try Database(path: vaultPath, create: false)
    }

    /// The columns of `table` that are stored (not the generated ones format 3 reads its integer
    /// timestamps through), comma-separated, for copying rows by hand.
    static func storedColumns(_ table: String, in database: Database) throws -> String {
        try database.statement("SELECT name FROM pragma_table_xinfo(?1) WHERE hidden = 0").rows([.text(table)], table: "pragma")
            .map { try $0.text("name") }.joined(separator: ", ")
    }

    /// Every row of the member tables, to prove a failed call changed nothing.
    func memberTableSnapshot() throws -> [[SQLValue]] {
        let database = try rawDatabase()
        return try ["SELECT * FROM members ORDER BY id", "SELECT * FROM member_fields ORDER BY member_key, field",
                    "SELECT * FROM blind_indexes ORDER BY field, hash, member_key"].flatMap { try database.statement($0).rows() }
    }

    /// Everything a refused operation must leave alone: every row of every table but the audit
    /// log and its terms (which record the refusal), and every other file in the test folder (key file, erasure
    /// journal, exports, backups) with its bytes.
    func worldSnapshot() throws -> [String: [String]] {
        let database = try rawDatabase()
        var world: [String: [String]] = [:]
        let tables = try database.statement("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT IN ('audit_log', 'audit_terms', 'sqlite_sequence')")
            .rows().compactMap { $0[0].text }
        for table in tables { world["table " + table] = try database.statement("SELECT * FROM \(table)").rows().map { "\($0)" }.sorted() }
        let vaultFiles = Set(["", "-wal", "-shm"].map { URL(fileURLWithPath: vaultPath + $0).lastPathComponent })
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        while let name = enumerator?.nextObject() as? String {
            if vaultFiles.contains(name) { continue }
            let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) ?? Data()
            world["file " + name] = [data.base64EncodedString()]
        }
        return world
    }

    /// Points audit entry `sequence` at terms like its own but with `column` set to `value`, as an
    /// attacker with `sqlite3` must (terms rows are append-only and shared by many entries).
    func retargetAuditEntry(_ sequence: Int, _ column: String, to value: String) throws {
        let database = try rawDatabase()
        let columns = ["principal", "role", "operation", "purpose", "fields_requested", "fields_returned", "outcome"]
        try database.statement("""
            INSERT OR IGNORE INTO audit_terms (\(columns.joined(separator: ", ")))
            SELECT \(columns.map { $0 == column ? "?1" : $0 }.joined(separator: ", ")) FROM audit_terms WHERE code = (SELECT terms FROM audit_log WHERE seq = ?2)
            """).run([.text(value), .integer(Int64(sequence))])
        try database.statement("""
            UPDATE audit_log SET terms = (SELECT t.code FROM audit_terms t, audit_terms o WHERE o.code = audit_log.terms
                                          AND \(columns.map { "t.\($0) = \($0 == column ? "?1" : "o.\($0)")" }.joined(separator: " AND "))) WHERE seq = ?2
            """).run([.text(value), .integer(Int64(sequence))])
    }

    /// Bytes of the vault file, its WAL and its shared-memory file, each as found.
    func fileContents() -> [String: Data] {
        var contents: [String: Data] = [:]
        for suffix in ["", "-wal", "-shm"] {
            if let data = FileManager.default.contents(atPath: vaultPath + suffix) { contents[suffix.isEmpty ? "vault" : suffix] = data }
        }
        return contents
    }

    /// Writes `text` as a key file with `mode` in the test folder and returns its path.
    func writeKeyFile(named name: String, text: String, mode: mode_t = 0o600) throws -> String {
        let path = folder.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        chmod(path, mode)
        return path
    }
}

/// An enrollment with every default field, with German values.
let annaFields: [FieldInput] = [
    FieldInput("email", "Anna.Mueller@Example.DE"), FieldInput("phone", "+49 (0)30 1234567"), FieldInput("first_name", "Anna-Lena"),
    FieldInput("last_name", "Müller-Lüdenscheidt"), FieldInput("birthday", "24.12.1990"), FieldInput("clothing_size", "xl"), FieldInput("shoe_size", "38,5"),
    FieldInput("address", "Große Straße 12a, 10115 Berlin"), FieldInput("preferred_store", "Filiale Köln Hbf"), FieldInput("member_number", "cv 0000 1234"),
    FieldInput("purchase_receipts", "Bon 2026-11-02 Filiale Köln Hbf"),
]

/// The local administrator, who may do everything (purposes and consent still apply to reads).
let admin = Principal.localAdministrator

/// A clock a test can move; read by the vault on every operation.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    init(_ start: Date) { current = start }

    /// The current test time.
    var now: Date { lock.withLock { current } }

    /// Moves the clock forward by `days`.
    func advance(days: Double) { lock.withLock { current = current.addingTimeInterval(days * 86_400) } }
}

extension TestVault {
    /// Copies the repository's policies to a folder of this test, applies `edit` to `purposes.json`
    /// (as a JSON object), and returns the folder.
    func editedPolicies(_ edit: (inout [String: Any]) -> Void) throws -> URL {
        let directory = folder.appendingPathComponent("policies-\(UUID().uuidString.prefix(6))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for name in PolicySet.fileNames + PolicySet.optionalFileNames {
            try FileManager.default.copyItem(at: Self.policyDirectory.appendingPathComponent(name), to: directory.appendingPathComponent(name))
        }
        let purposesURL = directory.appendingPathComponent(PurposeCatalog.fileName)
        var purposes = try JSONSerialization.jsonObject(with: Data(contentsOf: purposesURL)) as! [String: Any]
        edit(&purposes)
        try JSONSerialization.data(withJSONObject: purposes, options: [.prettyPrinted, .sortedKeys]).write(to: purposesURL)
        return directory
    }
}

extension Statement {
    /// Rows as plain value lists, for tests that inspect the file as an attacker with `sqlite3` would.
    func rows(_ values: [SQLValue] = []) throws -> [[SQLValue]] {
        try rows(values, table: "test").map(\.values)
    }
}

extension SQLValue {
    /// The text, or nil if the value is not text.
    var text: String? { if case .text(let value) = self { return value } else { return nil } }
    /// The integer, or nil if the value is not an integer.
    var integer: Int64? { if case .integer(let value) = self { return value } else { return nil } }
    /// The bytes, or nil if the value is not a blob.
    var blob: [UInt8]? { if case .blob(let value) = self { return value } else { return nil } }
}
