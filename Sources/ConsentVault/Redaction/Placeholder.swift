import Foundation

/// What replaces one value in a redacted text: its entity type and number, written `[PERSON_1]`.
/// The same value keeps the same placeholder within a text and a session.
public struct Placeholder: Hashable, Sendable, CustomStringConvertible {
    /// The kind of personal data replaced.
    public let type: EntityType
    /// 1 for the first value of this type in the session, 2 for the next distinct one, …
    public let number: Int

    /// The placeholder for the `number`th value of `type`.
    public init(type: EntityType, number: Int) {
        self.type = type
        self.number = number
    }

    /// Parses `[TYPE_N]` exactly; nil for anything else.
    public init?(_ text: String) {
        guard text.hasPrefix("["), text.hasSuffix("]"), let underscore = text.lastIndex(of: "_") else { return nil }
        let typeName = text[text.index(after: text.startIndex)..<underscore]
        let digits = text[text.index(after: underscore)..<text.index(before: text.endIndex)]
        guard let type = EntityType(rawValue: String(typeName)), !digits.isEmpty, digits.allSatisfy(\.isASCII),
              let number = Int(digits), number > 0 else { return nil }
        self.init(type: type, number: number)
    }

    /// `[TYPE_N]`.
    public var description: String { "[\(type.rawValue)_\(number)]" }
}

/// One entity replaced in a text: its type, placeholder and position in the input (Unicode code
/// points, end exclusive). Never the value.
public struct RedactedEntity: Sendable, Equatable {
    /// The kind of personal data that was replaced.
    public let type: EntityType
    /// What replaced it.
    public let placeholder: Placeholder
    /// First code point in the input.
    public let start: Int
    /// One past the last code point in the input.
    public let end: Int
}

/// A text with its personal data replaced by placeholders.
public struct Redaction: Sendable, Equatable {
    /// The text with placeholders.
    public let text: String
    /// The entities replaced, in text order.
    public let entities: [RedactedEntity]
}

/// What a placeholder stands for. Inside a vault it is kept only in the encrypted session.
struct PlaceholderValue: Codable, Equatable {
    /// Entity type (raw value of `EntityType`).
    let type: String
    /// The original text.
    let value: String
    /// The catalog field it is a known value of, if any (only such values can be demasked); a known
    /// full name lists both fields, space-separated, and needs both allowed.
    let field: String?
}

/// The placeholders handed out so far and the values they stand for, so that one value keeps
/// one placeholder across several texts. Holds plaintext: keep it only as long as needed.
public struct PlaceholderSession: Sendable {
    var mapping: [String: PlaceholderValue] = [:]

    /// An empty session.
    public init() {}

    /// The placeholders of this session.
    public var placeholders: [Placeholder] { mapping.keys.compactMap(Placeholder.init).sorted { $0.description < $1.description } }

    /// `text` with every placeholder of this session put back. The vault's `prompts.demask`
    /// does this with a consent check; this one trusts its caller.
    public func restore(_ text: String) -> String {
        var output = text
        for (placeholder, value) in mapping { output = output.replacingOccurrences(of: placeholder, with: value.value) }
        return output
    }
}

extension Redactor {
    /// A redactor for free text: `knownValues` (field name → value, e.g. a member's own data) are
    /// found first; member numbers follow the catalog's `member_number` pattern, if it has one.
    public init(catalog: FieldCatalog, knownValues: [String: String] = [:]) throws {
        let pattern = catalog.fields.first { $0.type == .memberNumber }?.pattern
        self.init(knownValues: knownValues, memberNumberPattern: try pattern.map { try NSRegularExpression(pattern: $0, options: [.caseInsensitive]) })
    }

    /// Redacts `text` with fresh placeholders.
    public func redact(_ text: String) -> Redaction {
        var mapping: [String: PlaceholderValue] = [:]
        return redact(text, mapping: &mapping)
    }

    /// Redacts `text`, reusing and extending the placeholders of `session`.
    public func redact(_ text: String, session: inout PlaceholderSession) -> Redaction {
        redact(text, mapping: &session.mapping)
    }
}

/// A session's placeholders while a text is redacted: the same value of a type gets the same
/// placeholder, new values the next number. Lookups are by value, so a text with many entities
/// costs linear time, not a scan of the session per entity.
struct PlaceholderBook {
    /// The session mapping, placeholder text → value, with this text's new entries.
    private(set) var mapping: [String: PlaceholderValue]
    private var byValue: [String: Placeholder] = [:]
    private var counts: [String: Int] = [:]

    /// A book continuing `mapping`.
    init(_ mapping: [String: PlaceholderValue]) {
        self.mapping = mapping
        for (text, value) in mapping {
            guard let placeholder = Placeholder(text), let type = EntityType(rawValue: value.type) else { continue }
            byValue[value.type + "\u{0}" + Redactor.comparable(value.value, type: type)] = placeholder
            counts[value.type, default: 0] += 1
        }
    }

    /// The placeholder of `value`: the session's existing one, or the next number of its type.
    mutating func placeholder(for value: String, type: EntityType, field: String?) -> Placeholder {
        let key = type.rawValue + "\u{0}" + Redactor.comparable(value, type: type)
        if let existing = byValue[key] { return existing }
        counts[type.rawValue, default: 0] += 1
        let placeholder = Placeholder(type: type, number: counts[type.rawValue]!)
        mapping[placeholder.description] = PlaceholderValue(type: type.rawValue, value: value, field: field)
        byValue[key] = placeholder
        return placeholder
    }
}
