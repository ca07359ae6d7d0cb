/// A member's key material as stored in the `members` row.
struct MemberRecord {
    /// The member.
    let id: MemberID
    /// Master key version wrapping the data key.
    let masterKeyVersion: Int
    /// Version of the data key itself (bound into every field's associated data).
    let dataKeyVersion: Int
    /// The sealed data key.
    let wrappedDataKey: [UInt8]

    /// Decodes a `SELECT id, master_key_version, data_key_version, wrapped_data_key` row.
    init(row: [SQLValue]) throws {
        id = try MemberID(row[0].text ?? "")
        masterKeyVersion = Int(row[1].integer ?? 0)
        dataKeyVersion = Int(row[2].integer ?? 0)
        wrappedDataKey = row[3].blob ?? []
    }
}
