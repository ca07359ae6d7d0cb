/// `vault.suppression`: the DPO's view of the suppression list and the one way to lift an entry
/// (when a person who was erased or objected asks for marketing again).
public struct SuppressionOperations {
    let context: VaultContext

    /// Every entry, oldest first: field, reason and day, never a value.
    public func list(as principal: Principal) throws -> [SuppressionEntry] {
        try context.audited(principal, .suppressionList) { _ in
            try context.verifyTable("requests")
            return try context.suppression.all()
        }
    }

    /// Lifts the entry for `value` of contact field `field` (normalized as the field is), or the
    /// entry whose id is `entryID`. Exactly one of the two; returns the entry removed.
    public func lift(field: String? = nil, value: String? = nil, entryID: String? = nil, as principal: Principal) throws -> SuppressionEntry {
        let prefix: [UInt8]
        switch (field, value, entryID) {
        case (let field?, let value?, nil):
            guard let definition = context.catalog.definition(of: field), context.contactFields.contains(field) else {
                throw SuppressionError.notAContactField(field)
            }
            let normalized = try context.normalizer().normalize(value, for: definition)
            let blindIndex = try context.keys.blindIndex(field: field, lookupKey: normalized.lookupKey)
            prefix = Array(try context.keys.suppressionHash(field: field, blindIndex: blindIndex).prefix(SuppressionEntry.idByteCount))
        case (nil, nil, let id?):
            guard let bytes = Hex.decode(id), bytes.count == SuppressionEntry.idByteCount else { throw SuppressionError.noSuchEntry }
            prefix = bytes
        default: throw SuppressionError.liftNeedsOneEntry
        }
        return try context.audited(principal, .suppressionLift) { _ in
            try context.verifyTable("requests")
            guard let found = try context.suppression.remove(idPrefix: prefix) else { throw SuppressionError.noSuchEntry }
            return found
        }
    }
}
