import Foundation

/// Postal addresses, given either as JSON (`{"street": …, "house_number": …, "postal_code": …,
/// "city": …, "country": …}`) or as one line (`Hauptstraße 5, 10115 Berlin[, DE]`), stored as
/// canonical JSON with sorted keys.
struct PostalAddress: Codable, Equatable {
    /// Street name without the number.
    var street: String
    /// House number, optionally with a letter or a range (`12a`, `3-5`).
    var houseNumber: String
    /// Postal code in the country's format.
    var postalCode: String
    /// City or town.
    var city: String
    /// ISO 3166 alpha-2 country code.
    var country: String

    enum CodingKeys: String, CodingKey {
        case street, city, country
        case houseNumber = "house_number"
        case postalCode = "postal_code"
    }

    private static let houseNumberPattern = "^[0-9]{1,5}[a-zA-Z]?(\\s*[-/]\\s*[0-9]{1,5}[a-zA-Z]?)?$"
    private static let postalCodePatterns = ["DE": "^[0-9]{5}$", "AT": "^[0-9]{4}$", "CH": "^[0-9]{4}$", "NL": "^[0-9]{4} ?[A-Z]{2}$"]

    /// Canonical JSON of the address in `text`; the lookup key is its lowercase form.
    static func normalize(_ text: String, field: String, defaultCountry: String) throws(FieldValueError) -> NormalizedValue {
        var address = try parse(text, field: field, defaultCountry: defaultCountry)
        address.street = address.street.precomposedStringWithCanonicalMapping
        address.city = address.city.precomposedStringWithCanonicalMapping
        try address.validate(field: field)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(address), let json = String(data: data, encoding: .utf8) else {
            throw .invalid(field: field, reason: "cannot be encoded")
        }
        return NormalizedValue(stored: json, lookupKey: json.lowercased())
    }

    private static func parse(_ text: String, field: String, defaultCountry: String) throws(FieldValueError) -> PostalAddress {
        if text.hasPrefix("{") {
            struct Input: Decodable {
                let street: String, houseNumber: String, postalCode: String, city: String, country: String?
                enum CodingKeys: String, CodingKey {
                    case street, city, country
                    case houseNumber = "house_number"
                    case postalCode = "postal_code"
                }
            }
            guard let input = try? JSONDecoder().decode(Input.self, from: Data(text.utf8)) else {
                throw .invalid(field: field, reason: "JSON address needs string keys street, house_number, postal_code, city (country optional)")
            }
            return PostalAddress(street: input.street, houseNumber: input.houseNumber, postalCode: input.postalCode,
                                 city: input.city, country: (input.country ?? defaultCountry).uppercased())
        }
        let parts = text.split(separator: ",").map { $0.trimmingWhitespace }
        guard parts.count == 2 || parts.count == 3 else {
            throw .invalid(field: field, reason: "expected 'street number, postal code city[, country]'")
        }
        guard let numberStart = parts[0].lastIndex(of: " ") else {
            throw .invalid(field: field, reason: "the street needs a house number after it")
        }
        guard let codeEnd = parts[1].firstIndex(of: " ") else {
            throw .invalid(field: field, reason: "the postal code must be followed by the city")
        }
        return PostalAddress(
            street: String(parts[0][..<numberStart]).trimmingWhitespace,
            houseNumber: String(parts[0][numberStart...]).trimmingWhitespace,
            postalCode: String(parts[1][..<codeEnd]),
            city: String(parts[1][codeEnd...]).trimmingWhitespace,
            country: (parts.count == 3 ? parts[2] : defaultCountry).uppercased())
    }

    private func validate(field: String) throws(FieldValueError) {
        guard street.contains(where: \.isLetter), street.count <= 100 else { throw .invalid(field: field, reason: "the street name needs letters") }
        guard houseNumber.range(of: Self.houseNumberPattern, options: .regularExpression) != nil else {
            throw .invalid(field: field, reason: "the house number must be digits, optionally with a letter or range (12a, 3-5)")
        }
        guard country.count == 2, country.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            throw .invalid(field: field, reason: "the country must be an ISO 3166 two-letter code")
        }
        let codePattern = Self.postalCodePatterns[country] ?? "^[0-9A-Z -]{3,10}$"
        guard postalCode.range(of: codePattern, options: .regularExpression) != nil, !(country == "DE" && postalCode.hasPrefix("00")) else {
            throw .invalid(field: field, reason: "not a valid postal code for \(country)")
        }
        guard city.contains(where: \.isLetter), city.count <= 80 else { throw .invalid(field: field, reason: "the city name needs letters") }
    }
}
