import Foundation

/// Attributes a prompt template may use (`{{birth_month}}`), each from one field in a generalized
/// form that is not a direct identifier, plus `first_name` as a placeholder for demasking.
enum PromptAttribute: String, CaseIterable {
    /// `[PERSON_1]`, put back by demask if consented.
    case firstName = "first_name"
    /// Month of birth, e.g. `Dezember / December`.
    case birthMonth = "birth_month"
    /// Ten-year age band, e.g. `30–39`.
    case ageBand = "age_band"
    /// City of the address only.
    case city
    /// Clothing size as stored.
    case clothingSize = "clothing_size"
    /// Shoe size as stored.
    case shoeSize = "shoe_size"
    /// Preferred store as stored.
    case preferredStore = "preferred_store"

    /// The field the attribute comes from.
    var field: String {
        switch self {
        case .firstName: return "first_name"
        case .birthMonth, .ageBand: return "birthday"
        case .city: return "address"
        case .clothingSize: return "clothing_size"
        case .shoeSize: return "shoe_size"
        case .preferredStore: return "preferred_store"
        }
    }

    private static let monthNames = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"]

    /// The generalized form of `value`.
    func generalize(_ value: String, today: CalendarDay) -> String {
        switch self {
        case .birthMonth:
            guard let day = CalendarDay(iso: value) else { return "" }
            return Self.monthNames[day.month - 1]
        case .ageBand:
            guard let age = BirthDate.age(of: value, on: today) else { return "" }
            return "\(age / 10 * 10)–\(age / 10 * 10 + 9)"
        case .city:
            return ((try? JSONSerialization.jsonObject(with: Data(value.utf8))) as? [String: String])?["city"] ?? ""
        default:
            return value
        }
    }
}

/// A template's `{{attribute}}` and `{{attribute|fallback}}` slots.
enum PromptTemplate {
    /// A slot: where, which attribute name, and the template's fallback.
    struct Slot {
        let range: Range<String.Index>
        let name: String
        let fallback: String
    }

    /// Every slot in `template`, in order.
    static func slots(in template: String) -> [Slot] {
        var slots: [Slot] = []
        var searchStart = template.startIndex
        while let open = template.range(of: "{{", range: searchStart..<template.endIndex),
              let close = template.range(of: "}}", range: open.upperBound..<template.endIndex) {
            let inner = template[open.upperBound..<close.lowerBound]
            let parts = inner.split(separator: "|", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            slots.append(Slot(range: open.lowerBound..<close.upperBound, name: parts.first ?? "", fallback: parts.count > 1 ? parts[1] : ""))
            searchStart = close.upperBound
        }
        return slots
    }
}
