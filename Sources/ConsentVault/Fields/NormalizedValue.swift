import Foundation

/// A validated field value in its canonical stored form, plus the form its blind index hashes.
struct NormalizedValue: Sendable {
    /// What is encrypted and returned on read.
    let stored: String
    /// What the blind index hashes (case-folded where case does not matter).
    let lookupKey: String
}

/// Validates and normalizes raw input for a field, by the field's type.
struct FieldNormalizer: Sendable {
    /// The catalog the fields come from.
    let catalog: FieldCatalog
    /// Today's date, for plausibility checks of birth dates.
    let today: CalendarDay

    /// Each input with its definition and canonical form; an unknown or repeated field, or a bad value, throws.
    func normalize(_ fields: [FieldInput]) throws -> [(FieldDefinition, NormalizedValue)] {
        var seen: Set<String> = []
        return try fields.map { input in
            guard let definition = catalog.definition(of: input.name) else { throw FieldValueError.unknownField(input.name) }
            guard seen.insert(input.name).inserted else { throw FieldValueError.duplicateField(input.name) }
            return (definition, try normalize(input.value, for: definition))
        }
    }

    /// The canonical form of `raw` for `field`, or an error saying which rule it breaks. Every
    /// value is first brought to Unicode NFKC without invisible format characters, so the same
    /// text typed as NFC, NFD, full-width or with a zero-width space stores and indexes alike.
    func normalize(_ raw: String, for field: FieldDefinition) throws(FieldValueError) -> NormalizedValue {
        let visible = String(String.UnicodeScalarView(raw.precomposedStringWithCompatibilityMapping.unicodeScalars.filter {
            $0.properties.generalCategory != .format
        }))
        let trimmed = visible.trimmingWhitespace
        guard !trimmed.isEmpty else { throw .invalid(field: field.name, reason: "must not be empty") }
        guard !trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control && $0 != "\n" }) else {
            throw .invalid(field: field.name, reason: "contains control characters")
        }
        let value: NormalizedValue
        switch field.type {
        case .email: value = try EmailAddress.normalize(trimmed, field: field.name)
        case .phone: value = try PhoneNumber.normalize(trimmed, field: field.name, defaultCountry: catalog.defaultCountry)
        case .name: value = try PlainValues.name(trimmed, field: field.name)
        case .dateOfBirth: value = try BirthDate.normalize(trimmed, field: field.name, today: today)
        case .enumeration: value = try PlainValues.enumeration(trimmed, field: field)
        case .address: value = try PostalAddress.normalize(trimmed, field: field.name, defaultCountry: catalog.defaultCountry)
        case .text: value = try PlainValues.text(trimmed, field: field.name)
        case .memberNumber: value = try PlainValues.memberNumber(trimmed, field: field)
        }
        guard value.stored.count <= field.maxLength else { throw .tooLong(field: field.name, maximum: field.maxLength) }
        return value
    }
}
