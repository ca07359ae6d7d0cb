import Foundation

/// `controller.json`: who answers for the data (GDPR Art. 13(1)(a)–(b)): the controller, its data
/// protection officer and, optionally, the supervisory authority. Every export shows them.
/// Optional in a policy set, so vaults created before it existed still open; their exports say
/// that no contact is on file.
public struct ControllerContact: Codable, Sendable, Equatable {
    /// File name inside a policy folder.
    public static let fileName = "controller.json"
    /// Document format version.
    public let version: Int
    /// The retailer that decides what is done with the data.
    public let controller: ContactParty
    /// The data protection officer (Art. 37–39).
    public let dataProtectionOfficer: ContactParty
    /// Where a member may complain (Art. 77), if named.
    public let supervisoryAuthority: ContactParty?

    /// Whether the controller's email is still on a reserved example domain (RFC 2606), as in
    /// the shipped `controller.json`: exports would name a contact that does not exist.
    public var isExample: Bool {
        guard let domain = controller.email?.split(separator: "@").last?.lowercased() else { return false }
        return ["example.com", "example.org", "example.net"].contains(domain) || domain.hasSuffix(".example") || domain.hasSuffix(".test")
    }

    enum CodingKeys: String, CodingKey {
        case version, controller
        case dataProtectionOfficer = "data_protection_officer"
        case supervisoryAuthority = "supervisory_authority"
    }
}

/// One party's contact details as a member reads them: a name and at least one way to reach it.
public struct ContactParty: Codable, Sendable, Equatable {
    /// Name of the company, office or person.
    public let name: String
    /// Postal address on one line.
    public let address: String?
    /// Email address.
    public let email: String?
    /// Phone number as it should be dialled.
    public let phone: String?
    /// Web address.
    public let website: String?

    /// The party as a JSON object (export.json), only the details it has.
    var jsonObject: [String: String] {
        var object = ["name": name]
        for (key, value) in [("address", address), ("email", email), ("phone", phone), ("website", website)] { object[key] = value }
        return object
    }
}

/// Checks `controller.json`: names present, a way to reach each party, plain single-line text.
enum ControllerContactValidator {
    /// Longest text accepted for one detail.
    static let maximumLength = 300

    /// Every problem in `contact`.
    static func problems(in contact: ControllerContact) -> [PolicyProblem] {
        var problems: [PolicyProblem] = []
        func report(_ path: String, _ message: String) { problems.append(PolicyProblem(file: ControllerContact.fileName, path: path, message: message)) }
        if contact.version != 1 { report("$.version", "must be 1") }
        func check(_ party: ContactParty, at path: String, needsAddress: Bool) {
            let details = [("name", party.name as String?), ("address", party.address), ("email", party.email), ("phone", party.phone), ("website", party.website)]
            for (key, value) in details {
                guard let value else { continue }
                if value.trimmingCharacters(in: .whitespaces).isEmpty { report("\(path).\(key)", "must not be empty") }
                if value.count > maximumLength { report("\(path).\(key)", "must be at most \(maximumLength) characters") }
                if !PolicyText.isOneLine(value) {
                    report("\(path).\(key)", "must be one line of plain text (no control, line-separator or invisible formatting characters)")
                }
            }
            if let email = party.email, !isPlausibleEmail(email) { report("\(path).email", "is not an email address") }
            if party.email == nil && party.address == nil && party.phone == nil && party.website == nil {
                report(path, "needs at least one of address, email, phone or website")
            }
            if needsAddress && (party.address == nil || party.email == nil) { report(path, "the controller needs an address and an email (Art. 13(1)(a))") }
        }
        check(contact.controller, at: "$.controller", needsAddress: true)
        check(contact.dataProtectionOfficer, at: "$.data_protection_officer", needsAddress: false)
        if let authority = contact.supervisoryAuthority { check(authority, at: "$.supervisory_authority", needsAddress: false) }
        return problems
    }

    private static func isPlausibleEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !text.contains(" ")
    }
}
