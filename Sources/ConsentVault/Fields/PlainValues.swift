import Foundation

/// Normalization of the simple field types: names, free text, enums and member numbers.
enum PlainValues {
    private static let nameSeparators = Set(" -'’.")

    /// A person's name: NFC, single spaces, letters and name punctuation only.
    static func name(_ text: String, field: String) throws(FieldValueError) -> NormalizedValue {
        let collapsed = text.precomposedStringWithCanonicalMapping
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard collapsed.contains(where: \.isLetter) else { throw .invalid(field: field, reason: "a name needs at least one letter") }
        guard collapsed.allSatisfy({ $0.isLetter || nameSeparators.contains($0) }) else {
            throw .invalid(field: field, reason: "a name may contain only letters, spaces, hyphens, apostrophes and dots")
        }
        return NormalizedValue(stored: collapsed, lookupKey: collapsed.lowercased())
    }

    /// Free text: NFC, trimmed.
    static func text(_ text: String, field: String) throws(FieldValueError) -> NormalizedValue {
        let normalized = text.precomposedStringWithCanonicalMapping
        return NormalizedValue(stored: normalized, lookupKey: normalized.lowercased())
    }

    /// One of the field's listed values, matched without regard to case; `42,5` matches `42.5`.
    static func enumeration(_ text: String, field: FieldDefinition) throws(FieldValueError) -> NormalizedValue {
        let candidate = text.replacingOccurrences(of: ",", with: ".").uppercased()
        guard let match = (field.values ?? []).first(where: { $0.uppercased() == candidate }) else {
            throw .invalid(field: field.name, reason: "must be one of the values listed for it in the field catalog")
        }
        return NormalizedValue(stored: match, lookupKey: match)
    }

    /// A member number: uppercase, spaces removed, matching the catalog's pattern in full.
    static func memberNumber(_ text: String, field: FieldDefinition) throws(FieldValueError) -> NormalizedValue {
        let compact = text.uppercased().filter { !$0.isWhitespace }
        guard let pattern = field.pattern, let expression = try? NSRegularExpression(pattern: "^(?:\(pattern))$"),
              expression.firstMatch(in: compact, range: NSRange(compact.startIndex..., in: compact)) != nil else {
            throw .invalid(field: field.name, reason: "does not match the member number format \(field.pattern ?? "")")
        }
        return NormalizedValue(stored: compact, lookupKey: compact)
    }
}
