/// Owns the points ledger (`points_ledger`), the profiling asks (`profile_asks`) and the points kept
/// under a pseudonym after erasure (`points_archive`). Runs inside the caller's transaction.
struct RewardStore {
    /// Rule id of admin corrections, which the once-only index does not cover.
    static let adjustmentRuleID = "adjustment"

    let database: Database

    /// Appends an award unless this rule already awarded the member in this scope; the unique
    /// index decides, so concurrent requests cannot both win. Returns whether it was awarded.
    func award(_ rule: RewardRule, to member: MemberID, scope: String, actor: Principal, now: String) throws -> Bool {
        try database.statement("""
            INSERT OR IGNORE INTO points_ledger (member_key, rule_id, rule_version, scope_key, points, reason, at_unix, actor)
            VALUES ((SELECT key FROM members WHERE id = ?1), ?2, ?3, ?4, ?5, ?6, unixepoch(?7), ?8)
            """).run([.text(member.rawValue), .text(rule.id), .integer(Int64(rule.version)), .text(scope),
                      .integer(Int64(rule.points)), .text(rule.description), .text(now), .text(actor.name)])
        return database.changes == 1
    }

    /// Whether `rule` already awarded `member` in `scope`.
    func hasAward(_ ruleID: String, member: MemberID, scope: String) throws -> Bool {
        !(try database.statement("SELECT 1 AS found FROM points_ledger WHERE member_key = (SELECT key FROM members WHERE id = ?1) AND rule_id = ?2 AND scope_key = ?3")
            .rows([.text(member.rawValue), .text(ruleID), .text(scope)], table: "points_ledger").isEmpty)
    }

    /// Awards of `ruleID` to anyone in `year`.
    func awardCount(_ ruleID: String, year: String) throws -> Int {
        try database.statement("""
            SELECT count(*) AS value FROM points_ledger
            WHERE rule_id = ?1 AND at_unix >= unixepoch(printf('%04d-01-01', ?2)) AND at_unix < unixepoch(printf('%04d-01-01', ?2 + 1))
            """)
            .scalar([.text(ruleID), .text(year)], table: "points_ledger")
    }

    /// Appends an admin correction.
    func adjust(_ member: MemberID, points: Int, reason: String, actor: Principal, now: String) throws {
        try database.statement("""
            INSERT INTO points_ledger (member_key, rule_id, rule_version, scope_key, points, reason, at_unix, actor)
            VALUES ((SELECT key FROM members WHERE id = ?1), ?2, 0, ?3, ?4, ?5, unixepoch(?6), ?7)
            """).run([.text(member.rawValue), .text(Self.adjustmentRuleID), .text(now), .integer(Int64(points)),
                      .text(reason), .text(now), .text(actor.name)])
    }

    /// The member's balance: the sum of the ledger.
    func balance(of member: MemberID) throws -> Int {
        try database.statement("SELECT sum(points) AS value FROM points_ledger WHERE member_key = (SELECT key FROM members WHERE id = ?1)")
            .scalar([.text(member.rawValue)], table: "points_ledger")
    }

    /// The member's ledger, oldest first.
    func entries(of member: MemberID) throws -> [PointsEntry] {
        try database.statement("""
            SELECT seq, rule_id, rule_version, scope_key, points, reason, at, actor FROM points_ledger WHERE member_key = (SELECT key FROM members WHERE id = ?1) ORDER BY seq
            """).rows([.text(member.rawValue)], table: "points_ledger").map {
            PointsEntry(sequence: try $0.integer("seq"), ruleID: try $0.text("rule_id"), ruleVersion: try $0.integer("rule_version"),
                        scope: try $0.text("scope_key"), points: try $0.integer("points"), reason: try $0.text("reason"),
                        at: try $0.text("at"), actor: try $0.text("actor"))
        }
    }

    /// Awards and points per rule, over all members.
    func totalsByRule() throws -> [(rule: String, awards: Int, points: Int)] {
        try database.statement("SELECT rule_id, count(*) AS awards, sum(points) AS points FROM points_ledger GROUP BY rule_id ORDER BY rule_id")
            .rows(table: "points_ledger").map { (try $0.text("rule_id"), try $0.integer("awards"), try $0.integer("points")) }
    }

    // MARK: Profiling asks

    /// Records that `field` was asked, shared or declined on `channel`.
    func recordAsk(member: MemberID, field: String, channel: Channel, outcome: ProfileAskOutcome, at now: String) throws {
        try database.statement("INSERT INTO profile_asks (member_id, field, channel, outcome, at) VALUES (?1, ?2, ?3, ?4, ?5)")
            .run([.text(member.rawValue), .text(field), .text(channel.rawValue), .text(outcome.rawValue), .text(now)])
    }

    /// Fields the member declined at or after `since`.
    func declinedFields(of member: MemberID, since: String) throws -> Set<String> {
        Set(try database.statement("SELECT field FROM profile_asks WHERE member_id = ?1 AND outcome = 'declined' AND at >= ?2")
            .rows([.text(member.rawValue), .text(since)], table: "profile_asks").map { try $0.text("field") })
    }

    /// Distinct members asked for `field` (with `outcome`, or with any).
    func membersAsked(field: String, outcome: ProfileAskOutcome? = nil) throws -> Int {
        guard let outcome else {
            return try database.statement("SELECT count(DISTINCT member_id) AS value FROM profile_asks WHERE field = ?1")
                .scalar([.text(field)], table: "profile_asks")
        }
        return try database.statement("SELECT count(DISTINCT member_id) AS value FROM profile_asks WHERE field = ?1 AND outcome = ?2")
            .scalar([.text(field), .text(outcome.rawValue)], table: "profile_asks")
    }

    /// Distinct member-field pairs asked on `channel`, and of those, shared later on the same channel.
    func conversion(on channel: Channel) throws -> (asked: Int, shared: Int) {
        let asked = try database.statement("""
            SELECT count(*) AS value FROM (SELECT DISTINCT member_id, field FROM profile_asks WHERE channel = ?1 AND outcome = 'asked')
            """).scalar([.text(channel.rawValue)], table: "profile_asks")
        let shared = try database.statement("""
            SELECT count(*) AS value FROM (SELECT DISTINCT a.member_id, a.field FROM profile_asks a JOIN profile_asks s
                ON s.member_id = a.member_id AND s.field = a.field AND s.channel = a.channel AND s.outcome = 'shared' AND s.seq > a.seq
                WHERE a.channel = ?1 AND a.outcome = 'asked')
            """).scalar([.text(channel.rawValue)], table: "profile_asks")
        return (asked, shared)
    }

    // MARK: Seals

    /// The member's rows a seal covers: the points ledger.
    func sealedRows(of member: String) throws -> [Row] {
        try database.statement("""
            SELECT seq, rule_id, rule_version, scope_key, points, reason, at, actor FROM points_ledger WHERE member_key = (SELECT key FROM members WHERE id = ?1) ORDER BY seq
            """).rows([.text(member)], table: "points_ledger")
    }

    // MARK: Erasure

    /// Ledger entries of the member, counted.
    func entryCount(of member: MemberID) throws -> Int {
        try database.statement("SELECT count(*) AS value FROM points_ledger WHERE member_key = (SELECT key FROM members WHERE id = ?1)").scalar([.text(member.rawValue)], table: "points_ledger")
    }

    /// When the member's latest ledger entry was booked (stored time, ISO 8601 UTC), if any.
    func latestEntryTime(of member: MemberID) throws -> String? {
        try database.statement("SELECT max(at) AS at FROM points_ledger WHERE member_key = (SELECT key FROM members WHERE id = ?1)")
            .rows([.text(member.rawValue)], table: "points_ledger").first?.optionalText("at")
    }

    /// Deletes archived (pseudonymized) bookings made before `day` (`YYYY-MM-DD`): their hold has ended.
    /// `time` is a stored time (ISO 8601, UTC).
    func deleteArchived(bookedBefore time: String) throws {
        try database.statement("DELETE FROM points_archive WHERE at < ?1").run([.text(time)])
    }

    /// Copies the member's ledger under the erasure tag `tag`, without member id or reasons.
    func archive(_ member: MemberID, tag: String) throws {
        try database.statement("""
            INSERT INTO points_archive (member_tag, rule_id, rule_version, scope_key, points, at)
            SELECT ?2, rule_id, rule_version, scope_key, points, at FROM points_ledger WHERE member_key = (SELECT key FROM members WHERE id = ?1)
            """).run([.text(member.rawValue), .text(tag)])
    }

    /// Deletes the member's ledger entries and profiling asks.
    func erase(_ member: MemberID) throws {
        try database.statement("DELETE FROM points_ledger WHERE member_key = (SELECT key FROM members WHERE id = ?1)").run([.text(member.rawValue)])
        try database.statement("DELETE FROM profile_asks WHERE member_id = ?1").run([.text(member.rawValue)])
    }
}

/// What happened when a profile field came up.
enum ProfileAskOutcome: String {
    /// The vault suggested asking for it.
    case asked
    /// The member shared it.
    case shared
    /// The member declined.
    case declined
}
