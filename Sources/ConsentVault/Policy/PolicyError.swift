/// One problem in a policy file: which file, where in it (a JSON path such as
/// `$.fields[3].type`), and what is wrong.
public struct PolicyProblem: Sendable, Equatable, CustomStringConvertible {
    /// The file name, e.g. `fields.json`.
    public let file: String
    /// JSON path of the offending value.
    public let path: String
    /// What is wrong, without quoting personal data (policies hold none).
    public let message: String

    /// `file: path: message`.
    public var description: String { "\(file): \(path): \(message)" }
}

/// A policy set that cannot be used.
public enum PolicyError: VaultError, Equatable {
    /// The file could not be read.
    case unreadable(file: String, reason: String)
    /// The file was read and has these problems.
    case invalid([PolicyProblem])

    /// Every problem on its own line.
    public var description: String {
        switch self {
        case .unreadable(let file, let reason): return "\(file): cannot be read: \(reason)"
        case .invalid(let problems): return problems.map(\.description).joined(separator: "\n")
        }
    }

    /// Stable machine-readable name of the failure.
    public var code: String {
        switch self {
        case .unreadable: return "policy_unreadable"
        case .invalid: return "policy_invalid"
        }
    }
}
