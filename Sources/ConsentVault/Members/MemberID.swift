public import Foundation

/// A member's id: a random UUID in lowercase, never sequential, so ids reveal neither order nor
/// count of members.
public struct MemberID: Hashable, Sendable, CustomStringConvertible, Comparable {
    /// The lowercase UUID text.
    public let rawValue: String

    /// A new random id.
    public static func random() -> MemberID { MemberID(uuid: UUID()) }

    private init(uuid: UUID) { rawValue = uuid.uuidString.lowercased() }

    /// Parses `text` as a member id; throws `MemberError.invalidMemberID` if it is not a UUID.
    public init(_ text: String) throws {
        guard let uuid = UUID(uuidString: text) else { throw MemberError.invalidMemberID(text) }
        self.init(uuid: uuid)
    }

    /// The id as text.
    public var description: String { rawValue }

    /// Orders ids by their text, as `member list` pages them.
    public static func < (lhs: MemberID, rhs: MemberID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Where data was captured.
public enum Channel: String, CaseIterable, Sendable, Codable {
    /// At a till or service desk in a shop.
    case store
    /// In the retailer's mobile app.
    case app
    /// On the retailer's website.
    case web
    /// By phone with the call centre.
    case callcenter
    /// By bulk import from another system.
    case `import`
    /// By email (a data subject request, a withdrawal in a reply).
    case email
    /// By letter.
    case letter
    /// By phone, outside the call centre (a store calling back).
    case phone
}
