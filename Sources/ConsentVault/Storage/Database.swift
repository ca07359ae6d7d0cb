import CSQLite
import Foundation

/// One SQLite connection with the vault's settings: WAL, `secure_delete`, foreign keys and a
/// busy timeout. Not `Sendable`: a connection must not be used from two threads at once; the
/// `VaultContext` that owns it is used by one thread at a time (`VaultQueue` serializes it).
final class Database {
    private let connection: Connection
    private var handle: OpaquePointer { connection.handle }
    private var cachedStatements: [String: Statement] = [:]
    /// How long a writer waits for another process's transaction before giving up.
    static let busyTimeoutMilliseconds: Int32 = 30_000
    /// Page cache per connection: large enough that a batch of imports does not spill pages to
    /// the WAL before it commits.
    static let pageCacheKibibytes = 32_768
    /// SQLite's default `wal_autocheckpoint`, in pages.
    static let defaultCheckpointPages = 1_000

    /// Characters a path keeps unescaped in an SQLite `file:` URI.
    private static let uriPathCharacters = CharacterSet.urlPathAllowed.subtracting(CharacterSet(charactersIn: "?#%"))

    /// `PRAGMA application_id` of every vault: "CVlt".
    static let applicationID: Int64 = 0x43_56_6c_74

    /// Opens (or, with `create`, creates) the database at `path` and applies the pragmas. An
    /// existing file must be a vault (its application id, or for vaults made before ids, its
    /// `vault_meta` table) before anything is written to it: any other file is left untouched.
    /// `readOnly` opens an existing vault for looking only: nothing is written, and closing it
    /// leaves the `-wal` file as it was (a read-write connection checkpoints it when it closes last).
    /// Without a `-wal` file the vault is opened as immutable, so none is created either.
    init(path: String, create: Bool, readOnly: Bool = false) throws(StorageError) {
        var opened: OpaquePointer?
        let flags = (readOnly ? SQLITE_OPEN_READONLY | SQLITE_OPEN_URI : SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0)) | SQLITE_OPEN_NOMUTEX
        let immutable = readOnly && !FileManager.default.fileExists(atPath: path + "-wal")
        let name = readOnly ? "file:" + (path.addingPercentEncoding(withAllowedCharacters: Self.uriPathCharacters) ?? path) + (immutable ? "?immutable=1" : "?mode=ro") : path
        let status = sqlite3_open_v2(name, &opened, flags, nil)
        guard status == SQLITE_OK, let opened else {
            let message = opened.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close_v2(opened)
            throw .sqlite(code: status, operation: "open", message: message)
        }
        connection = Connection(handle: opened)
        try check(sqlite3_busy_timeout(handle, Self.busyTimeoutMilliseconds), "busy timeout")
        if create {
            try execute("PRAGMA application_id = \(Self.applicationID)")
        } else {
            guard try isVault(marking: !readOnly) else { throw .notAVault(path: path) }
        }
        try registerHexBytes()
        guard !readOnly else { return }
        try execute("PRAGMA journal_mode = WAL")
        try execute("PRAGMA secure_delete = ON")
        try execute("PRAGMA foreign_keys = ON")
        try execute("PRAGMA synchronous = FULL")
        // Savepoint journals and sorts stay in memory: no temporary files with page copies on disk.
        try execute("PRAGMA temp_store = MEMORY")
        try execute("PRAGMA cache_size = -\(Self.pageCacheKibibytes)")
    }

    /// Registers `cv_hex_bytes(text)` on this connection: the bytes of `text` when it is non-empty
    /// lowercase hex (what `lower(hex(bytes))` gives back exactly), NULL for anything else. SQLite
    /// 3.40 has no `unhex`; the migration to format 5 stores hex columns as bytes with it, and `audit
    /// verify` finds entries stored in another form (`FormatFive.rewrittenEntries`).
    private func registerHexBytes() throws(StorageError) {
        let status = sqlite3_create_function_v2(handle, "cv_hex_bytes", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nil, { context, _, arguments in
            guard let argument = arguments?[0], sqlite3_value_type(argument) == SQLITE_TEXT, let text = sqlite3_value_text(argument),
                  let bytes = Hex.canonicalBytes(String(cString: text)) else {
                sqlite3_result_null(context)
                return
            }
            sqlite3_result_blob(context, bytes, Int32(bytes.count), cv_sqlite_transient())
        }, nil, nil, nil)
        try check(status, "create function cv_hex_bytes")
    }

    /// Whether the file carries the vault's application id, or is a vault made before ids (then,
    /// with `marking`, it gets the id now). Only reads until that is settled.
    private func isVault(marking: Bool) throws(StorageError) -> Bool {
        let id = try statement("PRAGMA application_id").rows(table: "pragma").first?.optionalInteger("application_id") ?? 0
        if Int64(id) == Self.applicationID { return true }
        guard id == 0 else { return false }
        let hasMeta = try statement("SELECT count(*) AS value FROM sqlite_schema WHERE type = 'table' AND name = 'vault_meta'")
            .scalar(table: "sqlite_schema") == 1
        if hasMeta, marking { try execute("PRAGMA application_id = \(Self.applicationID)") }
        return hasMeta
    }

    /// Runs one or more statements that bind nothing and return nothing.
    func execute(_ sql: String) throws(StorageError) {
        try check(sqlite3_exec(handle, sql, nil, nil, nil), "execute")
    }

    /// A prepared statement for `sql`, reused across calls (reset and cleared before reuse).
    func statement(_ sql: String) throws(StorageError) -> Statement {
        if let cached = cachedStatements[sql] {
            cached.reset()
            return cached
        }
        var prepared: OpaquePointer?
        try check(sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &prepared, nil), "prepare")
        let statement = Statement(prepared!, connection: connection)
        cachedStatements[sql] = statement
        return statement
    }

    /// Runs inside every write transaction just before `COMMIT` (the vault reseals what changed);
    /// a throw rolls the transaction back.
    var beforeCommit: (() throws -> Void)?

    /// Whether a group transaction (`groupTransaction`) is open: write transactions become savepoints in it.
    private(set) var isGrouping = false

    /// Runs `body` in a write transaction (`BEGIN IMMEDIATE`, so concurrent writers wait for
    /// the lock instead of failing). A throw rolls back and rethrows the body's error. Inside a
    /// group transaction it is a savepoint of the group, sealed before it is released: a throw
    /// undoes only this body, and nothing is durable before the group commits.
    func writeTransaction<Result>(_ body: () throws -> Result) throws -> Result {
        if isGrouping {
            return try savepoint {
                let result = try body()
                try beforeCommit?()
                return result
            }
        }
        try statement("BEGIN IMMEDIATE").run()
        do {
            let result = try body()
            try beforeCommit?()
            try statement("COMMIT").run()
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    /// Runs `body` with one transaction open around it, committed once (one WAL sync) at its end:
    /// every `writeTransaction` inside becomes a savepoint of it. A throw from `body` or from the
    /// commit rolls everything back and rethrows.
    func groupTransaction(_ body: () throws -> Void) throws {
        precondition(!isGrouping, "group transactions do not nest")
        try statement("BEGIN IMMEDIATE").run()
        isGrouping = true
        defer { isGrouping = false }
        do {
            try body()
            try beforeCommit?()
            try statement("COMMIT").run()
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    /// Runs `body` inside a savepoint of the current transaction: a throw undoes just the body's
    /// writes and rethrows; the transaction goes on.
    func savepoint<Result>(_ body: () throws -> Result) throws -> Result {
        try statement("SAVEPOINT unit").run()
        do {
            let result = try body()
            try statement("RELEASE unit").run()
            return result
        } catch {
            try statement("ROLLBACK TO unit").run()
            try statement("RELEASE unit").run()
            throw error
        }
    }

    /// `PRAGMA data_version`: changes whenever another connection commits to the file.
    func dataVersion() throws(StorageError) -> Int {
        guard let row = try statement("PRAGMA data_version").rows(table: "pragma data_version").first else { return 0 }
        return try row.integer("data_version")
    }

    /// Sets this connection's page cache, in KiB.
    func setPageCache(kibibytes: Int) throws(StorageError) {
        try execute("PRAGMA cache_size = -\(kibibytes)")
    }

    /// Sets how many WAL pages trigger an automatic checkpoint.
    func setAutoCheckpoint(pages: Int) throws(StorageError) {
        try execute("PRAGMA wal_autocheckpoint = \(pages)")
    }

    /// Writes a consistent copy of the database to `path` (`VACUUM INTO`), while writers go on.
    func copy(to path: String) throws(StorageError) {
        try execute("VACUUM INTO '\(path.replacingOccurrences(of: "'", with: "''"))'")
    }

    /// What `PRAGMA integrity_check` finds wrong (an index that no longer matches its table, as
    /// after edits past SQLite); empty when the file is sound. Reads the whole file.
    func structureProblems() throws(StorageError) -> [String] {
        var found: [String] = []
        for row in try statement("PRAGMA integrity_check").rows(table: "pragma integrity_check") { found.append(try row.text("integrity_check")) }
        return found == ["ok"] ? [] : Array(found.prefix(10))
    }

    /// Rowid of the last row inserted on this connection.
    var lastInsertRowID: Int { Int(sqlite3_last_insert_rowid(handle)) }

    /// Runs `body` in a read transaction, so all its reads see one snapshot (inside a group
    /// transaction, in the group's).
    func readTransaction<Result>(_ body: () throws -> Result) throws -> Result {
        if isGrouping { return try body() }
        try execute("BEGIN DEFERRED")
        defer { try? execute("COMMIT") }
        return try body()
    }

    /// Rows changed by the last statement.
    var changes: Int { Int(sqlite3_changes(handle)) }

    /// Turns an SQLite status into a throw carrying SQLite's own message (never bound values).
    func check(_ status: Int32, _ operation: String) throws(StorageError) {
        try connection.check(status, operation)
    }

    /// How long a checkpoint waits for other connections' readers before giving up for now.
    static let checkpointWaitMilliseconds: Int32 = 3_000

    /// Writes the WAL back into the main file and truncates it to zero bytes. Returns false, without
    /// throwing, when readers of other connections still need older pages after a short wait:
    /// the data is committed either way, and a later checkpoint finishes the job.
    func checkpointAndTruncateWAL() throws(StorageError) -> Bool {
        sqlite3_busy_timeout(handle, Self.checkpointWaitMilliseconds)
        defer { sqlite3_busy_timeout(handle, Self.busyTimeoutMilliseconds) }
        let status = sqlite3_wal_checkpoint_v2(handle, nil, SQLITE_CHECKPOINT_TRUNCATE, nil, nil)
        if status == SQLITE_BUSY || status == SQLITE_LOCKED { return false }
        try check(status, "wal checkpoint")
        return true
    }
}

/// Owns the `sqlite3` handle and closes it when the last user (the database or one of its
/// statements) is gone, so a statement can never outlive its connection.
final class Connection {
    /// The open handle.
    let handle: OpaquePointer

    init(handle: OpaquePointer) {
        self.handle = handle
    }

    deinit {
        sqlite3_close_v2(handle)
    }

    /// Turns an SQLite status into a throw carrying SQLite's own message (never bound values).
    func check(_ status: Int32, _ operation: String) throws(StorageError) {
        guard status != SQLITE_OK, status != SQLITE_ROW, status != SQLITE_DONE else { return }
        throw .sqlite(code: status, operation: operation, message: String(cString: sqlite3_errmsg(handle)))
    }
}
