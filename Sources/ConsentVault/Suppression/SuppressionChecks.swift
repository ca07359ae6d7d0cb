/// The suppression list at work inside other capabilities' transactions: erasure and objection add
/// the member's contact values, and every direct-marketing grant (enrolment, import, consent
/// grant, profile share) is checked against it.
extension VaultContext {
    /// Indexed fields whose values reach a person: email addresses and phone numbers.
    var contactFields: Set<String> {
        Set(catalog.fields.filter { $0.indexed && ($0.type == .email || $0.type == .phone) }.map(\.name))
    }

    /// The suppression hashes of the member's stored contact values, by field.
    func contactHashes(of member: MemberID) throws -> [(field: String, hash: [UInt8])] {
        let contacts = contactFields
        return try members.indexEntries(of: member).filter { contacts.contains($0.field) }
            .map { ($0.field, try keys.suppressionHash(field: $0.field, blindIndex: $0.hash)) }
    }

    /// Puts the member's contact values on the suppression list (before an erasure removes them).
    func suppressContacts(of member: MemberID, reason: SuppressionReason) throws {
        try verifyTable("requests")
        for contact in try contactHashes(of: member) {
            try suppression.add(contact.hash, field: contact.field, reason: reason, on: today.iso)
        }
    }

    /// Throws `contactSuppressed` when `purpose` is direct marketing and one of the member's
    /// contact values is on the suppression list.
    func checkNotSuppressed(_ member: MemberID, for purpose: Purpose) throws {
        guard purpose.directMarketing == true else { return }
        for contact in try contactHashes(of: member) {
            guard let entry = try suppression.entry(contact.hash) else { continue }
            throw SuppressionError.contactSuppressed(purpose: purpose.id, field: contact.field, reason: entry.reason, since: entry.addedOn)
        }
    }
}
