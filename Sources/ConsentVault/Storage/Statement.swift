import CSQLite

/// A value bound to, or read from, an SQL statement.
enum SQLValue: Equatable {
    /// The bytes of a blob, nil for any other value (seals, which may be absent).
    var blobValue: [UInt8]? { if case .blob(let bytes) = self { return bytes } else { return nil } }

    /// SQL NULL.
    case null
    /// A 64-bit integer.
    case integer(Int64)
    /// UTF-8 text.
    case text(String)
    /// Raw bytes (ciphertexts, hashes).
    case blob([UInt8])
    /// A floating-point number: the vault never writes one, so reading it is always corruption.
    case real(Double)
}

/// A prepared statement owned by its `Database` and reused between calls.
final class Statement {
    private let handle: OpaquePointer
    private let database: Connection

    init(_ handle: OpaquePointer, connection: Connection) {
        self.handle = handle
        self.database = connection
    }

    deinit {
        sqlite3_finalize(handle)
    }

    /// Clears the previous run's state and bindings.
    func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    /// Binds `values` to the parameters `?1`, `?2`, … in order.
    @discardableResult
    func bind(_ values: [SQLValue]) throws(StorageError) -> Statement {
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let status: Int32
            switch value {
            case .null: status = sqlite3_bind_null(handle, index)
            case .real(let number): status = sqlite3_bind_double(handle, index, number)
            case .integer(let number): status = sqlite3_bind_int64(handle, index, number)
            case .text(let text):
                // With its byte count, not up to the first NUL: what is stored is what was hashed and sealed.
                var bytes = Array(text.utf8)
                let count = Int32(bytes.count)
                bytes.append(0)
                status = bytes.withUnsafeBufferPointer { buffer in
                    buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                        sqlite3_bind_text(handle, index, $0, count, cv_sqlite_transient())
                    }
                }
            case .blob(let bytes):
                status = bytes.withUnsafeBytes { raw in
                    sqlite3_bind_blob(handle, index, raw.baseAddress ?? UnsafeRawPointer(bitPattern: 1), Int32(raw.count), cv_sqlite_transient())
                }
            }
            try database.check(status, "bind")
        }
        return self
    }

    /// Advances to the next row; false when there are no more.
    func step() throws(StorageError) -> Bool {
        let status = sqlite3_step(handle)
        if status == SQLITE_ROW { return true }
        if status == SQLITE_DONE { return false }
        sqlite3_reset(handle)
        try database.check(status, "step")
        return false
    }

    /// Runs a statement that returns no rows.
    func run(_ values: [SQLValue] = []) throws(StorageError) {
        try bind(values)
        while try step() {}
        sqlite3_reset(handle)
    }

    /// Reads every row, its columns named as the statement names them (`AS` aliases included).
    /// `table` names the source in a corrupt-row error.
    func rows(_ values: [SQLValue] = [], table: String) throws(StorageError) -> [Row] {
        try bind(values)
        let count = sqlite3_column_count(handle)
        let names = (0..<count).map { String(cString: sqlite3_column_name(handle, $0)) }
        var result: [Row] = []
        while try step() { result.append(Row(table: table, names: names, values: (0..<count).map(column))) }
        sqlite3_reset(handle)
        return result
    }

    /// The integer column `value` of the only row of an aggregate query (`SELECT count(*) AS value …`).
    func scalar(_ values: [SQLValue] = [], table: String) throws(StorageError) -> Int {
        guard let row = try rows(values, table: table).first else {
            throw .corruptRow(table: table, column: "value", problem: "an aggregate returned no row")
        }
        return try row.optionalInteger("value") ?? 0
    }

    /// The value of column `index` in the current row.
    func column(_ index: Int32) -> SQLValue {
        switch sqlite3_column_type(handle, index) {
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(handle, index))
        case SQLITE_TEXT:
            // Text first, then its byte count, as SQLite's documentation orders the two calls.
            guard let base = sqlite3_column_text(handle, index) else { return .text("") }
            let count = Int(sqlite3_column_bytes(handle, index))
            return .text(String(decoding: UnsafeBufferPointer(start: base, count: count), as: UTF8.self))
        case SQLITE_BLOB:
            let count = Int(sqlite3_column_bytes(handle, index))
            guard count > 0, let base = sqlite3_column_blob(handle, index) else { return .blob([]) }
            return .blob(Array(UnsafeRawBufferPointer(start: base, count: count)))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(handle, index))
        default: return .null
        }
    }
}

