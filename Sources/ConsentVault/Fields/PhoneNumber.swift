/// Phone numbers to E.164 (`+491712345678`). Accepts international forms (`+49 …`, `0049 …`,
/// `+49 (0)30 …`) and national ones (`0171 2345678`, `030/1234567`) in the default country.
enum PhoneNumber {
    private static let callingCodes: [String: String] = [
        "DE": "49", "AT": "43", "CH": "41", "NL": "31", "BE": "32", "LU": "352", "FR": "33", "DK": "45",
        "PL": "48", "CZ": "420", "IT": "39", "ES": "34", "GB": "44", "IE": "353", "SE": "46", "US": "1",
    ]

    /// The international calling code of `country`, or nil if not supported.
    static func callingCode(forCountry country: String) -> String? {
        callingCodes[country.uppercased()]
    }

    /// `digits` (country code first) without a national trunk `0` written after the country code
    /// (`+49 0170 …` is `+49 170 …`, as `+49 (0)170 …` is), so one number has one form. Italy
    /// (`39`) keeps its leading 0, which belongs to the number there.
    private static func withoutTrunkZero(_ digits: String) -> String {
        guard let code = callingCodes.values.sorted(by: { $0.count > $1.count }).first(where: { digits.hasPrefix($0) }), code != "39",
              digits.dropFirst(code.count).first == "0" else { return digits }
        return code + digits.dropFirst(code.count + 1)
    }

    /// The E.164 form of `text`; the lookup key is the same.
    static func normalize(_ text: String, field: String, defaultCountry: String) throws(FieldValueError) -> NormalizedValue {
        var compact = text.replacingOccurrences(of: "(0)", with: "")
        compact.removeAll { " \t-/.()".contains($0) }
        let digits: String
        if compact.hasPrefix("+") {
            digits = String(compact.dropFirst())
        } else if compact.hasPrefix("00") {
            digits = String(compact.dropFirst(2))
        } else if compact.hasPrefix("0") {
            guard let code = callingCode(forCountry: defaultCountry) else {
                throw .invalid(field: field, reason: "national numbers need a supported default country")
            }
            digits = code + compact.dropFirst()
        } else {
            throw .invalid(field: field, reason: "must start with +, 00 or a national 0")
        }
        guard digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw .invalid(field: field, reason: "may contain only digits, spaces, +, -, / and parentheses")
        }
        guard !digits.hasPrefix("0") else { throw .invalid(field: field, reason: "country code cannot start with 0") }
        let number = withoutTrunkZero(digits)
        guard (7...15).contains(number.count) else {
            throw .invalid(field: field, reason: "an international number has 7 to 15 digits")
        }
        let e164 = "+" + number
        return NormalizedValue(stored: e164, lookupKey: e164)
    }
}
