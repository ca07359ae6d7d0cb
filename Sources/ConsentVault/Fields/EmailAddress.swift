/// Email validation: one `@`, a sensible local part, a domain of at least two labels.
enum EmailAddress {
    private static let localSpecials = Set("!#$%&'*+/=?^_`{|}~.-")

    /// `Local@Domain` with the domain lowercased; the lookup key is lowercased entirely, with
    /// Punycode labels (`xn--…`) in their Unicode form, so both spellings find the same member.
    static func normalize(_ text: String, field: String) throws(FieldValueError) -> NormalizedValue {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { throw .invalid(field: field, reason: "an email address has exactly one '@'") }
        let local = parts[0]
        let domain = parts[1].lowercased()
        guard !local.isEmpty, local.count <= 64 else { throw .invalid(field: field, reason: "the part before '@' must be 1 to 64 characters") }
        guard local.allSatisfy({ $0.isLetter || $0.isNumber || localSpecials.contains($0) }),
              !local.hasPrefix("."), !local.hasSuffix("."), !local.contains("..") else {
            throw .invalid(field: field, reason: "the part before '@' has characters an address cannot have")
        }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else { throw .invalid(field: field, reason: "the domain needs a dot, as in example.de") }
        for label in labels {
            guard !label.isEmpty, label.count <= 63, !label.hasPrefix("-"), !label.hasSuffix("-"),
                  label.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else {
                throw .invalid(field: field, reason: "the domain is not a valid host name")
            }
        }
        guard let topLevel = labels.last, topLevel.count >= 2, topLevel.allSatisfy(\.isLetter) else {
            throw .invalid(field: field, reason: "the domain must end in a top-level domain of letters")
        }
        var unicodeLabels: [String] = []
        for label in labels {
            guard let decoded = Punycode.decodeLabel(label), !decoded.isEmpty else {
                throw .invalid(field: field, reason: "the domain has an 'xn--' label that is not valid Punycode")
            }
            unicodeLabels.append(decoded.lowercased())
        }
        let stored = "\(local)@\(domain)"
        return NormalizedValue(stored: stored, lookupKey: "\(local)@\(unicodeLabels.joined(separator: "."))".lowercased())
    }
}
