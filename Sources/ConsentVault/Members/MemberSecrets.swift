/// A new member's secrets, made before the rows are written (`VaultKeys.EnrollmentKeys.prepare`):
/// everything an enrolment computes with keys, so an import can make them beside its writer.
struct MemberSecrets: @unchecked Sendable {
    /// The new member's random id.
    let member: MemberID
    /// The master key version the data key is wrapped under.
    let masterVersion: Int
    /// The member's data key, in protected memory.
    let dataKey: SecureBytes
    /// The data key sealed under the master key's wrapping key, bound to member and versions.
    let wrappedDataKey: [UInt8]
    /// The member's erasure tag.
    let erasureTag: String
    /// Each value, sealed, with its blind index if the field is indexed.
    let values: [PreparedValue]
}

/// One value of a new member, sealed under the data key, with its blind-index hash.
struct PreparedValue: Sendable {
    let definition: FieldDefinition
    let value: NormalizedValue
    let sealed: SealedValue
    /// Nil for a field without a blind index.
    let blindIndex: [UInt8]?
}
