/// How a field's value is validated and normalized.
public enum FieldType: String, Codable, Sendable, CaseIterable {
    /// An email address; the domain is lowercased, lookups ignore case.
    case email
    /// A phone number, normalized to E.164.
    case phone
    /// A person's name: letters, spaces, hyphens, apostrophes, dots.
    case name
    /// A plausible birth date, stored as ISO 8601 `YYYY-MM-DD`.
    case dateOfBirth = "date_of_birth"
    /// One of the definition's `values`.
    case enumeration = "enum"
    /// A postal address: street, house number, postal code, city, country.
    case address
    /// Free text without control characters.
    case text
    /// A loyalty member number matching the definition's `pattern`.
    case memberNumber = "member_number"
}

/// Whether the member told us the value (zero-party) or we collected it (first-party).
public enum DataParty: String, Codable, Sendable {
    /// Volunteered by the member: preferences, sizes, birthday.
    case zero
    /// Collected in the course of the relationship: contact data, names, purchases.
    case first
}

/// One entry of the field catalog (`Policies/fields.json`).
public struct FieldDefinition: Codable, Sendable, Equatable {
    /// The field's name, used in the CLI, the API and the database.
    public let name: String
    /// Validation and normalization rules.
    public let type: FieldType
    /// Zero- or first-party data.
    public let party: DataParty
    /// Data category in fideslang notation, e.g. `user.contact.email`.
    public let category: String
    /// Whether a blind index allows exact lookup by this field.
    public let indexed: Bool
    /// Whether two members may not share a value (only meaningful for indexed fields).
    public let unique: Bool
    /// Longest accepted normalized value, in characters.
    public let maxLength: Int
    /// Allowed values of an `enum` field.
    public let values: [String]?
    /// Regular expression a `member_number` must match.
    public let pattern: String?
    /// What the field holds, for people reading the catalog.
    public let description: String
    /// What a member reads for the field, by language (`de`, `en`), e.g. in export.html.
    public let label: [String: String]?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, type, party, category, indexed, unique, values, pattern, description, label
        case maxLength = "max_length"
    }

    /// Decodes a definition; `unique` defaults to false.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        type = try container.decode(FieldType.self, forKey: .type)
        party = try container.decode(DataParty.self, forKey: .party)
        category = try container.decode(String.self, forKey: .category)
        indexed = try container.decode(Bool.self, forKey: .indexed)
        unique = try container.decodeIfPresent(Bool.self, forKey: .unique) ?? false
        maxLength = try container.decode(Int.self, forKey: .maxLength)
        values = try container.decodeIfPresent([String].self, forKey: .values)
        pattern = try container.decodeIfPresent(String.self, forKey: .pattern)
        description = try container.decode(String.self, forKey: .description)
        label = try container.decodeIfPresent([String: String].self, forKey: .label)
    }
}
