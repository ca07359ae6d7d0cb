import Foundation

/// One result row, read by column name. Every accessor throws `StorageError.corruptRow` when the
/// column is missing or holds another type than the schema promises: a damaged or edited row
/// becomes an error naming table and column, never a silent default.
struct Row: Equatable {
    /// The table (or view of tables) the row came from, for error messages.
    let table: String
    /// Column names in select order.
    let names: [String]
    /// Values in select order.
    let values: [SQLValue]

    /// The raw value of `column`.
    func value(_ column: String) throws(StorageError) -> SQLValue {
        guard let index = names.firstIndex(of: column) else { throw corrupt(column, "the column is missing") }
        return values[index]
    }

    /// Non-null text.
    func text(_ column: String) throws(StorageError) -> String {
        guard case .text(let text) = try value(column) else { throw corrupt(column, "expected text") }
        return text
    }

    /// Text or NULL.
    func optionalText(_ column: String) throws(StorageError) -> String? {
        switch try value(column) {
        case .null: return nil
        case .text(let text): return text
        default: throw corrupt(column, "expected text or null")
        }
    }

    /// Non-null integer that fits an `Int`.
    func integer(_ column: String) throws(StorageError) -> Int {
        guard case .integer(let number) = try value(column), let result = Int(exactly: number) else { throw corrupt(column, "expected an integer") }
        return result
    }

    /// Integer or NULL.
    func optionalInteger(_ column: String) throws(StorageError) -> Int? {
        if case .null = try value(column) { return nil }
        return try integer(column)
    }

    /// 0 or 1.
    func bool(_ column: String) throws(StorageError) -> Bool {
        switch try integer(column) {
        case 0: return false
        case 1: return true
        default: throw corrupt(column, "expected 0 or 1")
        }
    }

    /// Non-null bytes.
    func blob(_ column: String) throws(StorageError) -> [UInt8] {
        guard case .blob(let bytes) = try value(column) else { throw corrupt(column, "expected a blob") }
        return bytes
    }

    /// An ISO 8601 timestamp as the vault writes them.
    func date(_ column: String) throws(StorageError) -> Date {
        guard let date = Timestamp.date(try text(column)) else { throw corrupt(column, "not an ISO 8601 time") }
        return date
    }

    /// Text decoded into an enum; an unknown value is corruption, not a default.
    func decode<Value: RawRepresentable>(_ column: String, as type: Value.Type) throws(StorageError) -> Value where Value.RawValue == String {
        let raw = try text(column)
        guard let decoded = Value(rawValue: raw) else { throw corrupt(column, "unknown value") }
        return decoded
    }

    /// Text or NULL decoded into an enum.
    func decodeOptional<Value: RawRepresentable>(_ column: String, as type: Value.Type) throws(StorageError) -> Value?
    where Value.RawValue == String {
        guard try optionalText(column) != nil else { return nil }
        return try decode(column, as: type)
    }

    /// A member id column.
    func memberID(_ column: String) throws(StorageError) -> MemberID {
        guard let id = try? MemberID(try text(column)) else { throw corrupt(column, "not a member id") }
        return id
    }

    /// A member id column that may be NULL.
    func optionalMemberID(_ column: String) throws(StorageError) -> MemberID? {
        guard try optionalText(column) != nil else { return nil }
        return try memberID(column)
    }

    private func corrupt(_ column: String, _ problem: String) -> StorageError {
        .corruptRow(table: table, column: column, problem: problem)
    }
}
