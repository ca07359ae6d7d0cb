/// A terms table of storage formats 4 and 5 (`consent_terms`, `event_terms`, `audit_terms`): each
/// distinct combination of values that repeat across millions of rows is one row, named by its
/// integer `code`, and append-only, since many rows refer to it.
struct TermsTable {
    /// The table's name.
    let name: String
    /// Its columns besides `code`, in the order `code(of:in:)` takes their values.
    let columns: [String]
    /// What refers to the table, for the message that refuses an edit (`consent events`).
    let referredBy: String

    private let select: String
    private let insert: String

    init(name: String, columns: [String], referredBy: String) {
        (self.name, self.columns, self.referredBy) = (name, columns, referredBy)
        // `IS` matches a NULL too (a notice version or channel an event has not) and uses the index like `=`.
        let match = columns.enumerated().map { "\($1) IS ?\($0 + 1)" }.joined(separator: " AND ")
        select = "SELECT code FROM \(name) WHERE \(match)"
        insert = "INSERT INTO \(name) (\(columns.joined(separator: ", "))) VALUES (\(columns.indices.map { "?\($0 + 1)" }.joined(separator: ", ")))"
    }

    /// The code of `values` (one per column), after adding them as a new row when no row holds them.
    /// Runs inside the caller's write transaction.
    func code(of values: [SQLValue], in database: Database) throws -> Int64 {
        if let known = try database.statement(select).rows(values, table: name).first { return Int64(try known.integer("code")) }
        try database.statement(insert).run(values)
        return Int64(database.lastInsertRowID)
    }

    /// Triggers that refuse an update or delete of a row.
    var appendOnlyTriggers: String {
        """
        CREATE TRIGGER \(name)_stay_update BEFORE UPDATE ON \(name)
        BEGIN SELECT RAISE(ABORT, '\(name.replacingOccurrences(of: "_", with: " ")) are append-only: \(referredBy) refer to them'); END;
        CREATE TRIGGER \(name)_stay_delete BEFORE DELETE ON \(name)
        BEGIN SELECT RAISE(ABORT, '\(name.replacingOccurrences(of: "_", with: " ")) are append-only: \(referredBy) refer to them'); END;

        """
    }
}
