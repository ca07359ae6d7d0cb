/// Appends to and reads the points ledger. Runs inside the caller's transaction.
struct RewardLedger {
    /// Rule id of admin corrections, which the once-only index does not cover.
    static let adjustmentRuleID = "adjustment"

    let database: Database

    /// Appends an award unless this rule already awarded the member in this scope; the unique
    /// index decides, so concurrent requests cannot both win. Returns whether it was awarded.
    func award(_ rule: RewardRule, to member: MemberID, scope: String, actor: Principal, now: String) throws -> Bool {
        try database.statement("""
            INSERT OR IGNORE INTO points_ledger (member_id, rule_id, rule_version, scope_key, points, reason, at, actor)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
            """).run([.text(member.rawValue), .text(rule.id), .integer(Int64(rule.version)), .text(scope),
                      .integer(Int64(rule.points)), .text(rule.description), .text(now), .text(actor.name)])
        return database.changes == 1
    }

    /// Whether `rule` already awarded `member` in `scope`.
    func hasAward(_ ruleID: String, member: MemberID, scope: String) throws -> Bool {
        !(try database.statement("SELECT 1 FROM points_ledger WHERE member_id = ?1 AND rule_id = ?2 AND scope_key = ?3")
            .rows([.text(member.rawValue), .text(ruleID), .text(scope)]).isEmpty)
    }

    /// Awards of `ruleID` to anyone in `year`.
    func awardCount(_ ruleID: String, year: String) throws -> Int {
        Int(try database.statement("SELECT count(*) FROM points_ledger WHERE rule_id = ?1 AND substr(at, 1, 4) = ?2")
            .rows([.text(ruleID), .text(year)]).first?.first?.integer ?? 0)
    }

    /// Appends an admin correction.
    func adjust(_ member: MemberID, points: Int, reason: String, actor: Principal, now: String) throws {
        try database.statement("""
            INSERT INTO points_ledger (member_id, rule_id, rule_version, scope_key, points, reason, at, actor)
            VALUES (?1, ?2, 0, ?3, ?4, ?5, ?6, ?7)
            """).run([.text(member.rawValue), .text(Self.adjustmentRuleID), .text(now), .integer(Int64(points)),
                      .text(reason), .text(now), .text(actor.name)])
    }

    /// The member's balance: the sum of the ledger.
    func balance(of member: MemberID) throws -> Int {
        Int(try database.statement("SELECT coalesce(sum(points), 0) FROM points_ledger WHERE member_id = ?1")
            .rows([.text(member.rawValue)]).first?.first?.integer ?? 0)
    }

    /// The member's ledger, oldest first.
    func entries(of member: MemberID) throws -> [PointsEntry] {
        try database.statement("""
            SELECT seq, rule_id, rule_version, scope_key, points, reason, at, actor FROM points_ledger WHERE member_id = ?1 ORDER BY seq
            """).rows([.text(member.rawValue)]).map {
            PointsEntry(sequence: Int($0[0].integer ?? 0), ruleID: $0[1].text ?? "", ruleVersion: Int($0[2].integer ?? 0),
                        scope: $0[3].text ?? "", points: Int($0[4].integer ?? 0), reason: $0[5].text ?? "", at: $0[6].text ?? "",
                        actor: $0[7].text ?? "")
        }
    }
}
