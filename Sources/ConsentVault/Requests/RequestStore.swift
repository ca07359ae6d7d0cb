/// Owns the data subject requests (`requests`) and the Art. 18 restrictions they put in force
/// (`member_restrictions`).
struct RequestStore {
    let database: Database

    private static let columns = """
        id, member_id, type, channel, received_on, coalesce(extended_due_on, due_on) AS due_on, extension_reason, status, outcome,
        substr(member_tag, 1, 4) = 'req:' AS by_contact
        """

    /// Prefix of `member_tag` for a request recorded by the requester's contact.
    static let requesterTagPrefix = "req:"

    /// The `member_tag` of a request by contact: the prefix, then each contact field of the
    /// contact's type with the contact's blind index under it in hex (`req:email:…;work_email:…`).
    static func requesterTag(_ indexes: [(field: String, blindIndex: [UInt8])]) -> String {
        requesterTagPrefix + indexes.map { $0.field + ":" + Hex.encode($0.blindIndex) }.joined(separator: ";")
    }

    /// The contact fields and blind indexes of request `id` when it was recorded by contact.
    func requesterIndexes(of id: String) throws -> [(field: String, blindIndex: [UInt8])]? {
        guard let tag = try database.statement("SELECT member_tag FROM requests WHERE id = ?1").rows([.text(id)], table: "requests").first?.text("member_tag"),
              tag.hasPrefix(Self.requesterTagPrefix) else { return nil }
        return try tag.dropFirst(Self.requesterTagPrefix.count).split(separator: ";").map { part in
            let pieces = part.split(separator: ":")
            guard pieces.count == 2, let index = Hex.decode(String(pieces[1])) else {
                throw StorageError.corruptRow(table: "requests", column: "member_tag", problem: "not a contact tag")
            }
            return (String(pieces[0]), index)
        }
    }

    /// Records a new open request.
    /// `member` is nil for a requester who is no member; `memberTag` is then `requesterTag(_:)`.
    func insert(id: String, member: MemberID?, memberTag: String, type: RequestType, channel: Channel?, receivedOn: String,
                dueOn: String, openedBy: String) throws {
        try database.statement("""
            INSERT INTO requests (id, member_id, member_tag, type, channel, received_on, due_on, opened_by)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
            """).run([.text(id), member.map { .text($0.rawValue) } ?? .null, .text(memberTag), .text(type.rawValue),
                      channel.map { .text($0.rawValue) } ?? .null, .text(receivedOn), .text(dueOn), .text(openedBy)])
    }

    /// Gives a request recorded by contact to the member who now has that contact.
    func attach(_ id: String, to member: MemberID, tag: String) throws {
        try database.statement("UPDATE requests SET member_id = ?2, member_tag = ?3 WHERE id = ?1").run([.text(id), .text(member.rawValue), .text(tag)])
    }

    /// One request, or nil.
    func request(_ id: String) throws -> DataSubjectRequest? {
        try database.statement("SELECT \(Self.columns) FROM requests WHERE id = ?1").rows([.text(id)], table: "requests").first.map(Self.decode)
    }

    /// Every request, the earliest due first.
    func all() throws -> [DataSubjectRequest] {
        try database.statement("SELECT \(Self.columns) FROM requests ORDER BY coalesce(extended_due_on, due_on), id")
            .rows(table: "requests").map(Self.decode)
    }

    /// The member's open requests, oldest first.
    func openRequests(of member: MemberID) throws -> [DataSubjectRequest] {
        try database.statement("SELECT \(Self.columns) FROM requests WHERE member_id = ?1 AND status = 'open' ORDER BY received_on, id")
            .rows([.text(member.rawValue)], table: "requests").map(Self.decode)
    }

    /// Sets the extended due date and its reason.
    func extend(_ id: String, to dueOn: String, reason: String) throws {
        try database.statement("UPDATE requests SET extended_due_on = ?2, extension_reason = ?3 WHERE id = ?1")
            .run([.text(id), .text(dueOn), .text(reason)])
    }

    /// Closes an open request with `outcome` and lifts any restriction it put in force.
    func close(_ id: String, outcome: RequestOutcome, at now: String) throws {
        try database.statement("UPDATE requests SET status = 'closed', outcome = ?2, closed_at = ?3 WHERE id = ?1 AND status = 'open'")
            .run([.text(id), .text(outcome.rawValue), .text(now)])
        try database.statement("DELETE FROM member_restrictions WHERE request_id = ?1").run([.text(id)])
    }

    private static func decode(_ row: Row) throws -> DataSubjectRequest {
        DataSubjectRequest(id: try row.text("id"), member: try row.optionalMemberID("member_id"), byContact: try row.integer("by_contact") == 1,
                           type: try row.decode("type", as: RequestType.self),
                           channel: try row.decodeOptional("channel", as: Channel.self), receivedOn: try row.text("received_on"), dueOn: try row.text("due_on"),
                           extensionReason: try row.optionalText("extension_reason"), status: try row.decode("status", as: RequestStatus.self),
                           outcome: try row.decodeOptional("outcome", as: RequestOutcome.self))
    }

    // MARK: Restriction (Art. 18)

    /// Restricts the member while request `id` is open.
    func restrict(_ member: MemberID, request id: String, since now: String) throws {
        try database.statement("INSERT OR IGNORE INTO member_restrictions (member_id, request_id, since) VALUES (?1, ?2, ?3)")
            .run([.text(member.rawValue), .text(id), .text(now)])
    }

    // MARK: Seals

    /// The member's rows a seal covers: the restrictions in force.
    func sealedRows(of member: String) throws -> [Row] {
        try database.statement("SELECT request_id, since FROM member_restrictions WHERE member_id = ?1 ORDER BY request_id")
            .rows([.text(member)], table: "member_restrictions")
    }

    /// Every request row, for the table seal.
    func sealedRows() throws -> [Row] {
        try database.statement("""
            SELECT id, member_id, member_tag, type, channel, received_on, due_on, extended_due_on, extension_reason, status, outcome,
                   closed_at, opened_by FROM requests ORDER BY id
            """).rows(table: "requests")
    }

    // MARK: Erasure

    /// Removes the member's restrictions, and from their requests the member id and the free-text
    /// extension reason (the erasure tag and the dates stay, as proof the request was handled).
    func detach(_ member: MemberID) throws {
        try database.statement("DELETE FROM member_restrictions WHERE member_id = ?1").run([.text(member.rawValue)])
        try database.statement("UPDATE requests SET member_id = NULL, extension_reason = NULL WHERE member_id = ?1").run([.text(member.rawValue)])
    }
}
