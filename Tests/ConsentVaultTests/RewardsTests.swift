@testable import ConsentVault
import Foundation
import Testing

@Suite("Rewards: earned once, never clawed back, capped, age- and consent-bound")
struct RewardsTests {
    private func points(_ test: TestVault, _ member: MemberID) throws -> Int { try test.vault.rewards.balance(of: member, as: admin) }

    @Test("the same share sent 50 times from several threads, each with its own connection, earns once")
    func concurrentShares() async throws {
        let test = try TestVault()
        let member = try test.vault.members.enroll([FieldInput("email", "anna@example.de")], channel: .app, as: admin).member
        let (path, keyPath, now) = (test.vaultPath, test.keyPath, test.clock.now)
        try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<5 {
                group.addTask {
                    let vault = try Vault.open(at: path, keyRing: try KeyRing.load(path: keyPath) { nil }, clock: { now })
                    var earned = 0
                    for _ in 0..<10 {
                        earned += try vault.profiles.share("birthday", value: "1990-12-24", for: member, purpose: "birthday_rewards",
                                                              channel: .app, as: admin).awards.reduce(0) { $0 + $1.points }
                    }
                    return earned
                }
            }
            var total = 0
            for try await earned in group { total += earned }
            #expect(total == 100, "exactly one share earned the 100 points")
        }
        #expect(try points(test, member) == 100)
        #expect(try test.vault.rewards.ledger(of: member, as: admin).map(\.ruleID) == ["share_birthday"])
    }

    @Test("editing, withdrawing and sharing again earn nothing more, and withdrawal claws nothing back")
    func noDoubleNoClawback() throws {
        let test = try TestVault()
        let member = try test.vault.members.enroll([FieldInput("email", "anna@example.de")], channel: .app, as: admin).member
        let first = try test.vault.profiles.share("clothing_size", value: "M", for: member, purpose: "personalized_offers", channel: .app, as: admin)
        #expect(first.awards == [Award(ruleID: "share_clothing_size", points: 50)])
        #expect(try test.vault.profiles.share("clothing_size", value: "L", for: member, purpose: "personalized_offers", channel: .app, as: admin).awards.isEmpty)
        try test.vault.members.set("clothing_size", to: "XL", for: member, as: admin)
        try test.vault.consents.withdraw(ConsentRequest(purpose: "personalized_offers"), for: member, as: admin)
        #expect(try points(test, member) == 50, "no clawback")
        #expect(try test.vault.members.decryptFields(of: member)["clothing_size"] == nil, "the value went with the consent")
        #expect(try test.vault.profiles.share("clothing_size", value: "S", for: member, purpose: "personalized_offers", channel: .app, as: admin).awards.isEmpty)
        #expect(try points(test, member) == 50)
        #expect(throws: StorageError.self) { try test.rawDatabase().execute("UPDATE points_ledger SET points = 0") }
    }

    @Test("a completed profile earns its bonus once; double opt-in earns on confirmation only")
    func bonuses() throws {
        let test = try TestVault()
        let member = try test.vault.members.enroll([FieldInput("email", "anna@example.de")], consents: [ConsentRequest(purpose: "email_marketing")], channel: .web, as: admin)
        #expect(try points(test, member.member) == 0, "pending double opt-in earns nothing")
        _ = try test.vault.consents.confirm(token: member.consents[0].token!, for: member.member, as: admin)
        #expect(try points(test, member.member) == 200)
        for (field, value) in [("birthday", "1990-12-24"), ("clothing_size", "M"), ("shoe_size", "39"), ("preferred_store", "Köln")] {
            _ = try test.vault.profiles.share(field, value: value, for: member.member, purpose: "personalized_offers", channel: .app, as: admin)
        }
        let rules = try test.vault.rewards.ledger(of: member.member, as: admin).map(\.ruleID)
        #expect(rules == ["email_double_opt_in", "share_clothing_size", "share_shoe_size", "share_preferred_store", "profile_complete"],
                "birthday under personalized_offers earns nothing: its rule needs birthday_rewards")
    }

    @Test("the yearly birthday reward earns once per calendar year")
    func birthdayYearly() throws {
        let test = try TestVault(today: Timestamp.date("2026-06-01T09:00:00Z")!)
        let member = try test.vault.members.enroll([FieldInput("birthday", "1990-05-03")], consents: [ConsentRequest(purpose: "birthday_rewards")], channel: .app, as: admin).member
        let notYet = try test.vault.members.enroll([FieldInput("birthday", "1990-08-03")], consents: [ConsentRequest(purpose: "birthday_rewards")], channel: .app, as: admin).member
        let noConsent = try test.vault.members.enroll([FieldInput("birthday", "1990-01-03")], channel: .app, as: admin).member
        #expect(Set(try test.vault.rewards.awardBirthdays(as: admin).keys) == [member])
        #expect(try test.vault.rewards.awardBirthdays(as: admin).isEmpty, "second run the same year")
        test.clock.advance(days: 70)
        #expect(Set(try test.vault.rewards.awardBirthdays(as: admin).keys) == [notYet])
        test.clock.advance(days: 365)
        #expect(Set(try test.vault.rewards.awardBirthdays(as: admin).keys) == [member, notYet])
        #expect(try test.vault.rewards.ledger(of: member, as: admin).filter { $0.ruleID == "birthday_bonus" }.map(\.scope) == ["2026", "2027"])
        #expect(try points(test, noConsent) == 0)
    }

    @Test("a programme cap stops awards once reached")
    func cap() throws {
        let test = try TestVault()
        let capped = try test.editedRewards { rules in
            for index in rules.indices where rules[index]["id"] as? String == "share_shoe_size" { rules[index]["cap"] = ["total_awards_per_year": 2] }
        }
        try test.vault.applyPolicies(try PolicySet.load(fromDirectory: capped), as: admin)
        let earned = try (0..<3).map { index -> Int in
            let member = try test.vault.members.enroll([FieldInput("email", "m\(index)@example.de")], channel: .app, as: admin).member
            return try test.vault.profiles.share("shoe_size", value: "40", for: member, purpose: "personalized_offers", channel: .app, as: admin)
                .awards.reduce(0) { $0 + $1.points }
        }
        #expect(earned == [50, 50, 0])
    }

    @Test("members under the minimum age earn nothing, even with a guardian's consent; without one nothing is stored")
    func minors() throws {
        let test = try TestVault()
        let year = CalendarDay.today(test.clock.now).year
        let child = try test.vault.members.enroll([FieldInput("birthday", "\(year - 12)-01-01")], channel: .app, as: admin).member
        #expect(throws: ConsentError.minorNeedsGuardian(purpose: "personalized_offers", minimumAge: 16)) {
            _ = try test.vault.profiles.share("clothing_size", value: "S", for: child, purpose: "personalized_offers", channel: .app, as: admin)
        }
        #expect(try test.vault.members.decryptFields(of: child)["clothing_size"] == nil, "a refused share stores nothing")
        let shared = try test.vault.profiles.share("clothing_size", value: "S", for: child, purpose: "personalized_offers", channel: .app,
                                                      evidence: ConsentEvidence(guardianConsent: true), as: admin)
        #expect(shared.awards.isEmpty && shared.balance == 0)
        #expect(try test.vault.profiles.nextQuestion(for: child, channel: .app, as: admin) == nil, "nothing to ask a 12-year-old")
    }

    @Test("admin adjustments need a reason and are the only way down")
    func adjustments() throws {
        let test = try TestVault()
        let member = try test.vault.members.enroll([FieldInput("email", "anna@example.de")], channel: .app, as: admin).member
        #expect(throws: RewardError.reasonRequired) { _ = try test.vault.rewards.adjust(member, by: 10, reason: " ", as: admin) }
        #expect(throws: RewardError.zeroAdjustment) { _ = try test.vault.rewards.adjust(member, by: 0, reason: "x", as: admin) }
        #expect(try test.vault.rewards.adjust(member, by: 120, reason: "Kulanz", as: admin) == 120)
        #expect(try test.vault.rewards.adjust(member, by: -20, reason: "Korrektur", as: admin) == 100)
        #expect(try test.vault.rewards.ledger(of: member, as: admin).map(\.reason) == ["Kulanz", "Korrektur"])
    }
}

@Suite("What to ask next")
struct ProfileNextTests {
    @Test("highest unearned reward first; declines wait out the cooldown; channels and age are respected")
    func next() throws {
        let test = try TestVault()
        let member = try test.vault.members.enroll([FieldInput("email", "anna@example.de")], channel: .app, as: admin).member
        func ask(_ channel: Channel = .app) throws -> (String, Int)? {
            try test.vault.profiles.nextQuestion(for: member, channel: channel, as: admin).map { ($0.field, $0.points) }
        }
        #expect(try ask()! == ("birthday", 100))
        try test.vault.profiles.decline("birthday", for: member, channel: .app, as: admin)
        #expect(try ask()! == ("clothing_size", 50))
        _ = try test.vault.profiles.share("clothing_size", value: "M", for: member, purpose: "personalized_offers", channel: .app, as: admin)
        _ = try test.vault.profiles.share("shoe_size", value: "41", for: member, purpose: "personalized_offers", channel: .app, as: admin)
        #expect(try ask()! == ("preferred_store", 30))
        #expect(try ask(.store) == nil, "preferred_store is not collected in store, birthday was declined")
        test.clock.advance(days: 91)
        #expect(try ask(.store)! == ("birthday", 100), "the cooldown is over")
        #expect(throws: RewardError.notAskable("email")) { try test.vault.profiles.decline("email", for: member, channel: .app, as: admin) }
    }

    @Test("the notice comes in the member's language")
    func language() throws {
        let test = try TestVault()
        let member = try test.vault.members.enroll([FieldInput("email", "anna@example.de")], consents: [ConsentRequest(purpose: "email_marketing")],
                                           channel: .app, evidence: ConsentEvidence(language: "en"), as: admin).member
        let suggestion = try #require(try test.vault.profiles.nextQuestion(for: member, channel: .app, as: admin))
        #expect(suggestion.language == "en")
        #expect(suggestion.noticeText == test.vault.policies.purposes.purpose(suggestion.purpose)?.notice?.text["en"])
    }
}

@Suite("Profiling report: aggregates only")
struct ProfilingReportTests {
    @Test("small groups are suppressed; shown counts and rates are right")
    func suppression() throws {
        let test = try TestVault()
        for index in 0..<12 {
            let member = try test.vault.members.enroll([FieldInput("email", "m\(index)@example.de")], channel: .app, as: admin).member
            _ = try test.vault.profiles.nextQuestion(for: member, channel: .app, as: admin)
            _ = try test.vault.profiles.share("birthday", value: "1990-12-24", for: member, purpose: "birthday_rewards", channel: .app, as: admin)
            if index < 3 { _ = try test.vault.profiles.share("clothing_size", value: "M", for: member, purpose: "personalized_offers", channel: .web, as: admin) }
        }
        let report = try test.vault.profiles.report(as: admin)
        #expect(report.members == 12)
        #expect(report.fields.first { $0.field == "birthday" } == .init(field: "birthday", shared: 12, declined: 0, shareRatePercent: 100, declineRatePercent: 0))
        #expect(report.fields.first { $0.field == "clothing_size" }?.shared == nil, "3 members are fewer than k = 10")
        #expect(report.completeness.first { $0.fieldsShared == 1 }?.members == nil && report.completeness.first { $0.fieldsShared == 2 }?.members == nil)
        #expect(report.purposes.first { $0.purpose == "birthday_rewards" }?.active == 12)
        #expect(report.rules.first { $0.rule == "share_birthday" } == .init(rule: "share_birthday", awards: 12, points: 1200))
        #expect(report.rules.first { $0.rule == "share_clothing_size" }?.points == nil)
        #expect(report.channels.first { $0.channel == .app } == .init(channel: .app, asked: 12, shared: 12, conversionPercent: 100))
    }
}

extension TestVault {
    /// The repository's policies with `edit` applied to the rules of `rewards.json`.
    func editedRewards(_ edit: (inout [[String: Any]]) -> Void) throws -> URL {
        let directory = try editedPolicies { _ in }
        let url = directory.appendingPathComponent(RewardPolicy.fileName)
        var document = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        var rules = document["rules"] as! [[String: Any]]
        edit(&rules)
        document["rules"] = rules
        try JSONSerialization.data(withJSONObject: document).write(to: url)
        return directory
    }
}
