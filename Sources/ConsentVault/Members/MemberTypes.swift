/// A field name with the value given for it, as the caller typed it (normalized by the vault).
public struct FieldInput: Sendable, Equatable {
    /// Catalog name of the field, e.g. `email`.
    public let name: String
    /// The value as entered.
    public let value: String

    /// A value for field `name`.
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// The new member and what happened to the consents recorded with it.
public struct Enrollment: Sendable, Equatable {
    /// The new member's id.
    public let member: MemberID
    /// One result per consent given at sign-up (pending ones carry their token).
    public let consents: [GrantResult]
}

/// What a purpose-bound read returned, and what it withheld.
public struct ReadResult: Sendable, Equatable {
    /// Whose fields these are.
    public let member: MemberID
    /// Field values the purpose may use now.
    public let fields: [String: String]
    /// Fields withheld, with the reason.
    public let denied: [FieldDenial]
}

/// Which of the requested fields a purpose may use for a member now, and why the others not.
struct AccessDecision {
    /// Fields the purpose may use.
    let allowed: [String]
    /// Fields withheld, with the reason.
    let denied: [FieldDenial]
}
