/// Reads the events feed (`events`, its kinds, purposes and fields in `event_terms`), which schema
/// triggers write when consent events are recorded and when a member is erased.
struct EventStore {
    let database: Database

    /// Up to `limit` events with a sequence number above `sequence`, oldest first.
    func events(after sequence: Int, limit: Int) throws -> [VaultEvent] {
        try database.statement("""
            SELECT e.seq AS seq, e.at AS at, t.kind AS kind, m.id AS member_id, t.purpose AS purpose, t.field AS field
            FROM events e JOIN members m ON m.key = e.member_key LEFT JOIN event_terms t ON t.code = e.terms
            WHERE e.seq > ?1 ORDER BY e.seq LIMIT ?2
            """)
            .rows([.integer(Int64(sequence)), .integer(Int64(limit))], table: "events").map { row in
                let (purpose, field) = (try row.text("purpose"), try row.text("field"))
                return VaultEvent(sequence: try row.integer("seq"), at: try row.text("at"), kind: try row.text("kind"),
                                  member: try MemberID(try row.text("member_id")), purpose: purpose.isEmpty ? nil : purpose,
                                  field: field.isEmpty ? nil : field)
            }
    }

    /// The highest sequence number the feed ever used (0 before the first event); erased events keep theirs.
    func newestSequence() throws -> Int {
        try database.statement("SELECT coalesce(max(seq), 0) AS value FROM sqlite_sequence WHERE name = 'events'")
            .scalar(table: "sqlite_sequence")
    }
}
