import Foundation

/// Checks a decoded field catalog for everything JSON decoding cannot see.
enum FieldCatalogValidator {
    /// Types whose values have so few distinct forms that a blind index would leak them.
    static let lowCardinalityTypes: Set<FieldType> = [.dateOfBirth, .enumeration]

    /// Every problem in `catalog`, in document order.
    static func problems(in catalog: FieldCatalog, file: String) -> [PolicyProblem] {
        var problems: [PolicyProblem] = []
        func report(_ path: String, _ message: String) { problems.append(PolicyProblem(file: file, path: path, message: message)) }
        if catalog.version < 1 { report("$.version", "must be 1 or higher") }
        if PhoneNumber.callingCode(forCountry: catalog.defaultCountry) == nil {
            report("$.default_country", "unsupported country '\(catalog.defaultCountry)'; use an ISO 3166 code such as DE")
        }
        if catalog.fields.isEmpty { report("$.fields", "must list at least one field") }
        var seen: Set<String> = []
        for (index, field) in catalog.fields.enumerated() {
            let path = "$.fields[\(index)]"
            if field.name.range(of: "^[a-z][a-z0-9_]{0,63}$", options: .regularExpression) == nil {
                report("\(path).name", "'\(field.name)' must be lowercase letters, digits and '_', starting with a letter")
            }
            if !seen.insert(field.name).inserted { report("\(path).name", "duplicate field name '\(field.name)'") }
            if !field.category.hasPrefix("user.") { report("\(path).category", "'\(field.category)' is not a fideslang user data category (user.…)") }
            if field.maxLength < 1 || field.maxLength > 4096 { report("\(path).max_length", "must be between 1 and 4096") }
            if field.indexed && lowCardinalityTypes.contains(field.type) {
                report("\(path).indexed", "a \(field.type.rawValue) field must not be indexed: few distinct values make its index guessable")
            }
            if let label = field.label {
                for language in ["de", "en"] where (label[language] ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
                    report("\(path).label.\(language)", "a label needs a German and an English text")
                }
                for (language, text) in label where text.count > 80 || !PolicyText.isOneLine(text) {
                    report("\(path).label.\(language)", "must be one line of at most 80 characters")
                }
            }
            if field.unique && !field.indexed { report("\(path).unique", "only an indexed field can be unique") }
            // A contact kept as text would escape lookups by contact and the suppression list.
            if field.category.hasPrefix("user.contact.email"), field.type != .email {
                report("\(path).type", "a field of category \(field.category) must be of type email")
            }
            if field.category.hasPrefix("user.contact.phone"), field.type != .phone {
                report("\(path).type", "a field of category \(field.category) must be of type phone")
            }
            // Contact data must be findable: for a data subject's request by contact and for the suppression list.
            if (field.type == .email || field.type == .phone) && !field.indexed {
                report("\(path).indexed", "an \(field.type.rawValue) field must be indexed (requests by contact and the suppression list look it up)")
            }
            if field.type == .enumeration && (field.values ?? []).isEmpty { report("\(path).values", "an enum field needs a non-empty 'values' list") }
            if field.type != .enumeration && field.values != nil { report("\(path).values", "only enum fields take 'values'") }
            switch (field.type, field.pattern) {
            case (.memberNumber, nil): report("\(path).pattern", "a member_number field needs a 'pattern'")
            case (.memberNumber, let pattern?) where (try? NSRegularExpression(pattern: pattern)) == nil:
                report("\(path).pattern", "not a valid regular expression")
            case (let type, _?) where type != .memberNumber: report("\(path).pattern", "only member_number fields take a 'pattern'")
            default: break
            }
        }
        return problems
    }
}
