public import Foundation

/// The catalog of fields a vault stores (`Policies/fields.json`): the only field names the vault
/// accepts, with their types, categories and indexing rules.
public struct FieldCatalog: Codable, Sendable, Equatable {
    /// File name of the catalog inside a policy folder.
    public static let fileName = "fields.json"

    /// Version of the catalog document, raised on every change.
    public let version: Int
    /// ISO 3166 country used for national phone numbers and addresses without a country.
    public let defaultCountry: String
    /// The fields, in display order.
    public let fields: [FieldDefinition]

    enum CodingKeys: String, CodingKey {
        case version, fields
        case defaultCountry = "default_country"
    }

    /// The definition of `name`, or nil for an unknown field.
    public func definition(of name: String) -> FieldDefinition? {
        fields.first { $0.name == name }
    }

    /// Loads and validates the catalog in `directory`, reporting every problem found.
    public static func load(fromDirectory directory: URL) throws -> FieldCatalog {
        let url = directory.appendingPathComponent(fileName)
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw PolicyError.unreadable(file: url.path, reason: error.localizedDescription)
        }
        return try decode(data, file: fileName)
    }

    /// Decodes and validates catalog JSON; `file` names it in error messages.
    public static func decode(_ data: Data, file: String) throws -> FieldCatalog {
        let catalog: FieldCatalog
        do {
            catalog = try JSONDecoder().decode(FieldCatalog.self, from: data)
        } catch let error as DecodingError {
            throw PolicyError.invalid([PolicyDecoding.problem(from: error, file: file, data: data)])
        }
        let problems = FieldCatalogValidator.problems(in: catalog, file: file)
        guard problems.isEmpty else { throw PolicyError.invalid(problems) }
        return catalog
    }
}
