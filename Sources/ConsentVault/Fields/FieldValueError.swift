/// A field value the vault will not store. Messages name the field and the rule broken, never
/// the value itself (it is personal data).
public enum FieldValueError: VaultError, Equatable {
    /// The catalog has no field of this name.
    case unknownField(String)
    /// The value breaks the field's rule; `reason` says which.
    case invalid(field: String, reason: String)
    /// The normalized value is longer than the catalog allows.
    case tooLong(field: String, maximum: Int)
    /// The same field was given twice in one request.
    case duplicateField(String)
    /// A lookup used a field without a blind index.
    case notIndexed(String)

    /// What is wrong, naming the field only.
    public var description: String {
        switch self {
        case .unknownField(let name): return "unknown field '\(Echo.name(name))'"
        case .invalid(let field, let reason): return "invalid value for field '\(Echo.name(field))': \(reason)"
        case .tooLong(let field, let maximum): return "value for field '\(Echo.name(field))' is longer than \(maximum) characters"
        case .duplicateField(let name): return "field '\(Echo.name(name))' is given more than once"
        case .notIndexed(let name): return "field '\(Echo.name(name))' has no index, so members cannot be looked up by it"
        }
    }

    /// Stable machine-readable name of the failure.
    public var code: String {
        switch self {
        case .unknownField: return "unknown_field"
        case .invalid: return "invalid_value"
        case .tooLong: return "too_long"
        case .duplicateField: return "duplicate_field"
        case .notIndexed: return "not_indexed"
        }
    }
}
