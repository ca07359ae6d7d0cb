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

    /// Lifts the entries for `value` of contact field `field` (normalized as the field is; under
    /// every contact field of its type, as erasure adds them), or the entry whose id is `entryID`.
    /// Exactly one of the two; returns every entry removed.
    @discardableResult
    public func lift(field: String? = nil, value: String? = nil, entryID: String? = nil, as principal: Principal) throws -> [SuppressionEntry] {
        let prefixes: [[UInt8]]
        switch (field, value, entryID) {
        case (let field?, let value?, nil):
            guard let definition = context.catalog.definition(of: field), context.contactFields.contains(field) else {
                throw SuppressionError.notAContactField(field)
            }
            let normalized = try context.normalizer().normalize(value, for: definition)
            prefixes = try context.suppressionHashes(of: normalized.lookupKey, type: definition.type).map { Array($0.hash.prefix(SuppressionEntry.idByteCount)) }
        case (nil, nil, let id?):
            guard let bytes = Hex.decode(id), bytes.count == SuppressionEntry.idByteCount else { throw SuppressionError.noSuchEntry }
            prefixes = [bytes]
        default: throw SuppressionError.liftNeedsOneEntry
        }
        return try context.audited(principal, .suppressionLift) { _ in
            try context.verifyTable("requests")
            let removed = try prefixes.compactMap { try context.suppression.remove(idPrefix: $0) }
            guard !removed.isEmpty else { throw SuppressionError.noSuchEntry }
            return removed
        }
    }
}
