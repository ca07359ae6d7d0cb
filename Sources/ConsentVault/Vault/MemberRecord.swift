/// A member's key material and state as stored in the `members` row.
struct MemberRecord {
    /// Columns `init(row:)` decodes, in order.
    static let columns = """
        id, master_key_version, data_key_version, wrapped_data_key, erased_at IS NOT NULL,
        EXISTS (SELECT 1 FROM member_restrictions WHERE member_restrictions.member_id = members.id)
        """
    /// The member.
    let id: MemberID
    /// Master key version wrapping the data key.
    let masterKeyVersion: Int
    /// Version of the data key itself (bound into every field's associated data).
    let dataKeyVersion: Int
    /// The sealed data key.
    let wrappedDataKey: [UInt8]
    /// Whether the member was erased and only data under a legal hold remains.
    let isErased: Bool
    /// Whether processing of the member is restricted (Art. 18).
    let isRestricted: Bool
}

extension MemberRecord {
    /// Decodes a row of `columns`.
    init(row: [SQLValue]) throws {
        id = try MemberID(row[0].text ?? "")
        masterKeyVersion = Int(row[1].integer ?? 0)
        dataKeyVersion = Int(row[2].integer ?? 0)
        wrappedDataKey = row[3].blob ?? []
        isErased = row[4].integer == 1
        isRestricted = row[5].integer == 1
    }
}
