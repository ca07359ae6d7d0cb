/// Kinds of personal data the redactor finds; the raw value names the placeholder (`[EMAIL_1]`).
public enum EntityType: String, Sendable, CaseIterable, Codable {
    /// A person's name.
    case person = "PERSON"
    /// An email address.
    case email = "EMAIL"
    /// A phone number.
    case phone = "PHONE"
    /// An IBAN with a valid checksum.
    case iban = "IBAN"
    /// A payment card number passing Luhn and issuer ranges.
    case card = "CARD"
    /// An IPv4 or IPv6 address.
    case ipAddress = "IP"
    /// A URL carrying personal data in its query.
    case url = "URL"
    /// A loyalty member number.
    case memberNumber = "MEMBER_NUMBER"
    /// A date of birth.
    case dateOfBirth = "DATE_OF_BIRTH"
    /// A postal address.
    case address = "ADDRESS"
    /// A government or insurance id: SSN, National Insurance or NHS number, Steuer-ID (by its check digit) or
    /// Steuernummer, identity card, passport.
    case nationalID = "NATIONAL_ID"
    /// A vehicle registration.
    case licensePlate = "LICENSE_PLATE"
    /// A social-media handle or profile URL.
    case socialHandle = "SOCIAL_HANDLE"
}

/// A span of personal data found in a text, in Unicode code points (end exclusive).
struct Detection: Equatable {
    /// What it is.
    let type: EntityType
    /// First code point.
    var start: Int
    /// One past the last code point.
    var end: Int
    /// Overlap priority: known value 0 > checksum-validated 1 > structured 2 > address 3 > date 4 > cue-based name 5 > the name model's 6.
    let priority: Int
    /// The catalog field this is a known value of, if any (a known full name: both fields, space-separated).
    var field: String? = nil

    /// Length in code points.
    var length: Int { end - start }
}

/// Overlap priorities, named.
enum DetectionPriority {
    static let knownValue = 0
    static let checksum = 1
    static let structured = 2
    static let address = 3
    static let date = 4
    static let cueName = 5
    static let modelName = 6
}
