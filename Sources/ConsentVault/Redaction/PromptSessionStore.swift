import Foundation

/// Owns `prompt_sessions`: placeholder mappings sealed with the session key, expiring.
struct PromptSessionStore {
    let database: Database

    /// The stored session `id`, or nil.
    func session(_ id: String) throws -> StoredPromptSession? {
        try database.statement("SELECT member_id, purpose, created_by, expires_at, mapping FROM prompt_sessions WHERE id = ?1")
            .rows([.text(id)], table: "prompt_sessions").first.map {
                StoredPromptSession(member: try $0.optionalMemberID("member_id"), purpose: try $0.text("purpose"),
                                    createdBy: try $0.text("created_by"), expiresAt: try $0.date("expires_at"),
                                    sealedMapping: try $0.blob("mapping"))
            }
    }

    /// Creates session `id`, or replaces the mapping of an existing one (its expiry stays).
    func save(_ id: String, member: MemberID?, purpose: String, createdBy: String, createdAt: String, expiresAt: String,
              sealedMapping: [UInt8]) throws {
        try database.statement("""
            INSERT INTO prompt_sessions (id, member_id, purpose, created_by, created_at, expires_at, mapping) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
            ON CONFLICT (id) DO UPDATE SET mapping = ?7
            """).run([.text(id), member.map { .text($0.rawValue) } ?? .null, .text(purpose), .text(createdBy), .text(createdAt),
                      .text(expiresAt), .blob(sealedMapping)])
    }

    /// Deletes every session that expired before `now`.
    func purgeExpired(before now: String) throws {
        try database.statement("DELETE FROM prompt_sessions WHERE expires_at < ?1").run([.text(now)])
    }

    /// Deletes every session of the member, and every session made for free text without a member
    /// (any of them may hold the member's values).
    func erase(_ member: MemberID) throws {
        try database.statement("DELETE FROM prompt_sessions WHERE member_id = ?1 OR member_id IS NULL").run([.text(member.rawValue)])
    }
}

/// A prompt session row: who and what it is for, and its sealed mapping.
struct StoredPromptSession {
    /// The member whose values it may hold, or nil for free text.
    let member: MemberID?
    /// The purpose the session was opened for.
    let purpose: String
    /// Name of the principal that made it; only it (or the local administrator) may use it.
    let createdBy: String
    /// When it stops working.
    let expiresAt: Date
    /// The placeholder mapping, sealed with the session key.
    let sealedMapping: [UInt8]
}
