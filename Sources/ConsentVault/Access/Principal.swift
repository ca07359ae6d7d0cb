/// Who is acting: a named API client with a role, or the local administrator who holds the key
/// file. Every library call that touches member data takes one.
public struct Principal: Sendable, Equatable, CustomStringConvertible {
    /// Name of the client (`crm-app`) or `local-admin`.
    public let name: String
    /// Role id from `roles.json`, or `local_admin`.
    public let role: String

    /// Creates a principal; normally obtained from `Vault.principal(forToken:)`.
    public init(name: String, role: String) {
        self.name = name
        self.role = role
    }

    /// The operator holding the key file. Roles cannot restrict someone who can decrypt the
    /// vault file directly, so this principal may do every operation; purposes and consent still
    /// apply to every read, and everything is audited.
    public static let localAdministrator = Principal(name: "local-admin", role: "local_admin")

    /// Whether this is the local administrator.
    public var isLocalAdministrator: Bool { role == Principal.localAdministrator.role }

    /// `name (role)`.
    public var description: String { "\(name) (\(role))" }
}
