import Foundation

/// The points ledger: balances, entries, corrections, and the yearly birthday awards.
public struct RewardOperations {
    let context: VaultContext

    /// The member's points balance (the sum of the ledger).
    public func balance(of member: MemberID, as principal: Principal) throws -> Int {
        try context.audited(principal, .rewardsBalance, member: member) { _ in
            _ = try context.memberRecord(member)
            return try context.rewards.balance(of: member)
        }
    }

    /// The member's points ledger, oldest first.
    public func ledger(of member: MemberID, as principal: Principal) throws -> [PointsEntry] {
        try context.audited(principal, .rewardsLedger, member: member) { _ in
            _ = try context.memberRecord(member)
            return try context.rewards.entries(of: member)
        }
    }

    /// An explicit correction by an administrator, with a reason; the only way points go down.
    /// Returns the new balance.
    public func adjust(_ member: MemberID, by points: Int, reason: String, as principal: Principal) throws -> Int {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw RewardError.reasonRequired }
        guard points != 0 else { throw RewardError.zeroAdjustment }
        guard points.magnitude <= RewardRule.maximumPoints else { throw RewardError.adjustmentTooLarge(maximum: RewardRule.maximumPoints) }
        guard FreeText.isAcceptable(reason) else { throw RewardError.reasonNotPlainText(maximum: FreeText.maximumLength) }
        return try context.audited(principal, .rewardsAdjust, member: member) { _ in
            _ = try context.memberRecord(member)
            let balance = try context.rewards.balance(of: member)
            guard balance.addingReportingOverflow(points).overflow == false else { throw RewardError.balanceOverflow }
            try context.rewards.adjust(member, points: points, reason: reason, actor: principal, now: context.timestamp)
            return try context.rewards.balance(of: member)
        }
    }

    /// Awards the yearly birthday rules to every member whose birthday has come this calendar year
    /// (29 February counts as 28 February in other years). Safe to run daily or after a gap.
    public func awardBirthdays(as principal: Principal) throws -> [MemberID: [Award]] {
        guard context.birthdayField != nil else { return [:] }
        return try context.audited(principal, .rewardsBirthdays) { _ in try context.awardBirthdays(actor: principal) }
    }
}
