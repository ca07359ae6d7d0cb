/// One member's row and encrypted field values, read once per operation. Values are decrypted
/// on demand, and the data key is unwrapped at most once, however many fields are asked for.
final class StoredMember {
    /// The member's key material and erasure state.
    let record: MemberRecord
    /// Whether an open restriction request (Art. 18) covers the member.
    let isRestricted: Bool
    /// Names of the fields the member has a value for.
    let fieldNames: Set<String>
    /// The member's consent events in ledger order, when loaded with the member (nil: not read).
    let consentEvents: [ConsentEvent]?
    /// Fields restricted after a withdrawal, when loaded with the member (nil: not read).
    let restrictedFields: Set<String>?
    private let sealedValues: [String: SealedValue]
    private let keys: VaultKeys
    private var dataKey: SecureBytes?

    /// `dataKey`, when the caller already holds it (a member just written), spares the unwrap.
    init(record: MemberRecord, isRestricted: Bool, sealedValues: [String: SealedValue], keys: VaultKeys, dataKey: SecureBytes? = nil,
         consentEvents: [ConsentEvent]? = nil, restrictedFields: Set<String>? = nil) {
        self.record = record
        self.isRestricted = isRestricted
        self.consentEvents = consentEvents
        self.restrictedFields = restrictedFields
        self.dataKey = dataKey
        self.sealedValues = sealedValues
        self.keys = keys
        fieldNames = Set(sealedValues.keys)
    }

    /// Whose data this is.
    var id: MemberID { record.id }

    /// Decrypted values of `names` (or of every stored field); names without a value are left out.
    /// A value that fails authentication is an integrity error naming member and field.
    func values(_ names: [String]? = nil) throws -> [String: String] {
        var result: [String: String] = [:]
        for name in names ?? Array(sealedValues.keys) {
            guard let sealed = sealedValues[name] else { continue }
            let binding = keys.fieldBinding(member: id, field: name, dataKeyVersion: sealed.dataKeyVersion)
            let dataKey = try unwrappedDataKey()
            guard let plaintext = try? AEAD.openText(sealed.ciphertext, using: dataKey, authenticating: binding) else {
                throw MemberError.integrity(member: id.rawValue, field: name)
            }
            result[name] = plaintext
        }
        return result
    }

    /// The data key, unwrapped on first use.
    func unwrappedDataKey() throws -> SecureBytes {
        if let dataKey { return dataKey }
        let key = try keys.unwrapDataKey(record.wrappedDataKey, member: id, masterVersion: record.masterKeyVersion,
                                         dataKeyVersion: record.dataKeyVersion)
        dataKey = key
        return key
    }
}
